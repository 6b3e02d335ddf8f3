"""Benchmark: reopening a saved screening of 2,000 candidates (``python -m screener.bench
screenings``). Prints medians of wall-clock and CPU seconds; the baseline is uploading the
same 2,000 files afresh."""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from screener.screen import screen_files
from screener.spec import load_spec
from screener.store import ScreeningStore
from screener.synth import synthetic_resumes

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "role_specs" / "junior_backend_engineer.yaml"
NAME = "Benchmark 2000"


def _contact(text: str, number: int) -> str:
    """One person per file: synthetic resumes reuse a few names and e-mail addresses, which
    the duplicate signals would (rightly) join into a handful of people."""
    contact = f"c{number}@example.org | +1 555 {number:07}"
    return re.sub(r"\S+@example\.com \| \+1 555 010 \d+", contact, text, count=1)


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one call; CPU is this process's, threads included."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def _median(runs: list[tuple[float, float]]) -> str:
    wall, cpu = (statistics.median(r[i] for r in runs) for i in (0, 1))
    return f"{wall:6.2f} s ({cpu:5.2f} s CPU)"


def main(count: int = 2000, repeats: int = 3) -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    spec = load_spec(SPEC)
    files = [
        (f"synthetic_{i:04}.txt", _contact(t, i).encode())
        for i, t in enumerate(synthetic_resumes(spec, count))
    ]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SCREENER_SCREENINGS_DB"] = str(Path(folder) / "screenings.sqlite3")
        store = ScreeningStore()
        store.create(NAME, spec)
        saved = _timed(lambda: store.add(NAME, screen_files(spec, files)))
        size = store.path.stat().st_size / 2**20
        loads = [_timed(lambda: store.load(NAME)) for _ in range(repeats)]
        overviews = [_timed(lambda: store.overview(NAME)) for _ in range(repeats)]
        people = len(store.overview(NAME).people())

        def app_run(upload: bool) -> tuple[float, float]:
            st.cache_resource.clear()  # a cold reopen: nothing rebuilt in memory yet
            st.cache_data.clear()
            at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=600)
            at.run()
            if upload:
                at.file_uploader(key="resumes").set_value([(n, d, "text/plain") for n, d in files])
            else:
                at.selectbox(key="screening_choice").set_value(NAME)
            timing = _timed(at.run)
            assert not at.exception, at.exception
            return timing

        first = app_run(False)  # computes and keeps the other roles' fit (saved via the library)
        reopen = [app_run(False) for _ in range(repeats)]
        fresh = [app_run(True) for _ in range(repeats)]
    ratio = statistics.median(r[0] for r in fresh) / statistics.median(r[0] for r in reopen)
    rows = [
        ("screen and save", f"{saved[0]:6.2f} s"),
        ("store.load (every candidate decoded, plans)", _median(loads)),
        ("store.overview (the summaries the table needs)", _median(overviews)),
        ("app: first reopen (other roles' fit computed)", _median([first])),
        ("app: reopen -> ranked table (script time)", f"{_median(reopen)} median of {repeats}"),
        ("app: upload the same files afresh", f"{_median(fresh)} (reopen {ratio:.1f}x faster)"),
    ]
    print(f"saved screenings ({count} synthetic candidates, {people} people, {size:.0f} MiB):")
    for label, figure in rows:
        print(f"  {label + ':':<50}{figure}")


if __name__ == "__main__":
    main()
