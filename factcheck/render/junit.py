"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, and
test-report actions on GitHub).

One <testsuite> per file, one <testcase> per claim (name "line:col claim", classname the file). A
conflicting claim is a <failure>; so is an unsupported one when the run fails on unsupported claims
(--fail-on unsupported). Every other claim passes, its verdict and sources in <system-out>, and so
does an accepted one (`<!-- factcheck: accept "reason" -->`), which never fails.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factcheck.model import Finding, Report, Verdict

from . import fails, figure, relative_path

# Characters XML 1.0 cannot carry at all, escaped or not.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


def failed(f: Finding, failing: frozenset[Verdict]) -> bool:
    return not f.accepted and (f.verdict is Verdict.CONFLICTING or fails(f, failing))


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
    if is_failure := failed(f, failing):
        failure = ET.SubElement(
            case, "failure", message=clean(f"{f.verdict.value}: {f.message}"), type=f.verdict.value
        )
        failure.text = clean(details(f))
    else:
        ET.SubElement(case, "system-out").text = clean(details(f))
    return is_failure


def to_element(report: Report, failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING})) -> ET.Element:
    root = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for fr in report.files:
        path = relative_path(fr.path)
        suite = ET.SubElement(root, "testsuite", name=clean(path))
        n = sum(_testcase(suite, path, f, failing) for f in fr.findings)
        suite.attrib |= {"tests": str(len(fr.findings)), "failures": str(n), "errors": "0", "skipped": "0"}
        total += len(fr.findings)
        failures += n
    root.attrib |= {"tests": str(total), "failures": str(failures), "errors": "0", "skipped": "0"}
    return root


def render(
    report: Report, *, failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}), **_: object
) -> str:
    root = to_element(report, failing)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
