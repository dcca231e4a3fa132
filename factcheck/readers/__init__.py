"""The readers, by file suffix: each turns a file's bytes into the `Document` the pipeline reads.

This table is the one place that says which files factcheck reads and how. A reader is a function
`(raw: bytes, path: str) -> Document`, named here as "module:function" and imported only when a file
of its kind is read, so checking Markdown never loads a PDF library. To add a format, write a module
with such a function and add its suffixes below.

A reader of a laid-out format (PDF, HTML, Word) builds `Document.text` as plain text, so line and
column still mean something, and lists in `Document.places` where each page or paragraph of the
original starts in that text; `locate` turns an offset into the locator a citation shows ("p. 12").
"""

from __future__ import annotations

import bisect
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.model import Document

Reader = Callable[[bytes, str], Document]


@dataclass(frozen=True, slots=True)
class Format:
    reader: str  # "module:function"
    max_bytes: int  # larger files are refused before they are read
    draft: bool  # checked by default when a folder of drafts is walked (see Config.include)


_TEXT_MAX = 20 * 1024 * 1024
# A laid-out file carries images and fonts: a 300-page report with photographs is 100 MB, of which
# the text is a small part.
_BINARY_MAX = 200 * 1024 * 1024

_TEXT = Format("factcheck.reader:read_text", _TEXT_MAX, draft=True)
_MARKDOWN = Format("factcheck.reader:read_markdown", _TEXT_MAX, draft=True)
_MARKDOWN_RARE = Format(_MARKDOWN.reader, _TEXT_MAX, draft=False)
_HTML = Format("factcheck.readers.html:read", _TEXT_MAX, draft=False)

FORMATS: dict[str, Format] = {
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".txt": _TEXT,
    ".mdown": _MARKDOWN_RARE,
    ".mkd": _MARKDOWN_RARE,
    ".pdf": Format("factcheck.readers.pdf:read", _BINARY_MAX, draft=False),
    ".html": _HTML,
    ".htm": _HTML,
    ".xhtml": _HTML,
    ".docx": Format("factcheck.readers.docx:read", _BINARY_MAX, draft=False),
}
# A file named outright with a suffix not listed (README, notes.rst) is read as plain text.
DEFAULT = _TEXT

SOURCE_SUFFIXES = tuple(FORMATS)  # what `factcheck build` takes from a folder
MARKDOWN_SUFFIXES = frozenset(s for s, f in FORMATS.items() if f.reader == _MARKDOWN.reader)
# The drafts a folder is walked for by default: the formats a writer edits and a finding's line and
# column point into.
DRAFT_GLOBS = tuple(f"*{s}" for s, f in FORMATS.items() if f.draft)


def format_of(path: str) -> Format:
    dot = path.rfind(".")
    return FORMATS.get(path[dot:].lower(), DEFAULT) if dot > path.rfind("/") else DEFAULT


def reader_for(path: str) -> Reader:
    module, _, name = format_of(path).reader.partition(":")
    fn: Reader = getattr(importlib.import_module(module), name)
    return fn


def read(raw: bytes, path: str) -> Document:
    return reader_for(path)(raw, path)


def locate(doc: Document, offset: int) -> str:
    """Where in the original the text at `offset` is ("p. 12", "para. 4"); "" for text files."""
    if not doc.places:
        return ""
    i = bisect.bisect_right(doc.places, (offset, "\U0010ffff")) - 1
    return doc.places[i][1] if i >= 0 else doc.places[0][1]
