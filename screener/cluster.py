"""The Dask engine: the same screening functions as tasks over partitions of the inputs.

Needs the optional extra (``pip install 'screener[cluster]'``). A partition is a list of
sources (local paths or fsspec URLs); its task reads each file on the worker and runs
`screener.roles.evaluate_roles` then the caller's transform, exactly as a local worker
does. Each spec's matcher is compiled once per worker process (cached by fingerprint).
Dask reschedules a partition whose worker died, and a partition's result (or its
Parquet part file, written under a fixed name) replaces any earlier attempt, so a killed
worker neither loses nor duplicates a record.

On Dask workers files are parsed in the worker process: the size, page and character
caps apply, the per-file timeout and memory cap of the local sandbox do not (Dask's own
worker memory limit restarts a worker that grows past it, and the partition is retried).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from screener.candidate import failed
from screener.errors import IngestError
from screener.files import RESUME_SUFFIXES, find_resumes
from screener.ingest import DEFAULT_LIMITS, Limits
from screener.roles import RoleTransform, evaluate_roles, role_row_record
from screener.spec import RoleSpec

T = TypeVar("T")
PARTITION = 64  # files per task: big enough to hide Dask's ~1 ms per task, small to retry


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
            names = sorted(n for n in fs.find(root) if Path(n).suffix.lower() in RESUME_SUFFIXES)
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
    """One Dask task: each source read once and screened for every spec.

    Per file: (its SHA-256, or its name when it could not be read; one result per spec).
    """
    results = []
    for source in sources:
        try:
            data = _read(source)
        except OSError as exc:
            error = IngestError(source, "unreadable", f"the file could not be read ({exc})")
            key, candidates = source, [failed(error)] * len(specs)
        else:
            key, candidates = (
                hashlib.sha256(data).hexdigest(),
                evaluate_roles(specs, source, data, limits),
            )
        results.append(
            (key, [transform(spec, c) for spec, c in zip(specs, candidates, strict=True)])
        )
    return results


def screen_sources_dask(
    specs: Sequence[RoleSpec],
    sources: Sequence[str],
    transform: RoleTransform[T],
    client: Any,
    *,
    limits: Limits = DEFAULT_LIMITS,
    partition: int = PARTITION,
) -> list[list[T]]:
    """`screener.roles.screen_files_roles` on a Dask cluster: ``results[s][f]``.

    Sources keep their input order; repeated content appears once (first name kept),
    as with the local engine. Every result comes back to this process: for a pool of
    millions, `write_parquet_dask` instead.
    """
    futures = [
        client.submit(screen_partition, specs, part, transform, limits, pure=False)
        for part in _partitions(list(sources), partition)
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
    partition: int = PARTITION,
) -> Counter[str]:
    """Summary rows (one per resume x role) as ``out/part-NNNNN.parquet``; status counts.

    Each part is written by the worker that screened it, so no process holds the pool.
    Rows carry the file's ``sha256``: content repeated across parts is kept (drop it
    downstream by ``sha256`` and ``role``).
    """
    futures = [
        client.submit(_write_part, specs, part, f"{out}/part-{i:05d}.parquet", limits, blind,
                      pure=False)
        for i, part in enumerate(_partitions(list(sources), partition))
    ]  # fmt: skip
    counts: Counter[str] = Counter()
    for part_counts in client.gather(futures):
        counts.update(part_counts)
    return counts


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A client for ``scheduler`` (``tcp://host:port``), or for a new local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    n = max(1, workers or os.cpu_count() or 1)
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

    transform = partial(role_row_record, blind=blind)
    rows = [
        {**row, "sha256": key}
        for key, per_spec in screen_partition(specs, sources, transform, limits)
        for _, row in per_spec
    ]
    if "://" not in path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_parquet(path, index=False, engine="pyarrow")
    return Counter(str(row["status"]) for row in rows)


def _read(source: str) -> bytes:
    if "://" not in source:
        return Path(source).read_bytes()
    import fsspec

    with fsspec.open(source, "rb") as handle:
        data: bytes = handle.read()
    return data


def _partitions(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), max(1, size))]
