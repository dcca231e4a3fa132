"""A store that is never inconsistent (issue 12, point 2): builds and checks run at the same time, in
several rounds, and after each round the index marked fresh holds exactly what the YAML holds. Also:
checks that start together wait for one rebuild, and a store edited while it is being indexed is
not indexed as it was before the edit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import codec, index, lock, store
from factcheck.errors import FactcheckError

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / ".cache"),
        "PYTHONPATH": str(ROOT),
        "NO_COLOR": "1",
    }


def _sources(folder: Path, tag: str, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"{tag}{i}.md").write_text(
            f"# {tag.upper()} {i}\n\nChina lent Kazakhstan ${i + 1} billion in 2019. "
            f"Uzbekistan's external debt to China reached {20 + i} percent in 2021. "
            f"Huawei built {i + 2} data centres in Tashkent.\n",
            encoding="utf-8",
        )
    return folder


def _index_matches_yaml(folder: Path) -> None:
    path = folder / index.INDEX_NAME
    assert index.status(path, folder) == "fresh"
    loaded = store.load(folder)
    opened = index.SqliteIndex([path])
    try:
        assert dict(opened.works) == loaded.works
        in_index = sorted((c.id, repr(codec.encode(c)), c.source) for c in opened.claims())
        in_yaml = sorted((c.id, repr(codec.encode(c)), c.source) for c in loaded.claims)
        assert in_index == in_yaml
    finally:
        opened.close()


def test_builds_and_checks_race_without_an_inconsistent_index(tmp_path: Path) -> None:
    a = _sources(tmp_path / "a", "a", 3)
    b = _sources(tmp_path / "b", "b", 5)
    (tmp_path / "draft.md").write_text("China lent Kazakhstan $5 billion in 2019.\n", encoding="utf-8")
    out = tmp_path / "store"
    env = _env(tmp_path)
    fc = [sys.executable, "-m", "factcheck"]
    index.write_store(store.build([a]), out)
    for round_ in range(3):
        first, second = (a, b) if round_ % 2 else (b, a)
        if round_ == 2:
            (out / index.INDEX_NAME).unlink()  # the checks rebuild it lazily while builds write the store
        procs = [
            (
                "build",
                subprocess.Popen(
                    [*fc, "build", str(first), "--out", str(out)],
                    cwd=tmp_path,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
            ),
            *(
                (
                    "check",
                    subprocess.Popen(
                        [*fc, "check", "draft.md", "--store", "store"],
                        cwd=tmp_path,
                        env=env,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        text=True,
                    ),
                )
                for _ in range(3)
            ),
            (
                "build",
                subprocess.Popen(
                    [*fc, "build", str(second), "--out", str(out)],
                    cwd=tmp_path,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
            ),
        ]
        for kind, p in procs:
            stdout, stderr = p.communicate(timeout=300)
            assert "Traceback" not in stderr and "internal error" not in stderr, stderr
            assert p.returncode in ((0,) if kind == "build" else (0, 1)), (kind, p.returncode, stderr)
            if kind == "check":
                assert "2 claims in 1 file" in stdout
        _index_matches_yaml(out)
        assert {c.source[0] for c in store.load(out).claims} in ({"a"}, {"b"})  # one build's, not a mix
    assert not [p for p in out.rglob("*.tmp")]


def test_a_store_edited_while_it_is_indexed_is_not_indexed_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fingerprint is taken before the YAML is read and checked after: an edit in between throws
    the work away and indexes again, so the index never passes for fresh with the old claims."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    out = tmp_path / "store"
    store.write(store.build([_sources(tmp_path / "a", "a", 2)]), out)
    f = store.claim_files(out)[0]
    real = store.read_claims
    edits = []

    def edit_during_read(*args: object) -> object:
        if not edits:  # once, as a colleague saving the file while the index is built
            edits.append(f)
            time.sleep(0.01)
            f.write_text(
                f.read_text(encoding="utf-8").replace("China lent", "Beijing lent"), encoding="utf-8"
            )
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "read_claims", edit_during_read)
    path = index.ensure_index(out)
    assert path == out / index.INDEX_NAME and edits
    _index_matches_yaml(out)
    assert any("Beijing" in c.quote for c in index.SqliteIndex([path]).claims())


def test_a_store_that_keeps_changing_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    out = tmp_path / "store"
    store.write(store.build([_sources(tmp_path / "a", "a", 1)]), out)
    real = store.read_claims

    def always_edited(f: Path, *args: object) -> object:
        time.sleep(0.01)
        f.write_bytes(f.read_bytes() + b"\n")
        return real(f, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "read_claims", always_edited)
    with pytest.raises(FactcheckError, match="kept changing"):
        index.ensure_index(out)
    assert not (out / index.INDEX_NAME).exists() and not list(out.glob(".*.tmp"))


def test_checks_wait_for_a_build_holding_the_lock(tmp_path: Path) -> None:
    """While a build holds the store's lock, a check waits for it instead of reading a store half
    written; a lock that is never released is a one-line error after the wait, not a hang."""
    out = tmp_path / "store"
    index.write_store(store.build([_sources(tmp_path / "a", "a", 1)]), out)
    (tmp_path / "draft.md").write_text("China lent Kazakhstan $5 billion in 2019.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "factcheck", "check", "draft.md", "--store", "store"]
    with lock.locked(out, tmp_path / "fallback", exclusive=True):
        p = subprocess.Popen(
            cmd, cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        time.sleep(1.0)
        assert p.poll() is None, p.communicate()  # waiting
    stdout, stderr = p.communicate(timeout=120)
    assert p.returncode == 1 and "1 conflicting" in stdout, stderr
    with (
        lock.locked(out, tmp_path / "fallback", exclusive=True),
        pytest.raises(FactcheckError, match="locked"),
        lock.locked(out, tmp_path / "fallback", exclusive=False, wait=0.2),
    ):
        pass


def test_concurrent_checks_rebuild_once(tmp_path: Path) -> None:
    out = tmp_path / "store"
    store.write(store.build([_sources(tmp_path / "a", "a", 2)]), out)  # YAML only: no index yet
    (tmp_path / "draft.md").write_text("China lent Kazakhstan $5 billion in 2019.\n", encoding="utf-8")
    env = _env(tmp_path)
    cmd = [
        sys.executable,
        "-c",
        "import sys; from factcheck import index; real = index.index_folder\n"
        "def traced(*a):\n    print('REBUILD', file=sys.stderr); real(*a)\n"
        "index.index_folder = traced\nfrom factcheck.cli import main; main()",
        "check",
        "draft.md",
        "--store",
        "store",
    ]
    procs = [
        subprocess.Popen(
            cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 1 for p in procs), results
    assert sum(err.count("REBUILD") for _, err in results) == 1
    _index_matches_yaml(out)
