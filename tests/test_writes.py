"""Writes that cannot destroy (issue 12, point 1): a report or baseline is never written over an
input; devices, FIFOs and the process's own descriptors are written through, never renamed over;
a symlink's target is replaced and the link kept; temporary files go on every exit path (SIGTERM)
and what a SIGKILL leaves is cleared by the next run; a full disk or a file-size limit while
writing the index is one line."""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from cli_run import run

from factcheck import index, store
from factcheck.safewrite import atomic_write

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "factcheck" / "data" / "claims"
DRAFT = "China lent Kazakhstan $5 billion in 2019.\n"


def one_line(r: subprocess.CompletedProcess[str], *words: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: ") and "Traceback" not in r.stderr, (
        r.stderr
    )
    for w in words:
        assert w in lines[0], (w, lines[0])


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("# A\n\nChina lent Kazakhstan $1 billion in 2019.\n", encoding="utf-8")
    index.write_store(store.build([src]), tmp_path / "store")
    return tmp_path


def _snapshot(p: Path) -> tuple[bytes, int, int]:
    st = p.stat()
    return p.read_bytes(), st.st_mtime_ns, st.st_ino


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
@pytest.mark.parametrize("target", ["draft.md", "./link.md", "hard.md", "store/store.yaml", "cfg.yaml"])
def test_an_input_is_never_written_over(work: Path, option: str, target: str) -> None:
    (work / "link.md").symlink_to("draft.md")
    os.link(work / "draft.md", work / "hard.md")
    (work / "cfg.yaml").write_text("fail-on: never\n", encoding="utf-8")
    protected = [work / "draft.md", work / "store" / "store.yaml", work / "cfg.yaml"]
    before = [_snapshot(p) for p in protected]
    r = run("check", "draft.md", "--store", "store", "--config", "cfg.yaml", option, target, cwd=work)
    one_line(r, target, "is one of the inputs")
    assert [_snapshot(p) for p in protected] == before
    assert (work / "link.md").is_symlink()


def test_a_baseline_may_be_rewritten_in_place(work: Path) -> None:
    """`--baseline b.yaml --write-baseline b.yaml` refreshes a baseline: not an input to protect."""
    assert (
        run("check", "draft.md", "--store", "store", "--write-baseline", "b.yaml", cwd=work).returncode == 0
    )
    r = run(
        "check",
        "draft.md",
        "--store",
        "store",
        "--baseline",
        "b.yaml",
        "--write-baseline",
        "b.yaml",
        cwd=work,
    )
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_is_written_through_not_replaced(work: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    before = os.stat(device)
    r = run("check", "draft.md", "--store", "store", "--output", device, cwd=work)
    if device == "/dev/full":
        one_line(r, device, "cannot write the report", "No space left")
    else:
        assert r.returncode == 1, r.stderr
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not list(Path(device).parent.glob(f".{Path(device).name}.*.tmp"))


def test_dev_stdout_writes_to_standard_output(work: Path) -> None:
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout here")
    out = work / "out.txt"
    with out.open("w") as f:
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "factcheck",
                "check",
                "draft.md",
                "--store",
                "store",
                "--output",
                "/dev/stdout",
            ],
            cwd=work,
            stdout=f,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "XDG_CACHE_HOME": str(work / ".cache"), "PYTHONPATH": str(ROOT)},
            timeout=120,
            check=False,
        )
    assert r.returncode == 1, r.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("draft.md\n") and "conflicting" in text and text.count("1 conflicting") == 2


def test_a_fifo_is_written_through_and_one_without_a_reader_is_an_error(work: Path) -> None:
    fifo = work / "report.fifo"
    os.mkfifo(fifo)
    one_line(
        run("check", "draft.md", "--store", "store", "--output", fifo, cwd=work), "no process is reading"
    )
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = run("check", "draft.md", "--store", "store", "--output", fifo, cwd=work)
    reader.join(60)
    assert r.returncode == 1, r.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode) and b"conflicting" in got[0]


