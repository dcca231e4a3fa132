"""The index of a store that cannot hold its own lives in the user's cache under the store's content
fingerprint: copies of one store share it, an edited store never reuses it, and the note that spares
a read-only store being hashed on every check is never trusted past its store's file times."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck import index, store
from factcheck.backend import open_store

ROOT = Path(__file__).resolve().parent.parent
SEED_STORE = ROOT / "factcheck" / "data" / "claims"


@pytest.fixture
def stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, list[Path]]:
    """Two copies of the seed store whose folders refuse an index (as read-only folders do), and
    the list of index paths built."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    a, b = tmp_path / "a" / "store", tmp_path / "b" / "store"
    for out in (a, b):
        shutil.copytree(SEED_STORE, out, ignore=shutil.ignore_patterns("index.sqlite*", ".*"))
    built: list[Path] = []
    real = index.index_folder

    def read_only_stores(folder: Path, path: Path) -> None:
        if path.parent in (a, b):
            raise PermissionError(13, "Permission denied", str(path))
        built.append(path)
        real(folder, path)

    monkeypatch.setattr(index, "index_folder", read_only_stores)
    return a, b, built


def opened(folder: Path) -> tuple[Path, int]:
    s = open_store([folder])
    try:
        assert isinstance(s.index, index.SqliteIndex)
        (path,) = s.index.paths
        return path, s.claim_count
    finally:
        s.index.close()


def test_copies_share_one_cached_index(stores: tuple[Path, Path, list[Path]], tmp_path: Path) -> None:
    a, b, built = stores
    pa, _ = opened(a)
    pb, _ = opened(b)
    assert pa == pb == index.cache_path(a) == index.cache_path(b)
    assert pa.is_relative_to(tmp_path / "cache")
    assert len(built) == 1
    opened(a)
    opened(b)
    assert len(built) == 1  # each copy still finds it fresh: no rebuild, no hashing back and forth


def test_edited_store_gets_its_own_index(stores: tuple[Path, Path, list[Path]]) -> None:
    a, b, built = stores
    pa, count = opened(a)
    claims = sorted((b / "claims").glob("*.yaml"))[0]
    text = claims.read_text(encoding="utf-8")
    first = text.index("\n- ")  # drop the file's first claim
    second = text.index("\n- ", first + 1)
    claims.write_text(text[:first] + text[second:], encoding="utf-8")
    pb, edited = opened(b)
    assert pb != pa and len(built) == 2
    assert edited == count - 1 == len(store.load(b).claims)
    assert opened(a) == (pa, count)  # the unedited copy keeps its index


def test_touched_store_keeps_its_index(stores: tuple[Path, Path, list[Path]]) -> None:
    a, _, built = stores
    pa, _ = opened(a)
    for f in [a / "store.yaml", *(a / "claims").glob("*.yaml")]:
        os.utime(f, (1_000_000_000, 1_000_000_000))  # new times, same bytes (a checkout, a copy)
    assert opened(a)[0] == pa
    assert len(built) == 1


def test_damaged_note_is_not_trusted(stores: tuple[Path, Path, list[Path]]) -> None:
    a, _, built = stores
    pa, _ = opened(a)
    note = index._by_path(a).with_suffix(".json")
    assert note.is_file()
    for junk in ("{", '{"stat": 1}', "[]", '{"stat": "x", "content": "y"}'):
        note.write_text(junk, encoding="utf-8")
        assert opened(a)[0] == pa
    # A store edited since the note was written: its times differ, so it is hashed again.
    claims = sorted((a / "claims").glob("*.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert opened(a)[0] != pa
    assert len(built) == 2
