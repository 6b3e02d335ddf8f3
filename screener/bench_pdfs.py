"""Benchmark: ``screener screen`` on a fixed 400-PDF subset of the real livecareer resumes.

The baseline, measured in the same run, is the floor of PDF work: pypdfium2 opening each
file and reading every page's text in one process, nothing else. Peak memory is the
largest total resident size of the CLI and all its worker processes, sampled every 20 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from screener.corpora import CorporaMissing, livecareer_pdfs

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "role_specs" / "junior_backend_engineer.yaml"
SUBSET = 400


def subset(count: int = SUBSET) -> list[Path]:
    """Every third livecareer PDF in path order, the first ``count``: the same files each run."""
    return [path for _, path in livecareer_pdfs()][::3][:count]


def bench_pdfs(count: int = SUBSET, repeats: int = 3) -> None:
    try:
        paths = subset(count)
    except CorporaMissing as exc:
        print(f"real PDFs: skipped ({exc})")
        return
    command = [sys.executable, "-m", "screener", "screen", "--spec", str(SPEC)]
    command += ["--out", os.devnull, *map(str, paths)]
    ours, floors, peaks = [], [], []
    for _ in range(repeats):  # interleaved, so both see the same machine load
        seconds, peak = _run_sampled(command)
        ours.append(seconds)
        peaks.append(peak)
        floors.append(_pdfium_floor(paths))
    mine, floor = statistics.median(ours), statistics.median(floors)
    print(f"real PDFs: `screener screen` on {len(paths)} livecareer PDFs, {os.cpu_count()} cores:")
    print(f"  screener screen:          {len(paths) / mine:6.1f} PDFs/s ({mine:.2f} s, median of "
          f"{repeats}); peak memory {max(peaks):.0f} MB (CLI + workers)")  # fmt: skip
    print(f"  pypdfium2 text only, 1 process: {len(paths) / floor:6.1f} PDFs/s ({floor:.2f} s)")


def _pdfium_floor(paths: list[Path]) -> float:
    import pypdfium2 as pdfium

    started = time.perf_counter()
    for path in paths:
        document = pdfium.PdfDocument(path.read_bytes())
        for page in document:
            page.get_textpage().get_text_bounded()
        document.close()
    return time.perf_counter() - started


def _run_sampled(command: list[str]) -> tuple[float, float]:
    """Wall seconds of ``command`` and the peak total RSS (MB) of it and its descendants."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0.0]

    def sample() -> None:
        while child.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(child.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if child.wait() != 0:
        raise RuntimeError(f"{command[:4]} failed with exit code {child.returncode}")
    seconds = time.perf_counter() - started
    sampler.join()
    return seconds, peak[0]


def _tree_rss_mb(root: int) -> float:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21])
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(rss.get(pid, 0) for pid in tree) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    bench_pdfs()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
