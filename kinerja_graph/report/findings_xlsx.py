"""`kinerja check --format xlsx -o FILE.xlsx`: the findings beside the rows they concern, for a planner
who fixes the cascade row by row in a spreadsheet.

A check of one cascade gives the planner's own workbook (as `kinerja convert … .xlsx` writes it, so it
reads back and can be checked again once fixed) with:

- on sheet "Pohon Kinerja", each goal with findings filled in the colour of its worst finding (red
  error, yellow warning, blue info) and a comment on its Kode cell listing them;
- a sheet "Temuan": one row per finding (most severe first, then the report's order) — file, place,
  Kode (a link to the goal's row), level, statement, severity, rule, LKE criterion, the message, the
  data it rests on (stated, inferred, doubtful labels), the auditee's document reference, and a blank
  "Tindak Lanjut" column for the planner's follow-up. The workbook opens on this sheet.

A check of several files (or of a file that could not be read) gives the "Temuan" sheet alone, with
every file's findings. The messages are in the language asked for (--lang); the table sheet keeps the
headers of that language too.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kinerja_graph import policy, workbook
from kinerja_graph.engine import Report
from kinerja_graph.findings import SEVERITY_ORDER, Finding
from kinerja_graph.i18n import words
from kinerja_graph.messages import render
from kinerja_graph.model import Cascade
from kinerja_graph.report.text import place

COLUMNS = (
    ("findings_number", 6),
    ("findings_file", 18),
    ("findings_place", 18),
    ("findings_code", 10),
    ("findings_level", 16),
    ("findings_statement", 40),
    ("findings_severity", 12),
    ("findings_rule", 22),
    ("findings_lke", 9),
    ("findings_message", 60),
    ("findings_basis", 18),
    ("findings_ref", 18),
    ("findings_action", 30),
)


def _t(key: str, lang: str) -> str:
    return words("workbook").t(key, lang)


def _cascade(report: Report) -> tuple[Cascade, nx.DiGraph] | None:
    """The one cascade the report is about, when it is about exactly one that was read."""
    if len(report.files) != 1:
        return None
    G = report.files[0].graph
    cascade = G.graph.get("cascade") if G is not None else None
    return (cascade, G) if isinstance(cascade, Cascade) else None


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def _level_name(level: object, lang: str) -> str:
    if not level:
        return ""
    found = policy.levels().by_id(str(level))
    return (found.name.get(lang) or found.name["en"]) if found is not None else str(level)


def marks(findings: Iterable[Finding], lang: str) -> dict[str, workbook.Mark]:
    """Per goal: the worst severity of its findings and one line per finding."""
    lines: dict[str, list[str]] = {}
    worst: dict[str, str] = {}
    for f in _ordered(findings):
        if f.node is None:
            continue
        lines.setdefault(f.node, []).append(f"{_t(f.severity, lang)} · {f.rule}: {render(f, lang)}")
        if f.node not in worst or SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst[f.node]]:
            worst[f.node] = f.severity
    return {node: workbook.Mark(worst[node], "\n".join(found)) for node, found in lines.items()}


def rows(
    report: Report, lang: str, first_rows: dict[str, int], *, files: bool = True
) -> tuple[list[list[object]], list, list]:
    """The findings sheet's rows, with the table row each links to and the severity that colours it.
    `files`: a column naming each finding's file (a check of several files); else the place is its line."""
    out: list[list[object]] = []
    links: list[int | None] = []
    fills: list[str | None] = []
    basis = {None: _t("basis_stated", lang), "inferred": _t("basis_inferred", lang)}
    basis["doubtful"] = _t("basis_doubtful", lang)
    for fr in report.files:
        G = fr.graph
        for f in _ordered(fr.findings):
            data = G.nodes[f.node] if G is not None and f.node is not None and f.node in G else {}
            node = data.get("node")
            out.append(
                [
                    len(out) + 1,
                    *((fr.file,) if files else ()),
                    place(f, path=files),
                    f.node or "",
                    _level_name(data.get("level"), lang),
                    data.get("statement") or "",
                    _t(f.severity, lang),
                    f.rule,
                    f.lke or "",
                    render(f, lang),
                    basis.get(f.basis, f.basis or ""),
                    getattr(node, "ref", None) or "",
                    "",
                ]
            )
            links.append(first_rows.get(f.node) if f.node is not None else None)
            fills.append(f.severity)
    return out, links, fills


def to_bytes(report: Report, lang: str = "id") -> bytes:
    """The workbook's bytes (see the module docstring)."""
    one = _cascade(report)
    if one is not None:
        cascade, _ = one
        made = workbook.cascade_book(cascade, lang, marks=marks(report.findings, lang))
        findings_sheet = 2  # after the table and the organisation sheets
    else:
        made = workbook.new_book(lang)
        findings_sheet = 0
    files = one is None
    columns = [(key, width) for key, width in COLUMNS if files or key != "findings_file"]
    found, links, fills = rows(report, lang, made.first_rows, files=files)
    if not found:
        found = [[_t("findings_none", lang) if key == "findings_message" else "" for key, _ in columns]]
        links, fills = [None], [None]
    workbook.list_sheet(
        made,
        _t("sheet_findings", lang),
        [_t(key, lang) for key, _ in columns],
        found,
        [width for _, width in columns],
        links=links,
        fills=fills,
        link_column=[key for key, _ in columns].index("findings_code"),
        fill_column=[key for key, _ in columns].index("findings_severity"),
    )
    return workbook.book_bytes(made, active=findings_sheet)
