"""The library API: `check(paths, store, config) -> Report`. The CLI, the hook, the tests and the
benchmarks all call this."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck import entities, suppress
from factcheck import store as store_mod
from factcheck.backend import OpenStore, from_memory, open_store
from factcheck.config import Config
from factcheck.extract import extract
from factcheck.match import Candidate, ClaimIndex
from factcheck.model import Document, Evidence, FileReport, Finding, Report, StoreInfo, Verdict
from factcheck.reader import read_path, read_stdin
from factcheck.verdict import decide, reconcile


def open_stores(paths: Sequence[str]) -> OpenStore:
    """Open one store, or combine several (their works and claims side by side): through their
    compiled indexes (built on first use), else by loading their YAML."""
    return open_store([Path(p) for p in paths])


class Checker:
    """A store made ready for checking: its index and gazetteer, built once for many files."""

    def __init__(self, store: store_mod.Store | OpenStore, config: Config) -> None:
        self.store = store if isinstance(store, OpenStore) else from_memory(store)
        self.config = config
        # A store built in memory carries the names its sources use; a loaded one has them in names.yaml.
        self.gaz = entities.extend(entities.load(self.store.gazetteer), list(self.store.names))
        self.index: ClaimIndex = self.store.index
        self._count = self.store.claim_count

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
            if d.verdict not in self.config.report:
                continue
            evidence = tuple(self._evidence(c, d.why) for c in d.evidence)
            considered = tuple(
                self._evidence(c, f"similarity {c.similarity:.2f}, measure {c.measure:.2f}")
                for c in cands[:5]
            )
            findings.append(
                Finding(
                    claim=claim,
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


def read_input(path: str) -> Document:
    if path == "-":
        return read_stdin()  # bounded: standard input may be a pipe that never ends
    return read_path(Path(path), display=path)


def check(
    paths: Sequence[str], store: store_mod.Store | OpenStore, config: Config | None = None
) -> Report:
    config = config or Config()
    checker = Checker(store, config)
    docs = (read_input(p) for p in paths)
    files = tuple(suppress.apply(doc, checker.check_document(doc)) for doc in docs)
    return Report(store=checker.info(), files=files)


def fails(report: Report, config: Config) -> bool:
    return any(config.fails(f.verdict) and not f.accepted for fr in report.files for f in fr.findings)


__all__ = ["Checker", "Verdict", "check", "fails", "open_stores"]
