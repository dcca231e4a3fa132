"""The store protocol (`match.ClaimIndex`): every backend answers the same questions the same way,
within floating-point tolerance, so a new backend (a search server) is held to this file, not to
the SQLite index's float-for-float sums."""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factcheck import entities, index, store
from factcheck.backend import OpenStore, from_memory, open_store
from factcheck.check import Checker, check
from factcheck.config import Config
from factcheck.extract import extract
from factcheck.match import ClaimIndex, tokens
from factcheck.model import Claim
from factcheck.reader import read_path

ROOT = Path(__file__).resolve().parent.parent
SEED_STORE = ROOT / "factcheck" / "data" / "claims"
DRAFT = ROOT / "tests" / "data" / "index_draft.md"
TOL = 1e-9


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("backends") / "store"
    shutil.copytree(SEED_STORE, out, ignore=shutil.ignore_patterns("index.sqlite*", ".*"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(out.parent / "cache"))
        yield out


def _sqlite(folder: Path) -> OpenStore:
    opened = open_store([folder])
    assert isinstance(opened.index, index.SqliteIndex)
    return opened


def _memory(folder: Path) -> OpenStore:
    return from_memory(store.load(folder))


BACKENDS: dict[str, Callable[[Path], OpenStore]] = {"sqlite": _sqlite, "memory": _memory}


@pytest.fixture(scope="module")
def drafts(folder: Path) -> list[Claim]:
    claims = extract(read_path(DRAFT), entities.load(store.gazetteer_files(folder)))
    assert len(claims) >= 25
    return claims


@pytest.fixture(scope="module")
def reference(folder: Path) -> OpenStore:
    return _memory(folder)


@pytest.mark.parametrize("backend", BACKENDS)
def test_count_and_works(backend: str, folder: Path, reference: OpenStore) -> None:
    opened = BACKENDS[backend](folder)
    idx: ClaimIndex = opened.index
    assert idx.count == reference.index.count == len(store.load(folder).claims)
    assert dict(idx.works) == dict(reference.index.works)
    assert opened.claim_count == idx.count and opened.works == idx.works
    idx.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_idf_within_tolerance(backend: str, folder: Path, reference: OpenStore, drafts: list[Claim]) -> None:
    idx = BACKENDS[backend](folder).index
    for t in sorted({t for c in drafts for t in tokens(c)} | {"no-such-token"}):
        assert math.isclose(idx.idf(t), reference.index.idf(t), rel_tol=TOL), t


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("limit", [1, 5, 100])
def test_candidates_within_tolerance(
    backend: str, limit: int, folder: Path, reference: OpenStore, drafts: list[Claim]
) -> None:
    """The same claims with the same scores; where scores tie within tolerance, order may differ."""
    idx = BACKENDS[backend](folder).index
    for c in drafts:
        got, want = idx.candidates(c, limit), reference.index.candidates(c, limit)
        assert len(got) == len(want), c.quote
        for g, w in zip(got, want, strict=True):
            assert math.isclose(g.similarity, w.similarity, rel_tol=TOL, abs_tol=TOL), c.quote
            assert math.isclose(g.measure, w.measure, rel_tol=TOL, abs_tol=TOL), c.quote
        if want and len(want) == limit:
            cut = want[-1].similarity  # claims at the cut may be swapped for others tied with them
            firm = {w.claim.id for w in want if w.similarity > cut + TOL}
            assert firm <= {g.claim.id for g in got}, c.quote
        else:
            assert {g.claim for g in got} == {w.claim for w in want}, c.quote


@pytest.mark.parametrize("backend", BACKENDS)
def test_same_verdicts(backend: str, folder: Path, reference: OpenStore) -> None:
    def verdicts(opened: OpenStore) -> list[tuple[int, int, str]]:
        report = check([str(DRAFT)], opened, Config())
        return [(f.claim.line, f.claim.column, f.verdict.value) for fr in report.files for f in fr.findings]

    assert verdicts(BACKENDS[backend](folder)) == verdicts(reference)
    assert Checker(BACKENDS[backend](folder), Config()).info() == Checker(reference, Config()).info()
