"""The claim store: build it from sources, write it as diff-friendly YAML, load and validate it.

A store is a folder:
  store.yaml            format version and the works (citation metadata), sorted by id
  claims/<work>.yaml    the claims taken from each work, in document order, with stable ids
  gazetteer.yaml        optional: entities that extend the bundled gazetteer
  names.yaml            proper names found in the sources, so a draft that opens a sentence with
                        one ("Kirkenes handled ...") still recognises it
Rebuilding from the same sources writes byte-identical files; every file is written atomically.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from factcheck import bounded, entities, safeyaml
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.model import Claim, DateValue, Document, Quantity, Work
from factcheck.reader import read_path

FORMAT = 1
NAMES = "names.yaml"
SOURCE_SUFFIXES = (".txt", ".md", ".markdown")
DEFAULT_STORE = Path(__file__).parent / "data" / "claims"


@dataclass(frozen=True, slots=True)
class Store:
    path: str
    works: dict[str, Work]
    claims: tuple[Claim, ...]
    gazetteer: tuple[str, ...]  # extra gazetteer files
    names: tuple[entities.Found, ...] = ()  # proper names found in the sources (written to names.yaml)


# --- writing -----------------------------------------------------------------------------------


def atomic_write(path: Path, data: str) -> None:
    """Write via a temporary file and a rename, so an interrupted run leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; a store is for sharing
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "source"


def source_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.suffix.lower() in SOURCE_SUFFIXES and f.is_file())
        elif p.exists():
            files.append(p)
        else:
            raise FactcheckError("no such file or folder", str(p))
    return files


def _metadata_file(folder: Path) -> dict[str, list[dict[str, Any]]]:
    meta = folder / "sources.yaml"
    if not meta.exists():
        return {}
    data = _load_yaml(meta)
    works = data.get("works") if isinstance(data, dict) else None
    if not isinstance(works, list):
        raise FactcheckError("expected a list under 'works'", str(meta))
    by_file: dict[str, list[dict[str, Any]]] = {}
    for w in works:
        if not isinstance(w, dict) or "id" not in w or "file" not in w:
            raise FactcheckError("each work needs an 'id' and a 'file'", str(meta), _line(w))
        if not _SAFE_ID.match(str(w["id"])):
            raise FactcheckError(f"work id {str(w['id'])!r} must be letters, digits, '.', '_' and '-' "
                                 "(it names a file of the store)", str(meta), _line(w))
        by_file.setdefault(str(w["file"]), []).append(w)
    return by_file


def _works_for(doc: Document, path: Path, listed: list[dict[str, Any]]) -> list[Work]:
    """Metadata: front matter, else sources.yaml beside the file, else the first heading."""
    m = doc.meta
    if m:
        return [Work(id=_slug(m.get("id") or path.stem), file=path.name, title=m.get("title"),
                     author=m.get("author"), publisher=m.get("publisher") or m.get("outlet"),
                     date=m.get("date"), url=m.get("url") or m.get("address"))]
    if listed:
        return [
            Work(id=str(w["id"]), file=path.name, title=_opt(w.get("title")), author=_opt(w.get("author")),
                 publisher=_opt(w.get("publisher")), date=_opt(w.get("date")), url=_opt(w.get("url")),
                 lines=(int(w["lines"][0]), int(w["lines"][1])) if w.get("lines") else None)
            for w in listed
        ]
    title = doc.blocks[0].text.strip().lstrip("#").strip() if doc.blocks else None
    return [Work(id=_slug(path.stem), file=path.name, title=title or None, author=None, publisher=None,
                 date=None, url=None)]


def _opt(v: Any) -> str | None:
    return None if v is None else str(v)


def _work_of(works: list[Work], line: int) -> Work | None:
    for w in works:
        if w.lines is None or w.lines[0] <= line <= w.lines[1]:
            return w
    return None


