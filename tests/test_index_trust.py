"""An index that is never trusted (issue 12, point 3): whatever is wrong with index.sqlite (views,
triggers or tables it should not have, columns of other types, values of the wrong type, damaged
pages, a hot journal, queries that would run forever), the check rebuilds it and goes on, or says
so in one line: never a crash, never a hang."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import entities, index, store
from factcheck.backend import open_store
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.match import Index
from factcheck.reader import read_path

ROOT = Path(__file__).resolve().parent.parent
SEED_STORE = ROOT / "factcheck" / "data" / "claims"
DRAFT = ROOT / "tests" / "data" / "index_draft.md"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("trust") / "store"
    shutil.copytree(SEED_STORE, out, ignore=shutil.ignore_patterns("index.sqlite*", ".*"))
    index.build_index(store.load(out), out / index.INDEX_NAME, out)
    return out


@pytest.fixture
def folder(indexed: Path, tmp_path: Path) -> Path:
    out = tmp_path / "store"
    shutil.copytree(indexed, out, ignore=shutil.ignore_patterns(".*"))
    assert index.status(out / index.INDEX_NAME, out) == "fresh"
    return out


def _sql(*statements: str) -> Callable[[Path], None]:
    def tamper(path: Path) -> None:
        con = sqlite3.connect(path, isolation_level=None)
        try:
            for s in statements:
                con.execute(s)
        finally:
            con.close()

    return tamper


def _damage_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for at in range(3 * page, len(data), 7 * page):
        data[at + 8 : at + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))


def _hot_journal(path: Path) -> None:
    Path(f"{path}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 504)


TAMPERING = {
    "view": _sql("CREATE VIEW v AS SELECT * FROM claims"),
    "trigger": _sql("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM claims; END"),
    "extra-table": _sql("CREATE TABLE extra(x)"),
    "extra-index": _sql("CREATE INDEX i ON claims(work)"),
    "column-type": _sql(
        "DROP TABLE df", "CREATE TABLE df(token TEXT PRIMARY KEY, n TEXT NOT NULL) WITHOUT ROWID"
    ),
    "meta-type": _sql("UPDATE meta SET value = 5 WHERE key = 'claims'"),
    "count-mismatch": _sql("DELETE FROM claims WHERE id = 1"),
    "recursive-view": _sql(
        "DROP TABLE meta",
        "CREATE VIEW meta(key, value) AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
        "SELECT 'k' || n, 'v' FROM r",
    ),
    "damaged-pages": _damage_pages,
    "hot-journal": _hot_journal,
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
}


@pytest.mark.parametrize("tamper", TAMPERING.values(), ids=TAMPERING.keys())
def test_a_tampered_index_is_rebuilt(folder: Path, tamper: Callable[[Path], None]) -> None:
    path = folder / index.INDEX_NAME
    tamper(path)
    assert index.status(path, folder) == "corrupt"
    opened = open_store([folder])
    assert isinstance(opened.index, index.SqliteIndex) and opened.claim_count == len(
        store.load(folder).claims
    )
    assert index.status(path, folder) == "fresh"
    assert not Path(f"{path}-journal").exists()


def _claims(folder: Path) -> list[index.Claim]:
    return extract(read_path(DRAFT), entities.load(store.gazetteer_files(folder)))[:8]


@pytest.mark.parametrize(
    "tamper",
    [
        _sql("UPDATE claims SET data = '{\"id\": 5}'"),  # a value of the wrong type
        _sql("UPDATE claims SET data = 'not json'"),
        _damage_pages,
    ],
    ids=["wrong-type", "not-json", "damaged-pages"],
)
def test_damage_found_while_checking_rebuilds_and_retries(
    folder: Path, tamper: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large index is not read page by page on opening: damage shows during the check, which then
    rebuilds the index and asks again."""
    monkeypatch.setattr(index, "_SMALL", 0)
    opened = open_store([folder])
    memory = Index(store.load(folder).claims)
    tamper(folder / index.INDEX_NAME)
    for c in _claims(folder):
        got, want = opened.index.candidates(c), memory.candidates(c)
        assert [g.claim.id for g in got] == [w.claim.id for w in want]
    assert index.status(folder / index.INDEX_NAME, folder) == "fresh"


def test_every_call_is_under_a_time_limit(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no time at all, every SQLite call is interrupted (opening a small index, checked page by
    page just before, may be too quick for that; the queries of a check are not): one line, after
    one rebuild, not a hang."""
    monkeypatch.setattr(index, "LIMIT", -1.0)
    doc = read_path(DRAFT)
    with pytest.raises(FactcheckError, match="index is unusable"):
        opened = open_store([folder])
        for claim in extract(doc, entities.load(opened.gazetteer)):
            opened.index.candidates(claim)
