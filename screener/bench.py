"""Benchmarks: ``python -m screener.bench [accuracy|matching|cli|ingest|pdfs|app|all|redact]``.

``cluster`` (the Dask engine; needs the [cluster] extra) runs only when named.

They print figures and assert nothing.

Figures are medians of repeated runs (these machines are noisy); rates use wall time.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from screener.ingest import Document, ingest_bytes, ingest_many, ingest_text
from screener.match import Matcher, tokens
from screener.output import write_output
from screener.score import score
from screener.sections import section_per_line
from screener.spec import RoleSpec, load_spec
from screener.synth import synthetic_resumes

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "role_specs" / "junior_backend_engineer.yaml"
SAMPLES = ROOT / "sample_resumes"


def _median_seconds(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# ---------------------------------------------------------------- matching + scoring
def bench_matching(spec: RoleSpec, count: int = 2000, repeats: int = 5) -> None:
    docs = [ingest_text(text) for text in synthetic_resumes(spec, count)]
    words = statistics.mean(len(d.text.split()) for d in docs)
    prepared = [(d.lines, section_per_line(d.sections, len(d.lines))) for d in docs]
    matcher = Matcher(spec)

    def screen_all() -> None:
        for lines, sections in prepared:
            score(spec, matcher.match(lines, sections))

    cold = _median_seconds(screen_all, 1)  # fresh matcher: fuzzy cache starts empty
    loop_turns = _busy_loops_for(seconds=0.25)
    passes, loop_rates, cpu = [], [], 0.0
    for _ in range(repeats):  # each pass followed by the machine's own speed just then
        started = time.process_time()
        passes.append(_median_seconds(screen_all, 1))
        cpu += (time.process_time() - started) / repeats
        loop_rates.append(loop_turns / _median_seconds(lambda: _busy_here(loop_turns), 1))
    warm = statistics.median(passes)
    naive_docs = docs[:50]
    naive = _median_seconds(lambda: _naive_partial_ratio(spec, naive_docs), 1) / len(naive_docs)
    rate = count / warm
    print(f"matching + scoring, {count} generated resumes of ~{words:.0f} words, one process:")
    print(f"  first pass (cold fuzzy cache): {count / cold:8.0f} resumes/s")
    print(f"  median of {repeats} passes:          {rate:8.0f} resumes/s")
    print(f"  naive partial_ratio loop:      {1 / naive:8.1f} resumes/s (50 resumes)")
    print(f"  speed-up over naive:           {rate * naive:8.0f}x")
    print(f"  CPU time per resume (passes):  {cpu / count * 1e6:8.0f} us (target: >= 1,500/s)")
    print(
        f"  the machine after each pass: a pure-Python loop at "
        f"{statistics.median(loop_rates) / 1e6:.1f} M turns/s "
        f"({', '.join(f'{r / 1e6:.1f}' for r in loop_rates)}): how fast the machine was, "
        "not a correction (matching slows less than the loop does)"
    )
    _bench_one_line(spec, matcher, docs)


def _bench_one_line(spec: RoleSpec, matcher: Matcher, docs: list[Document]) -> None:
    """Resumes pasted without line breaks: generated resumes joined into one line of
    about 2,000 and 8,000 words. Matching time should grow with the words (4x), not with
    the words times the hits on the line."""
    times = {}
    for target in (2000, 8000):
        words: list[str] = []
        for doc in docs:
            words += doc.text.split()
            if len(words) >= target:
                break
        doc = ingest_text(" ".join(words[:target]))
        sections = section_per_line(doc.sections, len(doc.lines))
        times[target] = _median_seconds(
            lambda d=doc, s=sections: score(spec, matcher.match(d.lines, s)),  # type: ignore[misc]
            3,
        )
    print(
        f"  a resume pasted as one line: 2,000 words {times[2000] * 1000:.0f} ms, "
        f"8,000 words {times[8000] * 1000:.0f} ms ({times[8000] / times[2000]:.1f}x: "
        "4x grows with the words)"
    )


def _naive_partial_ratio(spec: RoleSpec, docs: list[Document]) -> None:
    aliases = [(i.name, r.text) for _, _, i in spec.matchables() for r in i.alias_rules()]
    for doc in docs:
        text = doc.text.lower()
        {name for name, alias in aliases if fuzz.partial_ratio(alias.lower(), text) >= 90}


# ---------------------------------------------------------------- CLI end to end
def bench_cli(spec: RoleSpec, count: int = 2000, repeats: int = 7) -> None:
    _compile_bytecode()
    cores = os.cpu_count() or 1
    busy_loops = _busy_loops_for(seconds=1.5)
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "resumes"
        inputs.mkdir()
        for number, text in enumerate(synthetic_resumes(spec, count)):
            (inputs / f"resume_{number:05}.txt").write_text(text, encoding="utf-8")
        os.sync()  # written back now, not by the kernel during the first rounds
        out = Path(folder) / "out.json"
        screen = [sys.executable, "-m", "screener", "screen", "--spec", str(SPEC)]
        screen += ["--out", str(out), str(inputs)]
        overlap = [sys.executable, "-m", "screener.bench", "word-overlap", str(inputs), str(out)]
        one = [*screen[:-1], "--workers", "1", screen[-1]]
        lone = Path(folder) / "one_resume"  # a run of one file: the serial part alone
        lone.mkdir()
        shutil.copy(inputs / "resume_00000.txt", lone)
        serial = [*screen[:-3], "--workers", "1", "--out", str(lone / "out.json"), str(lone)]
        runs: dict[str, list[float]] = {"ours": [], "one": [], "base": [], "serial": []}
        machine: list[float] = []  # the loop's speed-up on every core, per round
        cpu: dict[str, list[float]] = {"ours": [], "one": [], "base": [], "serial": []}
        commands = (("ours", screen), ("one", one), ("base", overlap), ("serial", serial))
        for _ in range(repeats):  # interleaved, so all of them see the same machine load
            for key, command in commands:
                before = _children_cpu()
                runs[key].append(_median_seconds(lambda c=command: _quiet(c), 1))  # type: ignore[misc]
                cpu[key].append(_children_cpu() - before)
            machine.append(_busy_seconds(busy_loops, 1) / _busy_seconds(busy_loops, cores))
        ours, single, base = (statistics.median(runs[k]) for k in ("ours", "one", "base"))
        ours_cpu, single_cpu, base_cpu = (
            statistics.median(cpu[k]) for k in ("ours", "one", "base")
        )
        # Ratios within a round (same moment, same load), then their median.
        speedups = _ratios(runs["one"], runs["ours"])
        to_floor = statistics.median(_ratios(runs["ours"], runs["base"]))
        output = subprocess.run(
            [*screen[:-3], "--out", "/dev/stdout", str(inputs)], check=True, capture_output=True
        ).stdout
        scored = sum(c["score"] is not None for c in json.loads(output)["candidates"])
        # The serial end the one-file run lacks: writing the whole output after the last
        # result (over an earlier one, replaced whole, as `screen` does).
        written = _median_seconds(lambda: write_output(str(out), [output]), 3)
        # Amdahl: the serial part as it is, the rest split as the machine split its loop.
        bounds = [
            one_s / (serial + (one_s - serial) / scaling)
            for one_s, lone_s, scaling in zip(runs["one"], runs["serial"], machine, strict=True)
            for serial in (lone_s + written,)
        ]
    print(
        f"`screener screen` end to end, {count} text files, {cores} cores (process start, "
        f"reading, JSON writing included; median of {repeats} rounds, ratios within rounds):"
    )
    print(
        f"  screener screen:            {count / ours:8.0f} resumes/s "
        f"({ours:.2f} s, {scored} scored; {to_floor:.1f}x the floor)"
    )
    print(
        f"  screener screen --workers 1:{count / single:8.0f} resumes/s "
        f"({single:.2f} s; all workers are {statistics.median(speedups):.2f}x faster; "
        f"rounds: {_listed(speedups)})"
    )
    print(
        f"  floor: read, lower-case, split, look up words: {count / base:8.0f} resumes/s "
        f"({base:.2f} s)"
    )
    print(
        f"  the machine itself: the same pure-Python loop split over {cores} processes is "
        f"{statistics.median(machine):.2f}x faster than in one (rounds: {_listed(machine)})"
    )
    print(
        f"  serial part (start-up, imports, exit: screen on one file): "
        f"{statistics.median(runs['serial']):.2f} s, and writing the output "
        f"({len(output) / 1e6:.0f} MB) {written:.2f} s; with them and the machine's scaling, "
        f"Amdahl allows {statistics.median(bounds):.2f}x (rounds: {_listed(bounds)})"
    )
    print(
        f"  CPU time of all processes (load-independent): screen {ours_cpu:.2f} s "
        f"({ours_cpu / count * 1000:.2f} ms/file), --workers 1 {single_cpu:.2f} s, "
        f"floor {base_cpu:.2f} s"
    )
    print("  targets: >= 800 resumes/s, <= 5x the floor, all workers >= 1.7x --workers 1")


def _listed(ratios: list[float]) -> str:
    return ", ".join(f"{r:.2f}" for r in ratios)


def _ratios(numerators: list[float], denominators: list[float]) -> list[float]:
    return [n / d for n, d in zip(numerators, denominators, strict=True)]


def _compile_bytecode() -> None:
    """Byte-compile screener first, as an installed package is: with
    PYTHONDONTWRITEBYTECODE set (as on our machines) every run would compile it again."""
    compileall.compile_dir(Path(__file__).parent, quiet=1)


_BUSY_LOOP = "n = {turns}\nwhile n:\n    n -= 1\n"  # pure Python: no I/O, no memory traffic


def _busy_loops_for(seconds: float) -> int:
    """How many turns of `_BUSY_LOOP` take about ``seconds`` here (in this process)."""
    turns, started = 2_000_000, time.perf_counter()
    _busy_here(turns)
    return int(turns * seconds / (time.perf_counter() - started))


def _busy_here(turns: int) -> None:
    exec(_BUSY_LOOP.format(turns=turns), {})


def _busy_seconds(loops: int, processes: int) -> float:
    """Wall time of ``loops`` turns split over ``processes`` processes started at once:
    what perfectly parallel work gains on this machine at this moment."""
    share = _BUSY_LOOP.format(turns=loops // processes)
    started = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", share]) for _ in range(processes)]
    for process in running:
        process.wait()
    return time.perf_counter() - started


def _children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process and its children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _quiet(command: list[str]) -> None:
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)


def word_overlap(inputs: Path, out: Path) -> None:
    """Baseline: lower-case word overlap with the spec's aliases, one process, JSON out."""
    spec = load_spec(SPEC)
    aliases = {r.text.lower(): i.name for _, _, i in spec.matchables() for r in i.alias_rules()}
    results = []
    for path in sorted(inputs.iterdir()):
        words = set(path.read_text(encoding="utf-8").lower().split())
        results.append(
            {"source": str(path), "skills": sorted({aliases[w] for w in words & aliases.keys()})}
        )
    out.write_text(json.dumps({"candidates": results}))