def test_a_symlink_is_followed_and_kept(work: Path) -> None:
    (work / "reports").mkdir()
    (work / "reports" / "latest.txt").write_text("old", encoding="utf-8")
    (work / "report.txt").symlink_to("reports/latest.txt")
    (work / "dangling.txt").symlink_to("reports/new.txt")
    for name in ("report.txt", "dangling.txt"):
        assert run("check", "draft.md", "--store", "store", "--output", name, cwd=work).returncode == 1
        assert (work / name).is_symlink()
    assert "conflicting" in (work / "reports" / "latest.txt").read_text(encoding="utf-8")
    assert "conflicting" in (work / "reports" / "new.txt").read_text(encoding="utf-8")


def test_a_replaced_file_keeps_its_permissions_and_stale_temporaries_go(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    stale, fresh = tmp_path / ".report.txt.abc.tmp", tmp_path / ".report.txt.def.tmp"
    stale.write_text("left by a killed run", encoding="utf-8")
    fresh.write_text("another run writing now", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not stale.exists() and fresh.exists()


# --- killed while writing the index -------------------------------------------------------------


def _big_store(folder: Path, copies: int) -> None:
    """The bundled store's claims `copies` times over, as works of their own: an index that takes
    long enough to write for a signal to land in the middle."""
    (folder / "claims").mkdir(parents=True)
    meta = (BUNDLED / "store.yaml").read_text(encoding="utf-8")
    works = meta[meta.index("sources:\n") + len("sources:\n") :]
    out = ["version: 1\nsources:\n"]
    for k in range(copies):
        out.append(re.sub(r"^(- \{?id: )([^,\s]+)", rf"\g<1>\g<2>-{k}", works, flags=re.M))
        for f in sorted((BUNDLED / "claims").glob("*.yaml")):
            text = re.sub(r"^source: (\S+)", rf"source: \1-{k}", f.read_text(encoding="utf-8"), flags=re.M)
            text = re.sub(r"^- id: ", f"- id: {k}-", text, flags=re.M)
            (folder / "claims" / f"{f.stem}-{k}.yaml").write_text(text, encoding="utf-8")
    (folder / "store.yaml").write_text("".join(out), encoding="utf-8")


def _litter(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.endswith("-journal"))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "store"
    _big_store(folder, 2)
    return folder


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_no_temporary_file_outlives_a_killed_index_build(
    big: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    folder = tmp_path / "store"
    shutil.copytree(big, folder)
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / ".cache"), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "factcheck", "check", "draft.md", "--store", "store"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and not _litter(folder):
        time.sleep(0.002)
    assert _litter(folder), "the index build ended before the signal could land"
    time.sleep(0.05)
    proc.send_signal(sig)
    proc.wait(60)
    assert proc.returncode == -sig if sig == signal.SIGKILL else proc.returncode == 128 + sig
    if sig == signal.SIGTERM:
        assert _litter(folder) == [], "SIGTERM must remove the temporary files"
        assert proc.stderr is not None and b"Traceback" not in proc.stderr.read()
    else:
        assert _litter(folder), "SIGKILL cannot clean up: the next run must"
    r = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode in (0, 1), r.stderr
    assert _litter(folder) == []
    assert index.status(folder / index.INDEX_NAME, folder) == "fresh"


def test_a_file_size_limit_while_writing_the_index_is_one_line(work: Path) -> None:
    """RLIMIT_FSIZE lets the YAML through and stops the index: one line naming the index, exit 2."""
    limit = max(f.stat().st_size for f in (work / "store").rglob("*.yaml")) + 4096

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = run("build", "src", "--out", "fresh", cwd=work, preexec_fn=cap)
    one_line(r, "index.sqlite", "cannot write the index")
    assert _litter(work / "fresh") == []
    store.load(work / "fresh")  # the YAML was written whole
