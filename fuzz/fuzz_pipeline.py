"""Fuzz the whole pipeline: parse -> extract -> check -> render (every format); and the other
files factcheck reads: stores, index files, config files and baselines (fuzz_files.py).

    python fuzz/fuzz_pipeline.py --minutes 10 [--seed N] [--slow 10] [--files-share 0.5]

Inputs are arbitrary text and structured mutations of a seed corpus (the sources in seeds/ and
examples/brief.md): windows of real prose with figures, dates, Markdown markup and odd characters
inserted, deleted, duplicated and shuffled. Each input is read both as Markdown and as plain text,
checked against the bundled store and rendered as text, JSON, SARIF, GitHub annotations, JUnit
and Markdown; JSON and SARIF must parse, and every position must point inside the input.

A failure is an exception, a broken invariant, or an input slower than --slow seconds. Failing
inputs are saved under fuzz/failures/ (one file each, with the traceback beside it); the run
goes on. The exit code is 1 when anything failed. Hypothesis drives the generation (no database,
so runs do not share state); atheris is not needed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import suppress  # noqa: E402
from factcheck.check import Checker, open_stores  # noqa: E402
from factcheck.config import Config  # noqa: E402
from factcheck.errors import FactcheckError  # noqa: E402
from factcheck.model import FileReport, Report  # noqa: E402
from factcheck.reader import LineIndex, parse  # noqa: E402
from factcheck.render import FORMATS, render  # noqa: E402
from fuzz.fuzz_files import FileFuzz  # noqa: E402

FAILURES = ROOT / "fuzz" / "failures"

# Fragments that exercise the extractors and the Markdown reader.
TOKENS = [
    "1",
    "0",
    "43",
    "1,200",
    "12.5",
    "20.6",
    "99999999999999999999",
    "1e308",
    "0.000001",
    "-5",
    "$",
    "US$",
    "\u20ac",
    "\u00a3",
    "%",
    " percent",
    " per cent",
    " billion",
    " million",
    "bn",
    " trillion",
    " km",
    " tonnes",
    "between ",
    " and ",
    " to ",
    "from ",
    "about ",
    "more than ",
    "up to ",
    "nearly ",
    "-",
    "\u2013",
    "\u2014",
    "one",
    "twenty-five",
    "a third",
    "hundredth anniversary",
    "2019",
    "2016-17",
    "17 July 2020",
    "Oct. 14",
    "May",
    "since 2018",
    "by 2030",
    "in 1999",
    "China",
    "Kazakhstan",
    "Uzbekistan",
    "the SCO",
    "Huawei",
    "Xi Jinping",
    "U.S.",
    "e.g.",
    "Dr.",
    "J. Smith",
    ". ",
    "? ",
    "! ",
    "...",
    ";",
    ",",
    ":",
    "(",
    ")",
    "[",
    "]",
    '"',
    "'",
    "\u201c",
    "\u201d",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\r",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x0c",
    "- ",
    "* ",
    "1. ",
    "> ",
    "# ",
    "## ",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "```\ncode 5%\n```\n",
    "`x`",
    '<!-- factcheck: accept "ok" -->',
    "<!--",
    "-->",
    "<sup>1</sup>",
    "[1]",
    "[^2]",
    "[link](http://x.y/a_(b))",
    "http://example.com/5%",
    "**",
    "__",
    "~~",
    "---\ntitle: x\n---\n",
    "---\n",
    "\\",
    "&amp;",
    "<b>",
    "\u0301",
    "\U0001f600",
    "\u202e",
    "\ud7ff",
    "\u0418\u0432\u0430\u043d",
    "\u4e2d\u56fd",
    "respectively",
    "not",
]


def corpus() -> list[str]:
    docs = []
    for p in [*sorted((ROOT / "seeds").glob("*")), ROOT / "examples" / "brief.md"]:
        if p.is_file():
            docs.append(p.read_text(encoding="utf-8", errors="replace"))
    return docs or ["China lent Kazakhstan $5 billion in 2019."]


def mutate(rng: random.Random, text: str) -> str:
    start = rng.randrange(max(1, len(text)))
    s = text[start : start + rng.choice((80, 300, 1500, 4000))]
    for _ in range(rng.randrange(12)):
        op = rng.randrange(6)
        i = rng.randrange(len(s) + 1)
        if op <= 1:
            s = s[:i] + rng.choice(TOKENS) + s[i:]
        elif op == 2 and s:
            j = min(len(s), i + rng.randrange(40))
            s = s[:i] + s[j:]
        elif op == 3 and s:
            j = min(len(s), i + rng.randrange(200))
            s = s[:i] + s[i:j] * rng.randrange(1, 6) + s[j:]
        elif op == 4:
            s = (
                s[:i]
                + chr(
                    rng.choice(
                        (
                            rng.randrange(32, 127),
                            rng.randrange(0x80, 0x3000),
                            rng.randrange(0x10000, 0x10FFFF),
                        )
                    )
                )
                + s[i:]
            )
        else:
            s = s.upper() if rng.random() < 0.1 else s.swapcase() if rng.random() < 0.1 else s
    return s


class Run:
    def __init__(self, slow: float) -> None:
        self.slow = slow
        self.inputs = 0
        self.failures = 0
        self.rejected = 0  # inputs refused with a one-line error (malformed front matter)
        self.slowest = 0.0
        self.checker = Checker(open_stores([]), Config())

    def one(self, text: str) -> None:
        self.inputs += 1
        t0 = time.perf_counter()
        try:
            for markdown in (True, False):
                self.pipeline(text, markdown)
        except Exception:
            self.fail(text, traceback.format_exc())
            return
        took = time.perf_counter() - t0
        self.slowest = max(self.slowest, took)
        if took > self.slow:
            self.fail(text, f"slow: {took:.1f} s for {len(text)} characters")

    def pipeline(self, text: str, markdown: bool) -> None:
        try:
            doc = parse(text, "fuzz.md" if markdown else "fuzz.txt", markdown=markdown)
        except FactcheckError as e:  # bad input the user is told about in one line: not a failure
            assert "\n" not in str(e) and str(e).startswith("fuzz."), f"error message not one line: {e!r}"
            self.rejected += 1
            return
        lines = LineIndex(doc.text)
        for b in doc.blocks:
            assert 0 <= b.offset <= b.offset + len(b.text) <= len(doc.text), "block outside the text"
        fr: FileReport = suppress.apply(doc, self.checker.check_document(doc), warn=lambda *_: None)
        for f in fr.findings:
            c = f.claim
            assert 0 <= c.start <= c.end <= len(doc.text), f"claim span {c.start}:{c.end} outside the text"
            assert (c.line, c.column) == lines.position(c.start), "line/column do not match the offset"
        report = Report(store=self.checker.info(), files=(fr,))
        for fmt in FORMATS:
            out = render(report, fmt, color=False, quiet=False, verbose=True, failing=frozenset())
            assert isinstance(out, str)
            if fmt in ("json", "sarif"):
                json.loads(out)

    def fail(self, text: str, why: str) -> None:
        self.failures += 1
        FAILURES.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        (FAILURES / f"{name}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        (FAILURES / f"{name}.why").write_text(why, encoding="utf-8")
        print(f"FAILURE {name}: {why.strip().splitlines()[-1]}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--slow", type=float, default=10.0, help="seconds an input may take [default: 10]")
    ap.add_argument(
        "--files-share",
        type=float,
        default=0.5,
        help="share of the time on stores, indexes, configs, baselines [default: 0.5]",
    )
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    docs = corpus()
    run = Run(args.slow)
    deadline = time.monotonic() + args.minutes * 60
    started = time.strftime("%Y-%m-%d %H:%M:%S")

    arbitrary = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=2000) | st.lists(
        st.sampled_from(TOKENS), max_size=60
    ).map("".join)

    @settings(
        max_examples=100,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(arbitrary)
    def fuzz_arbitrary(text: str) -> None:
        run.one(text)

    files = FileFuzz(args.slow, run.fail) if args.files_share > 0 else None
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        t0 = time.monotonic()
        fuzz_arbitrary()  # a batch of arbitrary text
        while time.monotonic() < deadline and run.inputs < rounds * 300:
            run.one(mutate(rng, rng.choice(docs)))  # then a batch of mutated real prose
        if files is not None:  # then as long again (by --files-share) on the other files
            share = min(args.files_share, 0.95)
            until = time.monotonic() + (time.monotonic() - t0) * share / (1 - share)
            while time.monotonic() < min(deadline, until):
                files.one(rng)
        print(
            f"{time.strftime('%H:%M:%S')} inputs={run.inputs} failures={run.failures} "
            f"rejected={run.rejected} slowest={run.slowest:.2f}s"
            + (
                f" | files: inputs={files.inputs} failures={files.failures} exit codes={files.by_code} "
                f"slowest={files.slowest:.2f}s"
                if files
                else ""
            ),
            flush=True,
        )
    minutes = args.minutes
    print(
        f"started {started}; {minutes:g} minutes; seed {seed}; inputs {run.inputs}; failures {run.failures}; "
        f"refused with a one-line error {run.rejected}; slowest input {run.slowest:.2f} s"
    )
    if files is not None:
        print(
            f"files: inputs {files.inputs}; failures {files.failures}; exit codes {files.by_code}; "
            f"slowest {files.slowest:.2f} s"
        )
        files.close()
    return 1 if run.failures + (files.failures if files else 0) else 0


if __name__ == "__main__":
    sys.exit(main())
