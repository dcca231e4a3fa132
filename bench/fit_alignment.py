"""Fit the alignment model (`factcheck/same.py`) on the labelled sets and report leave-one-set-out.

The model answers one question: does this source sentence state the same fact as the draft claim?
For every claim of every labelled sentence, each retrieved candidate is a training row: its named
features (`same.Features`) and whether its sentence is the one the labeller cited as evidence.
Sentences labelled unsupported or none give negative rows only.

    python bench/fit_alignment.py            # fit on every set, write factcheck/data/alignment.yaml
    python bench/fit_alignment.py --dry-run  # fit and report only

It prints, for each set held out in turn, the score of the whole checker with weights fitted on the
other sets, next to the score with weights fitted on all of them: the gap says how much the weights
owe to the sentences they were fitted on. Needs numpy (`pip install '.[bench]'`) and the labelled
sets in ../shared/eval (read in place, never copied into the project).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import same  # noqa: E402
from factcheck import store as store_mod  # noqa: E402
from factcheck.check import Checker  # noqa: E402
from factcheck.config import Config  # noqa: E402
from factcheck.extract import extract  # noqa: E402
from factcheck.reader import parse  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SEVERITY = {"conflicting": 3, "unsupported": 2, "supported": 1}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    for a, b in (
        ("\u2019", "'"),
        ("\u2018", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2013", "-"),
        ("\u2014", "-"),
    ):
        text = text.replace(a, b)
    return " ".join(text.split())


def cites(gold: str | None, quote: str) -> bool:
    """The scorer's test: the quote overlaps the labelled evidence."""
    return bool(gold) and fuzz.partial_ratio(_norm(gold or ""), _norm(quote)) >= 80


@dataclass
class LabelledSet:
    name: str
    checker: Checker
    items: list[dict]


def load_sets() -> list[LabelledSet]:
    out = [
        LabelledSet("seeds", Checker(store_mod.build([ROOT / "seeds"]), Config()), _items(EVAL / "dev.yaml"))
    ]
    for folder in sorted((EVAL / "sets").iterdir()):
        if (folder / "items.yaml").is_file():
            store = store_mod.build(sorted((folder / "articles").glob("*.md")))
            out.append(LabelledSet(folder.name, Checker(store, Config()), _items(folder / "items.yaml")))
    return out


def _items(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _doc(text: str):  # the scorer's layout: each sentence a paragraph of its own, after a title
    return parse("# Draft\n\n" + text.strip() + "\n", "draft.md", markdown=True)


def rows(s: LabelledSet) -> tuple[np.ndarray, np.ndarray]:
    x, y = [], []
    ck = s.checker
    for it in s.items:
        for claim in extract(_doc(it["text"]), ck.gaz):
            for cand in ck.index.candidates(claim)[:30]:
                c = same.compare(claim, cand, ck.index.idf, ck.kind_of, ck.gaz.label, ck.config.tolerance)
                x.append(c.features.vector())
                same_file = Path(cand.claim.file).name == it.get("source_file")
                y.append(float(same_file and cites(it.get("evidence"), cand.claim.quote)))
    return np.array(x, float), np.array(y, float)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> same.Model:
    """L2-regularised logistic regression by Newton's method (a few hundred rows by ten features)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    ridge = l2 * np.diag([1.0] * x.shape[1] + [0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + ridge @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + ridge
        w -= np.linalg.solve(hess, grad)
    return same.Model(bias=float(w[-1]), weights=tuple(float(v) for v in w[:-1]))


def score(s: LabelledSet, model: same.Model) -> tuple[float, float]:
    """The scorer's score and false-conflict rate for one set, with this model in force."""
    same.model = lambda path=same.WEIGHTS: model  # type: ignore[assignment,misc]
    ok = false_conf = others = 0
    for it in s.items:
        found = [f for f in s.checker.check_document(_doc(it["text"])).findings if f.claim.line == 3]
        if found:
            worst = max(found, key=lambda f: SEVERITY[f.verdict.value])
            pred = worst.verdict.value
        else:
            worst, pred = None, "none"
        right = pred == it["label"]
        if right and worst is not None and pred in ("supported", "conflicting"):
            ev = worst.evidence[0].claim if worst.evidence else None
            right = (
                ev is not None
                and Path(ev.file).name == it.get("source_file")
                and cites(it["evidence"], ev.quote)
            )
        ok += right
        if it["label"] != "conflicting":
            others += 1
            false_conf += pred == "conflicting"
    return ok / len(s.items), false_conf / max(1, others)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the weights")
    args = ap.parse_args()
    sets = load_sets()
    data = {s.name: rows(s) for s in sets}
    everything = fit(
        np.vstack([data[s.name][0] for s in sets]), np.concatenate([data[s.name][1] for s in sets])
    )
    print(f"{'held out':<9}{'score (fit on all)':>20}{'score (fit without it)':>24}{'false conflicts':>17}")
    for s in sets:
        rest = [t.name for t in sets if t is not s]
        alone = fit(np.vstack([data[n][0] for n in rest]), np.concatenate([data[n][1] for n in rest]))
        full, _ = score(s, everything)
        held, fc = score(s, alone)
        print(f"{s.name:<9}{full:>20.3f}{held:>24.3f}{fc:>17.3f}")
    if not args.dry_run:
        weights = {n: round(w, 4) for n, w in zip(same.NAMES, everything.weights, strict=True)}
        header = "# Written by bench/fit_alignment.py: logistic weights of the alignment model (same.py).\n"
        same.WEIGHTS.write_text(
            header + yaml.safe_dump({"bias": round(everything.bias, 4), "weights": weights}, sort_keys=False),
            encoding="utf-8",
        )
        print(f"wrote {same.WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
