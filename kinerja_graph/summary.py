"""Facts about a cascade graph: counts per level, roots, leaves, owners. Computed once, shown by formatters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph import graph as g
from kinerja_graph import policy


@dataclass
class Summary:
    organisation: str
    organisation_type: str | None
    file: str
    period: list[int]
    goals: int
    indicators: int
    per_level: dict[str, int]  # canonical level id -> goals
    indicators_without_goal: list[str]
    roots: list[str]
    leaves: int
    owners: dict[str, int]  # owner as written -> goals owned
    without_owner: int
    crosscutting: list[str] = field(default_factory=list)
    dangling: list[tuple[str, str]] = field(default_factory=list)  # (node, missing parent)


def summarise(G: nx.DiGraph) -> Summary:
    levels = policy.levels()
    per_level = {lv.id: 0 for lv in levels.levels}
    owners: Counter = Counter()
    without_owner = 0
    indicators = 0
    loose = []
    dangling: list = []
    for n, d in G.nodes(data=True):
        if d["kind"] == "crosscutting":
            continue
        indicators += len(d["indicators"])
        if d["kind"] == "indicator":
            loose.append(n)
            continue
        if d["level"] in per_level:
            per_level[d["level"]] += 1
        if d["owner"]:
            owners[d["owner"]] += 1
        else:
            without_owner += 1
        dangling.extend((n, p) for p in d["missing_parents"])
    org = G.graph["organisation"]
    return Summary(
        organisation=org.name,
        organisation_type=org.type,
        file=G.graph["file"],
        period=list(G.graph["period"]),
        goals=sum(per_level.values()),
        indicators=indicators,
        per_level=per_level,
        indicators_without_goal=loose,
        roots=g.roots(G),
        leaves=len(g.leaves(G)),
        owners=dict(sorted(owners.items(), key=lambda kv: (-kv[1], kv[0]))),
        without_owner=without_owner,
        crosscutting=sorted(str(d["ref"]) for _, d in G.nodes(data=True) if d["kind"] == "crosscutting"),
        dangling=dangling,
    )
