"""Redaction benchmark on the DataTurks annotated resumes: ``python -m screener.bench redact``.

Measured with nothing protected (``keep=()``), so the redactor alone must spare skills:

- **profile links fully removed**: an "Email Address" span (all are Indeed profile links)
  counts as removed when no 8-character run of its identifying part (the path after
  ``indeed.com/r/``: name slug and id, letters and digits only) is left anywhere in the
  redacted text, also across spaces and line breaks;
- **name tokens removed**: occurrences (whole words, any case) of the 3+ letter tokens of
  the annotated names, in the redacted text against the original;
- **skill items kept whole**: annotated skill spans split on commas, bullets and line
  breaks; an item counts as kept when it is still in the redacted text (spaces collapsed).
  Items that contain the person's name are left out: removing those is right;
- **home location removed**: occurrences of the annotated locations found in the header
  (the lines before the Indeed link), the candidate's home town and region.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from screener.corpora import ROOT, AnnotatedResume, annotated_resumes
from screener.ingest import ingest_text
from screener.redact import redact
from screener.screen import evaluate
from screener.spec import load_spec

RUN = 8
_PROFILE_HOST = re.compile(r"^.*?indeed\.com/r/", re.I | re.S)
_ITEM_SPLIT = re.compile(r"[,\n•●▪◦➢✓;]|\s{2,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class Tally:
    """Counts for one metric: ``good`` of ``total``, with a few failing examples."""

    good: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, example: str) -> None:
        self.total += 1
        self.good += ok
        if not ok and len(self.misses) < 12:
            self.misses.append(example)

    @property
    def rate(self) -> float:
        return self.good / self.total if self.total else 1.0


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def link_removed(span_text: str, redacted: str) -> bool | None:
    """Whether no 8-character run of the link's identifying part is left (None: nothing to test)."""
    payload = _alnum(_PROFILE_HOST.sub("", span_text.split("?")[0]))
    if len(payload) < RUN:
        return None
    stream = _alnum(redacted)
    return not any(payload[i : i + RUN] in stream for i in range(len(payload) - RUN + 1))


def _word(token: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_]){re.escape(token)}(?![^\W\d_])", re.I)


def name_tokens(resume: AnnotatedResume) -> set[str]:
    return {
        token.lower()
        for span in resume.labelled("Name")
        for token in re.findall(r"[^\W\d_]{3,}", span.text)
    }


def skill_items(resume: AnnotatedResume) -> list[str]:
    spans = resume.labelled("Skills")
    items = (item.strip(" \t-–:.()") for s in spans for item in _ITEM_SPLIT.split(s.text))
    return [" ".join(item.split()) for item in items if sum(ch.isalpha() for ch in item) >= 2]


def home_places(resume: AnnotatedResume) -> set[str]:
    header_end = resume.content.find("indeed.com/r/")
    header_end = header_end if header_end >= 0 else 200
    return {s.text.strip().lower() for s in resume.labelled("Location") if s.start < header_end}


def _location_line(resume: AnnotatedResume) -> str:
    """The header line with the home town (before "Email me on Indeed"); skill labels that
    fall on it ("Andhra Pradesh", "ashtra") are label noise."""
    for line in resume.content.split("\n")[:6]:
        if "email me on indeed" in line.lower():
            return line.lower().split("email me on indeed")[0]
    return ""


def _occurrences(tokens: Iterable[str], text: str) -> int:
    return sum(len(_word(token).findall(text)) for token in tokens)


def measure(resumes: list[AnnotatedResume], redactor: Callable[[str], str]) -> dict[str, Tally]:
    """The four metrics (plus e-mail addresses left) for ``redactor`` over ``resumes``."""
    tallies = {k: Tally() for k in ("links", "names", "skills", "home", "emails")}
    for number, resume in enumerate(resumes):
        out = redactor(resume.content)
        flat = " ".join(out.split())
        for span in resume.labelled("Email Address"):
            removed = link_removed(span.text, out)
            if removed is not None:
                tallies["links"].add(removed, f"#{number}: {span.text!r}")
        names = name_tokens(resume)
        for token in names:
            before, after = _occurrences([token], resume.content), _occurrences([token], out)
            for left in range(before):
                tallies["names"].add(left >= after, f"#{number}: {token}")
        location_line = _location_line(resume)
        for item in skill_items(resume):
            if any(_word(token).search(item) for token in names) or item.lower() in location_line:
                continue
            tallies["skills"].add(item.lower() in flat.lower(), f"#{number}: {item!r}")
        for place in home_places(resume):
            before, after = _occurrences([place], resume.content), _occurrences([place], out)
            for left in range(before):
                tallies["home"].add(left >= after, f"#{number}: {place}")
        for address in _EMAIL.findall(resume.content):
            tallies["emails"].add(address not in out, f"#{number}: {address}")
    return tallies


def main(verbose: bool = False, repeats: int = 5) -> None:
    resumes = annotated_resumes()
    tallies = measure(resumes, lambda text: redact(text).text)
    texts = [r.content for r in resumes]
    spec = load_spec(ROOT / "role_specs" / "junior_backend_engineer.yaml")
    documents = [ingest_text(text) for text in texts]
    redacting, screening = [], []
    for _ in range(repeats):  # interleaved, so both see the same machine load
        started = time.perf_counter()
        for text in texts:
            redact(text)
        redacting.append(time.perf_counter() - started)
        started = time.perf_counter()
        for document in documents:
            evaluate(spec, document)
        screening.append(time.perf_counter() - started)
    chars = statistics.mean(len(t) for t in texts)
    print(f"redaction on {len(resumes)} DataTurks resumes (nothing protected by a spec):")
    titles = {
        "links": "profile links fully removed (no 8+ run left)",
        "names": "name tokens (3+ letters) removed",
        "skills": "annotated skill items kept whole",
        "home": "home town/region mentions removed",
        "emails": "e-mail addresses removed",
    }
    for key, title in titles.items():
        tally = tallies[key]
        print(f"  {title:46} {tally.rate:7.2%} ({tally.good}/{tally.total})")
        if verbose:
            for miss in tally.misses:
                print(f"      miss {miss}")
    per, base = (statistics.median(t) / len(texts) * 1000 for t in (redacting, screening))
    print(
        f"  time: {per:.2f} ms per resume (~{chars:.0f} characters; median of {repeats}); "
        f"{per / base:.1f}x the time to match and score it ({base:.2f} ms)"
    )


if __name__ == "__main__":
    import sys

    main(verbose="-v" in sys.argv)
