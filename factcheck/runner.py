"""One call for a whole run, as the CLI makes it: `run(Request) -> Outcome`.

It finds the config, expands the FILE arguments, checks every file it can read (a file it cannot read
is recorded, not fatal), keeps only changed lines under `--diff`, applies baselines, and decides the
exit code. The CLI only turns options into a `Request` and prints the `Outcome`, so a script or a
test gets exactly what the command line does. `check.check` stays the smaller call for a list of files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.model import ExitCode, Report, Verdict


@dataclass(frozen=True, slots=True)
class Request:
    """What to check and how; None or () where a flag was not given (the config file or defaults apply)."""

    files: tuple[str, ...]
    stores: tuple[str, ...] = ()
    fail_on: str | None = None
    tolerance: float | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    report: tuple[Verdict, ...] = ()
    config_file: Path | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    stdin_filename: str | None = None  # the name '-' is reported as, and where its config is looked up
    diff: str | None = None  # a git ref: only claims on lines changed since it
    output: str | None = None  # where the report will be written: never over one of the inputs


@dataclass(frozen=True, slots=True)
class Outcome:
    """A finished run: every finding (after suppressions, `--diff` and baselines), the files that could
    not be read, and the settings in force."""

    report: Report
    config: Config
    errors: tuple[FactcheckError, ...] = ()

    @property
    def failing(self) -> int:
        return sum(self.config.fails(f) for fr in self.report.files for f in fr.findings)

    @property
    def exit_code(self) -> ExitCode:
        """2 when a file could not be read (after the whole report), else 1 when a finding fails."""
        if self.errors:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if self.failing else ExitCode.OK


def settings(request: Request, cwd: Path | None = None, note: Callable[[str], None] | None = None) -> Config:
    """The Config a request runs with: its flags over the config file over the defaults. `note` is told
    of a config file found above the checked folder outside any git work tree."""
    from factcheck.settings import resolve

    stdin_name = request.stdin_filename
    lookup = tuple(stdin_name if f == "-" and stdin_name else f for f in request.files)
    return resolve(
        lookup,
        stores=request.stores,
        fail_on=request.fail_on,
        tolerance=request.tolerance,
        include=request.include,
        exclude=request.exclude,
        report=request.report,
        config_file=request.config_file,
        cwd=cwd,
        note=note,
    )


def describe_settings(request: Request, cwd: Path | None = None) -> str:
    """`--show-settings`: the config file a run would use and every value in force, as YAML-ish lines."""
    from factcheck.settings import find_config, start_dir

    stdin_name = request.stdin_filename
    lookup = tuple(stdin_name if f == "-" and stdin_name else f for f in request.files)
    found = request.config_file or find_config(start_dir(lookup, cwd))
    config = settings(request, cwd)
    shown = ", ".join(v.value for v in config.report) if config.report else "(the format's default)"
    rows = [
        f"config file: {found or '(none found: defaults)'}",
        f"store: {', '.join(config.stores) or '(the bundled store)'}",
        f"fail-on: {config.fail_on}",
        f"tolerance: {config.tolerance}",
        f"include: {', '.join(config.include) or '(none)'}",
        f"exclude: {', '.join(config.exclude) or '(none)'}",
        f"report: {shown}",
    ]
    return "\n".join(rows) + "\n"


def run(request: Request, note: Callable[[str], None] | None = None) -> Outcome:
    """Check what `request` names. Bad settings, stores or arguments raise FactcheckError; a file
    that cannot be read does not: it is in `Outcome.errors` and the others are still checked.
    `note` receives progress remarks (baseline counts) meant for standard error."""
    from factcheck.check import check, open_stores
    from factcheck.discover import expand

    config = settings(request, note=note)
    paths = expand(request.files, config)
    refuse_writing_over_inputs(paths, config.stores, request)
    changed = None
    if request.diff is not None:
        from factcheck.discover import changed_lines

        changed = changed_lines(request.diff, [p for p in paths if p != "-"])
    errors: list[FactcheckError] = []
    report = check(
        paths,
        open_stores(config.stores),
        config,
        on_error=errors.append,
        stdin_name=request.stdin_filename or "<stdin>",
    )
    if changed is not None:
        report = only_changed(report, changed)
    if request.baseline or request.write_baseline:
        from factcheck.baseline import apply_baseline

        report = apply_baseline(
            report, config, use=request.baseline, write_to=request.write_baseline, note=note
        )
    return Outcome(report=report, config=config, errors=tuple(errors))


def refuse_writing_over_inputs(drafts: list[str], stores: Sequence[str], request: Request) -> None:
    """--output and --write-baseline may not name a draft, the config, the baseline read or a store file."""
    from factcheck.safewrite import refuse_inputs
    from factcheck.store import DEFAULT_STORE, check_folder, claim_files

    read = [str(request.config_file)] if request.config_file else []
    inputs = [*drafts, *read, *([request.baseline] if request.baseline else [])]
    for folder in [Path(s) for s in stores] or [DEFAULT_STORE]:
        inputs += [str(check_folder(folder) / "store.yaml"), *map(str, claim_files(folder))]
    if request.output:
        refuse_inputs(request.output, inputs, "report")
    if request.write_baseline:
        refuse_inputs(request.write_baseline, [i for i in inputs if i != request.baseline], "baseline")


def only_line(outcome: Outcome, line: int) -> Outcome:
    """`factcheck explain FILE:LINE`: the findings whose span covers `line`."""
    files = tuple(
        replace(fr, findings=tuple(f for f in fr.findings if f.claim.line <= line <= f.claim.end_line))
        for fr in outcome.report.files
    )
    return replace(outcome, report=replace(outcome.report, files=files))


def only_changed(report: Report, changed: dict[str, frozenset[int] | None]) -> Report:
    """The findings on changed lines: `changed` maps a path to its changed lines, None for a new file
    (every line); a path it leaves out (standard input) keeps every finding."""
    files = []
    for fr in report.files:
        lines = changed.get(fr.path)
        if fr.path in changed and lines is not None:
            kept = tuple(
                f for f in fr.findings if any(n in lines for n in range(f.claim.line, f.claim.end_line + 1))
            )
            fr = replace(fr, findings=kept)
        files.append(fr)
    return replace(report, files=tuple(files))


__all__ = ["Outcome", "Request", "describe_settings", "only_changed", "only_line", "run", "settings"]
