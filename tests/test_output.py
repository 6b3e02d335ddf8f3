"""Output files are written whole or not at all: a kill or an error mid-write leaves the
earlier output as it was."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from screener import output
from screener.output import OutputError, write_output

OLD = b'{"role": "earlier run", "candidates": []}\n' * 1000

# Writes part of a new output, says so, then hangs until it is killed.
_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from screener import output

    real = os.writev

    def writev_then_hang(fd, buffers):
        written = real(fd, [b"".join(buffers)[:4096]])
        print("writing", flush=True)
        time.sleep(60)
        return written

    output.os.writev = writev_then_hang
    output.write_output(sys.argv[1], [b"new " * 50_000])
    """
)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_kill_mid_write_leaves_the_earlier_output_whole(tmp_path):
    out = tmp_path / "out.json"
    out.write_bytes(OLD)
    command = [sys.executable, "-c", _WRITER, str(out)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as writer:
        try:
            assert writer.stdout.readline() == "writing\n"  # new bytes are on disk
        finally:
            writer.send_signal(signal.SIGKILL)
    assert out.read_bytes() == OLD


def test_an_error_mid_write_keeps_the_earlier_output_and_leaves_no_part_file(tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    out.write_bytes(OLD)
    real = os.writev
    calls = []

    def fills_the_disk(fd, buffers):
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, buffers[:1])

    monkeypatch.setattr(output.os, "writev", fills_the_disk)
    with pytest.raises(OutputError) as raised:
        write_output(str(out), [b"new " * 1000] * 3)
    assert (raised.value.path, raised.value.reason) == (str(out), "No space left on device")
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_a_new_output_takes_the_umask_and_a_rewritten_one_keeps_its_mode(tmp_path):
    fresh, kept = tmp_path / "fresh.json", tmp_path / "kept.json"
    kept.write_bytes(OLD)
    kept.chmod(0o640)
    old_umask = os.umask(0o027)
    try:
        write_output(str(fresh), [b"{}"])
        write_output(str(kept), [b"{}"])
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640  # 0o666 less the umask
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert fresh.read_bytes() == kept.read_bytes() == b"{}"
    assert _leftovers(tmp_path) == []


def test_an_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    (tmp_path / "runs").mkdir()
    target = tmp_path / "runs" / "latest.json"
    target.write_bytes(OLD)
    link = tmp_path / "out.json"
    link.symlink_to(target)
    write_output(str(link), [b"new"])
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


def test_a_device_is_written_to_not_replaced():
    write_output("/dev/null", [b"anything"])
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_file_in_a_folder_we_may_not_add_to_is_rewritten_in_place(tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    out.write_bytes(OLD)
    inode = out.stat().st_ino
    real = os.access

    def folder_refuses_new_files(path, mode):
        return os.fspath(path) != os.fspath(tmp_path.resolve()) and real(path, mode)

    monkeypatch.setattr(output.os, "access", folder_refuses_new_files)
    assert output.output_problem(str(out)) is None
    assert output.output_problem(str(tmp_path / "new.json")) == "permission denied"
    write_output(str(out), [b"short"])
    assert out.read_bytes() == b"short"  # cut to length: none of the old tail left
    assert out.stat().st_ino == inode
