"""The language pack's meta-test: every table says what it is for, and every entry has a reason and
examples that must match and must not. Each table's examples are run by the tests of the code that
reads it (a test that calls `table("<name>")`), so an example is never decoration."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import lang

TABLES = lang.tables()
TESTS = Path(__file__).parent


@pytest.mark.parametrize("name", TABLES)
def test_table_is_documented(name: str) -> None:
    t = lang.table(name)
    assert t.about.strip(), f"{name}: say what the table holds and who reads it"
    assert len(t) > 0


@pytest.mark.parametrize("name", TABLES)
def test_every_entry_has_a_reason_and_examples(name: str) -> None:
    for e in lang.table(name):
        label = dict(e.fields)
        assert e.why.strip(), f"{name}: {label}: no reason"
        assert e.match, f"{name}: {label}: no example that must match"
        assert e.reject, f"{name}: {label}: no example that must not match"


@pytest.mark.parametrize("name", TABLES)
def test_every_table_has_its_examples_run(name: str) -> None:
    """Some test runs the table's examples through the code that reads it."""
    needle = f'table("{name}")'
    assert any(
        needle in f.read_text(encoding="utf-8")
        for f in TESTS.glob("test_*.py")
        if f.name != Path(__file__).name
    ), f"no test calls {needle} to run its examples"