# ---------------------------------------------------------------- ingestion
def bench_ingest(repeats: int = 5) -> None:
    pdf = (SAMPLES / "senior_backend_engineer.pdf").read_bytes()
    docx = (SAMPLES / "java_spring_new_grad.docx").read_bytes()
    per_page_pdf = _median_seconds(lambda: ingest_bytes(pdf, "a.pdf"), repeats * 4) / 2
    per_docx = _median_seconds(lambda: ingest_bytes(docx, "a.docx"), repeats * 4)
    print("extraction (on a warm sandboxed worker process), median:")
    print(f"  PDF:  {per_page_pdf * 1000:6.1f} ms per page")
    print(f"  DOCX: {per_docx * 1000:6.1f} ms per document (1 page)")
    _compare_pdf_libraries(repeats)
    samples = [
        (p.name, p.read_bytes())
        for p in sorted(SAMPLES.iterdir())
        if p.suffix in (".pdf", ".docx", ".txt", ".md")
    ]
    batch = [samples[i % len(samples)] for i in range(200)]
    seconds = _median_seconds(lambda: ingest_many(batch, workers=2), 3)
    kinds = ", ".join(sorted({Path(n).suffix for n, _ in batch}))
    print(f"  batch of 200 mixed files ({kinds}) on 2 workers: {200 / seconds:6.0f} files/s")


