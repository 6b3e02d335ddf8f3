"""Benchmark: reopening a saved screening of 2,000 candidates (``python -m screener.bench
screenings``). Prints medians; the baseline is uploading the same 2,000 files afresh."""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from screener.screen import screen_files
from screener.spec import load_spec
from screener.store import ScreeningStore
from screener.synth import synthetic_resumes

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "role_specs" / "junior_backend_engineer.yaml"
NAME = "Benchmark 2000"


def _contact(text: str, number: int) -> str:
    contact = f"c{number}@example.org | +1 555 {number:07}"
    return re.sub(r"\S+@example\.com \| \+1 555 010 \d+", contact, text, count=1)


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
        started = time.perf_counter()
        store.add(NAME, screen_files(spec, files))
        saved = time.perf_counter() - started
        size = store.path.stat().st_size / 2**20
        loads = []
        for _ in range(repeats):
            started = time.perf_counter()
            store.load(NAME)
            loads.append(time.perf_counter() - started)

        def app_run(upload: bool) -> float:
            st.cache_resource.clear()  # a cold reopen: nothing rebuilt in memory yet
            at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=600)
            at.run()
            if upload:
                at.file_uploader(key="resumes").set_value([(n, d, "text/plain") for n, d in files])
            else:
                at.selectbox(key="screening_choice").set_value(NAME)
            started = time.perf_counter()
            at.run()
            assert not at.exception, at.exception
            return time.perf_counter() - started

        reopen = statistics.median(app_run(False) for _ in range(repeats))
        fresh = statistics.median(app_run(True) for _ in range(repeats))
    print(f"saved screenings ({count} synthetic candidates, {size:.0f} MiB database):")
    print(f"  screen and save {count}:                     {saved:6.2f} s")
    print(f"  store.load (decode, plans rebuilt):          {statistics.median(loads):6.2f} s")
    print(f"  app: reopen -> ranked table (script time):  {reopen:6.2f} s (median of {repeats})")
    print(f"  app: upload the same files afresh:          {fresh:6.2f} s "
          f"(reopen is {fresh / reopen:.1f}x faster)")  # fmt: skip


if __name__ == "__main__":
    main()
