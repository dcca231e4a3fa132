"""Start-up (issue 11, point 8): what a one-page check in a fresh process loads and how often it
collects garbage. Its time is measured in bench/run.py (`--startup`), never asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import GC_THRESHOLD

ROOT = Path(__file__).resolve().parent.parent
BRIEF = ROOT / "examples" / "brief.md"

# `factcheck FILE` as the entry point runs it, then what the process holds at its end.
PROBE = """
import gc, json, sys
from factcheck.cli import main
sys.argv = ["factcheck", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
state = {"modules": sorted(sys.modules), "threshold": gc.get_threshold(), "enabled": gc.isenabled()}
print(json.dumps(state), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def after_check(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A one-page brief without front matter, in a project whose pyproject.toml has no factcheck table."""
    cwd = tmp_path_factory.mktemp("startup")
    body = BRIEF.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    (cwd / "brief.md").write_text(body, encoding="utf-8")
    (cwd / "pyproject.toml").write_text('[project]\nname = "report"\n', encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / ".cache"), "PYTHONPATH": str(ROOT)}
    for _ in range(2):  # the first run builds the index and fills the cache, as any first run does
        r = subprocess.run(
            [sys.executable, "-c", PROBE, "brief.md"],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert r.returncode in (0, 1), r.stderr
    state: dict[str, Any] = json.loads(r.stderr.strip().splitlines()[-1])
    return state


@pytest.mark.parametrize(
    "module",
    [
        "tomllib",  # only a pyproject.toml with a [tool.factcheck] table is parsed
        "shutil",  # a terminal's width: the output here is a pipe
        "yaml",  # the tables, gazetteer and weights come from the derived-data cache; no front matter
    ],
)
def test_check_does_not_import(after_check: dict[str, Any], module: str) -> None:
    assert module not in after_check["modules"]


def test_garbage_is_collected_less_often_not_never(after_check: dict[str, Any]) -> None:
    assert after_check["threshold"][0] == GC_THRESHOLD
    assert after_check["enabled"]