def _compare_pdf_libraries(repeats: int) -> None:
    try:
        import pypdf
    except ImportError:
        print("  (pypdf not installed: library comparison skipped)")
        return
    import pypdfium2 as pdfium

    pdf = (SAMPLES / "senior_backend_engineer.pdf").read_bytes()
    two_column = (SAMPLES / "go_self_taught_developer.pdf").read_bytes()
    source = (ROOT / "scripts/sample_sources/go_self_taught_developer.md").read_text()

    def with_pdfium(data: bytes) -> str:
        document = pdfium.PdfDocument(data)
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)

    def with_pypdf(data: bytes) -> str:
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)

    print("  PDF libraries, in process (2-page PDF; two-column sample):")
    for name, extract in (("pypdfium2", with_pdfium), ("pypdf", with_pypdf)):
        seconds = _median_seconds(lambda e=extract: e(pdf), repeats * 4) / 2  # type: ignore[misc]
        kept = _lines_kept(source, extract(two_column))
        print(
            f"    {name:10} {seconds * 1000:6.2f} ms/page; two-column lines kept intact: {kept:.0%}"
        )


def _lines_kept(source: str, extracted: str) -> float:
    """Share of the source's bullet lines whose first 6 words appear in order on one line."""
    wanted = [" ".join(tokens(line)[:6]) for line in source.splitlines() if line.startswith("- ")]
    got = {" ".join(tokens(line)[:6]) for line in extracted.splitlines()}
    return sum(w in got for w in wanted) / len(wanted)


