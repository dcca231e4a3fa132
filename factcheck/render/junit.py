"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, and
test-report actions on GitHub).

One <testsuite> per file, one <testcase> per claim shown (name "line:col claim", classname the file). A
claim that fails the run (by --fail-on: conflicting by default, none under `never`) is a <failure>;
every other claim passes, its verdict and sources in <system-out>, and so does an accepted one
(`<!-- factcheck: accept "reason" -->`), which never fails. A file that could not be read is a
testcase with an <error>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factcheck.errors import FactcheckError
from factcheck.model import Finding, Report, Verdict

from . import EVERY_VERDICT, fails, figure, relative_path, visible

# Characters XML 1.0 cannot carry at all, escaped or not.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


def details(f: Finding) -> str:
    what = figure(f.claim)
    lines = [f"{f.verdict.value}: {what + ': ' if what else ''}{f.message}", f"claim: {f.claim.quote}"]
    for e in f.evidence:
        lines.append(f"source: {e.work.citation(e.claim.locator)}, {e.claim.file}:{e.claim.line}")
        lines.append(f"\u201c{e.claim.quote}\u201d")
    if f.accepted:
        lines.append(f"accepted: {f.accepted}")
    return "\n".join(lines)


def _testcase(suite: ET.Element, path: str, f: Finding, failing: frozenset[Verdict]) -> bool:
    c = f.claim
    what = figure(c)
    lead = f"{what} \u2014 " if what else ""
    name = f"{c.line}:{c.column} {lead}{' '.join(c.quote.split())}"
    case = ET.SubElement(
        suite, "testcase", name=clean(name), classname=clean(path), file=clean(path), line=str(c.line)
    )
    if is_failure := fails(f, failing):
        failure = ET.SubElement(
            case, "failure", message=clean(f"{f.verdict.value}: {f.message}"), type=f.verdict.value
        )
        failure.text = clean(details(f))
    else:
        ET.SubElement(case, "system-out").text = clean(details(f))
    return is_failure


def _error(root: ET.Element, e: FactcheckError) -> None:
    path = relative_path(e.path or "")
    suite = ET.SubElement(
        root, "testsuite", name=clean(path), tests="1", failures="0", errors="1", skipped="0"
    )
    case = ET.SubElement(
        suite,
        "testcase",
        name=clean(f"{e.line or 1}:1 read"),
        classname=clean(path),
        file=clean(path),
        line=str(e.line or 1),
    )
    ET.SubElement(case, "error", message=clean(e.message), type="unreadable").text = clean(str(e))


def to_element(
    report: Report,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    *,
    quiet: bool = False,
    show: frozenset[Verdict] = EVERY_VERDICT,
    errors: tuple[FactcheckError, ...] = (),
) -> ET.Element:
    root = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for e in errors:
        _error(root, e)
    for fr in report.files:
        path = relative_path(fr.path)
        suite = ET.SubElement(root, "testsuite", name=clean(path))
        shown = [f for f in fr.findings if visible(f, failing, show, quiet)]
        n = sum(_testcase(suite, path, f, failing) for f in shown)
        suite.attrib |= {"tests": str(len(shown)), "failures": str(n), "errors": "0", "skipped": "0"}
        total += len(shown)
        failures += n
    root.attrib |= {
        "tests": str(total + len(errors)),
        "failures": str(failures),
        "errors": str(len(errors)),
        "skipped": "0",
    }
    return root


def render(
    report: Report,
    *,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    quiet: bool = False,
    show: frozenset[Verdict] = EVERY_VERDICT,
    errors: tuple[FactcheckError, ...] = (),
    **_: object,
) -> str:
    root = to_element(report, failing, quiet=quiet, show=show, errors=errors)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
