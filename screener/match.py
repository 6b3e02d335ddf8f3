"""Find a role spec's skills, tools and evidence phrases in resume text.

A spec is compiled once into a `Matcher`. Matching has two stages:

1. **Exact**: every alias is split into tokens the way resume text is; a dictionary of
   token n-grams finds all aliases in one pass over the text, longest first, with
   whole-word semantics (``+``, ``#`` and inner ``.`` are word characters, so C is not
   found in C++ or C#, nor Java in JavaScript). Short or common-word aliases carry rules
   (case-sensitive, needs context) so "go-to-market", "C-level" or "excel at" find nothing.
2. **Fuzzy**: tech names of 6+ characters the exact stage missed are compared with the
   resume's words of that many tokens using rapidfuzz (`process.extract`), accepting a
   similarity of 88+ or a single swap of two neighbouring letters ("Dokcer").

Every hit carries the alias, the matched text, how it matched, the similarity, the line,
its section and the evidence line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import itemgetter
from typing import Literal, NamedTuple, Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from screener.spec import Alias, Matchable, RoleSpec, per_spec

MatchType = Literal["exact", "alias", "fuzzy", "implied"]
Strength = Literal["used", "listed", "mentioned"]
FUZZY_MIN_CHARS = 6
FUZZY_CUTOFF = 88.0
FUZZY_WORD_CUTOFF = 85.0  # each word of a fuzzy word pair
# A skills-list line this short is one item ("Go", "C, Go"): its ambiguous names count;
# a longer one needs support like any other line ("Medical Coding, Filing, Coding").
SHORT_SKILL_LINE = 4
USED_SECTIONS = frozenset({"experience", "projects"})
_GLUE = "-&'"
_BREAK = "\x00"  # stands for a line break in the flat token list; never whitespace
_PUNCTUATION = (
    "!\"$%&'()*,/:;<=>?@[\\]^_`{|}~"
    "\u2013\u2014\u2022\u00b7\u2026\u201c\u201d\u2018\u2019\u00ab\u00bb"
)
# One-character mappings only, so str.translate takes its fast path.
_SEPARATE = str.maketrans({**dict.fromkeys(_PUNCTUATION, " "), "-": " "})
# Dots that are not part of a word: at a word's end, and at its start unless one dot is
# followed by a letter or digit (".NET"). One substitution, so tokens() has no Python loop.
_LOOSE_DOTS = re.compile(r"\.(?:\.*+(?!\S)|(?<!\S\.)(?:\.++|(?![^\W_])))")
_STRENGTH: dict[str, Strength] = {**dict.fromkeys(USED_SECTIONS, "used"), "skills": "listed"}


class Hit(NamedTuple):
    """One place where a spec item was found (a named tuple: cheap to make, immutable)."""

    item: str
    alias: str
    matched: str
    match_type: MatchType
    similarity: float
    line: int  # 1-based
    section: str
    evidence: str
    strength: Strength  # used (experience, projects), listed (skills) or mentioned


def strength_of(section: str) -> Strength:
    return _STRENGTH.get(section, "mentioned")


class ItemMatch(NamedTuple):
    """Everything found for one spec item; ``best`` is the strongest evidence (a named
    tuple made like `Hit`: ~37 per resume, `of` 640 ns against 1,100 as a dataclass)."""

    name: str
    kind: str
    category: str
    hits: tuple[Hit, ...]
    best: Hit | None

    @classmethod
    def of(cls, name: str, kind: str, category: str, hits: Sequence[Hit]) -> ItemMatch:
        best = (hits[0] if len(hits) == 1 else min(hits, key=_evidence_rank)) if hits else None
        return tuple.__new__(cls, (name, kind, category, tuple(hits), best))

    @property
    def found(self) -> bool:
        return self.best is not None

    @property
    def strength(self) -> Strength | None:
        return self.best.strength if self.best else None


def _evidence_rank(hit: Hit) -> tuple[int, bool, float, int]:
    return _STRENGTH_ORDER[hit.strength], hit.match_type == "fuzzy", -hit.similarity, hit.line


_STRENGTH_ORDER: dict[str, int] = {"used": 0, "listed": 1, "mentioned": 2}


@dataclass(frozen=True)
class MatchResult:
    items: tuple[ItemMatch, ...]
    sections_present: frozenset[str]

    def by_name(self) -> Mapping[str, ItemMatch]:
        """Items by spec name (computed once; read-only)."""
        return self._by_name

    @cached_property
    def _by_name(self) -> Mapping[str, ItemMatch]:
        return {item.name: item for item in self.items}

    def found(self, kind: str | None = None) -> list[ItemMatch]:
        return [i for i in self.items if i.found and (kind is None or i.kind == kind)]


@dataclass(frozen=True, slots=True)
class _Entry:
    item: int  # index into Matcher.items
    rule: Alias
    words: tuple[str, ...]  # the alias's tokens, original case
    name: str  # the item's name
    match_type: MatchType  # of an exact find: "exact" (the item's name) or "alias"


class _Doc:
    """A resume as one flat token list; ``_BREAK`` tokens separate lines.

    Original-case tokens and character offsets are computed only when a rule needs them.
    """

    __slots__ = (
        "_breaks",
        "_lowered_lines",
        "_lowered_text",
        "_offsets",
        "_words",
        "claimed",
        "lines",
        "lowered",
        "sections",
        "text",
    )

    def __init__(self, lines: Sequence[str], sections: Sequence[str]) -> None:
        self.lines, self.sections = lines, sections
        self.text = "\n".join(lines).replace(_BREAK, " ")
        self._words: list[str] | None = None
        self._lowered_text = self.text.lower()
        # lower() never adds spaces or punctuation, so tokens line up with `words`.
        self.lowered: list[str] = tokens(self._lowered_text)
        self.claimed = bytearray(len(self.lowered))
        self._breaks: list[int] | None = None
        self._lowered_lines: list[str] | None = None
        self._offsets: dict[int, tuple[list[int], str, list[str]]] = {}

    def lowered_line(self, line: int) -> str:
        if self._lowered_lines is None:
            self._lowered_lines = self._lowered_text.split("\n")
        return self._lowered_lines[line]

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = tokens(self.text)
        return self._words

    def line_of(self, position: int) -> int:
        """0-based line number of the token at ``position``."""
        if self._breaks is None:
            self._breaks = list(_positions(self.lowered, [_BREAK]))
        return bisect_right(self._breaks, position)

    def line_tokens(self, line: int) -> tuple[int, int]:
        """Token positions ``[start, end)`` of a line."""
        self.line_of(0)
        assert self._breaks is not None
        start = self._breaks[line - 1] + 1 if line else 0
        end = self._breaks[line] if line < len(self._breaks) else len(self.lowered)
        return start, end

    def span(self, position: int, size: int) -> tuple[int, int, int]:
        """(line, begin, end): the line and character offsets of ``size`` tokens.

        Each line's token offsets are found once, as far as a span needs them, so a line
        of thousands of words (a resume pasted without line breaks) costs one pass over
        it, not one per hit.
        """
        line = self.line_of(position)
        start = self.line_tokens(line)[0]
        offsets, text, words = self._offsets.get(line) or self._line_offsets(line)
        last = position + size - 1
        if (known := start + len(offsets)) <= last:  # find the ones not found yet
            after = offsets[-1] + len(words[known - 1]) if offsets else 0
            for word in words[known : last + 1]:
                after = text.find(word, after)
                offsets.append(after)
                after += len(word)
        return line, offsets[position - start], offsets[last - start] + len(words[last])

    def _line_offsets(self, line: int) -> tuple[list[int], str, list[str]]:
        """An empty list of ``line``'s token offsets, the text and tokens they are of."""
        text, words = self.lowered_line(line), self.lowered
        if len(text) != len(self.lines[line]):  # lower() changed lengths: use original case
            text, words = self.lines[line], self.words
        known: tuple[list[int], str, list[str]] = ([], text, words)
        self._offsets[line] = known
        return known

    def original(self, position: int, size: int) -> tuple[str, ...]:
        """The tokens as written (case kept), without tokenising the whole resume again."""
        line, begin, end = self.span(position, size)
        return tuple(tokens(self.lines[line][begin:end]))


