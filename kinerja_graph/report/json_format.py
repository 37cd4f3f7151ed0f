"""`kinerja check --format json`: the stable, documented machine form (docs/json-output.md).

    {"version": 1,
     "summary": {"files", "error", "warning", "info", "silenced", "unreadable", "internal_errors"},
     "findings": [{"rule", "severity", "node", "related", "file", "line", "message", ["cell"], "area", "lke",
                   "args", "basis"}],
     "silenced": [{... the finding ..., "reason"}],
     "errors": [{"kind": "input" | "internal", "file", "rule", "message"}]}

Findings keep the engine's order: file by file as given, then by line. Keys never disappear: a value
that is unknown is null. New keys may be added within version 1; removing or renaming one raises it.
"""

from __future__ import annotations

import json

from kinerja_graph.engine import Report
from kinerja_graph.messages import to_dict

VERSION = 1


def to_data(report: Report, lang: str = "id") -> dict:
    return {
        "version": VERSION,
        "summary": report.summary(),
        "findings": [to_dict(f, lang) for f in report.findings],
        "silenced": [{**to_dict(s.finding, lang), "reason": s.reason} for s in report.silenced],
        "errors": [e.to_dict() for e in report.errors],
    }


def format_report(report: Report, lang: str = "id") -> str:
    return json.dumps(to_data(report, lang), ensure_ascii=False, indent=2) + "\n"
