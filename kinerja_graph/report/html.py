"""`kinerja report`: the evaluator's page — one self-contained HTML file per cascade, and an index.

A page follows the evaluation (kinerja_graph/evaluation; its sections in html_evaluation.py), top to
bottom: the organisation, the evaluation's score with its caveat and the answer to each LKE criterion
with its reason; each criterion's evidence, notes and recommendations; strengths and weaknesses; the
diagram (the renderer's SVG, findings marked, pan and zoom, goals clickable); then the detail, each
group collapsed (<details>, printed closed unless opened): what the cascade holds, every finding
grouped by rule with the rule's rationale and an example fix, filterable by severity and area, and
what was silenced and why; the goals and indicators of each owner with their findings; the indicator
table with problems marked in place.

Safety. Every string reaches the page through html_markup (escaped unless built as markup here);
the diagram is Graphviz's SVG of labels the renderer escaped, and is refused if it holds anything
executable. The page loads nothing: CSS and JavaScript are inlined from assets/, and its
Content-Security-Policy allows no request and runs only the script whose hash it names.

Formatter only: the findings, the evaluation and the diagram are computed before (engine.py,
evaluation/, html_diagram.py; a PageInput without an evaluation gets one from its report when the
page is rendered); this module arranges them.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

import networkx as nx

from kinerja_graph import __version__, checks, policy
from kinerja_graph.checks.base import DOC_HEADINGS
from kinerja_graph.engine import FileReport
from kinerja_graph.evaluation import evaluate
from kinerja_graph.evaluation.model import Evaluation
from kinerja_graph.evaluation.rubric import load_rubric
from kinerja_graph.findings import AREAS, SEVERITIES, Finding
from kinerja_graph.i18n import words
from kinerja_graph.messages import render
from kinerja_graph.render.dot import period_text
from kinerja_graph.report import evaluation_layout
from kinerja_graph.report import html_evaluation as evaluation_view
from kinerja_graph.report import html_views as views
from kinerja_graph.report.html_diagram import Diagram, svg_is_inert
from kinerja_graph.report.html_markup import (
    Html,
    Pieces,
    doc_section,
    esc,
    join,
    json_for_script,
    markdown,
    pieces,
    tag,
    wrap,
)
from kinerja_graph.report.text import place

SEVERITY_MARK = {"error": "■", "warning": "▲", "info": "●"}

t = words("html").t  # kinerja_graph/words/html.yaml

# words the script needs, sent in the page's data
_JS_WORDS = (
    "panel_empty",
    "panel_none",
    "panel_title",
    "owner",
    "show_in_list",
    "showing",
    "indicator_only",
    "not_drawn",
    "error",
    "warning",
    "info",
)


@functools.cache
def asset(name: str) -> str:
    """A file of kinerja_graph/report/assets, as text."""
    return (resources.files("kinerja_graph.report") / "assets" / name).read_text(encoding="utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def _document(title: str, lang: str, body: Html | Pieces, data: dict | None = None) -> Pieces:
    """The whole HTML file, in pieces (joined once, when written)."""
    css = asset("report.css")
    js = asset("report.js")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp(js))}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="kinerja-graph {esc(__version__)}">',
        f"<title>{esc(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        body,
        f'<script type="application/json" id="kg-data">{json_for_script(data or {})}</script>',
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    out: Pieces = []
    for i, part in enumerate(parts):
        if i:
            out.append("\n")
        if isinstance(part, list):
            out.extend(part)
        else:
            out.append(part)
    out.append("\n")
    return out


# ------------------------------------------------------------------------------------------ helpers


def _sev_badge(severity: str, lang: str) -> Html:
    return tag("span", t(severity, lang), class_=f"kg-sev kg-sev-{severity}")


def _rule_summary(rule_id: str, lang: str) -> str:
    rule = checks.all_rules().get(rule_id)
    if rule is None:
        return rule_id
    return rule.summary.get(lang) or rule.summary.get("en") or rule_id


def _lke_name(criterion: str | None, lang: str) -> str | None:
    """The criterion's short name (rules/evaluation.yaml), or None for one the evaluation does not answer."""
    found = load_rubric().criterion(criterion) if criterion else None
    return found.title_in(lang) if found is not None else None


def _area_name(area: str, lang: str) -> str:
    try:
        return t(f"area_{area}", lang)
    except KeyError:
        return area


def _lke_badge(criterion: str | None, lang: str) -> Html:
    if not criterion:
        return tag("span", t("no_lke", lang), class_="kg-lke")
    name = _lke_name(criterion, lang)
    text = f"LKE {criterion}" + (f" — {name}" if name else "")
    return tag("span", text, class_="kg-lke", title=t("lke", lang))


def _level_name(level_id: str | None, lang: str) -> str | None:
    level = policy.levels().by_id(level_id) if level_id else None
    return level.name.get(lang) or level.name["en"] if level else None


