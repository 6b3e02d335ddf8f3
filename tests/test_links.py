from __future__ import annotations

import pytest

from screener.links import no_evidence_spans


def _inside(line: str) -> list[str]:
    return [line[a:b] for a, b in no_evidence_spans(line) if a < b]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("python_dev@gmail.com | 555 010 7468", ["python_dev@gmail.com"]),
        ("github.com/jane-python", ["/jane-python"]),
        ("https://www.linkedin.com/in/jane", ["https://www.", "/in/jane"]),
        ("https://kotlin-jane.github.io/blog", ["https://kotlin-jane.", "/blog"]),
        ("Site: jane-rust.blogspot.com", ["jane-rust."]),
    ],
)
def test_the_parts_of_a_link_that_name_an_account_or_a_page(line, parts):
    assert _inside(line) == parts


@pytest.mark.parametrize(
    "line",
    ["ASP.NET, Socket.IO, Node.js, Vue.js", "CI/CD, TCP/IP, HTTP/2", "jquery.min.js", "e.g. 3.11"],
)
def test_names_with_dots_or_slashes_are_no_links(line):
    assert _inside(line) == []
