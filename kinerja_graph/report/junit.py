"""`kinerja check --format junit`: JUnit XML, for CI systems that show test results (GitLab, Jenkins,
Azure Pipelines, …).

    <testsuites name="kinerja-graph" tests="66" failures="4" errors="0">
      <testsuite name="samples/praya.yaml" tests="33" failures="4" errors="0" skipped="0">
        <testcase classname="samples/praya.yaml" name="missing-indicator" file="samples/praya.yaml">
          <failure type="error" message="45 temuan missing-indicator">praya.yaml:173 error 1.1.1.1 Kinerja …</failure>
        </testcase>
        …

One test suite per file, one test case per rule that ran on it. A test case fails when the rule found
something at or above the file's --fail-on severity; the failure lists every finding of the rule, one
per line. Findings below --fail-on, and silenced ones, are listed in the case's ``system-out`` and do
not fail it, so the JUnit view agrees with the exit code. A file that cannot be read is one test case
``read`` with an ``error``; a rule that broke is an ``error`` on its test case.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kinerja_graph.engine import FileReport, Report
from kinerja_graph.findings import SEVERITY_ORDER, Finding
from kinerja_graph.i18n import words
from kinerja_graph.messages import render, renderer
from kinerja_graph.report.text import place, places

_t = words("junit").t  # kinerja_graph/words/junit.yaml

# Characters XML 1.0 cannot hold at all (a user's text may contain them).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: object) -> str:
    return _INVALID_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def _line(f: Finding, lang: str) -> str:
    node = f.node if f.node is not None else "-"
    return xml_text(f"{place(f)} {f.severity} {node} {render(f, lang)}")


def _lines(findings: list[Finding], lang: str) -> list[str]:
    """_line() of each finding, not yet made XML text (xml_text: once over the lines a case shows together, not
    line by line); the places and the words of all the findings at once."""
    return [
        f"{where} {f.severity} {'-' if f.node is None else f.node} {message}"
        for where, f, message in zip(places(findings), findings, map(renderer(lang), findings))
    ]


def _suite(fr: FileReport, lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=xml_text(fr.file))
    if fr.organisation:
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="organisation", value=xml_text(fr.organisation))
    tests = failures = errors = 0
    limit = SEVERITY_ORDER.get(fr.fail_on, 0)
    by_rule: dict[str, list[tuple[Finding, str]]] = {}  # rule -> its findings, each with its line
    for pair in zip(fr.findings, _lines(fr.findings, lang)):
        by_rule.setdefault(pair[0].rule, []).append(pair)
    silenced: dict[str, list] = {}
    for s in fr.silenced:
        silenced.setdefault(s.finding.rule, []).append(s)
    broken = {e.rule: e for e in fr.errors if e.kind == "internal" and e.rule}
    for e in fr.errors:
        if e.kind == "input" or not e.rule:
            tests += 1
            errors += 1
            case = ET.SubElement(suite, "testcase", classname=xml_text(fr.file), name="read", file=xml_text(fr.file))
            label = _t("unreadable" if e.kind == "input" else "internal_error", lang)
            first = e.message.splitlines()[0] if e.message.strip() else label
            err = ET.SubElement(case, "error", type=e.kind, message=xml_text(f"{label}: {first}"))
            err.text = xml_text(e.message)
    rules = list(dict.fromkeys([*fr.rules, *by_rule, *silenced, *broken]))
    for rule in rules:
        tests += 1
        case = ET.SubElement(suite, "testcase", classname=xml_text(fr.file), name=rule, file=xml_text(fr.file))
        seconds = fr.timings.get(rule)
        if seconds is not None:
            case.set("time", f"{seconds:.6f}")
        found = by_rule.get(rule, [])
        failing = [f for f, _ in found if SEVERITY_ORDER[f.severity] <= limit]
        passing = [line for f, line in found if SEVERITY_ORDER[f.severity] > limit]
        if rule in broken:
            errors += 1
            err = ET.SubElement(case, "error", type="internal", message=xml_text(broken[rule].message.splitlines()[0]))
            err.text = xml_text(broken[rule].message)
        elif failing:
            failures += 1
            worst = min((f.severity for f in failing), key=SEVERITY_ORDER.__getitem__)
            fail = ET.SubElement(
                case, "failure", type=worst, message=_t("findings", lang).format(n=len(found), rule=rule)
            )
            fail.text = xml_text("\n".join(line for _, line in found))
        out = [xml_text("\n".join(passing))] if passing and not failing else []
        label = _t("silenced", lang)
        out += [xml_text(f"{label}: {_line(s.finding, lang)} — {s.reason}") for s in silenced.get(rule, [])]
        if out:
            ET.SubElement(case, "system-out").text = "\n".join(out)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    suite.set("time", f"{sum(fr.timings.values()):.6f}")
    return suite


def to_element(report: Report, lang: str = "id") -> ET.Element:
    root = ET.Element("testsuites", name="kinerja-graph")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for fr in report.files:
        suite = _suite(fr, lang)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key) or 0)
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def format_report(report: Report, lang: str = "id") -> str:
    root = to_element(report, lang)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