def _remembered(names: dict, name: Callable[[str | None, str], str | None], key: str | None, lang: str) -> str | None:
    """`name(key, lang)` (`_lke_name`, `_level_name`), remembered in `names`: a page names the same few criteria
    and levels thousands of times."""
    try:
        return names[key]
    except KeyError:
        got = names[key] = name(key, lang)
        return got


def _mark(number: int, f: Finding, lang: str, message: str | None = None) -> Html:
    """The finding's numbered mark, its message (`render(f, lang)`, when not given) as its title."""
    return tag(
        "a",
        f"{SEVERITY_MARK.get(f.severity, '●')}{number}",
        class_=f"kg-mark kg-mark-{f.severity}",
        href=f"#kg-f{number}",
        data_f=number,
        title=render(f, lang) if message is None else message,
    )


class _Said:
    """Each finding's message and mark on one page, made once: a finding is listed under its rule, under
    its owner's goals, marked in the indicator table and sent in the page's data."""

    def __init__(self, items: list[tuple[int, Finding]], lang: str) -> None:
        self.lang = lang
        self.finding = dict(items)
        self.message = {number: render(f, lang) for number, f in items}
        self._marks: dict[int, Html] = {}

    def mark(self, number: int) -> Html:
        got = self._marks.get(number)
        if got is None:
            got = self._marks[number] = _mark(number, self.finding[number], self.lang, self.message[number])
        return got


_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def _worst(findings) -> str | None:
    sev = [f.severity for f in findings]
    return min(sev, key=_SEVERITY_RANK.__getitem__) if sev else None


