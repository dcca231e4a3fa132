"""Make PDF, Word and HTML files from a list of parts, as reports, documents and web pages are laid
out, for the reader tests and the round-trip bench (bench/formats.py).

A part is ("h", text) a heading, ("p", text) a paragraph, ("li", text) a list item, ("table", rows)
a table, or ("note", text) a footnote of the part before it. In a paragraph, "^N" is a footnote
marker, set as a superscript. The PDF is laid out word by word (fpdf2 draws each line where this
module says), so the tests control columns, running headers, page numbers and hyphenation exactly.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

Part = tuple[str, object]
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@dataclass
class Laid:
    """The PDF and, for each part, the pages its lines were set on."""

    data: bytes
    pages: list[list[int]] = field(default_factory=list)


def pdf(
    parts: list[Part],
    *,
    columns: int = 1,
    header: str | None = None,
    page_numbers: bool = False,
    hyphenate: bool = False,
    title: str | None = None,
    author: str | None = None,
    unicode_font: bool = False,
    size: float = 10.0,
    justify_gap: float = 0.0,
) -> Laid:
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.set_auto_page_break(False)
    if title:
        doc.set_title(title)
    if author:
        doc.set_author(author)
    family = "Helvetica"
    if unicode_font and _DEJAVU.exists():
        doc.add_font("DejaVu", "", str(_DEJAVU))
        doc.add_font("DejaVu", "B", str(_DEJAVU.with_name("DejaVuSans-Bold.ttf")))
        family = "DejaVu"
    width, height = 595.28, 841.89
    margin, gutter, lead = 56.0, 24.0, size * 1.25
    col_w = (width - 2 * margin - gutter * (columns - 1)) / columns
    top, bottom = 80.0, height - 70.0
    state = {"col": 0, "y": top, "notes": [], "page": 0}
    laid = Laid(b"")

    def text(s: str) -> str:
        return s if family == "DejaVu" else s.encode("latin-1", "replace").decode("latin-1")

    def new_page() -> None:
        flush_notes()
        doc.add_page()
        state["page"] = doc.page_no()
        state["col"], state["y"] = 0, top
        doc.set_font(family, "", 8)
        if header:
            doc.text(margin, 40, text(header))
        if page_numbers:
            doc.text(width / 2 - 10, height - 36, f"Page {doc.page_no()}")

    def flush_notes() -> None:
        notes: list[str] = state["notes"]  # type: ignore[assignment]
        if not notes or doc.page_no() == 0:
            return
        doc.set_font(family, "", size * 0.75)
        y = bottom + 4
        doc.line(margin, y - 8, margin + 100, y - 8)
        for note in notes:
            for ln in _wrap(doc, note, width - 2 * margin):
                doc.text(margin, y, text(ln))
                y += size * 0.9
        state["notes"] = []

    def room(lines: int) -> None:
        limit = bottom - 12 * len(state["notes"]) - 14  # type: ignore[arg-type]
        if state["y"] + lines * lead > limit:  # type: ignore[operator]
            if state["col"] + 1 < columns:  # type: ignore[operator]
                state["col"], state["y"] = state["col"] + 1, top  # type: ignore[operator]
            else:
                new_page()

    def x() -> float:
        return margin + state["col"] * (col_w + gutter)  # type: ignore[operator]

    new_page()
    for kind, value in parts:
        pages: list[int] = []
        if kind == "note":
            state["notes"].append(str(value))  # type: ignore[union-attr]
            laid.pages.append([doc.page_no()])
            continue
        if kind == "table":
            rows = value  # type: ignore[assignment]
            doc.set_font(family, "", size)
            for row in rows:  # type: ignore[attr-defined]
                room(1)
                cell_w = col_w / len(row)
                for i, cell in enumerate(row):
                    doc.text(x() + i * cell_w, state["y"], text(str(cell)))
                pages.append(doc.page_no())
                state["y"] += lead  # type: ignore[operator]
            state["y"] += lead / 2  # type: ignore[operator]
            laid.pages.append(pages)
            continue
        heading = kind == "h"
        fsize = size * 1.4 if heading else size
        doc.set_font(family, "B" if heading else "", fsize)
        indent = 12.0 if kind == "li" else 0.0
        src = str(value)
        lines = _wrap(doc, src, col_w - indent, hyphenate=hyphenate and not heading, size=fsize)
        if heading:
            room(len(lines) + 2)
        for ln in lines:
            room(1)
            _draw_line(doc, family, ln, x() + indent, state["y"], fsize, justify_gap)  # type: ignore[arg-type]
            pages.append(doc.page_no())
            state["y"] += fsize * 1.25  # type: ignore[operator]
        state["y"] += lead * 0.6  # type: ignore[operator]
        laid.pages.append(pages)
    flush_notes()
    laid.data = bytes(doc.output())
    return laid


_SUP = re.compile(r"\^(\d{1,3})")


def _plain(s: str) -> str:
    return _SUP.sub("", s)


def _wrap(
    doc: object, src: str, width: float, *, hyphenate: bool = False, size: float | None = None
) -> list[str]:
    words = src.split()
    lines: list[str] = []
    cur = ""
    for word in words:
        # A word wider than the column (an address) is broken where it reaches the edge, as layout
        # programs break URLs; it never runs into the next column.
        while doc.get_string_width(_plain(word)) > width and len(word) > 1:  # type: ignore[attr-defined]
            k = max(
                1,
                next(
                    (
                        k
                        for k in range(len(word) - 1, 0, -1)
                        if doc.get_string_width(_plain(word[:k])) <= width
                    ),
                    1,
                ),
            )  # type: ignore[attr-defined]
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(word[:k])
            word = word[k:]
        w = word
        trial = f"{cur} {w}" if cur else w
        if doc.get_string_width(_plain(trial)) <= width:  # type: ignore[attr-defined]
            cur = trial
            continue
        if hyphenate and cur and len(w) >= 7 and w.isalpha():
            cut = next(
                (
                    k
                    for k in range(len(w) - 3, 2, -1)
                    if doc.get_string_width(_plain(f"{cur} {w[:k]}-")) <= width
                ),
                0,
            )  # type: ignore[attr-defined]
            if cut:
                lines.append(f"{cur} {w[:cut]}-")
                cur = w[cut:]
                continue
        if cur:
            lines.append(cur)
        cur = w
    if cur:
        lines.append(cur)
    return lines


def _draw_line(doc: object, family: str, line: str, x: float, y: float, size: float, gap: float) -> None:
    """Draw a line word by word, superscripts raised and small; `gap` widens the spaces (justified)."""
    style = doc.font_style  # type: ignore[attr-defined]
    for i, word in enumerate(line.split(" ")):
        if i:
            x += doc.get_string_width(" ") + gap  # type: ignore[attr-defined]
        for j, piece in enumerate(_SUP.split(word)):
            if not piece:
                continue
            if j % 2:  # a marker
                doc.set_font(family, style, size * 0.6)  # type: ignore[attr-defined]
                doc.text(x, y - size * 0.35, piece)  # type: ignore[attr-defined]
            else:
                doc.set_font(family, style, size)  # type: ignore[attr-defined]
                doc.text(
                    x,
                    y,
                    piece if family == "DejaVu" else piece.encode("latin-1", "replace").decode("latin-1"),
                )  # type: ignore[attr-defined]
            x += doc.get_string_width(piece)  # type: ignore[attr-defined]
        doc.set_font(family, style, size)  # type: ignore[attr-defined]


# --- Word --------------------------------------------------------------------------------------


def docx(parts: list[Part], *, title: str | None = None, author: str | None = None) -> bytes:
    """A Word file written by python-docx (footnotes, which it cannot write, become plain paragraphs;
    see docx_with_notes)."""
    import docx as python_docx

    d = python_docx.Document()
    if title:
        d.core_properties.title = title
    if author:
        d.core_properties.author = author
    for kind, value in parts:
        if kind == "h":
            d.add_heading(str(value), level=1)
        elif kind == "li":
            d.add_paragraph(_plain(str(value)), style="List Bullet")
        elif kind == "table":
            rows = value  # type: ignore[assignment]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            for r, row in enumerate(rows):  # type: ignore[arg-type]
                for c, cell in enumerate(row):
                    t.cell(r, c).text = str(cell)
        elif kind == "note":
            d.add_paragraph(str(value))
        else:
            d.add_paragraph(_plain(str(value)))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_notes(
    body: list[str],
    footnotes: dict[int, str],
    endnotes: dict[int, str] | None = None,
    *,
    heading: str | None = None,
) -> bytes:
    """A minimal Word file written by hand, with real footnotes and endnotes: "^N" in a paragraph is
    a reference to footnote N, "^eN" to endnote N."""

    def runs(s: str) -> str:
        out = []
        for j, piece in enumerate(re.split(r"\^(e?\d+)", s)):
            if j % 2:
                tag = "w:endnoteReference" if piece.startswith("e") else "w:footnoteReference"
                out.append(f'<w:r><{tag} w:id="{piece.lstrip("e")}"/></w:r>')
            elif piece:
                out.append(f'<w:r><w:t xml:space="preserve">{html.escape(piece)}</w:t></w:r>')
        return "".join(out)

    paras = []
    if heading:
        paras.append(f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{runs(heading)}</w:p>')
    paras += [f"<w:p>{runs(p)}</w:p>" for p in body]
    xml = '<?xml version="1.0" encoding="UTF-8"?>'
    document = f"{xml}<w:document {_W}><w:body>{''.join(paras)}</w:body></w:document>"

    def notes(tag: str, items: dict[int, str]) -> str:
        sep = (
            f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:type="continuationSeparator" w:id="0">'
            f"<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>"
        )
        body_ = "".join(
            f'<w:{tag} w:id="{k}"><w:p><w:r><w:{tag}Ref/></w:r>{runs(" " + v)}</w:p></w:{tag}>'
            for k, v in items.items()
        )
        return f'<?xml version="1.0" encoding="UTF-8"?><w:{tag}s {_W}>{sep}{body_}</w:{tag}s>'

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", document)
        z.writestr("word/footnotes.xml", notes("footnote", footnotes))
        if endnotes:
            z.writestr("word/endnotes.xml", notes("endnote", endnotes))
    return out.getvalue()


# --- HTML --------------------------------------------------------------------------------------


def html_page(
    parts: list[Part],
    *,
    title: str,
    author: str | None = None,
    date: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    article_tag: bool = True,
) -> str:
    """A news page: the article among navigation, a cookie banner, a share bar, related links and
    comments, with its metadata in <title>, meta, Open Graph and JSON-LD tags."""
    body: list[str] = []
    notes: list[str] = []
    for kind, value in parts:
        if kind == "h":
            body.append(f"<h2>{html.escape(str(value))}</h2>")
        elif kind == "li":
            body.append(f"<ul><li>{_html_inline(str(value))}</li></ul>")
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in value
            )  # type: ignore[attr-defined]
            body.append(f"<table>{rows}</table>")
        elif kind == "note":
            notes.append(f"<li>{html.escape(str(value))}</li>")
        else:
            body.append(f"<p>{_html_inline(str(value))}</p>")
    if notes:
        body.append(f'<section class="footnotes"><ol>{"".join(notes)}</ol></section>')
    ld = {"@type": "NewsArticle", "headline": title}
    if author:
        ld["author"] = {"@type": "Person", "name": author}  # type: ignore[assignment]
    if date:
        ld["datePublished"] = date
    if publisher:
        ld["publisher"] = {"@type": "Organization", "name": publisher}  # type: ignore[assignment]
    import json

    meta = [
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<script type="application/ld+json">{json.dumps(ld)}</script>',
    ]
    if author:
        meta.append(f'<meta name="author" content="{html.escape(author)}">')
    if publisher:
        meta.append(f'<meta property="og:site_name" content="{html.escape(publisher)}">')
    if url:
        meta.append(f'<link rel="canonical" href="{html.escape(url)}">')
    wrapper = "article" if article_tag else "div"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(publisher or "News")}</title>
{chr(10).join(meta)}
<style>body {{ font-family: sans-serif; }}</style><script>var tracking = "In 2024, 95% of readers";</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By continuing
you accept 100% of our cookies and our partners' 300 vendors.</p><button>Accept all</button></div>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li>
<a href="/world">World</a></li>
<li><a href="/asia">Asia</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/asia">Asia</a></div>
<main><{wrapper} class="story">
<h1>{html.escape(title)}</h1>
<div class="share-bar"><a href="#">Share on X</a> <a href="#">Facebook</a> <span>1,204 shares</span></div>
{chr(10).join(body)}
</{wrapper}>
<aside class="related"><h3>Related stories</h3><ul><li>
<a href="/a">China pledges $50 billion to Africa in 2018</a></li>
<li><a href="/b">Russia's exports fell 12% last year</a></li></ul></aside>
<section id="comments" class="comments"><h3>43 comments</h3><div class="comment"><p>Great piece! Kazakhstan
has 19 million people and 2.7 million square kilometres.</p></div></section>
</main>
<footer class="site-footer">
<p>&copy; 2023 Example Media. All rights reserved. Founded in 1998 with 200 staff.</p>
<div class="newsletter"><p>Subscribe to our newsletter: 5 stories a day.</p></div></footer>
</body></html>
"""


def _html_inline(s: str) -> str:
    return _SUP.sub(lambda m: f'<sup><a href="#fn{m.group(1)}">{m.group(1)}</a></sup>', html.escape(s))
