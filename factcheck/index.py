"""A compiled on-disk index of a claim store, so that checking neither parses the store's YAML nor
holds its claims in memory.

`<store>/index.sqlite` (SQLite, standard library) holds:
  meta      format version, factcheck version, claim count, and the fingerprint of the store files
            (names, sizes and mtimes of store.yaml and claims/*.yaml, and a hash of their content)
  works     each work's citation metadata as JSON
  claims    each claim as compact JSON (exactly what the YAML holds), its id and its work id; row
            numbers follow the order of the claim ids, so a tie broken by id is a tie broken by row
  postings  (token, claim): which claims have which tokens (`match.tokens`), keyed for lookup by token
  df        each token's document frequency

`SqliteIndex` answers `idf()` and `candidates()` like `match.Index` and ends in `match.rank`, so the
candidates, and so the verdicts, are the same. It reads only the postings of the draft claim's own
tokens, rarest first, and stops as soon as the claims not yet seen cannot reach the top `limit`
(the "max-score" rule): their score is at most the weight of the tokens not yet read. Only the top
claims' JSON is decoded.

`factcheck build` writes the index (`store.write` calls `build_index`); `open_indexed` builds it on
first use when it is missing or stale, in the store folder or, when that is read-only, in the user's
cache folder; failing both, the caller falls back to loading the YAML and the in-memory index.
Every index file is written whole under a temporary name and renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import FactcheckError
from factcheck.match import MAX_CANDIDATES, Candidate, rank, tokens
from factcheck.model import Claim, Work

if TYPE_CHECKING:
    import sqlite3

    from factcheck.store import Store

FORMAT = 1
INDEX_NAME = "index.sqlite"
_STRIDE = 1 << 40  # claim key = row + store number * _STRIDE when several stores are combined
_CHUNK = 900  # bound parameters per statement
_KEEP = 20_000  # decoded claims remembered between draft claims
_SLACK = 1e-9  # relative margin on score bounds: floating-point sums in another order

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE works(id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE claims(id INTEGER PRIMARY KEY, cid TEXT NOT NULL, work TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE postings(token TEXT NOT NULL, claim INTEGER NOT NULL, PRIMARY KEY(token, claim)) WITHOUT ROWID;
CREATE TABLE df(token TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""

# A claim whose tokens sign the token scheme: if `match.tokens` changes, indexes built under the old
# scheme no longer match and are rebuilt.
_PROBE = Claim(kind="numeric", quote="q", line=1, column=1, end_line=1, end_column=2, start=0, end=1,
               entities=("E",), terms=("term",), context=("ctx",), names=("N",), others=("O",),
               polarity=("rise:+",), source="w", file="f", id="i")


def _scheme() -> str:
    return f"{FORMAT}:" + hashlib.sha1("\0".join(sorted(tokens(_PROBE))).encode()).hexdigest()[:12]


# --- fingerprint --------------------------------------------------------------------------------


def store_files(folder: Path) -> list[Path]:
    """The files an index is derived from: store.yaml and claims/*.yaml, in a stable order."""
    files = [folder / "store.yaml"]
    claims = folder / "claims"
    if claims.is_dir():
        with os.scandir(claims) as it:
            files += sorted((Path(e.path) for e in it if e.name.endswith(".yaml") and e.is_file()),
                            key=lambda p: p.name)
    return files


def stat_fingerprint(folder: Path) -> str:
    """Names, sizes and modification times: cheap, checked on every open."""
    rows = []
    for f in store_files(folder):
        try:
            st = f.stat()
        except OSError:
            continue
        rows.append([f.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns])
    return json.dumps(rows, separators=(",", ":"))


def content_fingerprint(folder: Path) -> str:
    """A hash of the names and bytes: checked only when the cheap fingerprint differs (a touched or
    copied store keeps its index; an edited one does not)."""
    h = hashlib.sha256()
    for f in store_files(folder):
        try:
            data = f.read_bytes()
        except OSError:
            continue
        h.update(f"{f.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("factcheck")
    except Exception:
        return "unknown"


# --- writing ------------------------------------------------------------------------------------


def _claim_json(c: Claim) -> str:
    from factcheck.store import _claim_dict

    return json.dumps(_claim_dict(c), separators=(",", ":"), ensure_ascii=False)


def _work_json(w: Work) -> str:
    from factcheck.store import _work_dict

    return json.dumps(_work_dict(w), separators=(",", ":"), ensure_ascii=False)


def build_index(store: Store, path: Path, folder: Path | None = None) -> None:
    """Write the index of `store` to `path`, fingerprinting the store files in `folder` (by default
    the index's own folder). Atomic: a failure leaves any previous index as it was."""
    import sqlite3

    folder = folder if folder is not None else path.parent
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;")
            con.executescript(_SCHEMA)
            con.execute("BEGIN")
            con.executemany("INSERT INTO works VALUES (?, ?)",
                            ((w.id, _work_json(w)) for w in sorted(store.works.values(), key=lambda w: w.id)))
            ordered = sorted(store.claims, key=lambda c: c.id)
            postings: dict[str, list[int]] = {}
            for row, c in enumerate(ordered, 1):
                for t in tokens(c):
                    p = postings.get(t)
                    if p is None:
                        postings[t] = [row]
                    else:
                        p.append(row)
            con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?)",
                            ((row, c.id, c.source, _claim_json(c)) for row, c in enumerate(ordered, 1)))
            del ordered
            keys = sorted(postings)
            con.executemany("INSERT INTO df VALUES (?, ?)", ((t, len(postings[t])) for t in keys))
            con.executemany("INSERT INTO postings VALUES (?, ?)", ((t, r) for t in keys for r in postings[t]))
            del postings
            meta = {"format": str(FORMAT), "scheme": _scheme(), "factcheck": _version(),
                    "claims": str(len(store.claims)), "stat": stat_fingerprint(folder),
                    "content": content_fingerprint(folder)}
            con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            con.execute("COMMIT")
        finally:
            con.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; an index is as readable as its store
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- reading ------------------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    import sqlite3

    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    con.execute("PRAGMA cache_size=-16384")  # 16 MB of pages at most
    return con


def _meta(con: sqlite3.Connection) -> dict[str, str]:
    return dict(con.execute("SELECT key, value FROM meta").fetchall())


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class SqliteIndex:
    """`match.Index` over one or more compiled store indexes, reading postings from disk."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = tuple(paths)
        self._cons = [_connect(p) for p in self.paths]
        counts = [int(_meta(con)["claims"]) for con in self._cons]
        self.count = sum(counts)
        n = max(1, self.count)
        self._n = n
        self._default_idf = math.log(1 + n)
        self._df: dict[str, int] = {}
        self._idf: dict[str, float] = {}
        self._decoded: dict[int, Claim] = {}  # claims decoded for earlier drafts, up to _KEEP

    def close(self) -> None:
        for con in self._cons:
            con.close()

    # -- document frequencies

    def _load_df(self, toks: Iterable[str]) -> None:
        want = [t for t in toks if t not in self._df]
        if not want:
            return
        for t in want:
            self._df[t] = 0
        for con in self._cons:
            for part in _chunks(want):
                sql = f"SELECT token, n FROM df WHERE token IN ({_marks(len(part))})"
                for t, n in con.execute(sql, part):
                    self._df[t] += n

    def df(self, token: str) -> int:
        self._load_df((token,))
        return self._df[token]

    def idf(self, token: str) -> float:
        w = self._idf.get(token)
        if w is None:
            n = self.df(token)
            w = self._idf[token] = math.log(1 + self._n / n) if n else self._default_idf
        return w

    def known(self, entity: str) -> bool:
        """Whether any claim of the store names this entity."""
        return self.df(f"@{entity}") > 0

    # -- retrieval

    def _postings(self, token: str) -> list[tuple[int]]:
        """[(claim,)...] for one token: rows as SQLite returns them, the cheapest to iterate."""
        rows: list[tuple[int]] = []
        for k, con in enumerate(self._cons):
            part = con.execute("SELECT claim FROM postings WHERE token = ?", (token,)).fetchall()
            rows += [(r + k * _STRIDE,) for (r,) in part] if k else part
        return rows

    def _probe(self, toks: Sequence[str], keys: Sequence[int]) -> Iterator[tuple[str, int]]:
        """(token, claim) for the given tokens among the given claims."""
        by_store: dict[int, list[int]] = {}
        for key in keys:
            by_store.setdefault(key // _STRIDE, []).append(key % _STRIDE)
        for k, rows in by_store.items():
            base = k * _STRIDE
            con = self._cons[k]
            rows.sort()
            for part in _chunks(rows, _CHUNK - len(toks)):
                sql = (f"SELECT token, claim FROM postings WHERE token IN ({_marks(len(toks))}) "
                       f"AND claim IN ({_marks(len(part))})")
                for t, r in con.execute(sql, (*toks, *part)):
                    yield t, r + base

    def _cids(self, keys: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for k, con in enumerate(self._cons):
            rows = sorted(key % _STRIDE for key in keys if key // _STRIDE == k)
            for part in _chunks(rows):
                sql = f"SELECT id, cid FROM claims WHERE id IN ({_marks(len(part))})"
                for r, cid in con.execute(sql, part):
                    out[r + k * _STRIDE] = cid
        return out

    def fetch(self, keys: Sequence[int]) -> dict[int, Claim]:
        """The claims of these keys, decoded from their JSON (or remembered from an earlier draft
        claim: the claims of one draft's sentences overlap)."""
        from factcheck.store import _claim_from

        cache = self._decoded
        out = {k: cache[k] for k in keys if k in cache}
        todo = [k for k in keys if k not in out]
        if len(cache) + len(todo) > _KEEP:
            cache.clear()
        for k, con in enumerate(self._cons):
            rows = sorted(key % _STRIDE for key in todo if key // _STRIDE == k)
            for part in _chunks(rows):
                sql = f"SELECT id, work, data FROM claims WHERE id IN ({_marks(len(part))})"
                for r, work, data in con.execute(sql, part):
                    key = r + k * _STRIDE
                    out[key] = cache[key] = _claim_from(json.loads(data), work, self.paths[k])
        return out

    def _having(self, token: str, keys: list[int]) -> list[int]:
        """Those of `keys` whose claims have `token`: by lookups when they are few beside the token's
        postings, else by reading the postings."""
        if len(keys) * 4 < self._df[token]:
            return [key for t, key in self._probe((token,), keys)]
        wanted = set(keys)
        return [key for (key,) in self._postings(token) if key in wanted]

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        order = list(tokens(draft))  # the order match.Index adds weights in: same floats
        self._load_df(order)
        weight = {t: self.idf(t) for t in order}
        present = sorted((t for t in order if self._df[t]), key=lambda t: (-weight[t], t))
        if not present or limit <= 0:
            return rank(draft, (), self.idf, limit)
        bit = {t: 1 << i for i, t in enumerate(present)}
        rest = [0.0] * (len(present) + 1)  # rest[i]: the most that tokens i.. can add
        for i in range(len(present) - 1, -1, -1):
            rest[i] = rest[i + 1] + weight[present[i]]
        sums: dict[int, float] = {}

        def lower(mask: int) -> float:  # the weight of the tokens looked up so far that a claim has
            w = sums.get(mask)
            if w is None:
                w = sums[mask] = sum(weight[t] for t in present if mask & bit[t])
            return w

        def kth(masks: Iterable[int]) -> float:  # the limit-th best of those lower bounds
            seen = 0
            for w, n in sorted(((lower(m), n) for m, n in Counter(masks).items()), reverse=True):
                seen += n
                if seen >= limit:
                    return w
            return 0.0

        # 1. Read postings, rarest token first, until a claim not yet seen cannot make the top `limit`:
        #    its score is at most the weight of the tokens not read.
        masks: dict[int, int] = {}
        read = 0
        while read < len(present):
            b = bit[present[read]]
            get = masks.get
            for (key,) in self._postings(present[read]):
                masks[key] = get(key, 0) | b
            read += 1
            if read < len(present) and len(masks) >= limit \
                    and kth(masks.values()) > rest[read] * (1 + _SLACK):
                break
        # 2. Look the other tokens up for the claims seen, dropping as we go those whose best case
        #    falls below the limit-th lower bound.
        keep = list(masks)
        for j in range(read, len(present)):
            floor = kth(masks[k] for k in keep) * (1 - _SLACK)
            reach = rest[j] * (1 + _SLACK)
            keep = [k for k in keep if lower(masks[k]) + reach >= floor]
            b = bit[present[j]]
            for key in self._having(present[j], keep):
                masks[key] |= b
        # 3. Exact scores, summed in match.Index's order, and the top claims decoded.
        exact: dict[int, float] = {}
        score: dict[int, float] = {}
        for key in keep:
            m = masks[key]
            s = exact.get(m)
            if s is None:
                s = 0.0
                for t in order:
                    if t in bit and m & bit[t]:
                        s += weight[t]
                exact[m] = s
            score[key] = s
        top = self._top(score, limit)
        decoded = self.fetch(top)
        return rank(draft, ((decoded[k], score[k]) for k in top), self.idf, limit)

    def _top(self, score: dict[int, float], limit: int) -> list[int]:
        """The `limit` best claims by (score, id), as match.rank orders them."""
        if len(score) <= limit:
            return list(score)
        cut = sorted(score.values(), reverse=True)[limit - 1]
        above = [k for k, s in score.items() if s > cut]
        tied = [k for k, s in score.items() if s == cut]
        need = limit - len(above)
        if len(self._cons) == 1:  # rows are numbered in id order
            tied.sort(reverse=True)
        else:
            cids = self._cids(tied)
            tied.sort(key=lambda k: cids[k], reverse=True)
        return above + tied[:need]


# --- opening a store ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexedStore:
    """A store opened through its index: works in memory, claims on disk."""

    path: str
    works: dict[str, Work]
    index: SqliteIndex
    claim_count: int
    gazetteer: tuple[str, ...]


def cache_path(folder: Path) -> Path:
    """Where the index of a read-only store goes: the user's cache folder, one per store."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return base / "factcheck" / key / INDEX_NAME


def status(index: Path, folder: Path) -> str:
    """"fresh", "missing", "format" (another format version or token scheme), "stale" or "corrupt"."""
    import sqlite3

    if not index.is_file():
        return "missing"
    try:
        con = _connect(index)
        try:
            meta = _meta(con)
        finally:
            con.close()
    except sqlite3.Error:
        return "corrupt"
    if meta.get("format") != str(FORMAT) or meta.get("scheme") != _scheme():
        return "format"
    if "claims" not in meta:
        return "corrupt"
    if meta.get("stat") == stat_fingerprint(folder):
        return "fresh"
    if meta.get("content") == content_fingerprint(folder):
        _refresh_stat(index, folder)
        return "fresh"
    return "stale"


def _refresh_stat(index: Path, folder: Path) -> None:
    """Same content, new mtimes (a copy, a checkout): record them so the hash is not redone."""
    import sqlite3

    try:
        con = sqlite3.connect(index, isolation_level=None, timeout=0.5)
        try:
            con.execute("UPDATE meta SET value = ? WHERE key = 'stat'", (stat_fingerprint(folder),))
        finally:
            con.close()
    except (sqlite3.Error, OSError):
        pass  # read-only: the content hash will be checked again next time


def load_store(folder: Path) -> Store:
    """The store's claims from its YAML, through the C YAML parser when there is one. Anything
    unexpected goes to `store.load`, which validates and reports it with a line number."""
    import yaml

    from factcheck import store as store_mod

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load((folder / "store.yaml").read_text(encoding="utf-8"), Loader=loader)
        if not isinstance(data, dict) or data.get("version") != store_mod.FORMAT:
            return store_mod.load(folder)
        works = {}
        for w in data.get("sources") or []:
            works[str(w["id"])] = _work_from(w)
        claims: list[Claim] = []
        ids: set[str] = set()
        for f in sorted((folder / "claims").glob("*.yaml")):
            doc = yaml.load(f.read_text(encoding="utf-8"), Loader=loader)
            wid = str(doc.get("source"))
            if wid not in works or not isinstance(doc.get("claims"), list):
                return store_mod.load(folder)
            for raw in doc["claims"]:
                c = store_mod._claim_from(raw, wid, f)
                if c.id in ids:
                    return store_mod.load(folder)
                ids.add(c.id)
                claims.append(c)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError,
            FactcheckError):
        return store_mod.load(folder)
    return store_mod.Store(path=str(folder), works=works, claims=tuple(claims),
                           gazetteer=store_mod.gazetteer_files(folder))


def _work_from(w: dict[str, Any]) -> Work:
    from factcheck.store import _opt

    lines = w.get("lines")
    return Work(id=str(w["id"]), file=str(w.get("file") or ""), title=_opt(w.get("title")),
                author=_opt(w.get("author")), publisher=_opt(w.get("publisher")), date=_opt(w.get("date")),
                url=_opt(w.get("url")), lines=(int(lines[0]), int(lines[1])) if lines else None)


def ensure_index(folder: Path, *, rebuild: bool = True,
                 on_build: Callable[[Path], None] | None = None) -> Path | None:
    """The path of an up-to-date index of the store in `folder`, building one if needed: beside the
    store, else in the cache folder. None when neither can be written. With `rebuild=False` a
    missing or out-of-date index is an error instead."""
    if not folder.exists():
        raise FactcheckError("store not found (build one with `factcheck build SOURCE --out DIR`)",
                             str(folder))
    if not (folder / "store.yaml").is_file():
        raise FactcheckError("not a claim store: no store.yaml", str(folder))
    local, cached = folder / INDEX_NAME, cache_path(folder)
    for candidate in (local, cached):
        if status(candidate, folder) == "fresh":
            return candidate
    if not rebuild:
        why = {"format": f"was built by another version of factcheck (index format {FORMAT} expected)",
               "missing": "has no index", "stale": "index is out of date", "corrupt": "index is unreadable"}
        raise FactcheckError(f"the store {why[status(local, folder)]}; rebuild it with `factcheck build`",
                             str(local))
    built: Store | None = None
    for candidate in (local, cached):
        try:
            if built is None:
                built = load_store(folder)
            build_index(built, candidate, folder)
        except OSError:
            continue
        if on_build is not None:
            on_build(candidate)
        return candidate
    return None


def open_indexed(folders: Sequence[Path], *, rebuild: bool = True) -> IndexedStore | None:
    """Open one store, or several side by side, through their indexes (built if needed). None when
    an index cannot be had for every store: the caller then loads the YAML."""
    from factcheck import store as store_mod

    paths = []
    for folder in folders:
        p = ensure_index(folder, rebuild=rebuild)
        if p is None:
            return None
        paths.append(p)
    index = SqliteIndex(paths)
    works: dict[str, Work] = {}
    for con in index._cons:
        for _, data in con.execute("SELECT id, data FROM works"):
            w = _work_from(json.loads(data))
            works[w.id] = w
    gaz = tuple(g for f in folders for g in store_mod.gazetteer_files(f))
    return IndexedStore(path=", ".join(str(f) for f in folders), works=works, index=index,
                        claim_count=index.count, gazetteer=gaz)


__all__ = ["INDEX_NAME", "IndexedStore", "SqliteIndex", "build_index", "ensure_index", "open_indexed"]
