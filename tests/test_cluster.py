"""The Dask engine on a LocalCluster of 2 worker processes: the local engine's records."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pandas as pd
import pytest
from distributed import Client, LocalCluster

from screener.cli import main
from screener.cluster import partition_size, screen_sources_dask, write_parquet_dask
from screener.ingest import Limits
from screener.roles import role_json_record, role_row_record, screen_files_roles
from screener.spec import load_spec
from screener.synth import synthetic_resumes
from tests import hostile
from tests.cluster_tasks import slow_row, stuck_row
from tests.conftest import JUNIOR_SPEC, ROOT, SAMPLES

pytestmark = pytest.mark.slow

FULL_STACK_SPEC = ROOT / "role_specs" / "full_stack_developer.yaml"
RESUMES = [p for p in sorted(SAMPLES.iterdir()) if p.suffix in (".pdf", ".docx", ".txt", ".md")]


@pytest.fixture(scope="module", autouse=True)
def _no_dask_thread_left():
    """Dask keeps an 'offload' thread for the life of the process; later tests (the worker
    pool's start-method test) need this process single-threaded again, so end it."""
    yield
    import distributed.utils

    distributed.utils._offload_executor.shutdown(wait=True)
    distributed.utils._offload_executor = ThreadPoolExecutor(1, thread_name_prefix="Dask-Offload")
    assert threading.active_count() == 1


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as dask,
    ):
        yield dask


@pytest.fixture(scope="module")
def specs():
    return [load_spec(JUNIOR_SPEC), load_spec(FULL_STACK_SPEC)]


