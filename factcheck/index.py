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

`factcheck build` writes the index (`store.write` calls `build_index`); `open_indexed` builds it on
first use when it is missing or stale, in the store folder or, when that is read-only, in the user's
cache folder; failing both, the caller falls back to loading the YAML and the in-memory index.
Every index file is written whole under a temporary name and renamed into place.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
import re
import tempfile
from collections import OrderedDict
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

FORMAT = 2
INDEX_NAME = "index.sqlite"
_CHUNK = 900  # bound parameters per statement
_KEEP = 20_000  # decoded claims remembered between draft claims
_SCALE = 1 << 6  # shared weights are summed in units of 1/_SCALE, then checked exactly
_BITMAP_SHARE = 256  # a token in more than 1/_BITMAP_SHARE of the claims has its bitmap stored
_BITMAP_CACHE = 64 << 20  # bytes of bitmaps kept between draft claims
_EXTRACT = 4096  # claims near the threshold beyond which they are grouped by bitmap first

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
            entries = sorted((e for e in it if e.name.endswith(".yaml") and e.is_file()),
                             key=lambda e: e.name)
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
            common = max(_BITMAP_SHARE, len(store.claims) // _BITMAP_SHARE)
            con.executemany("INSERT INTO bitmaps VALUES (?, ?)",
                            ((t, _to_blob(postings[t])) for t in keys if len(postings[t]) > common))
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
    con.execute("PRAGMA cache_size=-16384")  # 16 MB of pages at most (no mmap: 5% faster, 3x the RSS)
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
        from factcheck.store import _claim_from

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
                    out[key] = cache[key] = _claim_from(json.loads(data), work, self.paths[k])
        return out

    def claims(self) -> Iterator[Claim]:
        """Every claim of the store, decoded (for tools; checking never needs them all)."""
        from factcheck.store import _claim_from

        for k, con in enumerate(self._cons):
            for _, work, data in con.execute("SELECT id, work, data FROM claims ORDER BY id"):
                yield _claim_from(json.loads(data), work, self.paths[k])

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
        decoded = self.fetch(top)
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

    from factcheck import bounded, safeyaml
    from factcheck import store as store_mod

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        meta = folder / "store.yaml"
        data = safeyaml.load(bounded.read_text(meta, limit=None), str(meta), loader)
        if not isinstance(data, dict) or data.get("version") != store_mod.FORMAT:
            return store_mod.load(folder)
        works = {}
        for w in data.get("sources") or []:
            works[str(w["id"])] = _work_from(w)
        claims: list[Claim] = []
        ids: set[str] = set()
        for f in sorted((folder / "claims").glob("*.yaml")):
            doc = safeyaml.load(bounded.read_text(f, limit=None), str(f), loader)
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
    import sqlite3

    built: Store | None = None
    for candidate in (local, cached):
        try:
            if built is None:
                built = load_store(folder)
            build_index(built, candidate, folder)
        except (OSError, sqlite3.Error):  # read-only, full, ...: try the next place
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
