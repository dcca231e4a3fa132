"""Fuzz the files factcheck reads besides drafts: stores (store.yaml, claims files, names.yaml,
gazetteer.yaml), the index (index.sqlite), config files (.factcheck.yaml, pyproject.toml) and
baselines. Used by fuzz_pipeline.py, which interleaves these inputs with its drafts.

Each input is a fresh copy of a small store, a draft, a config file and a baseline, with one of
the files mutated: YAML and TOML by structure-aware edits (anchors and aliases, brackets, nesting,
wrong-typed values, tabs, tags, duplicate keys, truncation), the index by flipped bytes, cut pages
and overwritten headers. `factcheck check` then runs on it in this process (click's test runner,
so thousands of runs fit in minutes). A failure is an exit code other than 0, 1 or 2, an exit 2
whose message is not one line naming a file, an exception, or a run slower than the limit.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from factcheck import store as store_mod
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent

YAML_TOKENS = [
    "&a ",
    "*a",
    "&b [*a, *a, *a]",
    "<<: *a",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "\n- ",
    "\n  ",
    "\t",
    "'",
    '"',
    "~",
    "null",
    "12345",
    "abc",
    "-1",
    "1e400",
    ".nan",
    "true",
    "!!str ",
    "!!binary ",
    "!!python/object:os.system ",
    "!!set ",
    "? ",
    "|\n  ",
    ">\n  ",
    "---\n",
    "...\n",
    "#",
    "%YAML 1.1\n",
    "\x00",
    "\ufeff",
    "\u200b",
    "\udcff",
    "key: value\n",
    "version: 1\n",
    "claims: 5\n",
    "sources: []\n",
    "entities: 7\n",
    "names: 12345\n",
    "findings: {}\n",
    "store: /dev/zero\n",
    "store: " + "s" * 300 + "\n",  # a name the system cannot look up
    'store: "st\\0ore"\n',
    "exclude: ['*a*a*a*a*b']\n",
    "fail-on: never\n",
    "tolerance: 7\n",
    "report: [nonsense]\n",
]
TOML_TOKENS = [
    "[",
    "]",
    "{",
    "}",
    "=",
    '"',
    "'",
    '"""',
    "'''",
    "#",
    "\n",
    "[tool.factcheck]\n",
    "store = 5\n",
    "store = '" + "s" * 300 + "'\n",
    "fail-on = 'never'\n",
    "tolerance = 2\n",
    "include = ['*.md']\n",
    "exclude = [[[['x']]]]\n",
    "x = " + "[" * 300 + "]" * 300 + "\n",
    "\\u0000",
    "1979-05-27T07:32:00Z",
    "inf",
    "nan",
]


def _nest(rng: random.Random) -> str:
    n = rng.choice((50, 150, 1200))
    return rng.choice(("[" * n + "]" * n, "- " * n + "x\n", "{a: " * n + "1" + "}" * n))


