"""The report's views of one checked cascade: findings numbered and grouped by rule, goals grouped by
owner, and the indicator table with each finding placed on the cell it is about.

Nothing here finds anything: these are the engine's findings and the graph's facts, arranged for a
reader. Each view is built in one pass over the findings and one over the nodes (linear).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kinerja_graph import checks
from kinerja_graph.classify import OwnerResolver
from kinerja_graph.findings import SEVERITY_ORDER, Finding
from kinerja_graph.model import Indicator

# ------------------------------------------------------------------------------------------ findings


@dataclass
class RuleGroup:
    rule: str
    severity: str  # the worst severity among its findings
    findings: list[tuple[int, Finding]]  # (number on the page, finding)


def group_findings(findings: list[Finding]) -> list[RuleGroup]:
    """Findings grouped by rule — worst severity first, then the rule with most findings — and
    numbered 1, 2, … in the order the page lists them."""
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    ordered = sorted(
        by_rule.items(), key=lambda kv: (min(SEVERITY_ORDER[f.severity] for f in kv[1]), -len(kv[1]), kv[0])
    )
    groups, number = [], 0
    for rule, items in ordered:
        numbered = []
        for f in items:
            number += 1
            numbered.append((number, f))
        worst = min((f.severity for f in items), key=SEVERITY_ORDER.__getitem__)
        groups.append(RuleGroup(rule, worst, numbered))
    return groups


def numbered(groups: list[RuleGroup]) -> list[tuple[int, Finding]]:
    return [item for g in groups for item in g.findings]


def by_node(items: list[tuple[int, Finding]]) -> dict[str, list[tuple[int, Finding]]]:
    out: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for number, f in items:
        if f.node is not None:
            out[f.node].append((number, f))
    return out


def document_order(G: nx.DiGraph) -> list[str]:
    """Goals and indicators without a goal, in document order."""
    nodes = [n for n, d in G.nodes(data=True) if d.get("kind") in ("goal", "indicator")]
    return sorted(nodes, key=lambda n: G.nodes[n]["order"])


# ------------------------------------------------------------------------------------------ owners


@dataclass
class OwnerGroup:
    owner: str | None  # as first written; None: the goals without an owner
    positions: list[str]  # position ids the owner text names (owners vocabulary), in the order written
    nodes: list[str] = field(default_factory=list)  # document order

    @property
    def resolved(self) -> bool:
        return bool(self.positions)


def _owner_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def owner_groups(G: nx.DiGraph, owners_vocabulary: dict | None) -> tuple[list[OwnerGroup], OwnerResolver | None]:
    """Goals (and indicators without a goal) grouped by their owner as written (spaces and case
    ignored): the positions highest in the owners vocabulary first (head, Camat, Sekcam, … staff),
    owners naming no known position after them, goals without an owner last."""
    resolver = None
    if isinstance(owners_vocabulary, dict):
        try:
            resolver = OwnerResolver(owners_vocabulary)
        except Exception:  # a broken custom vocabulary: group by text, still show everything
            resolver = None
    rank = {pid: i for i, pid in enumerate(resolver.positions)} if resolver else {}
    groups: dict[str | None, OwnerGroup] = {}
    first: dict[str | None, int] = {}
    for n in document_order(G):
        owner = G.nodes[n].get("owner")
        text = str(owner).strip() if owner is not None else ""
        key = _owner_key(text) if text else None
        if key not in groups:
            positions = list(resolver.resolve(text).positions) if (resolver and text) else []
            groups[key] = OwnerGroup(text or None, positions)
            first[key] = G.nodes[n]["order"]
        groups[key].nodes.append(n)

    def sort_key(item):
        key, group = item
        if key is None:
            return (2, 0, first[key])
        if group.positions:
            return (0, min(rank.get(p, len(rank)) for p in group.positions), first[key])
        return (1, 0, first[key])

    return [g for _, g in sorted(groups.items(), key=sort_key)], resolver


# ------------------------------------------------------------------------------------------ indicators

# Which cell of the indicator table a rule's finding is about. Other rules' findings are placed by what
# their arguments say: the indicator they name (args "indicator", "indicators", or the variants of
# near-duplicate indicators), the fields they are about (args "field", "fields"), the years (args "years").
RULE_COLUMN = {
    "missing-formula": "formula",
    "formula-mismatch": "formula",
    "missing-source": "source",
    "stray-source": "source",
    "missing-unit": "unit",
    "unit-mismatch": "unit",
    "missing-target": "targets",
    "target-invalid": "targets",
    "target-trend": "targets",
    "missing-indicator": "name",
    "duplicate-indicator": "name",
    "indicator-level-mismatch": "name",
    "orphan-indicator": "name",
}
FIELD_COLUMN = {"indicator": "name", "formula": "formula", "source": "source", "unit": "unit", "target": "targets"}


def _squash(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _named(f: Finding) -> list[str]:
    """The beginnings of the indicator names a finding quotes (shortened quotes end in "…"), squashed."""
    args: Mapping[str, Any] = f.args
    texts: list = []
    if isinstance(args.get("indicator"), str):
        texts.append(args["indicator"])
    if isinstance(args.get("indicators"), list):
        texts.extend(args["indicators"])
    if args.get("field") == "indicator":
        texts.extend(text for text, _ in args.get("variants") or ())
    out = []
    for text in texts:
        frag = _squash(text).rstrip("…").rstrip(". ").strip()
        if len(frag) >= 3:
            out.append(frag)
    return out


def _column(f: Finding) -> str | None:
    """The column of the indicator table a finding is about: its rule's, or the first field it names."""
    column = RULE_COLUMN.get(f.rule)
    if column is None:
        args: Mapping[str, Any] = f.args
        fields = args.get("fields") or ([args["field"]] if "field" in args else [])
        column = next((FIELD_COLUMN[name] for name in fields if name in FIELD_COLUMN), None)
    return column


