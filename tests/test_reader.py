"""Reading and segmenting: what is prose, where it is, and where sentences end."""

from __future__ import annotations

import pytest

from factcheck.reader import LineIndex, parse
from factcheck.segment import sentences

DRAFT = """---
title: Draft
date: 2020
---
# Heading with 11%

Prose with 12% and `inline 13%` code, a [link](http://example.com/14%) and http://x.org/15.

```text
fenced 16%
```

    indented 17%

<!-- comment 18% -->
<div>html block 19%</div>

[ref]: http://example.com/20

![A chart of 25% growth](chart.png) Prose after a picture with 26%.

- list item 21%
- list item 22%

| a   | b   |
|-----|-----|
| 23% | 24% |
"""


def prose(text: str) -> str:
    return " ".join(b.text for b in parse(text, "d.md", markdown=True).blocks)


@pytest.mark.parametrize("figure", ["11%", "12%", "21%", "22%", "23%", "24%", "26%"])
def test_prose_is_kept(figure: str) -> None:
    assert figure in prose(DRAFT)


@pytest.mark.parametrize(
    ("figure", "region"),
    [
        ("2020", "front matter"),
        ("13%", "inline code"),
        ("14%", "link target"),
        ("15", "bare URL"),
        ("16%", "fenced code"),
        ("17%", "indented code"),
        ("18%", "HTML comment"),
        ("19%", "HTML block"),
        ("20", "link reference definition"),
        ("25%", "an image's alt text"),
    ],
)
def test_non_prose_is_skipped(figure: str, region: str) -> None:
    assert figure not in prose(DRAFT), region


def test_front_matter_is_metadata() -> None:
    doc = parse(DRAFT, "d.md", markdown=True)
    assert doc.meta == {"title": "Draft", "date": "2020"}


def test_offsets_point_into_the_original() -> None:
    doc = parse(DRAFT, "d.md", markdown=True)
    for b in doc.blocks:
        for i, ch in enumerate(b.text):
            if ch.strip():
                assert doc.text[b.offset + i] == ch or ch in "'\"-"  # folding maps one char to one
    idx = LineIndex(doc.text)
    at = doc.text.index("12%")
    assert idx.position(at) == (7, 12)


@pytest.mark.parametrize(
    ("text", "count", "why"),
    [
        ("The U.S. lent $2 billion. China lent more.", 2, "U.S. is an abbreviation"),
        ("Talks began on Oct. 14 in Astana. They ended later.", 2, "Oct. is an abbreviation"),
        ("Resolution No. 14 passed. It took effect.", 2, "No. 14"),
        ("Growth was 20.6 percent. Debt rose.", 2, "decimals do not split"),
        ("J. Smith wrote it. Then he left.", 2, "initials"),
        ('He said "it is over." Then he left.', 2, "closing quote"),
        ("First claim.<sup>12</sup> Second claim.", 2, "footnote marker"),
    ],
)
def test_sentences(text: str, count: int, why: str) -> None:
    doc = parse(text, "d.txt", markdown=False)
    assert len(list(sentences(doc.blocks))) == count, why


def test_plain_text_lines_are_paragraphs_unless_continued() -> None:
    doc = parse(
        "A Title Line\nFirst paragraph here.\nand it continues.\n\nNext one.", "d.txt", markdown=False
    )
    assert [b.text.split()[0] for b in doc.blocks] == ["A", "First", "Next"]
    assert doc.blocks[0].heading and not doc.blocks[1].heading


def test_glued_footnote_numbers_are_masked() -> None:
    doc = parse("Huawei entered the region in 1998.40 In 2000, ZTE followed.", "d.txt", markdown=False)
    assert "40" not in doc.blocks[0].text


@pytest.mark.parametrize(
    ("text", "blocks", "why"),
    [
        (
            "Tokayev is a strong opponent\n\nof this initiative, calling it a restriction.\n",
            1,
            "a page break inside a sentence: the paragraph stops on a word, the next starts in lower case",
        ),
        (
            "Tokayev is a strong opponent.\n\nof course, others disagree.\n",
            2,
            "the paragraph ended with its sentence",
        ),
        ("Tokayev is a strong opponent\n\nOthers disagree.\n", 2, "the next paragraph starts a sentence"),
    ],
)
def test_a_blank_line_inside_a_sentence_does_not_end_it(text: str, blocks: int, why: str) -> None:
    assert len(parse(text, "t.txt", markdown=False).blocks) == blocks, why
