"""The evaluation on the report's page (`kinerja report`, `kinerja evaluate --format html`): what an
evaluator reads first, before the diagram and the detail.

    overview    the tool's estimated score with its caveat (not a nilai SAKIP), the findings counted, and
                the table of LKE criteria: each with its suggested answer and the one-line reason
    criteria    one block per criterion: the answer, the evidence (counts, the sentences that decided it,
                examples quoting the cascade and citing the auditee's own document), then each note bearing
                on it (how many of how many — saying when it rests on inferred data —, the goals concerned,
                each a link to the diagram, a link to its findings in the detail) and its recommendation
    strengths   kekuatan and kelemahan

The same sentences as the Word draft and the workbook (kinerja_graph/report/evaluation_layout.py, words in
kinerja_graph/words/lhe.yaml). Every text goes through html_markup (escaped).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx

from kinerja_graph.engine import FileReport
from kinerja_graph.evaluation.model import NO, PARTLY, UNASSESSED, YES, CriterionAnswer, Evaluation, Example, Note
from kinerja_graph.findings import SEVERITIES
from kinerja_graph.i18n import words
from kinerja_graph.report import evaluation_layout as lhe
from kinerja_graph.report.html_markup import Html, join, tag

t = lhe.t  # kinerja_graph/words/lhe.yaml
h = words("html").t  # kinerja_graph/words/html.yaml


def criterion_anchor(criterion_id: str) -> str:
    return "kg-c-" + "".join(ch if ch.isalnum() else "-" for ch in criterion_id)


SHORT = {YES: "Y", PARTLY: "S", NO: "T", UNASSESSED: "–"}  # a criterion's answer in a narrow column (the index)


def answer_badge(answer: str, lang: str, *, short: bool = False) -> Html:
    """The answer, coloured; `short`: one letter (the full answer as its title)."""
    cls = f"kg-answer kg-answer-{lhe.answer_class(answer)}" + (" kg-answer-short" if short else "")
    if short:
        return tag("span", SHORT.get(answer, answer), class_=cls, title=lhe.answer_text(answer, lang))
    return tag("span", lhe.answer_text(answer, lang), class_=cls)


def _orders(G: nx.DiGraph) -> dict[str, int]:
    return {str(n): d["order"] for n, d in G.nodes(data=True) if "order" in d}


def _node_link(node: str, orders: Mapping[str, int]) -> Html:
    order = orders.get(node)
    if order is None:
        return tag("span", node, class_="kg-node-id")
    return tag("a", node, href="#diagram", data_goto_n=order, class_="kg-node-id")


def _example(example: Example, orders: Mapping[str, int]) -> Html:
    quoted = lhe.quote(example.text) if lhe.one_line(example.text) else ""
    place = [_node_link(example.node, orders)]
    where = lhe.one_line(example.ref) or lhe.one_line(example.row)
    if where:
        place.append(tag("span", f", {where}", class_="kg-ref"))
    return tag("li", quoted, " (" if quoted else "", join(place), ")" if quoted else "", class_="kg-example-q")


# ------------------------------------------------------------------------------------------ overview


def overview(ev: Evaluation, fr: FileReport, lang: str) -> Html:
    """The score card (with its caveat), the counts, and the table of criteria with their answers."""
    sc = ev.score
    number = sc.rounded if sc is not None else None
    main = [
        tag("div", t("score", lang), class_="kg-score-label"),
        tag(
            "div",
            "–" if number is None else str(number),
            tag("small", h("score_of", lang)),
            class_="kg-score-num",
            id="kg-score",
            data_score="" if number is None else number,
        ),
    ]
    if sc is not None and sc.total_weight and sc.coverage < 0.999:
        main.append(tag("p", t("coverage", lang, share=lhe.percent(sc.coverage, lang)), class_="kg-sub"))
    more = [tag("p", lhe.caveat(ev, lang), class_="kg-caveat", id="kg-caveat")]
    counts = {s: 0 for s in SEVERITIES}
    for f in fr.findings:
        counts[f.severity] += 1
    tally = [
        tag(
            "li",
            tag("b", str(counts[s]), class_=f"kg-c-{s}"),
            " ",
            h(s if counts[s] == 1 else s + "s", lang),
            data_count=s,
        )
        for s in SEVERITIES
    ]
    tally.append(tag("li", tag("b", str(len(fr.silenced))), " ", h("silenced", lang), data_count="silenced"))
    more.append(
        tag(
            "p",
            t("findings_value", lang, findings=ev.findings, notes=len(ev.notes)),
            class_="kg-sub",
            id="kg-grouping",
        )
    )
    more.append(tag("ul", join(tally), class_="kg-tally"))
    coverage = round(100 * sc.coverage) if sc is not None else 0
    more.append(
        tag(
            "details",
            tag("summary", h("score_how", lang)),
            tag("p", h("score_formula", lang, coverage=coverage, path="rules/evaluation.yaml")),
            class_="kg-how",
            id="kg-how",
        )
    )
    return tag(
        "div",
        tag(
            "div",
            tag("div", join(main), class_="kg-score-main"),
            tag("div", join(more), class_="kg-score-more"),
            class_="kg-card kg-scorecard",
        ),
        tag("div", criteria_table(ev.criteria, lang), class_="kg-card kg-criteria-card"),
        class_="kg-overview kg-eval-overview",
    )


def criteria_table(criteria: Sequence[CriterionAnswer], lang: str) -> Html:
    rows = []
    for c in criteria:
        count = lhe.evidence_count(c, lang)
        rows.append(
            tag(
                "tr",
                tag("td", tag("a", c.id, href=f"#{criterion_anchor(c.id)}"), class_="kg-lke-id"),
                tag("td", c.title),
                tag("td", answer_badge(c.answer, lang), tag("div", count, class_="kg-sub") if count else None),
                tag("td", lhe.reason(c, lang)),
                data_criterion=c.id,
                data_answer=lhe.answer_class(c.answer),
            )
        )
    head = tag(
        "tr",
        tag("th", "LKE"),
        tag("th", t("col_criterion", lang)),
        tag("th", t("col_answer", lang)),
        tag("th", t("col_reason", lang)),
    )
    return join(
        [
            tag("h2", t("h_criteria", lang)),
            tag("p", t("criteria_intro", lang), class_="kg-intro"),
            tag("table", tag("thead", head), tag("tbody", join(rows)), class_="kg-criteria", id="kg-criteria-table"),
        ]
    )


# ------------------------------------------------------------------------------------------ criteria


def criteria_section(ev: Evaluation, G: nx.DiGraph, lang: str) -> Html:
    """Each criterion with its evidence and its notes, then the notes of no criterion."""
    orders = _orders(G)
    out = [tag("h2", t("h_notes", lang))]
    for criterion, notes in lhe.notes_by_criterion(ev):
        if criterion is None:
            body = [tag("h3", t("h_other_notes", lang)), tag("p", t("other_notes_intro", lang), class_="kg-intro")]
            body += [_note(n, orders, lang) for n in notes]
            out.append(tag("article", join(body), class_="kg-criterion", id="kg-c-other", data_answer="other"))
            continue
        out.append(_criterion(criterion, notes, orders, lang))
    return tag("section", join(out), id="criteria", class_="kg-section kg-eval")


def _criterion(c: CriterionAnswer, notes: Sequence[Note], orders: Mapping[str, int], lang: str) -> Html:
    count = lhe.evidence_count(c, lang)
    head = tag(
        "header",
        tag("h3", tag("span", c.id, class_="kg-lke-id"), " ", c.title),
        answer_badge(c.answer, lang),
        tag("span", count, class_="kg-sub") if count else None,
        class_="kg-criterion-head",
    )
    body = [head]
    sentences = [lhe.one_line(s) for s in c.evidence.text if lhe.one_line(s)]
    if sentences:
        body.append(tag("p", tag("strong", f"{t('evidence', lang)}: "), " ".join(sentences), class_="kg-evidence"))
    examples = lhe.criterion_examples(c, notes)
    if examples:
        body.append(
            tag(
                "div",
                tag("span", f"{t('examples', lang)}:", class_="kg-sub"),
                tag("ul", join(_example(e, orders) for e in examples)),
                class_="kg-examples",
            )
        )
    if notes:
        body += [_note(n, orders, lang) for n in notes]
    else:
        body.append(tag("p", t("no_notes", lang), class_="kg-sub"))
    return tag(
        "article",
        join(body),
        class_="kg-criterion",
        id=criterion_anchor(c.id),
        data_criterion=c.id,
        data_answer=lhe.answer_class(c.answer),
    )


def _note(note: Note, orders: Mapping[str, int], lang: str) -> Html:
    head = [
        tag("span", h(note.severity, lang), class_=f"kg-sev kg-sev-{note.severity}"),
        " ",
        tag("b", f"{t('note', lang)} {note.id}"),
        " ",
        tag(
            "a",
            t("findings_count", lang, count=len(note.findings)),
            href=f"#kg-r-{note.rule}",
            class_="kg-to-rule",
            title=note.rule,
        ),
    ]
    parts = [tag("div", join(head), class_="kg-note-head"), tag("p", lhe.one_line(note.message), class_="kg-note-msg")]
    if note.nodes:
        shown = note.nodes[: lhe.NODES_SHOWN]
        links = join([_node_link(n, orders) for n in shown], ", ")
        more = " " + t("and_more", lang, count=len(note.nodes) - len(shown)) if len(note.nodes) > len(shown) else ""
        parts.append(tag("p", tag("span", f"{t('nodes', lang)}: "), links, more, class_="kg-note-nodes"))
    if note.examples:
        parts.append(tag("ul", join(_example(e, orders) for e in note.examples), class_="kg-examples"))
    if lhe.one_line(note.recommendation):
        parts.append(
            tag(
                "p",
                tag("strong", f"{t('recommendation', lang)}: "),
                lhe.one_line(note.recommendation),
                class_="kg-recommendation",
            )
        )
    return tag(
        "div",
        join(parts),
        class_="kg-note",
        id=f"kg-n-{note.id}",
        data_rule=note.rule,
        data_severity=note.severity,
        data_basis=" ".join(sorted(note.basis)) or None,
    )


# ------------------------------------------------------------------------------------------ strengths


def strengths_section(ev: Evaluation, lang: str) -> Html:
    def items(texts: Sequence[str], empty: str) -> Html:
        if not texts:
            return tag("p", empty, class_="kg-sub")
        return tag("ul", join(tag("li", lhe.one_line(x)) for x in texts))

    return tag(
        "section",
        tag("h2", t("h_strengths", lang)),
        tag(
            "div",
            tag(
                "div",
                tag("h3", t("h_strengths_only", lang)),
                items(ev.strengths, t("no_strengths", lang)),
                class_="kg-strengths",
                id="kg-strengths",
            ),
            tag(
                "div",
                tag("h3", t("h_weaknesses", lang)),
                items(ev.weaknesses, t("no_weaknesses", lang)),
                class_="kg-weaknesses",
                id="kg-weaknesses",
            ),
            class_="kg-sw",
        ),
        id="strengths",
        class_="kg-section kg-eval",
    )


__all__ = ["answer_badge", "criteria_section", "criteria_table", "criterion_anchor", "overview", "strengths_section"]
