"""Task functions for the worker-pool tests (importable by name inside a worker)."""

from __future__ import annotations

import os
import time


def echo(context: object, name: str) -> str:
    return f"{context}:{name}"


def sleep_if_stuck(context: object, name: str) -> str:
    if name.startswith("stuck"):
        time.sleep(30)
    return f"done:{name}"


def crash_if_bad(context: object, name: str) -> str:
    if name.startswith("bad"):
        os._exit(3)  # like a parser segfault: no reply, the process is gone
    return f"done:{name}"


def inflate_if_big(context: object, name: str) -> str:
    if name.startswith("big"):
        blocks = [bytearray(64 * 2**20) for _ in range(64)]  # 4 GiB: over any cap
        return str(len(blocks))
    return f"done:{name}"


def nap(context: object, name: str, payload: bytes = b"") -> str:
    """A quick task (a millisecond, like screening a text resume); ``payload`` is ballast."""
    time.sleep(0.001)
    return name


def pid(context: object, name: str) -> int:
    time.sleep(0.05)
    return os.getpid()


def parent_pid(context: object, name: str) -> int:
    return os.getppid()


def screen_unless_stuck(spec: object, name: str, source: object, limits: object) -> object:
    """A `screener.screen.run_batch` task that never ends for files named stuck*."""
    from screener.screen import _screen_task

    if name.startswith("stuck"):
        time.sleep(30)
    return _screen_task(spec, name, source, limits, _summary)  # type: ignore[arg-type]


def _summary(candidate: object) -> tuple[str, str, str | None]:
    return candidate.source, candidate.status, candidate.error_code  # type: ignore[attr-defined]
