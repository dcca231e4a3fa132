"""The command line: a thin click layer over the library (`runner.run`, `store.build`): it parses
options, calls one library function and prints what it returns.

`factcheck FILE...` is short for `factcheck check FILE...`. Expected bad input becomes a one-line
message and exit code 2; anything unexpected asks to be reported (with --debug for a traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factcheck.config import FAIL_ON
from factcheck.errors import FactcheckError
from factcheck.model import ExitCode, Verdict
from factcheck.render import FORMATS

if TYPE_CHECKING:
    from factcheck.runner import Outcome

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
    """Route `factcheck FILE...` to `factcheck check FILE...`; a mistyped command (`factcheck chekc
    x.md`) is an error that names the command meant, not "no such file"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            first = args[0]
            if (
                not first.startswith("-")
                and "." not in first
                and "/" not in first
                and not os.path.exists(first)
            ):
                import difflib  # here: only what may be a mistyped command needs it, not a file name

                close = difflib.get_close_matches(first, list(self.commands), n=1, cutoff=0.6)
                if close:
                    raise _PathError(f"no such command '{first}' (did you mean 'factcheck {close[0]}'?)")
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _verdicts(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[Verdict, ...]:
    """`--report unsupported --report supported` or `--report unsupported,supported`."""
    names = [n.strip() for v in value for n in v.split(",") if n.strip()]
    known = {v.value: v for v in Verdict}
    bad = [n for n in names if n not in known]
    if bad:
        raise click.BadParameter(f"{', '.join(bad)}: not a verdict (choose from {', '.join(known)})")
    return tuple(known[n] for n in dict.fromkeys(names))


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def cli() -> None:
    """Check the figures and named claims of a draft against a store of claims from trusted sources."""


@cli.command()
@click.argument("files", nargs=-1)
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
    "--report",
    "report",
    multiple=True,
    metavar="VERDICT",
    callback=_verdicts,
    help="Verdicts to show besides the failing ones (repeatable or comma-separated). [default: all; "
    "sarif and github: none]",
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
@click.option(
    "--diff",
    "diff",
    metavar="REF",
    default=None,
    help="Only claims on lines changed since this git ref (a branch, tag or commit).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    default=None,
    help="The name to report '-' (standard input) as; also where its config is looked up.",
)
@click.option("--quiet", "-q", is_flag=True, help="Show only failing findings.")
@click.option("--verbose", "-v", is_flag=True, help="Add scores and the candidates considered.")
@click.option("--statistics", is_flag=True, help="Add counts of findings by verdict and by source.")
@click.option("--show-settings", is_flag=True, help="Print the config file found and the settings in force.")
@click.option("--output", "-o", type=_File(), help="Write the report here; print the summary.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the report. [default: on a terminal, unless NO_COLOR; FORCE_COLOR forces it]",
)
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def check(
    files: tuple[str, ...],
    fmt: str,
    quiet: bool,
    verbose: bool,
    statistics: bool,
    show_settings: bool,
    output: str | None,
    color: bool | None,
    debug: bool,
    **opts: Any,
) -> None:
    """Check FILE... (Markdown or text; '-' reads standard input)."""
    if not files and not show_settings:
        raise click.UsageError("Missing argument 'FILES...'.")

    def go() -> int:
        from factcheck.runner import Request, run

        request = Request(
            files=files,
            stores=opts["stores"],
            fail_on=opts["fail_on"],
            tolerance=opts["tolerance"],
            include=opts["include"],
            exclude=opts["exclude"],
            report=opts["report"],
            config_file=Path(opts["config_file"]) if opts["config_file"] else None,
            baseline=opts["baseline"],
            write_baseline=opts["write_baseline"],
            stdin_filename=opts["stdin_filename"],
            diff=opts["diff"],
            output=output,
        )
        if show_settings:
            from factcheck.runner import describe_settings

            click.echo(describe_settings(request), nl=False)
            return ExitCode.OK
        outcome = run(request, note=lambda msg: click.echo(msg, err=True))
        for e in outcome.errors:  # one line each on stderr, as for any bad input; the report follows
            if debug:
                import traceback

                traceback.print_exception(e)
            click.echo(f"factcheck: error: {e}", err=True)
        _print(outcome, fmt, output=output, color=color, quiet=quiet, verbose=verbose, statistics=statistics)
        return outcome.exit_code

    sys.exit(_guard(go, debug))


def _print(
    outcome: Outcome,
    fmt: str,
    *,
    output: str | None,
    color: bool | None,
    quiet: bool,
    verbose: bool,
    statistics: bool,
) -> None:
    """Render an Outcome in `fmt` to standard output or to `output` (then print the summary)."""
    from factcheck.render import default_show, render
    from factcheck.render.terminal import use_color, width
    from factcheck.render.text import summary

    config = outcome.config
    stdout = sys.stdout
    colour = use_color(color, stdout) and not output
    text = render(
        outcome.report,
        fmt,
        color=colour,
        quiet=quiet,
        verbose=verbose,
        failing=config.failing,
        show=frozenset(config.report) if config.report else default_show(fmt),
        errors=outcome.errors,
        width=0 if output else width(stdout),
    )
    if output:
        from factcheck.safewrite import atomic_write

        try:
            atomic_write(Path(output), text)
        except OSError as e:
            where = f" ({e.filename})" if e.filename and str(e.filename) != output else ""
            raise FactcheckError(f"cannot write the report: {e.strerror or e}{where}", output) from None
        click.echo(summary(outcome.report, outcome.errors, config.failing))
    else:
        click.echo(text, nl=False, color=colour)  # click would strip colour from a pipe: FORCE_COLOR
    if statistics:
        from factcheck.render.text import statistics as stats

        # after a text report, on standard output; never inside a machine-readable one
        click.echo(stats(outcome.report), nl=False, err=bool(output) or fmt not in ("text", "concise"))


@cli.command()
@click.argument("where", metavar="FILE:LINE")
@click.option("--store", "stores", multiple=True, metavar="DIR", help="Claim store (as for check).")
@click.option("--config", "config_file", type=_File(exists=True), default=None, help="Config file to use.")
@click.option("--color/--no-color", default=None, help="Colour the report.")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def explain(
    where: str, stores: tuple[str, ...], config_file: str | None, color: bool | None, debug: bool
) -> None:
    """Explain the verdict on the claims of one line: scores, sources and the candidates weighed."""

    def go() -> int:
        from factcheck.runner import Request, only_line, run

        path, _, line = where.rpartition(":")
        if not path or not line.isdigit() or int(line) < 1:
            raise FactcheckError("expected FILE:LINE, as in brief.md:12", where)
        request = Request(
            files=(path,),
            stores=stores,
            report=tuple(Verdict),
            config_file=Path(config_file) if config_file else None,
        )
        outcome = run(request, note=lambda msg: click.echo(msg, err=True))
        if outcome.errors:
            raise outcome.errors[0]
        outcome = only_line(outcome, int(line))
        if not outcome.report.claims:
            click.echo(f"{where}: no claim on this line")
            return ExitCode.OK
        _print(outcome, "text", output=None, color=color, quiet=False, verbose=True, statistics=False)
        return ExitCode.OK

    sys.exit(_guard(go, debug))


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing .factcheck.yaml.")
def init(folder: Path, force: bool) -> None:
    """Write a commented .factcheck.yaml and a pre-commit config (or the snippet to add to yours)."""

    def go() -> int:
        from factcheck.scaffold import init as scaffold

        for line in scaffold(folder, force=force):
            click.echo(line)
        return ExitCode.OK

    sys.exit(_guard(go, False))


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=_Folder(), help="Folder to write the store to.")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def build(sources: tuple[Path, ...], out: Path, debug: bool) -> None:
    """Build a claim store from SOURCE files or folders (.txt, .md, .pdf, .html, .docx)."""

    def run() -> int:
        from factcheck import store
        from factcheck.bounded import display_name
        from factcheck.index import write_store

        built = store.build(list(sources))
        write_store(built, out)
        from factcheck.render.text import plural

        counts = f"{plural(len(built.works), 'source')}, {plural(len(built.claims), 'claim')}"
        click.echo(f"{display_name(str(out))}: {counts}")
        return ExitCode.OK

    sys.exit(_guard(run, debug))


def _guard(run: Any, debug: bool) -> int:
    try:
        return int(run())
    except FactcheckError as e:
        if debug:
            import traceback

            traceback.print_exc()
        click.echo(f"factcheck: error: {e}", err=True)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        return 130
    except Exception as e:
        if debug:
            import traceback

            traceback.print_exc()
        click.echo(
            f"factcheck: internal error ({type(e).__name__}: {e}); please report it at {ISSUES} "
            "with the command you ran (add --debug for a traceback)",
            err=True,
        )
        return ExitCode.INTERNAL


def main() -> None:
    import gc

    from factcheck.safewrite import exit_on_sigterm

    # A run allocates its long-lived data (tables, gazetteer, patterns, the index's postings) in one
    # burst, and Python's default of a collection every 700 allocations found nothing to free in it:
    # ~60 collections, 13 ms of a one-page check. Collections are rarer (as mypy makes them), not off.
    gc.set_threshold(GC_THRESHOLD)
    exit_on_sigterm()  # temporary files are removed on SIGTERM as on Ctrl-C
    cli(prog_name="factcheck")


GC_THRESHOLD = 100_000  # allocations between two collections of the youngest generation
