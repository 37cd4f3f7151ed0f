"""What a cascade holds, read once from its graph: the structure an evaluator credits or misses.

Goals and their levels and tiers, the top goals, which goals descend from the strategic tier (the outcome
the plan is derived from), the levels covered, the indicators and what they carry, owners, crosscutting
partners, and how to cite a node in the auditee's own document. Linear in the size of the graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kinerja_graph import policy
from kinerja_graph.checks._index import index
from kinerja_graph.checks._quote import quote
from kinerja_graph.evaluation.model import Example
from kinerja_graph.i18n import words
from kinerja_graph.model import Indicator, Node

STRATEGIC, OPERATIONAL = "strategic", "operational"
FIELDS = ("target", "formula", "source", "unit")  # what an indicator may carry (rules/evaluation.yaml requires)


def _blank(text: object) -> bool:
    return not (isinstance(text, str) and text.strip())


def carries(indicator: Indicator, what: str) -> bool:
    """Does the indicator state `what` (target, formula, source, unit; indicator: a name)?"""
    if what == "target":
        return any(not _blank(t.text) for t in indicator.targets.values())
    if what == "indicator":
        return not _blank(indicator.name)
    return not _blank(getattr(indicator, what, None))


@dataclass
class Facts:
    """The cascade's structure, as the criteria ask about it (see `read`)."""

    G: nx.DiGraph
    format: str  # the cascade file's format: yaml, json, csv, xlsx
    lang: str = "id"  # the language rows are cited in
    goals: list[str] = field(default_factory=list)  # goal ids, document order
    loose: list[str] = field(default_factory=list)  # ids of indicators without a goal
    level: dict[str, str | None] = field(default_factory=dict)  # node id -> canonical level id
    tier: dict[str, str | None] = field(default_factory=dict)
    model: dict[str, Node] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)  # goals no goal contributes to... as parent: top goals
    derived: set[str] = field(default_factory=set)  # goals at the strategic tier or below one
    derived_stated: set[str] = field(default_factory=set)  # ... below one whose level the document states
    links: int = 0  # contribution links between goals
    partners: list[str] = field(default_factory=list)  # crosscutting bodies named, first-seen order
    partner_keys: dict[str, str] = field(default_factory=dict)  # body name -> its graph node ("crosscutting:…")
    crosscut_goals: list[str] = field(default_factory=list)  # goals with a crosscutting link
    doubtful: frozenset[str] = frozenset()  # goals whose level label the cascade's structure contradicts
    # made once, when first asked for (after reading): every criterion and note asks for them again
    _every_indicator: list[Indicator] | None = field(default=None, init=False, repr=False, compare=False)
    _position: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    # -- reading --------------------------------------------------------------------------------

    @classmethod
    def read(cls, G: nx.DiGraph, lang: str = "id") -> Facts:
        cascade = G.graph.get("cascade")
        facts = cls(G, getattr(cascade, "format", "") or "", lang)
        levels = policy.levels()
        for n, d in sorted(G.nodes(data=True), key=lambda item: item[1].get("order", 0)):
            kind = d.get("kind")
            if kind == "crosscutting":
                continue
            model = d.get("node")
            if model is not None:
                facts.model[n] = model
            facts.level[n] = d.get("level")
            level = levels.by_id(d.get("level"))
            facts.tier[n] = level.tier if level else None
            (facts.goals if kind == "goal" else facts.loose).append(n)
        parents: dict[str, list[str]] = {g: [] for g in facts.goals}
        children: dict[str, list[str]] = {g: [] for g in facts.goals}
        for u, v, kind in G.edges(data="kind"):
            if kind == "contribution":
                parents[v].append(u)
                children[u].append(v)
                facts.links += 1
            elif kind == "crosscutting":
                name = G.nodes[v].get("name") or str(v)
                if name not in facts.partners:
                    facts.partners.append(name)
                    facts.partner_keys[name] = v
                if u not in facts.crosscut_goals:
                    facts.crosscut_goals.append(u)
        facts.roots = [g for g in facts.goals if not parents[g]]
        order = {g: i for i, g in enumerate(facts.goals)}
        facts.crosscut_goals.sort(key=lambda g: order.get(g, 0))
        stack = [g for g in facts.goals if facts.tier[g] == STRATEGIC]
        facts.derived = set(stack)
        while stack:  # everything below a strategic goal (each goal visited once)
            for child in children[stack.pop()]:
                if child not in facts.derived:
                    facts.derived.add(child)
                    stack.append(child)
        facts._children = children
        facts._parents = parents
        if nx.is_frozen(G):  # a checked graph: the rules' reading of it (Index.doubtful_levels)
            facts.doubtful = frozenset(index(G).doubtful_levels)
        stack = [g for g in facts.goals if facts.tier[g] == STRATEGIC and not facts.unstated(g, ("level",))]
        facts.derived_stated = set(stack)
        while stack:
            for child in children[stack.pop()]:
                if child not in facts.derived_stated:
                    facts.derived_stated.add(child)
                    stack.append(child)
        return facts

    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _parents: dict[str, list[str]] = field(default_factory=dict, repr=False)

    # -- questions ------------------------------------------------------------------------------

    def children(self, goal: str) -> list[str]:
        return self._children.get(goal, [])

    def parents(self, goal: str) -> list[str]:
        return self._parents.get(goal, [])

    def goals_at(self, levels: Iterable[str] = ()) -> list[str]:
        chosen = set(levels)
        return [g for g in self.goals if not chosen or self.level[g] in chosen]

    def levels_covered(self) -> list[str]:
        """The canonical levels the goals stand at, from the top down."""
        present = {self.level[g] for g in self.goals}
        return [lv.id for lv in policy.levels().levels if lv.id in present]

    def has_tier(self, tier: str) -> bool:
        return any(self.tier[g] == tier for g in self.goals)

    def has(self, structure: str) -> bool:
        """The structures rules/evaluation.yaml `caps` ask about."""
        if structure == "strategic":
            return self.has_tier(STRATEGIC)
        if structure == "strategic_root":
            return any(self.tier[r] == STRATEGIC for r in self.roots)
        if structure == "operational":
            return self.has_tier(OPERATIONAL)
        if structure == "links":
            return self.links > 0
        raise ValueError(f"unknown structure {structure!r}")

    def indicators(self, node: str) -> list[Indicator]:
        model = self.model.get(node)
        return list(model.indicators) if model is not None else []

    def every_indicator(self) -> list[Indicator]:
        """The indicators of every goal, then of the indicators without a goal, in document order (the list is
        shared: not to be changed)."""
        if self._every_indicator is None:
            self._every_indicator = [i for n in (*self.goals, *self.loose) for i in self.indicators(n)]
        return self._every_indicator

    def position(self) -> dict[str, int]:
        """Node id -> its place among the goals, then the indicators without a goal (shared: not to be changed)."""
        if self._position is None:
            self._position = {n: i for i, n in enumerate((*self.goals, *self.loose))}
        return self._position

    def indicator_count(self, node: str) -> int:
        """len(self.indicators(node)), without the copy (asked for every node by several criteria)."""
        model = self.model.get(node)
        return len(model.indicators) if model is not None else 0

    def measured(self, node: str) -> bool:
        return any(carries(i, "indicator") for i in self.indicators(node))

    def owned(self, node: str) -> bool:
        model = self.model.get(node)
        return model is not None and not _blank(model.owner)

    def inferred(self, node: str, fields: Iterable[str]) -> bool:
        """Does the document mark one of `fields` of the node as inferred by its transcriber?"""
        model = self.model.get(node)
        return model is not None and not set(fields).isdisjoint(model.inferred)

    def unstated(self, node: str, fields: Iterable[str]) -> bool:
        """Is one of `fields` of the node not stated by the document: inferred by its transcriber, or (for
        "level") a level label the cascade's own structure contradicts?"""
        fields = tuple(fields)
        return self.inferred(node, fields) or ("level" in fields and node in self.doubtful)

    def top_of(self, goal: str) -> str:
        """A top goal above `goal` (itself when it has no parent): the first parent, followed up."""
        seen = {goal}
        while True:
            ups = [p for p in self.parents(goal) if p not in seen]
            if not ups:
                return goal
            goal = ups[0]
            seen.add(goal)

    def statement(self, node: str) -> str:
        model = self.model.get(node)
        if model is None:
            return node
        if model.statement:
            return quote(model.statement)
        names = [i.name for i in model.indicators if i.name]
        return quote(names[0]) if names else node

    def example(self, node: str, text: str | None = None) -> Example:
        """The node quoted and cited as the auditee's document would place it (Example.cite)."""
        model = self.model.get(node)
        ref = model.ref if model is not None else None
        row = None
        loc = model.location if model is not None else None
        if loc is not None and loc.line is not None and self.format in ("csv", "xlsx"):
            row = loc.cell() or words("evaluation").t("row", self.lang, line=loc.line)
        return Example(node, quote(text) if text else self.statement(node), ref or None, row)

    def level_counts(self, nodes: Iterable[str]) -> dict[str, int]:
        """level id -> how many of `nodes` stand at it, levels from the top down (unknown levels as "")."""
        counts: dict[str, int] = {}
        for n in nodes:
            key = self.level.get(n) or ""
            counts[key] = counts.get(key, 0) + 1
        order = {lv.id: i for i, lv in enumerate(policy.levels().levels)}
        return dict(sorted(counts.items(), key=lambda kv: order.get(kv[0], len(order))))

    def describe(self) -> dict[str, Any]:
        """The facts every evaluation shows (language-neutral)."""
        return {
            "goals": len(self.goals),
            "indicators": sum(self.indicator_count(n) for n in (*self.goals, *self.loose)),
            "levels": self.levels_covered(),
            "roots": list(self.roots),
            "partners": list(self.partners),
        }
