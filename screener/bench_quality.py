"""Quality on real resumes: ``python -m screener.bench quality|pdf-text``.

Runs the library over ``../shared/corpora`` (text nobody on the project wrote) and prints:
- livecareer PDFs: AUC of INFORMATION-TECHNOLOGY against every other category and
  overall, a bag-of-words baseline beside it, mean score and band shares per category,
  and how often an Experience-type heading is found where the resume has one;
- DataTurks annotated resumes: where annotated Designation / Companies-worked-at lines
  and Skills spans land (section accuracy), the bands of software developers, and skill
  precision/recall against the annotated Skills spans for skills the spec knows;
- ``pdf-text``: run-together words, over-split words, headings found and ms/page for each
  PDF reader option.

``--save FILE`` writes the figures as JSON; ``--compare FILE`` prints a saved run's
figures beside the new ones. Nothing is asserted here; the corpus tests hold thresholds.
"""

from __future__ import annotations

import argparse
import bisect
import io
import json
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from screener.corpora import (
    CorporaMissing,
    Span,
    annotated_resumes,
    livecareer_pdfs,
    livecareer_sample,
    skillspan_postings,
)
from screener.errors import IngestError
from screener.ingest import ingest_bytes, ingest_text
from screener.readers import WORD_GAP, read_pdf
from screener.screen import Candidate, evaluate
from screener.sections import find_sections, section_per_line
from screener.spec import RoleSpec, load_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "role_specs" / "junior_backend_engineer.yaml"
IT = "INFORMATION-TECHNOLOGY"
UNRELATED = ("HR", "ARTS", "CHEF", "TEACHER", "FITNESS", "ACCOUNTANT", "ADVOCATE", "SALES")
# Benchmark labels (ground truth from the annotated designation), never used in scoring:
# a software developer's title, and titles of tech-adjacent roles.
DEVELOPER_TITLE = re.compile(
    r"develop|programmer|software engineer|\bsde\b|software trainee", re.IGNORECASE
)
TECH_ADJACENT = re.compile(
    r"test|tester|qa\b|quality analyst|sap\b|fi/co|network|business analyst|support|"
    r"administrator|designer|consultant",
    re.IGNORECASE,
)
EXPERIENCE_HEADINGS = {
    "experience",
    "workexperience",
    "professionalexperience",
    "workhistory",
    "employmenthistory",
    "relevantexperience",
    "experiencedetails",
}
Figures = dict[str, float]


# ---------------------------------------------------------------- small statistics
def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """ROC AUC as the Mann-Whitney probability that a positive outranks a negative."""
    if not positives or not negatives:
        return float("nan")
    ordered = sorted(negatives)
    wins = 0.0
    for value in positives:
        below = _count_below(ordered, value)
        ties = _count_below(ordered, value, inclusive=True) - below
        wins += below + ties / 2
    return wins / (len(positives) * len(negatives))


def _count_below(ordered: Sequence[float], value: float, *, inclusive: bool = False) -> int:
    return (bisect.bisect_right if inclusive else bisect.bisect_left)(ordered, value)


def bag_of_words(spec: RoleSpec) -> Callable[[str], float]:
    """The baseline: how many distinct words of the spec's skill and tool names and aliases
    the text contains (lower-cased, no fuzzy, no sections)."""
    words: set[str] = set()
    for item in [*spec.hard_skills, *(tool for cat in spec.tools for tool in cat.tools)]:
        for alias in [rule.text for rule in item.alias_rules()]:
            words.update(re.findall(r"[a-z0-9+#.]+", alias.lower()))

    def count(text: str) -> float:
        return float(len(words & set(re.findall(r"[a-z0-9+#.]+", text.lower()))))

    return count


