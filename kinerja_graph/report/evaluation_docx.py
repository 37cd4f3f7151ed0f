"""The evaluation as a draft Laporan Hasil Evaluasi (LHE) in Word, for the evaluator to edit:
`kinerja evaluate … --format docx -o LHE.docx`.

One document, A4. For each cascade evaluated:

    I.   Ruang Lingkup Evaluasi       organisation, document evaluated, file, period, date, the tool and its
                                      version, the criteria used, the findings and the estimated score, and
                                      the caveat that the score is the tool's estimate and not a nilai SAKIP
    II.  Jawaban atas Kriteria        one row per LKE criterion: its suggested answer (shaded) and the
                                      one-line reason
    III. Kekuatan dan Kelemahan       what is fully met, said so; what is not
    IV.  Catatan per Kriteria         per criterion: the answer, the evidence, examples quoting the cascade
                                      and citing the auditee's own document (Node.ref), then each note (how
                                      many of how many, the goals concerned, whether it rests on inferred
                                      data) with its recommendation; the notes of no criterion last
    V.   Rekomendasi                  (a landscape page) the matrix temuan | rekomendasi | penanggung jawab |
                                      tenggat, the last two left blank for the evaluator; the evaluators'
                                      signature block

Several cascades: one part each (its name as the heading, sections numbered within it). Words:
kinerja_graph/words/lhe.yaml, through evaluation_layout.py (the same sentences as the workbook and the HTML report).
User text enters the document only through kinerja_graph.office.docx (made storable; Word computes
nothing from text).
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from collections.abc import Sequence

from docx.document import Document
from docx.shared import Pt, RGBColor

from kinerja_graph.evaluation.model import CriterionAnswer, Evaluation, Note
from kinerja_graph.office import docx as word
from kinerja_graph.report import evaluation_layout as lhe

t = lhe.t
ROMAN = ("I", "II", "III", "IV", "V", "VI")
MARGIN_CM = 2.0
CAVEAT_COLOUR = RGBColor(0x7F, 0x51, 0x00)
# column widths (cm): portrait 17 cm between the margins, landscape 25.7 cm
CRITERIA_WIDTHS = (0.9, 6.3, 2.4, 7.4)
MATRIX_WIDTHS = (1.0, 1.6, 8.4, 8.2, 3.6, 2.9)


def write(
    evaluations: Sequence[Evaluation],
    path: str | os.PathLike[str],
    lang: str = "id",
    *,
    day: _dt.date | None = None,
) -> None:
    """Write the LHE draft of `evaluations` (one part per cascade) to `path`."""
    word.save(build(evaluations, lang, day=day), path)


def to_bytes(evaluations: Sequence[Evaluation], lang: str = "id", *, day: _dt.date | None = None) -> bytes:
    """The LHE draft as the bytes of a .docx file (`kinerja evaluate --format docx -o FILE`)."""
    buffer = io.BytesIO()
    build(evaluations, lang, day=day).save(buffer)
    return buffer.getvalue()


def build(evaluations: Sequence[Evaluation], lang: str = "id", *, day: _dt.date | None = None) -> Document:
    day = day or _dt.date.today()
    doc = word.new_document(margin_cm=MARGIN_CM)
    many = len(evaluations) > 1
    if many:
        subtitle = t("doc_subtitle_many", lang, count=len(evaluations))
    elif evaluations:
        subtitle = t("doc_subtitle", lang, organisation=lhe.organisation_name(evaluations[0]))
    else:
        subtitle = ""
    word.title(doc, t("doc_title", lang), subtitle)
    word.paragraph(doc, t("draft_note", lang), italic=True, size=word.FONT_SIZE - 1)
    if many:
        word.heading(doc, t("contents", lang), 2)
        for ev in evaluations:
            word.bullet(doc, _part_title(ev))
    for i, ev in enumerate(evaluations):
        if many:
            if i:
                word.new_section(doc, landscape=False)
            word.heading(doc, _part_title(ev), 1, page_break=False)
        _evaluation(doc, ev, lang, day, level=2 if many else 1)
    footer = t("doc_title", lang) if many else f"{lhe.organisation_name(evaluations[0])} · {t('doc_title', lang)}"
    word.page_footer(doc, footer, t("page", lang))
    return doc


def _part_title(ev: Evaluation) -> str:
    return f"{lhe.organisation_name(ev)} ({os.path.basename(ev.file) or ev.file})"


def _evaluation(doc: Document, ev: Evaluation, lang: str, day: _dt.date, level: int) -> None:
    number = iter(ROMAN)
    word.heading(doc, f"{next(number)}. {t('h_scope', lang)}", level)
    word.facts_table(doc, lhe.scope(ev, lang, day), (4.2, 12.8))
    caveat = word.paragraph(doc)
    caveat.paragraph_format.space_before = Pt(4)
    word.add_text(caveat, lhe.caveat(ev, lang), italic=True, size=word.FONT_SIZE - 1, colour=CAVEAT_COLOUR)
    if not ev.readable:
        word.paragraph(doc, t("unreadable", lang), bold=True)
        for line in lhe.error_lines(ev):
            word.bullet(doc, line, size=word.FONT_SIZE - 1)
        return
    for line in lhe.error_lines(ev):  # a rule that broke: said, the rest of the evaluation stands
        word.paragraph(doc, line, italic=True, size=word.FONT_SIZE - 1)

    word.heading(doc, f"{next(number)}. {t('h_criteria', lang)}", level)
    word.paragraph(doc, t("criteria_intro", lang), italic=True, size=word.FONT_SIZE - 1)
    _criteria_table(doc, ev.criteria, lang)

    word.heading(doc, f"{next(number)}. {t('h_strengths', lang)}", level)
    word.heading(doc, t("h_strengths_only", lang), level + 1)
    for text in ev.strengths or [t("no_strengths", lang)]:
        word.bullet(doc, text, italic=not ev.strengths)
    word.heading(doc, t("h_weaknesses", lang), level + 1)
    for text in ev.weaknesses or [t("no_weaknesses", lang)]:
        word.bullet(doc, text, italic=not ev.weaknesses)

    word.heading(doc, f"{next(number)}. {t('h_notes', lang)}", level)
    for criterion, notes in lhe.notes_by_criterion(ev):
        if criterion is None:
            word.heading(doc, t("h_other_notes", lang), level + 1)
            word.paragraph(doc, t("other_notes_intro", lang), italic=True)
        else:
            _criterion(doc, criterion, notes, lang, level + 1)
            if not notes:
                word.paragraph(doc, t("no_notes", lang), italic=True, size=word.FONT_SIZE - 1)
        for note in notes:
            _note(doc, note, lang)

    word.new_section(doc, landscape=True)
    word.heading(doc, f"{next(number)}. {t('h_recommendations', lang)}", level)
    _matrix(doc, ev, lang)
    _signature(doc, lang, day)


def _criteria_table(doc: Document, criteria: Sequence[CriterionAnswer], lang: str) -> None:
    headers = [t(k, lang) for k in ("col_no", "col_criterion", "col_answer", "col_reason")]
    table = word.add_table(doc, headers, widths_cm=CRITERIA_WIDTHS)
    for i, c in enumerate(criteria, start=1):
        row = word.add_row(table, [str(i), lhe.criterion_label(c), None, lhe.reason(c, lang)])
        word.set_cell(row.cells[0], str(i), align="center")
        answer = row.cells[2]
        word.set_cell(answer, lhe.answer_text(c.answer, lang), bold=True, align="center")
        count = lhe.evidence_count(c, lang)
        if count:
            word.add_cell_line(answer, f"({count})", size=word.TABLE_FONT_SIZE - 1, colour=word.GREY, align="center")
        word.shade(answer, lhe.ANSWER_FILL.get(c.answer, "FFFFFF"))


def _criterion(doc: Document, c: CriterionAnswer, notes: Sequence[Note], lang: str, level: int) -> None:
    word.heading(doc, f"{lhe.criterion_label(c)} — {lhe.answer_text(c.answer, lang)}", level)
    answer = word.paragraph(doc)
    answer.paragraph_format.keep_with_next = True  # the answer, its evidence and what follows stay together
    word.add_text(answer, f"{t('suggested', lang)}: ", bold=True)
    word.add_text(answer, lhe.answer_text(c.answer, lang))
    count = lhe.evidence_count(c, lang)
    if count:
        word.add_text(answer, f" ({count})")
    sentences = [lhe.one_line(s) for s in c.evidence.text if lhe.one_line(s)]
    if sentences:
        p = word.paragraph(doc)
        p.paragraph_format.keep_with_next = True
        word.add_text(p, f"{t('evidence', lang)}: ", bold=True)
        word.add_text(p, " ".join(sentences))
    examples = lhe.criterion_examples(c, notes)
    if examples:
        word.paragraph(doc, f"{t('examples', lang)}:", bold=True).paragraph_format.keep_with_next = True
        for example in examples:
            word.bullet(doc, lhe.example_text(example), size=word.FONT_SIZE - 1)


def _note(doc: Document, note: Note, lang: str) -> None:
    head = word.paragraph(doc)
    head.paragraph_format.space_before = Pt(4)
    head.paragraph_format.keep_with_next = True
    word.add_text(head, f"{t('note', lang)} {note.id}", bold=True)
    word.add_text(
        head,
        f" ({lhe.severity_text(note.severity, lang)}, {t('findings_count', lang, count=len(note.findings))}): ",
        colour=word.GREY,
        size=word.FONT_SIZE - 1,
    )
    word.add_text(head, lhe.one_line(note.message))
    if note.nodes:
        p = word.paragraph(doc)
        word.add_text(p, f"{t('nodes', lang)}: ", size=word.FONT_SIZE - 1, colour=word.GREY)
        word.add_text(p, lhe.nodes_text(note.nodes, lang), size=word.FONT_SIZE - 1, colour=word.GREY)
    for example in note.examples:
        word.bullet(doc, lhe.example_text(example), size=word.FONT_SIZE - 1)
    if lhe.one_line(note.recommendation):
        p = word.paragraph(doc)
        word.add_text(p, f"{t('recommendation', lang)}: ", bold=True)
        word.add_text(p, lhe.one_line(note.recommendation))


def _matrix(doc: Document, ev: Evaluation, lang: str) -> None:
    rows = lhe.matrix(ev)
    if not rows:
        word.paragraph(doc, t("no_recommendations", lang), italic=True)
        return
    word.paragraph(doc, t("matrix_intro", lang), italic=True, size=word.FONT_SIZE - 1)
    headers = [
        t(k, lang)
        for k in ("col_no", "col_criterion", "col_finding", "col_recommendation", "col_owner", "col_deadline")
    ]
    headers[1] = "LKE"
    table = word.add_table(doc, headers, widths_cm=MATRIX_WIDTHS)
    for r in rows:
        row = word.add_row(table, [str(r.number), r.criterion, r.finding, r.recommendation, None, None])
        word.set_cell(row.cells[0], str(r.number), align="center")
    word.keep_with_next(table.rows[-1])  # the last row goes over with the signatures, never they alone


def _signature(doc: Document, lang: str, day: _dt.date) -> None:
    spacer = word.paragraph(doc)
    spacer.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    word.borderless(table)
    cell = table.cell(0, 1)
    word.set_cell(cell, t("place_date", lang, date=lhe.date_text(day, lang)), size=word.FONT_SIZE, align="center")
    word.add_cell_line(cell, t("evaluators", lang), size=word.FONT_SIZE, align="center")
    for _ in range(3):
        word.add_cell_line(cell, "", size=word.FONT_SIZE)
    word.add_cell_line(cell, t("name_line", lang), size=word.FONT_SIZE, colour=word.GREY, align="center")
    word.keep_row_together(table.rows[0])
