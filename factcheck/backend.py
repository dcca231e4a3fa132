"""Opening stores for checking: the one way in, whatever backend answers.

`open_store(folders)` gives an `OpenStore` whose `index` is a `match.ClaimIndex`: the SQLite index
of the stores (built or rebuilt as needed, under the store's lock), or, when no index can be
written anywhere, the YAML loaded into the in-memory `match.Index`. Verdict code sees only the
protocol, so another backend (a search server) plugs in here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck import entities
from factcheck import index as index_mod
from factcheck import store as store_mod
from factcheck.errors import FactcheckError
from factcheck.match import ClaimIndex, Index
from factcheck.model import Work


@dataclass(frozen=True)
class OpenStore:
    """One store, or several side by side, ready for checking."""

    path: str
    index: ClaimIndex
    gazetteer: tuple[str, ...]  # the stores' extensions of the bundled gazetteer
    names: tuple[entities.Found, ...] = ()  # names found in sources not yet written (a store built in memory)

    @property
    def works(self) -> Mapping[str, Work]:
        return self.index.works

    @property
    def claim_count(self) -> int:
        return self.index.count


def open_store(folders: Sequence[Path] = (), *, rebuild: bool = True) -> OpenStore:
    """Open the stores in `folders` (by default the bundled one) through their indexes, else, when
    none can be written, by loading their YAML."""
    folders = [store_mod.check_folder(f) for f in folders] or [store_mod.DEFAULT_STORE]
    path = ", ".join(str(f) for f in folders)
    gazetteer = tuple(g for f in folders for g in store_mod.gazetteer_files(f))
    paths = []
    for folder in folders:
        p = index_mod.ensure_index(folder, rebuild=rebuild)
        if p is None:
            break
        paths.append(p)
    else:
        rebuilders = [lambda f=folder: _rebuilt(f) for folder in folders]
        return OpenStore(path=path, index=index_mod.SqliteIndex(paths, rebuilders), gazetteer=gazetteer)
    return from_memory(*(store_mod.load(f) for f in folders))


def from_memory(*stores: store_mod.Store) -> OpenStore:
    """Stores held in memory (loaded, or just built) behind the in-memory index."""
    works = {k: v for s in stores for k, v in s.works.items()}
    claims = tuple(c for s in stores for c in s.claims)
    return OpenStore(
        path=", ".join(s.path for s in stores),
        index=Index(claims, works),
        gazetteer=tuple(g for s in stores for g in s.gazetteer),
        names=tuple(n for s in stores for n in s.names),
    )


def _rebuilt(folder: Path) -> Path:
    """A damaged index found while checking: build it afresh (the caller retries once)."""
    p = index_mod.ensure_index(folder, force=True)
    if p is None:
        raise FactcheckError(
            "the index is damaged and cannot be rebuilt (neither the store folder nor "
            "the cache folder can be written)",
            str(folder),
        )
    return p


__all__ = ["OpenStore", "from_memory", "open_store"]
