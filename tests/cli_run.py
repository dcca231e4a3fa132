"""Running `python -m factcheck` in a fresh process, as a user or a hook does, and the one shape every
bad-input failure must have. Shared by the bad-input, input-limit and write-safety tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path, **kw: Any) -> subprocess.CompletedProcess[Any]:
    """factcheck with these arguments (any file name, UTF-8 or not), its own cache under `cwd`;
    text output unless `text=False` is given, `input=` feeds standard input."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / ".cache"), "PYTHONPATH": str(ROOT)}
    kw.setdefault("text", True)
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *map(os.fsencode, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
        **kw,
    )


def one_line_error(r: subprocess.CompletedProcess[Any], *words: str) -> str:
    """The run failed as bad input should: exit 2, one line on stderr naming what was wrong."""
    err = r.stderr if isinstance(r.stderr, str) else r.stderr.decode("utf-8", "replace")
    assert r.returncode == 2, (r.returncode, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("factcheck: error: "), lines[0]
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]