def _bomb(rng: random.Random) -> str:
    width = rng.choice((3, 9))
    lines = ["a0: &a0 [x, y, z]"]
    for i in range(1, rng.choice((4, 10))):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def mutate_text(rng: random.Random, text: str, tokens: list[str], *, yaml: bool) -> str:
    s = text
    for _ in range(rng.randrange(1, 8)):
        op = rng.randrange(8)
        i = rng.randrange(len(s) + 1)
        if op <= 2:
            s = s[:i] + rng.choice(tokens) + s[i:]
        elif op == 3 and s:
            s = s[:i] + s[min(len(s), i + rng.randrange(60)) :]
        elif op == 4 and s:
            j = min(len(s), i + rng.randrange(300))
            s = s[:i] + s[i:j] * rng.randrange(1, 4) + s[j:]
        elif op == 5:
            s = s[:i] + (_nest(rng) if yaml or rng.random() < 0.5 else "x = " + "[" * 2000) + s[i:]
        elif op == 6 and yaml:
            s = _bomb(rng) + s if rng.random() < 0.5 else s + "\n" + _bomb(rng)
        else:
            s = s[: rng.randrange(len(s) + 1)]  # truncated, as by a full disk
    return s


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randrange(1, 20)):
        op = rng.randrange(5)
        if not b:
            break
        i = rng.randrange(len(b))
        if op <= 1:
            b[i] = rng.randrange(256)
        elif op == 2:
            page = 4096 * rng.randrange(max(1, len(b) // 4096))
            b[page : page + 4096] = bytes(rng.randrange(256) for _ in range(64)) * 64
        elif op == 3:
            del b[rng.randrange(len(b)) :]
        else:
            b[i : i + 16] = b"SQLite format 3\x00"
    return bytes(b)


class FileFuzz:
    """A base folder built once; each input mutates one file of a fresh copy of it."""

    def __init__(self, slow: float, fail: Callable[[str, str], None]) -> None:
        self.slow = slow
        self.fail = fail
        self.inputs = 0
        self.failures = 0
        self.by_code: dict[int, int] = {}
        self.slowest = 0.0
        self.tmp = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
        self.base = self.tmp / "base"
        self.base.mkdir()
        brief = ROOT / "examples" / "brief.md"
        store_mod.write(store_mod.build([brief]), self.base / "store")
        (self.base / "store" / "gazetteer.yaml").write_text(
            "entities:\n- id: acme\n  type: company\n  names: [Acme Corporation, Acme]\n", encoding="utf-8"
        )
        (self.base / "draft.md").write_text(brief.read_text(encoding="utf-8")[:3000], encoding="utf-8")
        (self.base / ".factcheck.yaml").write_text(
            "store: store\nfail-on: conflicting\ntolerance: 0.1\nexclude: ['*.tmp']\n", encoding="utf-8"
        )
        (self.base / "pyproject.toml").write_text(
            "[project]\nname = 'x'\n\n[tool.factcheck]\nstore = 'store'\nfail-on = 'unsupported'\n",
            encoding="utf-8",
        )
        self.runner = CliRunner()
        self.env = {"XDG_CACHE_HOME": str(self.tmp / "cache"), "NO_COLOR": "1"}
        os.chdir(self.base)
        self.runner.invoke(cli, ["check", "draft.md", "--write-baseline", "baseline.yaml"], env=self.env)
        # build the index once, so copies start from a fresh one
        self.runner.invoke(cli, ["check", "draft.md"], env=self.env)
        self.targets = sorted(
            str(p.relative_to(self.base))
            for p in self.base.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        )
        self.targets += [".factcheck.yaml"]
        self.n = 0

    def one(self, rng: random.Random) -> None:
        self.inputs += 1
        self.n += 1
        work = self.tmp / f"w{self.n}"
        shutil.copytree(self.base, work)
        target = rng.choice(self.targets)
        path = work / target
        if path.suffix == ".sqlite":
            path.write_bytes(mutate_bytes(rng, path.read_bytes()))
        else:
            toml = path.suffix == ".toml"
            text = mutate_text(
                rng,
                path.read_text(encoding="utf-8"),
                TOML_TOKENS if toml else YAML_TOKENS,
                yaml=not toml and path.suffix in (".yaml", ".yml"),
            )
            path.write_bytes(text.encode("utf-8", "surrogateescape"))
        config = ["--config", "pyproject.toml"] if rng.random() < 0.3 else []
        args = [
            "check",
            "draft.md",
            *config,
            "--baseline",
            "baseline.yaml",
            "--format",
            rng.choice(("text", "json", "sarif")),
        ]
        os.chdir(work)
        t0 = time.perf_counter()
        try:
            r = self.runner.invoke(cli, args, env=self.env, catch_exceptions=True)
        finally:
            os.chdir(self.tmp)
        took = time.perf_counter() - t0
        self.slowest = max(self.slowest, took)
        code = r.exit_code
        self.by_code[code] = self.by_code.get(code, 0) + 1
        why = ""
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            why = f"exception {type(r.exception).__name__}: {r.exception}"
        elif code not in (0, 1, 2):
            why = f"exit {code}: {r.stderr.strip()[-300:]}"
        elif code == 2:
            lines = r.stderr.strip().splitlines()
            if len(lines) != 1 or not lines[0].startswith("factcheck: error: "):
                why = f"exit 2 without a one-line error: {r.stderr[-300:]!r}"
        if not why and took > self.slow:
            why = f"slow: {took:.1f} s"
        if why:
            self.failures += 1
            self.fail(
                f"{target} of a fresh store, then {' '.join(args)}\n--- {target}:\n"
                + path.read_bytes().decode("utf-8", "replace")[:20000],
                why,
            )
            if os.environ.get("FUZZ_KEEP"):
                shutil.copytree(work, ROOT / "fuzz" / "failures" / f"w{self.n}")
        shutil.rmtree(work, ignore_errors=True)

    def close(self) -> None:
        os.chdir(ROOT)
        shutil.rmtree(self.tmp, ignore_errors=True)
