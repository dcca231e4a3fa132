"""Bounded input and nothing escaping silently (issue 12, points 4-6).

Every case is bad or hostile input that once hung factcheck, exhausted its memory, crashed it with
a traceback, or let a claim through unread. Each now ends in a one-line error naming the file
(exit 2), or is read as the writer meant it. The CLI runs as a real process where the exit code and
standard error are what is tested; the library is called directly where the result is.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import cli_run
import pytest
import yaml
from cli_run import one_line_error

from factcheck import bounded, entities, reader, safeyaml
from factcheck import store as store_mod
from factcheck.discover import _Glob, _Regex, compile_glob, tokens
from factcheck.errors import FactcheckError
from factcheck.extract import extract

ROOT = Path(__file__).resolve().parent.parent
BRIEF = ROOT / "examples" / "brief.md"
DRAFT = "China lent Kazakhstan $5 billion in 2019.\n"


def run(*args: str | Path, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return cli_run.run(*args, cwd=cwd, input=stdin, text=False)


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("store") / "store"
    store_mod.write(store_mod.build([BRIEF]), out)
    return out


@pytest.fixture
def work(tmp_path: Path, built_store: Path) -> Path:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    shutil.copytree(built_store, tmp_path / "store")
    return tmp_path


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


DEEP_YAML = "x: " + "[" * 2000 + "]" * 2000 + "\n"


# --- FIFOs, devices, standard input ----------------------------------------------------------------


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


@needs_fifo
@pytest.mark.parametrize("option", [None, "--config", "--baseline"])
def test_a_fifo_is_refused_not_waited_on(work: Path, option: str | None) -> None:
    os.mkfifo(work / "pipe.yaml")
    args = ["check", "pipe.yaml"] if option is None else ["check", "draft.md", option, "pipe.yaml"]
    one_line_error(run(*args, cwd=work), "pipe.yaml", "not a regular file (a FIFO)")


@needs_fifo
def test_a_fifo_in_a_store_is_refused(work: Path) -> None:
    claims = sorted((work / "store" / "claims").glob("*.yaml"))[0]
    claims.unlink()
    os.mkfifo(claims)
    (work / "store" / "index.sqlite").unlink(missing_ok=True)
    one_line_error(run("check", "draft.md", "--store", "store", cwd=work), claims.name, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused(work: Path) -> None:
    one_line_error(run("check", "/dev/zero", cwd=work), "/dev/zero", "a character device")
    one_line_error(run("check", "draft.md", "--config", "/dev/zero", cwd=work), "/dev/zero", "not a regular")


def test_standard_input_stops_at_the_limit(work: Path) -> None:
    r = run("check", "-", cwd=work, stdin=b"a" * (reader.MAX_BYTES + 10))
    one_line_error(r, "<stdin>", f"more than the {reader.MAX_BYTES}-byte limit")


def test_bounded_read_stops_as_it_reads() -> None:
    class Endless:
        read_bytes = 0

        def read(self, n: int) -> bytes:
            self.read_bytes += n
            return b"x" * n

    src = Endless()
    with pytest.raises(FactcheckError, match="more than the 100-byte limit"):
        bounded.read_stream(src, "<stdin>", limit=100)  # type: ignore[arg-type]
    assert src.read_bytes <= 101


def test_a_symlink_loop_is_one_line(work: Path) -> None:
    os.symlink("loop2.md", work / "loop1.md")
    os.symlink("loop1.md", work / "loop2.md")
    one_line_error(run("check", "loop1.md", cwd=work), "loop1.md", "symlink loop")


# --- YAML and TOML limits --------------------------------------------------------------------------


def test_alias_bomb_in_front_matter_even_under_an_unused_key(work: Path) -> None:
    (work / "bomb.md").write_text("---\n" + alias_bomb() + "---\n" + DRAFT, encoding="utf-8")
    one_line_error(run("check", "bomb.md", cwd=work), "bomb.md:", "alias bomb")


def test_alias_bomb_in_a_config_file(work: Path) -> None:
    (work / "c.yaml").write_text(alias_bomb(), encoding="utf-8")
    one_line_error(run("check", "draft.md", "--config", "c.yaml", cwd=work), "c.yaml:", "alias bomb")


@pytest.mark.parametrize("name", ["store.yaml", "gazetteer.yaml", "names.yaml", "claims"])
def test_alias_bomb_in_a_store(work: Path, name: str) -> None:
    target = (
        sorted((work / "store" / "claims").glob("*.yaml"))[0] if name == "claims" else work / "store" / name
    )
    text = target.read_text(encoding="utf-8") if target.exists() else "entities: []\n"
    target.write_text(alias_bomb() + text, encoding="utf-8")
    (work / "store" / "index.sqlite").unlink(missing_ok=True)
    one_line_error(run("check", "draft.md", "--store", "store", cwd=work), target.name, "alias bomb")


def test_alias_bomb_in_sources_yaml(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "src" / "sources.yaml").write_text(alias_bomb() + "works: []\n", encoding="utf-8")
    one_line_error(run("build", "src", "--out", "out", cwd=tmp_path), "sources.yaml:", "alias bomb")


def test_alias_bomb_in_a_baseline(work: Path) -> None:
    (work / "base.yaml").write_text(alias_bomb() + "version: 1\nfindings: []\n", encoding="utf-8")
    one_line_error(run("check", "draft.md", "--baseline", "base.yaml", cwd=work), "base.yaml:", "alias bomb")


def test_deep_nesting_in_front_matter_config_and_baseline(work: Path) -> None:
    (work / "deep.md").write_text("---\n" + DEEP_YAML + "---\n" + DRAFT, encoding="utf-8")
    one_line_error(run("check", "deep.md", cwd=work), "deep.md:2:", "nested more than")
    (work / "c.yaml").write_text(DEEP_YAML, encoding="utf-8")
    one_line_error(run("check", "draft.md", "--config", "c.yaml", cwd=work), "c.yaml:1:", "nested more than")
    (work / "base.yaml").write_text("- " * 2000 + "x\n", encoding="utf-8")
    one_line_error(run("check", "draft.md", "--baseline", "base.yaml", cwd=work), "base.yaml", "nested")


def test_deep_nesting_in_toml_config(work: Path) -> None:
    (work / "pyproject.toml").write_text(
        "[tool.factcheck]\nexclude = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8"
    )
    one_line_error(
        run("check", "draft.md", "--config", "pyproject.toml", cwd=work),
        "pyproject.toml:2:",
        "TOML nested more than",
    )


@pytest.mark.parametrize("loader", [None, yaml.SafeLoader])
def test_yaml_limits_in_the_library(loader: type[yaml.SafeLoader] | None) -> None:
    for text, words in (
        (alias_bomb(), "alias bomb"),
        (DEEP_YAML, "nested"),
        ("- " * 3000 + "x", "nested"),
        ("&a [*a]", "loop"),
    ):
        with pytest.raises(safeyaml.YAMLLimitError, match=words):
            safeyaml.load(text, "f.yaml", loader)
    # within the limits, aliases and nesting load as usual
    ok = "a: &x [1, 2]\nb: *x\nc: " + "[" * 90 + "]" * 90 + "\n"
    assert safeyaml.load(ok, "f.yaml", loader)["b"] == [1, 2]


def test_toml_depth_skips_strings_and_comments() -> None:
    assert safeyaml.load_toml("a = \"[[[[[[\"\n# [[[[[[\nb = '''\n[[[[\n'''\nc = [[1]]\n", "p")["c"] == [[1]]
    with pytest.raises(safeyaml.YAMLLimitError, match="TOML nested"):
        safeyaml.load_toml("a = " + "[" * 101 + "]" * 101, "p")


def test_yaml_syntax_errors_are_one_line(work: Path) -> None:
    (work / "c.yaml").write_text("store: x\x00\n", encoding="utf-8")
    one_line_error(run("check", "draft.md", "--config", "c.yaml", cwd=work), "c.yaml", "not valid YAML")


def test_every_yaml_read_goes_through_safeyaml() -> None:
    """No module loads YAML but through safeyaml (which holds the limits). The language tables
    (factcheck/lang) ship inside the package and are no one's input."""
    for f in (ROOT / "factcheck").rglob("*.py"):
        if f.name == "safeyaml.py" or f.parent.name == "lang":
            continue
        text = f.read_text(encoding="utf-8")
        for call in (
            "yaml.load(",
            "yaml.safe_load(",
            "yaml.load_all(",
            "yaml.safe_load_all(",
            "tomllib.load",
        ):
            assert re.search(r"(?<![\w.])" + re.escape(call), text) is None, (f.name, call)


