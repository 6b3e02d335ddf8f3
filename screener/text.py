"""Plain text: decoding bytes of unknown encoding, and tidying extracted text.

Normalisation keeps the line count, so a line number points at the same line in the
document the recruiter uploaded.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Restricted on purpose: unrestricted detection misreads short cp1252 resumes as cp1250.
CANDIDATE_ENCODINGS = ["utf_8", "cp1252", "latin_1", "utf_16"]
# Tried when none of those fits: the legacy encodings resumes are still saved in, named
# (an open detector reads short Japanese text as Korean and takes EBCDIC for text).
OTHER_ENCODINGS = [
    *("cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1255", "cp1256"),
    *("cp1257", "cp1258", "cp874", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr"),
]
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A bullet opening a line, found with the line break before it: a pattern that starts
# with a literal is searched for quickly, where ``^`` in MULTILINE mode is tried at every
# character.
_BULLET = re.compile(
    r"\n(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2219\u25a0\u25a1\u2043\u2013\u2014*·] ?|- )"
)
# Two cheap passes: odd blanks (tabs, no-break spaces) become spaces, then runs collapse.
_ODD_BLANKS = re.compile(r"[\t\u00a0\u2000-\u200b\u3000]")
_SPACE_RUNS = re.compile(r"  +")
# Removed: controls and invisible format characters: zero-width joiners, direction marks,
# embeddings, overrides and isolates (pasted right-to-left text brings them; "\u202ePython"
# is no Python), word joiners, soft hyphens, byte-order marks.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200c-\u200f\u2028\u2029"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_SPLIT_WORD = re.compile(r"-\n([a-z]\w*) ?")  # starts with a literal, so it is fast to find
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")


# What a terminal must not be sent as part of a file name: control characters (escape
# sequences, line breaks) and the format characters that reorder or hide text.
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]"
)


def printable(text: str) -> str:
    r"""``text`` safe to show on a terminal: each control or format character is a "?".

    >>> printable("cv\x1b[2J\u202efdp.exe")
    'cv?[2J?fdp.exe'
    """
    return _UNPRINTABLE.sub("?", text)


class NotText(ValueError):
    """The bytes are binary data, not text in any encoding we accept."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode text bytes: BOM, strict UTF-8, a detector restricted to Western encodings,
    then one over other legacy encodings (GBK, Shift JIS, Windows-1251...), then replacement.

    Returns the text and warnings. Raises `NotText` for binary data.

    >>> decode("Español Müller Développeur".encode("cp1252"))[0]
    'Español Müller Développeur'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace")), []
    utf16 = _bomless_utf16(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace")), [f"encoding guessed: {utf16}"]
    if b"\x00" in data:
        raise NotText("contains NUL bytes")
    try:
        return _checked(data.decode("utf-8")), []
    except UnicodeDecodeError:
        pass
    # Imported here: ~12 ms (it brings logging) that a batch of UTF-8 files never needs.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:  # not Western European: Central European, Cyrillic, Greek, Asian...
        best = charset_normalizer.from_bytes(data, cp_isolation=OTHER_ENCODINGS).best()
    if best is not None and best.encoding != "utf_8":
        return _checked(str(best)), [f"encoding guessed: {best.encoding}"]
    text = data.decode("utf-8", errors="replace")
    return _checked(text), ["encoding unknown: some characters were replaced"]


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:400]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _checked(text: str) -> str:
    """Reject text that is mostly control characters (binary junk named .txt)."""
    if not text:
        return text
    sample = text[:20000]
    bad = len(_BAD_CHARS.findall(sample))
    if bad / len(sample) > 0.02:
        raise NotText(f"{bad} control or undecodable characters in the first {len(sample)}")
    return text


def normalise(text: str) -> str:
    """NFKC, one bullet style, tidy spaces, and words split by a line-end hyphen rejoined.

    The number of lines never changes. Whole-text substitutions keep this fast.

    >>> normalise("• Built APIs  in   Python\\nimprove-\\nments to\\tSQL")
    '- Built APIs in Python\\nimprovements\\nto SQL'
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text)
    blanks = text.replace("\t", " ") if text.isascii() else _ODD_BLANKS.sub(" ", text)
    text = _SPACE_RUNS.sub(" ", blanks)
    text = text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    text = _BULLET.sub("\n- ", "\n" + text)[1:]  # a break put first: the first line too
    return _SPLIT_WORD.sub(_rejoin, text)


def _rejoin(match: re.Match[str]) -> str:
    """'develop-\\nment of' -> 'development\\nof', only after a letter or digit."""
    before = match.string[match.start() - 1 : match.start()]
    if not (before.isalnum() or before == "_"):
        return match.group(0)
    return match.group(1) + "\n"