# ---------------------------------------------------------------- accuracy
def bench_accuracy(spec: RoleSpec) -> None:
    """Precision and recall of hard skills and tools on the labelled sample set."""
    import yaml

    from screener.screen import screen_one

    labels = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    technical = {i.name for kind, _, i in spec.matchables() if kind in ("hard", "tool")}
    aliases = [
        (i.name, r.text.lower())
        for kind, _, i in spec.matchables()
        if kind in ("hard", "tool")
        for r in i.alias_rules()
    ]
    ours = [0, 0, 0]  # true positives, false positives, false negatives
    naive = [0, 0, 0]
    bands_right = scored = 0
    for name, label in labels.items():
        candidate = screen_one(spec, name, (SAMPLES / name).read_bytes())
        if candidate.match is None or candidate.document is None:
            continue
        expected = set(label["skills"]) & technical
        found = {i.name for i in candidate.match.items if i.found and i.name in technical}
        text = candidate.document.text.lower()
        guessed = {skill for skill, alias in aliases if fuzz.partial_ratio(alias, text) >= 90}
        for tally, got in ((ours, found), (naive, guessed)):
            tally[0] += len(got & expected)
            tally[1] += len(got - expected)
            tally[2] += len(expected - got)
        scored += 1
        bands_right += candidate.score is not None and candidate.score.band == label["band"]
    print(
        f"accuracy on the {scored} scored sample resumes (hard skills and tools, labels in "
        "sample_resumes/expected.yaml):"
    )
    for title, (tp, fp, fn) in (("screener", ours), ("naive partial_ratio >= 90", naive)):
        print(
            f"  {title:26} precision {tp / max(tp + fp, 1):6.1%}  "
            f"recall {tp / max(tp + fn, 1):6.1%}"
            f"  false skills per resume {fp / scored:4.1f}"
        )
    print(f"  score band as labelled: {bands_right}/{scored}")


