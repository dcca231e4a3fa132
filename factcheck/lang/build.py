"""Regular expressions built from the language tables, so that no word is typed twice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_SLOT = re.compile(r"\{\{(\w+)\}\}")


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of `words`, longest first so that a phrase wins over the word
    it starts with ("no more than" before "no"); a space in a word matches any run of spaces."""
    parts = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not parts:
        return "(?!)"  # matches nothing, as an empty list should
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


def fill(pattern: str, fields: Mapping[str, Any]) -> str:
    """`pattern` with every `{{name}}` replaced by the alternation of the word list `fields[name]`."""
    return _SLOT.sub(lambda m: alternation(str(w) for w in fields[m.group(1)]), pattern)


__all__ = ["alternation", "fill"]
