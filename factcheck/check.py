"""The library API: `check(paths, store, config) -> Report`. The CLI, the hook, the tests and the
benchmarks all call this."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck import entities, suppress
from factcheck import store as store_mod
from factcheck.backend import OpenStore, from_memory, open_store
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.match import Candidate, ClaimIndex
from factcheck.model import (
    Document,
    Evidence,
    FileReport,
    Finding,
    Mention,
    Report,
    StoreInfo,
    Verdict,
    unknown_name,
)
from factcheck.reader import read_path, read_stdin
from factcheck.verdict import Names, decide, reconcile
from factcheck.written import Written


def open_stores(paths: Sequence[str]) -> OpenStore:
    """Open one store, or combine several (their works and claims side by side): through their
    compiled indexes (built on first use), else by loading their YAML."""
    return open_store([Path(p) for p in paths])


# How many candidates retrieval hands the verdict for each claim: the verdict weighs the first
# `verdict.WEIGHED`; the rest are room for a span of years given as two dates in other sentences.
SHORTLIST = 20


class Checker:
    """A store made ready for checking: its index and gazetteer, built once for many files."""

    def __init__(self, store: store_mod.Store | OpenStore, config: Config) -> None:
        self.store = store if isinstance(store, OpenStore) else from_memory(store)
        self.config = config
        self._kinds: dict[str, str] = {}
        # A store built in memory carries the names its sources use; a loaded one has them in names.yaml.
        self.gaz = entities.extend(entities.load(self.store.gazetteer), list(self.store.names))
        self.index: ClaimIndex = self.store.index
        self._count = self.store.claim_count
        # The verdict asks for the names of the same few sentences (a draft's, its evidence's) again.
        self.names = Names(self.kind_of, self.gaz.label, functools.lru_cache(maxsize=4096)(self._mentions))

    def _mentions(self, text: str) -> tuple[Mention, ...]:
        return tuple(entities.find(text, self.gaz))

    def kind_of(self, entity: str) -> str:
        kind = self._kinds.get(entity)  # asked for the same few entities thousands of times a check
        if kind is None:
            name = unknown_name(entity)
            kind = entities.name_kind(name) if name is not None else self.gaz.kinds.get(entity, "name")
            self._kinds[entity] = kind
        return kind

    def check_document(self, doc: Document) -> FileReport:
        findings = []
        claims = extract(doc, self.gaz)
        shortlists = [self.index.candidates(claim, SHORTLIST) for claim in claims]
        decided = [
            (claim, decide(claim, cands, self.config, self.names, self.index.idf))
            for claim, cands in zip(claims, shortlists, strict=True)
        ]
        written = Written(doc.text)
        for claim, d in reconcile(decided, self.config):
            evidence = tuple(self._evidence(c, d.why) for c in d.evidence)
            considered = tuple(self._evidence(c, why) for c, why in d.weighed)
            findings.append(
                Finding(
                    claim=written.claim(claim),
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
        return read_stdin(stdin_name)  # bounded: standard input may be a pipe that never ends
    return read_path(Path(path), display=path)


def check(
    paths: Sequence[str],
    store: store_mod.Store | OpenStore,
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
