"""The entity tables of the language pack, each example run through the code that reads it: head
nouns through `name_kind`, the others through `entities.find` on a sentence."""

from __future__ import annotations

import re

import pytest

from factcheck import entities
from factcheck.lang import Entry, Table, table
from factcheck.model import Mention

GAZ = entities.load()


def _find(text: str) -> list[Mention]:
    return entities.find(text, GAZ)


def _has_word(text: str, words: list[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words)


def _cases(t: Table) -> list[object]:
    def label(e: Entry) -> str:
        return f"{t.name}:{e.fields.get('words') or e.fields.get('names') or e.fields.get('endings')}"[:60]

    return [pytest.param(e, id=label(e)) for e in t]


@pytest.mark.parametrize("entry", _cases(table("entity_heads")))
def test_entity_heads(entry: Entry) -> None:
    for name in entry.match:
        assert entities.name_kind(name) == entry["kind"], f"{name}: {entry.why}"
    for name in entry.reject:
        assert entities.name_kind(name) != entry["kind"], f"{name}: another head decides"


@pytest.mark.parametrize("entry", _cases(table("titles")))
def test_titles(entry: Entry) -> None:
    for name in entry.match:
        found = _find(f"Yesterday, {name} said so.")
        person = [m for m in found if m.end == len("Yesterday, ") + len(name)]
        assert person and not _has_word(person[0].text, entry["words"]), f"{name}: {found}"
    for name in entry.reject:
        found = _find(f"Yesterday, {name} said so.")
        assert any(_has_word(m.text, entry["words"]) for m in found), f"{name} keeps its word: {found}"


@pytest.mark.parametrize("entry", _cases(table("common_caps")))
def test_common_caps(entry: Entry) -> None:
    for text in entry.match:
        found = [m for m in _find(text) if m.kind == "name"]
        assert not any(_has_word(m.text, entry["words"]) for m in found), f"{text}: {found}"
    for text in entry.reject:
        assert _find(text), f"{text}: a name is still found"


@pytest.mark.parametrize("entry", _cases(table("particles")))
def test_particles(entry: Entry) -> None:
    for text in entry.match:
        if entry["joins"]:
            assert any(_has_word(m.text, entry["words"]) for m in _find(text)), f"{text}: {_find(text)}"
        else:
            initials = "".join(w[0] for w in text.split() if w[0].isupper())  # every particle skipped
            assert initials in entities.acronyms(text), f"{text}: {entities.acronyms(text)}"
    for text in entry.reject:
        assert not any(_has_word(m.text, entry["words"]) for m in _find(text)), f"{text}: {_find(text)}"


@pytest.mark.parametrize("entry", _cases(table("outlets")))
def test_outlets(entry: Entry) -> None:
    for text in entry.match:
        assert any(m.kind == "outlet" for m in _find(text)), f"{text}: {_find(text)}"
    for text in entry.reject:
        assert not any(m.kind == "outlet" for m in _find(text)), f"{text}: {_find(text)}"


@pytest.mark.parametrize("entry", _cases(table("demonym_plurals")))
def test_demonym_plurals(entry: Entry) -> None:
    for word in entry.match:
        found = _find(f"Most {word} voted.")
        assert any(m.kind == "country" and m.text == word for m in found), f"{word}: {found}"
    for word in entry.reject:
        found = _find(f"Most {word} voted.")
        assert not any(m.kind == "country" and m.text == word for m in found), f"{word}: {found}"


@pytest.mark.parametrize("entry", _cases(table("adjectival_suffixes")))
def test_adjectival_suffixes(entry: Entry) -> None:
    for text in entry.match:  # after an opening word: a sentence's first word is no name alone
        stem = text.split("-")[0].split()[-1]
        found = _find(f"Yesterday {text}")
        assert stem in {m.text for m in found}, f"{text}: {found}"
    for text in entry.reject:
        whole = text.split()[0]
        found = _find(f"Yesterday {text}")
        assert any(m.text == whole for m in found), f"{text}: {found}"