# --- wrong types, file names ----------------------------------------------------------------------


def test_wrong_typed_gazetteer_value_names_file_and_line(work: Path) -> None:
    (work / "store" / "gazetteer.yaml").write_text(
        "entities:\n- id: acme\n  type: company\n  names: [Acme]\n"
        "- id: bad\n  type: company\n  names: 12345\n",
        encoding="utf-8",
    )
    one_line_error(
        run("check", "draft.md", "--store", "store", cwd=work),
        "gazetteer.yaml:5:",
        "'names' must be a list of names",
    )


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "markdown"])
def test_a_file_name_that_is_not_utf8_works_in_every_format(work: Path, fmt: str) -> None:
    name = b"caf\xe9.md"
    (work / os.fsdecode(name)).write_text(DRAFT, encoding="utf-8")
    # every finding fails, so SARIF and GitHub annotations (failing findings only) carry it too
    r = run(
        "check", os.fsdecode(name), "--store", "store", "--format", fmt, "--fail-on", "unsupported", cwd=work
    )
    assert r.returncode in (0, 1), r.stderr
    out = r.stdout.decode("utf-8")
    if fmt in ("json", "sarif"):
        out = json.dumps(json.loads(out), ensure_ascii=False)
    assert "caf\ufffd.md" in out or "caf%EF%BF%BD.md" in out
    r = run(
        "check",
        os.fsdecode(name),
        "--store",
        "store",
        "--format",
        fmt,
        "--fail-on",
        "unsupported",
        "--output",
        "out.txt",
        cwd=work,
    )
    assert r.returncode in (0, 1), r.stderr
    assert "caf" in (work / "out.txt").read_text(encoding="utf-8")


