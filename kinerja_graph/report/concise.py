"""`kinerja check --format concise`: one line per finding, `path:line[:column]: severity rule message`.

    samples/praya.yaml:173: error missing-indicator Kinerja "Ketersediaan SOP …" (Output) tidak …
    samples/batumandi.csv:12: warning missing-owner Kinerja "…" (Proses) tidak punya penanggung jawab
    samples/praya.xlsx:37:3: warning missing-owner Kinerja "…" (Proses) tidak punya penanggung jawab
    samples/praya.yaml: warning missing-formula Tidak satu pun dari 19 indikator …

The shape editors and CI logs turn into links (vim's errorformat ``%f:%l:%c: %m``, VS Code's and
GitHub's problem matchers, Emacs' compilation mode): the path as the text report shows it
(text.shown_path), the line of a YAML or JSON file, the row of a CSV file, the row and the column
number of a workbook cell (C37 is 37:3; the text format names the sheet and the cell); a finding about
the whole cascade has no line. Nothing else is printed — no headings, no summary line (the exit code
and the text format have it); errors of the run go to stderr as in every format. With `statistics`
the lines give way to the counts per rule (report/statistics.py). User text is cleaned for the
terminal (text.clean): one line per finding, always.
"""

from __future__ import annotations

from kinerja_graph.cells import column_index
from kinerja_graph.engine import Report
from kinerja_graph.findings import Finding
from kinerja_graph.messages import render, renderer
from kinerja_graph.report.text import clean, severity_style, shown_path


def where(f: Finding) -> str:
    """path, path:line, or path:row:column for a workbook cell."""
    return _where(shown_path(f.file) if f.file else "-", f)


def _where(out: str, f: Finding) -> str:
    loc = f.location
    if loc is None or loc.line is None:
        return out
    out += f":{loc.line}"
    if loc.kind == "cell" and loc.column:
        out += f":{column_index(loc.column)}"
    return out


def line(f: Finding, lang: str = "id", colour: bool = False) -> str:
    severity = severity_style(colour)(f.severity, f.severity)
    return f"{clean(where(f))}: {severity} {f.rule} {clean(render(f, lang))}"


def _lines(report: Report, lang: str, colour: bool) -> list[str]:
    """line() of every finding, each file's shown path and each rule's template found once."""
    style, words = severity_style(colour), renderer(lang)
    shown: dict[str, str] = {}
    out = []
    for f in report.findings:
        path = shown.get(f.file)
        if path is None:
            path = shown[f.file] = shown_path(f.file) if f.file else "-"
        out.append(f"{clean(_where(path, f))}: {style(f.severity, f.severity)} {f.rule} {clean(words(f))}")
    return out


def format_report(report: Report, lang: str = "id", colour: bool = False, *, statistics: bool = False) -> str:
    if statistics:
        from kinerja_graph.report import statistics as stats

        lines = stats.table(report, lang, severity_style(colour))
    else:
        lines = _lines(report, lang, colour)
    return "\n".join(lines) + "\n" if lines else ""
