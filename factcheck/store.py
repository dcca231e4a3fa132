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
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from factcheck import bounded, codec, entities
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.model import Claim, Document, Work, unknown_entity
from factcheck.reader import read_path
from factcheck.readers import SOURCE_SUFFIXES, locate
from factcheck.safewrite import atomic_write as atomic_write  # callers may still write through store

if TYPE_CHECKING:
    import yaml

T = TypeVar("T")
FORMAT = 1
NAMES = "names.yaml"
DEFAULT_STORE = Path(__file__).parent / "data" / "claims"


@dataclass(frozen=True, slots=True)
class Store:
    path: str
    works: dict[str, Work]
    claims: tuple[Claim, ...]
    gazetteer: tuple[str, ...]  # extra gazetteer files
    names: tuple[entities.Found, ...] = ()  # proper names found in the sources (written to names.yaml)


# --- writing -----------------------------------------------------------------------------------


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
            raise FactcheckError(
                f"work id {str(w['id'])!r} must be letters, digits, '.', '_' and '-' "
                "(it names a file of the store)",
                str(meta),
                _line(w),
            )
        by_file.setdefault(str(w["file"]), []).append(w)
    return by_file


def _default_ids(paths: list[Path]) -> dict[Path, str]:
    """The id of a work that names none: its file's stem, or, when several sources share a stem
    (a/notes.md, b/notes.md), its path below the sources' common folder ("a-notes", "b-notes")."""
    stems = Counter(_slug(p.stem) for p in paths)
    base = Path(os.path.commonpath([str(p.resolve().parent) for p in paths])) if paths else Path()
    out = {}
    for p in paths:
        if stems[_slug(p.stem)] == 1:
            out[p] = _slug(p.stem)
        else:
            rel = p.resolve().relative_to(base).with_suffix("")
            out[p] = _slug("-".join(rel.parts))
    return out


def _works_for(doc: Document, path: Path, listed: list[dict[str, Any]], default_id: str) -> list[Work]:
    """Metadata, field by field: the file's own (front matter, PDF or Word properties, HTML meta tags),
    else sources.yaml beside the file, else the first heading for the title."""
    m = {k: v for k, v in doc.meta.items() if v}
    if m and len(listed) <= 1 and not (listed and listed[0].get("lines")):
        w = {k: _opt(v) for k, v in listed[0].items()} if listed else {}
        return [
            Work(
                id=_slug(m["id"]) if m.get("id") else w.get("id") or default_id,
                file=path.name,
                title=m.get("title") or w.get("title"),
                author=m.get("author") or w.get("author"),
                publisher=m.get("publisher") or m.get("outlet") or w.get("publisher"),
                date=m.get("date") or w.get("date"),
                url=m.get("url") or m.get("address") or w.get("url"),
            )
        ]
    if listed:
        return [
            Work(
                id=str(w["id"]),
                file=path.name,
                title=_opt(w.get("title")),
                author=_opt(w.get("author")),
                publisher=_opt(w.get("publisher")),
                date=_opt(w.get("date")),
                url=_opt(w.get("url")),
                lines=(int(w["lines"][0]), int(w["lines"][1])) if w.get("lines") else None,
            )
            for w in listed
        ]
    title = doc.blocks[0].text.strip().lstrip("#").strip() if doc.blocks else None
    return [
        Work(
            id=default_id,
            file=path.name,
            title=title or None,
            author=None,
            publisher=None,
            date=None,
            url=None,
        )
    ]


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
    origin: dict[str, Path] = {}
    claims: list[Claim] = []
    meta_cache: dict[Path, dict[str, list[dict[str, Any]]]] = {}
    default_ids = _default_ids([p for p, _ in docs])
    for path, doc in docs:
        folder = path.parent
        if folder not in meta_cache:
            meta_cache[folder] = _metadata_file(folder)
        file_works = _works_for(doc, path, meta_cache[folder].get(path.name, []), default_ids[path])
        for w in file_works:
            if w.id in origin and origin[w.id] != path:
                # two files, one id: their claims would merge into one work and cite the wrong file
                raise FactcheckError(
                    f"work id '{w.id}' is also the id of {origin[w.id]}; give one of them "
                    "another id (front matter `id:` or sources.yaml)",
                    str(path),
                )
            origin[w.id] = path
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
            claims.append(_with_ids(c, work, _display(path), locate(doc, c.start) or None))
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


