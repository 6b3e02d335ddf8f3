"""Find a role spec's skills, tools and evidence phrases in resume text.

A spec is compiled once into a `Matcher`. Matching has two stages:

1. **Exact**: every alias is split into tokens the way resume text is; a dictionary of
   token n-grams finds all aliases in one pass over the text, longest first, with
   whole-word semantics (``+``, ``#`` and inner ``.`` are word characters, so C is not
   found in C++ or C#, nor Java in JavaScript). Short or common-word aliases carry rules
   (case-sensitive, needs context) so "go-to-market", "C-level" or "excel at" find nothing.
2. **Fuzzy**: tech names of 6+ characters the exact stage missed are compared with the
   resume's words of that many tokens using rapidfuzz (`process.cdist`), accepting a
   similarity of 88+ or a single swap of two neighbouring letters ("Dokcer").

Every hit carries the alias, the matched text, how it matched, the similarity, the line,
its section and the evidence line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from screener.spec import Alias, Matchable, RoleSpec

MatchType = Literal["exact", "alias", "fuzzy"]
Strength = Literal["used", "listed", "mentioned"]
FUZZY_MIN_CHARS = 6
FUZZY_CUTOFF = 88.0
USED_SECTIONS = frozenset({"experience", "projects"})
_GLUE = "-&'"
_TOKEN = re.compile(r"\.?[^\W_](?:[\w+#]|\.(?=[^\W_]))*")


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where a spec item was found."""

    item: str
    alias: str
    matched: str
    match_type: MatchType
    similarity: float
    line: int  # 1-based
    section: str
    evidence: str

    @property
    def strength(self) -> Strength:
        if self.section in USED_SECTIONS:
            return "used"
        return "listed" if self.section == "skills" else "mentioned"


@dataclass(frozen=True, slots=True)
class ItemMatch:
    """Everything found for one spec item; ``best`` is the strongest evidence."""

    name: str
    kind: str
    category: str
    hits: tuple[Hit, ...]
    best: Hit | None

    @classmethod
    def of(cls, name: str, kind: str, category: str, hits: Sequence[Hit]) -> ItemMatch:
        best = min(hits, key=_evidence_rank) if hits else None
        return cls(name, kind, category, tuple(hits), best)

    @property
    def found(self) -> bool:
        return self.best is not None

    @property
    def strength(self) -> Strength | None:
        return self.best.strength if self.best else None


def _evidence_rank(hit: Hit) -> tuple[int, int, float, int]:
    order = {"used": 0, "listed": 1, "mentioned": 2}[hit.strength]
    return order, hit.match_type == "fuzzy", -hit.similarity, hit.line


@dataclass(frozen=True)
class MatchResult:
    items: tuple[ItemMatch, ...]
    sections_present: frozenset[str]

    def by_name(self) -> dict[str, ItemMatch]:
        return {item.name: item for item in self.items}

    def found(self, kind: str | None = None) -> list[ItemMatch]:
        return [i for i in self.items if i.found and (kind is None or i.kind == kind)]


@dataclass(frozen=True, slots=True)
class _Entry:
    item: int  # index into Matcher.items
    rule: Alias
    words: tuple[str, ...]  # the alias's tokens, original case
    canonical: bool


class _Line:
    """One resume line, tokenised; original-case words are computed only when needed."""

    __slots__ = ("_spans", "_words", "claimed", "lowered", "number", "section", "text")

    def __init__(self, number: int, text: str, section: str) -> None:
        self.number, self.text, self.section = number, text, section
        self._words: list[str] | None = None
        self._spans: list[tuple[int, int]] | None = None
        if text.isascii():
            self.lowered: list[str] = _TOKEN.findall(text.lower())
        else:  # lower() may change the length of non-ASCII words: tokenise first
            self._words = _TOKEN.findall(text)
            self.lowered = [w.lower() for w in self._words]
        self.claimed = [False] * len(self.lowered)

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = _TOKEN.findall(self.text)
        return self._words

    def span(self, start: int, size: int) -> tuple[int, int]:
        """Character offsets of tokens ``start`` to ``start + size`` (computed on demand)."""
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN.finditer(self.text)]
        return self._spans[start][0], self._spans[start + size - 1][1]

    def locate(self, start: int, size: int) -> tuple[int, int]:
        """Like `span`, but a single string search when the first word occurs once."""
        first, last = self.words[start], self.words[start + size - 1]
        begin = self.text.find(first)
        if self.text.find(first, begin + 1) != -1:
            return self.span(start, size)
        return begin, self.text.find(last, begin) + len(last)