# ---------------------------------------------------------------- livecareer
def livecareer_figures(spec: RoleSpec, per_category: int | None) -> Figures:
    files = livecareer_sample(per_category) if per_category else livecareer_pdfs()
    baseline = bag_of_words(spec)
    scores: dict[str, list[float]] = defaultdict(list)
    bow: dict[str, list[float]] = defaultdict(list)
    bands: dict[str, Counter[str]] = defaultdict(Counter)
    has_heading = found_heading = 0
    evidenced = evidenced_possible = 0
    for category, path in files:
        try:
            document = ingest_bytes(path.read_bytes(), f"{category}/{path.name}")
        except IngestError:
            continue
        if document.status != "ok":
            continue
        candidate = evaluate(spec, document)
        assert candidate.score is not None
        scores[category].append(candidate.score.total)
        bands[category][candidate.score.band] += 1
        bow[category].append(baseline(document.text))
        if _must_haves_used(candidate):
            evidenced += 1
            evidenced_possible += candidate.score.band != "weak"
        if _has_experience_heading(document.lines):
            has_heading += 1
            found_heading += any(s.name == "experience" for s in document.sections)
    figures: Figures = {}
    others = [s for c, values in scores.items() if c != IT for s in values]
    others_bow = [s for c, values in bow.items() if c != IT for s in values]
    figures["livecareer.auc_it_vs_all"] = auc(scores[IT], others)
    figures["livecareer.bow_auc_it_vs_all"] = auc(bow[IT], others_bow)
    for category in sorted(scores):
        count = len(scores[category])
        figures[f"livecareer.mean.{category}"] = statistics.mean(scores[category])
        for band in ("strong", "possible", "weak"):
            figures[f"livecareer.{band}.{category}"] = bands[category][band] / count
        if category != IT:
            figures[f"livecareer.auc_it_vs.{category}"] = auc(scores[IT], scores[category])
    unrelated = [c for c in UNRELATED if c in bands]
    weak = sum(bands[c]["weak"] for c in unrelated)
    figures["livecareer.unrelated_weak_share"] = weak / max(
        1, sum(sum(bands[c].values()) for c in unrelated)
    )
    figures["livecareer.must_haves_used_resumes"] = float(evidenced)
    figures["livecareer.must_haves_used_possible_or_strong"] = evidenced_possible / max(
        1, evidenced
    )
    figures["livecareer.experience_heading_found"] = found_heading / max(1, has_heading)
    figures["livecareer.experience_heading_resumes"] = float(has_heading)
    return figures


def _must_haves_used(candidate: Candidate) -> bool:
    """Every must-have met and none left to verify: used in work, exactly or implied."""
    score = candidate.score
    return score is not None and not score.missing and not score.unverified


def _has_experience_heading(lines: Iterable[str]) -> bool:
    """Counted reader-independently: a line that, without spaces, case and a trailing
    colon, is an Experience-type heading."""
    return any(re.sub(r"[\s:]", "", line).lower() in EXPERIENCE_HEADINGS for line in lines if line)


