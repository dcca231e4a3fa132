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

  bitmaps   for the tokens of more than 1/256 of the claims, their postings again as a bitmap (bit
            p set when the claim of row p has the token); rarer tokens' bitmaps are made from postings

`SqliteIndex` answers `idf()` and `candidates()` like `match.Index` and ends in `match.rank`, so the
candidates, and so the verdicts, are the same. It reads only the draft claim's own tokens, as
bitmaps (Python integers: and/or/xor run over machine words in C, a few microseconds for a million
claims), sums every claim's shared weight at once in bit slices, takes the claims that can be in the
top `limit`, scores those exactly the way `match.Index` does, and decodes only the final `limit`
claims' JSON. The work grows with the store by machine words, not by Python objects.

`factcheck build` writes the index (`write_store`, under the store's lock: see lock.py);
`ensure_index` builds it on first use when it is missing, stale or damaged, in the store folder or,
when that is read-only, in the user's cache folder; failing both, `backend.open_store` falls back to
loading the YAML and the in-memory index. Every index file is written whole under a temporary name
and renamed into place, by streaming claims (`index_folder`), fingerprinted before the YAML is read
and checked after. An index file is never trusted: `_connect` checks its schema and pages, and every
call runs under a time limit; `SqliteIndex` rebuilds a damaged index and asks again.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import json
import math
import os
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from factcheck import bounded, codec, derived, lock
from factcheck import store as store_mod
from factcheck.errors import FactcheckError
from factcheck.match import MAX_CANDIDATES, Candidate, rank, tokens, unseen_idf
from factcheck.model import Claim, ClaimKind, Polarity, Side, Stance, Work
from factcheck.store import Store

if TYPE_CHECKING:
    import sqlite3

R = TypeVar("R")

FORMAT = 2
INDEX_NAME = "index.sqlite"
_CHUNK = 900  # bound parameters per statement
_KEEP = 20_000  # decoded claims remembered between draft claims
_SCALE = 1 << 6  # shared weights are summed in units of 1/_SCALE, then checked exactly
_BITMAP_SHARE = 256  # a token in more than 1/_BITMAP_SHARE of the claims has its bitmap stored
_BITMAP_CACHE = 64 << 20  # bytes of bitmaps kept between draft claims
_EXTRACT = 4096  # claims near the threshold beyond which they are grouped by bitmap first
_BUILD_CACHE = 32 << 10  # KB of page cache while building: the build's memory does not grow with the store

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE works(id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE claims(id INTEGER PRIMARY KEY, cid TEXT NOT NULL, work TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE postings(token TEXT NOT NULL, claim INTEGER NOT NULL, PRIMARY KEY(token, claim)) WITHOUT ROWID;
CREATE TABLE df(token TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE bitmaps(token TEXT PRIMARY KEY, bits BLOB NOT NULL);
"""

# A claim whose tokens sign the token scheme: if `match.tokens` changes, indexes built under the old
# scheme no longer match and are rebuilt.
_PROBE = Claim(
    kind=ClaimKind.NUMERIC,
    quote="q",
    line=1,
    column=1,
    end_line=1,
    end_column=2,
    start=0,
    end=1,
    entities=("E",),
    terms=("term",),
    context=("ctx",),
    names=("N",),
    others=("O",),
    polarity=Polarity(frozenset({Stance("rise", Side.FOR)})),
    source="w",
    file="f",
    id="i",
)


def _scheme() -> str:
    return f"{FORMAT}:" + hashlib.sha1("\0".join(sorted(tokens(_PROBE))).encode()).hexdigest()[:12]


# --- fingerprint --------------------------------------------------------------------------------


def store_files(folder: Path) -> list[Path]:
    """The files an index is derived from: store.yaml and claims/*.yaml, in a stable order."""
    return [folder / "store.yaml", *store_mod.claim_files(folder)]


def stat_fingerprint(folder: Path) -> str:
    """A hash of the names, sizes and modification times: cheap (no file is read), checked on every
    open."""
    rows = []
    try:
        st = os.stat(folder / "store.yaml")
        rows.append(f"store.yaml\0{st.st_size}\0{st.st_mtime_ns}\n")
    except OSError:
        pass
    try:
        with os.scandir(folder / "claims") as it:
            entries = sorted(
                (e for e in it if e.name.endswith(".yaml") and e.is_file()), key=lambda e: e.name
            )
        for e in entries:
            st = e.stat()
            rows.append(f"claims/{e.name}\0{st.st_size}\0{st.st_mtime_ns}\n")
    except OSError:
        pass
    return hashlib.sha256("".join(rows).encode()).hexdigest()


def content_fingerprint(folder: Path) -> str:
    """A hash of the names and bytes: checked only when the cheap fingerprint differs (a touched or
    copied store keeps its index; an edited one does not)."""
    h = hashlib.sha256()
    for f in store_files(folder):
        try:
            data = bounded.read_bytes(f, limit=None)  # a FIFO in a store is refused, not waited on
        except (OSError, FactcheckError):
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
    return json.dumps(codec.encode(c), separators=(",", ":"), ensure_ascii=False)


def _work_json(w: Work) -> str:
    return json.dumps(codec.encode(w), separators=(",", ":"), ensure_ascii=False)


class StoreChanged(Exception):
    """The store's files changed while its index was being built: the work is thrown away."""


Claims = Iterable[tuple[Path | None, int | None, Claim]]  # (file, line, claim): where to report a duplicate


def build_index(store: Store, path: Path, folder: Path | None = None) -> None:
    """Write the index of a store held in memory to `path`, fingerprinting the store files in `folder`
    (by default the index's own folder). Atomic: a failure leaves any previous index as it was."""
    folder = folder if folder is not None else path.parent
    meta = {"stat": stat_fingerprint(folder), "content": content_fingerprint(folder)}
    _write(path, store.works.values(), ((None, None, c) for c in store.claims), lambda: meta)


def index_folder(folder: Path, path: Path) -> None:
    """Write the index of the store in `folder` to `path`, streaming its claims from the YAML one file
    at a time (memory grows with the largest claims file, not with the store). The fingerprint is
    taken before the files are read and checked after: a store that changed meanwhile raises
    StoreChanged and nothing is written."""
    before = stat_fingerprint(folder)
    digest = hashlib.sha256()

    def read(f: Path) -> bytes:
        data = bounded.read_bytes(f, limit=None)  # a FIFO in a store is refused, not waited on
        digest.update(f"{f.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
        return data

    works = store_mod.read_works(folder, read(folder / "store.yaml"))

    def claims() -> Claims:
        for f in store_mod.claim_files(folder):
            for line, c in store_mod.read_claims(f, read(f), works):
                yield f, line, c

    def fingerprint() -> dict[str, str]:
        if stat_fingerprint(folder) != before:
            raise StoreChanged(str(folder))
        return {"stat": before, "content": digest.hexdigest()}

    _write(path, works.values(), claims(), fingerprint)


def clear_stale(path: Path) -> None:
    """Remove what killed builds of this index left: temporary files (SIGKILL, power cut) and a
    journal, which SQLite would otherwise replay into the next index under that name. Called under
    the store's exclusive lock, so no live build owns them."""
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        tmp.unlink(missing_ok=True)
    for side in ("-journal", "-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)


def _write(
    path: Path, works: Iterable[Work], claims: Claims, fingerprint: Callable[[], dict[str, str]]
) -> None:
    """Build the index under a temporary name and rename it into place. Claims go first into a
    staging database beside it (by id, so duplicates show and rows follow id order), and postings are
    sorted by SQLite on disk: memory stays bounded whatever the number of claims."""
    import sqlite3
    import tempfile  # here: only a build writes

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    stage = Path(name[: -len(".tmp")] + ".stage.tmp")
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            _fill(con, stage, works, claims, fingerprint)
        finally:
            con.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; an index is as readable as its store
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        stage.unlink(missing_ok=True)
        Path(f"{stage}-journal").unlink(missing_ok=True)


def _fill(
    con: sqlite3.Connection,
    stage: Path,
    works: Iterable[Work],
    claims: Claims,
    fingerprint: Callable[[], dict[str, str]],
) -> None:
    import sqlite3

    con.executescript(
        f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-{_BUILD_CACHE};"
        "PRAGMA temp_store=FILE;"
    )
    con.executescript(_SCHEMA)
    # the name as bytes: SQLite takes them as they are, where a str must encode to UTF-8 (a store
    # folder's name need not)
    con.execute("ATTACH DATABASE ? AS stage", (os.fsencode(stage),))
    con.executescript(
        "PRAGMA stage.journal_mode=OFF; PRAGMA stage.synchronous=OFF;"
        "CREATE TABLE stage.claims(cid TEXT PRIMARY KEY, work TEXT NOT NULL,"
        " data TEXT NOT NULL, toks TEXT NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE stage.postings(token TEXT NOT NULL, claim INTEGER NOT NULL);"
    )
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO works VALUES (?, ?)", ((w.id, _work_json(w)) for w in sorted(works, key=lambda w: w.id))
    )
    insert = "INSERT INTO stage.claims VALUES (?, ?, ?, ?)"
    for f, line, c in claims:
        try:
            con.execute(insert, (c.id, c.source, _claim_json(c), json.dumps(sorted(tokens(c)))))
        except sqlite3.IntegrityError:
            raise FactcheckError(f"duplicate claim id {c.id!r}", str(f) if f else None, line) from None
    count = 0
    rows = con.execute("SELECT cid, work, data, toks FROM stage.claims ORDER BY cid")
    writer = con.cursor()
    for cid, work, data, toks in rows:  # rows numbered in claim id order: ties break by row
        count += 1
        writer.execute("INSERT INTO claims VALUES (?, ?, ?, ?)", (count, cid, work, data))
        writer.executemany("INSERT INTO stage.postings VALUES (?, ?)", ((t, count) for t in json.loads(toks)))
    con.execute("INSERT INTO postings SELECT token, claim FROM stage.postings ORDER BY token, claim")
    con.execute("INSERT INTO df SELECT token, count(*) FROM postings GROUP BY token")
    common = max(_BITMAP_SHARE, count // _BITMAP_SHARE)
    for (token,) in con.execute("SELECT token FROM df WHERE n > ? ORDER BY token", (common,)).fetchall():
        buf = bytearray(count // 8 + 1)
        for (r,) in con.execute("SELECT claim FROM postings WHERE token = ?", (token,)):
            buf[r >> 3] |= 1 << (r & 7)
        con.execute("INSERT INTO bitmaps VALUES (?, ?)", (token, bytes(buf.rstrip(b"\0"))))
    meta = {
        "format": str(FORMAT),
        "scheme": _scheme(),
        "factcheck": _version(),
        "claims": str(count),
        **fingerprint(),
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    con.execute("COMMIT")
    con.execute("DETACH DATABASE stage")


# --- reading ------------------------------------------------------------------------------------


class IndexDamaged(Exception):
    """An index file that is not what `build_index` writes: it is rebuilt, never trusted."""


_SMALL = 4 << 20  # bytes: an index this small has every page checked when its status is taken (~10 ms)


@functools.cache
def _expected_schema() -> list[tuple[str, str, str, str | None]]:
    import sqlite3

    con = sqlite3.connect(":memory:")
    try:
        con.executescript(_SCHEMA)
        return sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        con.close()


def _connect(path: Path, deadline: Callable[[], float], *, pages: bool = False) -> sqlite3.Connection:
    """A read-only connection to an index that has been checked: every SQLite call on it is
    interrupted (sqlite3.OperationalError) once `deadline()` has passed. Raises IndexDamaged or
    sqlite3.Error for anything that is not an index as `build_index` writes it (with `pages`, a small
    index has every page read; a larger one's damage shows when a query meets it)."""
    import sqlite3

    for side in ("-journal", "-wal"):
        if Path(f"{path}{side}").exists():  # a hot journal: a writer died in the middle of a change
            raise IndexDamaged(f"{path}{side} left beside the index")
    con = sqlite3.connect(
        path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        con.set_progress_handler(lambda: time.monotonic() > deadline(), 1000)
        con.execute("PRAGMA trusted_schema=OFF")  # nothing in the file may run functions on our behalf
        con.execute("PRAGMA cache_size=-16384")  # 16 MB of pages at most (no mmap: 5% faster, 3x the RSS)
        if sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")) != _expected_schema():
            raise IndexDamaged("unexpected tables, columns, views, triggers or indexes")
        (page_size,) = con.execute("PRAGMA page_size").fetchone()
        (count,) = con.execute("PRAGMA page_count").fetchone()
        size = path.stat().st_size
        if page_size * count != size:
            raise IndexDamaged(f"{size} bytes on disk for {count} pages of {page_size}")
        # Only when asked (`status`, just before the index is opened again to be read): the page
        # count once shadowed the flag here, and every opening read every page twice.
        if pages and count and size <= _SMALL and con.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
            raise IndexDamaged("damaged pages")
        if con.execute(
            "SELECT count(*) FROM meta WHERE typeof(key) != 'text' OR typeof(value) != 'text'"
        ).fetchone() != (0,):
            raise IndexDamaged("meta values of the wrong type")
    except BaseException:
        con.close()
        raise
    return con


def _meta(con: sqlite3.Connection) -> dict[str, str]:
    return dict(con.execute("SELECT key, value FROM meta").fetchall())


def _count(con: sqlite3.Connection) -> int:
    """The claim count the meta table records, checked against the claims table."""
    meta = _meta(con)
    try:
        n = int(meta["claims"])
    except (KeyError, ValueError):
        raise IndexDamaged("no claim count") from None
    # Rows are numbered 1..n: the ends are two b-tree lookups (a count would read the whole table);
    # a row missing in between shows when it is fetched.
    first = con.execute("SELECT min(id) FROM claims").fetchone()
    last = con.execute("SELECT max(id) FROM claims").fetchone()
    if (first, last) != (((1,), (n,)) if n else ((None,), (None,))):
        raise IndexDamaged("claim rows do not match the claim count")
    return n


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


LIMIT = 30.0  # seconds any one index operation may take before the index is taken as damaged
Rebuild = Callable[[], Path]  # builds a store's index afresh and gives its path


class SqliteIndex:
    """A `match.ClaimIndex` over one or more compiled store indexes, reading postings from disk.

    The files are distrusted: they are checked on opening, every call runs under a time limit, and
    an error from SQLite or from decoding what it returned makes the index be rebuilt (through
    `rebuild`, one function per path) and the call be tried once more."""

    def __init__(self, paths: Sequence[Path], rebuild: Sequence[Rebuild] | None = None) -> None:
        self._rebuild = tuple(rebuild) if rebuild is not None else None
        self._deadline = time.monotonic() + LIMIT
        self._busy = False
        self._cons: list[sqlite3.Connection] = []
        self.paths: tuple[Path, ...] = tuple(paths)
        self._guarded(self._open)

    def _open(self) -> None:
        self.close()
        for p in self.paths:
            self._cons.append(_connect(p, lambda: self._deadline))
        counts = [_count(con) for con in self._cons]
        self.count = sum(counts)
        self._n = max(1, self.count)
        self._default_idf = math.log(1 + self._n)
        # A claim's position in the bitmaps: its row, after the rows of the stores before its own.
        self._offsets = [sum(c + 1 for c in counts[:k]) for k in range(len(counts))]
        self._by_id = len(self._cons) == 1  # positions follow claim ids, so ties break by position
        self._df: dict[str, int] = {}
        self._idf: dict[str, float] = {}
        self._bitmaps: OrderedDict[str, tuple[int, bytes]] = OrderedDict()  # least recently used first
        self._bitmap_bytes = 0
        self._decoded: dict[int, Claim] = {}  # claims decoded for earlier drafts, up to _KEEP
        works: dict[str, Work] = {}
        for con in self._cons:
            for _, data in con.execute("SELECT id, data FROM works"):
                w = codec.decode(Work, json.loads(data))
                works[w.id] = w
        self.works: Mapping[str, Work] = works

    def _guarded(self, fn: Callable[..., R], *args: Any) -> R:
        """`fn(*args)` under the time limit; on a damaged index, rebuilt and tried again once."""
        import sqlite3

        if self._busy:  # called from a guarded call: that one handles errors
            return fn(*args)
        for attempt in (0, 1):
            self._deadline = time.monotonic() + LIMIT
            self._busy = True
            try:
                if attempt and self._rebuild is not None:
                    self.paths = tuple(rebuild() for rebuild in self._rebuild)
                    if fn != self._open:
                        self._open()
                return fn(*args)
            except (sqlite3.Error, IndexDamaged, codec.CodecError, ValueError, KeyError, TypeError) as e:
                if attempt or self._rebuild is None:
                    where = ", ".join(map(str, self.paths))
                    raise FactcheckError(
                        f"the index is unusable ({type(e).__name__}: {e}); delete it and "
                        "run again to rebuild it",
                        where,
                    ) from None
            finally:
                self._busy = False
        raise AssertionError("unreachable")

    def close(self) -> None:
        for con in self._cons:
            con.close()
        self._cons = []

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
            n = self._df.get(token)
            if n is None:  # asked thousands of times a check, mostly for frequencies already loaded
                n = self._guarded(self.df, token)
            w = self._idf[token] = math.log(1 + self._n / n) if n else unseen_idf(token, self._default_idf)
        return w

    # -- claims by position

    def _split(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._offsets, pos) - 1
        return k, pos - self._offsets[k]

    def _rows(self, keys: Iterable[int]) -> dict[int, list[int]]:
        by_store: dict[int, list[int]] = {}
        for key in keys:
            k, row = self._split(key)
            by_store.setdefault(k, []).append(row)
        return by_store

    def _cids(self, keys: Iterable[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for k, rows in self._rows(keys).items():
            for part in _chunks(sorted(rows)):
                sql = f"SELECT id, cid FROM claims WHERE id IN ({_marks(len(part))})"
                for r, cid in self._cons[k].execute(sql, part):
                    out[r + self._offsets[k]] = cid
        return out

    def fetch(self, keys: Sequence[int]) -> dict[int, Claim]:
        """The claims at these positions, decoded from their JSON (or remembered from an earlier
        draft claim: the candidates of one draft's sentences overlap)."""
        return self._guarded(self._fetch, keys)

    def _fetch(self, keys: Sequence[int]) -> dict[int, Claim]:
        cache = self._decoded
        out = {k: cache[k] for k in keys if k in cache}
        todo = [k for k in keys if k not in out]
        if len(cache) + len(todo) > _KEEP:
            cache.clear()
        for k, rows in self._rows(todo).items():
            for part in _chunks(sorted(rows)):
                sql = f"SELECT id, work, data FROM claims WHERE id IN ({_marks(len(part))})"
                for r, work, data in self._cons[k].execute(sql, part):
                    key = r + self._offsets[k]
                    out[key] = cache[key] = codec.decode(Claim, json.loads(data), source=work)
        if len(out) != len(keys):
            raise IndexDamaged("claim rows missing")
        return out

    def claims(self) -> Iterator[Claim]:
        """Every claim of the store, decoded (for tools; checking never needs them all)."""
        for con in self._cons:
            for _, work, data in con.execute("SELECT id, work, data FROM claims ORDER BY id"):
                yield codec.decode(Claim, json.loads(data), source=work)

    # -- postings as bitmaps

    def _bitmap(self, token: str) -> tuple[int, bytes]:
        """The claims that have `token`, as an integer with one bit per position (for arithmetic)
        and as its little-endian bytes (to test single positions): stored for common tokens, made
        from the postings rows for the others; the most recently used are kept."""
        got = self._bitmaps.get(token)
        if got is not None:
            self._bitmaps.move_to_end(token)
            return got
        bits = 0
        for k, con in enumerate(self._cons):
            row = con.execute("SELECT bits FROM bitmaps WHERE token = ?", (token,)).fetchone()
            if row is not None:
                blob = bytes(row[0])
            else:
                rows = con.execute("SELECT claim FROM postings WHERE token = ?", (token,))
                blob = _to_blob([r for (r,) in rows])
            bits |= int.from_bytes(blob, "little") << self._offsets[k]
        if len(self._cons) > 1 or not blob:
            blob = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
        got = self._bitmaps[token] = (bits, blob)
        self._bitmap_bytes += 2 * len(blob)
        while self._bitmap_bytes > _BITMAP_CACHE and len(self._bitmaps) > 1:
            _, (_, old) = self._bitmaps.popitem(last=False)
            self._bitmap_bytes -= 2 * len(old)
        return got

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        return self._guarded(self._candidates, draft, limit)

    def _candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        """The `limit` claims sharing the most token weight with `draft`, as `match.Index` gives them.

        Each token's postings are a bitmap; the claims' shared weights, in whole units of
        1/_SCALE, are summed for every claim at once in bit slices (a binary adder over bitmaps).
        The limit-th best sum gives a threshold that every claim of the true top `limit` reaches
        within a known rounding margin; only those claims get exact scores, summed as
        `match.Index` sums them, and only the final `limit` are decoded."""
        order = list(tokens(draft))  # the order match.Index adds weights in: same floats
        self._load_df(order)
        weight = {t: self.idf(t) for t in order}
        present = sorted((t for t in order if self._df[t]), key=lambda t: (-weight[t], t))
        if not present or limit <= 0:
            return rank(draft, (), self.idf, limit)
        loaded = [self._bitmap(t) for t in present]
        maps = [bits for bits, _ in loaded]
        blobs = [blob for _, blob in loaded]
        anyone = 0
        for b in maps:
            anyone |= b
        near = anyone
        if anyone.bit_count() > limit:
            slices = _add(maps, [int(weight[t] * _SCALE) for t in present])
            kth = _kth_largest(slices, anyone, limit)
            near = _at_least(slices, anyone, kth - len(present) - 1)  # rounding: < 1 per token
        exact: dict[int, float] = {}
        bit = {t: j for j, t in enumerate(present)}

        def score(mask: int) -> float:  # summed in match.Index's order: the same floats
            s = exact.get(mask)
            if s is None:
                s = 0.0
                for t in order:
                    j = bit.get(t)
                    if j is not None and mask >> j & 1:
                        s += weight[t]
                exact[mask] = s
            return s

        if near.bit_count() <= _EXTRACT:
            scores = {p: score(m) for p, m in _masks_at(near, blobs).items()}
        else:  # many claims tie near the threshold: group them by their tokens first
            groups: dict[float, int] = {}
            for mask, members in _masks(near, maps):
                s = score(mask)
                groups[s] = groups.get(s, 0) | members
            scores, taken = {}, 0
            for s in sorted(groups, reverse=True):
                n = groups[s].bit_count()
                if taken >= limit:
                    break
                if taken + n > limit:  # the boundary: its ties are settled below, by id
                    scores.update(dict.fromkeys(self._best_ids(groups[s], limit - taken), s))
                    break
                scores.update(dict.fromkeys(_positions(groups[s]), s))
                taken += n
        top = self._top(scores, limit)
        decoded = self._fetch(top)
        # The verdict weighs the candidates' words by IDF: their frequencies in one query per chunk,
        # not one query per word (hundreds for a page of claims).
        self._load_df({t for p in top for t in tokens(decoded[p])})
        return rank(draft, ((decoded[p], scores[p]) for p in top), self.idf, limit)

    def _best_ids(self, members: int, n: int) -> list[int]:
        """The `n` positions in `members` with the largest claim ids."""
        if self._by_id:
            return _highest(members, n)
        cids = self._cids(_positions(members))
        return sorted(cids, key=cids.__getitem__, reverse=True)[:n]

    def _top(self, scores: dict[int, float], limit: int) -> list[int]:
        """The `limit` best positions by (score, claim id), as match.rank orders them."""
        if len(scores) <= limit:
            return list(scores)
        cut = sorted(scores.values(), reverse=True)[limit - 1]
        above = [p for p, s in scores.items() if s > cut]
        tied = [p for p, s in scores.items() if s == cut]
        if self._by_id:
            tied.sort(reverse=True)
        else:
            cids = self._cids(tied)
            tied.sort(key=cids.__getitem__, reverse=True)
        return above + tied[: limit - len(above)]


# --- bitmap arithmetic --------------------------------------------------------------------------
# Python integers as bitmaps: bit p is set when the claim at position p is in the set. And, or and
# xor run over machine words in C, so one operation costs a few microseconds at a million claims.

_BITS = [tuple(i for i in range(8) if b >> i & 1) for b in range(256)]
_NONZERO = re.compile(rb"[^\x00]")


def _to_blob(rows: Sequence[int]) -> bytes:
    if not rows:
        return b""
    buf = bytearray(max(rows) // 8 + 1)
    for r in rows:
        buf[r >> 3] |= 1 << (r & 7)
    return bytes(buf)


def _positions(bits: int) -> list[int]:
    """The set bits, lowest first."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    out: list[int] = []
    for m in _NONZERO.finditer(data):
        base = m.start() * 8
        out += [base + i for i in _BITS[data[m.start()]]]
    return out


def _highest(bits: int, n: int) -> list[int]:
    """The `n` highest set bits."""
    if n <= 0:
        return []
    size = (bits.bit_length() + 7) // 8
    data = bits.to_bytes(size, "big")
    out: list[int] = []
    for m in _NONZERO.finditer(data):
        base = (size - 1 - m.start()) * 8
        for i in reversed(_BITS[data[m.start()]]):
            out.append(base + i)
            if len(out) == n:
                return out
    return out


def _add(maps: Sequence[int], amounts: Sequence[int]) -> list[int]:
    """Bit slices of the sum, for each position, of the amounts of the bitmaps that have it:
    slice i holds bit i of every position's sum (ripple-carry addition, a bitmap at a time)."""
    slices = [0] * (sum(amounts).bit_length() + 1)
    for bits, amount in zip(maps, amounts, strict=True):
        for j in range(amount.bit_length()):
            if amount >> j & 1:
                carry, i = bits, j
                while carry:
                    s = slices[i]
                    slices[i] = s ^ carry
                    carry &= s
                    i += 1
    return slices


def _kth_largest(slices: Sequence[int], among: int, k: int) -> int:
    """The k-th largest sum among the positions in `among` (which holds at least k)."""
    value, above = 0, 0
    for i in range(len(slices) - 1, -1, -1):
        ones = among & slices[i]
        n = ones.bit_count()
        if above + n >= k:
            among, value = ones, value | 1 << i
        else:
            above += n
            among ^= ones
    return value


def _at_least(slices: Sequence[int], among: int, floor: int) -> int:
    """The positions in `among` whose sum is at least `floor`."""
    if floor <= 0:
        return among
    above, equal = 0, among
    for i in range(len(slices) - 1, -1, -1):
        ones = equal & slices[i]
        if floor >> i & 1:
            equal = ones
        else:
            above |= ones
            equal ^= ones
        if not equal:
            break
    return above | equal


def _masks(bits: int, maps: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(mask, positions) for each set of tokens that positions in `bits` have: bit j of the mask
    for maps[j]. Splits by one bitmap at a time, skipping empty branches."""
    stack = [(bits, 0, 0)]
    while stack:
        b, j, mask = stack.pop()
        if j == len(maps):
            yield mask, b
            continue
        with_ = b & maps[j]
        if with_:
            stack.append((with_, j + 1, mask | 1 << j))
        if with_ != b:
            stack.append((b ^ with_, j + 1, mask))


def _masks_at(bits: int, blobs: Sequence[bytes]) -> dict[int, int]:
    """position -> mask for the (few) positions in `bits`: bit j of the mask set when the bitmap
    whose bytes are blobs[j] has the position."""
    masks = {}
    for p in _positions(bits):
        i, flag, m = p >> 3, 1 << (p & 7), 0
        for j, blob in enumerate(blobs):
            if i < len(blob) and blob[i] & flag:
                m |= 1 << j
        masks[p] = m
    return masks


# --- opening a store ----------------------------------------------------------------------------


def cache_path(folder: Path) -> Path:
    """Where the index of a store that cannot hold its own goes (a read-only install, a shared
    folder, the bundled store): the user's cache folder, under the store's content fingerprint, so
    two copies of one store share an index and an edited store never meets one built before."""
    return _cached_at(store_content(folder))


def _cached_at(content: str) -> Path:
    return derived.cache_home() / "stores" / content[:32] / INDEX_NAME


def _by_path(folder: Path) -> Path:
    """The cache's notes on one store folder (its lock, its last known content), by its path."""
    key = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:16]  # any name: bytes, not UTF-8
    return derived.cache_home() / "stores" / "paths" / key


def store_content(folder: Path) -> str:
    """The store's content fingerprint, without reading its files while their names, sizes and times
    are the ones it was last computed for (noted in the cache, per folder): a large read-only
    store is hashed once, not on every check."""
    note = _by_path(folder).with_suffix(".json")
    stat = stat_fingerprint(folder)
    try:
        known = json.loads(note.read_text(encoding="utf-8"))
        if known["stat"] == stat and isinstance(known["content"], str) and len(known["content"]) == 64:
            return str(known["content"])
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no note, or a damaged one: hashed again
    content = content_fingerprint(folder)
    if stat_fingerprint(folder) == stat:  # not edited while it was read: worth noting
        from factcheck.safewrite import atomic_write

        with contextlib.suppress(OSError):
            atomic_write(note, json.dumps({"stat": stat, "content": content}))
    return content


def _lock_fallback(folder: Path) -> Path:
    return _by_path(folder).with_suffix(".lock")


def status(index: Path, folder: Path, content: str | None = None) -> str:
    """ "fresh", "touched" (the store's files have new times, the same bytes), "missing", "format"
    (another format version or token scheme), "stale" or "corrupt" (anything else that is not an
    index as `build_index` writes it). `content`: the store's content fingerprint when known (an
    index in the cache, shared by copies of the store: theirs are fresh whatever their times)."""
    import sqlite3

    if not index.is_file():
        return "missing"
    deadline = time.monotonic() + LIMIT
    try:
        con = _connect(index, lambda: deadline, pages=True)
        try:
            meta = _meta(con)
            if meta.get("format") != str(FORMAT) or meta.get("scheme") != _scheme():
                return "format"
            _count(con)
        finally:
            con.close()
    except (sqlite3.Error, IndexDamaged, OSError):
        return "corrupt"
    if meta.get("stat") == stat_fingerprint(folder):
        return "fresh"
    if content is not None:
        return "fresh" if meta.get("content") == content else "stale"
    if meta.get("content") == content_fingerprint(folder):
        return "touched"
    return "stale"


def _refresh_stat(index: Path, folder: Path) -> None:
    """Same content, new mtimes (a copy, a checkout): record them so the hash is not redone. Only
    when no one else holds the lock, and without a journal (one page changes)."""
    import sqlite3

    with lock.try_exclusive(folder, _lock_fallback(folder)) as got:
        if not got:
            return
        try:
            con = sqlite3.connect(index, isolation_level=None, timeout=0.5)
            try:
                con.execute("PRAGMA journal_mode=OFF")
                con.execute("UPDATE meta SET value = ? WHERE key = 'stat'", (stat_fingerprint(folder),))
            finally:
                con.close()
        except (sqlite3.Error, OSError):
            pass  # read-only: the content hash will be checked again next time


def ensure_index(folder: Path, *, rebuild: bool = True, force: bool = False) -> Path | None:
    """The path of an up-to-date index of the store in `folder`, building one if needed (always, with
    `force`: the one found was damaged): beside the store, else in the cache folder. None when
    neither can be written. With `rebuild=False` a missing or out-of-date index is an error instead.

    Readers decide under the store's shared lock, so they never see a build half done; a rebuild
    holds it exclusively and looks again first, so checks that start together wait for one rebuild
    instead of each doing it."""
    store_mod.check_folder(folder)
    # The bundled store's index goes to the user's cache: nothing is written into the package.
    local = None if lock.packaged(folder) else folder / INDEX_NAME
    fallback = _lock_fallback(folder)
    if not force:
        with lock.locked(folder, fallback, exclusive=False):
            found = _usable(local, folder)
        if found is not None:
            if found[1] == "touched":
                _refresh_stat(found[0], folder)
            _tidy(found[0], folder)
            return found[0]
    if not rebuild:
        why = {
            "format": f"was built by another version of factcheck (index format {FORMAT} expected)",
            "missing": "has no index",
            "stale": "index is out of date",
            "corrupt": "index is unreadable",
        }
        where = local or cache_path(folder)
        raise FactcheckError(
            f"the store {why[status(where, folder)]}; rebuild it with `factcheck build`", str(where)
        )
    import sqlite3

    with lock.locked(folder, fallback, exclusive=True):
        if not force:
            found = _usable(local, folder)
            if found is not None:  # another process rebuilt it while this one waited
                return found[0]
        for candidate in (*([local] if local else []), cache_path(folder)):
            try:
                clear_stale(candidate)
                _index_settled(folder, candidate)
            except (OSError, sqlite3.Error):  # read-only, full, over a file-size limit: the next place
                continue
            return candidate
    return None


def _usable(local: Path | None, folder: Path) -> tuple[Path, str] | None:
    """The index to use and its status: the one beside the store, else the cache's (whose place
    needs the store's content fingerprint: found only when the one beside it will not do)."""
    if local is not None:
        state = status(local, folder)
        if state in ("fresh", "touched"):
            return local, state
    content = store_content(folder)
    cached = _cached_at(content)
    state = status(cached, folder, content)
    return (cached, state) if state == "fresh" else None


def _tidy(index: Path, folder: Path) -> None:
    """Clear what a killed rebuild left beside the index, when no one is building now."""
    if next(index.parent.glob(f".{index.name}.*.tmp"), None) is None:
        return
    with lock.try_exclusive(folder, _lock_fallback(folder)) as got:
        if got:
            for tmp in index.parent.glob(f".{index.name}.*.tmp"):
                tmp.unlink(missing_ok=True)


def _index_settled(folder: Path, path: Path, tries: int = 3) -> None:
    """Index the store, again when someone edited its files meanwhile (outside factcheck's lock)."""
    for _ in range(tries):
        try:
            index_folder(folder, path)
            return
        except StoreChanged:
            continue
    raise FactcheckError(
        "the store's files kept changing while they were being indexed; run again when they are settled",
        str(folder),
    )


def write_store(built: Store, out: Path) -> None:
    """`factcheck build`: the store's YAML and then its index, holding the store's lock throughout,
    so two builds into one folder run one after the other and checks wait for a consistent store."""
    import sqlite3

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # a name too long, a file in the way, no permission
        raise FactcheckError(
            f"cannot create the store folder: {e.strerror or e}", bounded.display_name(str(out))
        ) from None
    with lock.locked(out, _lock_fallback(out), exclusive=True):
        store_mod.write(built, out)
        path = out / INDEX_NAME
        try:
            clear_stale(path)
            build_index(built, path, out)
        except sqlite3.Error as e:
            raise FactcheckError(f"cannot write the index: {e}", str(path)) from None
        except OSError as e:
            raise FactcheckError(f"cannot write the index: {e.strerror or e}", str(path)) from None


__all__ = [
    "INDEX_NAME",
    "SqliteIndex",
    "build_index",
    "ensure_index",
    "index_folder",
    "status",
    "write_store",
]
