"""Word (.docx): paragraphs, headings, list items, table rows, footnotes and endnotes, with the
paragraph each claim is in.

A .docx file is a zip of XML parts (WordprocessingML). The body is read straight from
word/document.xml with the standard library: python-docx, which the tests use to write Word files,
has no reader for footnotes or endnotes and walks tables and paragraphs apart, so reading through it
would still mean reading its XML. Deleted text (tracked changes) is left out and inserted text kept;
note references are not text. Each paragraph, list item and table row is a block (a row's cells
joined by " | "), headings are titles, and footnotes and endnotes follow the body as notes.

Locators: "para. N" counts the body's paragraphs that hold text (headings and list items included),
"table N, row M" a table's rows, and "footnote N" / "endnote N" the notes by their number.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from xml.etree import ElementTree as ET

from factcheck.errors import FactcheckError
from factcheck.model import Document
from factcheck.readers.parts import Part, assemble

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS_MAX = 100 * 1024 * 1024  # uncompressed XML read at most: a zip bomb is refused, not expanded
_SKIP = {
    f"{_W}{t}"
    for t in (
        "del",
        "moveFrom",
        "instrText",
        "delText",
        "footnoteReference",
        "endnoteReference",
        "footnoteRef",
        "endnoteRef",
        "commentReference",
        "fldData",
    )
}


def read(raw: bytes, path: str) -> Document:
    if raw[:4] == b"\xd0\xcf\x11\xe0":  # an OLE container: a legacy .doc, or a password-protected .docx
        raise FactcheckError("encrypted or old-format Word file; save it as .docx without a password", path)
    try:
        z = zipfile.ZipFile(BytesIO(raw))
    except zipfile.BadZipFile:
        raise FactcheckError("not a Word file (.docx is a zip archive; this is not one)", path) from None
    with z:
        names = set(z.namelist())
        if "word/document.xml" not in names:
            raise FactcheckError("not a Word document (no word/document.xml inside)", path)
        if (
            sum(i.file_size for i in z.infolist() if i.filename.startswith(("word/", "docProps/")))
            > _PARTS_MAX
        ):
            raise FactcheckError(f"Word file expands to more than {_PARTS_MAX} bytes of XML", path)
        document = _xml(z, "word/document.xml", path)
        notes = [
            (kind, _xml(z, f"word/{kind}s.xml", path))
            for kind in ("footnote", "endnote")
            if f"word/{kind}s.xml" in names
        ]
        styles = _xml(z, "word/styles.xml", path) if "word/styles.xml" in names else None
        core = _xml(z, "docProps/core.xml", path) if "docProps/core.xml" in names else None
    return _document(document, notes, _heading_styles(styles), _metadata(core), path)


def _xml(z: zipfile.ZipFile, name: str, path: str) -> ET.Element:
    try:
        return ET.fromstring(z.read(name))
    except (ET.ParseError, zipfile.BadZipFile, OSError, EOFError) as e:
        raise FactcheckError(f"corrupt Word file ({name}: {e})", path) from None


def _heading_styles(styles: ET.Element | None) -> set[str]:
    """The ids of paragraph styles that are headings or titles (named "heading 1", "Title"...)."""
    found = {"Title", "Subtitle"} | {f"Heading{n}" for n in range(1, 10)}
    if styles is None:
        return found
    for s in styles.iter(f"{_W}style"):
        name = s.find(f"{_W}name")
        label = (name.get(f"{_W}val") or "") if name is not None else ""
        outline = s.find(f"{_W}pPr/{_W}outlineLvl")
        if re.match(r"(?i)(heading \d|title|subtitle)$", label) or outline is not None:
            found.add(s.get(f"{_W}styleId") or "")
    return found


def _metadata(core: ET.Element | None) -> dict[str, str | None]:
    if core is None:
        return {}
    meta: dict[str, str | None] = {}
    for el in core:
        tag = el.tag.rsplit("}", 1)[-1]
        value = (el.text or "").strip()
        if not value:
            continue
        if tag == "title":
            meta["title"] = value
        elif tag == "creator":
            meta["author"] = value
    return meta


def _text(el: ET.Element) -> str:
    """The text of a paragraph, as Word shows it."""
    out: list[str] = []

    def walk(node: ET.Element) -> None:
        for child in node:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                out.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            elif tag == f"{_W}p":  # a text box inside the paragraph
                out.append(" ")
                walk(child)
            else:
                walk(child)

    walk(el)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _document(
    document: ET.Element,
    notes: list[tuple[str, ET.Element]],
    headings: set[str],
    meta: dict[str, str | None],
    path: str,
) -> Document:
    parts: list[Part] = []
    counts = {"para": 0, "table": 0}

    def body(node: ET.Element) -> None:
        for child in node:
            if child.tag == f"{_W}p":
                text = _text(child)
                if not text:
                    continue
                counts["para"] += 1
                style = child.find(f"{_W}pPr/{_W}pStyle")
                heading = style is not None and style.get(f"{_W}val") in headings
                parts.append(Part(text, f"para. {counts['para']}", heading=heading))
            elif child.tag == f"{_W}tbl":
                counts["table"] += 1
                table = counts["table"]
                for r, row in enumerate(child.iter(f"{_W}tr"), 1):
                    cells = [
                        " ".join(filter(None, (_text(p) for p in tc.iter(f"{_W}p"))))
                        for tc in row.findall(f"{_W}tc")
                    ]
                    text = " | ".join(c for c in cells if c)
                    if text:
                        parts.append(Part(text, f"table {table}, row {r}", row=True))
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
                body(child)  # content controls and tracked insertions wrap ordinary paragraphs

    root = document.find(f"{_W}body")
    body(root if root is not None else document)
    for kind, part in notes:
        for note in part.iter(f"{_W}{kind}"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(filter(None, (_text(p) for p in note.iter(f"{_W}p"))))
            if text:
                parts.append(Part(text, f"{kind} {note.get(f'{_W}id')}", note=True))
    return assemble(parts, path, meta)
