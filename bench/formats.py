"""Round trip of the seeds through PDF, HTML and Word: does a store built from the converted files
hold the claims of the store built from the text files, and does every PDF citation name the page
the claim is on?

    python bench/formats.py            # writes bench/formats.md

The five seed documents are laid out by tests/docmaker.py (fpdf2 and python-docx, from the test
extra): as PDFs (000 and 002 in two columns with running headers, page numbers and hyphenated line
ends; the rest in one column with page numbers), as web pages wrapped in navigation, a cookie banner,
a share bar, related links and comments, and as Word files. A text claim is recovered when a claim
of the same seed in the other store has the same kind, the same value (or date) and the same
entities. A PDF claim's page is right when PDFium's own text of that page (not the reader's layout)
holds the claim's words.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import docmaker  # noqa: E402

from factcheck import store as store_mod  # noqa: E402
from factcheck.model import Claim  # noqa: E402
from factcheck.readers import read  # noqa: E402

SEEDS = ROOT / "seeds"
TWO_COLUMNS = ("000", "002")


def parts_of(text: str) -> list[tuple[str, object]]:
    parts: list[tuple[str, object]] = []
    for para in re.split(r"\n\s*\n", text):
        para = re.sub(r"<sup>(\d{1,3})</sup>", r"^\1", " ".join(para.split()))  # a superscript marker
        para = re.sub(r"[\u3000-\u9fff]+", "", para)  # the bench's font has no Chinese: leave no gap
        if not para:
            continue
        if para.startswith("#"):
            parts.append(("h", para.lstrip("#").strip()))
        else:
            parts.append(("p", para))
    return parts


def key(c: Claim) -> tuple[object, ...]:
    value: object = None
    if c.quantity is not None:
        value = (round(c.quantity.value, 6), c.quantity.high, c.quantity.unit)
    elif c.date is not None:
        value = (c.date.year, c.date.month, c.date.day, c.date.end_year)
    else:
        value = tuple(sorted(c.pairs))
    return (c.kind, value, tuple(sorted(c.entities)))


def convert(fmt: str, out: Path, works: list[dict[str, object]]) -> None:
    out.mkdir(parents=True)
    listed = []
    by_file: dict[str, list[dict[str, object]]] = {}
    for w in works:
        by_file.setdefault(str(w["file"]), []).append(w)
    for src in sorted(SEEDS.glob("*.txt")):
        ws = by_file.get(src.name, [])
        single = ws[0] if len(ws) == 1 else None
        title = str(single["title"]) if single and single.get("title") else None
        author = str(single["author"]) if single and single.get("author") else None
        parts = parts_of(src.read_text(encoding="utf-8"))
        name = f"{src.stem}.{fmt}"
        if fmt == "pdf":
            two = src.name.startswith(TWO_COLUMNS)
            laid = docmaker.pdf(
                parts,
                columns=2 if two else 1,
                header=(title or src.stem)[:60] if two else None,
                page_numbers=True,
                hyphenate=two,
                title=title,
                author=author,
                unicode_font=True,
            )
            (out / name).write_bytes(laid.data)
        elif fmt == "html":
            page = docmaker.html_page(
                parts,
                title=title or src.stem,
                author=author,
                publisher=str(single["publisher"]) if single and single.get("publisher") else None,
            )
            (out / name).write_text(page, encoding="utf-8")
        else:
            (out / name).write_bytes(docmaker.docx(parts, title=title, author=author))
        # A file of several works (004) becomes one: its line ranges are those of the text file.
        for w in ws if single else [{"id": src.stem, "file": src.name, "title": None}]:
            listed.append({**{k: v for k, v in w.items() if k != "lines"}, "file": name})
    (out / "sources.yaml").write_text(yaml.safe_dump({"works": listed}, allow_unicode=True), encoding="utf-8")


def stem(c: Claim) -> str:
    return Path(c.file).stem


def recovered(
    text: list[Claim], other: list[Claim]
) -> tuple[int, int, dict[str, tuple[int, int]], list[str]]:
    have: Counter[tuple[object, ...]] = Counter((stem(c), *key(c)) for c in other)
    per: dict[str, list[int]] = {}
    hits = 0
    missed: list[str] = []
    for c in text:
        k = (stem(c), *key(c))
        ok = have[k] > 0
        if ok:
            have[k] -= 1
        else:
            missed.append(f"{stem(c)[:3]} {c.kind} {c.quote[:90]!r}")
        hits += ok
        p = per.setdefault(stem(c), [0, 0])
        p[0] += ok
        p[1] += 1
    return hits, len(text), {k: (v[0], v[1]) for k, v in per.items()}, missed


def _squash(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.lower())


def pages_right(claims: list[Claim], folder: Path) -> tuple[int, int, list[str]]:
    import pypdfium2 as pdfium

    pages: dict[str, list[str]] = {}
    docs = {}
    for f in folder.glob("*.pdf"):
        pdf = pdfium.PdfDocument(f.read_bytes())
        pages[f.name] = [_squash(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
        docs[f.name] = read(f.read_bytes(), f.name)
    good, wrong = 0, []
    for c in claims:
        name = Path(c.file).name
        doc = docs[name]
        n = int((c.locator or "p. 0").split()[-1])
        # The claim's first words are on its page (the sentence may run on to the next). Figures repeat,
        # so a few words before them tell the places apart: the pages that hold the claim's start with
        # the longest context found anywhere must include its page.
        own = _squash(doc.text[c.start : c.end])[:12]
        before = _squash(doc.text[max(0, c.start - 40) : c.start])
        hits: list[int] = []
        for k in (12, 8, 4, 0):
            probe = before[len(before) - k :] + own
            hits = [i + 1 for i, text in enumerate(pages[name]) if probe in text]
            if hits:
                break
        # A claim whose first word ends a page and whose next words open the next one.
        first, *rest = doc.text[c.start : c.end].split() or [""]
        at_foot = 0 < n < len(pages[name]) and pages[name][n - 1].endswith(_squash(first))
        if n in hits or (at_foot and _squash(" ".join(rest))[:12] in pages[name][n]):
            good += 1
        else:
            wrong.append(f"{name} {c.locator} (found on {hits}): {doc.text[c.start : c.end]!r}")
    return good, len(claims), wrong


def main() -> None:
    works = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))["works"]
    t0 = time.perf_counter()
    text_store = store_mod.build([SEEDS])
    times = {"txt": time.perf_counter() - t0}
    rows = []
    pdf_check = (0, 0, [])
    misses: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("pdf", "html", "docx"):
            folder = Path(tmp) / fmt
            convert(fmt, folder, works)
            t0 = time.perf_counter()
            built = store_mod.build([folder])
            times[fmt] = time.perf_counter() - t0
            hits, total, per, missed = recovered(list(text_store.claims), list(built.claims))
            rows.append((fmt, hits, total, len(built.claims), per))
            misses[fmt] = missed
            if fmt == "pdf":
                pdf_check = pages_right(list(built.claims), folder)
                pdf_timing = _timing(folder)
    lines = [
        "# Round trip of the seeds through PDF, HTML and Word",
        "",
        "Written by `python bench/formats.py` (see its docstring for the method). A text claim is",
        "recovered when the converted seed's store has a claim of the same kind, value or date and entities.",
        "",
        "| format | text claims recovered | share | claims in its store | build time (s) |",
        "|---|---|---|---|---|",
    ]
    for fmt, hits, total, n, _ in rows:
        lines.append(f"| {fmt} | {hits} / {total} | {hits / total:.1%} | {n} | {times[fmt]:.1f} |")
    lines += [
        "",
        f"The text store ({len(text_store.claims)} claims) builds in {times['txt']:.1f} s.",
        "",
        "Per seed (recovered / text claims):",
        "",
        "| seed | " + " | ".join(r[0] for r in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]
    for seed in sorted(rows[0][4]):
        lines.append(f"| {seed} | " + " | ".join(f"{r[4][seed][0]} / {r[4][seed][1]}" for r in rows) + " |")
    good, total, wrong = pdf_check
    lines += [
        "",
        f"PDF citations naming the page the claim is on (checked against PDFium's own page text): "
        f"{good} / {total}.",
        "",
    ]
    lines += [f"- wrong: {w}" for w in wrong[:20]]
    for fmt, missed in misses.items():
        lines += ["", f"Text claims not found in the {fmt} store (the first 15):", ""]
        lines += [f"- {m}" for m in missed[:15]]
    lines += ["", "Reading the PDFs alone (the largest seed, 004):", "", *pdf_timing, ""]
    (ROOT / "bench" / "formats.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


def _timing(folder: Path) -> list[str]:
    """pypdfium2 with the reader's layout pass against pdfminer.six's own layout analysis."""
    pdf = folder / "004_b1cf9653562b7715.pdf"
    raw = pdf.read_bytes()
    t0 = time.perf_counter()
    read(raw, pdf.name)
    ours = time.perf_counter() - t0
    out = [f"- factcheck's PDF reader (pypdfium2): {ours:.2f} s"]
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return [*out, "- pdfminer.six: not installed"]
    t0 = time.perf_counter()
    extract_text(str(pdf))
    out.append(
        f"- pdfminer.six `extract_text` (layout analysis, no further rules): {time.perf_counter() - t0:.2f} s"
    )
    return out


if __name__ == "__main__":
    main()