def tokens(text: str) -> list[re.Match[str]]:
    """Word tokens with ``+``, ``#`` and inner dots kept: 'C++', 'Node.js', '.NET'."""
    return list(_TOKEN.finditer(text))


class Matcher:
    """A role spec compiled for fast matching. Build with `compile_matcher`."""

    def __init__(self, spec: RoleSpec) -> None:
        self.items: list[tuple[str, str, Matchable]] = list(spec.matchables())
        self._exact: dict[str, list[_Entry]] = {}
        self._longest: dict[str, int] = {}
        self._context: list[frozenset[str]] = []
        fuzzy: dict[int, list[tuple[str, _Entry]]] = {}
        for index, (kind, _, item) in enumerate(self.items):
            self._context.append(frozenset(c.lower() for c in item.context))
            for rule in item.alias_rules():
                words = tuple(m.group() for m in tokens(rule.text))
                if not words:
                    continue
                entry = _Entry(index, rule, words, rule.text == item.name)
                key = " ".join(words).lower()
                self._exact.setdefault(key, []).append(entry)
                first = words[0].lower()
                self._longest[first] = max(self._longest.get(first, 0), len(words))
                if kind in ("hard", "tool") and len(words) <= 2 and _fuzzy_eligible(rule, key):
                    fuzzy.setdefault(len(words), []).append((key, entry))
        self._fuzzy = fuzzy
        self._pair_words = frozenset(w for key, _ in fuzzy.get(2, []) for w in key.split())
        self._exact_keys = frozenset(self._exact)
        self._not_found = [ItemMatch.of(i.name, kind, cat, ()) for kind, cat, i in self.items]
        self._fuzzy_hits: dict[str, tuple[_Entry, float]] = {}
        self._fuzzy_misses: set[str] = set()

    # ------------------------------------------------------------ public
    def match(self, lines: Sequence[str], sections: Sequence[str]) -> MatchResult:
        """Match resume lines; ``sections[i]`` names the section of ``lines[i]``."""
        parsed = [_Line(n, text, sections[n]) for n, text in enumerate(lines) if text]
        hits: list[list[Hit]] = [[] for _ in self.items]
        pending: list[tuple[_Line, int, int, _Entry]] = []
        for line in parsed:
            self._exact_stage(line, hits, pending)
        self._resolve_ambiguous(parsed, pending, hits)
        self._fuzzy_stage(parsed, hits)
        items = tuple(
            ItemMatch.of(empty.name, empty.kind, empty.category, found) if found else empty
            for empty, found in zip(self._not_found, hits, strict=True)
        )
        return MatchResult(items, frozenset(sections))

    # ------------------------------------------------------------ exact
    def _exact_stage(
        self, line: _Line, hits: list[list[Hit]], pending: list[tuple[_Line, int, int, _Entry]]
    ) -> None:
        longest, lowered = self._longest, line.lowered
        count, resume_at = len(lowered), 0
        for i in [i for i, word in enumerate(lowered) if word in longest]:
            if i < resume_at:
                continue  # inside a longer alias already found
            for size in range(min(longest[lowered[i]], count - i), 0, -1):
                entry = self._lookup(line, i, size)
                if entry is None:
                    continue
                if entry.rule.needs_context:
                    pending.append((line, i, size, entry))
                else:
                    hits[entry.item].append(self._hit(line, i, size, entry))
                line.claimed[i : i + size] = [True] * size
                resume_at = i + size
                break

    def _lookup(self, line: _Line, start: int, size: int) -> _Entry | None:
        key = lowered_key(line.lowered, start, size)
        for entry in self._exact.get(key, ()):
            if entry.rule.case_sensitive and tuple(line.words[start : start + size]) != entry.words:
                continue
            return entry
        return None

    def _resolve_ambiguous(
        self,
        lines: list[_Line],
        pending: list[tuple[_Line, int, int, _Entry]],
        hits: list[list[Hit]],
    ) -> None:
        """Keep an ambiguous alias only with support on its line and no glued neighbour."""
        lines_with_hits = {h.line for found in hits for h in found}
        for line, start, size, entry in pending:
            begin, end = line.span(start, size)
            glued = (begin > 0 and line.text[begin - 1] in _GLUE) or (
                end < len(line.text) and line.text[end] in _GLUE
            )
            if glued:
                continue
            supported = (
                line.section == "skills"
                or line.number + 1 in lines_with_hits
                or not self._context[entry.item].isdisjoint(line.lowered)
            )
            if supported:
                hits[entry.item].append(self._hit(line, start, size, entry))

    # ------------------------------------------------------------ fuzzy
    def _fuzzy_stage(self, lines: list[_Line], hits: list[list[Hit]]) -> None:
        grams = self._candidate_grams(lines)
        unknown = [g for g in grams if g not in self._fuzzy_hits]
        if unknown:
            self._fill_fuzzy_cache(unknown)
        exact_items = {index for index, item_hits in enumerate(hits) if item_hits}
        for gram in grams:
            found = self._fuzzy_hits.get(gram)
            if found is None or found[0].item in exact_items:
                continue  # no match, or a fuzzy hit would add nothing to an exact one
            entry, similarity = found
            words = gram.split(" ")
            for line in lines:
                for start in _positions(line.lowered, words):
                    if not any(line.claimed[start : start + len(words)]):
                        hits[entry.item].append(
                            self._hit(line, start, len(words), entry, similarity)
                        )

    def _candidate_grams(self, lines: list[_Line]) -> set[str]:
        """Words (and word pairs) that could be a misspelt tech name and are not yet known."""
        pair_words = self._pair_words
        grams = {w for line in lines for w in line.lowered if len(w) >= FUZZY_MIN_CHARS - 1}
        if pair_words:
            # A two-word name is fuzzy-matched only when one of its words is spelled right.
            grams.update(
                f"{a} {b}"
                for line in lines
                for a, b in zip(line.lowered, line.lowered[1:], strict=False)
                if a in pair_words or b in pair_words
            )
        grams -= self._exact_keys
        grams -= self._fuzzy_misses
        return grams

    def _fill_fuzzy_cache(self, grams: list[str]) -> None:
        if len(self._fuzzy_misses) > 500_000:
            self._fuzzy_misses.clear()
        by_size: dict[int, list[str]] = {}
        for gram in grams:
            by_size.setdefault(gram.count(" ") + 1, []).append(gram)
        for size, queries in by_size.items():
            choices = self._fuzzy.get(size, [])
            keys = [key for key, _ in choices]
            ratios = process.cdist(queries, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF - 8)
            for row, query in enumerate(queries):
                best, best_score = None, 0.0
                for col in ratios[row].nonzero()[0]:
                    score = float(ratios[row][col])
                    accepted = score >= FUZZY_CUTOFF or _is_swap(query, keys[col])
                    if accepted and score > best_score:
                        best, best_score = choices[col][1], score
                if best is None:
                    self._fuzzy_misses.add(query)
                else:
                    self._fuzzy_hits[query] = (best, round(best_score, 1))

    # ------------------------------------------------------------ helpers
    def _hit(
        self, line: _Line, start: int, size: int, entry: _Entry, similarity: float = 100.0
    ) -> Hit:
        begin, end = line.locate(start, size)
        match_type: MatchType = (
            "fuzzy" if similarity < 100 else "exact" if entry.canonical else "alias"
        )
        return Hit(
            item=self.items[entry.item][2].name,
            alias=entry.rule.text,
            matched=line.text[begin:end],
            match_type=match_type,
            similarity=similarity,
            line=line.number + 1,
            section=line.section,
            evidence=line.text,
        )


