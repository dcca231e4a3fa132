"""No pathological slowness: adversarial inputs take time in proportion to their size (issue 6).

Each input goes through the real pipeline: `reader.parse` (as Markdown and as plain text), then
`extract.extract` with the bundled gazetteer, and the quantity and date finders directly on the whole
text. It must finish within 20 times the time of ordinary prose of the same size, plus 2 seconds:
a generous bound that catches quadratic behaviour (a quadratic step on these sizes takes minutes)
without depending on the machine's speed. The time of ordinary prose is measured once, on 100,000
characters of Markdown prose, and scaled to each input's size (the pipeline is linear on prose).

The sizes by default keep this file under a minute on a two-core machine; with
FACTCHECK_ADVERSARIAL_FULL=1 every input has the full size of the issue (a 10 MB line, a
100,000-row table, 100,000 "1,"s...), which takes several minutes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest

from factcheck import dates, entities, quantities
from factcheck.extract import extract
from factcheck.reader import parse
from factcheck.segment import sentences

FULL = os.environ.get("FACTCHECK_ADVERSARIAL_FULL") == "1"
FACTOR, SLACK = 20.0, 2.0


def size(full: int, default: int) -> int:
    return full if FULL else default


def prose(n: int) -> str:
    """Ordinary Markdown prose of about n characters: paragraphs of sentences with figures, dates and
    names, each sentence a little different (so no cache makes it cheaper than it is)."""
    sentence = (
        "In {y} China lent Kazakhstan about ${a}.{b} billion, {p} percent of the cost of the "
        "railway to Almaty, and the Asian Development Bank {v} another {c} million. "
    )
    verbs = ("added", "pledged", "offered", "approved")
    out: list[str] = []
    total = i = 0
    while total < n:
        s = sentence.format(y=1990 + i % 34, a=i % 90 + 1, b=i % 10, p=i % 97, v=verbs[i % 4], c=i % 500 + 3)
        out.append(s + ("\n\n" if i % 4 == 3 else ""))
        total += len(out[-1])
        i += 1
    return "".join(out)[:n]


def pipeline(text: str, *, markdown: bool = True, extract_text: bool = True) -> float:
    gaz = entities.load()
    t0 = time.perf_counter()
    for md in (True, False) if markdown else (False,):
        doc = parse(text, "adversarial.md" if md else "adversarial.txt", markdown=md)
        for _ in sentences(doc.blocks):
            pass
        if extract_text:
            extract(doc, gaz)
    quantities.find_quantities(text)
    dates.find_dates(text)
    entities.find(text, gaz)
    return time.perf_counter() - t0


@pytest.fixture(scope="module")
def per_char() -> float:
    """Seconds per character of ordinary prose through the same pipeline."""
    n = 100_000
    pipeline(prose(2_000))  # warm up: imports, compiled patterns
    return pipeline(prose(n)) / n


def within_bound(per_char: float, text: str, took: float) -> None:
    limit = FACTOR * per_char * len(text) + SLACK
    assert took < limit, (
        f"{took:.1f} s for {len(text):,} characters; ordinary prose would allow {limit:.1f} s"
    )


CASES: dict[str, Callable[[], str]] = {
    "a run of digits": lambda: "7" * size(10_000_000, 1_000_000),
    "digits with separators": lambda: "1,000," * size(200_000, 10_000),
    "1,1,1,...": lambda: ",".join(["1"] * size(100_000, 10_000)),
    "1 1 1 ...": lambda: "1 " * size(100_000, 10_000),
    "percentages": lambda: "1% " * size(100_000, 8_000),
    "a run of dots": lambda: "." * size(1_000_000, 100_000),
    "dots and capitals": lambda: ". A" * size(300_000, 20_000),
    "initials": lambda: "A. " * size(300_000, 20_000),
    "a run of exclamation marks": lambda: "!" * size(1_000_000, 100_000),
    "nested brackets": lambda: "(" * size(1_000_000, 60_000) + "x" + ")" * size(1_000_000, 60_000),
    "nested square brackets": lambda: "[" * size(500_000, 40_000) + "x" + "]" * size(500_000, 40_000),
    "link openers": lambda: "](" * size(500_000, 40_000),
    "comment openers": lambda: "<!--" * size(200_000, 25_000),
    "backticks": lambda: "`" * size(1_000_000, 100_000),
    "emphasis marks": lambda: "*a " * size(300_000, 20_000),
    "list markers on one line": lambda: "- " * size(100_000, 20_000) + "x",
    "nested lists": lambda: "".join("  " * i + "- 5%\n" for i in range(size(1_000, 200))),
    "nested block quotes": lambda: ">" * size(100_000, 10_000) + " 5% of China",
    "number words": lambda: "one " * size(100_000, 20_000),
    "hyphenated number words": lambda: "twenty-" * size(100_000, 10_000) + "one",
    "between 1 and ...": lambda: "between 1 and " * size(50_000, 10_000),
    "from 1 to ...": lambda: "from 1 to " * size(50_000, 10_000),
    "years": lambda: "2019 " * size(100_000, 10_000),
    "year ranges": lambda: "2019-2020-" * size(100_000, 10_000),
    "capitalised words": lambda: " ".join(f"Word{chr(65 + i % 26)}" for i in range(size(50_000, 50_000))),
    "names with particles": lambda: "Bank of " * size(100_000, 10_000) + "China",
    "countries and figures": lambda: "Kazakhstan 5%, " * size(20_000, 3_000),
    "figures with brackets": lambda: "5% (x) " * size(50_000, 10_000),
    "figures with open brackets": lambda: "5% (" * size(50_000, 4_000),
    "figures set off after names": lambda: "Kenya, at 5% " * size(50_000, 4_000),
    "a long URL": lambda: "https://example.com/" + "a" * size(1_000_000, 200_000),
    "quotes": lambda: '"' * size(1_000_000, 100_000),
    "blank lines": lambda: "\n" * size(1_000_000, 200_000),
}


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_input_is_linear(name: str, per_char: float) -> None:
    text = CASES[name]()
    within_bound(per_char, text, pipeline(text))


def test_ten_megabyte_line_of_words(per_char: float) -> None:
    """One line of ordinary words, no stop: one block, one sentence of 10 MB. The reader reads all
    of it; the extractor and the finders by default the first 300,000 characters (all with FULL)."""
    words = "the of and to in a is that for it as was with be by on not this are or from at which".split()
    n = 10_000_000
    line = " ".join(words[(i * 7) % len(words)] for i in range(n // 3))[:n]
    t0 = time.perf_counter()
    for md in (True, False):
        doc = parse(line, "line.md" if md else "line.txt", markdown=md)
        assert len(doc.blocks) == 1
        for _ in sentences(doc.blocks):
            pass
    within_bound(per_char, line, time.perf_counter() - t0)
    part = line if FULL else line[:300_000]
    within_bound(per_char, part, pipeline(part, markdown=False))


def test_hundred_thousand_row_table(per_char: float) -> None:
    rows = size(100_000, 30_000)
    table = "| year | share |\n|---|---|\n" + "".join(
        f"| {2000 + i % 24} | {i % 97}% |\n" for i in range(rows)
    )
    t0 = time.perf_counter()
    doc = parse(table, "table.md", markdown=True)
    assert len(doc.blocks) == rows + 1
    within_bound(per_char, table, time.perf_counter() - t0)
    part = table if FULL else table[: len(table) // 10]  # extraction: every row is a claim
    within_bound(per_char, part, pipeline(part))
