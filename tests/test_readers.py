"""Sources as analysts have them: PDF reports, saved web pages and Word files, read into the same
Document as text, with each claim's page or paragraph. The files are made here (tests/docmaker.py)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import docmaker
import pytest
import yaml
from click.testing import CliRunner

from factcheck import readers
from factcheck import store as store_mod
from factcheck.cli import cli
from factcheck.errors import FactcheckError
from factcheck.model import Claim, Document
from factcheck.readers import read

ROOT = Path(__file__).resolve().parent.parent
LOAN = "Kazakhstan received a loan of $3.8 billion from China in 2019 for its telecommunications network."
TRADE = "Trade between China and Uzbekistan reached $6.3 billion in 2018, a rise of 48 percent."
FILLER = (
    "The report describes the digital projects of the region and the companies that build them, "
    "and it sets out what the governments of Central Asia have asked of their partners. "
)


def body(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks if not b.note)


def words(text: str) -> str:
    return " ".join(text.split())


# --- the registry --------------------------------------------------------------------------------


def test_one_registry_names_every_suffix() -> None:
    assert {".txt", ".md", ".pdf", ".html", ".htm", ".docx"} <= set(readers.SOURCE_SUFFIXES)
    assert readers.format_of("Report.PDF").reader == "factcheck.readers.pdf:read"
    assert readers.format_of("notes.rst") is readers.DEFAULT  # named outright: read as text
    assert store_mod.SOURCE_SUFFIXES is readers.SOURCE_SUFFIXES
    from factcheck.config import Config

    assert Config().include == ("*.md", "*.markdown", "*.txt")  # drafts: the formats writers edit


def test_a_folder_of_mixed_sources_builds(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TRADE + "\n", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(docmaker.pdf([("p", LOAN)]).data)
    (tmp_path / "c.html").write_text(docmaker.html_page([("p", LOAN)], title="Loans"), encoding="utf-8")
    (tmp_path / "d.docx").write_bytes(docmaker.docx([("p", LOAN)]))
    (tmp_path / "e.png").write_bytes(b"\x89PNG")
    assert [p.name for p in store_mod.source_files([tmp_path])] == ["a.txt", "b.pdf", "c.html", "d.docx"]
    built = store_mod.build([tmp_path])
    loans = [c for c in built.claims if c.quantity and c.quantity.value == 3.8e9]
    assert sorted(Path(c.file).suffix for c in loans) == [".docx", ".html", ".pdf"]


def test_checking_markdown_loads_no_pdf_html_or_word_library() -> None:
    code = (
        "import sys; from factcheck.check import check, open_stores; "
        "check(['examples/brief.md'], open_stores([])); "
        "print(sorted(m for m in ('pypdfium2', 'docx', 'factcheck.readers.pdf', 'factcheck.readers.html', "
        "'factcheck.readers.docx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- PDF -----------------------------------------------------------------------------------------


def report(**kw: object) -> docmaker.Laid:
    parts: list[docmaker.Part] = [("h", "The Digital Silk Road in Central Asia")]
    for i in range(10):
        parts.append(("p", FILLER * 4))
        if i == 2:
            parts.append(
                (
                    "p",
                    "According to the IISS, China has invested some 79 billion US dollars in digital "
                    "infrastructure worldwide.^1 " + LOAN,
                )
            )
            parts.append(
                ("note", "1 International Institute for Strategic Studies, Digital Silk Road Tracker, 2020.")
            )
        if i == 6:
            parts.append(("p", TRADE))
            parts.append(
                (
                    "table",
                    [
                        ["Country", "Trade 2018", "Share"],
                        ["Kazakhstan", "$19.8 billion", "43%"],
                        ["Uzbekistan", "$6.3 billion", "18%"],
                    ],
                )
            )
    return docmaker.pdf(parts, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def two_columns() -> tuple[docmaker.Laid, Document]:
    laid = report(
        columns=2,
        header="Central Asia Digital Report 2021",
        page_numbers=True,
        hyphenate=True,
        title="The Digital Silk Road",
        author="Leyla Muzaparova",
    )
    return laid, read(laid.data, "report.pdf")


def test_pdf_columns_are_read_one_after_the_other(two_columns: tuple[docmaker.Laid, Document]) -> None:
    laid, doc = two_columns
    assert laid.pages[-1][-1] >= 2  # the fixture does span pages
    text = words(body(doc))
    # Every sentence reads whole: a line of the left column is never joined to one of the right.
    for sentence in (LOAN, TRADE, FILLER.split(". ")[0]):
        assert words(sentence) in text
    assert text.count(words(FILLER.strip())) == 40


def test_pdf_running_headers_and_page_numbers_are_dropped(
    two_columns: tuple[docmaker.Laid, Document],
) -> None:
    _, doc = two_columns
    assert "Central Asia Digital Report" not in doc.text
    assert "Page 1" not in doc.text and "Page 2" not in doc.text


def test_pdf_hyphenated_words_are_rejoined(two_columns: tuple[docmaker.Laid, Document]) -> None:
    _, doc = two_columns
    long = (
        "Telecommunications infrastructure modernisation programmes require considerable "
        "intergovernmental coordination and extraordinary administrative commitments. "
    ) * 4
    raw = docmaker.pdf([("p", long)], hyphenate=True, columns=2)
    assert _pdfium_text(raw.data).count("\ufffe") >= 3  # PDFium's mark of a hyphen that ends a line
    assert words(body(read(raw.data, "h.pdf"))) == words(long)
    assert not any(line.rstrip().endswith("-") for line in doc.text.splitlines())


def _pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def test_pdf_footnotes_are_notes_and_their_markers_dropped(
    two_columns: tuple[docmaker.Laid, Document],
) -> None:
    _, doc = two_columns
    notes = [b for b in doc.blocks if b.note]
    assert len(notes) == 1 and "Digital Silk Road Tracker" in notes[0].text
    assert "worldwide. Kazakhstan" in words(doc.text)  # the superscript 1 is gone


def test_pdf_tables_are_read_row_by_row(two_columns: tuple[docmaker.Laid, Document]) -> None:
    _, doc = two_columns
    assert "Kazakhstan | $19.8 billion | 43%" in doc.text
    assert "Uzbekistan | $6.3 billion | 18%" in doc.text


def test_pdf_metadata_and_page_citations(tmp_path: Path, two_columns: tuple[docmaker.Laid, Document]) -> None:
    laid, doc = two_columns
    assert doc.meta == {"title": "The Digital Silk Road", "author": "Leyla Muzaparova"}
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "report.pdf").write_bytes(laid.data)
    (tmp_path / "src" / "sources.yaml").write_text(
        yaml.safe_dump(
            {
                "works": [
                    {
                        "id": "dsr",
                        "file": "report.pdf",
                        "publisher": "Rosa Luxemburg Stiftung",
                        "date": "2021",
                    }
                ]
            }
        )
    )
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    loaded = store_mod.load(tmp_path / "store")
    work = loaded.works["dsr"]
    assert (work.title, work.author, work.publisher, work.date) == (
        "The Digital Silk Road",
        "Leyla Muzaparova",
        "Rosa Luxemburg Stiftung",
        "2021",
    )
    trade = next(c for c in loaded.claims if c.quantity and c.quantity.value == 6.3e9 and "2018" in c.quote)
    page = next(
        p for part, pages in zip(_parts_of(laid), laid.pages, strict=True) if part == TRADE for p in pages
    )
    assert trade.locator == f"p. {page}" and page >= 2
    assert work.citation(trade.locator) == (
        "Leyla Muzaparova, \u201cThe Digital Silk Road\u201d, Rosa Luxemburg Stiftung, 2021, p. " + str(page)
    )
    assert f"locator: p. {page}" in (tmp_path / "store" / "claims" / "dsr.yaml").read_text()
    # A check through the store's index cites the page.
    (tmp_path / "draft.md").write_text(f"{TRADE}\n", encoding="utf-8")
    args = ["check", "--store", str(tmp_path / "store"), "--format", "json", str(tmp_path / "draft.md")]
    result = CliRunner().invoke(cli, args)
    assert f"Rosa Luxemburg Stiftung, 2021, p. {page}" in result.output, result.output


def _parts_of(laid: docmaker.Laid) -> list[object]:
    # The parts of report(), in order, to find the pages one was set on.
    parts: list[object] = ["h"]
    for i in range(10):
        parts.append("filler")
        if i == 2:
            parts += ["sentence", "note"]
        if i == 6:
            parts += [TRADE, "table"]
    return parts


def test_pdf_ligatures_are_spelt_out() -> None:
    if not docmaker._DEJAVU.exists():
        pytest.skip("no DejaVu font to set a ligature with")
    laid = docmaker.pdf(
        [("p", "The \ufb01rst of\ufb01cial \ufb02ows were 12 percent higher.")], unicode_font=True
    )
    assert "The first official flows were 12 percent higher." in read(laid.data, "l.pdf").text


def test_text_stores_are_unchanged_by_locators() -> None:
    built = store_mod.build([ROOT / "seeds" / "000_df0eaa2bcba8560b.txt"])
    assert all(c.locator is None for c in built.claims)
    assert "locator" not in store_mod._claim_dict(built.claims[0])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "not a readable PDF"),
        ("fake.pdf", b"<html>not a pdf</html>", "not a PDF file"),
        ("notzip.docx", b"PK\x03\x04 this is not really a zip", "not a Word file"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "encrypted or old-format Word file"),
        ("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file, not an HTML page"),
        ("latin.html", "<p>Caf\u00e9 au lait costs 3 euros.</p>".encode("latin-1"), "not valid utf-8"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / name), "--out", str(tmp_path / "store")])
    assert result.exit_code == 2
    assert message in result.output and name in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_pdf_blank_and_picture_pages_are_skipped() -> None:
    from fpdf import FPDF

    doc = FPDF()
    doc.set_font("Helvetica")
    for page in range(3):
        doc.add_page()
        if page == 1:
            doc.rect(10, 10, 150, 200, style="F")  # a full-page picture
        else:
            doc.text(20, 40, LOAN if page == 0 else TRADE)
    read_back = read(bytes(doc.output()), "mixed.pdf")
    assert read_back.text == f"{LOAN}\n\n{TRADE}"
    assert read_back.places == ((0, "p. 1"), (len(LOAN) + 2, "p. 3"))


def test_pdf_page_labels_are_the_printed_numbers() -> None:
    from fpdf import FPDF

    doc = FPDF()
    doc.set_font("Helvetica")
    doc.add_page()
    doc.set_page_label("r")  # a preface numbered i, ii...
    doc.text(20, 40, TRADE)
    doc.add_page()
    doc.set_page_label("D", label_start=1)  # the report proper from 1
    doc.text(20, 40, LOAN)
    read_back = read(bytes(doc.output()), "labelled.pdf")
    assert [label for _, label in read_back.places] == ["p. i", "p. 1"]


def test_encrypted_and_scanned_pdfs_are_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    locked = FPDF()
    locked.add_page()
    locked.set_font("Helvetica")
    locked.text(20, 20, "Exports rose 12 percent.")
    locked.set_encryption(owner_password="owner", user_password="user")
    scan = FPDF()
    scan.add_page()
    scan.rect(10, 10, 150, 200, style="F")  # a page that is a picture: no text layer
    scan.set_font("Helvetica")
    scan.text(100, 290, "12")  # but for its page number
    for name, doc, message in (
        ("locked.pdf", locked, "encrypted PDF"),
        ("scan.pdf", scan, "no text layer; run OCR first"),
    ):
        (tmp_path / name).write_bytes(bytes(doc.output()))
        with pytest.raises(FactcheckError, match=message):
            read((tmp_path / name).read_bytes(), name)


# --- HTML ----------------------------------------------------------------------------------------


PAGE_PARTS: list[docmaker.Part] = [
    ("p", "China has invested some 79 billion US dollars in digital projects worldwide.^1"),
    ("h", "Loans"),
    ("li", LOAN),
    ("table", [["Country", "Share"], ["Kazakhstan", "43%"]]),
    ("p", TRADE),
    ("note", "IISS, Digital Silk Road Tracker, 2020."),
]


@pytest.mark.parametrize("article_tag", [True, False])
def test_html_keeps_the_article_and_drops_the_page_around_it(article_tag: bool) -> None:
    page = docmaker.html_page(
        PAGE_PARTS,
        title="The Digital Silk Road",
        author="Leyla Muzaparova",
        date="2021-03-04T09:00:00+06:00",
        publisher="Rosa Luxemburg Stiftung",
        url="https://example.org/dsr",
        article_tag=article_tag,
    )
    doc = read(page.encode(), "dsr.html")
    text = doc.text
    for furniture in (
        "cookies",
        "Home",
        "Share on X",
        "1,204 shares",
        "Related stories",
        "$50 billion",
        "43 comments",
        "19 million",
        "All rights reserved",
        "newsletter",
        "tracking",
    ):
        assert furniture not in text, furniture
    assert [b.text for b in doc.blocks if b.heading] == ["The Digital Silk Road", "Loans"]
    assert LOAN in text and TRADE in text and "Kazakhstan | 43%" in text
    assert "worldwide." in text and "worldwide.1" not in text  # the footnote marker
    assert [b.text for b in doc.blocks if b.note] == ["IISS, Digital Silk Road Tracker, 2020."]
    assert doc.meta == {
        "title": "The Digital Silk Road",
        "author": "Leyla Muzaparova",
        "date": "2021-03-04",
        "publisher": "Rosa Luxemburg Stiftung",
        "url": "https://example.org/dsr",
    }
    assert readers.locate(doc, text.index(TRADE)) == "para. 7"  # title, p, h2, li, two rows, p


def test_html_without_article_or_main_takes_the_densest_element() -> None:
    page = (
        "<html><head><title>Brief</title></head><body><div class='nav'><a href='/'>Home</a></div>"
        "<div id='wrap'><div class='sidebar'><p>Most read: 5 stories</p></div>"
        f"<div class='content'><p>{LOAN}</p><p>{TRADE}</p><p>{FILLER}</p></div></div>"
        "<div class='comments'><p>I think 90% of this is wrong.</p></div></body></html>"
    )
    doc = read(page.encode(), "brief.htm")
    assert [b.text for b in doc.blocks] == [LOAN, TRADE, FILLER.strip()]
    assert doc.meta == {"title": "Brief"}


def test_html_table_cells_holding_paragraphs() -> None:
    page = (
        "<article><table><tr><th><p>Country</p></th><th>Share</th></tr>"
        "<tr><td><p>Kazakhstan</p></td><td><div>43<sup>2</sup>%</div></td></tr></table></article>"
    )
    assert read(page.encode(), "t.html").text == "Country | Share\n\nKazakhstan | 43%"


# --- Word ----------------------------------------------------------------------------------------


def test_docx_paragraphs_headings_lists_tables_and_properties() -> None:
    data = docmaker.docx(
        [
            ("h", "Loans"),
            ("p", TRADE),
            ("li", LOAN),
            ("table", [["Country", "Share"], ["Kazakhstan", "43%"]]),
        ],
        title="The Digital Silk Road",
        author="Leyla Muzaparova",
    )
    doc = read(data, "dsr.docx")
    assert doc.meta == {"title": "The Digital Silk Road", "author": "Leyla Muzaparova"}
    assert [(b.text, b.heading) for b in doc.blocks] == [
        ("Loans", True),
        (TRADE, False),
        (LOAN, False),
        ("Country   Share", False),
        ("Kazakhstan   43%", False),
    ]
    assert [label for _, label in doc.places] == [
        "para. 1",
        "para. 2",
        "para. 3",
        "table 1, row 1",
        "table 1, row 2",
    ]


def test_docx_footnotes_and_endnotes_are_notes() -> None:
    data = docmaker.docx_with_notes(
        [f"{TRADE}^1 {LOAN}^e1"],
        {1: "Customs statistics, 2019."},
        {1: "Ministry of Finance, 2020."},
        heading="Trade",
    )
    doc = read(data, "notes.docx")
    assert doc.text.startswith(f"Trade\n\n{TRADE} {LOAN}\n\n")
    assert [(b.text, b.note) for b in doc.blocks[2:]] == [
        ("Customs statistics, 2019.", True),
        ("Ministry of Finance, 2020.", True),
    ]
    assert [label for _, label in doc.places][2:] == ["footnote 1", "endnote 1"]


# --- round trip ----------------------------------------------------------------------------------


def _key(c: Claim) -> tuple[object, ...]:
    value = (
        (c.quantity.value, c.quantity.unit) if c.quantity else (c.date.year, c.date.month) if c.date else None
    )
    return (c.kind, value, tuple(sorted(c.entities)))


def test_a_seed_round_trips_through_every_format(tmp_path: Path) -> None:
    """bench/formats.py does this for all five seeds; one, two-column, keeps the suite fast."""
    seed = ROOT / "seeds" / "000_df0eaa2bcba8560b.txt"
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import formats as bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    parts = bench.parts_of(seed.read_text(encoding="utf-8"))
    files = {
        "pdf": docmaker.pdf(
            parts,
            columns=2,
            header="The Digital Silk Road",
            page_numbers=True,
            hyphenate=True,
            unicode_font=True,
        ).data,
        "html": docmaker.html_page(parts, title="The Digital Silk Road").encode(),
        "docx": docmaker.docx(parts),
    }
    text = store_mod.build([seed]).claims
    for fmt, data in files.items():
        (tmp_path / f"seed.{fmt}").write_bytes(data)
        have = Counter(_key(c) for c in store_mod.build([tmp_path / f"seed.{fmt}"]).claims)
        hits = 0
        for c in text:
            hits += have[_key(c)] > 0
            have[_key(c)] -= 1
        assert hits >= 0.95 * len(text), (fmt, hits, len(text))
