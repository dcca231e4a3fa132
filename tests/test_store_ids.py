"""`factcheck build a b` with a/notes.md and b/notes.md: two works, two ids, each claim citing its own
file; two sources that name the same id outright are an error naming both."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import store
from factcheck.cli import cli
from factcheck.errors import FactcheckError


def test_same_file_name_in_two_folders_keeps_two_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder, figure in (("a", "33"), ("b", "21")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.md").write_text(
            f"# Notes {folder}\n\nThe port handles {figure} shipping companies.\n", encoding="utf-8"
        )
    built = store.build([Path("a"), Path("b")])
    assert sorted(built.works) == ["a-notes", "b-notes"]
    by_work = {c.source: c.file for c in built.claims}
    assert by_work == {"a-notes": "a/notes.md", "b-notes": "b/notes.md"}

    res = CliRunner().invoke(cli, ["build", "a", "b", "--out", "store"])
    assert res.exit_code == 0, res.output
    draft = tmp_path / "d.md"
    draft.write_text("The port handles 21 shipping companies.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "--store", "store", str(draft), "--format", "concise"])
    assert "[b-notes]" in res.stdout  # cites the file that says 21, not the other notes.md


def test_one_id_named_by_two_sources_is_an_error(tmp_path: Path) -> None:
    for name in ("x.md", "y.md"):
        (tmp_path / name).write_text(
            "---\nid: notes\ntitle: T\n---\n\nThe port handles 3 ships.\n", encoding="utf-8"
        )
    with pytest.raises(FactcheckError, match="work id 'notes' is also the id of"):
        store.build([tmp_path])
