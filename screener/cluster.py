"""The Dask engine: the same screening functions as tasks over partitions of the inputs.

Needs the optional extra (``pip install 'screener[cluster]'``). A partition is a list of
sources (local paths or fsspec URLs); its task reads each file on the worker and hands it
to that worker's own sandboxed process (`screener.workers`, the local engine's: the
per-file timeout and memory cap apply) that extracts it once and scores it for every spec
(`screener.roles.screen_files_roles`), then applies the caller's transform. The specs
are one Dask result that every task depends on: sent to each worker once per run (and
rebuilt from its task if the workers holding it die), each matcher compiled once per
sandbox process.
Dask reschedules a partition whose worker died, and a partition's result (or its
Parquet part file, written under a fixed name) replaces any earlier attempt, so a killed
worker neither loses nor duplicates a record.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import multiprocessing
import os
import pickle
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from screener.candidate import failed
from screener.errors import IngestError
from screener.files import LISTED_SUFFIXES, find_resumes
from screener.ingest import DEFAULT_LIMITS, Limits
from screener.roles import RoleTransform, role_row_record, screen_files_roles
from screener.spec import RoleSpec
from screener.workers import WorkerPool

T = TypeVar("T")
TASKS_PER_WORKER = 16  # the last task's tail is then ~3% of a worker thread's share
MIN_PARTITION = 8  # files per task: Dask's few ms per task stay under ~1% of its time
MAX_PARTITION = 256  # a retried or the last task repeats or waits for little work


# A local cluster's background work, measured idle on 2 workers: 100 ms of CPU per second
# with Dask's defaults, 27 ms with these (its statistical profiler samples every task
# thread each 10 ms; every server wakes each 20 ms to time its own event loop). Only the
# dashboard's profile view and the "event loop was unresponsive" warning are lost.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
}


def partition_size(count: int, workers: int) -> int:
    """Files per Dask task for ``count`` files on ``workers`` worker threads.

    About `TASKS_PER_WORKER` tasks per thread, within [`MIN_PARTITION`, `MAX_PARTITION`]:
    1,000 files on 2 threads -> 32 files per task; 2 million on 96 -> 256.
    """
    share = math.ceil(count / (max(1, workers) * TASKS_PER_WORKER))
    return max(MIN_PARTITION, min(MAX_PARTITION, share))


def find_sources(inputs: Sequence[str]) -> list[str]:
    """Resume paths or URLs: folders searched recursively, fsspec URLs (``s3://``...) listed."""
    found: list[str] = []
    for raw in inputs:
        if "://" not in raw:
            found += [str(path) for path in find_resumes([raw])]
            continue
        import fsspec

        fs, root = fsspec.core.url_to_fs(raw)
        protocol = raw.split("://", 1)[0]
        if fs.isdir(root):
            names = sorted(n for n in fs.find(root) if Path(n).suffix.lower() in LISTED_SUFFIXES)
            found += [f"{protocol}://{n}" for n in names]
        elif fs.isfile(root):
            found.append(raw)
        else:
            raise FileNotFoundError(f"no such file or folder: {raw}")
    return found


def screen_partition(
    specs: Sequence[RoleSpec],
    sources: Sequence[str],
    transform: RoleTransform[T],
    limits: Limits = DEFAULT_LIMITS,
) -> list[tuple[str, list[T]]]:
    """One Dask task: each source read here, then screened for every spec in the sandbox.

    Per distinct file, in source order: (its SHA-256, or its name when it could not be
    read; one result per spec).
    """
    keys: list[str] = []
    unreadable: dict[str, list[T]] = {}
    files: dict[str, tuple[str, bytes]] = {}
    for source in sources:
        try:
            data = _read(source)
        except OSError as exc:
            error = IngestError(source, "unreadable", f"the file could not be read ({exc})")
            unreadable[source] = [transform(spec, failed(error)) for spec in specs]
            keys.append(source)
            continue
        key = hashlib.sha256(data).hexdigest()
        if key not in files:
            files[key] = (source, data)
            keys.append(key)
    per_spec = screen_files_roles(
        specs, list(files.values()), transform, limits=limits, pool=_sandbox(limits)
    )
    screened = {key: [results[i] for results in per_spec] for i, key in enumerate(files)}
    return [(key, unreadable[key] if key in unreadable else screened[key]) for key in keys]


def screen_sources_dask(
    specs: Sequence[RoleSpec],
    sources: Sequence[str],
    transform: RoleTransform[T],
    client: Any,
    *,
    limits: Limits = DEFAULT_LIMITS,
    partition: int | None = None,
) -> list[list[T]]:
    """`screener.roles.screen_files_roles` on a Dask cluster: ``results[s][f]``.

    Sources keep their input order; repeated content appears once (first name kept),
    as with the local engine. Every result comes back to this process: for a pool of
    millions, `write_parquet_dask` instead. ``transform`` runs in the sandbox process, so
    it must be importable by name there; ``partition``: files per task (default
    `partition_size` for the cluster's worker threads).
    """
    shared = _shared_specs(client, specs)
    futures = [
        client.submit(screen_partition, shared, part, transform, limits, pure=False)
        for part in _partitions(list(sources), partition or _size(client, len(sources)))
    ]
    first: dict[str, list[T]] = {}
    for rows in client.gather(futures):
        for key, results in rows:
            first.setdefault(key, results)
    return [[results[s] for results in first.values()] for s in range(len(specs))]


def write_parquet_dask(
    specs: Sequence[RoleSpec],
    sources: Sequence[str],
    out: str,
    client: Any,
    *,
    limits: Limits = DEFAULT_LIMITS,
    blind: bool = False,
    partition: int | None = None,
) -> Counter[str]:
    """Summary rows (one per resume x role) as ``out/part-NNNNN.parquet``; status counts.

    Each part is written by the worker that screened it, so no process holds the pool.
    Rows carry the file's ``sha256``: content repeated within a part appears once, across
    parts it is kept (drop it downstream by ``sha256`` and ``role``).
    """
    shared = _shared_specs(client, specs)
    parts = _partitions(list(sources), partition or _size(client, len(sources)))
    futures = [
        client.submit(_write_part, shared, part, f"{out}/part-{i:05d}.parquet", limits, blind,
                      pure=False)
        for i, part in enumerate(parts)
    ]  # fmt: skip
    counts: Counter[str] = Counter()
    for part_counts in client.gather(futures):
        counts.update(part_counts)
    return counts


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A client for ``scheduler`` (``tcp://host:port``), or for a new local cluster.

    A local cluster has one single-threaded worker process per core (``workers``) and
    `LOCAL_CLUSTER_CONFIG`.
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    n = max(1, workers or os.cpu_count() or 1)
    with dask.config.set(LOCAL_CLUSTER_CONFIG):  # the nannies pass it on to their workers
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


# ---------------------------------------------------------------- internals
def _write_part(
    specs: Sequence[RoleSpec], sources: Sequence[str], path: str, limits: Limits, blind: bool
) -> Counter[str]:
    import pandas as pd

    transform = functools.partial(role_row_record, blind=blind)
    rows = [
        {**row, "sha256": key}
        for key, per_spec in screen_partition(specs, sources, transform, limits)
        for _, row in per_spec
    ]
    if "://" not in path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_parquet(path, index=False, engine="pyarrow")
    return Counter(str(row["status"]) for row in rows)


def _shared_specs(client: Any, specs: Sequence[RoleSpec]) -> Any:
    """The specs as a Dask future: each worker receives them once, not once per task.

    A computed result, not scattered data, so Dask rebuilds it should every worker
    holding it die.
    """
    return client.submit(_unpickled, pickle.dumps(tuple(specs)), pure=False)


def _unpickled(data: bytes) -> tuple[RoleSpec, ...]:
    specs: tuple[RoleSpec, ...] = pickle.loads(data)
    return specs


_SANDBOXES = threading.local()  # one sandbox process per Dask worker thread


def _sandbox(limits: Limits) -> WorkerPool:
    """This thread's warm sandboxed process (`screener.workers`), for ``limits.memory_mb``."""
    pool: WorkerPool | None = getattr(_SANDBOXES, "pool", None)
    if pool is None or pool.memory_mb != limits.memory_mb:
        if pool is not None:
            pool.close()
        _allow_children()
        pool = _SANDBOXES.pool = WorkerPool(1, memory_mb=limits.memory_mb)
    return pool


def _allow_children() -> None:
    """Let a Dask worker process start the sandbox's process.

    Dask's nanny starts each worker as a daemon process, and multiprocessing refuses
    children to a daemon lest they outlive it. A sandbox process ends when its pipe
    closes, that is with this process, so the flag (which guards only that) is lifted.
    """
    process = multiprocessing.current_process()
    if process.daemon:
        process.daemon = False


def _size(client: Any, count: int) -> int:
    return partition_size(count, sum(client.nthreads().values()))


def _read(source: str) -> bytes:
    if "://" not in source:
        return Path(source).read_bytes()
    import fsspec

    with fsspec.open(source, "rb") as handle:
        data: bytes = handle.read()
    return data


def _partitions(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), max(1, size))]
