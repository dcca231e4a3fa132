"""A document made of parts that a structured reader (HTML, Word) has already found: one block per
paragraph, heading, list item, table row or note, each with its locator."""

from __future__ import annotations

from typing import NamedTuple

from factcheck.model import Block, Document
from factcheck.reader import prose


class Part(NamedTuple):
    text: str
    locator: str  # "para. 4", "table 1, row 2", "footnote 3"
    heading: bool = False
    note: bool = False
    row: bool = False  # a table row: its cells joined by " | "


def assemble(parts: list[Part], path: str, meta: dict[str, str | None]) -> Document:
    """`Document.text` is the parts' text, a blank line between them; each part is a block."""
    text: list[str] = []
    blocks: list[Block] = []
    places: list[tuple[int, str]] = []
    pos = 0
    for part in parts:
        if text:
            text.append("\n\n")
            pos += 2
        places.append((pos, part.locator))
        # A row is read as Markdown reads one: the cell bars are not text.
        masked = prose(part.text.replace(" | ", "   ") if part.row else part.text)
        blocks.append(Block(masked, pos, heading=part.heading, note=part.note, section=part.heading))
        text.append(part.text)
        pos += len(part.text)
    return Document(path=path, text="".join(text), blocks=tuple(blocks), meta=meta, places=tuple(places))