# ---------------------------------------------------------------- DataTurks
def annotated_figures(spec: RoleSpec) -> Figures:
    """Section accuracy, developer bands and skill precision/recall on the DataTurks set.

    Section accuracy is given by two definitions each (see the README):
    - every annotated Designation / Companies-worked-at span on a line in experience (or
      projects), and, refined, every distinct designation or employer of a resume found in
      experience at least once: the annotators also label an employer's name where it is a
      product ("Oracle 11g", "Microsoft Office" in a skills list) or a college;
    - every Skills span in a skills section, and, refined, in a skills section or in a
      job or project, where a skill named in the work is "used" (more credit than listed).
    """
    experience_hits = experience_total = skills_hits = skills_total = skills_in_work = 0
    jobs: dict[tuple[int, str, str], bool] = {}
    developer_bands: Counter[str] = Counter()
    by_role: dict[str, list[float]] = defaultdict(list)
    evidenced: Counter[str] = Counter()
    true_pos = false_pos = false_neg = 0
    for index, resume in enumerate(annotated_resumes()):
        document = ingest_text(resume.content, "annotated resume")
        lines = document.lines
        per_line = section_per_line(document.sections, len(lines))
        starts = _line_starts(resume.content)
        for span in [*resume.labelled("Designation"), *resume.labelled("Companies worked at")]:
            experience_total += 1
            in_work = per_line[_line_of(starts, _first_char(span))] in ("experience", "projects")
            experience_hits += in_work
            key = (index, span.label, " ".join(span.text.lower().split()))
            jobs[key] = jobs.get(key, False) or in_work
        skill_lines: set[int] = set()
        for span in resume.labelled("Skills"):
            numbers = _span_lines(resume.content, starts, _first_char(span), span.end)
            skill_lines.update(numbers)
            if numbers:
                skills_total += 1
                in_skills = sum(per_line[n] == "skills" for n in numbers)
                skills_hits += in_skills * 2 >= len(numbers)
                placed = sum(per_line[n] in ("skills", "experience", "projects") for n in numbers)
                skills_in_work += placed * 2 >= len(numbers)
        candidate = evaluate(spec, document)
        designations = resume.labelled("Designation")
        title = designations[0].text if designations else ""
        assert candidate.score is not None
        if DEVELOPER_TITLE.search(title):
            developer_bands[candidate.score.band] += 1
        role = (
            "developer"
            if DEVELOPER_TITLE.search(title)
            else "adjacent"
            if TECH_ADJACENT.search(title)
            else "other"
        )
        by_role[role].append(candidate.score.total)
        if _must_haves_used(candidate):
            evidenced[candidate.score.band] += 1
        gold = _gold_skills(spec, [s.text for s in resume.labelled("Skills")])
        found = _found_on_lines(candidate, skill_lines)
        true_pos += len(found & gold)
        false_pos += len(found - gold)
        false_neg += len(gold - found)
    developers = sum(developer_bands.values())
    return {
        "annotated.experience_lines_in_experience": experience_hits / max(1, experience_total),
        "annotated.experience_spans": float(experience_total),
        "annotated.experience_jobs_found_in_experience": sum(jobs.values()) / max(1, len(jobs)),
        "annotated.experience_jobs": float(len(jobs)),
        "annotated.skills_spans_in_skills": skills_hits / max(1, skills_total),
        "annotated.skills_spans_in_skills_or_work": skills_in_work / max(1, skills_total),
        "annotated.skills_spans": float(skills_total),
        "annotated.developers": float(developers),
        "annotated.developers_possible_or_strong": (
            developer_bands["possible"] + developer_bands["strong"]
        )
        / max(1, developers),
        "annotated.auc_developers_vs_tech_adjacent": auc(by_role["developer"], by_role["adjacent"]),
        "annotated.auc_developers_vs_rest": auc(
            by_role["developer"], [*by_role["adjacent"], *by_role["other"]]
        ),
        "annotated.must_haves_used_resumes": float(sum(evidenced.values())),
        "annotated.must_haves_used_possible_or_strong": (
            evidenced["possible"] + evidenced["strong"]
        )
        / max(1, sum(evidenced.values())),
        "annotated.skill_precision": true_pos / max(1, true_pos + false_pos),
        "annotated.skill_recall": true_pos / max(1, true_pos + false_neg),
    }


def _first_char(span: Span) -> int:
    """Where a span's text begins: "\\nAssociate consultant" is on the line after the
    newline it starts with."""
    return span.start + len(span.text) - len(span.text.lstrip())


def _line_starts(content: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, char in enumerate(content) if char == "\n")
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _span_lines(content: str, starts: list[int], start: int, end: int) -> list[int]:
    """The non-blank lines a span covers (0-based)."""
    lines = content.split("\n")
    first, last = _line_of(starts, start), _line_of(starts, max(start, end - 1))
    return [n for n in range(first, last + 1) if lines[n].strip()]


def _gold_skills(spec: RoleSpec, spans: list[str]) -> set[str]:
    """Spec items an annotated Skills span names: whole-word, case-insensitive aliases;
    aliases the spec marks case-sensitive or context-dependent must match their case."""
    text = "\n".join(spans)
    lowered = text.lower()
    gold = set()
    for item in [*spec.hard_skills, *(tool for cat in spec.tools for tool in cat.tools)]:
        for alias in item.alias_rules():
            strict = alias.case_sensitive
            haystack, needle = (text, alias.text) if strict else (lowered, alias.text.lower())
            if re.search(rf"(?<![\w+#.]){re.escape(needle)}(?![\w+#]|\.\w)", haystack):
                gold.add(item.name)
                break
    return gold


def _found_on_lines(candidate: Candidate, lines: set[int]) -> set[str]:
    if candidate.match is None:
        return set()
    return {
        item.name
        for item in candidate.match.items
        if item.kind in ("hard", "tool") and any(hit.line - 1 in lines for hit in item.hits)
    }


# ---------------------------------------------------------------- PDF text per reader
def vocabulary() -> set[str]:
    """English words of real resumes and postings (DataTurks + SkillSpan), seen twice+."""
    counts: Counter[str] = Counter()
    for resume in annotated_resumes():
        counts.update(re.findall(r"[a-z]+", resume.content.lower()))
    for split in ("train", "dev"):
        for posting in skillspan_postings(split):
            counts.update(re.findall(r"[a-z]+", posting.text.lower()))
    return {word for word, n in counts.items() if n >= 2 and (len(word) > 1 or word in "ai")}


