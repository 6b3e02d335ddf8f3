"""Row transforms for the Dask-engine tests, importable inside a sandbox process.

A transform runs in the worker's sandbox, which imports its module by name under the
memory cap: this module imports only what that process has already loaded.
"""

from __future__ import annotations

import time

from screener.candidate import Candidate
from screener.roles import role_row_record
from screener.spec import RoleSpec


def slow_row(spec: RoleSpec, candidate: Candidate) -> object:
    """Rows that take 10 ms each, so a run lasts long enough to kill a worker during it."""
    time.sleep(0.01)
    return role_row_record(spec, candidate)


def stuck_row(spec: RoleSpec, candidate: Candidate) -> object:
    """A reader stuck on one file: it never returns within the per-file timeout."""
    if candidate.status == "ok" and "stuck" in candidate.source:
        time.sleep(120)
    return role_row_record(spec, candidate)