def _with_ids(c: Claim, work: Work, file: str, locator: str | None) -> Claim:
    digest = hashlib.sha1(f"{c.quote}|{c.start}|{c.kind}".encode()).hexdigest()[:8]
    values = {f.name: getattr(c, f.name) for f in fields(Claim)}
    values.update(source=work.id, file=file, id=f"{work.id}:{c.line}:{c.column}:{digest}", locator=locator)
    return Claim(**values)


# A work id names its claims file, so it may not name a path: no separators, no leading dot.
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}\Z")
_STORE_ENTRIES = frozenset({"store.yaml", "claims", "gazetteer.yaml", NAMES, "index.sqlite"})


def write(store: Store, out: Path) -> None:
    """Write the store's YAML to `out` (`index.write_store` adds the lock and the index), every file
    atomically and in an order that keeps the folder a loadable store throughout: store.yaml first
    lists the old works and the new, then each claims file is replaced, stale ones removed, and
    store.yaml rewritten with the new works alone. A build killed at any point leaves a store that
    loads (old claims, new claims or a mix of the two)."""
    for wid in store.works:
        if not _SAFE_ID.match(wid):
            raise FactcheckError(f"work id {wid!r} cannot name a file of the store", str(out))
    if out.is_dir():
        foreign = sorted(
            e.name for e in out.iterdir() if e.name not in _STORE_ENTRIES and not e.name.startswith(".")
        )
        if foreign:
            raise FactcheckError(
                f"not a claim store and not empty (holds {', '.join(foreign[:3])}); "
                "choose a new or empty folder",
                str(out),
            )
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
        both = sorted(
            [w for w in old_works if str(w.get("id")) not in store.works] + works,
            key=lambda w: str(w.get("id")),
        )
        atomic_write(out / "store.yaml", header + _dump({"version": FORMAT, "sources": both}))
    else:
        atomic_write(out / "store.yaml", header + _dump({"version": FORMAT, "sources": works}))
    by_work: dict[str, list[Claim]] = {}
    for c in store.claims:
        by_work.setdefault(c.source, []).append(c)
    names = [
        {"id": unknown_entity(n), "type": "name", "names": [n, *aliases]}
        for n, aliases in sorted(store.names)
    ]
    atomic_write(
        out / NAMES,
        "# Proper names found in the sources, written by `factcheck build`.\n" + _dump({"entities": names}),
    )
    (out / "claims").mkdir(exist_ok=True)
    wanted = set()
    for wid, cs in sorted(by_work.items()):
        name = f"{wid}.yaml"
        wanted.add(name)
        body = _dump({"source": wid, "claims": [_claim_dict(c) for c in cs]})
        atomic_write(out / "claims" / name, header + body, tidy=False)  # cleared above, once
    for old in (out / "claims").glob("*.yaml"):
        if old.name not in wanted:
            old.unlink()
    if old_works:
        atomic_write(out / "store.yaml", header + _dump({"version": FORMAT, "sources": works}))


def _old_works(out: Path) -> list[dict[str, Any]]:
    """The works of the store already in `out` (none when there is none or it does not load)."""
    import yaml  # here, as in every function of this module that needs it: a check reads the index

    try:
        data = _load_yaml(out / "store.yaml")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, FactcheckError):
        return []
    sources = data.get("sources") if isinstance(data, dict) else None
    return [w for w in sources if isinstance(w, dict) and "id" in w] if isinstance(sources, list) else []


def _dump(data: Any) -> str:
    import yaml

    # libyaml's emitter, where PyYAML was built with it, writes the same text about five times faster
    # than the pure-Python one (a build of the bundled store spent most of its time emitting YAML).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None
    )


def _work_dict(w: Work) -> dict[str, Any]:
    return dict(codec.encode(w))


def _claim_dict(c: Claim) -> dict[str, Any]:
    return dict(codec.encode(c))


# --- reading -----------------------------------------------------------------------------------


@cache
def _line_loader() -> type[Any]:
    """The safe loader, recording the line of each mapping so errors can point at it. Made on first
    use: a check reads its store through the index and need not import PyYAML."""
    import yaml

    class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return _LineLoader


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _line(obj: Any) -> int | None:
    return obj.get("__line__") if isinstance(obj, dict) else None


def _load_yaml(path: Path, data: bytes | None = None) -> Any:
    import yaml

    from factcheck import safeyaml

    if data is None:
        text = bounded.read_text(path, limit=None)  # a FIFO or device is refused, never read
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise FactcheckError("not valid UTF-8", str(path)) from None
    try:
        return safeyaml.load(text, str(path), _line_loader())  # nesting and aliases limited
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        line = mark.line + 1 if mark else None
        raise FactcheckError(f"malformed YAML: {problem}", str(path), line) from None


