"""The command line: a thin click layer over the library (`check`, `store.build`).

`factcheck FILE...` is short for `factcheck check FILE...`. Expected bad input becomes a one-line
message and exit code 2; anything unexpected asks to be reported (with --debug for a traceback).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from factcheck.config import FAIL_ON
from factcheck.errors import FactcheckError
from factcheck.model import ExitCode, Verdict
from factcheck.render import FORMATS

ISSUES = "https://github.com/factcheck/factcheck/issues"


class _PathError(click.ClickException):
    """A bad path option, shown like every other bad input: one line naming the file, exit code 2."""

    exit_code = ExitCode.ERROR

    def show(self, file: Any = None) -> None:
        click.echo(f"factcheck: error: {self.message}", err=True)


class _File(click.Path):
    """A file option: a folder, or a missing file where one must exist, is a one-line error."""

    def __init__(self, *, exists: bool = False) -> None:
        super().__init__(dir_okay=False, exists=exists)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        name = param.opts[0] if param is not None and param.opts else "option"
        if os.path.isdir(value):
            raise _PathError(f"{value}: is a directory, expected a file ({name})")
        if self.exists and not os.path.exists(value):
            raise _PathError(f"{value}: no such file ({name})")
        return super().convert(value, param, ctx)


class _Folder(click.Path):
    """A folder option: an existing file there is a one-line error."""

    def __init__(self) -> None:
        super().__init__(file_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if os.path.exists(value) and not os.path.isdir(value):
            name = param.opts[0] if param is not None and param.opts else "option"
            raise _PathError(f"{value}: is a file, expected a folder ({name})")
        return super().convert(value, param, ctx)


class _DefaultToCheck(click.Group):
    """Route `factcheck FILE...` to `factcheck check FILE...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def cli() -> None:
    """Check the figures and named claims of a draft against a store of claims from trusted sources."""


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--store",
    "stores",
    multiple=True,
    metavar="DIR",
    help="Claim store to check against (repeatable). Default: the bundled store built from the seeds.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Which findings make the exit code 1. [default: conflicting]",
)
@click.option(
    "--tolerance",
    type=click.FloatRange(0, 1),
    default=None,
    help="Relative slack for hedged figures (0.1 = 10%). [default: 0.1]",
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="Files to check in FILE folders (repeatable). [default: *.md, *.markdown, *.txt]",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="Files and folders to skip (repeatable).")
@click.option(
    "--config",
    "config_file",
    type=_File(exists=True),
    default=None,
    help="Config file to use. [default: the nearest .factcheck.yaml, factcheck.yaml or pyproject.toml "
    "with [tool.factcheck]]",
)
@click.option(
    "--baseline", type=_File(), default=None, help="Hide the findings recorded in this baseline file."
)
@click.option(
    "--write-baseline", type=_File(), default=None, help="Record the failing findings in this baseline file."
)
@click.option("--quiet", "-q", is_flag=True, help="Show only failing findings.")
@click.option("--verbose", "-v", is_flag=True, help="Add scores and the candidates considered.")
@click.option("--output", "-o", type=_File(), help="Write the report here; print the summary.")
@click.option("--color/--no-color", default=None, help="Colour the text report. [default: when a terminal]")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def check(
    files: tuple[str, ...],
    stores: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    quiet: bool,
    verbose: bool,
    output: str | None,
    color: bool | None,
    debug: bool,
    **opts: Any,
) -> None:
    """Check FILE... (Markdown or text; '-' reads standard input)."""

    def run() -> int:
        from factcheck.baseline import apply_baseline
        from factcheck.check import check as run_check
        from factcheck.check import fails, open_stores
        from factcheck.discover import expand
        from factcheck.render import render
        from factcheck.settings import resolve

        config = resolve(
            files,
            stores=stores,
            fail_on=fail_on,
            tolerance=opts["tolerance"],
            include=opts["include"],
            exclude=opts["exclude"],
            config_file=Path(opts["config_file"]) if opts["config_file"] else None,
        )
        report = run_check(expand(files, config), open_stores(config.stores), config)
        report = apply_baseline(
            report,
            config,
            use=opts["baseline"],
            write_to=opts["write_baseline"],
            note=lambda msg: click.echo(msg, err=True),
        )
        failing = frozenset(v for v in Verdict if config.fails(v))
        use_color = sys.stdout.isatty() if color is None else color
        text = render(
            report, fmt, color=use_color and not output, quiet=quiet, verbose=verbose, failing=failing
        )
        if output:
            from factcheck.render.text import summary
            from factcheck.store import atomic_write

            try:
                atomic_write(Path(output), text)
            except OSError as e:
                where = f" ({e.filename})" if e.filename and str(e.filename) != output else ""
                raise FactcheckError(f"cannot write the report: {e.strerror or e}{where}", output) from None
            click.echo(summary(report))
        else:
            click.echo(text, nl=False)
        return ExitCode.FINDINGS if fails(report, config) else ExitCode.OK

    sys.exit(_guard(run, debug))


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=_Folder(), help="Folder to write the store to.")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def build(sources: tuple[Path, ...], out: Path, debug: bool) -> None:
    """Build a claim store from SOURCE files or folders (.txt, .md, .pdf, .html, .docx)."""

    def run() -> int:
        from factcheck import store

        built = store.build(list(sources))
        store.write(built, out)
        click.echo(f"{out}: {len(built.works)} sources, {len(built.claims)} claims")
        return ExitCode.OK

    sys.exit(_guard(run, debug))


def _guard(run: Any, debug: bool) -> int:
    try:
        return int(run())
    except FactcheckError as e:
        if debug:
            traceback.print_exc()
        click.echo(f"factcheck: error: {e}", err=True)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        return 130
    except Exception as e:
        if debug:
            traceback.print_exc()
        click.echo(
            f"factcheck: internal error ({type(e).__name__}: {e}); please report it at {ISSUES} "
            "with the command you ran (add --debug for a traceback)",
            err=True,
        )
        return ExitCode.INTERNAL


def main() -> None:
    cli(prog_name="factcheck")
