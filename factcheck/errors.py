"""The one error type for bad input a user can cause; the CLI turns it into a one-line message."""

from __future__ import annotations


class FactcheckError(Exception):
    """Expected bad input: a missing file, broken YAML, an unknown option value..."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
