"""The evaluation as a workbook to fill in: `kinerja evaluate … --format xlsx -o LHE.xlsx`.

Two sheets, ready to work in and to print (A4 landscape, fitted to the page width, the header row
repeated on every page, frozen under the header, filtered):

    Rekomendasi   the recommendations matrix of the LHE: No., LKE criterion, temuan (the notes it answers,
                  "N3: 42 dari 44 kinerja …"), rekomendasi, and the columns the evaluator fills in with the
                  organisation evaluated — penanggung jawab, tenggat — left blank (shaded as input cells)
    Kriteria      one row per LKE criterion: its suggested answer (shaded), the evidence (met of items), the
                  one-line reason, its weight, the notes bearing on it, and blank columns for the
                  evaluator's own answer (a drop-down of the LKE scale) and note

Several cascades: the same two sheets, one row block per cascade, with the organisation in a first
column (so that the filter picks one). Words: kinerja_graph/words/lhe.yaml through evaluation_layout.py. Every text
enters a cell through kinerja_graph.office.xlsx.set_text: always a text cell, never a formula.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from collections.abc import Sequence

from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_graph import __version__
from kinerja_graph.evaluation.model import NO, PARTLY, YES, Evaluation
from kinerja_graph.office import xlsx
from kinerja_graph.report import evaluation_layout as lhe

t = lhe.t
INPUT_FILL = "FFFBE6"  # the cells the evaluator fills in
MATRIX_WIDTHS = (6, 9, 62, 52, 24, 14)
CRITERIA_WIDTHS = (6, 9, 30, 13, 12, 48, 8, 12, 16, 32)
ORGANISATION_WIDTH = 24


def write(
    evaluations: Sequence[Evaluation],
    path: str | os.PathLike[str],
    lang: str = "id",
    *,
    day: _dt.date | None = None,
) -> None:
    """Write the recommendations matrix and the criteria of `evaluations` to the workbook `path`."""
    xlsx.save(build(evaluations, lang, day=day), path)


def to_bytes(evaluations: Sequence[Evaluation], lang: str = "id", *, day: _dt.date | None = None) -> bytes:
    """The workbook as the bytes of a .xlsx file (`kinerja evaluate --format xlsx -o FILE`)."""
    buffer = io.BytesIO()
    build(evaluations, lang, day=day).save(buffer)
    return buffer.getvalue()


def build(evaluations: Sequence[Evaluation], lang: str = "id", *, day: _dt.date | None = None) -> Workbook:
    book = xlsx.new_workbook()
    day = day or _dt.date.today()
    _recommendations(xlsx.add_sheet(book, t("sheet_recommendations", lang)), evaluations, lang, day)
    _criteria(xlsx.add_sheet(book, t("sheet_criteria", lang)), evaluations, lang, day)
    return book


def _heading(evaluations: Sequence[Evaluation], title: str, lang: str, day: _dt.date) -> list[tuple[str, str]]:
    """The lines above a sheet's table: its title, the document, the scope of one cascade (or the list of
    cascades), the caveat."""
    if len(evaluations) == 1:
        ev = evaluations[0]
        lines = [(title, "title"), (t("doc_subtitle", lang, organisation=lhe.organisation_name(ev)), "subtitle")]
        keep = {t(k, lang) for k in ("document", "file", "period", "date", "tool", "score")}
        lines += [(f"{label}: {value}", "text") for label, value in lhe.scope(ev, lang, day) if label in keep]
    else:
        lines = [(title, "title"), (t("doc_subtitle_many", lang, count=len(evaluations)), "subtitle")]
        lines.append((f"{t('date', lang)}: {lhe.date_text(day, lang)}", "text"))
        lines.append((f"{t('tool', lang)}: {t('tool_value', lang, version=__version__)}", "text"))
        for ev in evaluations:
            score = lhe.score_text(ev, lang) if ev.readable else t("unreadable", lang)
            lines.append((f"{lhe.organisation_name(ev)} ({os.path.basename(ev.file)}): {score}", "text"))
    lines += [(text, "note") for text in dict.fromkeys(lhe.caveat(ev, lang) for ev in evaluations)]
    for ev in evaluations:
        if not ev.readable:
            prefix = f"{os.path.basename(ev.file)}: " if len(evaluations) > 1 else ""
            lines.append((prefix + t("unreadable", lang), "note"))
            lines += [(line, "note") for line in lhe.error_lines(ev)]
    return lines


def _recommendations(ws: Worksheet, evaluations: Sequence[Evaluation], lang: str, day: _dt.date) -> None:
    many = len(evaluations) > 1
    lines = _heading(evaluations, t("h_recommendations", lang), lang, day)
    lines.append((t("matrix_intro", lang), "note"))
    header_row = xlsx.write_lines(ws, 1, lines) + 1
    headers = [
        t(k, lang)
        for k in ("col_no", "col_criterion", "col_finding", "col_recommendation", "col_owner", "col_deadline")
    ]
    headers[1] = "LKE"
    widths: list[float] = list(MATRIX_WIDTHS)
    rows: list[list[object]] = []
    for ev in evaluations:
        for m in lhe.matrix(ev):
            row: list[object] = [m.number, m.criterion, m.finding, m.recommendation, "", ""]
            rows.append([lhe.organisation_name(ev), *row] if many else row)
    if many:
        headers.insert(0, t("col_organisation", lang))
        widths.insert(0, ORGANISATION_WIDTH)
    last = xlsx.write_table(ws, header_row, headers, rows, widths=widths)
    if not rows:
        xlsx.set_text(ws.cell(row=last + 1, column=1), t("no_recommendations", lang), "missing")
    first_input = len(headers) - 1  # penanggung jawab, tenggat: the last two columns
    _input_cells(ws, header_row + 1, last, range(first_input, len(headers) + 1))
    for row_number in range(header_row + 1, last + 1):
        xlsx.align(ws.cell(row=row_number, column=2 if many else 1), "center")
    xlsx.fit_row_heights(ws, header_row, last)
    xlsx.print_setup(ws, header_rows=(header_row, header_row), footer=_footer(evaluations, lang))


def _criteria(ws: Worksheet, evaluations: Sequence[Evaluation], lang: str, day: _dt.date) -> None:
    many = len(evaluations) > 1
    lines = _heading(evaluations, t("h_criteria", lang), lang, day)
    lines.append((t("criteria_intro", lang), "note"))
    header_row = xlsx.write_lines(ws, 1, lines) + 1
    headers = [
        t(k, lang)
        for k in (
            "col_no",
            "col_criterion",
            "col_title",
            "col_answer",
            "col_evidence",
            "col_reason",
            "col_weight",
            "col_notes",
            "col_evaluator_answer",
            "col_evaluator_note",
        )
    ]
    headers[1] = "LKE"
    widths: list[float] = list(CRITERIA_WIDTHS)
    rows: list[list[object]] = []
    answers: list[str] = []
    for ev in evaluations:
        for i, c in enumerate(ev.criteria, start=1):
            row: list[object] = [
                i,
                c.id,
                c.title,
                lhe.answer_text(c.answer, lang),
                lhe.evidence_count(c, lang),
                lhe.reason(c, lang),
                round(c.weight, 4),
                ", ".join([*c.notes, *c.see_also]),  # the notes listed under it, and those elsewhere bearing on it
                "",
                "",
            ]
            rows.append([lhe.organisation_name(ev), *row] if many else row)
            answers.append(c.answer)
    offset = 1 if many else 0
    if many:
        headers.insert(0, t("col_organisation", lang))
        widths.insert(0, ORGANISATION_WIDTH)
    last = xlsx.write_table(ws, header_row, headers, rows, widths=widths)
    answer_col = 4 + offset
    for k, answer in enumerate(answers):
        r = header_row + 1 + k
        cell = ws.cell(row=r, column=answer_col)
        fill = lhe.ANSWER_FILL.get(answer, "FFFFFF")
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
        cell.font = xlsx.STYLES["header"]
        for column in (1 + offset, 2 + offset, answer_col, answer_col + 1, answer_col + 3):
            xlsx.align(ws.cell(row=r, column=column), "center")
        ws.cell(row=r, column=answer_col + 3).number_format = "0.0#"
    evaluator = len(headers) - 1  # the evaluator's answer and note: the last two columns
    _input_cells(ws, header_row + 1, last, range(evaluator, len(headers) + 1))
    if rows:
        scale = ",".join(lhe.answer_text(a, lang) for a in (YES, PARTLY, NO))
        choice = DataValidation(type="list", formula1=f'"{scale}"', allow_blank=True)
        ws.add_data_validation(choice)
        letter = get_column_letter(evaluator)
        choice.add(f"{letter}{header_row + 1}:{letter}{last}")
    xlsx.fit_row_heights(ws, header_row, last)
    xlsx.print_setup(ws, header_rows=(header_row, header_row), footer=_footer(evaluations, lang))


def _input_cells(ws: Worksheet, first: int, last: int, columns: range) -> None:
    fill = PatternFill("solid", start_color=INPUT_FILL, end_color=INPUT_FILL)
    for r in range(first, last + 1):
        for c in columns:
            ws.cell(row=r, column=c).fill = fill


def _footer(evaluations: Sequence[Evaluation], lang: str) -> str:
    if len(evaluations) == 1:
        return f"{lhe.organisation_name(evaluations[0])} · {t('doc_title', lang)}"
    return t("doc_title", lang)