def build(sources: list[Path], gazetteer: tuple[str, ...] = ()) -> Store:
    """Extract every claim of the sources. A first pass collects the proper names the gazetteer does
    not know, so the second recognises them everywhere, even at the start of a sentence."""
    docs = [(path, read_path(path)) for path in source_files(sources)]
    found = entities.discover_names([d for _, d in docs], entities.load(gazetteer))
    gaz = entities.extend(entities.load(gazetteer), found)
    works: dict[str, Work] = {}
    claims: list[Claim] = []
    meta_cache: dict[Path, dict[str, list[dict[str, Any]]]] = {}
    for path, doc in docs:
        folder = path.parent
        if folder not in meta_cache:
            meta_cache[folder] = _metadata_file(folder)
        file_works = _works_for(doc, path, meta_cache[folder].get(path.name, []))
        for w in file_works:
            works[w.id] = w
        seen: set[tuple[str, str, str, str]] = set()
        for c in extract(doc, gaz):
            work = _work_of(file_works, c.line)
            if work is None:
                continue  # page furniture between the works of a collection
            key = (work.id, c.kind, _norm(c.quote), doc.text[c.start : c.end].lower())
            if key in seen:
                continue  # a pull quote repeats a sentence of its work: one claim
            seen.add(key)
            claims.append(_with_ids(c, work, _display(path)))
    return Store(path="", works=works, claims=tuple(claims), gazetteer=gazetteer, names=tuple(found))


def _norm(sentence: str) -> str:
    """A repeated sentence is the same claim whatever its case or bullet ("OVER 2,000 YEARS", "▶ ...")."""
    return " ".join(re.sub(r"^\W+", "", sentence).lower().split())


