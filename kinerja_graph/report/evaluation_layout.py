"""What the evaluator's documents say, in the evaluation's language, shared by the Word draft of the LHE
(evaluation_docx.py), the recommendations workbook (evaluation_xlsx.py) and the evaluation sections of the HTML report
(kinerja_graph/report/html_evaluation.py): so that the three say the same thing in the same words.

Nothing here computes the evaluation (that is done before, into an `Evaluation`): these functions only
word it — the scope of the evaluation, each criterion's answer and the one-line reason for it, an example
quoted with its place in the auditee's document, and the
rows of the recommendations matrix (temuan, rekomendasi; penanggung jawab and tenggat are left for the
evaluator). The words are in kinerja_graph/words/lhe.yaml.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_graph import __version__
from kinerja_graph.evaluation.model import NO, PARTLY, UNASSESSED, YES, CriterionAnswer, Evaluation, Example, Note
from kinerja_graph.i18n import words

t = words("lhe").t

# The colour of each answer (RRGGBB) where a document shades it: green, amber, red, grey.
ANSWER_FILL = {YES: "E2EFDA", PARTLY: "FFF2CC", NO: "F8CBAD", UNASSESSED: "EDEDED"}
ANSWER_KEY = {YES: "Y", PARTLY: "Sebagian", NO: "T", UNASSESSED: "na"}
QUOTE_LIMIT = 70  # characters of a quoted text (the evaluation already shortens them; this is a bound)
NODES_SHOWN = 120  # node ids listed under a note before "and N more" (the auditee needs them all)


def answer_text(answer: str, lang: str) -> str:
    """The LKE answer as the document writes it: "Y", "Sebagian", "T", "Tidak dapat dinilai" (English
    glosses beside the LKE's own words)."""
    key = ANSWER_KEY.get(answer)
    return t(f"answer_{key}", lang) if key else answer


def answer_class(answer: str) -> str:
    """A short, safe token for the answer (CSS classes, test hooks): y, partly, no, na."""
    return {YES: "y", PARTLY: "partly", NO: "no"}.get(answer, "na")


def criterion_label(criterion: CriterionAnswer) -> str:
    """ "1.b.8 Cascading kinerja …": the LKE number and the criterion's short name."""
    return f"{criterion.id} {criterion.title}".strip()


def one_line(text: object) -> str:
    """Text on one line (runs of white space, line breaks included, become one space)."""
    return " ".join(str(text or "").split())


def reason(criterion: CriterionAnswer, lang: str) -> str:
    """Why the answer is what it is, in one line: the first sentence of the evidence, or the share met."""
    for sentence in criterion.evidence.text:
        if one_line(sentence):
            return one_line(sentence)
    ev = criterion.evidence
    if ev.items is not None and ev.met is not None:
        return t("met_of", lang, met=number(ev.met, lang), items=ev.items)
    return t("no_reason", lang)


def evidence_count(criterion: CriterionAnswer, lang: str) -> str:
    """ "42 dari 44" (met of items), or "" for a question about the whole document."""
    ev = criterion.evidence
    if ev.items is None or ev.met is None:
        return ""
    return t("met_of", lang, met=number(ev.met, lang), items=ev.items)


def number(value: float, lang: str) -> str:
    """A count that may end in .5 (a failure resting on inferred data counts half): "41,5" in Indonesian."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "id" else text


def percent(share: float, lang: str) -> str:
    text = f"{round(share * 100):d} %" if lang == "id" else f"{round(share * 100):d}%"
    return text


def quote(text: object) -> str:
    """A text of the cascade quoted on one line, shortened to QUOTE_LIMIT characters."""
    s = one_line(text)
    if len(s) > QUOTE_LIMIT:
        s = s[: QUOTE_LIMIT - 1].rstrip() + "…"
    return f"“{s}”"


def example_text(example: Example) -> str:
    """“Meningkatnya …” (1.2.3, hal. 4 Tabel 2): the quote and where it stands in the auditee's document."""
    cite = one_line(example.cite)
    if not one_line(example.text):
        return cite
    return f"{quote(example.text)} ({cite})"


def criterion_examples(criterion: CriterionAnswer, notes: Sequence[Note]) -> list[Example]:
    """The criterion's examples that its notes do not already quote (the same goals are often the
    examples of both: each is quoted once, under its note)."""
    quoted = {(e.node, e.text) for n in notes for e in n.examples}
    return [e for e in criterion.evidence.examples if (e.node, e.text) not in quoted]


def nodes_text(nodes: Sequence[str], lang: str, limit: int = NODES_SHOWN) -> str:
    """The node ids of a note, comma-separated, the first `limit` of them and "and N more"."""
    shown = ", ".join(one_line(n) for n in nodes[:limit])
    if len(nodes) > limit:
        shown += " " + t("and_more", lang, count=len(nodes) - limit)
    return shown


def document_name(ev: Evaluation) -> str:
    """The auditee's document as the evaluation names it: its source line, else the file's name."""
    return one_line(ev.source) or os.path.basename(ev.file) or ev.file


def period_text(years: Sequence[int], lang: str) -> str:
    if not years:
        return t("no_period", lang)
    return str(years[0]) if len(years) == 1 or years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def date_text(day: _dt.date, lang: str) -> str:
    """ "6 Desember 2026" / "6 December 2026"."""
    months = t("months", lang).split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def organisation_name(ev: Evaluation) -> str:
    return one_line(ev.organisation) or os.path.basename(ev.file) or ev.file


def score_text(ev: Evaluation, lang: str) -> str:
    """ "72 dari 100; kriteria yang dapat dinilai mencakup 85 % bobot penilaian" (the caveat is said beside it)."""
    sc = ev.score
    if sc is None or sc.rounded is None:
        return t("score_none", lang)
    text = t("score_value", lang, score=sc.rounded)
    if sc.total_weight and sc.coverage < 0.999:
        text += "; " + t("coverage", lang, share=percent(sc.coverage, lang))
    return text


def caveat(ev: Evaluation, lang: str) -> str:
    """What the score is: the evaluation's own label of it ("the tool's estimate, not a nilai SAKIP"), or
    the documents' general caveat."""
    label = one_line(ev.score.label) if ev.score is not None else ""
    return label or t("caveat", lang)


def scope(ev: Evaluation, lang: str, day: _dt.date | None = None) -> list[tuple[str, str]]:
    """(label, value) lines of the scope: organisation, document, file, period, date, tool, criteria,
    findings, score."""
    rows = [
        (t("organisation", lang), organisation_name(ev)),
        (t("document", lang), document_name(ev)),
        (t("file", lang), os.path.basename(ev.file) or ev.file),
        (t("period", lang), period_text(ev.period, lang)),
        (t("date", lang), date_text(day or _dt.date.today(), lang)),
        (t("tool", lang), t("tool_value", lang, version=__version__)),
        (t("basis", lang), t("basis_value", lang)),
    ]
    if ev.readable:
        rows.append((t("findings", lang), t("findings_value", lang, findings=ev.findings, notes=len(ev.notes))))
        rows.append((t("score", lang), score_text(ev, lang)))
    return rows


def error_lines(ev: Evaluation) -> list[str]:
    """Why the file could not be read (or a rule broke), one line each."""
    return [one_line(line) for e in ev.errors for line in e.lines() if one_line(line)]


@dataclass(frozen=True)
class MatrixRow:
    """One row of the recommendations matrix."""

    number: int
    criterion: str  # "1.b.8" or ""
    notes: tuple[str, ...]  # the note ids it answers
    finding: str  # the temuan: the notes' messages, one per line
    recommendation: str


def matrix(ev: Evaluation) -> list[MatrixRow]:
    """The recommendations matrix: one row per recommendation, its temuan the messages of the notes it
    answers ("N3: 42 dari 44 kinerja belum memiliki penanggung jawab")."""
    rows = []
    for number_, rec in enumerate(ev.recommendations, start=1):
        lines = []
        for note_id in rec.notes:
            note = ev.note(note_id)
            if note is not None:
                lines.append(f"{note.id}: {one_line(note.message)}")
        rows.append(MatrixRow(number_, rec.criterion or "", tuple(rec.notes), "\n".join(lines), one_line(rec.text)))
    return rows


def notes_by_criterion(ev: Evaluation) -> list[tuple[CriterionAnswer | None, list[Note]]]:
    """Each criterion with the notes bearing on it, in LKE order; then the notes of no criterion (None)."""
    out: list[tuple[CriterionAnswer | None, list[Note]]] = []
    for c in ev.criteria:
        listed = [n for n in (ev.note(i) for i in c.notes) if n is not None]
        extra = [n for n in ev.notes_of(c.id) if n not in listed]
        out.append((c, listed + extra))
    known = {c.id for c in ev.criteria}
    rest = [n for n in ev.notes if n.criterion is None or n.criterion not in known]
    if rest:
        out.append((None, rest))
    return out


def severity_text(severity: str, lang: str) -> str:
    return t(f"severity_{severity}", lang) if severity in ("error", "warning", "info") else severity
