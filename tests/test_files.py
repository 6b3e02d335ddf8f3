"""Finding resumes on disk: what the CLI reads from the folders it is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.files import collect_inputs, find_resumes


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(name.encode())


def test_folders_are_searched_recursively_for_resumes_in_path_order(tmp_path):
    _touch(tmp_path, "b.TXT", "a/x.pdf", "a b/x.md", "a/deep/y.docx", "notes.csv", "a/z.json")
    found = find_resumes([tmp_path])
    # Path order (part by part), not string order: "a/..." before "a b/...".
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/deep/y.docx",
        "a/x.pdf",
        "a b/x.md",
        "b.TXT",
    ]


def test_resume_formats_that_cannot_be_read_are_listed_to_be_reported_not_skipped(tmp_path):
    _touch(tmp_path, "a.doc", "b.RTF", "c.odt", "d.html", "e.pages", "photo.jpg", "notes.csv")
    names = [p.name for p in find_resumes([tmp_path])]
    assert names == ["a.doc", "b.RTF", "c.odt", "d.html", "e.pages"]


def test_links_to_folders_are_not_followed_but_links_to_files_are(tmp_path):
    _touch(tmp_path, "real/cv.txt", "elsewhere/other.txt")
    (tmp_path / "real" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "real" / "cv_link.md").symlink_to(tmp_path / "real" / "cv.txt")
    (tmp_path / "real" / "broken.txt").symlink_to(tmp_path / "missing.txt")
    names = [p.name for p in find_resumes([tmp_path / "real"])]
    assert names == ["cv.txt", "cv_link.md"]


def test_files_given_by_name_are_kept_whatever_their_suffix(tmp_path):
    _touch(tmp_path, "resume.rtf")
    assert collect_inputs([tmp_path / "resume.rtf"]) == [
        (str(tmp_path / "resume.rtf"), b"resume.rtf")
    ]


def test_a_missing_input_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no such file or folder: .*nowhere"):
        find_resumes([tmp_path / "nowhere"])