# --- nothing escapes silently ---------------------------------------------------------------------


def figures(text: str, name: str = "d.md") -> list[str]:
    doc = reader.parse(text, name, markdown=name.endswith(".md"))
    return [c.quote for c in extract(doc, entities.load())]


@pytest.mark.parametrize("depth", [9, 20, 150, 400])
def test_no_list_nesting_drops_a_claim(depth: int) -> None:
    text = "".join("  " * i + "- item\n" for i in range(depth)) + "  " * depth + "- China lent $9 billion.\n"
    doc = reader.parse(text, "d.md", markdown=True)
    assert any("$9 billion" in b.text for b in doc.blocks)
    assert "$9 billion" in " ".join(figures(text))


@pytest.mark.parametrize("depth", [20, 250, 5000])
def test_no_blockquote_nesting_drops_a_claim(depth: int) -> None:
    text = ">" * depth + " China lent Kazakhstan $9 billion in 2019.\n"
    doc = reader.parse(text, "d.md", markdown=True)
    hits = [b for b in doc.blocks if "$9 billion" in b.text]
    assert len(hits) == 1
    b = hits[0]
    assert doc.text[b.offset + b.text.index("$9")] == "$"  # positions kept


@pytest.mark.parametrize("cf", ["\u200b", "\u2060", "\u200e", "\u00ad", "\ufeff", "\u202a"])
def test_invisible_characters_are_folded_with_positions_kept(cf: str) -> None:
    for text, want in (
        (f"The loan was 4{cf}3 percent of GDP.", "43 percent"),
        (f"Exports rose 5{cf}% in 2019.", "5%"),
        (f"China lent $5{cf} billion to Kazakhstan.", "$5 billion"),
    ):
        for name in ("d.md", "d.txt"):
            doc = reader.parse(text, name, markdown=name.endswith(".md"))
            assert len(doc.blocks[0].text) == len(text)
            folded = doc.blocks[0].text
            assert cf not in folded and want.replace(" ", "") in folded.replace(" ", "")
            from factcheck.quantities import find_quantities

            found = [q for q in find_quantities(folded)]
            assert found, (cf, text)
            first = found[0]
            assert text[first.start] == folded[first.start]  # the figure starts where the writer put it


def test_fold_invisible_keeps_length_and_words() -> None:
    text = "a\u200bb c\u2060\u2060d\u00ad e \u200b"
    out = reader.fold_invisible(text)
    assert len(out) == len(text) and out.split() == ["ab", "cd", "e"]


def test_glued_footnote_number_in_markdown() -> None:
    text = "The railway opened in August 2019.59 While traffic grew, the loan was $5 billion.\n"
    for name in ("d.md", "d.txt"):
        doc = reader.parse(text, name, markdown=name.endswith(".md"))
        assert "2019.59" not in doc.blocks[0].text
        assert "59" not in doc.blocks[0].text.split("2019.")[1][:3]


def test_a_config_file_above_outside_git_is_named(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "d.md").write_text(DRAFT, encoding="utf-8")
    r = run("check", "a/b/d.md", cwd=tmp_path)
    assert r.returncode == 0
    err = r.stderr.decode()
    assert "using config file" in err and str(tmp_path / ".factcheck.yaml") in err
    # in the folder checked, or inside a git work tree, it goes without saying
    r = run("check", "d.md", cwd=tmp_path / "a" / "b")
    assert "using config file" in r.stderr.decode()
    shutil.move(tmp_path / ".factcheck.yaml", tmp_path / "a" / "b" / ".factcheck.yaml")
    assert run("check", "d.md", cwd=tmp_path / "a" / "b").stderr == b""


