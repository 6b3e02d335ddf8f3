from __future__ import annotations

import os
import sys

from screener import bench_pdfs


def test_subset_is_fixed_and_distinct(corpora_path):
    first, again = bench_pdfs.subset(), bench_pdfs.subset()
    assert first == again and len(set(first)) == len(first) == 400
    assert all(path.suffix == ".pdf" for path in first)


def test_peak_memory_counts_the_child_processes():
    seconds, peak = bench_pdfs._run_sampled(
        [sys.executable, "-c", "import time; x = b'x' * (80 * 2**20); time.sleep(0.5)"]
    )
    assert seconds >= 0.5
    assert peak >= 80  # MB: the child's buffer is seen
    assert bench_pdfs._tree_rss_mb(os.getpid()) > 0