def tokens(text: str) -> list[str]:
    """Word tokens with ``+``, ``#`` and inner dots kept; a line break becomes a token.

    >>> tokens("C++, C#, Node.js and .NET. Go-to-market")
    ['C++', 'C#', 'Node.js', 'and', '.NET', 'Go', 'to', 'market']
    """
    spaced = text.replace("\n", f" {_BREAK} ").translate(_SEPARATE)
    return _LOOSE_DOTS.sub("", spaced).split()


class HasMatchables(Protocol):
    """A role spec, or anything else with items to match (the skills catalogue)."""

    def matchables(self) -> Iterator[tuple[str, str, Matchable]]: ...


class Matcher:
    """A role spec compiled for fast matching. Build with `compile_matcher`."""

    def __init__(self, spec: HasMatchables, *, with_fuzzy: bool = True) -> None:
        self.items: list[tuple[str, str, Matchable]] = list(spec.matchables())
        self._exact: dict[str, list[_Entry]] = {}
        self._sizes: dict[str, tuple[int, ...]] = {}  # first word -> alias lengths, longest first
        self._seconds: dict[str, set[str]] = {}  # first word -> second words of longer aliases
        self._context: list[frozenset[str]] = []
        # Fuzzy names by (words, first letter), in spec order: (keys, their entries).
        self._fuzzy_by_start: dict[tuple[int, str], tuple[list[str], list[_Entry]]] = {}
        for index, (kind, _, item) in enumerate(self.items):
            self._context.append(frozenset(c.lower() for c in item.context))
            for rule in item.alias_rules():
                words = tuple(tokens(rule.text))
                if not words:
                    continue
                match_type: MatchType = "exact" if rule.text == item.name else "alias"
                entry = _Entry(index, rule, words, item.name, match_type)
                key = " ".join(words).lower()
                self._exact.setdefault(key, []).append(entry)
                first = words[0].lower()
                sizes = {*self._sizes.get(first, ()), len(words)}
                self._sizes[first] = tuple(sorted(sizes, reverse=True))
                if len(words) > 1:
                    self._seconds.setdefault(first, set()).add(words[1].lower())
                eligible = with_fuzzy and kind in ("hard", "tool") and len(words) <= 2
                if eligible and _fuzzy_eligible(rule, key):
                    keys, entries = self._fuzzy_by_start.setdefault((len(words), key[0]), ([], []))
                    keys.append(key)
                    entries.append(entry)
        self._pair_words = frozenset(
            word
            for (size, _), (keys, _) in self._fuzzy_by_start.items()
            if size == 2
            for key in keys
            for word in key.split()
        )
        # A key whose first entry ignores case needs no look at the resume's own case.
        self._plain = {k: e[0] for k, e in self._exact.items() if not e[0].rule.case_sensitive}
        self._not_found = [ItemMatch.of(i.name, kind, cat, ()) for kind, cat, i in self.items]
        self._names = [item.name for _, _, item in self.items]
        self._fuzzy_hits: dict[str, tuple[_Entry, float]] = {}
        # Words and word pairs already judged (misses, hits, exact keys, too short), so
        # a resume's words are sorted out with set operations instead of a Python loop.
        self._fuzzy_known: set[str] = set(self._exact)
        index_of = {item.name: i for i, (_, _, item) in enumerate(self.items)}
        implied = (
            (source, [index_of[name] for name in getattr(item, "implies", ()) if name in index_of])
            for source, (_, _, item) in enumerate(self.items)
        )
        self._implied = [(source, targets) for source, targets in implied if targets]

    # ------------------------------------------------------------ public
    def match(self, lines: Sequence[str], sections: Sequence[str]) -> MatchResult:
        """Match resume lines; ``sections[i]`` names the section of ``lines[i]``."""
        doc = _Doc(lines, sections)
        hits: list[list[Hit]] = [[] for _ in self.items]
        pending = self._exact_stage(doc, hits)
        self._resolve_ambiguous(doc, pending, hits)
        # "Perl Mesta", "Spring, Texas", "python_dev@…": left out before the fuzzy stage,
        # which skips the items already found (a misspelt "Dokcer" elsewhere must still
        # count), and on the lines it gave hits to ("Jenkin Street, Cardiff")
        if spans := _no_evidence(doc, hits):
            _drop_inside(hits, spans)
        if self._fuzzy_by_start:
            added = self._fuzzy_stage(doc, hits)
            if added and (spans := _no_evidence(doc, hits, added)):
                _drop_inside(hits, spans)
        self._implied_stage(hits)
        items = self._not_found.copy()  # the items found (~1 in 3) replace their blanks
        for index in compress(range(len(hits)), hits):
            empty = items[index]
            items[index] = ItemMatch.of(empty.name, empty.kind, empty.category, hits[index])
        return MatchResult(tuple(items), frozenset(sections))

    def _implied_stage(self, hits: list[list[Hit]]) -> None:
        """An item not found itself is shown by a found item that implies it (SQL by
        PostgreSQL): its hits are the implier's, marked "implied by ..."."""
        implied: dict[int, list[Hit]] = {}
        for source, targets in self._implied:
            if not hits[source]:
                continue
            best = min(hits[source], key=_evidence_rank)
            for target in targets:
                if not hits[target]:
                    implied.setdefault(target, []).append(
                        best._replace(
                            item=self._names[target],
                            alias=f"implied by {self._names[source]}",
                            match_type="implied",
                        )
                    )
        for target, found in implied.items():
            hits[target] = found

    # ------------------------------------------------------------ exact
    def _exact_stage(self, doc: _Doc, hits: list[list[Hit]]) -> list[tuple[int, int, _Entry]]:
        """Longest alias first at each word; returns ambiguous hits still to be confirmed."""
        sizes, seconds, plain = self._sizes, self._seconds, self._plain
        lowered, claimed = doc.lowered, doc.claimed
        count, resume_at = len(lowered), 0
        pending: list[tuple[int, int, _Entry]] = []
        for i in list(compress(range(count), map(sizes.__contains__, lowered))):  # in C
            if i < resume_at:
                continue  # inside a longer alias already found
            word = lowered[i]
            for size in sizes[word]:
                if size == 1:
                    key = word
                elif i + size > count or lowered[i + 1] not in seconds[word]:
                    continue  # no alias of this length starts with these two words
                else:
                    key = " ".join(lowered[i : i + size])
                entry = plain.get(key) or self._lookup(doc, i, size, key)
                if entry is None:
                    continue
                if entry.rule.needs_context:
                    pending.append((i, size, entry))
                else:
                    hits[entry.item].append(self._hit(doc, i, size, entry))
                claimed[i : i + size] = b"\x01" * size
                resume_at = i + size
                break
        return pending

    def _lookup(self, doc: _Doc, start: int, size: int, key: str) -> _Entry | None:
        """The entry for ``key`` at ``start``, checking case where a rule asks for it."""
        for entry in self._exact.get(key, ()):
            if entry.rule.case_sensitive and doc.original(start, size) != entry.words:
                continue
            return entry
        return None

    def _resolve_ambiguous(
        self, doc: _Doc, pending: list[tuple[int, int, _Entry]], hits: list[list[Hit]]
    ) -> None:
        """Keep an ambiguous alias only with support on its line and no glued neighbour."""
        if not pending:
            return
        # Support is another technical item on the line: soft skills and practical
        # signals ("communication", "intern") say nothing about an ambiguous tech word.
        lines_with_hits = {
            h.line - 1
            for index, found in enumerate(hits)
            if self.items[index][0] in ("hard", "tool")
            for h in found
        }
        for start, size, entry in pending:
            line, begin, end = doc.span(start, size)
            text = doc.lines[line]
            glued = (
                (begin > 0 and text[begin - 1] in _GLUE)
                or (end < len(text) and text[end] in _GLUE)
                or text.startswith("://", end)  # the scheme of a link: "https://…"
            )
            if glued:
                continue
            first, last = doc.line_tokens(line)
            supported = (
                (
                    doc.sections[line] == "skills"
                    and _skills_line_supported(line, last - first, lines_with_hits)
                )
                or line in lines_with_hits
                or not self._context[entry.item].isdisjoint(doc.lowered[first:last])
            )
            if supported:
                hits[entry.item].append(self._hit(doc, start, size, entry))

    # ------------------------------------------------------------ fuzzy
    def _fuzzy_stage(self, doc: _Doc, hits: list[list[Hit]]) -> set[int]:
        """Near names of the items not found exactly; returns the lines given hits."""
        grams = self._candidate_grams(doc)
        unknown = grams - self._fuzzy_known
        if unknown:
            self._fill_fuzzy_cache(sorted(unknown))
        found_grams = grams & self._fuzzy_hits.keys()
        added: set[int] = set()
        if not found_grams:
            return added
        exact_items = {index for index, item_hits in enumerate(hits) if item_hits}
        places = []  # (position, size, gram), so each item's hits come in text order
        for gram in found_grams:
            if self._fuzzy_hits[gram][0].item in exact_items:
                continue  # a fuzzy hit would add nothing to an exact one
            words = gram.split(" ")
            places += [(start, len(words), gram) for start in _positions(doc.lowered, words)]
        for start, size, gram in sorted(places):
            if not any(doc.claimed[start : start + size]):
                entry, similarity = self._fuzzy_hits[gram]
                hit = self._hit(doc, start, size, entry, similarity)
                hits[entry.item].append(hit)
                added.add(hit.line - 1)
        return added

    def _candidate_grams(self, doc: _Doc) -> set[str]:
        """The resume's distinct words, and word pairs where one word is spelled right.

        Words already judged (exact keys, known misses, words too short) are filtered by
        `_fuzzy_stage` with set operations; only new ones reach rapidfuzz.
        """
        lowered, pair_words = doc.lowered, self._pair_words
        grams = set(lowered)
        if pair_words:
            # A two-word name is fuzzy-matched only when one of its words is spelled right.
            # The pairs starting at an anchor or the word before it, built with C-level
            # map/zip (a line break is a token of its own, so a pair holding one is out).
            anchors = list(compress(range(len(lowered)), map(pair_words.__contains__, lowered)))
            starts = {*anchors, *map((-1).__add__, anchors)}
            starts.discard(-1)
            starts.discard(len(lowered) - 1)
            following = lowered[1:]
            firsts = map(lowered.__getitem__, starts)
            pairs = zip(firsts, map(following.__getitem__, starts), strict=True)
            grams.update(gram for gram in map(" ".join, pairs) if _BREAK not in gram)
        return grams

    def _fill_fuzzy_cache(self, grams: list[str]) -> None:
        if len(self._fuzzy_known) > 500_000:
            self._fuzzy_known = {*self._exact, *self._fuzzy_hits}
        self._fuzzy_known.update(grams)
        by_start: dict[tuple[int, str], list[str]] = {}
        for gram in grams:
            if len(gram) >= FUZZY_MIN_CHARS - 1:  # a single word may be a letter short
                by_start.setdefault((gram.count(" ") + 1, gram[0]), []).append(gram)
        for start, queries in by_start.items():
            # Typos keep the first letter; a dropped one is another word ("entry" is not
            # Sentry, "sharp" not CSharp, "prints" not sprints): only names that start
            # with the word's letter are compared.
            keys, entries = self._fuzzy_by_start.get(start, ((), ()))
            if not keys:
                continue
            for query in queries:
                best, best_score = None, 0.0
                close = process.extract(
                    query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF - 8, limit=None
                )
                for _, score, col in sorted(close, key=itemgetter(2)):  # ties: the first key
                    accepted = score >= FUZZY_CUTOFF or _is_swap(query, keys[col])
                    if accepted and score > best_score and _words_close(query, keys[col]):
                        best, best_score = entries[col], score
                if best is not None:
                    self._fuzzy_hits[query] = (best, round(best_score, 1))

    # ------------------------------------------------------------ helpers
    def _hit(
        self, doc: _Doc, start: int, size: int, entry: _Entry, similarity: float = 100.0
    ) -> Hit:
        line = doc.line_of(start)
        text = doc.lines[line]
        section = doc.sections[line]
        # tuple.__new__ skips the named tuple's Python-level __new__ (a hit is made ~50
        # times per resume); the fields in order: item, alias, matched, ... strength.
        return tuple.__new__(
            Hit,
            (
                entry.name,
                entry.rule.text,
                _matched_text(doc, text, start, size, line),
                "fuzzy" if similarity < 100 else entry.match_type,
                similarity,
                line + 1,
                section,
                text,
                _STRENGTH.get(section, "mentioned"),
            ),
        )


