"""The same person in one screening: files grouped by e-mail, phone or near-identical text.

Signals (nothing else is used; names are not, so two people called Sam stay apart):

- the same e-mail address (case-insensitive), or the same phone number (9+ digits,
  compared on the last 9);
- near-identical text: at least ``NEAR`` of the files' word 7-grams agree, estimated with
  a 64-hash MinHash signature (a PDF and a DOCX of one resume agree on about 0.9-1.0,
  two different resumes from one template on far less).

Identical content is one file already (files are keyed by their SHA-256). Signals keep
no address or number in clear: e-mails and phones are stored as SHA-256 digests.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

NEAR = 0.8
GRAM = 7  # words per shingle: 3-grams made template-built resumes look alike
HASHES = 64
BANDS = 8  # 8 bands of 8 hashes: pairs agreeing on ~0.75+ are nearly always compared
_PRIME = (1 << 61) - 1
_RNG = np.random.default_rng(20261202)
_A = _RNG.integers(1, 1 << 31, HASHES, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 31, HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{7,}\d")
_YEARS = re.compile(r"(?:(?:19|20)\d\d)+")


@dataclass(frozen=True)
class Signals:
    """What one file offers for grouping; digests and hashes only."""

    emails: frozenset[str]
    phones: frozenset[str]
    minhash: tuple[int, ...]


def signals(text: str) -> Signals:
    """The grouping signals of one resume's text."""
    emails = {_digest(m.lower()) for m in _EMAIL.findall(text)}
    phones = set()
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 9 and not _YEARS.fullmatch(digits):  # not "2019 - 2021 2022"
            phones.add(_digest(digits[-9:]))
    return Signals(frozenset(emails), frozenset(phones), minhash(text))


def minhash(text: str) -> tuple[int, ...]:
    """A MinHash signature of the text's lower-case word 7-grams (empty text: no hashes)."""
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + GRAM]) for i in range(max(len(words) - GRAM + 1, 0))}
    if not grams:
        return ()
    values = np.fromiter((zlib.crc32(g.encode()) for g in grams), np.uint64, len(grams))
    # (a * x + b) mod p, with a, x < 2**32 so the product fits in 64 bits
    mixed = (np.outer(values, _A) + _B) % np.uint64(_PRIME)
    return tuple(int(v) for v in mixed.min(axis=0))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated share of word 7-grams the two texts have in common (0-1)."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def groups(files: Mapping[str, Signals], apart: Iterable[tuple[str, str]] = ()) -> list[list[str]]:
    """Files (by key) that are the same person; each group in input order, singletons too.

    ``apart`` holds pairs the recruiter split: they are never joined directly.
    """
    keys = list(files)
    parent = {k: k for k in keys}
    kept_apart = {frozenset(p) for p in apart}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in _pairs(files):
        if frozenset((a, b)) not in kept_apart:
            parent[root(b)] = root(a)
    out: dict[str, list[str]] = {}
    for key in keys:
        out.setdefault(root(key), []).append(key)
    return list(out.values())


def _pairs(files: Mapping[str, Signals]) -> set[tuple[str, str]]:
    order = {k: i for i, k in enumerate(files)}
    buckets: dict[tuple[str, object], list[str]] = {}
    for key, sig in files.items():
        for email in sig.emails:
            buckets.setdefault(("email", email), []).append(key)
        for phone in sig.phones:
            buckets.setdefault(("phone", phone), []).append(key)
    pairs = {(a, b) for members in buckets.values() for a, b in _each_pair(members)}
    rows = HASHES // BANDS
    bands: dict[tuple[int, tuple[int, ...]], list[str]] = {}
    for key, sig in files.items():
        for band in range(BANDS if len(sig.minhash) == HASHES else 0):
            bands.setdefault((band, sig.minhash[band * rows : (band + 1) * rows]), []).append(key)
    for members in bands.values():
        for a, b in _each_pair(members):
            if similarity(files[a].minhash, files[b].minhash) >= NEAR:
                pairs.add((a, b))
    return {(a, b) if order[a] < order[b] else (b, a) for a, b in pairs}


def _each_pair(members: list[str]) -> Iterable[tuple[str, str]]:
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a != b:
                yield a, b


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()
