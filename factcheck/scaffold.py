"""`factcheck init`: a commented `.factcheck.yaml` and the pre-commit hook, so a project starts from
settings it can read rather than from the README."""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import FactcheckError

REPO = "https://github.com/factcheck/factcheck"
# A commit of factcheck that has the hook; tests check that it exists and matches the README.
HOOK_REV = "74e3f6f42d5938047c265626b4e6a6606e0cc1c7"

CONFIG = """\
# factcheck settings (https://github.com/factcheck/factcheck#configuration).
# Flags given on the command line win over these; every key is optional.

# Claim stores to check against, relative to this file (default: the bundled store).
# store: [claims/]

# Which findings make `factcheck` exit 1: conflicting (default), unsupported, or never.
fail-on: conflicting

# Relative slack for hedged figures ("about 40 percent"): 0.1 is 10%.
# tolerance: 0.1

# Files to check when a folder is named, and files or folders to skip.
# include: ["*.md", "*.markdown", "*.txt"]
# exclude: [drafts/old/]

# Verdicts to show besides the failing ones (default: all; SARIF and GitHub annotations: none).
# report: [conflicting, unsupported]
"""

PRE_COMMIT = f"""\
repos:
  - repo: {REPO}
    rev: {HOOK_REV}
    hooks:
      - id: factcheck
"""


def init(folder: Path, force: bool = False) -> list[str]:
    """Write `.factcheck.yaml` (refusing to overwrite one unless `force`) and `.pre-commit-config.yaml`
    when there is none; the lines to print: what was written, and the hook snippet to add by hand to an
    existing pre-commit config."""
    config = folder / ".factcheck.yaml"
    if config.exists() and not force:
        raise FactcheckError("already exists (use --force to overwrite it)", str(config))
    said = []
    try:
        config.write_text(CONFIG, encoding="utf-8")
        said.append(f"wrote {config}")
        hooks = folder / ".pre-commit-config.yaml"
        if hooks.exists():
            snippet = PRE_COMMIT.split("\n", 1)[1]
            said.append(
                f"{hooks} exists; add this under its `repos:`, then run `pre-commit install`:\n" + snippet
            )
        else:
            hooks.write_text(PRE_COMMIT, encoding="utf-8")
            said.append(f"wrote {hooks}; run `pre-commit install` to check briefs on every commit")
    except OSError as e:
        raise FactcheckError(f"cannot write: {e.strerror or e}", str(e.filename or folder)) from None
    return said
