"""`kinerja evaluate --format text` and `kinerja check --group`: the evaluation as an evaluator reads it.

    Evaluasi Perencanaan Kinerja — Kecamatan Praya
    Berkas: samples/praya.yaml
    Skor (perkiraan): 63/100 — Perkiraan alat ini atas pemenuhan kriteria LKE …; dinilai atas 83 % bobot …

    Jawaban atas kriteria LKE
      1.b.3   Y         Perencanaan kinerja menggambarkan kebutuhan atas kinerja sebenarnya (…)
                        Seluruh 64 kinerja telah diturunkan dari hasil (outcome) di tingkat strategis.
      …
    Kekuatan / Kelemahan / Catatan (N1 … with the goals, examples and the recommendation) / Rekomendasi

Formatter only: everything is computed by kinerja_graph/evaluation. User text reaches the terminal with its
control characters escaped (report/text.py `clean`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import click

from kinerja_graph.engine import FileReport, Report
from kinerja_graph.evaluation import Evaluation, Example, Note
from kinerja_graph.i18n import words
from kinerja_graph.report.text import COLOURS, clean, summary_line

NODES_SHOWN = 8  # node ids a note lists before "(+n more)"
ANSWER_WIDTH = 20
ID_WIDTH = 7
INDENT = " " * (2 + ID_WIDTH + 1 + ANSWER_WIDTH + 1)

_t = words("evaluation").t  # kinerja_graph/words/evaluation.yaml


def _style(text: str, colour: bool, **style) -> str:
    return click.style(text, **style) if colour else text


def cite(example: Example) -> str:
    """'"Ketersediaan SOP …" (1.1.1.1, bagan, kolom 3)': a quoted node and its place in the auditee's document."""
    return f'"{clean(example.text)}" ({clean(example.cite)})'


def node_list(nodes: Sequence[str], lang: str, limit: int = NODES_SHOWN) -> str:
    shown = ", ".join(clean(n) for n in nodes[:limit])
    if len(nodes) > limit:
        shown += " " + _t("more", lang, count=len(nodes) - limit)
    return shown


def answer_word(answer: str, lang: str) -> str:
    return _t(f"answer_{answer}", lang)


def format_note(note: Note, lang: str, colour: bool = False, criterion: bool = True) -> list[str]:
    """One note: its number, severity, criterion and message; the goals; examples; the recommendation."""
    style: dict[str, Any] = COLOURS[note.severity]
    severity = _style(_t(f"severity_{note.severity}", lang), colour, **style)
    where = f"{note.criterion}  " if criterion and note.criterion else ""
    lines = [f"  {note.id:<4} [{severity}] {where}{clean(note.message)}  ({note.rule})"]
    if note.nodes:
        lines.append(f"       {_t('nodes', lang)}: {node_list(note.nodes, lang)}")
    if note.examples:
        lines.append(f"       {_t('examples', lang)}: " + "; ".join(cite(e) for e in note.examples))
    lines.append(f"       {_t('recommendation', lang)}: {clean(note.recommendation)}")
    return lines


def format_evaluation(ev: Evaluation, lang: str = "id", colour: bool = False) -> list[str]:
    t = _t
    title = t("title", lang) + (f" — {ev.organisation}" if ev.organisation else "")
    lines = [_style(clean(title), colour, bold=True), f"{t('file', lang)}: {clean(ev.file)}"]
    if ev.source:
        lines.append(f"{t('source', lang)}: {clean(ev.source)}")
    if ev.period:
        years = f"{ev.period[0]}–{ev.period[-1]}" if ev.period[-1] != ev.period[0] else str(ev.period[0])
        lines.append(f"{t('period', lang)}: {years}")
    for error in ev.errors:
        lines.append(_style(t("unreadable", lang), colour, fg="red", bold=True))
        lines.extend(f"  {clean(line)}" for line in error.message.splitlines())
    if ev.score is None:
        return lines
    sc = ev.score
    number = t("score_none", lang) if sc.rounded is None else f"{sc.rounded}/100"
    coverage = (
        t("coverage", lang, share=f"{round(100 * sc.coverage)} %") if sc.coverage < 1 else t("coverage_full", lang)
    )
    lines.append(_style(f"{t('score', lang)}: {number}", colour, bold=True) + f" — {sc.label} ({coverage})")
    lines.append("")
    lines.append(_style(t("criteria", lang), colour, bold=True))
    for c in ev.criteria:
        lines.append(f"  {c.id:<{ID_WIDTH}} {answer_word(c.answer, lang):<{ANSWER_WIDTH}} {clean(c.title)}")
        for sentence in c.evidence.text:
            lines.append(INDENT + clean(sentence))
        if c.evidence.examples:
            lines.append(INDENT + f"{t('examples', lang)}: " + "; ".join(cite(e) for e in c.evidence.examples))
    for key, items in (("strengths", ev.strengths), ("weaknesses", ev.weaknesses)):
        lines.append("")
        lines.append(_style(t(key, lang), colour, bold=True))
        if items:
            lines.extend(f"  - {clean(s)}" for s in items)
        else:
            lines.append(f"  {t('none_listed', lang)}")
    lines.append("")
    lines.append(_style(t("notes", lang), colour, bold=True))
    if not ev.notes:
        lines.append(f"  {t('no_notes', lang)}")
    for note in ev.notes:
        lines.extend(format_note(note, lang, colour))
    lines.append("")
    lines.append(_style(t("recommendations", lang), colour, bold=True))
    for i, rec in enumerate(ev.recommendations, 1):
        lines.append(f"  {i}. {clean(rec.text)} ({', '.join(rec.notes)})")
    if not ev.recommendations:
        lines.append(f"  {t('none_listed', lang)}")
    return lines


def format_evaluations(evaluations: Iterable[Evaluation], lang: str = "id", colour: bool = False) -> str:
    blocks = ["\n".join(format_evaluation(ev, lang, colour)) for ev in evaluations]
    return ("\n\n" + "=" * 100 + "\n\n").join(blocks) + "\n"


# --------------------------------------------------------------------------------- kinerja check --group


def format_grouped(report: Report, notes: Sequence[Sequence[Note]], lang: str = "id", colour: bool = False) -> str:
    """`kinerja check --group`: each file's findings as notes (notes[i] are those of report.files[i])."""
    from kinerja_graph.report.text import format_file

    lines: list[str] = []
    for fr, file_notes in zip(report.files, notes):
        if not file_notes:  # nothing to group (no findings, or the file could not be read): as ungrouped
            lines.extend(format_file(fr, lang, colour))
            lines.append("")
            continue
        lines.extend(_grouped_file(fr, file_notes, lang, colour))
        lines.append("")
    lines.append(_style(summary_line(report, lang), colour, bold=True))
    return "\n".join(lines) + "\n"


def _grouped_file(fr: FileReport, notes: Sequence[Note], lang: str, colour: bool) -> list[str]:
    header = clean(fr.file + (f"  ({fr.organisation})" if fr.organisation else ""))
    lines = [_style(header, colour, bold=True)]
    lines.append("  " + _t("findings_count", lang, count=sum(len(n.findings) for n in notes), notes=len(notes)))
    for note in notes:
        lines.extend(format_note(note, lang, colour))
    return lines