def _display(path: Path) -> str:
    """The source's path as the user would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _with_ids(c: Claim, work: Work, file: str) -> Claim:
    digest = hashlib.sha1(f"{c.quote}|{c.start}|{c.kind}".encode()).hexdigest()[:8]
    values = {f.name: getattr(c, f.name) for f in fields(Claim)}
    values.update(source=work.id, file=file, id=f"{work.id}:{c.line}:{c.column}:{digest}")
    return Claim(**values)


# A work id names its claims file, so it may not name a path: no separators, no leading dot.
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}\Z")
_STORE_ENTRIES = frozenset({"store.yaml", "claims", "gazetteer.yaml", NAMES, "index.sqlite"})


def write(store: Store, out: Path) -> None:
    """Write the store to `out`, every file atomically and in an order that keeps the folder a
    loadable store throughout: store.yaml first lists the old works and the new, then each claims
    file is replaced, stale ones removed, and store.yaml rewritten with the new works alone. A build
    killed at any point leaves a store that loads (old claims, new claims or a mix of the two)."""
    for wid in store.works:
        if not _SAFE_ID.match(wid):
            raise FactcheckError(f"work id {wid!r} cannot name a file of the store", str(out))
    if out.is_dir():
        foreign = sorted(e.name for e in out.iterdir()
                         if e.name not in _STORE_ENTRIES and not e.name.startswith("."))
        if foreign:
            raise FactcheckError(f"not a claim store and not empty (holds {', '.join(foreign[:3])}); "
                                 "choose a new or empty folder", str(out))
    try:
        _write(store, out)
    except OSError as e:
        raise FactcheckError(f"cannot write the store: {e.strerror or e}", e.filename or str(out)) from None


def _write(store: Store, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for d in (out, out / "claims"):  # temporary files of a build that was killed
        for tmp in d.glob(".*.yaml.*.tmp") if d.is_dir() else ():
            tmp.unlink(missing_ok=True)
    works = [_work_dict(w) for w in sorted(store.works.values(), key=lambda w: w.id)]
    header = "# factcheck claim store: written by `factcheck build`; rebuild rather than edit.\n"
    old_works = _old_works(out)
    if old_works:
        both = sorted([w for w in old_works if str(w.get("id")) not in store.works] + works,
                      key=lambda w: str(w.get("id")))
        atomic_write(out / "store.yaml", header + _dump({"version": FORMAT, "sources": both}))
    else:
        atomic_write(out / "store.yaml", header + _dump({"version": FORMAT, "sources": works}))
    by_work: dict[str, list[Claim]] = {}
    for c in store.claims:
        by_work.setdefault(c.source, []).append(c)
    names = [{"id": f"name:{n}", "type": "name", "names": [n, *aliases]} for n, aliases in sorted(store.names)]
    atomic_write(out / NAMES, "# Proper names found in the sources, written by `factcheck build`.\n"
                 + _dump({"entities": names}))
    (out / "claims").mkdir(exist_ok=True)
    wanted = set()
    for wid, cs in sorted(by_work.items()):
        name = f"{wid}.yaml"
        wanted.add(name)
        atomic_write(out / "claims" / name, header + _dump({"source": wid, "claims": [_claim_dict(c) for c in cs]}))
    for old in (out / "claims").glob("*.yaml"):
        if old.name not in wanted:
            old.unlink()
    if old_works:
        atomic_write(out / "store.yaml", header + _dump({"version": FORMAT, "sources": works}))
    from factcheck.index import INDEX_NAME, build_index  # sqlite3 only when writing a store

    build_index(store, out / INDEX_NAME)


def _old_works(out: Path) -> list[dict[str, Any]]:
    """The works of the store already in `out` (none when there is none or it does not load)."""
    try:
        data = safeyaml.load(bounded.read_text(out / "store.yaml", limit=None), str(out / "store.yaml"))
    except (FactcheckError, yaml.YAMLError):
        return []
    sources = data.get("sources") if isinstance(data, dict) else None
    return [w for w in sources if isinstance(w, dict) and "id" in w] if isinstance(sources, list) else []


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)


def _work_dict(w: Work) -> dict[str, Any]:
    return {"id": w.id, "file": w.file, "lines": list(w.lines) if w.lines else None, "title": w.title,
            "author": w.author, "publisher": w.publisher, "date": w.date, "url": w.url}


_CLAIM_KEYS = ("id", "kind", "file", "line", "column", "end_line", "end_column", "start", "end", "quote",
               "entities", "terms", "context", "negated", "polarity", "names", "others", "nearby", "scope", "period", "pairs")


def _claim_dict(c: Claim) -> dict[str, Any]:
    d: dict[str, Any] = {k: getattr(c, k) for k in _CLAIM_KEYS}
    for k in ("entities", "terms", "context", "polarity", "names", "others", "nearby", "pairs"):
        d[k] = list(d[k])
    d["period"] = list(c.period) if c.period else None
    if c.quantity is not None:
        d["quantity"] = {f.name: getattr(c.quantity, f.name) for f in fields(Quantity) if f.name not in ("start", "end")}
    if c.date is not None:
        d["date"] = {f.name: getattr(c.date, f.name) for f in fields(DateValue) if f.name not in ("start", "end")}
    return d


# --- reading -----------------------------------------------------------------------------------


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, recording the line of each mapping so errors can point at it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line(obj: Any) -> int | None:
    return obj.get("__line__") if isinstance(obj, dict) else None


def _load_yaml(path: Path) -> Any:
    text = bounded.read_text(path, limit=None)  # a FIFO or device is refused, never read
    try:
        return safeyaml.load(text, str(path), _LineLoader)  # nesting and aliases limited
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise FactcheckError(f"malformed YAML: {problem}", str(path), mark.line + 1 if mark else None) from None


def load(path: Path) -> Store:
    if not path.exists():
        raise FactcheckError("store not found (build one with `factcheck build SOURCE --out DIR`)", str(path))
    meta = path / "store.yaml"
    if not meta.is_file():
        raise FactcheckError("not a claim store: no store.yaml", str(path))
    data = _load_yaml(meta)
    if not isinstance(data, dict) or data.get("version") != FORMAT:
        raise FactcheckError(f"unsupported store format (expected version {FORMAT}); rebuild the store",
                             str(meta), _line(data))
    works: dict[str, Work] = {}
    sources = data.get("sources") or []
    if not isinstance(sources, list):
        raise FactcheckError("expected a list under 'sources'", str(meta), _line(data))
    for w in sources:
        if not isinstance(w, dict) or not w.get("id"):
            raise FactcheckError("each source needs an id", str(meta), _line(w))
        works[str(w["id"])] = Work(id=str(w["id"]), file=str(w.get("file") or ""), title=_opt(w.get("title")),
                                   author=_opt(w.get("author")), publisher=_opt(w.get("publisher")),
                                   date=_opt(w.get("date")), url=_opt(w.get("url")),
                                   lines=_lines(w.get("lines"), meta, w))
    claims: list[Claim] = []
    ids: set[str] = set()
    folder = path / "claims"
    for f in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        doc = _load_yaml(f)
        if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
            raise FactcheckError("expected a mapping with a 'claims' list", str(f), _line(doc))
        wid = str(doc.get("source"))
        if wid not in works:
            raise FactcheckError(f"claims refer to unknown source {wid!r}", str(f), _line(doc))
        for raw in doc["claims"]:
            c = _claim_from(raw, wid, f)
            if c.id in ids:
                raise FactcheckError(f"duplicate claim id {c.id!r}", str(f), _line(raw))
            ids.add(c.id)
            claims.append(c)
    return Store(path=str(path), works=works, claims=tuple(claims), gazetteer=gazetteer_files(path))


def gazetteer_files(folder: Path) -> tuple[str, ...]:
    """The store's extensions of the bundled gazetteer: its own, and the names found in its sources."""
    return tuple(str(folder / n) for n in ("gazetteer.yaml", NAMES) if (folder / n).is_file())


