"""`kinerja check --format github`: GitHub Actions workflow commands, shown as annotations on the
pull request's files.

    ::error file=samples/praya.yaml,line=173,title=kinerja missing-indicator (1.1.1.1)::Kinerja "…" …
    ::warning file=data/pohon.xlsx,title=kinerja missing-owner ('Pohon Kinerja'!B10)::Kinerja "…" …
    ::notice file=samples/praya.yaml,line=120,title=kinerja single-child (1.1.1)::…

Severities map to error / warning / notice. GitHub shows at most 10 annotations of each kind per step,
so at most `limit` (10) of each are written, most severe findings first and in file order within a
severity; a plain line then says how many were left out. The whole table goes to the step summary:
`step_summary()` gives it as Markdown, and the CLI appends it to the file named by
``GITHUB_STEP_SUMMARY`` when that variable is set.

Files are named relative to the root of the git repository (kinerja_graph/report/paths.py:
KINERJA_REPO_ROOT, else the repository around the working folder, else the working folder), as GitHub
resolves them.
A line is given for YAML/JSON lines and CSV rows; an Excel finding names its cell in the title
instead (a workbook row is no line of the file). Values are escaped as the runner requires: ``%``,
CR and LF everywhere, and ``:`` and ``,`` inside properties, so a user's text can neither end the
command nor add a property.
"""

from __future__ import annotations

import os

from kinerja_graph.engine import Report
from kinerja_graph.findings import Finding
from kinerja_graph.i18n import words
from kinerja_graph.messages import render
from kinerja_graph.report import markdown
from kinerja_graph.report import paths as repo_paths
from kinerja_graph.report.text import clean, summary_line

LIMIT = 10
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
STEP_SUMMARY_LIMIT = 1000

_t = words("github").t  # kinerja_graph/words/github.yaml


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str, root: str | None = None) -> str:
    """The file as GitHub wants it: relative to the repository root (report/paths.py), with forward slashes;
    a file outside the root as given."""
    if not path:
        return ""
    rel = repo_paths.relative(path, repo_paths.root(root))
    return rel if rel is not None else path.replace(os.sep, "/")


def command(
    kind: str, message: str, *, file: str | None = None, line: int | None = None, title: str | None = None
) -> str:
    props = []
    if file:
        props.append(f"file={escape_property(file)}")
    if line is not None:
        props.append(f"line={line}")
    if title:
        props.append(f"title={escape_property(title)}")
    head = f"::{kind} " + ",".join(props) if props else f"::{kind}"
    return f"{head}::{escape_data(message)}"


def annotation(f: Finding, lang: str = "id", root: str | None = None) -> str:
    loc = f.location
    line = loc.line if loc is not None and loc.line is not None and loc.kind != "cell" else None
    where = f.node if f.node is not None else None
    if f.cell:
        where = f"{where}, {f.cell}" if where else f.cell
    title = f"kinerja {f.rule}" + (f" ({clean(where)})" if where else "")
    return command(
        COMMANDS[f.severity], clean(render(f, lang)), file=workspace_path(f.file, root), line=line, title=title
    )


def format_report(
    report: Report, lang: str = "id", limit: int = LIMIT, root: str | None = None, *, statistics: bool = False
) -> str:
    """The workflow commands; files relative to `root` (default: the repository around the working folder).
    `statistics`: the counts per rule (report/statistics.py) as plain log lines before the summary line."""
    root = repo_paths.root(root)
    lines: list[str] = []
    used = {"error": 0, "warning": 0, "notice": 0}
    for error in report.errors:
        label = _t("unreadable" if error.kind == "input" else "internal_error", lang)
        text = "; ".join(x for x in error.message.splitlines() if x.strip())
        lines.append(command("error", clean(text), file=workspace_path(error.file, root), title=f"kinerja: {label}"))
        used["error"] += 1
    left: dict[str, int] = {}
    for f in markdown.by_severity(report.findings):
        kind = COMMANDS[f.severity]
        if used[kind] >= limit:
            left[f.severity] = left.get(f.severity, 0) + 1
            continue
        used[kind] += 1
        lines.append(annotation(f, lang, root))
    for severity in ("error", "warning", "info"):
        if left.get(severity):
            lines.append(_t("more", lang).format(n=left[severity], severity=severity, limit=limit))
    if statistics:
        from kinerja_graph.report import statistics as stats

        lines.extend(stats.table(report, lang))
    lines.append(summary_line(report, lang))
    return "\n".join(lines) + "\n"


def step_summary(report: Report, lang: str = "id", limit: int | None = STEP_SUMMARY_LIMIT) -> str:
    """The full findings table (Markdown) for $GITHUB_STEP_SUMMARY."""
    return markdown.format_report(report, lang, limit=limit)
