"""The pohon kinerja as a Graphviz object model (the `graphviz` package), built from the graph.

Input: the networkx graph of kinerja_graph/graph.py (the only source of what is drawn), the part
of it to draw (render/plan.py), and optionally findings (anything with ``.node`` and ``.severity``,
such as kinerja_graph.checks.base.Finding). Output: a ``graphviz.Digraph`` whose ``.source`` is the
DOT text; nothing here runs Graphviz.

Layout
    One horizontal band per level (vertical with ``direction="LR"``): a caption at the left (from
    rules/levels.yaml: tier on the first level of a tier, level name, planning name) on the same
    rank as every goal of that level, tied by an invisible edge to the left of the band's first
    goal; the captions are chained top to bottom by invisible edges, so that levels keep their order
    even where no goal links them. dot centres the boxes of a rank; each box is padded below (an
    empty cell) to the estimated height of the tallest box of its band, so that a band's boxes are
    top-aligned. Goals without a known level float between the bands their edges put them in, and
    say "unknown level".
Goals
    One box each (an HTML-like table): id, statement (wrapped, bold), each indicator (with the
    target of the chosen year), owner; filled by tier. A missing indicator, owner or target is a
    white patch saying so. Leaf siblings of one level under one parent (and no other) are drawn as
    one column of boxes (one Graphviz node, a port per goal), the way the Praya chart lists its
    processes: this keeps the tree as wide as its branches, not as its leaves. A goal whose
    children are not in the picture (--depth, --split) says how many goals are below it and, in a
    split, which file shows them.
Edges
    Contribution: parent -> child, from the bottom of the parent's box to the top of the child's,
    arrow at the parent ("contributes to"). Crosscutting: dashed, labelled "Cross Cutting", to a
    hexagon of the other bodies named by the same goals (Praya's "SatPol PP, TNI, POLRI" is one
    hexagon), on the rank of the first goal naming them; they do not constrain the layout.
Findings
    Errors give a box a thick red border and "■ n", warnings an amber border and "▲ n" (shapes as
    well as colours, for greyscale prints); the legend explains them and counts the findings about
    the cascade as a whole. Info findings are not drawn.

Determinism: nodes and edges are emitted in document order, Graphviz names are derived from it
("g12"), and nothing variable (time, paths, versions) is written. User text never becomes a DOT
identifier or a plain attribute: it only appears escaped (render/labels.py) inside HTML labels.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import graphviz
import networkx as nx

from kinerja_graph import policy
from kinerja_graph.render import labels
from kinerja_graph.render.labels import esc
from kinerja_graph.render.plan import DRAWABLE, Part
from kinerja_graph.render.style import Style, load_style

DIRECTIONS = ("TB", "LR")


@dataclass(frozen=True)
class DiagramOptions:
    lang: str = "id"
    year: int | None = None  # show each indicator's target for this year
    wrap: int | None = None  # characters per line; None: rules/render.yaml
    direction: str = "TB"  # "TB" top-down, "LR" left to right
    stack_leaves: int | None = None  # None: rules/render.yaml; 0: never stack


def period_text(years) -> str:
    years = sorted(set(int(y) for y in years or ()))
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def count_findings(findings) -> tuple[dict[str, list[int]], int]:
    """Errors and warnings per node ([errors, warnings]), and how many concern no node."""
    per_node: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    general = 0
    for f in findings or ():
        slot = {"error": 0, "warning": 1}.get(getattr(f, "severity", None))
        if slot is None:
            continue
        if getattr(f, "node", None) is None:
            general += 1
        else:
            per_node[f.node][slot] += 1
    return dict(per_node), general


def build_diagram(
    G: nx.DiGraph,
    part: Part | None = None,
    findings=None,
    options: DiagramOptions | None = None,
    *,
    links: dict[str, str] | None = None,
    style: Style | None = None,
) -> graphviz.Digraph:
    """The diagram of `part` of G (all of it when None). `links`: node -> the file continuing it."""
    options = options or DiagramOptions()
    if options.direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}")
    style = style or load_style()
    if part is None:
        nodes = sorted((n for n, d in G.nodes(data=True) if d["kind"] in DRAWABLE), key=lambda n: G.nodes[n]["order"])
        part = Part("", nodes, "whole")
    return _Builder(G, part, findings, options, style, links or {}).build()


class _Builder:
    def __init__(self, G, part: Part, findings, options: DiagramOptions, style: Style, links: dict[str, str]):
        self.G = G
        self.part = part
        self.nodes = list(part.nodes)
        self.drawn = set(self.nodes)
        self.opt = options
        self.lang = options.lang
        self.style = style
        self.c = style.colours
        self.links = links
        self.wrap = options.wrap or style.wrap
        self.stack_min = style.stack_leaves if options.stack_leaves is None else options.stack_leaves
        self.counts, self.general = count_findings(findings)
        self.show_findings = findings is not None
        self.levels = policy.levels()
        self.name = {n: f"g{G.nodes[n]['order']}" for n in self.nodes}
        # contribution parents/children inside the picture, in document order
        self.kids: dict[str, list[str]] = {n: [] for n in self.nodes}
        self.parents: dict[str, list[str]] = {n: [] for n in self.nodes}
        self.hidden: dict[str, int] = defaultdict(int)  # children not in this picture
        for n in self.nodes:
            for v in G.successors(n):
                if G.edges[n, v]["kind"] != "contribution":
                    continue
                if v in self.drawn:
                    self.kids[n].append(v)
                    self.parents[v].append(n)
                else:
                    self.hidden[n] += 1
        order = self.order
        for lst in (*self.kids.values(), *self.parents.values()):
            lst.sort(key=order)

    def hidden_below(self, n) -> int:
        """How many goals under n this picture leaves out (each subtree walked once in a tree)."""
        seen, stack = set(), [n]
        while stack:
            u = stack.pop()
            for v in self.G.successors(u):
                if v not in seen and v not in self.drawn and self.G.edges[u, v]["kind"] == "contribution":
                    seen.add(v)
                    stack.append(v)
        return len(seen)

    def order(self, n) -> int:
        return self.G.nodes[n]["order"]

    def t(self, key, **params) -> str:
        return self.style.t(key, self.lang, **params)

    # ------------------------------------------------------------------ structure

    def build(self) -> graphviz.Digraph:
        s, c = self.style, self.c
        tb = self.opt.direction == "TB"
        out_port, in_port = ("box:s", "box:n") if tb else ("box:e", "box:w")
        g = graphviz.Digraph(
            "pohon_kinerja",
            graph_attr={
                "rankdir": self.opt.direction,
                "newrank": "true",
                "ordering": "out",
                "nodesep": "0.14",
                "ranksep": "0.3",
                "pad": "0.3",
                "margin": "0",
                "bgcolor": "white",
                "outputorder": "edgesfirst",
                "fontname": s.font,
                "fontsize": str(s.font_size),
                "labelloc": "t",
                "labeljust": "c",
                "label": self.title(),
            },
            node_attr={"shape": "plain", "fontname": s.font, "fontsize": str(s.font_size), "fontcolor": c["text"]},
            edge_attr={
                "color": c["edge"],
                "penwidth": "1.2",
                "arrowsize": "0.7",
                "fontname": s.font,
                "fontsize": str(s.small_font_size),
            },
        )
        stacks = self.stacks()
        member_of = {m: key for key, members in stacks.items() for m in members}
        self.node_ref = {n: (f"{member_of[n]}:{self.name[n]}" if n in member_of else self.name[n]) for n in self.nodes}
        groups = self.crosscutting()

        # every box (or column of boxes) with its estimated height, grouped by level
        items: list[tuple[str, int | None, str, float]] = []  # (name, rank, table, height)
        emitted = set()
        for n in self.nodes:
            if n in member_of:
                key = member_of[n]
                if key in emitted:
                    continue
                emitted.add(key)
                table, height = self.stack(stacks[key])
                items.append((key, self.G.nodes[n]["rank"], table, height))
            else:
                table, height = self.box(n)
                items.append((self.name[n], self.G.nodes[n]["rank"], table, height))
        tallest: dict[int, float] = defaultdict(float)
        for _name, rank, _table, height in items:
            if rank is not None:
                tallest[rank] = max(tallest[rank], height)
        by_rank: dict[int, list[str]] = defaultdict(list)  # Graphviz node names, in drawing order
        for name, rank, table, height in items:
            # top-align the boxes of one band: pad each below to the tallest (dot centres a rank)
            pad = round(tallest[rank] - height) if tb and rank is not None else 0
            spacer = f'<TR><TD HEIGHT="{pad}"></TD></TR>' if pad > 0 else ""
            g.node(
                name,
                label=(
                    f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                    f'<TR><TD PORT="box">{table}</TD></TR>{spacer}</TABLE>>'
                ),
            )
            if rank is not None:
                by_rank[rank].append(name)
        for name, (bodies, rank, _links) in groups.items():
            g.node(name, **self.body_attrs(bodies))
            if rank is not None:
                by_rank[rank].append(name)

        anchors = self.anchors(member_of)
        previous = None
        for level in self.levels.levels:
            if level.rank not in by_rank:
                continue
            band = f"band{level.rank}"
            with g.subgraph() as same:
                same.attr(rank="same")
                same.node(band, label=self.band_label(level, tallest.get(level.rank, 0.0) if tb else 0.0))
                for ref in by_rank[level.rank]:
                    same.node(ref)
            if previous is not None:
                g.edge(previous, band, style="invis", weight="10")
            anchor = anchors.get(level.rank)
            if anchor is not None:
                g.edge(band, anchor, style="invis", weight="1")
            previous = band

        # contribution edges, child by child in document order; one edge into each column of leaves
        for v in self.nodes:
            for u in self.parents[v]:
                if v in member_of:
                    if self.parents[v][0] != u or stacks[member_of[v]][0] != v:
                        continue
                    head = member_of[v]
                else:
                    head = self.name[v]
                g.edge(f"{self.name[u]}:{out_port}", f"{head}:{in_port}", dir="back", arrowtail="normal", weight="5")
        for name, (_bodies, _rank, links) in groups.items():
            for u in links:
                g.edge(
                    self.node_ref[u],
                    name,
                    style="dashed",
                    dir="none",
                    constraint="false",
                    color=c["crosscutting_border"],
                    label=f"<{esc(self.t('crosscutting'))}>",
                    fontcolor=c["crosscutting_border"],
                )
        return g

    def stacks(self) -> dict[str, list[str]]:
        """Columns of sibling leaves: stack node name -> its goals (document order)."""
        out: dict[str, list[str]] = {}
        if self.stack_min < 2:
            return out
        for p in self.nodes:
            groups: dict[object, list[str]] = {}
            for v in self.kids[p]:
                d = self.G.nodes[v]
                if d["kind"] == "goal" and not self.kids[v] and not self.hidden.get(v) and self.parents[v] == [p]:
                    groups.setdefault(d["level"], []).append(v)
            for members in groups.values():
                if len(members) >= self.stack_min:
                    out[f"s{self.order(members[0])}"] = members
        return out

    def crosscutting(self) -> dict[str, tuple[list[str], int | None, list[str]]]:
        """Other bodies named by drawn goals, grouped when the same goals name them (as the Praya
        chart draws "SatPol PP, TNI, POLRI"): Graphviz name -> (bodies, rank of the first goal
        naming them, the goals naming them)."""
        links: dict[str, list[str]] = defaultdict(list)
        for n in self.nodes:
            for v in sorted(self.G.successors(n), key=self.order):
                if self.G.edges[n, v]["kind"] == "crosscutting":
                    links[v].append(n)
        groups: dict[tuple, list[str]] = {}
        for body in sorted(links, key=self.order):
            groups.setdefault(tuple(links[body]), []).append(body)
        out = {}
        for goals, bodies in groups.items():
            out[f"x{self.order(bodies[0])}"] = (bodies, self.G.nodes[goals[0]]["rank"], list(goals))
        return out

    def anchors(self, member_of) -> dict[int, str]:
        """Per rank, the node a depth-first walk (from the top goals, then from whatever a cycle
        kept unreached, in document order) meets first: the band caption is tied to its left."""
        starts = [n for n in self.nodes if not self.parents[n]] + self.nodes
        seen, first = set(), {}
        for start in starts:
            stack = [start]
            while stack:
                n = stack.pop()
                if n in seen:
                    continue
                seen.add(n)
                rank = self.G.nodes[n]["rank"]
                if rank is not None and rank not in first:
                    first[rank] = member_of.get(n, self.name[n])
                stack.extend(reversed(self.kids[n]))
        return first

    # ------------------------------------------------------------------ labels

    def title(self) -> str:
        s, G = self.style, self.G
        org = G.graph.get("organisation")
        org_name = getattr(org, "name", None) or ""
        rows = [
            f'<TR><TD><FONT POINT-SIZE="{s.title_font_size}"><B>{esc(self.t("title", organisation=org_name).strip())}</B></FONT></TD></TR>'
        ]
        sub = []
        period = period_text(G.graph.get("period"))
        if period:
            sub.append(self.t("period", period=period))
        if self.opt.year is not None:
            sub.append(self.t("year", year=self.opt.year))
        if sub:
            rows.append(f'<TR><TD><FONT POINT-SIZE="{s.band_font_size}">{esc(" · ".join(sub))}</FONT></TD></TR>')
        part = self.part
        caption = None
        if part.focus is not None and part.focus in G:
            caption = self.t(
                "subtree",
                id=labels.shorten(part.focus, 40),
                statement=labels.shorten(G.nodes[part.focus].get("statement") or "", 90),
            )
            if part.depth is not None:
                caption += " — " + self.t("depth", depth=part.depth)
        elif part.kind == "overview":
            caption = self.t("overview")
        elif part.kind == "rest":
            caption = self.t("rest")
        elif part.depth is not None:
            caption = self.t("depth", depth=part.depth)
        if caption:
            rows.append(f'<TR><TD><FONT POINT-SIZE="{s.band_font_size}"><I>{esc(caption)}</I></FONT></TD></TR>')
        rows.append(f"<TR><TD>{self.legend()}</TD></TR>")
        return f'<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>>'

    def legend(self) -> str:
        """Two short rows: the fills (tiers, crosscutting, missing), then the marks (arrow, findings)."""
        s, c = self.style, self.c

        def text(value: str) -> str:
            return "<BR/>".join(esc(x) for x in labels.wrap(value, 30))

        fills = [f"<TD><B>{esc(self.t('legend'))}:</B></TD>"]
        for tier, name in self.levels.tiers.items():
            fills.append(
                f'<TD BGCOLOR="{s.tier_colour(tier)}" BORDER="1" COLOR="{c["border"]}">{text(name[self.lang])}</TD>'
            )
        fills.append(
            f'<TD BGCOLOR="{c["crosscutting"]}" BORDER="1" COLOR="{c["crosscutting_border"]}">'
            f"{text(self.t('crosscutting') + ': ' + self.t('legend_crosscutting'))}</TD>"
        )
        fills.append(
            f'<TD BGCOLOR="{c["missing"]}" BORDER="1" COLOR="{c["border"]}"><I>{text(self.t("legend_missing"))}</I></TD>'
        )
        marks = [f"<TD>↑ {text(self.t('legend_contribution'))}</TD>"]
        if self.show_findings:
            marks.append(
                f'<TD BORDER="3" COLOR="{c["error"]}"><FONT COLOR="{c["error"]}">{text(self.t("legend_error"))}</FONT></TD>'
            )
            marks.append(
                f'<TD BORDER="3" COLOR="{c["warning"]}"><FONT COLOR="{c["warning"]}">{text(self.t("legend_warning"))}</FONT></TD>'
            )
            if self.general:
                marks.append(f"<TD>{text(self.t('legend_general', count=self.general))}</TD>")
        row = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>{}</TR></TABLE>'
        return (
            f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
            f"<TR><TD>{row.format(''.join(fills))}</TD></TR><TR><TD>{row.format(''.join(marks))}</TD></TR></TABLE>"
        )

    def band_label(self, level, height: float) -> str:
        """The caption at the left of a band (tier on the first level of a tier, level, planning
        name), its top aligned with the boxes of the band (`height`: the tallest of them)."""
        s, c = self.style, self.c
        first_of_tier = not any(lv.tier == level.tier and lv.rank < level.rank for lv in self.levels.levels)
        words = []
        if first_of_tier:
            words.append(self.levels.tiers[level.tier][self.lang] + "\u00a0—")  # the dash stays on the tier's line
        words.append(level.name[self.lang])
        lines = [line for w in words for line in labels.wrap(w, 12)]
        text = f'<FONT POINT-SIZE="{s.band_font_size}"><B>{"<BR/>".join(esc(x) for x in lines)}</B></FONT>'
        own = len(lines) * s.band_font_size + 14
        planning = level.planning.get(self.lang) if level.planning else None
        if planning:
            small = labels.wrap(f"({planning})", 18)
            text += f'<BR/><FONT POINT-SIZE="{s.small_font_size}">{"<BR/>".join(esc(x) for x in small)}</FONT>'
            own += len(small) * s.small_font_size
        pad = round(height - own)
        spacer = f'<TR><TD HEIGHT="{pad}"></TD></TR>' if pad > 0 else ""
        return (
            f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD>'
            f'<TABLE BORDER="1" COLOR="{c["band_border"]}" STYLE="rounded" BGCOLOR="{c["band"]}" CELLBORDER="0" '
            f'CELLPADDING="5"><TR><TD>{text}</TD></TR></TABLE></TD></TR>{spacer}</TABLE>>'
        )

    def badge(self, n) -> str:
        e, w = self.counts.get(n, (0, 0))
        marks = []
        if e:
            marks.append(f'<FONT COLOR="{self.c["error"]}"><B>■ {e}</B></FONT>')
        if w:
            marks.append(f'<FONT COLOR="{self.c["warning"]}"><B>▲ {w}</B></FONT>')
        return " ".join(marks)

    def border(self, n) -> tuple[str, str]:
        e, w = self.counts.get(n, (0, 0))
        if e:
            return "3", self.c["error"]
        if w:
            return "3", self.c["warning"]
        return "1", self.c["border"]

    def stack(self, members) -> tuple[str, float]:
        rows, height = [], 5.0
        for m in members:
            table, h = self.box(m)
            rows.append(f'<TR><TD PORT="{self.name[m]}">{table}</TD></TR>')
            height += h + 5
        return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="5" CELLPADDING="0">{"".join(rows)}</TABLE>', height

    def box(self, n) -> tuple[str, float]:
        """A goal's box (an HTML-like table) and its estimated height in points."""
        s, c, d = self.style, self.c, self.G.nodes[n]
        small, size, width = s.small_font_size, s.font_size, self.wrap
        min_width = int(width * size * 0.55) + 8
        is_goal = d["kind"] == "goal"
        fill = s.tier_colour(d["tier"]) if is_goal else c["indicator_only"]
        rows: list[str] = []
        height = 0.0

        def row(html: str, line_count: int, font: float = size) -> None:
            nonlocal height
            rows.append(html)
            height += line_count * font + 4

        head = f'<FONT POINT-SIZE="{small}" COLOR="{c["muted"]}">{esc(labels.shorten(n, 2 * width))}'
        if d["level"] is None or d["rank"] is None:
            head += f" · <I>{esc(self.t('no_level'))}</I>"
        head += "</FONT>"
        row(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{head}</TD><TD ALIGN="RIGHT">{self.badge(n)}</TD></TR>', 1, small)
        if is_goal:
            text = labels.wrap(d["statement"], width)
            row(
                f'<TR><TD COLSPAN="2" WIDTH="{min_width}"><B>{"<BR/>".join(esc(x) for x in text)}</B></TD></TR>',
                len(text),
            )
        else:
            row(f'<TR><TD COLSPAN="2" WIDTH="{min_width}"><I>{esc(self.t("indicator_only"))}</I></TD></TR>', 1)
        indicators = d.get("indicators") or []
        owner = d.get("owner")
        owner = None if owner is None or not str(owner).strip() else owner
        missing = ([self.t("indicator")] if not indicators else []) + ([self.t("owner")] if owner is None else [])
        if missing:
            row(*self.missing_row(self.t("missing_list", what=", ".join(missing))), small)
        for ind in indicators:
            row(*self.prefixed(self.t("indicator"), ind.name))
            if self.opt.year is not None:
                target = self.target_text(ind)
                label = self.t("target", year=self.opt.year)
                if target is None:
                    row(*self.missing_row(self.t("missing_list", what=label)), small)
                else:
                    row(*self.prefixed(label, target))
        if owner is not None:
            row(*self.prefixed(self.t("owner"), owner, bold=True))
        hidden = self.hidden_below(n) if self.hidden.get(n) else 0
        if hidden:
            note = self.t("more_below", count=hidden)
            if n in self.links:
                note += " · " + self.t("see_file", file=self.links[n])
            text = labels.wrap(note, 2 * width)
            row(
                f'<TR><TD COLSPAN="2"><FONT POINT-SIZE="{small}">{"<BR/>".join(esc(x) for x in text)}</FONT></TD></TR>',
                len(text),
                small,
            )
        bw, bc = self.border(n)
        style = "rounded" if is_goal else "rounded,dashed"
        table = (
            f'<TABLE BORDER="{bw}" COLOR="{bc}" STYLE="{style}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2" '
            f'BGCOLOR="{fill}">{"".join(rows)}</TABLE>'
        )
        return table, height + 2 * int(bw) + 1

    def missing_row(self, text: str) -> tuple[str, int]:
        """The white patch marking what a box lacks, in the small font."""
        text = labels.wrap(text, int(self.wrap * 1.6))
        return (
            f'<TR><TD COLSPAN="2" BGCOLOR="{self.c["missing"]}"><FONT POINT-SIZE="{self.style.small_font_size}">'
            f"<I>{'<BR/>'.join(esc(x) for x in text)}</I></FONT></TD></TR>",
            len(text),
        )

    def prefixed(self, word: str, text, bold: bool = False) -> tuple[str, int]:
        """A row "Word: text", wrapped, the word in italics; and its number of lines."""
        wrapped = labels.wrap(f"{word}: {labels.clean(text)}", self.wrap)
        first = wrapped[0]
        rest = first[len(word) + 1 :]
        out = f"<I>{esc(word)}:</I>" + (f"<B>{esc(rest)}</B>" if bold and rest else esc(rest))
        more = [f"<B>{esc(x)}</B>" if bold else esc(x) for x in wrapped[1:]]
        return f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">{"<BR/>".join([out, *more])}</TD></TR>', len(wrapped)

    def target_text(self, ind) -> str | None:
        target = (ind.targets or {}).get(self.opt.year)
        if target is None or target.kind == "blank" or not str(target.text).strip():
            return None
        text = str(target.text).strip()
        if target.kind == "number" and not target.unit and ind.unit:
            text += f" {ind.unit}"
        return text

    def body_attrs(self, bodies: list[str]) -> dict:
        """Other bodies named by the same goals: one hexagon, one line (or a few) per body."""
        s, c = self.style, self.c
        parts = []
        for body in bodies:
            d = self.G.nodes[body]
            text = f"<B>{labels.lines(d.get('name') or '', self.wrap)}</B>"
            ref = d.get("ref")
            if ref is not None and getattr(ref, "node", None):
                text += f'<BR/><FONT POINT-SIZE="{s.small_font_size}">#{esc(ref.node)}</FONT>'
            badge = self.badge(body)
            if badge:
                text += f" {badge}"
            parts.append(text)
        errors = sum(self.counts.get(b, (0, 0))[0] for b in bodies)
        warnings = sum(self.counts.get(b, (0, 0))[1] for b in bodies)
        colour = c["error"] if errors else c["warning"] if warnings else c["crosscutting_border"]
        return {
            "label": f"<{'<BR/>'.join(parts)}>",
            "shape": "hexagon",
            "style": "filled",
            "fillcolor": c["crosscutting"],
            "color": colour,
            "penwidth": "3" if errors or warnings else "1.5",
            "margin": "0.05,0.05",
        }
