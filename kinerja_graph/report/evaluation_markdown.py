"""`kinerja evaluate --format markdown`: the evaluation as a Markdown page (a wiki, a pull request, a draft).

    ## Evaluasi Perencanaan Kinerja — Kecamatan Praya
    **Skor (perkiraan): 63/100** — Perkiraan alat ini …

    | Kriteria | Jawaban | Bukti |
    | --- | --- | --- |
    | 1.b.3 Perencanaan kinerja menggambarkan … | Y | Seluruh 64 kinerja … |

    ### Kekuatan / Kelemahan / Catatan / Rekomendasi

Every sentence is escaped as user text is (report/markdown.py `escape`): a statement quoted in the
evidence cannot close a table cell, start a heading, mention someone or inject HTML.
"""

from __future__ import annotations

from collections.abc import Iterable

from kinerja_graph.evaluation import Evaluation, Example, Note
from kinerja_graph.i18n import words
from kinerja_graph.report.markdown import code, escape

NODES_SHOWN = 12

_t = words("evaluation").t


def _cite(example: Example) -> str:
    return f'"{escape(example.text)}" ({escape(example.cite)})'


def _note(note: Note, lang: str) -> list[str]:
    t = _t
    head = f"- **{note.id}** ({t('severity_' + note.severity, lang)}, {code(note.rule)}"
    head += f", {note.criterion})" if note.criterion else ")"
    lines = [f"{head} {escape(note.message)}"]
    if note.nodes:
        shown = ", ".join(escape(n) for n in note.nodes[:NODES_SHOWN])
        if len(note.nodes) > NODES_SHOWN:
            shown += " " + escape(t("more", lang, count=len(note.nodes) - NODES_SHOWN))
        lines.append(f"  - {t('nodes', lang)}: {shown}")
    if note.examples:
        lines.append(f"  - {t('examples', lang)}: " + "; ".join(_cite(e) for e in note.examples))
    lines.append(f"  - {t('recommendation', lang)}: {escape(note.recommendation)}")
    return lines


def format_evaluation(ev: Evaluation, lang: str = "id") -> list[str]:
    t = _t
    title = t("title", lang) + (f" — {ev.organisation}" if ev.organisation else "")
    lines = [f"## {escape(title)}", "", f"- {t('file', lang)}: {code(ev.file)}"]
    if ev.source:
        lines.append(f"- {t('source', lang)}: {escape(ev.source)}")
    if ev.period:
        years = f"{ev.period[0]}–{ev.period[-1]}" if ev.period[-1] != ev.period[0] else str(ev.period[0])
        lines.append(f"- {t('period', lang)}: {years}")
    for error in ev.errors:
        lines.append(f"- **{t('unreadable', lang)}** " + escape("; ".join(error.message.splitlines())))
    if ev.score is None:
        return lines
    sc = ev.score
    number = t("score_none", lang) if sc.rounded is None else f"{sc.rounded}/100"
    coverage = (
        t("coverage", lang, share=f"{round(100 * sc.coverage)} %") if sc.coverage < 1 else t("coverage_full", lang)
    )
    lines += ["", f"**{t('score', lang)}: {number}** — {escape(sc.label)} ({escape(coverage)})", ""]
    lines.append(f"### {t('criteria', lang)}")
    lines.append("")
    lines.append(f"| {t('criterion', lang)} | {t('answer', lang)} | {t('evidence', lang)} |")
    lines.append("| --- | --- | --- |")
    for c in ev.criteria:
        evidence = " ".join(escape(s) for s in c.evidence.text)
        if c.evidence.examples:
            evidence += f" {t('examples', lang)}: " + "; ".join(_cite(e) for e in c.evidence.examples)
        lines.append(f"| **{c.id}** {escape(c.title)} | {escape(t('answer_' + c.answer, lang))} | {evidence} |")
    for key, items in (("strengths", ev.strengths), ("weaknesses", ev.weaknesses)):
        lines += ["", f"### {t(key, lang)}", ""]
        lines.extend(f"- {escape(s)}" for s in items or [t("none_listed", lang)])
    lines += ["", f"### {t('notes', lang)}", ""]
    for note in ev.notes:
        lines.extend(_note(note, lang))
    if not ev.notes:
        lines.append(t("no_notes", lang))
    lines += ["", f"### {t('recommendations', lang)}", ""]
    for i, rec in enumerate(ev.recommendations, 1):
        lines.append(f"{i}. {escape(rec.text)} ({', '.join(rec.notes)})")
    if not ev.recommendations:
        lines.append(t("none_listed", lang))
    return lines


def format_evaluations(evaluations: Iterable[Evaluation], lang: str = "id") -> str:
    blocks = ["\n".join(format_evaluation(ev, lang)) for ev in evaluations]
    return "\n\n---\n\n".join(blocks) + "\n"