def _lines(lines: Any, meta: Path, w: dict[str, Any]) -> tuple[int, int] | None:
    if not lines:
        return None
    try:
        lo, hi = lines
        return int(lo), int(hi)
    except (TypeError, ValueError):
        raise FactcheckError("a source's 'lines' must be two line numbers", str(meta), _line(w)) from None


_SCALARS = {"int": (int,), "float": (int, float), "str": (str,)}


def _typed(obj: Any) -> Any:
    """A Quantity or DateValue whose every field has the type its class declares (`year: '2011-1'`
    in a hand-edited store failed later, comparing a string with a number): else a TypeError."""
    for fl in fields(obj):
        v = getattr(obj, fl.name)
        kinds = [k.strip() for k in str(fl.type).split("|")]
        if v is None and "None" in kinds:
            continue
        allowed = tuple(t for k in kinds for t in _SCALARS.get(k, ()))
        if allowed and (isinstance(v, bool) or not isinstance(v, allowed)):
            raise TypeError(f"{fl.name} must be {' or '.join(kinds)}, not {v!r}")
    return obj


def _claim_from(raw: Any, wid: str, f: Path) -> Claim:
    if not isinstance(raw, dict):
        raise FactcheckError("a claim must be a mapping", str(f))
    for key in ("entities", "terms", "context", "polarity", "names", "others", "nearby", "pairs"):
        items = raw.get(key)
        nested = isinstance(items, list) and any(isinstance(x, list | dict) for x in items)
        if items is not None and (not isinstance(items, list) or nested):
            raise FactcheckError(f"malformed claim ('{key}' must be a list of words or names)", str(f),
                                 _line(raw))
    try:
        q = raw.get("quantity")
        d = raw.get("date")
        return Claim(
            kind=str(raw["kind"]), quote=str(raw["quote"]), line=int(raw["line"]), column=int(raw["column"]),
            end_line=int(raw["end_line"]), end_column=int(raw["end_column"]), start=int(raw["start"]),
            end=int(raw["end"]), entities=tuple(raw["entities"]), terms=tuple(raw["terms"]),
            context=tuple(raw["context"]),
            quantity=_typed(Quantity(**{k: v for k, v in q.items() if k != "__line__"}, start=0, end=0)) if q else None,
            date=_typed(DateValue(**{k: v for k, v in d.items() if k != "__line__"}, start=0, end=0)) if d else None,
            negated=bool(raw.get("negated")), polarity=tuple(raw.get("polarity") or ()),
            names=tuple(raw.get("names") or ()), others=tuple(raw.get("others") or ()),
            nearby=tuple(raw.get("nearby") or ()), scope=str(raw.get("scope") or "piece"),
            period=(int(raw["period"][0]), int(raw["period"][1])) if raw.get("period") else None,
            pairs=tuple(raw.get("pairs") or ()),
            source=wid, file=str(raw.get("file") or ""), id=str(raw["id"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise FactcheckError(f"malformed claim ({type(e).__name__}: {e})", str(f), _line(raw)) from None