def _no_evidence(
    doc: _Doc, hits: list[list[Hit]], only: set[int] | None = None
) -> dict[int, list[tuple[int, int]]]:
    """Character spans of the lines with hits (of ``only`` those lines) before the first
    heading or outside the main sections that are no evidence of a skill: the candidate's
    own name and home (`person.own_details`), e-mail addresses and links
    (`links.no_evidence_spans`)."""
    found: dict[int, list[str]] = {}
    for item_hits in hits:
        for hit in item_hits:
            if hit.section in _OWN_DETAIL_SECTIONS:
                found.setdefault(hit.line - 1, []).append(hit.matched)
    if only is not None:
        found = {line: found[line] for line in only if line in found}
    if not found:
        return {}
    from screener.links import no_evidence_spans  # ~3 ms of import: not at every CLI start
    from screener.person import own_details  # ~7 ms, as above

    spans = own_details(doc.lines, doc.sections, found)
    for i in found:
        if in_links := no_evidence_spans(doc.lines[i]):
            spans[i] = [*spans.get(i, ()), *in_links]
    return spans


_OWN_DETAIL_SECTIONS = frozenset({"header", "other"})


def _drop_inside(hits: list[list[Hit]], spans: Mapping[int, list[tuple[int, int]]]) -> None:
    """Leave out the hits inside ``spans`` (by 0-based line): no evidence of a skill."""
    for index, item_hits in enumerate(hits):
        hits[index] = [hit for hit in item_hits if not _inside(hit, spans.get(hit.line - 1))]


