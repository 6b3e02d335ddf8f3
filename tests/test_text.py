from __future__ import annotations

import codecs

import pytest

from screener.text import NotText, decode, normalise


@pytest.mark.parametrize(
    ("data", "expected", "warned"),
    [
        ("Español Müller Développeur".encode("cp1252"), "Español Müller Développeur", True),
        ("José — Développeur".encode("cp1252"), "José — Développeur", True),
        ("Zoë Lefèvre, naïve café".encode(), "Zoë Lefèvre, naïve café", False),
        (codecs.BOM_UTF8 + "Ünïcode".encode(), "Ünïcode", False),
        (codecs.BOM_UTF16_LE + "Jürgen Python".encode("utf-16-le"), "Jürgen Python", False),
        (codecs.BOM_UTF16_BE + "Jürgen Python".encode("utf-16-be"), "Jürgen Python", False),
        ("Jürgen Python developer".encode("utf-16-le"), "Jürgen Python developer", True),
    ],
)
def test_decode(data, expected, warned):
    text, warnings = decode(data)
    assert text == expected
    assert bool(warnings) is warned


CHINESE = "张伟\n后端开发工程师\n工作经历\n- 使用 Python 和 Django 开发 REST API\n技能: Git\n"
JAPANESE = "山田太郎\nバックエンドエンジニア\n職歴\n- Python と Django で REST API を開発\n"
RUSSIAN = "Иван Петров\nРазработчик Python\nОпыт работы\n- Django, REST API\n"  # noqa: RUF001


@pytest.mark.parametrize(
    ("text", "encoding", "guessed"),
    [
        (CHINESE, "gbk", "gb18030"),
        (JAPANESE, "shift_jis", "shift_jis"),
        (RUSSIAN, "cp1251", "cp1251"),
        (RUSSIAN, "koi8_r", "koi8_r"),
    ],
)
def test_resumes_in_other_legacy_encodings_are_read_not_called_binary(text, encoding, guessed):
    assert decode(text.encode(encoding)) == (text, [f"encoding guessed: {guessed}"])


@pytest.mark.parametrize(("seed", "lowest"), [(seed, low) for seed in range(5) for low in (1, 128)])
def test_random_bytes_without_nuls_are_still_not_text(seed, lowest):
    import random

    draw = random.Random(seed).randrange
    junk = bytes(draw(lowest, 256) for _ in range(2000))
    with pytest.raises(NotText):
        decode(junk)


@pytest.mark.parametrize(
    "junk", [bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100, b"ab\x00cd" * 50]
)
def test_binary_junk_is_not_text(junk):
    with pytest.raises(NotText):
        decode(junk)


def test_normalise_keeps_line_count_and_tidies():
    raw = "• Built  APIs\tin Python\r\n● Improved deploy-\nment speed\n\n ▪ Used ﬁle caching"
    out = normalise(raw)
    assert out.split("\n") == [
        "- Built APIs in Python",
        "- Improved deployment",
        "speed",
        "",
        "- Used file caching",
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "\u202ePython\u202c developer",  # a right-to-left override, then its end
        "\u200fPython\u200e developer",  # direction marks
        "\u2067Python\u2069 developer",  # an isolate
        "Py\u2060thon\u00ad developer",  # a word joiner, a soft hyphen
        "\u061cPython\u180e developer",  # the Arabic letter mark, a Mongolian separator
    ],
)
def test_invisible_format_characters_are_removed(raw):
    assert normalise(raw) == "Python developer"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # plain ASCII (tabs are its only odd blank): bullets first, after breaks, not inside
        ("* Built\tAPIs\n*Go\n-  Rust\n2 * 3 - 1", "- Built APIs\n- Go\n- Rust\n2 * 3 - 1"),
        ("\n\n* Late start\t\t", "\n\n- Late start"),
        # no-break and ideographic spaces count as blanks too
        ("*\u00a0Django\n\u3000* Flask", "- Django\n- Flask"),
    ],
)
def test_normalise_bullets_and_blanks(raw, expected):
    assert normalise(raw) == expected


def test_normalise_keeps_real_hyphens():
    assert normalise("front-end and back-end") == "front-end and back-end"
    assert normalise("Senior-\nLevel") == "Senior-\nLevel"  # capitalised: not a split word
