"""`kinerja check --format markdown`: a compact summary and table, for a pull-request comment or a
GitHub Actions step summary.

    ### kinerja-graph: 46 galat, 55 peringatan, 16 info

    | berkas | organisasi | galat | peringatan | info | dikecualikan |
    | --- | --- | ---: | ---: | ---: | ---: |
    | `samples/praya.yaml` | Kecamatan Praya | 46 | 55 | 16 | 0 |

    | tingkat | aturan | tempat | kinerja | pesan |
    | --- | --- | --- | --- | --- |
    | error | `missing-indicator` | `praya.yaml:173` | 1.1.1.1 | Kinerja "Ketersediaan SOP …" … |

Findings are listed most severe first (file and line order within a severity), at most `limit` rows
(a GitHub comment holds 65,536 characters); a last line says how many were left out. Everything a
user typed is escaped: it cannot close the table, start a heading, mention someone or inject HTML.
"""

from __future__ import annotations

import re

from kinerja_graph.engine import Report
from kinerja_graph.findings import SEVERITY_ORDER, Finding
from kinerja_graph.i18n import words
from kinerja_graph.messages import render
from kinerja_graph.report.text import clean, place, summary_line

LIMIT = 100

t = words("markdown").t  # kinerja_graph/words/markdown.yaml

# Characters that mean something to GitHub-flavoured Markdown (or are HTML) inside a table cell.
_SPECIAL = re.compile(r"([\\`*_\[\]#!|~@<>])")


def escape(text: object) -> str:
    """A user's text made inert inside a Markdown table cell (one line, no markup, no HTML, no @mention)."""
    s = clean(str(text)).replace("&", "&amp;")
    s = _SPECIAL.sub(r"\\\1", s)
    return " ".join(s.split())


def code(text: object) -> str:
    """Text shown as inline code; backticks and pipes cannot end the span or the cell."""
    s = clean(str(text)).replace("`", "'").replace("|", "\\|")
    return f"`{s}`" if s.strip() else ""


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Most severe first; the report's order (file, line) within one severity."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def table(findings: list[Finding], lang: str = "id", limit: int | None = LIMIT) -> list[str]:
    """The findings table (most severe first), at most `limit` rows, and a note on what was left out."""
    ordered = by_severity(findings)
    shown = ordered if limit is None else ordered[:limit]
    lines = [
        "| " + " | ".join(t(k, lang) for k in ("severity", "rule", "place", "goal", "message")) + " |",
        "| --- | --- | --- | --- | --- |",
    ]
    for f in shown:
        lines.append(
            f"| {f.severity} | {code(f.rule)} | {code(place(f))} | "
            f"{escape(f.node) if f.node is not None else '-'} | {escape(render(f, lang))} |"
        )
    if len(ordered) > len(shown):
        lines.append("")
        lines.append(t("more", lang).format(n=len(ordered) - len(shown)))
    return lines


def statistics_table(report: Report, lang: str = "id") -> list[str]:
    """The counts per rule (report/statistics.py), most first, as a table."""
    from kinerja_graph.report import statistics as stats

    rows = stats.counts(report, lang)
    if not rows:
        return []
    lines = [
        "| " + " | ".join(t(k, lang) for k in ("count", "rule", "severity", "summary")) + " |",
        "| ---: | --- | --- | --- |",
    ]
    lines.extend(f"| {r.count} | {code(r.rule)} | {r.severity} | {escape(r.summary)} |" for r in rows)
    return lines


def format_report(
    report: Report, lang: str = "id", limit: int | None = LIMIT, title: str | None = None, *, statistics: bool = False
) -> str:
    """The summary, the files, the errors and the findings table; `statistics`: the counts per rule too,
    before the findings."""
    lines = [f"### {title or t('title', lang)}: {escape(summary_line(report, lang))}", ""]
    heads = ("file", "organisation", "errors", "warnings", "infos", "silenced")
    lines.append("| " + " | ".join(t(k, lang) for k in heads) + " |")
    lines.append("| --- | --- | ---: | ---: | ---: | ---: |")
    for fr in report.files:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in fr.findings:
            counts[f.severity] += 1
        lines.append(
            f"| {code(fr.file)} | {escape(fr.organisation or '-')} | {counts['error']} | "
            f"{counts['warning']} | {counts['info']} | {len(fr.silenced)} |"
        )
    if report.errors:
        lines.append("")
        for e in report.errors:
            label = t("unreadable" if e.kind == "input" else "internal_error", lang)
            text = "; ".join(line for line in e.message.splitlines() if line.strip())
            lines.append(f"- **{label}**: {code(e.file)} — {escape(text)}")
    lines.append("")
    counted = statistics_table(report, lang) if statistics else []
    if counted:
        lines.extend([*counted, ""])
    findings = report.findings
    if findings:
        lines.extend(table(findings, lang, limit))
    else:
        lines.append(t("no_findings", lang))
    return "\n".join(lines) + "\n"