def _inside(hit: Hit, spans: list[tuple[int, int]] | None) -> bool:
    """Whether ``hit`` (its first occurrence on its line) lies in one of ``spans``."""
    if not spans:
        return False
    at = hit.evidence.find(hit.matched)  # once, not once per span: lines can be long
    return any(a <= at < b for a, b in spans)


def _matched_text(doc: _Doc, text: str, start: int, size: int, line: int) -> str:
    """The words as written; one string search when the first word occurs once on the line."""
    lowered = doc.lowered_line(line)
    first = doc.lowered[start]
    begin = lowered.find(first)
    if len(lowered) != len(text) or lowered.find(first, begin + 1) != -1:
        _, begin, end = doc.span(start, size)  # exact, token by token
        return text[begin:end]
    if size == 1:
        return text[begin : begin + len(first)]
    last = doc.lowered[start + size - 1]
    return text[begin : lowered.find(last, begin) + len(last)]


def _positions(lowered: list[str], words: list[str]) -> Iterator[int]:
    """Where ``words`` occur in ``lowered`` (list.index does the scanning in C)."""
    size, start = len(words), -1
    while True:
        try:
            start = lowered.index(words[0], start + 1)
        except ValueError:
            return
        if size == 1 or lowered[start : start + size] == words:
            yield start


