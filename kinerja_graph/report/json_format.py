"""`kinerja check --format json`: the stable, documented machine form (docs/json-output.md).

    {"version": 1,
     "summary": {"files", "error", "warning", "info", "silenced", "unreadable", "internal_errors"},
     "findings": [{"rule", "severity", "node", "related", "file", "line", "message", ["cell"], "area", "lke",
                   "args", "basis"}],
     "silenced": [{... the finding ..., "reason"}],
     "errors": [{"kind": "input" | "internal", "file", "rule", "message"}],
     ["statistics": [{"rule", "severity", "count", "summary"}]]}    # with --statistics only

Findings keep the engine's order: file by file as given, then by line. Keys never disappear: a value
that is unknown is null. New keys may be added within version 1; removing or renaming one raises it.

Layout: the top level indented, each finding (silenced finding, error) on a line of its own. A cascade of
10^5 nodes has 10^4 findings: one line each is written by json's C encoder, many times faster than
indenting every key, and greps and diffs well.
"""

from __future__ import annotations

import json

from kinerja_graph.engine import Report
from kinerja_graph.messages import to_dict

VERSION = 1


def to_data(report: Report, lang: str = "id", *, statistics: bool = False) -> dict:
    data = {
        "version": VERSION,
        "summary": report.summary(),
        "findings": [to_dict(f, lang) for f in report.findings],
        "silenced": [{**to_dict(s.finding, lang), "reason": s.reason} for s in report.silenced],
        "errors": [e.to_dict() for e in report.errors],
    }
    if statistics:  # the counts per rule, most first (report/statistics.py)
        from kinerja_graph.report import statistics as stats

        data["statistics"] = stats.to_data(report, lang)
    return data


_ONE_LINE = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder


def format_report(report: Report, lang: str = "id", *, statistics: bool = False) -> str:
    return dumps(to_data(report, lang, statistics=statistics))


def dumps(data: dict) -> str:
    """`data` as JSON text: its keys indented, each entry of a list on one line (joined once: 10 MB of text)."""
    out = ["{"]
    for number, (key, value) in enumerate(data.items()):
        out.append(f"{',' if number else ''}\n  {_ONE_LINE.encode(key)}: ")
        if isinstance(value, list) and value:
            out.append("[")
            for position, entry in enumerate(value):
                out.append(",\n    " if position else "\n    ")
                out.append(_ONE_LINE.encode(entry))
            out.append("\n  ]")
        elif isinstance(value, dict) and value:
            out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        else:
            out.append(_ONE_LINE.encode(value))
    out.append("\n}\n")
    return "".join(out)
