"""E-mail addresses and links in resume text: the patterns redaction and matching share.

`screener.redact` removes them; `screener.match` takes no skill from inside those on
contact and personal-details lines ("python_dev@gmail.com", "github.com/jane-python"),
only the site a link names ("github.com" is a code portfolio).
"""

from __future__ import annotations

import re

BREAK = r"[ \t]*\n[ \t]*"  # a line break inside a link or address, as text extraction leaves
EMAIL = re.compile(
    rf"[\w.+-]+(?:{BREAK}|[ \t]?)@(?:{BREAK}|[ \t]?)[\w-]+(?:\.[\w-]+)*"
    rf"(?:\.[a-z]{{2,}}\b|\.{BREAK}(?:com|org|net|edu|gov|in|co|uk|io|de|fr|info)\b)",
    re.I,
)
# A path goes on after a line break that follows "-", "/", "_" or "." when the next line
# starts with more path ("Sonawane/1f27…") or an id, and after a space before an id of 8+
# hex digits: text extraction wraps long links there.
_ID_AHEAD = r"(?=[0-9a-f]{8,}\b)"
_PATH = (
    r"(?:[^\s|,;()<>\"'\[\]]|(?<=[-/_.])" + BREAK + r"(?=[\w-]*/|[0-9a-f]{8,}\b)"
    r"|(?<=[\w/])\s" + _ID_AHEAD + ")*"
)
SITES = (
    (r"linkedin\.com", "[LinkedIn profile]"),
    (r"github\.com", "[GitHub profile]"),
    (r"gitlab\.com", "[GitLab profile]"),
    (r"bitbucket\.org", "[Bitbucket profile]"),
    (r"indeed\.com", "[Indeed profile]"),
    (r"stackoverflow\.com", "[Stack Overflow profile]"),
    (r"(?:kaggle|leetcode|hackerrank)\.com", "[coding profile]"),
    (r"(?:behance\.net|dribbble\.com|medium\.com)", "[portfolio site]"),
    (r"(?:twitter|x|facebook|instagram)\.com", "[social profile]"),
)
PROFILE = re.compile(  # one pass for every site; the matching group names the site
    r"(?<![\w.-])(?:https?://)?(?:www\.|[a-z]{2}\.)?(?:"
    + "|".join(f"(?P<site{n}>{host})" for n, (host, _) in enumerate(SITES))
    + rf")[ \t]*/[ \t]*{_PATH}",
    re.I,
)
# Other links, for redaction (which removes those that are the candidate's own site): a
# bare host counts at the end of a line or before a separator ("jane.dev | …").
URL = re.compile(
    r"(?<![\w.@/-])(?:(?:https?://|www\.)[^\s|,;()<>\"'\[\]]+|(?:[\w-]{3,}\.)+(?:dev|io|me|site|"
    r"page|net|com|org|in|blog)(?:/[^\s|,;)]*)?(?=[ \t]*$|[ \t]*[|·]))",
    re.I | re.M,
)
# Other links, for matching: with a scheme or "www.", or a host of three parts or more
# ("jane.github.io"); not `URL`'s short bare hosts at a line's end: "ASP.NET", "Socket.IO".
_WEB = re.compile(
    r"(?<![\w.@/-])(?:(?:https?://|ftp://|www\.)(?P<host>[\w-]+(?:\.[\w-]+)*)"
    r"|(?P<bare>[\w-]+(?:\.[\w-]+)+\.(?:com|org|net|io|dev|me|app|co|in|info)\b))"
    r"[^\s|,;()<>\"'\[\]]*",
    re.I,
)
_SITE_TAIL = re.compile(r"[\w-]+\.[\w-]+$")  # "github.io" of "kotlin-jane.github.io"


def no_evidence_spans(line: str) -> list[tuple[int, int]]:
    """Character spans of ``line`` inside e-mail addresses and links, each link's site
    left out: words there name an account or a page, not a skill used."""
    spans = [match.span() for match in EMAIL.finditer(line)] if "@" in line else []
    for match in PROFILE.finditer(line) if "/" in line else ():
        group = match.lastgroup or "site0"
        spans += [(match.start(), match.start(group)), (match.end(group), match.end())]
    for match in _WEB.finditer(line) if "." in line else ():
        part = "host" if match.group("host") else "bare"
        host = match.group(part)
        site = _SITE_TAIL.search(host)
        keep = match.start(part) + (site.start() if site else len(host))
        spans += [(match.start(), keep), (match.end(part), match.end())]
    return sorted(set(spans))  # a profile link is also a link
