"""Benchmark: ``python -m screener.bench cluster`` — the Dask engine beside the local one.

The same generated resumes (text files on disk, read by each engine from disk) screened
against both sample role specs in one run, by the local engine (warm worker processes)
and by Dask on 1 and 2 local worker processes (cluster started and warmed up beforehand:
start-up is printed apart). Runs are interleaved; figures are medians. The overhead is
the Dask engine's time at 2 workers over the local engine's at 2 workers, minus one.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from screener.files import collect_inputs
from screener.roles import role_row_record, screen_files_roles
from screener.spec import RoleSpec, load_spec
from screener.synth import synthetic_resumes

ROOT = Path(__file__).resolve().parent.parent
SPECS = [
    ROOT / "role_specs" / "junior_backend_engineer.yaml",
    ROOT / "role_specs" / "full_stack_developer.yaml",
]


def bench_cluster(count: int = 1000, repeats: int = 3) -> dict[str, float]:
    """Print and return resumes/s per engine and the Dask overhead at 2 workers."""
    from screener.cluster import dask_client, screen_sources_dask

    specs = [load_spec(path) for path in SPECS]
    with tempfile.TemporaryDirectory() as folder, ExitStack() as clusters:
        sources = _write_batch(specs, count, Path(folder))
        runs: dict[str, Callable[[], object]] = {
            "local, 1 worker": lambda: _local(specs, sources, 1),
            "local, 2 workers": lambda: _local(specs, sources, 2),
        }
        for n in (1, 2):
            started = time.perf_counter()
            client = clusters.enter_context(dask_client(None, n))
            print(f"dask, {n} worker(s): cluster up in {time.perf_counter() - started:.1f} s")
            runs[f"dask, {n} worker(s)"] = _dask_run(screen_sources_dask, specs, sources, client)
        for run in runs.values():
            run()  # warm-up: imports, matchers compiled on every worker
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(repeats):
            for name, run in runs.items():
                started = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - started)
    figures: dict[str, float] = {}
    print(f"{count} resumes x {len(specs)} roles, each resume read once, {repeats} runs:")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        figures[name] = count / median
        print(
            f"  {name:<20} {count / median:8.0f} resumes/s  "
            f"{count * len(specs) / median:8.0f} evaluations/s  ({median:.2f} s)"
        )
    overhead = figures["local, 2 workers"] / figures["dask, 2 worker(s)"] - 1
    figures["overhead"] = overhead
    print(f"  dask overhead at 2 workers vs the local engine: {overhead:+.0%}")
    return figures


def _write_batch(specs: list[RoleSpec], count: int, folder: Path) -> list[str]:
    half = count // 2
    texts = synthetic_resumes(specs[0], half) + synthetic_resumes(specs[1], count - half, seed=3)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"cv_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _local(specs: list[RoleSpec], sources: list[str], workers: int) -> object:
    return screen_files_roles(specs, collect_inputs(sources), role_row_record, workers=workers)


def _dask_run(
    run: Callable[..., object], specs: list[RoleSpec], sources: list[str], client: object
) -> Callable[[], object]:
    return lambda: run(specs, sources, role_row_record, client)


def main(argv: list[str] | None = None) -> int:
    count = int(argv[0]) if argv else 1000
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    bench_cluster(count)
    return 0
