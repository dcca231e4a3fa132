"""A source written for the capability tests of issue 9 (fisheries and river ports, a subject far from
the seeds), the checker built from it, and the verdict a sentence gets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factcheck import entities
from factcheck.check import Checker
from factcheck.config import Config
from factcheck.model import Mention, Verdict
from factcheck.reader import parse
from factcheck.store import build

SOURCE = """---
title: Rivers, ports and fish
author: Test Writer
publisher: Example River Institute
date: 2025-02-01
---

# Rivers, ports and fish

In 2021, the Danube fleet carried 41 million tonnes of cargo, of which 12 million tonnes was grain.

Portugal's sardine catch fell to 17,000 tonnes in 2020, a third of its level a decade earlier.

The Rhine authority approved the dredging plan in March 2019 after four years of talks.

Peru landed 5.3 million tonnes of anchovy in 2022, while Chile landed 2.1 million tonnes.

The river port of Vukovar handles 60 barges a week and employs 800 dockers.

Morocco signed a fisheries agreement with Senegal in 2018; Mauritania declined to join it.

Japan's river bureau plans to spend about 2 trillion yen on new levees along the Tone by 2030.
"""


def make_checker(folder: Path) -> Checker:
    (folder / "rivers.md").write_text(SOURCE, encoding="utf-8")
    return Checker(build([folder]), Config())


def source_checker(factory: pytest.TempPathFactory, name: str, source: str) -> Checker:
    """A checker over one source of a capability test, written into a fresh folder."""
    folder = factory.mktemp(name)
    (folder / f"{name}.md").write_text(source, encoding="utf-8")
    return Checker(build([folder]), Config())


def checker_fixture(name: str, source: str) -> Any:
    """A module's `checker` fixture: a checker over the capability's own source."""

    @pytest.fixture(scope="module")
    def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
        return source_checker(tmp_path_factory, name, source)

    return checker


def verdict_rows(cases: list[tuple[str, str, str]], fixture: str = "checker") -> Any:
    """A table-driven test: each row a sentence, the verdict it must get against the checker of the
    module's fixture named `fixture`, and why."""

    @pytest.mark.parametrize(("sentence", "expected", "why"), cases, ids=[c[2] for c in cases])
    def test_verdict(request: pytest.FixtureRequest, sentence: str, expected: str, why: str) -> None:
        assert_verdict(request.getfixturevalue(fixture), sentence, expected, why)

    return test_verdict


def worst(checker: Checker, sentence: str) -> Verdict | None:
    """The sentence's verdict as a reader sees it: the worst of its findings."""
    found = [f.verdict for f in checker.check_document(parse(sentence, "d.md", markdown=True)).findings]
    order = [Verdict.SUPPORTED, Verdict.UNSUPPORTED, Verdict.CONFLICTING]
    return max(found, key=order.index) if found else None


def assert_verdict(checker: Checker, sentence: str, expected: str, why: str) -> None:
    got = worst(checker, sentence)
    assert got is not None and got.value == expected, f"{why}: {got}"


def mentioned(text: str) -> tuple[str, list[Mention]]:
    """A sentence with the names the bundled gazetteer finds in it, as the sentence-structure
    comparisons of `same` take it."""
    return text, entities.find(text, entities.load())


def bundled_kind(entity: str) -> str:
    """An entity's kind in the bundled gazetteer ("name" for one it does not know)."""
    return entities.load().kinds.get(entity, "name")