@pytest.fixture(scope="module")
def batch(tmp_path_factory, specs):
    """120 generated resumes on disk, plus one repeated under another name."""
    folder = tmp_path_factory.mktemp("batch")
    texts = synthetic_resumes(specs[0], 60) + synthetic_resumes(specs[1], 60, seed=3)
    for i, text in enumerate(texts):
        (folder / f"cv_{i:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "zz_copy.txt").write_text(texts[5], encoding="utf-8")
    return sorted(folder.iterdir())


def _local(specs, paths, transform):
    files = [(str(p), p.read_bytes()) for p in paths]
    return screen_files_roles(specs, files, transform, workers=2)


@pytest.mark.parametrize("roles", [1, 2])
def test_samples_give_the_local_engine_records(client, specs, roles):
    transform = partial(role_json_record, blind=False)
    local = _local(specs[:roles], RESUMES, transform)
    dask = screen_sources_dask(specs[:roles], list(map(str, RESUMES)), transform, client)
    assert dask == local
    assert len(dask) == roles and len(dask[0]) == len(RESUMES)


@pytest.mark.parametrize("roles", [1, 2])
def test_generated_batch_gives_the_local_engine_records(client, specs, batch, roles):
    transform = partial(role_row_record, blind=False)
    local = _local(specs[:roles], batch, transform)
    dask = screen_sources_dask(
        specs[:roles], list(map(str, batch)), transform, client, partition=16
    )
    assert dask == local
    assert len(dask[0]) == len(batch) - 1  # the repeated content appears once


def test_parquet_parts_hold_one_row_per_resume_and_role(client, specs, tmp_path):
    out = tmp_path / "out"
    sources = list(map(str, RESUMES))
    counts = write_parquet_dask(specs, sources, str(out), client, partition=5)
    assert sorted(p.name for p in out.iterdir()) == [f"part-{i:05d}.parquet" for i in range(4)]
    table = pd.read_parquet(out)
    local = _local(specs, RESUMES, partial(role_row_record, blind=False))
    expected = {(r["role"], r["id"], r["status"], r["score"]) for rows in local for _, r in rows}
    got = set(table[["role", "id", "status", "score"]].itertuples(index=False, name=None))
    assert {(a, b, c, None if pd.isna(d) else d) for a, b, c, d in got} == expected
    assert len(table) == 2 * len(RESUMES)
    assert counts["ok"] + counts["needs_review"] + counts["error"] == len(table)
    assert counts["needs_review"] == 2  # the scanned PDF, for each role


def test_cli_dask_engine_csv_equals_the_local_engine(tmp_path):
    common = ["screen", "--spec", str(JUNIOR_SPEC), "--spec", str(FULL_STACK_SPEC), "--format"]
    assert main([*common, "csv", "--out", str(tmp_path / "l.csv"), str(SAMPLES)]) == 0
    dask = [*common, "csv", "--engine", "dask", "--workers", "2", "--out", str(tmp_path / "d.csv")]
    assert main([*dask, str(SAMPLES)]) == 0
    assert (tmp_path / "d.csv").read_text() == (tmp_path / "l.csv").read_text()


def test_parquet_needs_the_dask_engine_and_a_folder(capsys):
    assert main(["screen", "--spec", str(JUNIOR_SPEC), "--format", "parquet", str(SAMPLES)]) == 2
    assert "--format parquet needs --engine dask" in capsys.readouterr().err


def test_a_killed_worker_loses_and_duplicates_nothing(client, specs, batch):
    sources = list(map(str, batch))
    result = {}
    run = threading.Thread(
        target=lambda: result.update(
            rows=screen_sources_dask(specs, sources, slow_row, client, partition=8)
        )
    )
    pids = client.run(os.getpid)
    run.start()
    time.sleep(1.0)
    assert run.is_alive()  # killed mid-run
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    run.join(120)
    assert not run.is_alive()
    local = _local(specs, batch, role_row_record)
    assert result["rows"] == local
    ids = [row["id"] for _, row in result["rows"][0]]
    assert len(ids) == len(set(ids)) == len(batch) - 1
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != set(pids.values())  # the nanny restarted it


def test_a_stuck_file_and_a_memory_bomb_are_error_rows_and_the_rest_is_kept(
    client, specs, batch, tmp_path
):
    stuck, bomb = tmp_path / "stuck.txt", tmp_path / "bomb.pdf"
    stuck.write_text("Python developer: Django, SQL, Git", encoding="utf-8")
    bomb.write_bytes(hostile.inflating_pdf(400))  # a valid PDF that inflates to 400 MB
    good = list(map(str, batch[:40]))
    sources = [*good[:20], str(stuck), str(bomb), *good[20:]]
    pids = set(client.run(os.getpid).values())
    limits = Limits(memory_mb=256, timeout_s=5)
    rows = screen_sources_dask(specs, sources, stuck_row, client, limits=limits, partition=8)
    for per_spec in rows:
        by_name = {row["candidate"]: row for _, row in per_spec}
        assert len(per_spec) == len(by_name) == len(sources)  # every record, exactly once
        assert by_name[str(stuck)]["status"] == "error"
        assert "gave up after 5 s" in by_name[str(stuck)]["note"]
        assert by_name[str(bomb)]["status"] == "error"
    local = _local(specs, batch[:40], role_row_record)
    assert [[r for r in per_spec if "/cv_" in r[1]["candidate"]] for per_spec in rows] == local
    assert set(client.run(os.getpid).values()) == pids  # the sandbox took it, not the workers


@pytest.mark.parametrize(
    ("count", "workers", "size"),
    [(1000, 2, 32), (1000, 1, 63), (17, 2, 8), (2_000_000, 96, 256), (0, 4, 8)],
)
def test_partition_size_follows_the_input_and_the_workers(count, workers, size):
    assert partition_size(count, workers) == size


def test_cluster_benchmark_runs_and_prints_every_engine(capsys):
    from screener.bench_cluster import bench_cluster

    figures = bench_cluster(count=20, repeats=1)
    out = capsys.readouterr().out
    for name in ("local, 1 worker", "local, 2 workers", "dask, 1 worker(s)", "dask, 2 worker(s)"):
        assert name in out and figures[name] > 0
    assert "dask overhead at 2 workers vs the local engine" in out
    assert "dask CPU per resume at 2 workers vs the local engine" in out
    assert figures["dask, 2 worker(s), cpu ms"] > 0 and figures["local, 2 workers, cpu ms"] > 0