def _shorten(text: object, limit: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _file_sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


# ------------------------------------------------------------------------------------------ the page


@dataclass
class PageInput:
    """Everything one cascade's page shows, computed beforehand (the evaluation, when not given, is made
    from the report when the page is rendered)."""

    G: nx.DiGraph
    report: FileReport
    evaluation: Evaluation | None = None  # shown first: criteria, notes, strengths (kinerja_graph/evaluation)
    diagram: Diagram | None = None  # None: turned off (--no-diagram)
    owners_vocabulary: dict | None = None
    index_href: str | None = None  # the link back to the index page of a batch
    sha256: str | None = None  # of the input file; read from report.file when None
    notes: list[str] = field(default_factory=list)  # anything else to say at the top (run problems)


def render_page(page: PageInput, lang: str = "id") -> str:
    """The page of one cascade, as the text of its file."""
    return "".join(page_pieces(page, lang))


def page_pieces(page: PageInput, lang: str = "id") -> Pieces:
    """The page of one cascade, in pieces that make its text joined (the report writes them without
    joining the whole)."""
    G, fr = page.G, page.report
    org = G.graph.get("organisation")
    org_name = getattr(org, "name", None) or os.path.basename(fr.file)
    groups = views.group_findings(fr.findings)
    items = views.numbered(groups)
    on_node = views.by_node(items)
    sha = page.sha256 or _file_sha256(fr.file)
    drawn: set[int] = set()
    if page.diagram is not None:
        for part in page.diagram.parts:
            drawn.update(part.orders)

    ev = page.evaluation if page.evaluation is not None else evaluate(fr, lang)
    said = _Said(items, lang)
    body = [
        _top_bar(page, lang),
        Html("<main>"),
        tag(
            "section",
            _head(page, org, ev, lang),
            evaluation_view.overview(ev, fr, lang),
            id="summary",
            class_="kg-eval",
        ),
        evaluation_view.criteria_section(ev, G, lang),
        evaluation_view.strengths_section(ev, lang),
        _diagram_section(page, lang),
        _detail_section(page, groups, items, on_node, said, lang),
        Html("</main>"),
        _footer(fr.file, sha, lang),
    ]
    data: dict[str, dict] = {
        "words": {k: t(k, lang) for k in _JS_WORDS},
        "goals": {},
        "findings": {},
    }
    for n in views.document_order(G):
        d = G.nodes[n]
        data["goals"][str(d["order"])] = {
            "id": str(n),
            "statement": d.get("statement") or "",
            "level": _level_name(d.get("level"), lang) or "",
            "owner": str(d.get("owner") or ""),
            "f": [num for num, _ in on_node.get(n, [])],
            "drawn": d["order"] in drawn,
        }
    for number, f in items:
        node_order = (
            G.nodes[f.node]["order"] if f.node is not None and f.node in G and "order" in G.nodes[f.node] else None
        )
        data["findings"][str(number)] = {
            "n": node_order,
            "s": f.severity,
            "r": f.rule,
            "m": said.message[number],
            "l": f.lke or "",
        }
    title = f"{t('title', lang)} — {org_name}"
    return _document(title, lang, pieces(body, "\n"), data)


def _top_bar(page: PageInput, lang: str) -> Html:
    sections = [
        ("nav_summary", "summary"),
        ("nav_criteria", "criteria"),
        ("nav_strengths", "strengths"),
        ("nav_diagram", "diagram"),
        ("nav_detail", "detail"),
        ("nav_findings", "findings"),
        ("nav_owners", "owners"),
        ("nav_indicators", "indicators"),
    ]
    links = [tag("a", t(key, lang), href=f"#{anchor}") for key, anchor in sections]
    if page.index_href:
        links.insert(0, tag("a", t("back_to_index", lang), href=page.index_href))
    return tag(
        "header",
        tag("span", t("title", lang), class_="kg-brand"),
        tag("nav", join(links)),
        tag("button", t("print", lang), type="button", data_kg_print=True),
        class_="kg-top",
    )


def _footer(file: str, sha: str | None, lang: str) -> Html:
    text = [t("made_by", lang, version=__version__, file=os.path.basename(file) or file)]
    if sha:
        text.append(t("fingerprint", lang, sha=sha))
    return tag("footer", join(text, " · "))


# ------------------------------------------------------------------------------------------ summary


def _head(page: PageInput, org, ev: Evaluation, lang: str) -> Html:
    """The organisation, its type, period, document and file; what to say about the run (notes, rules
    that broke)."""
    G, fr = page.G, page.report
    name = getattr(org, "name", None) or os.path.basename(fr.file)
    meta = []
    if getattr(org, "type", None):
        meta.append(tag("span", f"{t('type', lang)}: {org.type}"))
    meta.append(tag("span", f"{t('period', lang)}: {period_text(G.graph.get('period')) or t('no_period', lang)}"))
    if ev.source:
        meta.append(tag("span", f"{evaluation_layout.t('document', lang)}: {evaluation_layout.one_line(ev.source)}"))
    meta.append(tag("span", f"{t('file', lang)}: {os.path.basename(fr.file)}"))
    out = [tag("h1", name), tag("p", join(meta), class_="kg-meta")]
    for note in page.notes:
        out.append(tag("p", note, class_="kg-caveat"))
    internal = [e for e in fr.errors if e.kind == "internal"]
    if internal:
        out.append(
            tag(
                "div",
                tag("h3", t("run_errors", lang)),
                tag(
                    "ul",
                    join(tag("li", t("rule_broke", lang, rule=e.rule or "-", message=e.message)) for e in internal),
                ),
                class_="kg-caveat",
            )
        )
    return join(out)


def _facts(page: PageInput, lang: str) -> Html:
    G = page.G
    levels = policy.levels()
    per_goals = {lv.id: 0 for lv in levels.levels}
    per_inds = {lv.id: 0 for lv in levels.levels}
    unknown_goals = unknown_inds = loose = loose_inds = 0
    owners: set[str] = set()
    without_owner = 0
    roots = []
    crosscutting = []
    for n in views.document_order(G):
        d = G.nodes[n]
        count = len(d.get("indicators") or ())
        if d["kind"] == "indicator":
            loose += 1
            loose_inds += count
            continue
        if d.get("level") in per_goals:
            per_goals[d["level"]] += 1
            per_inds[d["level"]] += count
        else:
            unknown_goals += 1
            unknown_inds += count
        owner = d.get("owner")
        if owner and str(owner).strip():
            owners.add(" ".join(str(owner).split()).casefold())
        else:
            without_owner += 1
        if not any(G.edges[p, n].get("kind") == "contribution" for p in G.predecessors(n)) and not d.get(
            "missing_parents"
        ):
            roots.append(n)
    for n, d in G.nodes(data=True):
        if d.get("kind") == "crosscutting":
            crosscutting.append(str(d.get("ref") or d.get("name") or n))
    rows = []
    for lv in levels.levels:
        rows.append(
            tag(
                "tr",
                tag("td", lv.name.get(lang) or lv.name["en"]),
                tag(
                    "td",
                    tag("span", class_=f"kg-tier kg-tier-{lv.tier}"),
                    levels.tiers[lv.tier].get(lang) or levels.tiers[lv.tier]["en"],
                ),
                tag("td", str(per_goals[lv.id]), class_="num"),
                tag("td", str(per_inds[lv.id]), class_="num"),
            )
        )
    if unknown_goals:
        rows.append(
            tag(
                "tr",
                tag("td", t("unknown_level", lang)),
                tag("td", ""),
                tag("td", str(unknown_goals), class_="num"),
                tag("td", str(unknown_inds), class_="num"),
            )
        )
    if loose:
        rows.append(
            tag(
                "tr",
                tag("td", t("indicators_without_goal", lang)),
                tag("td", ""),
                tag("td", str(loose), class_="num"),
                tag("td", str(loose_inds), class_="num"),
            )
        )
    total_goals = sum(per_goals.values()) + unknown_goals
    total_inds = sum(per_inds.values()) + unknown_inds + loose_inds
    rows.append(
        tag(
            "tr",
            tag("th", t("total", lang)),
            tag("th", ""),
            tag("th", str(total_goals), class_="num"),
            tag("th", str(total_inds), class_="num"),
        )
    )
    table = tag(
        "table",
        tag(
            "thead",
            tag(
                "tr",
                tag("th", t("level", lang)),
                tag("th", t("tier", lang)),
                tag("th", t("goals", lang), class_="num"),
                tag("th", t("indicators", lang), class_="num"),
            ),
        ),
        tag("tbody", join(rows)),
        id="kg-levels",
    )
    root_items: list[str] = [
        tag("a", f"{r}: {_shorten(G.nodes[r].get('statement'), 90)}", href="#diagram", data_goto_n=G.nodes[r]["order"])
        for r in roots[:8]
    ]
    if len(roots) > 8:
        root_items.append(t("and_more", lang, count=len(roots) - 8))
    facts = tag(
        "dl",
        tag("dt", t("owners", lang)),
        tag("dd", t("distinct_owners", lang, count=len(owners), without=without_owner)),
        tag("dt", t("top_goals", lang)),
        tag("dd", join(root_items, "; ") if root_items else t("none", lang)),
        tag("dt", t("crosscutting", lang)),
        tag("dd", ", ".join(crosscutting) if crosscutting else t("none", lang)),
    )
    return tag(
        "div",
        tag("div", tag("h2", t("facts", lang)), table),
        tag("div", tag("h2", Html("&nbsp;")), facts),
        class_="kg-facts",
    )


# ------------------------------------------------------------------------------------------ diagram


def diagram_problem(d: Diagram | None, lang: str = "id") -> str | None:
    """Why the page shows no diagram, in words; None when it shows one."""
    if d is None:
        return t("diagram_off", lang)
    if d.problem:
        m = re.match(r"too-big:(\d+):(\d+)$", d.problem)
        return t("diagram_too_big", lang, goals=m.group(1), limit=m.group(2)) if m else d.problem
    if not d.parts:
        return t("none", lang)
    if not all(svg_is_inert(p.svg) for p in d.parts):  # never expected: the renderer escapes all user text
        return "SVG refused: it contains active content"
    return None


def _diagram_section(page: PageInput, lang: str) -> Html:
    head = tag("h2", t("nav_diagram", lang))
    d = page.diagram
    problem = diagram_problem(d, lang)
    panel = tag("aside", tag("p", t("panel_empty", lang)), id="kg-panel", class_="kg-panel", aria_live="polite")
    if problem:
        body = tag(
            "div", tag("p", t("no_diagram", lang, reason=problem), class_="kg-problem"), panel, class_="kg-diagram-wrap"
        )
        return tag("section", head, body, id="diagram", class_="kg-section")
    assert d is not None  # (no diagram is a problem, answered above)
    tools = [
        tag("button", "+", type="button", data_zoom="in", title=t("zoom_in", lang), aria_label=t("zoom_in", lang)),
        tag("button", "−", type="button", data_zoom="out", title=t("zoom_out", lang), aria_label=t("zoom_out", lang)),
        tag("button", t("zoom_fit", lang), type="button", data_zoom="fit"),
    ]
    if len(d.parts) > 1:
        options = [tag("option", p.caption or t("whole", lang), value=i) for i, p in enumerate(d.parts)]
        tools.append(tag("label", t("part", lang) + " ", tag("select", join(options), id="kg-part")))
    tools.append(tag("span", t("diagram_hint", lang), class_="kg-hint"))
    parts = []
    for i, p in enumerate(d.parts):
        parts.append(
            tag(
                "div",
                tag("div", tag("div", Html(p.svg), class_="kg-canvas"), class_="kg-viewport"),
                class_="kg-diagram-part",
                data_part=i,
                hidden=i > 0,
            )
        )
    body = tag(
        "div", tag("div", tag("div", join(tools), class_="kg-toolbar"), join(parts)), panel, class_="kg-diagram-wrap"
    )
    return tag("section", head, body, id="diagram", class_="kg-section")


# ------------------------------------------------------------------------------------------ findings


def _findings_section(page: PageInput, groups: list[views.RuleGroup], said: _Said, lang: str) -> Pieces:
    fr = page.report
    registry = checks.all_rules()
    head = tag("h3", t("nav_findings", lang) + f" ({len(fr.findings)})")
    out: list[Html | Pieces] = [head, tag("p", t("findings_intro", lang), class_="kg-intro")]
    if fr.findings:
        sev_counts = {s: 0 for s in SEVERITIES}
        area_counts: dict[str, int] = {}
        for f in fr.findings:
            sev_counts[f.severity] += 1
            area_counts[f.area] = area_counts.get(f.area, 0) + 1
        sev_boxes = [
            tag(
                "label",
                tag("input", type="checkbox", data_filter="severity", value=s, checked=True),
                " ",
                tag("span", f"{t(s if sev_counts[s] == 1 else s + 's', lang)} ({sev_counts[s]})", class_=f"kg-c-{s}"),
            )
            for s in SEVERITIES
        ]
        area_boxes = [
            tag(
                "label",
                tag("input", type="checkbox", data_filter="area", value=a, checked=True),
                " ",
                f"{_area_name(a, lang)} ({area_counts[a]})",
            )
            for a in [*AREAS, *sorted(set(area_counts) - set(AREAS))]
            if a in area_counts
        ]
        out.append(
            tag(
                "div",
                tag("fieldset", tag("legend", t("filter_severity", lang)), join(sev_boxes)),
                tag("fieldset", tag("legend", t("filter_area", lang)), join(area_boxes)),
                tag(
                    "span",
                    t("showing", lang, shown=len(fr.findings), total=len(fr.findings)),
                    id="kg-showing",
                    class_="kg-showing",
                ),
                class_="kg-filters",
                id="kg-filters",
            )
        )
    else:
        out.append(tag("p", t("no_findings", lang)))
    for g in groups:
        out.append(_rule_group(page, g, registry.get(g.rule), said, lang))
    if fr.silenced:
        out.append(_silenced(fr, lang))
    return wrap("div", pieces(out), id="findings", class_="kg-part")


def _doc_section(rule, section: str, lang: str) -> str:
    """One section ("example", "fix") of a rule's documentation in `lang`: English when it has none in `lang`."""
    if hasattr(rule, "doc_section"):
        return rule.doc_section(section, lang)
    return doc_section(getattr(rule, "doc", ""), DOC_HEADINGS["en"][section])


def _rule_group(page: PageInput, g: views.RuleGroup, rule, said: _Said, lang: str) -> Pieces:
    G = page.G
    summary = _rule_summary(g.rule, lang)
    head = tag(
        "summary",
        _sev_badge(g.severity, lang),
        tag("h3", summary),
        tag("span", t("times", lang, count=len(g.findings)), class_="kg-sub"),
        tag(
            "div",
            tag("code", g.rule),
            tag("span", _area_name(getattr(rule, "area", ""), lang), class_="kg-sub"),
            _lke_badge(getattr(rule, "lke", None), lang),
            class_="kg-rule-meta",
        ),
        class_="kg-rule-head",
    )
    parts = [head]
    if rule is not None:
        why = rule.rationale.get(lang) or rule.rationale.get("en") or ""
        if why:
            parts.append(tag("p", tag("strong", t("why", lang) + ": "), why, class_="kg-why"))
        example, fix = _doc_section(rule, "example", lang), _doc_section(rule, "fix", lang)
        if example or fix:
            note = t("doc_language", lang) if lang == "id" and not getattr(rule, "doc_id", "") else ""
            parts.append(
                tag(
                    "details",
                    tag("summary", t("example_fix", lang) + (f" {note}" if note else "")),
                    tag(
                        "div",
                        tag("div", tag("h4", t("example", lang)), markdown(example)),
                        tag("div", tag("h4", t("fix", lang)), markdown(fix)),
                        class_="kg-fix",
                    ),
                )
            )
    rows = []
    lke_names: dict[str | None, str | None] = {}  # criterion -> its short name, looked up once
    for number, f in g.findings:
        d = G.nodes[f.node] if f.node is not None and f.node in G else None
        if d is not None:
            node_cell = tag(
                "td",
                tag("a", f.node, href="#diagram", data_goto_n=d["order"], title=_shorten(d.get("statement"), 160)),
                class_="kg-node",
            )
        else:
            node_cell = tag("td", f.node if f.node is not None else t("whole_cascade", lang), class_="kg-node")
        message = [tag("div", said.message[number])]
        if f.related:
            message.append(tag("div", t("related", lang, ids=", ".join(map(str, f.related))), class_="kg-related"))
        if f.basis:  # the finding rests on data the document does not state: softened, and said so
            message.append(tag("div", t(f"basis_{f.basis}", lang), class_="kg-basis kg-sub", data_basis=f.basis))
        model = d.get("node") if d is not None else None
        ref = getattr(model, "ref", None)
        where = (
            [tag("div", ref, class_="kg-ref"), tag("div", place(f, path=False), class_="kg-sub")]
            if ref
            else [place(f, path=False)]
        )
        rows.append(
            tag(
                "tr",
                tag("td", f"#{number}", class_="kg-num"),
                tag("td", join(where), class_="kg-place"),
                node_cell,
                tag("td", join(message)),
                tag("td", f.lke or "—", class_="kg-lke-cell", title=_remembered(lke_names, _lke_name, f.lke, lang)),
                class_="kg-f",
                id=f"kg-f{number}",
                data_f=number,
                data_n=d["order"] if d is not None else None,
                data_severity=f.severity,
                data_area=f.area,
            )
        )
    table = wrap(
        "table",
        [
            tag(
                "thead",
                tag(
                    "tr",
                    tag("th", "#"),
                    tag("th", t("place", lang)),
                    tag("th", t("goal", lang)),
                    tag("th", t("message", lang)),
                    tag("th", "LKE"),
                ),
            ),
            *wrap("tbody", rows),
        ],
        class_="kg-findings",
    )
    return wrap(
        "details",
        [*parts, *table],
        class_="kg-rule",
        id=f"kg-r-{g.rule}",
        data_rule=g.rule,
        data_severity=g.severity,
    )


def _silenced(fr: FileReport, lang: str) -> Html:
    reasons: dict[tuple[str, str], int] = {}
    for s in fr.silenced:
        key = (s.finding.rule, s.reason or t("no_reason", lang))
        reasons[key] = reasons.get(key, 0) + 1
    summary_rows = [
        tag("tr", tag("td", tag("code", rule)), tag("td", reason), tag("td", str(count), class_="num"))
        for (rule, reason), count in reasons.items()
    ]
    rows = [
        tag(
            "tr",
            tag("td", tag("code", s.finding.rule)),
            tag("td", s.finding.node if s.finding.node is not None else t("whole_cascade", lang)),
            tag("td", s.reason or t("no_reason", lang)),
            tag("td", render(s.finding, lang)),
            data_silenced=s.finding.rule,
        )
        for s in fr.silenced
    ]
    return tag(
        "details",
        tag("summary", f"{t('silenced_title', lang)} ({len(fr.silenced)})"),
        tag("p", t("silenced_intro", lang, count=len(fr.silenced))),
        tag(
            "table",
            tag(
                "thead",
                tag("tr", tag("th", t("rule", lang)), tag("th", t("reason", lang)), tag("th", "#", class_="num")),
            ),
            tag("tbody", join(summary_rows)),
        ),
        tag(
            "table",
            tag(
                "thead",
                tag(
                    "tr",
                    tag("th", t("rule", lang)),
                    tag("th", t("goal", lang)),
                    tag("th", t("reason", lang)),
                    tag("th", t("message", lang)),
                ),
            ),
            tag("tbody", join(rows)),
        ),
        class_="kg-silenced",
        id="kg-silenced",
        open=True,
    )


# ------------------------------------------------------------------------------------------ owners


def _owners_section(page: PageInput, on_node: dict, said: _Said, lang: str) -> Pieces:
    G = page.G
    groups, resolver = views.owner_groups(G, page.owners_vocabulary)
    out: list[Html | Pieces] = [tag("h3", t("nav_owners", lang)), tag("p", t("owners_intro", lang), class_="kg-intro")]
    level_names: dict[object, str | None] = {}  # level id -> its name, looked up once
    for i, group in enumerate(groups):
        nodes = group.nodes
        n_inds = sum(len(G.nodes[n].get("indicators") or ()) for n in nodes)
        n_find = sum(len(on_node.get(n, ())) for n in nodes)
        if group.owner is None:
            title, sub = t("no_owner", lang), None
        else:
            title = group.owner
            if group.positions and resolver is not None:
                names = [
                    resolver.positions[p].name.get(lang) or resolver.positions[p].name.get("en") or p
                    for p in group.positions
                ]
                sub = tag("span", t("recognised_as", lang, positions=", ".join(names)))
            else:
                sub = tag("span", t("not_recognised", lang), class_="kg-unknown")
        line = [
            sub,
            " · " if sub is not None else "",
            t("owner_counts", lang, goals=len(nodes), indicators=n_inds, findings=n_find),
        ]
        rows = []
        for n in nodes:
            d = G.nodes[n]
            inds = d.get("indicators") or []
            found = on_node.get(n, [])
            rows.append(
                tag(
                    "tr",
                    tag("td", tag("a", n, href="#diagram", data_goto_n=d["order"]), class_="kg-node"),
                    tag(
                        "td",
                        _remembered(level_names, _level_name, d.get("level"), lang)
                        or (
                            d.get("node").level_label
                            if d.get("node") is not None and d.get("node").level_label
                            else "—"
                        ),
                    ),
                    tag("td", d.get("statement") or t("indicator_only", lang)),
                    tag(
                        "td",
                        tag("ul", join(tag("li", ind.name) for ind in inds))
                        if inds
                        else tag("span", t("no_indicator", lang), class_="kg-sub"),
                    ),
                    tag(
                        "td",
                        join(
                            tag(
                                "div",
                                said.mark(num),
                                " ",
                                said.message[num],
                                tag("span", f" LKE {f.lke}", class_="kg-sub") if f.lke else None,
                            )
                            for num, f in found
                        )
                        if found
                        else "",
                    ),
                    data_n=d["order"],
                )
            )
        table = wrap(
            "table",
            [
                tag(
                    "thead",
                    tag(
                        "tr",
                        tag("th", t("goal", lang)),
                        tag("th", t("level", lang)),
                        tag("th", t("statement", lang)),
                        tag("th", t("indicators", lang)),
                        tag("th", t("message", lang)),
                    ),
                ),
                *wrap("tbody", rows),
            ],
        )
        out.append(
            wrap(
                "details",
                [tag("summary", tag("h4", title), tag("span", join(line), class_="kg-sub")), *table],
                class_="kg-owner",
                data_owner=group.owner or "",
                id=f"kg-owner-{i}",
            )
        )
    return wrap("div", pieces(out), id="owners", class_="kg-part")


# ------------------------------------------------------------------------------------------ indicators


def _indicator_section(page: PageInput, items: list[tuple[int, Finding]], said: _Said, lang: str) -> Pieces:
    G = page.G
    table = views.indicator_table(G, items)
    by_number = dict(items)
    cols = [
        ("name", t("indicator", lang)),
        ("formula", t("formula", lang)),
        ("unit", t("unit", lang)),
        ("calculation", t("calculation", lang)),
        ("source", t("source", lang)),
    ]

    mark = said.mark  # each finding's mark, made once (a finding marks every goal it relates)

    def marks(numbers: list[int]) -> Html:
        return Html("".join([mark(num) for num in numbers]))

    empty_text = esc(t("empty", lang))
    plain: dict[str | None, Html] = {}  # a cell without marks, by its text (units, sources, targets recur)

    def cell(text: object, numbers: list[int], cls: str = "") -> Html:
        # what tag("td", text, marks(numbers), class_=..., data_marks=...) writes, without its generality
        # (14,800 indicators write 5 cells each, and more with years)
        if not numbers and not cls and (text is None or type(text) is str):
            got = plain.get(text)
            if got is None:
                got = plain[text] = _plain_cell(text, numbers, "")
            return got
        return _plain_cell(text, numbers, cls)

    def _plain_cell(text: object, numbers: list[int], cls: str) -> Html:
        empty = text is None or not str(text).strip()
        if not numbers:
            classes = f"{cls} kg-gap" if cls and empty else "kg-gap" if empty else cls
            opening = f'<td class="{esc(classes)}">' if classes else "<td>"
            return Html(f"{opening}{empty_text if empty else esc(text)}</td>")
        found = [by_number[n] for n in numbers]
        classes_ = [cls] if cls else []
        worst = _worst(found)
        classes_.append("kg-bad" if worst == "error" else f"kg-bad kg-bad-{worst}")
        if empty:
            classes_.append("kg-gap")
        return tag(
            "td",
            t("empty", lang) if empty else text,
            marks(numbers),
            class_=" ".join(classes_),
            data_marks=",".join(map(str, numbers)),
        )

    header = [tag("th", t("goal", lang))]
    for key, label in cols:
        header.append(tag("th", label, marks(table.header_marks.get(key, []))))
    for year in table.years:
        header.append(tag("th", f"{t('targets', lang)} {year}", marks(table.header_marks.get("targets", []))))
    if not table.years and table.header_marks.get("targets"):
        header.append(tag("th", t("targets", lang), marks(table.header_marks["targets"])))
    span: dict[str, int] = {}
    for row in table.rows:
        span[row.node] = span.get(row.node, 0) + 1
    body: Pieces = []
    for row in table.rows:
        cells = []
        if row.first:
            d = G.nodes[row.node]
            goal = [tag("a", row.node, href="#diagram", data_goto_n=row.order)]
            goal.append(
                tag(
                    "div",
                    _shorten(d.get("statement"), 110) if d.get("statement") else t("indicator_only", lang),
                    class_="kg-sub",
                )
            )
            cells.append(
                tag("td", join(goal), rowspan=span[row.node] if span[row.node] > 1 else None, class_="kg-node")
            )
        ind = row.indicator
        if ind is None:
            cells.append(
                tag(
                    "td",
                    tag("em", t("no_indicator", lang)),
                    marks(row.marks.get("name", [])),
                    class_="kg-bad" if row.marks.get("name") else "kg-gap",
                    colspan=len(cols) + len(table.years),
                )
            )
        else:
            for key, _label in cols:
                cells.append(cell(getattr(ind, key, None), row.marks.get(key, [])))
            for year in table.years:
                target = (ind.targets or {}).get(year)
                cells.append(cell(target.text if target is not None else None, row.target_marks.get(year, [])))
        body += wrap("tr", cells, class_="kg-first" if row.first else None, data_n=row.order)
    notes = []
    for key, label in [*cols, ("targets", t("targets", lang))]:
        for num in table.header_marks.get(key, []):
            notes.append(tag("p", mark(num), " ", tag("strong", f"{label}: "), said.message[num], class_="kg-colnote"))
    marked = len(
        {n for row in table.rows for ns in [*row.marks.values(), *row.target_marks.values()] for n in ns}
        | {n for ns in table.header_marks.values() for n in ns}
    )
    count = sum(1 for row in table.rows if row.indicator is not None)
    out: list[Html | Pieces] = [
        tag("h3", t("nav_indicators", lang)),
        tag("p", t("indicators_intro", lang), class_="kg-intro"),
        join(notes),
        wrap(
            "details",
            [
                tag("summary", t("indicator_table_summary", lang, indicators=count, marks=marked)),
                *wrap(
                    "div",
                    wrap(
                        "table",
                        [tag("thead", tag("tr", join(header))), *wrap("tbody", body)],
                        class_="kg-indicators",
                        id="kg-indicator-table",
                    ),
                    class_="kg-ind-scroll",
                ),
            ],
            class_="kg-ind-details",
            id="kg-indicator-details",
        ),
    ]
    return wrap("div", pieces(out), id="indicators", class_="kg-part")


def _detail_section(
    page: PageInput,
    groups: list[views.RuleGroup],
    items: list[tuple[int, Finding]],
    on_node: dict,
    said: _Said,
    lang: str,
) -> Pieces:
    """The detail under the evaluation: what the cascade holds, every finding by rule, the goals of each
    owner, the indicator table — each group collapsed (<details>), open on demand, printed closed."""
    out: list[Html | Pieces] = [
        tag("h2", t("nav_detail", lang)),
        tag("p", t("detail_intro", lang), class_="kg-intro"),
        _facts(page, lang),
    ]
    out += [
        _findings_section(page, groups, said, lang),
        _owners_section(page, on_node, said, lang),
        _indicator_section(page, items, said, lang),
    ]
    return wrap("section", pieces(out), id="detail", class_="kg-section")


# ------------------------------------------------------------------------------------------ index


@dataclass
class IndexEntry:
    file: str
    href: str | None  # the page, relative to the index; None when the file could not be read
    organisation: str | None = None
    evaluation: Evaluation | None = None
    counts: dict[str, int] = field(default_factory=dict)  # error, warning, info, silenced
    problem: str | None = None  # why there is no page

    @property
    def score(self) -> int | None:
        """The evaluation's estimated score, rounded (None: not evaluated, or nothing could be assessed)."""
        sc = self.evaluation.score if self.evaluation is not None else None
        return sc.rounded if sc is not None else None


def render_index(entries: list[IndexEntry], lang: str = "id") -> str:
    """The page comparing several cascades: each one's estimated score, its answer to every LKE criterion
    and its findings counted; a file that could not be read with its reason."""
    criteria: dict[str, str] = {}  # id -> title, in the order the evaluations list them
    for e in entries:
        for c in e.evaluation.criteria if e.evaluation is not None else ():
            criteria.setdefault(c.id, c.title)
    head = [tag("th", t("file", lang)), tag("th", t("organisation", lang)), tag("th", t("score", lang), class_="num")]
    head += [tag("th", cid, title=title, class_="kg-lke-id") for cid, title in criteria.items()]
    head += [tag("th", t(s + "s", lang), class_="num") for s in SEVERITIES] + [
        tag("th", t("silenced", lang), class_="num")
    ]
    rows = []
    for e in entries:
        name = tag("a", os.path.basename(e.file) or e.file, href=e.href) if e.href else tag("span", e.file)
        if e.problem is not None:
            rows.append(
                tag(
                    "tr",
                    tag("td", name),
                    tag(
                        "td",
                        tag("span", f"{t('unreadable', lang)}: {e.problem}", class_="kg-c-error"),
                        colspan=len(head) - 1,
                    ),
                    data_file=e.file,
                )
            )
            continue
        cells = [
            tag("td", name),
            tag("td", e.organisation or ""),
            tag("td", "–" if e.score is None else str(e.score), class_="num kg-score"),
        ]
        answers = {c.id: c for c in e.evaluation.criteria} if e.evaluation is not None else {}
        for cid in criteria:
            found = answers.get(cid)
            cells.append(
                tag("td", evaluation_view.answer_badge(found.answer, lang, short=True), data_criterion=cid)
                if found is not None
                else tag("td", "–")
            )
        for key in (*SEVERITIES, "silenced"):
            cells.append(
                tag(
                    "td",
                    str(e.counts.get(key, 0)),
                    class_="num" + (f" kg-c-{key}" if key in SEVERITIES and e.counts.get(key) else ""),
                )
            )
        rows.append(tag("tr", join(cells), data_file=e.file))
    title = t("index_title", lang, count=len(entries))
    caveats = dict.fromkeys(evaluation_layout.caveat(e.evaluation, lang) for e in entries if e.evaluation is not None)
    body = [
        tag(
            "header",
            tag("span", t("title", lang), class_="kg-brand"),
            tag("nav", ""),
            tag("button", t("print", lang), type="button", data_kg_print=True),
            class_="kg-top",
        ),
        Html("<main>"),
        tag("h1", title),
        tag("p", t("index_intro", lang), " ", t("index_legend", lang), class_="kg-intro"),
        tag("p", " ".join(caveats) or evaluation_layout.t("caveat", lang), class_="kg-caveat", id="kg-caveat"),
        tag(
            "div",
            tag(
                "table", tag("thead", tag("tr", join(head))), tag("tbody", join(rows)), class_="kg-index", id="kg-index"
            ),
            class_="kg-ind-scroll",
        ),
        Html("</main>"),
        tag(
            "footer", t("made_by", lang, version=__version__, file=", ".join(os.path.basename(e.file) for e in entries))
        ),
    ]
    return "".join(_document(title, lang, join(body, "\n")))


__all__ = ["IndexEntry", "PageInput", "asset", "render_index", "render_page"]
