"""Candidate retrieval the benchmark compares factcheck's index with. Each answers `candidates(draft,
limit)` and `idf(token)` like `match.Index`, so the checker can use it in place of the index: the
extraction and the verdict function stay the same, only the retrieval (and its similarity) change.

- Naive: every draft claim against every store claim with rapidfuzz's token_set_ratio on the quotes.
- BM25: Okapi BM25 over the store claims' quotes (lower-cased words, stopwords out; k1=1.2, b=0.75).
- Memory: factcheck's in-memory inverted index (`match.Index`) over every claim, decoded up front.

Both text baselines use the store's IDF for the measure-word overlap. Like the index, they are asked
once per draft claim (the claims of one sentence share its quote, and ask again).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from factcheck.index import SqliteIndex
from factcheck.match import MAX_CANDIDATES, Candidate, Index, measure_overlap
from factcheck.model import Claim
from factcheck.text import STOPWORDS

_WORD = re.compile(r"[a-z0-9]+")


def quotes(index: SqliteIndex) -> tuple[list[int], list[str]]:
    """Positions and quotes of every claim of a (single) store index, read straight from SQLite."""
    con = index._cons[0]
    rows = con.execute("SELECT id, json_extract(data, '$.quote') FROM claims ORDER BY id").fetchall()
    return [r for r, _ in rows], [q for _, q in rows]


def _candidates(
    index: SqliteIndex, draft: Claim, hits: list[tuple[int, float]], idf: Callable[[str], float]
) -> list[Candidate]:
    claims = index.fetch([k for k, _ in hits])
    out = [Candidate(claims[k], s, measure_overlap(draft, claims[k], idf)) for k, s in hits]
    out.sort(key=lambda c: (-c.similarity, c.claim.id))
    return out


class Naive:
    name = "naive"

    def __init__(self, index: SqliteIndex) -> None:
        from rapidfuzz import utils

        self.index, self.idf = index, index.idf
        self.keys, raw = quotes(index)
        self.quotes = [utils.default_process(q) for q in raw]

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        from rapidfuzz import fuzz, process, utils

        query = utils.default_process(draft.quote)
        found = process.extract(query, self.quotes, scorer=fuzz.token_set_ratio, processor=None, limit=limit)
        hits = [(self.keys[i], score / 100) for _, score, i in found if score > 0]
        return _candidates(self.index, draft, hits, self.idf)


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


class BM25:
    name = "bm25"

    def __init__(self, index: SqliteIndex, k1: float = 1.2, b: float = 0.75) -> None:
        import numpy as np

        self.np: Any = np
        self.index, self.idf = index, index.idf
        self.k1, self.b = k1, b
        self.keys, raw = quotes(index)
        docs = [words(q) for q in raw]
        self.n = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
        self.avgdl = float(lengths.mean()) if self.n else 1.0
        by_term: dict[str, tuple[list[int], list[int]]] = {}
        for i, d in enumerate(docs):
            counts: dict[str, int] = {}
            for w in d:
                counts[w] = counts.get(w, 0) + 1
            for w, n in counts.items():
                ids, tfs = by_term.setdefault(w, ([], []))
                ids.append(i)
                tfs.append(n)
        self.term_idf: dict[str, float] = {}
        self.postings: dict[str, tuple[Any, Any]] = {}
        norm = k1 * (1 - b + b * lengths / self.avgdl)
        for w, (ids, tfs) in by_term.items():
            df = len(ids)
            idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            self.term_idf[w] = idf
            a = np.array(ids, dtype=np.int64)
            freq = np.array(tfs, dtype=np.float64)
            self.postings[w] = (a, idf * freq * (k1 + 1) / (freq + norm[a]))

    def _self_score(self, terms: list[str]) -> float:
        """The query's score against itself as a document: the similarity scale (1 = all of it)."""
        counts: dict[str, int] = {}
        for w in terms:
            counts[w] = counts.get(w, 0) + 1
        norm = self.k1 * (1 - self.b + self.b * len(terms) / self.avgdl)
        return sum(
            self.term_idf.get(w, math.log(1 + self.n + 0.5)) * tf * (self.k1 + 1) / (tf + norm)
            for w, tf in counts.items()
        )

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        np = self.np
        terms = words(draft.quote)
        acc = np.zeros(self.n, dtype=np.float64)
        for w in set(terms):
            p = self.postings.get(w)
            if p is not None:
                acc[p[0]] += p[1]
        k = min(limit, int(np.count_nonzero(acc)))
        top = np.argpartition(-acc, k - 1)[:k] if k else np.array([], dtype=np.int64)
        scale = self._self_score(terms) or 1.0
        hits = [(self.keys[int(i)], min(1.0, float(acc[i]) / scale)) for i in top]
        return _candidates(self.index, draft, hits, self.idf)


class Memory:
    """match.Index over all the store's claims (decoded from the index: loading the YAML is timed
    separately, it is far slower)."""

    name = "memory"

    def __init__(self, index: SqliteIndex) -> None:
        self.inner = Index(tuple(index.claims()))
        self.idf = self.inner.idf

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        return self.inner.candidates(draft, limit)


METHODS = {"naive": Naive, "bm25": BM25, "memory": Memory}
