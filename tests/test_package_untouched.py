"""Checking against the bundled store writes nothing into the installed package: its index and lock
live in the user's cache, so an uninstall leaves nothing behind and a read-only site-packages works."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import index, lock
from factcheck.check import check, open_stores
from factcheck.config import Config
from factcheck.store import DEFAULT_STORE


def listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_bundled_store_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    before = listing(DEFAULT_STORE)
    draft = tmp_path / "d.md"
    draft.write_text(
        "Kyrgyzstan's debt to China constitutes 43 percent of its foreign debt.\n", encoding="utf-8"
    )
    store = open_stores(())
    try:
        report = check([str(draft)], store, Config())
    finally:
        store.index.close()
    assert report.claims == 1
    assert listing(DEFAULT_STORE) == before
    assert lock.packaged(DEFAULT_STORE)
    assert index.cache_path(DEFAULT_STORE).is_file()
