"""HTML: a saved web page's article text, without the page around it, with the paragraph each
claim is in.

The page is parsed with the standard library's HTML parser into a small tree. Then:
  furniture  scripts, styles, forms, navigation, headers and footers outside the article, asides,
             dialogs, and every element whose role, id or class names page furniture (cookie and
             consent banners, share bars, related links, comments, newsletters, ads, breadcrumbs)
             are dropped
  article    the page's <article> (the longest if several), else <main> or role="main", else the
             element that holds most of the remaining paragraph text (readability's idea)
  blocks     each paragraph, heading (a title), list item, quotation, caption and table row (cells
             joined by " | ") is a block; a footnotes section or list is read as notes; footnote
             markers (<sup> links) and list items that are only a link (related stories) are dropped
Metadata comes from JSON-LD (headline, author, datePublished, publisher), Open Graph and meta tags
(og:title, author, article:published_time, og:site_name), <link rel="canonical"> and <title>.

trafilatura, the usual extractor, was tried and not taken: it brings 80 MB of dependencies
(dateparser, babel, courlan) for a job these rules do on the tested pages, and its output text
cannot be traced back to the page's elements, which locators need.

Locators: "para. N" counts the article's blocks, headings and list items included.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.model import Document
from factcheck.readers.parts import Part, assemble

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_DROP_TAGS = frozenset(
    "script style noscript template svg canvas iframe object form button select textarea nav aside dialog "
    "menu head".split()
)
_DROP_ROLES = frozenset(
    "navigation banner contentinfo complementary search dialog alertdialog menu menubar toolbar".split()
)
# Words of an id or class that name furniture; matched against the name's parts ("share-bar" ->
# share, bar), so "shareholders" or "commentary" are not caught.
_FURNITURE = frozenset(
    """cookie cookies consent gdpr banner share sharing social related recommended recirculation
    comment comments newsletter subscribe subscription signup promo advert advertisement ad ads
    sponsored breadcrumb breadcrumbs menu navbar nav sidebar popup modal paywall toolbar masthead
    skip tags tag-list byline-share most-read trending outbrain taboola""".split()
)
_NOTES = re.compile(r"(?i)\b(foot|end)notes?\b|\bnotes\b|\breferences\b|doc-endnotes|doc-footnote")
_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote figcaption dt dd pre caption address".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SPACE = re.compile(r"\s+")


@dataclass(eq=False)
class _El:
    tag: str
    attrs: dict[str, str]
    parent: _El | None = None
    children: list[_El | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self) -> list[_El]:
        return [c for c in self.children if isinstance(c, _El)]

    def iter(self) -> Iterator[_El]:
        yield self
        for c in self.elements():
            yield from c.iter()


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _El("#root", {})
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = _El(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(el)
        if tag not in _VOID:
            self.cur = el

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(_El(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag: str) -> None:
        node: _El | None = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:  # an end tag with no start tag is ignored
            self.cur = node.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def read(raw: bytes, path: str) -> Document:
    tree = _Tree()
    tree.feed(_decode(raw, path))
    tree.close()
    meta = _metadata(tree.root)
    _drop_furniture(tree.root)
    article = _article(tree.root)
    parts = _parts(article)
    if not parts:
        raise FactcheckError("no article text found in this page", path)
    return assemble(parts, path, meta)


def _decode(raw: bytes, path: str) -> str:
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactcheckError("binary file, not an HTML page", path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", raw[:4096], re.I)
    encoding = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        return raw.decode("utf-8-sig" if encoding in ("utf-8", "utf8") else encoding)
    except LookupError:
        raise FactcheckError(f"unknown character set {encoding!r} in the page's <meta>", path) from None
    except UnicodeDecodeError as e:
        raise FactcheckError(
            f"not valid {encoding} text (byte {e.start}); save the page as UTF-8",
            path,
            raw[: e.start].count(b"\n") + 1,
        ) from None


def _metadata(root: _El) -> dict[str, str | None]:
    found: dict[str, str] = {}

    def put(key: str, value: Any) -> None:
        if isinstance(value, str) and value.strip() and key not in found:
            found[key] = _SPACE.sub(" ", value).strip()

    for el in root.iter():
        if el.tag == "script" and "ld+json" in el.attrs.get("type", ""):
            for item in _json_ld(el.text()):
                put("title", item.get("headline") or item.get("name"))
                put("author", _name(item.get("author")))
                put("date", item.get("datePublished"))
                put("publisher", _name(item.get("publisher")))
                put("url", item.get("url"))
    for el in root.iter():
        key = (el.attrs.get("property") or el.attrs.get("name") or "").lower()
        content = el.attrs.get("content", "")
        if el.tag == "meta" and key:
            for names, target in (
                (("og:title", "twitter:title", "citation_title", "dc.title"), "title"),
                (("author", "article:author", "citation_author", "dc.creator"), "author"),
                (
                    ("article:published_time", "citation_publication_date", "dc.date", "date", "pubdate"),
                    "date",
                ),
                (("og:site_name", "citation_publisher", "dc.publisher", "publisher"), "publisher"),
                (("og:url",), "url"),
            ):
                if key in names and not (target == "author" and content.startswith("http")):
                    put(target, content)
        elif el.tag == "link" and "canonical" in el.attrs.get("rel", "").lower().split():
            found["url"] = el.attrs.get("href", "") or found.get("url", "")
        elif el.tag == "title":
            put("title", el.text())
    if "date" in found:
        m = re.match(r"\d{4}(?:-\d\d(?:-\d\d)?)?", found["date"])
        found["date"] = m.group() if m else found["date"]
    return {k: v for k, v in found.items() if v}


def _json_ld(src: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(src)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            out += [g for g in graph if isinstance(g, dict)] if isinstance(graph, list) else [item]
    kinds = ("Article", "NewsArticle", "Report", "BlogPosting", "ScholarlyArticle", "WebPage")
    return sorted(out, key=lambda i: 0 if str(i.get("@type")) in kinds[:-1] else 1)


def _name(v: Any) -> str | None:
    if isinstance(v, list):
        names = [n for n in (_name(x) for x in v) if n]
        return " and ".join(names) if names else None
    if isinstance(v, dict):
        return _name(v.get("name"))
    return v if isinstance(v, str) else None


def _furniture(el: _El, in_article: bool) -> bool:
    if el.tag in _DROP_TAGS:
        return True
    if el.tag in ("header", "footer") and not in_article:
        return True
    if (
        el.attrs.get("role", "").lower() in _DROP_ROLES
        or el.attrs.get("aria-hidden") == "true"
        or "hidden" in el.attrs
    ):
        return True
    names = f"{el.attrs.get('id', '')} {el.attrs.get('class', '')}".lower()
    words = set(re.split(r"[^a-z]+", names))
    return bool(words & _FURNITURE) and not _NOTES.search(names)


def _drop_furniture(root: _El) -> None:
    def walk(el: _El, in_article: bool) -> None:
        inside = in_article or el.tag in ("article", "main")
        el.children = [c for c in el.children if isinstance(c, str) or not _furniture(c, inside)]
        for c in el.elements():
            walk(c, inside)

    walk(root, False)


def _prose_length(el: _El) -> int:
    return sum(
        len(_SPACE.sub(" ", e.text()).strip()) for e in el.iter() if e.tag in ("p", "li", "td", "blockquote")
    )


def _article(root: _El) -> _El:
    articles = [e for e in root.iter() if e.tag == "article"]
    if articles:
        return max(articles, key=_prose_length)
    for e in root.iter():
        if e.tag == "main" or e.attrs.get("role") == "main":
            return e
    # Go down while one child holds most of the paragraph text.
    node = root
    while True:
        total = _prose_length(node)
        best = max(node.elements(), key=_prose_length, default=None)
        if best is None or total == 0 or _prose_length(best) < 0.8 * total:
            return node
        node = best


def _parts(article: _El) -> list[Part]:
    out: list[Part] = []
    count = 0

    def inline(el: _El, whole: bool = False) -> str:
        """The element's text; without the blocks inside it (read on their own) unless `whole`."""
        pieces: list[str] = []
        for c in el.children:
            if isinstance(c, str):
                pieces.append(c)
            elif c.tag == "sup" and re.fullmatch(r"\s*\[?\d{1,3}\]?\s*", c.text()):
                continue  # a footnote marker
            elif c.tag == "br":
                pieces.append(" ")
            elif not whole and (c.tag in _BLOCKS or c.tag in ("ul", "ol", "table", "div")):
                continue
            else:
                pieces.append(
                    " " + inline(c, whole) + " " if c.tag in _BLOCKS or c.tag == "div" else inline(c, whole)
                )
        return "".join(pieces)

    def only_link(el: _El) -> bool:
        links = "".join(e.text() for e in el.iter() if e.tag == "a")
        return bool(links.strip()) and _SPACE.sub("", links) == _SPACE.sub("", inline(el))

    def add(text: str, note: bool, heading: bool = False, row: bool = False) -> None:
        nonlocal count
        text = _SPACE.sub(" ", text).strip()
        if text:
            count += 1
            out.append(Part(text, f"para. {count}", heading=heading, note=note, row=row))

    def walk(el: _El, note: bool) -> None:
        names = f"{el.attrs.get('id', '')} {el.attrs.get('class', '')} {el.attrs.get('role', '')}"
        note = note or bool(_NOTES.search(names))
        if el.tag == "tr":
            cells = [
                _SPACE.sub(" ", inline(c, whole=True)).strip() for c in el.elements() if c.tag in ("td", "th")
            ]
            add(" | ".join(c for c in cells if c), note, row=True)
            return
        if el.tag in _BLOCKS:
            if not (el.tag == "li" and only_link(el) and not note):
                add(inline(el), note, heading=el.tag in _HEADINGS)
        else:
            loose = "".join(c for c in el.children if isinstance(c, str)).strip()
            if loose and el.tag == "div":  # text straight inside a <div>: a paragraph without <p>
                add(inline(el), note)
        for c in el.elements():
            walk(c, note)

    walk(article, False)
    return out