def glued_share(texts: Iterable[str], vocab: set[str]) -> tuple[float, float]:
    """Run-together and over-split shares of word tokens.

    Run-together: an unknown token of 5+ letters that is two or more known words
    ("closelywith"). Over-split: two neighbouring tokens, one unknown, that make a known
    word together ("Engi neer"), or a stray letter before a lower-case word ("S kills").
    """
    tokens = glued = split = 0
    for text in texts:
        words = re.findall(r"[A-Za-z]+", text)
        tokens += len(words)
        for index, word in enumerate(words):
            lower = word.lower()
            if lower in vocab:
                continue
            if len(lower) >= 5 and _splits(lower, vocab):
                glued += 1
            elif index + 1 < len(words) and (
                (lower + words[index + 1].lower()) in vocab
                or (len(word) == 1 and word not in "aAI" and words[index + 1].islower())
            ):
                split += 1
    return glued / max(1, tokens), split / max(1, tokens)


def _splits(word: str, vocab: set[str], depth: int = 0) -> bool:
    if depth > 3:
        return False
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head in vocab and (tail in vocab or _splits(tail, vocab, depth + 1)):
            return True
    return False


def pdf_text_figures(per_category: int) -> Figures:
    files = livecareer_sample(per_category)
    vocab = vocabulary()
    readers: dict[str, Callable[[bytes], list[str]]] = {
        "pdfium": lambda data: list(read_pdf(data, "x.pdf", max_pages=30, word_gap=None).pages),
    }
    for gap in sorted({0.04, WORD_GAP, 0.08, 0.12}):
        readers[f"pdfium+gap{gap:g}"] = _pdfium_with_gap(gap)
    readers["pypdf"] = _pypdf
    figures: Figures = {}
    for name, read in readers.items():
        texts, pages, seconds, has, found = [], 0, 0.0, 0, 0
        for _, path in files[: len(files) if name != "pypdf" else 60]:
            data = path.read_bytes()
            started = time.perf_counter()
            page_texts = read(data)
            seconds += time.perf_counter() - started
            pages += len(page_texts)
            text = "\n".join(page_texts)
            texts.append(text)
            lines = ingest_text(text or " x").lines
            if _has_experience_heading(lines):
                has += 1
                found += any(s.name == "experience" for s in find_sections(lines))
        glued, split = glued_share(texts, vocab)
        figures[f"pdf.{name}.glued"] = glued
        figures[f"pdf.{name}.oversplit"] = split
        figures[f"pdf.{name}.ms_per_page"] = 1000 * seconds / max(1, pages)
        figures[f"pdf.{name}.experience_heading_found"] = found / max(1, has)
    return figures


def _pdfium_with_gap(gap: float) -> Callable[[bytes], list[str]]:
    def read(data: bytes) -> list[str]:
        return list(read_pdf(data, "x.pdf", max_pages=30, word_gap=gap).pages)

    return read


def _pypdf(data: bytes) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages[:30]]


# ---------------------------------------------------------------- printing
def _print(figures: Figures, previous: Figures | None) -> None:
    width = max(map(len, figures))
    for key, value in figures.items():
        before = previous.get(key) if previous else None
        shown = f"{value:8.3f}" if value == value else "     n/a"
        line = f"  {key:<{width}} {shown}"
        if before is not None:
            line += f"   (before {before:8.3f})"
        print(line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m screener.bench quality")
    parser.add_argument("what", choices=("quality", "pdf-text"))
    parser.add_argument("--spec", default=str(SPEC))
    parser.add_argument("--per-category", type=int, default=None, help="livecareer subset")
    parser.add_argument("--save", help="write the figures to this JSON file")
    parser.add_argument("--compare", help="print a saved run's figures beside the new ones")
    args = parser.parse_args(argv)
    spec = load_spec(args.spec)
    previous = json.loads(Path(args.compare).read_text()) if args.compare else None
    started = time.perf_counter()
    try:
        if args.what == "pdf-text":
            figures = pdf_text_figures(args.per_category or 10)
        else:
            figures = {**annotated_figures(spec), **livecareer_figures(spec, args.per_category)}
    except CorporaMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(f"{args.what} on real data ({time.perf_counter() - started:.0f} s):")
    _print(figures, previous)
    if args.save:
        Path(args.save).write_text(json.dumps(figures, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
