"""The library API: `check(paths, store, config) -> Report`. The CLI, the hook, the tests and the
benchmarks all call this."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck import entities, suppress
from factcheck import store as store_mod
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.index import IndexedStore, SqliteIndex, open_indexed
from factcheck.match import Candidate, Index
from factcheck.model import Document, Evidence, FileReport, Finding, Report, StoreInfo, Verdict
from factcheck.reader import decode, parse, read_path
from factcheck.verdict import decide, reconcile
from factcheck.written import as_written


def open_stores(paths: Sequence[str]) -> store_mod.Store | IndexedStore:
    """Open one store, or combine several (their works and claims side by side): through their
    compiled indexes (built on first use), else by loading their YAML."""
    indexed = open_indexed([Path(p) for p in paths] or [store_mod.DEFAULT_STORE])
    if indexed is not None:
        return indexed
    if not paths:
        return store_mod.load(store_mod.DEFAULT_STORE)
    loaded = [store_mod.load(Path(p)) for p in paths]
    if len(loaded) == 1:
        return loaded[0]
    works = {k: v for s in loaded for k, v in s.works.items()}
    claims = tuple(c for s in loaded for c in s.claims)
    return store_mod.Store(
        path=", ".join(s.path for s in loaded),
        works=works,
        claims=claims,
        gazetteer=tuple(g for s in loaded for g in s.gazetteer),
    )


class Checker:
    """A store made ready for checking: its index and gazetteer, built once for many files."""

    def __init__(self, store: store_mod.Store | IndexedStore, config: Config) -> None:
        self.store = store
        self.config = config
        # A store built in memory carries the names its sources use; a loaded one has them in names.yaml.
        self.gaz = entities.extend(entities.load(store.gazetteer), list(getattr(store, "names", ())))
        self.index: Index | SqliteIndex
        if isinstance(store, IndexedStore):
            self.index, self._count = store.index, store.claim_count
        else:
            self.index = Index(store.claims)
            self._count = len(store.claims)

    def kind_of(self, entity: str) -> str:
        if entity.startswith("name:"):
            return entities.name_kind(entity[5:])
        return self.gaz.kinds.get(entity, "name")

    def check_document(self, doc: Document) -> FileReport:
        findings = []
        claims = extract(doc, self.gaz)
        shortlists = [self.index.candidates(claim) for claim in claims]
        decided = [
            (claim, decide(claim, cands, self.config, self.kind_of, self.gaz.label, self.index.idf))
            for claim, cands in zip(claims, shortlists, strict=True)
        ]
        for (claim, d), cands in zip(reconcile(decided), shortlists, strict=True):
            evidence = tuple(self._evidence(c, d.why) for c in d.evidence)
            considered = tuple(
                self._evidence(c, f"similarity {c.similarity:.2f}, measure {c.measure:.2f}")
                for c in cands[:5]
            )
            findings.append(
                Finding(
                    claim=as_written(doc.text, claim),
                    verdict=d.verdict,
                    message=d.message,
                    evidence=evidence,
                    considered=considered,
                )
            )
        findings.sort(key=lambda f: (f.claim.line, f.claim.column))
        return FileReport(path=doc.path, findings=tuple(findings))

    def _evidence(self, c: Candidate, why: str) -> Evidence:
        return Evidence(
            claim=c.claim, work=self.store.works[c.claim.source], score=round(c.similarity, 3), why=why
        )

    def info(self) -> StoreInfo:
        return StoreInfo(path=self.store.path, sources=len(self.store.works), claims=self._count)


def read_input(path: str, stdin_name: str = "<stdin>") -> Document:
    """A document from a path, or from standard input for '-' (reported as `stdin_name`, Markdown
    unless that name says plain text)."""
    if path == "-":
        markdown = stdin_name == "<stdin>" or not stdin_name.lower().endswith(".txt")
        return parse(decode(sys.stdin.buffer.read(), stdin_name), stdin_name, markdown=markdown)
    return read_path(Path(path), display=path)


def check(
    paths: Sequence[str],
    store: store_mod.Store | IndexedStore,
    config: Config | None = None,
    *,
    on_error: Callable[[FactcheckError], None] | None = None,
    stdin_name: str = "<stdin>",
) -> Report:
    """Every finding of every file (the config's `report` only decides what renderers show). A file
    that cannot be read raises, or with `on_error` is handed to it and skipped, so the rest are checked."""
    config = config or Config()
    checker = Checker(store, config)
    files = []
    for p in paths:
        try:
            doc = read_input(p, stdin_name)
        except FactcheckError as e:
            if on_error is None:
                raise
            on_error(e)
            continue
        files.append(suppress.apply(doc, checker.check_document(doc)))
    return Report(store=checker.info(), files=tuple(files))


def fails(report: Report, config: Config) -> bool:
    """Whether any finding fails the run (by the one rule, `config.fails`)."""
    return any(config.fails(f) for fr in report.files for f in fr.findings)


__all__ = ["Checker", "Verdict", "check", "fails", "open_stores"]