def _positions(lowered: list[str], words: list[str]) -> Iterator[int]:
    size = len(words)
    for start, word in enumerate(lowered):
        if word == words[0] and lowered[start : start + size] == words:
            yield start


def lowered_key(lowered: list[str], start: int, size: int) -> str:
    return lowered[start] if size == 1 else " ".join(lowered[start : start + size])


def _fuzzy_eligible(rule: Alias, key: str) -> bool:
    return not (rule.case_sensitive or rule.needs_context) and len(key) >= FUZZY_MIN_CHARS


def _is_swap(a: str, b: str) -> bool:
    """One swap of neighbouring letters in a single word of 6+ letters ('dokcer')."""
    return (
        " " not in a
        and len(a) == len(b) >= FUZZY_MIN_CHARS
        and a[0] == b[0]
        and sorted(a) == sorted(b)
        and OSA.distance(a, b) == 1
    )


_CACHE: dict[str, Matcher] = {}


def compile_matcher(spec: RoleSpec) -> Matcher:
    """The compiled matcher for a spec, cached by the spec's content."""
    key = spec.fingerprint()
    if key not in _CACHE:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[key] = Matcher(spec)
    return _CACHE[key]


def match_text(spec: RoleSpec, lines: Iterable[str], sections: Sequence[str]) -> MatchResult:
    """Convenience: compile (cached) and match."""
    return compile_matcher(spec).match(list(lines), sections)