@dataclass
class IndicatorRow:
    node: str
    order: int
    kind: str  # "goal" or "indicator" (an indicator without a goal)
    indicator: Indicator | None  # None for a goal without any indicator
    first: bool  # the first row of its node
    marks: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # column -> finding numbers
    target_marks: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))  # year -> numbers


@dataclass
class IndicatorTable:
    years: list[int]
    rows: list[IndicatorRow]
    header_marks: dict[str, list[int]]  # column -> numbers of findings about the whole cascade
    placed: set[int]  # numbers of the findings shown in the table


def _match_indicator(
    f: Finding,
    indicators: list,
    node: str | None = None,
    named: list[str] | None = None,
    squashed: dict[str, str] | None = None,
) -> int | None:
    """Which of a node's indicators a finding is about: the one at its location, else the first one whose name
    begins with a name the finding quotes (on a related node, `node`, only the latter). `named`: `_named(f)`,
    when known; `squashed`: each indicator name squashed so far (a table matches a finding on every goal it
    relates, and the same names recur)."""
    if not indicators:
        return None
    if f.location is not None and node is None:
        same = [i for i, ind in enumerate(indicators) if getattr(ind, "location", None) == f.location]
        if len(same) == 1:
            return same[0]
    frags = _named(f) if named is None else named
    if not frags:
        return None
    if squashed is None:
        names = [_squash(ind.name) for ind in indicators]
    else:
        names = []
        for ind in indicators:
            name = ind.name
            got = squashed.get(name) if isinstance(name, str) else None
            if got is None:
                got = _squash(name)
                if isinstance(name, str):
                    squashed[name] = got
            names.append(got)
    for frag in frags:
        for i, name in enumerate(names):
            if name.startswith(frag):
                return i
    return None


def indicator_table(G: nx.DiGraph, items: list[tuple[int, Finding]]) -> IndicatorTable:
    """Every indicator (and every goal without one) with the findings about it placed on its cells."""
    years = sorted(
        {int(y) for y in (G.graph.get("period") or [])}
        | {int(y) for n in document_order(G) for ind in (G.nodes[n].get("indicators") or ()) for y in ind.targets}
    )
    rows: list[IndicatorRow] = []
    node_rows: dict[str, list[IndicatorRow]] = {}
    for n in document_order(G):
        d = G.nodes[n]
        inds = list(d.get("indicators") or [])
        mine = []
        if not inds:
            mine.append(IndicatorRow(n, d["order"], d["kind"], None, True))
        for k, ind in enumerate(inds):
            mine.append(IndicatorRow(n, d["order"], d["kind"], ind, k == 0))
        node_rows[n] = mine
        rows.extend(mine)
    registry = checks.all_rules()
    header: dict[str, list[int]] = defaultdict(list)
    placed: set[int] = set()
    squashed: dict[str, str] = {}
    for number, f in items:
        rule = registry.get(f.rule)
        sure = f.rule in RULE_COLUMN or (rule is not None and rule.area == "indicators")
        if f.node is None:
            if sure:
                header[RULE_COLUMN.get(f.rule, "name")].append(number)
                placed.add(number)
            continue
        found = node_rows.get(f.node)
        if not found:
            continue
        mine = found
        inds = [r.indicator for r in mine if r.indicator is not None]
        named = _named(f)
        i = _match_indicator(f, inds, named=named, squashed=squashed)
        if i is None and sure and len(inds) == 1:
            i = 0
        if i is None:
            if sure:  # about the goal's indicators as a whole (or none): its first row
                mine[0].marks[RULE_COLUMN.get(f.rule, "name")].append(number)
                placed.add(number)
            continue
        column = _column(f)
        if column is None:
            if not sure:
                continue
            column = "name"
        years_named: Any = f.args.get("years") or ()
        mentioned = set(years_named)
        _place(mine[i], column, number, mentioned, years)
        placed.add(number)
        # the same text on the related goals (a duplicated indicator, a shared formula): marked there too
        for other in f.related:
            rows_other = node_rows.get(other)
            if not rows_other or other == f.node:
                continue
            others = [r.indicator for r in rows_other if r.indicator is not None]
            j = _match_indicator(f, others, other, named=named, squashed=squashed)
            if j is not None:
                _place(rows_other[j], column, number, mentioned, years)
    return IndicatorTable(years, rows, dict(header), placed)


def _place(row: IndicatorRow, column: str, number: int, mentioned: set, years: list[int]) -> None:
    if row.indicator is None or (column == "targets" and not years):
        row.marks["name"].append(number)
    elif column == "targets":
        # the years the finding is about, else the years the indicator has targets for, else all
        given = {int(y) for y in (row.indicator.targets or {})} & set(years)
        for year in sorted((mentioned & set(years)) or given or set(years)):
            row.target_marks[year].append(number)
    else:
        row.marks[column].append(number)
