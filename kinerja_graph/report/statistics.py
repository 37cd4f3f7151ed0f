"""`kinerja check --statistics`: how many findings each rule raised, most first (as ruff's --statistics).

    45  missing-indicator  error    Kinerja tanpa indikator kinerja
    19  missing-owner      warning  Kinerja tanpa penanggung jawab
     5  level-inversion    warning  …

One row per rule and severity (a rule whose findings on inferred data were softened to a warning has a
row for each), sorted by count (most first), then severity (most severe first), then rule id. Only the
findings that count are counted: silenced ones (``ignore:``, a baseline) are not. The summary is the
rule's own, in the language asked for. The text and concise formats print the table instead of the
findings; JSON holds it under "statistics" (docs/json-output.md), SARIF as the run's
``properties.statistics``, Markdown as a table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kinerja_graph import checks
from kinerja_graph.engine import Report
from kinerja_graph.findings import SEVERITY_ORDER


@dataclass(frozen=True)
class RuleCount:
    rule: str
    severity: str
    count: int
    summary: str  # the rule's summary in the language asked for ("" for a rule the tool does not know)

    def to_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "count": self.count, "summary": self.summary}


def _summary(registry: dict, rule_id: str, lang: str) -> str:
    rule = registry.get(rule_id)
    if rule is None:
        return ""
    return rule.summary.get(lang) or rule.summary.get("en", "")


def counts(report: Report, lang: str = "id") -> list[RuleCount]:
    """The findings of the run counted per rule and severity, most first."""
    counted = Counter((f.rule, f.severity) for f in report.findings)
    ordered = sorted(counted.items(), key=lambda item: (-item[1], SEVERITY_ORDER[item[0][1]], item[0][0]))
    registry = checks.all_rules() if ordered else {}
    return [RuleCount(rule, severity, n, _summary(registry, rule, lang)) for (rule, severity), n in ordered]


def to_data(report: Report, lang: str = "id") -> list[dict]:
    return [c.to_dict() for c in counts(report, lang)]


def table(report: Report, lang: str = "id", style=None) -> list[str]:
    """The counts as aligned lines: count, rule, severity, summary. `style(text, severity)` may colour the
    severity (the text formatter's colours); the lines hold nothing a user typed."""
    rows = counts(report, lang)
    if not rows:
        return []
    w_count = max(len(str(r.count)) for r in rows)
    w_rule = max(len(r.rule) for r in rows)
    w_sev = max(len(r.severity) for r in rows)
    lines = []
    for r in rows:
        severity = r.severity.ljust(w_sev)
        if style is not None:
            severity = style(severity, r.severity)
        lines.append(f"{str(r.count).rjust(w_count)}  {r.rule.ljust(w_rule)}  {severity}  {r.summary}".rstrip())
    return lines
