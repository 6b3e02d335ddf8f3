"""`Document`: one resume's extracted, normalised text (a record; no parsing here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from screener.sections import SectionSpan
from screener.sniff import Kind

DocumentStatus = Literal["ok", "needs_review"]


@dataclass(frozen=True)
class Document:
    """Extracted, normalised resume text with what the recruiter needs to know about it."""

    source: str
    format: Kind
    text: str
    sha256: str
    pages: int = 1
    status: DocumentStatus = "ok"
    warnings: tuple[str, ...] = ()
    sections: tuple[SectionSpan, ...] = field(default=())

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")
