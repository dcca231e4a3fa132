"""The gazetteer a store built from some source texts checks drafts with, and what a name in a
sentence links to: shared by the entity-linking tests."""

from __future__ import annotations

from factcheck import entities
from factcheck.reader import parse


def gazetteer_of(sources: list[str]) -> entities.Gazetteer:
    """The bundled gazetteer extended by the names a build discovers in these sources."""
    docs = [parse(text, f"s{i}.txt", markdown=False) for i, text in enumerate(sources)]
    base = entities.load()
    return entities.extend(base, entities.discover_names(docs, base))


def entity_of(text: str, written: str, gaz: entities.Gazetteer) -> str | None:
    """The entity id the name `written` in `text` links to."""
    return next((m.entity for m in entities.find(text, gaz) if m.text == written), None)