def load(path: Path) -> Store:
    """The whole store in memory, validated (for tools and tests; checking goes through the index)."""
    works = read_works(path)
    claims: list[Claim] = []
    ids: set[str] = set()
    for f in claim_files(path):
        for line, c in read_claims(f, bounded.read_bytes(f, limit=None), works):
            if c.id in ids:
                raise FactcheckError(f"duplicate claim id {c.id!r}", str(f), line)
            ids.add(c.id)
            claims.append(c)
    return Store(path=str(path), works=works, claims=tuple(claims), gazetteer=gazetteer_files(path))


def check_folder(path: Path) -> Path:
    """`path`, when it holds a store; else the one-line error that says what it is instead. A name
    the system cannot look up (too long, a NUL byte from a config file, a symlink loop) is such an
    error too, raised here before anything else stats the store's files."""
    name = bounded.display_name(str(path))
    try:
        try:
            os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise FactcheckError(
                "store not found (build one with `factcheck build SOURCE --out DIR`)", name
            ) from None
        meta = os.stat(path / "store.yaml")
    except (FileNotFoundError, NotADirectoryError):
        raise FactcheckError("not a claim store: no store.yaml", name) from None
    except ValueError:  # a NUL byte: every other name reaches the system as bytes
        raise FactcheckError("cannot open the store: its name contains a NUL byte", name) from None
    except OSError as e:
        raise FactcheckError(f"cannot open the store: {e.strerror or e}", name) from None
    if not stat.S_ISREG(meta.st_mode):
        raise FactcheckError("not a claim store: no store.yaml", name)
    return path


def read_works(path: Path, data: bytes | None = None) -> dict[str, Work]:
    """The works listed in the store's store.yaml (`data`: its bytes, when already read)."""
    meta = check_folder(path) / "store.yaml"
    doc = _load_yaml(meta, data)
    if not isinstance(doc, dict) or doc.get("version") != FORMAT:
        raise FactcheckError(
            f"unsupported store format (expected version {FORMAT}); rebuild the store", str(meta), _line(doc)
        )
    works: dict[str, Work] = {}
    sources = doc.get("sources") or []
    if not isinstance(sources, list):
        raise FactcheckError("expected a list under 'sources'", str(meta), _line(doc))
    for w in sources:
        if not isinstance(w, dict) or not w.get("id"):
            raise FactcheckError("each source needs an id", str(meta), _line(w))
        work = _decode(Work, w, meta, "source")
        works[work.id] = work
    return works


def claim_files(path: Path) -> list[Path]:
    """The claims files of a store, in a stable order. Every `*.yaml` entry counts, whatever it is: a
    FIFO or a device there must be refused when read, not skipped without a word."""
    folder = path / "claims"
    if not folder.is_dir():
        return []
    with os.scandir(folder) as it:
        return sorted(
            (Path(e.path) for e in it if e.name.endswith(".yaml") and not e.is_dir()), key=lambda p: p.name
        )


def read_claims(f: Path, data: bytes, works: dict[str, Work]) -> Iterator[tuple[int | None, Claim]]:
    """The claims of one claims file (its bytes already read), each with the line it starts on. Memory
    grows with this file, one work's claims, never with the store."""
    doc = _load_yaml(f, data)
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
        raise FactcheckError("expected a mapping with a 'claims' list", str(f), _line(doc))
    wid = str(doc.get("source"))
    if wid not in works:
        raise FactcheckError(f"claims refer to unknown source {wid!r}", str(f), _line(doc))
    raws = doc["claims"]
    del doc
    for i, raw in enumerate(raws):
        raws[i] = None  # each claim's parsed YAML goes as soon as it is decoded
        yield _line(raw), _claim_from(raw, wid, f)


def gazetteer_files(folder: Path) -> tuple[str, ...]:
    """The store's extensions of the bundled gazetteer: its own, and the names found in its sources."""
    return tuple(str(folder / n) for n in ("gazetteer.yaml", NAMES) if (folder / n).is_file())


def _decode(cls: type[T], raw: Any, f: Path, what: str, **given: Any) -> T:
    try:
        return codec.decode(cls, raw, **given)
    except codec.CodecError as e:
        problem = f"{e.field!r} {e.problem}" if e.field else e.problem
        raise FactcheckError(
            f"malformed {what}: {problem}", str(f), e.line if e.line is not None else _line(raw)
        ) from None


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
    return _decode(Claim, raw, f, "claim", source=wid)
