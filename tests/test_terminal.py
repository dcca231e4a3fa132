"""Output people can read anywhere: colour by the usual rules (checked with a fake terminal), the
figure marked without colour, sentences shortened around the figure, wrapping with hanging indents."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.render.terminal import lines, use_color, width
from factcheck.render.text import CLAIM_CHARS, marked

SUPPORT = "Kyrgyzstan's debt to China constitutes 43 percent of the country's total foreign debt.\n"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("flag", "tty", "env", "expected"),
    [
        (None, True, {}, True),  # a terminal: colour
        (None, False, {}, False),  # a pipe: none
        (None, True, {"NO_COLOR": "1"}, False),  # no-color.org, even at a terminal
        (None, True, {"NO_COLOR": ""}, True),  # an empty NO_COLOR is unset
        (None, False, {"FORCE_COLOR": "1"}, True),  # `| less -R`, CI logs
        (None, False, {"FORCE_COLOR": "0"}, False),
        (None, True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins, as in ruff
        (None, True, {"TERM": "dumb"}, False),
        (True, False, {"NO_COLOR": "1"}, True),  # --color wins over everything
        (False, True, {"FORCE_COLOR": "1"}, False),  # and --no-color
    ],
)
def test_colour_rules(flag: bool | None, tty: bool, env: dict[str, str], expected: bool) -> None:
    stream = FakeTerminal() if tty else io.StringIO()
    assert use_color(flag, stream, env) is expected


def test_width_from_terminal_or_columns() -> None:
    assert width(io.StringIO(), {}) == 0  # a pipe: one line per item
    assert width(io.StringIO(), {"COLUMNS": "72"}) == 72
    assert width(FakeTerminal(), {}) > 0


def _cli(args: list[str], env: dict[str, str], tty: bool, cwd: Path) -> str:
    """Run the real command, its standard output a pseudo-terminal or a pipe."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    full_env["TERM"] = "xterm-256color"
    full_env.update(env)
    cmd = [sys.executable, "-m", "factcheck", *args]
    if not tty:
        return subprocess.run(cmd, env=full_env, cwd=cwd, capture_output=True, text=True, check=False).stdout
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, env=full_env, cwd=cwd, stdout=follower, stderr=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_real_terminal_and_pipe(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(SUPPORT, encoding="utf-8")
    assert "\x1b[" in _cli(["d.md"], {}, True, tmp_path)
    assert "\x1b[" not in _cli(["d.md"], {"NO_COLOR": "1"}, True, tmp_path)
    assert "\x1b[" not in _cli(["d.md"], {}, False, tmp_path)
    piped = _cli(["d.md"], {"FORCE_COLOR": "1"}, False, tmp_path)
    assert "\x1b[" in piped and "\u00ab" in piped  # coloured, and the figure still marked
    assert "\x1b[" in _cli(["d.md", "--color"], {}, False, tmp_path)


def test_figure_marked_in_plain_text() -> None:
    runs = marked("Debt is 43 percent of GDP.", "43 percent", "bold", CLAIM_CHARS)
    assert "".join(t for t, _ in runs) == "Debt is \u00ab43 percent\u00bb of GDP."


def test_long_sentence_shortened_around_the_figure() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    text = f"{words} and then the debt reached 43 percent of GDP by the end of the decade {words}."
    plain = "".join(t for t, _ in marked(text, "43 percent", "bold", 120))
    assert "\u00ab43 percent\u00bb" in plain  # never cut before the figure
    assert plain.startswith("\u2026 ") and plain.endswith(" \u2026")
    assert len(plain) <= 125
    assert all(part.startswith("word") or part in ("\u2026",) or part for part in plain.split())


def test_wrapping_keeps_words_and_hangs() -> None:
    runs = [
        ("  brief.md:1:5  ", ""),
        ("conflicting", "bold red"),
        ("  ", ""),
        ("Kyrgyzstan's debt to China makes up \u00ab", ""),
        ("34%", "bold"),
        ("\u00bb of its total foreign debt, as the finance ministry reported in 2021.", ""),
    ]
    out = lines(runs, color=False, width=40, indent=6)
    assert all(len(line) <= 40 for line in out)
    assert all(line.startswith("      ") and not line.startswith("       ") for line in out[1:])
    joined = " ".join(line.strip() for line in out)
    assert "Kyrgyzstan's" in joined and "\u00ab34%\u00bb" in joined  # no word split
    coloured = lines(runs, color=True, width=40, indent=6)
    assert "\x1b[1;31mconflicting\x1b[0m" in coloured[0]
    assert [_strip(line) for line in coloured] == out


def _strip(s: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", s)