# --- linear algorithms (what bench/adversarial.py times) --------------------------------------------


def test_glob_automaton_agrees_with_the_regex() -> None:
    rng = random.Random(7)
    parts = ["*", "**", "**/", "a", "b", "?", "[ab]", "[!a]", "/", "."]
    for _ in range(3000):
        pattern = "".join(rng.choice(parts) for _ in range(rng.randint(1, 6)))
        for prefix, suffix in (((), ()), ((("dirs", ""),), ()), ((), (("tail", ""),))):
            toks = prefix + tokens(pattern) + suffix
            name = "".join(rng.choice("ab/.") for _ in range(rng.randint(0, 8)))
            assert _Glob(toks).match(name) == _Regex(toks).match(name), (pattern, prefix, suffix, name)


def test_many_star_glob_uses_the_automaton() -> None:
    g = compile_glob("*a*a*a*a*a*a*a*a*a*a*a*a*b")
    assert isinstance(g, _Glob)
    assert not g.match("a" * 3000) and g.match("a" * 12 + "b")


def test_markdown_parsed_in_parts_reads_as_a_whole() -> None:
    docs = [p.read_text(encoding="utf-8") for p in [BRIEF, *sorted((ROOT / "tests" / "data").rglob("*.md"))]]
    docs += [
        "| a | b |\n|---|---|\n" + "".join(f"| {i} | {i}% |\n" for i in range(30)) + "\nafter 5%\n",
        "```\ncode 5%\n\n\nmore 6%\n```\n\ntext 7%\n\n" * 4,
        "<!--\n\nhidden 5%\n\n-->\n\nshown 6%\n\n" * 4,
        "<pre>\n\n5%\n</b>\n\n6%\n</pre>\n\n7%\n" * 4,
        "- a 5%\n- b 6%\n\n- c 7%\n\nx 8%\n" * 6,
        "| a | b |\n|---|---|\n| 1 | 2 |\n> q 5%\n| 3 | 4 |\n" * 6,
        "para 5%\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n" * 6,
    ]
    for text in docs:
        whole = reader._markdown_blocks(text, chunk_lines=10**9)
        for size in (1, 3, 50):
            assert reader._markdown_blocks(text, chunk_lines=size) == whole, (size, text[:80])


def test_found_names_are_at_most_twelve_words() -> None:
    run_of_caps = " ".join(["Alpha", "Beta", "Gamma", "Delta"] * 200)
    doc = reader.parse(
        f"The report cites {run_of_caps} and Qazaq Ventures Group in 2019.", "s.txt", markdown=False
    )
    found = entities.discover_names([doc], entities.load())
    assert found and all(len(n.split()) <= entities.MAX_NAME_WORDS for n, _ in found)


@pytest.mark.parametrize(("field", "bad"), [("value", "abc"), ("year", "'2011-1'")])
def test_wrong_typed_store_value_names_file_and_line(work: Path, field: str, bad: str) -> None:
    f = sorted((work / "store" / "claims").glob("*.yaml"))[0]
    text, n = re.subn(rf"\b{field}: [0-9.]+", f"{field}: {bad}", f.read_text(encoding="utf-8"), count=1)
    assert n == 1
    f.write_text(text, encoding="utf-8")
    (work / "store" / "index.sqlite").unlink(missing_ok=True)
    r = run("check", "draft.md", "--store", "store", cwd=work)
    one_line_error(r, f"{f.name}:", "malformed claim", field)


def test_a_file_name_too_long_to_look_up_is_one_line(work: Path) -> None:
    one_line_error(run("check", "x" * 300 + ".md", cwd=work), "xxx", "cannot read: File name too long")


def test_a_claim_list_holding_mappings_is_one_line(work: Path) -> None:
    f = sorted((work / "store" / "claims").glob("*.yaml"))[0]
    text, n = re.subn(r"\bterms: \[", "terms: [{a: 1}, ", f.read_text(encoding="utf-8"), count=1)
    assert n == 1
    f.write_text(text, encoding="utf-8")
    (work / "store" / "index.sqlite").unlink(missing_ok=True)
    r = run("check", "draft.md", "--store", "store", cwd=work)
    one_line_error(r, f"{f.name}:", "malformed claim")
