"""The one small exception hierarchy of screener.

The library raises these; only the CLI and the app turn them into messages.
"""

from __future__ import annotations


class ScreenerError(Exception):
    """Base class of every error screener raises on purpose."""


class SpecError(ScreenerError):
    """A role spec file is unreadable or invalid.

    ``problems`` holds ``(field_path, message)`` pairs, e.g.
    ``("hard_skills[3].weight", "must be <= 10")``.
    """

    def __init__(self, source: str, problems: list[tuple[str, str]]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def __reduce__(self) -> tuple[type[SpecError], tuple[str, list[tuple[str, str]]]]:
        return SpecError, (self.source, self.problems)

    def lines(self) -> list[str]:
        """One ``file: field: message`` line per problem."""
        return [
            f"{self.source}: {path}: {msg}" if path else f"{self.source}: {msg}"
            for path, msg in self.problems
        ]


class IngestError(ScreenerError):
    """A document could not be turned into text.

    ``code`` is a stable machine-readable reason (``empty``, ``too_large``,
    ``unsupported_format``, ``encrypted``, ``corrupt``, ``timeout``, ``unsafe``…);
    the message is written for a recruiter. ``sha256`` is the content's digest when the
    file was never read whole (one past the size cap), else None.
    """

    def __init__(self, filename: str, code: str, message: str, sha256: str | None = None) -> None:
        self.filename = filename
        self.code = code
        self.message = message
        self.sha256 = sha256
        super().__init__(f"{filename}: {message}")

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str, str, str | None]]:
        return IngestError, (self.filename, self.code, self.message, self.sha256)
