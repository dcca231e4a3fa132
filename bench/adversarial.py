"""Time and peak memory of each pathological input of issue 12, at two sizes ten times apart.

    python bench/adversarial.py [--only NAME] [--out bench/adversarial.md]

Each measurement runs in a fresh process (so the peak resident memory, ru_maxrss, is that input's
alone, over the interpreter and the imports) and times only the step under test. The ratio of the
large size's time to the small one's is about 10 for a linear step and about 100 for a quadratic
one; every ratio must stay under 15. The results go to bench/adversarial.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = "the of and to in a is that for it as was with be by on not this are or from at which".split()


def _ones(n: int) -> None:
    """`1,1,1,...` in a draft: n values in one sentence, checked against the bundled store."""
    from factcheck.check import check, open_stores

    path = Path(tempfile.mkdtemp()) / "ones.md"
    path.write_text("China lent Kazakhstan " + ",".join(["1"] * n) + ".\n", encoding="utf-8")
    stores = open_stores([])
    _timed(lambda: check([str(path)], stores))


def _caps_build(n: int) -> None:
    """`build` on a source with a run of n capitalised words."""
    from factcheck import store

    path = Path(tempfile.mkdtemp()) / "caps.txt"
    run = " ".join(["Alpha", "Beta", "Gamma", "Delta"][i % 4] for i in range(n))
    path.write_text(f"The report names {run} in 2019.\n", encoding="utf-8")
    _timed(lambda: store.build([path]))


def _long_name(n: int) -> None:
    """A name of n words in names.yaml, against a draft that repeats it."""
    from factcheck import entities

    name = " ".join(f"Word{chr(65 + i % 26)}{i}" for i in range(n))
    gaz = entities.extend(entities.load(), [(name, ())])
    text = f"{name}. {name}."
    _timed(lambda: entities.find(text, gaz))


def _glob(n: int) -> None:
    """`--exclude '*a*a*a*a*a*a*a*a*a*a*a*a*b'` against a file name of n characters."""
    from factcheck.discover import Matcher

    m = Matcher((), ("*a*a*a*a*a*a*a*a*a*a*a*a*b",), Path("/"))
    path = Path("/x") / ("a" * n)
    _timed(lambda: m.excluded(path))


def _deep_yaml(n: int) -> None:
    """Front matter nested n levels deep (refused at 100)."""
    from factcheck.errors import FactcheckError
    from factcheck.reader import parse

    text = "---\nx: " + "[" * n + "]" * n + "\n---\nText.\n"

    def go() -> None:
        with contextlib.suppress(FactcheckError):
            parse(text, "deep.md", markdown=True)

    _timed(go)


def _bombs(n: int) -> None:
    """n alias bombs of 600 bytes in a config file (refused)."""
    from factcheck.errors import FactcheckError
    from factcheck.settings import load

    lines = []
    for b in range(n):
        lines.append(f'b{b}a0: &b{b}a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]')
        lines += [f"b{b}a{i}: &b{b}a{i} [{', '.join([f'*b{b}a{i - 1}'] * 9)}]" for i in range(1, 9)]
    path = Path(tempfile.mkdtemp()) / ".factcheck.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def go() -> None:
        with contextlib.suppress(FactcheckError):
            load(path)

    _timed(go)


def _nested_list(n: int) -> None:
    """A Markdown list nested n levels deep, each item a claim."""
    from factcheck.reader import parse

    text = "".join("  " * (i % 400) + f"- Kazakhstan got {i}% in 2019.\n" for i in range(n))
    _timed(lambda: parse(text, "nested.md", markdown=True))


def _table(n: int) -> None:
    """A Markdown table of n bytes, read (memory was 3.3 GB for 13.6 MB)."""
    from factcheck.reader import parse

    rows = "".join(f"| {2000 + i % 24} | {i % 97}% |\n" for i in range(n // 16))
    text = "| year | share |\n|---|---|\n" + rows
    _timed(lambda: parse(text, "table.md", markdown=True))


def _prose(n: int) -> None:
    """A draft of n bytes of words in paragraphs, read and split into sentences (the 20 MB draft)."""
    from factcheck.reader import parse
    from factcheck.segment import sentences

    text = "\n\n".join(
        " ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(60)) + "." for i in range(n // 200)
    )[:n]

    def go() -> None:
        doc = parse(text, "prose.md", markdown=True)
        for _ in sentences(doc.blocks):
            pass

    _timed(go)


def _invisible(n: int) -> None:
    """n figures with a zero-width space inside and a word joiner before the unit, folded and read."""
    from factcheck.reader import parse

    text = "".join(f"Exports rose 4\u200b{i % 10}\u2060% in 2019. " for i in range(n))
    _timed(lambda: parse(text, "cf.md", markdown=True))


CASES: dict[str, tuple[Callable[[int], None], int]] = {
    "1,1,1,... (values in one sentence; check)": (_ones, 500),
    "run of capitalised words (build)": (_caps_build, 300),
    "long name in names.yaml vs a draft repeating it": (_long_name, 2_000),
    "--exclude *a*a*a*a*a*a*a*a*a*a*a*a*b vs a long name": (_glob, 1_000),
    "front matter nested n deep (refused)": (_deep_yaml, 100_000),
    "alias bombs in a config file (refused)": (_bombs, 200),
    "Markdown list nested (400 deep, repeating)": (_nested_list, 2_000),
    "Markdown table (bytes)": (_table, 200_000),
    "prose draft (bytes; read + sentences)": (_prose, 2_000_000),
    "invisible characters in figures": (_invisible, 2_000),
}


def _timed(step: Callable[[], object]) -> None:
    t0 = time.perf_counter()
    step()
    took = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(json.dumps({"seconds": took, "peak_mb": peak}))


def measure(name: str, size: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, __file__, "--one", name, str(size)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=3600,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--one", nargs=2, metavar=("NAME", "SIZE"), help=argparse.SUPPRESS)
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "adversarial.md")
    args = ap.parse_args()
    if args.one:
        CASES[args.one[0]][0](int(args.one[1]))
        return 0
    rows = []
    worst = 0.0
    for name, (_, small) in CASES.items():
        if args.only and args.only not in name:
            continue
        a, b = measure(name, small), measure(name, small * 10)
        ratio = b["seconds"] / max(a["seconds"], 1e-6)
        worst = max(worst, ratio)
        row = (
            f"| {name} | {small:,} | {a['seconds']:.3f} s | {a['peak_mb']:.0f} MB | {small * 10:,} | "
            f"{b['seconds']:.3f} s | {b['peak_mb']:.0f} MB | {ratio:.1f} |"
        )
        print(row, flush=True)
        rows.append(row)
    header = (
        "| input | size | time | peak memory | size x10 | time | peak memory | time ratio |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    text = "\n".join([header, *rows])
    if not args.only:
        args.out.write_text(
            args.out.read_text(encoding="utf-8").split("<!-- results -->")[0]
            + "<!-- results -->\n\n"
            + text
            + "\n"
            if args.out.exists()
            else text + "\n",
            encoding="utf-8",
        )
    print(f"worst ratio {worst:.1f} (must be under 15)")
    return 0 if worst < 15 else 1


if __name__ == "__main__":
    sys.exit(main())