# ---------------------------------------------------------------- the app
def bench_app(spec: RoleSpec) -> None:
    """Upload-to-ranking and weight-change rerun times, measured on the app script (AppTest)."""
    from streamlit.testing.v1 import AppTest

    samples = [
        (p.name, p.read_bytes())
        for p in sorted(SAMPLES.iterdir())
        if p.suffix in (".pdf", ".docx", ".txt", ".md")
    ]
    # Distinct bytes per file (trailing bytes after a PDF's %%EOF or a zip's directory are
    # ignored by the readers), so the app's content cache cannot skip any of the 200.
    mixed = [
        (f"{i:03}_{name}", data + f"\n{i}\n".encode())
        for i, (name, data) in enumerate(samples[i % len(samples)] for i in range(200))
    ]
    many = [
        (f"synthetic_{i:03}.txt", text.encode())
        for i, text in enumerate(synthetic_resumes(spec, 500))
    ]

    def upload(files: list[tuple[str, bytes]]) -> tuple[AppTest, float]:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=600)
        at.run()
        at.file_uploader(key="resumes").set_value(
            [(n, d, "application/octet-stream") for n, d in files]
        )
        started = time.perf_counter()
        at.run()
        return at, time.perf_counter() - started

    _, seconds = upload(mixed)
    kinds = ", ".join(sorted({Path(n).suffix for n, _ in mixed}))
    print("app (AppTest runs the real script; browser drawing not included):")
    print(f"  200 mixed files ({kinds}) uploaded -> ranking: {seconds:6.2f} s")
    at, seconds = upload(many)
    print(f"  500 text files uploaded -> ranking:            {seconds:6.2f} s")
    reruns = []
    for tools in (30.0, 20.0, 30.0):
        at.number_input(key="part_tools").set_value(tools)
        at.number_input(key="part_hard_skills").set_value(70.0 - tools)
        started = time.perf_counter()
        at.run()
        reruns.append(time.perf_counter() - started)
    print(
        f"  weight change with 500 candidates, rerun:      {statistics.median(reruns):6.2f} s "
        "(median of 3)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m screener.bench")
    parser.add_argument(
        "what",
        nargs="?",
        default="all",
        choices=(
            "all", "matching", "cli", "ingest", "app", "accuracy", "word-overlap", "redact",
            "quality", "pdf-text", "screenings", "pdfs", "draft", "cluster",
        ),
    )  # fmt: skip
    parser.add_argument("paths", nargs="*")
    args, rest = parser.parse_known_args(argv)
    if args.what in ("quality", "pdf-text"):
        from screener import bench_quality

        return bench_quality.main([args.what, *args.paths, *rest])
    if args.what == "word-overlap":
        word_overlap(Path(args.paths[0]), Path(args.paths[1]))
        return 0
    if args.what == "cluster":  # needs the [cluster] extra, so not part of "all"
        from screener import bench_cluster

        return bench_cluster.main(args.paths)
    if args.what == "redact":  # needs ../shared/corpora, so not part of "all"
        from screener.bench_redact import main as bench_redact

        bench_redact()
        return 0
    if args.what == "draft":  # SkillSpan postings from ../shared/corpora, like "redact"
        from screener.bench_draft import main as bench_draft

        bench_draft()
        return 0
    spec = load_spec(SPEC)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.what in ("all", "accuracy"):
        bench_accuracy(spec)
    if args.what in ("all", "matching"):
        bench_matching(spec)
    if args.what in ("all", "cli"):
        bench_cli(spec)
    if args.what in ("all", "ingest"):
        bench_ingest()
    if args.what in ("all", "pdfs"):
        from screener.bench_pdfs import bench_pdfs

        bench_pdfs()
    if args.what in ("all", "app"):
        bench_app(spec)
    if args.what in ("all", "screenings"):
        from screener import bench_screenings

        bench_screenings.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
