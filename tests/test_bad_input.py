"""Bad input never crashes, hangs or loses data (issue 6).

Every failure a user can cause is one line on stderr, `factcheck: error: FILE[:LINE]: what`, and
exit code 2; never a traceback, unless --debug asks for one. The CLI runs as a real process
(`python -m factcheck`) so that the exit code and stderr are exactly what a user sees.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from cli_run import one_line_error, run

from factcheck import reader
from factcheck import store as store_mod
from factcheck.errors import FactcheckError
from factcheck.model import Work

ROOT = Path(__file__).resolve().parent.parent
BRIEF = ROOT / "examples" / "brief.md"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("store") / "store"
    store_mod.write(store_mod.build([BRIEF]), out)
    return out


@pytest.fixture
def work(tmp_path: Path, built_store: Path) -> Path:
    """A folder with a good draft and a copy of a small store."""
    (tmp_path / "draft.md").write_text("China lent Kazakhstan $5 billion in 2019.\n", encoding="utf-8")
    shutil.copytree(built_store, tmp_path / "store")
    return tmp_path


def claims_file(store: Path) -> Path:
    return sorted((store / "claims").glob("*.yaml"))[0]


# --- documents ---------------------------------------------------------------------------------


def test_missing_file(work: Path) -> None:
    one_line_error(run("check", "nope.md", cwd=work), "nope.md", "no such file")


def test_directory_where_a_file_was_expected(work: Path) -> None:
    (work / "folder").mkdir()
    one_line_error(run("check", "draft.md", "--output", "folder", cwd=work), "folder", "is a directory")
    one_line_error(run("check", "draft.md", "--config", "folder", cwd=work), "folder", "is a directory")
    one_line_error(run("build", "draft.md", "--out", "draft.md", cwd=work), "draft.md", "expected a folder")
    with pytest.raises(FactcheckError, match="is a directory"):
        reader.read_path(work / "folder")


def test_unreadable_file_library(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(path: object, flags: int, mode: int = 0o777) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(FactcheckError) as e:
        reader.read_path(work / "draft.md", display="draft.md")
    assert str(e.value) == "draft.md: permission denied"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads a file whatever its mode; test_unreadable_file_library covers the path",
)
def test_unreadable_file_cli(work: Path) -> None:
    (work / "draft.md").chmod(0)
    try:
        one_line_error(run("check", "draft.md", cwd=work), "draft.md", "permission denied")
    finally:
        (work / "draft.md").chmod(0o644)


def test_binary_file(work: Path) -> None:
    (work / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    one_line_error(run("check", "image.md", cwd=work), "image.md", "binary file")


def test_invalid_utf8_names_file_and_line(work: Path) -> None:
    (work / "latin1.md").write_bytes("First line.\nCaf\u00e9 at 5%.\n".encode("latin-1"))
    one_line_error(run("check", "latin1.md", cwd=work), "latin1.md:2:", "not valid UTF-8")


def test_empty_file_is_no_claims(work: Path) -> None:
    (work / "empty.md").write_bytes(b"")
    r = run("check", "empty.md", cwd=work)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    assert "0 claims in 1 file" in r.stdout


def test_file_over_the_size_limit(work: Path) -> None:
    with (work / "huge.md").open("wb") as f:
        f.truncate(reader.MAX_BYTES + 1)  # sparse: nothing is really written
    one_line_error(run("check", "huge.md", cwd=work), "huge.md", "over the", "limit")


def test_malformed_front_matter_names_file_and_line(work: Path) -> None:
    (work / "fm.md").write_text("---\ntitle: [unclosed\n---\nChina lent $5 billion.\n", encoding="utf-8")
    one_line_error(run("check", "fm.md", cwd=work), "fm.md:", "malformed front matter")
    (work / "fm2.md").write_text("---\n- a list\n---\nText.\n", encoding="utf-8")
    one_line_error(run("check", "fm2.md", cwd=work), "fm2.md:1:", "must be a mapping")


def test_debug_shows_the_traceback(work: Path) -> None:
    r = run("check", "nope.md", "--debug", cwd=work)
    assert r.returncode == 2
    assert "Traceback" in r.stderr and "factcheck: error: nope.md: no such file" in r.stderr


def test_report_that_cannot_be_written(work: Path) -> None:
    one_line_error(
        run("check", "draft.md", "--output", "draft.md/report.txt", cwd=work),
        "draft.md/report.txt",
        "cannot write the report",
    )


# --- stores ------------------------------------------------------------------------------------


def test_store_that_does_not_exist(work: Path) -> None:
    one_line_error(run("check", "draft.md", "--store", "nowhere", cwd=work), "nowhere", "store not found")


def test_store_with_broken_yaml(work: Path) -> None:
    (work / "store" / "store.yaml").write_text("version: 1\nsources: [\n  {id: a\n", encoding="utf-8")
    line = one_line_error(
        run("check", "draft.md", "--store", "store", cwd=work), "store.yaml:", "malformed YAML"
    )
    assert line.split("store.yaml:")[1].split(":")[0].isdigit()  # a line number


def test_store_with_broken_claims_yaml(work: Path) -> None:
    f = claims_file(work / "store")
    f.write_text(
        f.read_text(encoding="utf-8").replace("kind: numeric", "kind: [numeric", 1), encoding="utf-8"
    )
    one_line_error(run("check", "draft.md", "--store", "store", cwd=work), f.name, "malformed YAML")


def test_store_with_wrong_shapes(work: Path) -> None:
    meta = work / "store" / "store.yaml"
    meta.write_text("version: 1\nsources: 5\n", encoding="utf-8")
    one_line_error(
        run("check", "draft.md", "--store", "store", cwd=work), "store.yaml:1:", "list under 'sources'"
    )
    meta.write_text("version: 1\nsources:\n- id: brief\n  lines: nonsense\n", encoding="utf-8")
    one_line_error(run("check", "draft.md", "--store", "store", cwd=work), "store.yaml:3:", "'lines'")


def test_duplicate_claim_ids(work: Path) -> None:
    f = claims_file(work / "store")
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    data["claims"].append(dict(data["claims"][0]))
    f.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    one_line_error(run("check", "draft.md", "--store", "store", cwd=work), f.name, "duplicate claim id")


def test_claim_referring_to_an_unknown_source(work: Path) -> None:
    f = claims_file(work / "store")
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("\nsource: ", "\nsource: nobody-", 1), encoding="utf-8")
    one_line_error(run("check", "draft.md", "--store", "store", cwd=work), f"{f.name}:", "unknown source")


LONG_NAME = "s" * 300  # over the 255 bytes a file name may have: the lookup itself fails


@pytest.mark.parametrize(
    ("config", "where"),
    [
        ("--store", "cannot open the store: File name too long"),
        (".factcheck.yaml", "cannot open the store: File name too long"),
        ("pyproject.toml", "cannot open the store: File name too long"),
        ("symlink loop", "cannot open the store: Too many levels of symbolic links"),
    ],
)
def test_store_name_that_cannot_be_looked_up(work: Path, config: str, where: str) -> None:
    if config == "symlink loop":
        (work / "loop").symlink_to("loop")
        args: tuple[str, ...] = ("--store", "loop")
    elif config == "--store":
        args = ("--store", LONG_NAME)
    elif config == ".factcheck.yaml":
        (work / config).write_text(f"store: {LONG_NAME}\n", encoding="utf-8")
        args = ()
    else:
        (work / config).write_text(f"[tool.factcheck]\nstore = '{LONG_NAME}'\n", encoding="utf-8")
        args = ()
    name = "loop" if config == "symlink loop" else LONG_NAME
    one_line_error(run("check", "draft.md", *args, cwd=work), name, where)


def test_store_name_with_a_nul_byte_in_a_config_file(work: Path) -> None:
    (work / ".factcheck.yaml").write_text('fail-on: never\nstore: "st\\0ore"\n', encoding="utf-8")
    one_line_error(run("check", "draft.md", cwd=work), ".factcheck.yaml:2:", "NUL byte")
    (work / "pyproject.toml").write_text('[tool.factcheck]\nstore = "st\\u0000ore"\n', encoding="utf-8")
    r = run("check", "draft.md", "--config", "pyproject.toml", cwd=work)
    one_line_error(r, "pyproject.toml", "NUL byte")


def test_build_into_a_folder_name_too_long(tmp_path: Path) -> None:
    one_line_error(
        run("build", str(BRIEF), "--out", LONG_NAME, cwd=tmp_path),
        LONG_NAME,
        "cannot create the store folder: File name too long",
    )


def test_store_whose_name_is_not_utf8(tmp_path: Path) -> None:
    """Built, indexed (beside the store, and in the cache, keyed by the name's bytes) and checked."""
    name = os.fsdecode(b"st\xffore")
    try:
        (tmp_path / name).mkdir()
        (tmp_path / name).rmdir()
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    r = run("build", str(BRIEF), "--out", name, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / name / "index.sqlite").is_file()
    (tmp_path / "draft.md").write_text("China lent Kazakhstan $5 billion in 2019.\n", encoding="utf-8")
    for fmt in ("text", "sarif"):
        r = run("check", "draft.md", "--store", name, "--format", fmt, cwd=tmp_path)
        assert r.returncode in (0, 1), r.stderr
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    from factcheck import index

    assert index.cache_path(tmp_path / name).name == "index.sqlite"


@pytest.mark.parametrize(
    "garbage", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_garbage_index_is_rebuilt_or_reported(work: Path, garbage: bytes) -> None:
    (work / "store" / "index.sqlite").write_bytes(garbage)
    r = run("check", "draft.md", "--store", "store", cwd=work)
    if r.returncode == 2:
        one_line_error(r, "index")
    else:
        assert r.returncode in (0, 1), r.stderr
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
        assert "1 file" in r.stdout


def test_source_list_with_a_path_for_an_id(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("China lent Kazakhstan $5 billion in 2019.\n", encoding="utf-8")
    (src / "sources.yaml").write_text("works:\n- id: ../../escaped\n  file: a.txt\n", encoding="utf-8")
    one_line_error(run("build", "src", "--out", "out", cwd=tmp_path), "sources.yaml:2:", "work id")
    assert not (tmp_path / "escaped.yaml").exists() and not (tmp_path / "out" / "claims").exists()


def test_store_write_refuses_a_work_id_that_is_a_path(tmp_path: Path) -> None:
    bad = store_mod.Store(
        path="",
        works={"../../x": Work("../../x", "a.txt", None, None, None, None, None)},
        claims=(),
        gazetteer=(),
    )
    with pytest.raises(FactcheckError, match="cannot name a file"):
        store_mod.write(bad, tmp_path / "out")
    assert not (tmp_path / "x.yaml").exists()


def test_build_into_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "notes" / "claims").mkdir()
    (tmp_path / "notes" / "claims" / "old.yaml").write_text("keep me too", encoding="utf-8")
    one_line_error(run("build", str(BRIEF), "--out", "notes", cwd=tmp_path), "notes", "not empty")
    assert (tmp_path / "notes" / "claims" / "old.yaml").read_text(encoding="utf-8") == "keep me too"


# --- safe file handling --------------------------------------------------------------------------


def test_yaml_is_only_read_with_safe_loaders() -> None:
    for f in (ROOT / "factcheck").rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        assert "yaml.unsafe_load" not in text and "yaml.full_load" not in text, f
        assert "Loader=yaml.Loader" not in text and "Loader=yaml.FullLoader" not in text, f
        assert "yaml.UnsafeLoader" not in text, f


def test_check_never_writes_to_the_draft(work: Path) -> None:
    draft = work / "draft.md"
    os.utime(draft, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    for extra in ([], ["--format", "json"], ["--output", "report.txt"], ["--write-baseline", "base.yaml"]):
        r = run("check", "draft.md", "--store", "store", *extra, cwd=work)
        assert r.returncode in (0, 1), r.stderr
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_killed_build_leaves_a_loadable_store(tmp_path: Path) -> None:
    """SIGKILL `factcheck build` while it writes over a store: what is left loads and checks. The
    kills land when store.yaml is first rewritten and while the claims files are being replaced."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL here")
    # The openings of four seeds, twice: as many claims files to replace as whole seeds would give,
    # without the extraction of whole seeds that every killed build repeats before it writes.
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:4]]
    openings = [text[: text.rfind("\n\n", 0, 3000)] for text in seeds]
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, prefix in ((first, "a"), (second, "b")):  # two different sets of works
        folder.mkdir()
        for i in range(2):
            for n, text in enumerate(openings):
                (folder / f"{prefix}{i}-{n}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "store"
    store_mod.write(store_mod.build([first]), out)
    (tmp_path / "draft.md").write_text("China lent Kazakhstan $5 billion in 2019.\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / ".cache"), "PYTHONPATH": str(ROOT)}

    def store_yaml_rewritten(stamp: int) -> bool:
        return (out / "store.yaml").stat().st_mtime_ns != stamp

    def new_claims_file(stamp: int) -> bool:
        return any(p.name.startswith(".b") or p.name.startswith("b") for p in (out / "claims").iterdir())

    mixed = 0
    for wait_for, delay in (
        (store_yaml_rewritten, 0.0),
        (new_claims_file, 0.0),
        (new_claims_file, 0.05),
        (new_claims_file, 0.3),
    ):
        for p in [*(out / "claims").glob("b*.yaml"), *(out / "claims").glob(".b*")]:
            p.unlink()  # start each round from the first store's claims, without a killed round's litter
        stamp = (out / "store.yaml").stat().st_mtime_ns
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "build", str(second), str(first), "--out", str(out)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and not wait_for(stamp):
            time.sleep(0.001)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        loaded = store_mod.load(out)  # loads: no error
        assert loaded.works and loaded.claims
        mixed += any(c.source.startswith("b") for c in loaded.claims) and any(
            c.source.startswith("a") for c in loaded.claims
        )
        r = run("check", "draft.md", "--store", "store", cwd=tmp_path)
        assert r.returncode in (0, 1), r.stderr
        assert "claims in 1 file" in r.stdout
    assert mixed, "no kill landed while the claims files were being replaced"