def _fuzzy_eligible(rule: Alias, key: str) -> bool:
    return not (rule.case_sensitive or rule.needs_context) and len(key) >= FUZZY_MIN_CHARS


def _skills_line_supported(line: int, size: int, lines_with_hits: set[int]) -> bool:
    """In a skills list, a short line is one item ("Go"); a longer one counts with a
    technical item on it or on a line beside it (a list of tools, not of chores)."""
    return size <= SHORT_SKILL_LINE or not lines_with_hits.isdisjoint((line - 1, line + 1))


def _words_close(query: str, key: str) -> bool:
    """Each word of a word pair is near its own word of the name: the spelled-right word
    cannot carry another ("and documentation" is not API documentation, "brand
    development" not backend development)."""
    if " " not in query:
        return True
    return all(
        a == b or (a[0] == b[0] and fuzz.ratio(a, b) >= FUZZY_WORD_CUTOFF)
        for a, b in zip(query.split(" "), key.split(" "), strict=False)
    )


def _is_swap(a: str, b: str) -> bool:
    """One swap of neighbouring letters in a single word of 6+ letters ('dokcer')."""
    return (
        " " not in a
        and len(a) == len(b) >= FUZZY_MIN_CHARS
        and a[0] == b[0]
        and sorted(a) == sorted(b)
        and OSA.distance(a, b) == 1
    )


@per_spec
def compile_matcher(spec: RoleSpec) -> Matcher:
    """The compiled matcher for a spec, cached by the spec's content."""
    return Matcher(spec)
