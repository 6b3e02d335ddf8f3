"""Benchmark: ``python -m screener.bench cluster`` — the Dask engine beside the local one.

The same generated resumes (text files on disk, read by each engine from disk) screened
against both sample role specs in one run, by the local engine (warm worker processes)
and by Dask on 1 and 2 local worker processes (cluster started and warmed up beforehand:
start-up is printed apart). Runs are interleaved; figures are medians. The overhead is
the Dask engine's time at 2 workers over the local engine's at 2 workers, minus one.

CPU time is printed beside wall-clock time, since a shared machine's load moves the
latter: user + system seconds of this process (the client, a local cluster's scheduler
and nannies) and of the engine's own processes (local: the pool's workers; Dask: the
workers and their sandbox processes), per resume.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack, suppress
from functools import partial
from pathlib import Path
from typing import Any

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
    """Print and return resumes/s (and CPU ms per resume) per engine, and the overheads."""
    from screener.cluster import dask_client, screen_sources_dask

    specs = [load_spec(path) for path in SPECS]
    with tempfile.TemporaryDirectory() as folder, ExitStack() as clusters:
        sources = _write_batch(specs, count, Path(folder))
        runs: dict[str, tuple[Callable[[], object], Callable[[], list[int]]]] = {
            "local, 1 worker": (lambda: _local(specs, sources, 1), partial(_pool_pids, 1)),
            "local, 2 workers": (lambda: _local(specs, sources, 2), partial(_pool_pids, 2)),
        }
        for n in (1, 2):
            started = time.perf_counter()
            client = clusters.enter_context(dask_client(None, n))
            print(f"dask, {n} worker(s): cluster up in {time.perf_counter() - started:.1f} s")
            run = _dask_run(screen_sources_dask, specs, sources, client)
            runs[f"dask, {n} worker(s)"] = (run, partial(_dask_pids, client))
        for run, _ in runs.values():
            run()  # warm-up: imports, matchers compiled on every worker
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(repeats):
            for name, (run, pids) in runs.items():
                processes = [os.getpid(), *pids()]
                cpu_before, started = _cpu_seconds(processes), time.perf_counter()
                run()
                times[name].append(time.perf_counter() - started)
                cpu[name].append(_cpu_seconds(processes) - cpu_before)
    return _report(count, len(specs), repeats, times, cpu)


def _report(
    count: int, roles: int, repeats: int, times: dict[str, list[float]], cpu: dict[str, list[float]]
) -> dict[str, float]:
    figures: dict[str, float] = {}
    print(f"{count} resumes x {roles} roles, each resume read once, {repeats} interleaved runs:")
    for name, seconds in times.items():
        median, cpu_ms = statistics.median(seconds), 1000 * statistics.median(cpu[name]) / count
        figures[name], figures[f"{name}, cpu ms"] = count / median, cpu_ms
        print(
            f"  {name:<20} {count / median:8.0f} resumes/s  "
            f"{count * roles / median:8.0f} evaluations/s  ({median:.2f} s)  "
            f"CPU {cpu_ms:.2f} ms/resume"
        )
    overhead = figures["local, 2 workers"] / figures["dask, 2 worker(s)"] - 1
    cpu_overhead = figures["dask, 2 worker(s), cpu ms"] / figures["local, 2 workers, cpu ms"] - 1
    figures["overhead"], figures["cpu overhead"] = overhead, cpu_overhead
    print(f"  dask overhead at 2 workers vs the local engine: {overhead:+.0%}")
    print(f"  dask CPU per resume at 2 workers vs the local engine: {cpu_overhead:+.0%}")
    return figures


def _pool_pids(size: int) -> list[int]:
    from screener.workers import _SHARED

    return [pid for (n, _), pool in _SHARED.items() if n == size for pid in pool.pids()]


def _dask_pids(client: Any) -> list[int]:
    """The workers (a local cluster's nannies run in this process) and their sandboxes."""
    import psutil  # type: ignore[import-untyped]  # comes with distributed

    workers = [psutil.Process(pid) for pid in client.run(os.getpid).values()]
    return [p.pid for w in workers for p in (w, *w.children(recursive=True))]


def _cpu_seconds(pids: list[int]) -> float:
    import psutil  # type: ignore[import-untyped, unused-ignore]

    total = 0.0
    for pid in pids:
        with suppress(psutil.NoSuchProcess):
            times = psutil.Process(pid).cpu_times()
            total += times.user + times.system
    return total


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
