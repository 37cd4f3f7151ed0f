"""Where each box goes: its band, which goals are orphans, where an indicator without a goal sits.

Two layouts (``--layout``):

``level``
    One band per declared level (rules/levels.yaml). A goal whose level is unknown is placed by its
    position (one band below its parent, else one above its highest child) and says so.
``structure``
    One band per place in the tree: a goal's band is its depth below the top of the cascade (the
    longest chain of parents above it), so that every arrow points up one band. Boxes keep the
    colour of their declared level; where that level differs from the level their place suggests
    (the top goals' level plus the depth), the goal is listed in ``mismatch``.

Both layouts share the rest:

* The *intended roots* are the top goals of the cascade: goals without a parent at the highest
  level among parentless goals that have children (Pino Raya's eight programs, Praya's one
  ultimate outcome). Other parentless goals, and goals whose parent does not exist, are *orphans*:
  they and the goals under them are gathered in one marked frame.
* An indicator without a goal (a node with no statement) is drawn below the goal its document names
  as its parent, else beside a goal of the same owner, else in a marked tray in the lowest band.
  Never in a band of its own choosing: it has no level.

Everything here is computed once per graph and is the same on every page.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph import policy

LAYOUTS = ("level", "structure")
DRAWABLE = ("goal", "indicator")


@dataclass
class Placement:
    mode: str
    order: dict[str, int]  # every drawable node -> document order
    band: dict[str, int] = field(default_factory=dict)  # node -> band key (a rank, or a depth)
    kids: dict[str, list[str]] = field(default_factory=dict)  # contribution children (goals), document order
    parents: dict[str, list[str]] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)  # the intended top goals
    orphans: list[str] = field(default_factory=list)  # parentless goals that are not intended roots
    orphan_group: set[str] = field(default_factory=set)  # the orphans and every goal only they reach
    attached: dict[str, str] = field(default_factory=dict)  # indicator without a goal -> the goal it hangs on
    beside: set[str] = field(default_factory=set)  # ...of which these sit beside (same owner), not below
    tray: list[str] = field(default_factory=list)  # indicators without a goal and without a place
    by_position: set[str] = field(default_factory=set)  # level layout: unknown level, placed by position
    top_rank: int = 0  # the level (rank) of the intended roots
    expected: dict[str, int | None] = field(default_factory=dict)  # structure: goal -> rank its place suggests
    mismatch: set[str] = field(default_factory=set)  # structure: declared level differs from the place
    # either layout: how many goals the structure layout lists in `mismatch` (the level layout's hint to use it)
    misplaced: int = 0

    def sort(self, nodes) -> list[str]:
        return sorted(nodes, key=self.order.__getitem__)

    def attachments(self, goal: str) -> list[str]:
        return [i for i, g in self.attached.items() if g == goal]


def _norm(text) -> str:
    return " ".join(str(text or "").casefold().split())


def place(G: nx.DiGraph, mode: str = "level") -> Placement:
    if mode not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    order = {n: d["order"] for n, d in G.nodes(data=True) if d["kind"] in DRAWABLE}
    p = Placement(mode, order)
    goals = sorted((n for n in order if G.nodes[n]["kind"] == "goal"), key=order.__getitem__)
    p.kids = {n: [] for n in goals}
    p.parents = {n: [] for n in goals}
    for u, v, d in G.edges(data=True):
        if d.get("kind") == "contribution" and u in p.kids and v in p.kids:
            p.kids[u].append(v)
            p.parents[v].append(u)
    for lst in (*p.kids.values(), *p.parents.values()):
        lst.sort(key=order.__getitem__)
    rank = {n: G.nodes[n]["rank"] for n in goals}

    # intended roots and orphans
    parentless = [n for n in goals if not p.parents[n]]
    candidates = [n for n in parentless if not G.nodes[n]["missing_parents"]]
    with_kids = [n for n in candidates if p.kids[n]] or candidates
    ranks = [rank[n] for n in with_kids if rank[n] is not None]
    top = min(ranks) if ranks else None
    p.roots = [n for n in with_kids if rank[n] == top] if top is not None else list(with_kids)
    p.top_rank = top if top is not None else 0
    intended = set(p.roots)
    p.orphans = [n for n in parentless if n not in intended]
    reached = _below(p.roots, p.kids)
    p.orphan_group = _below(p.orphans, p.kids) - reached

    # bands of the goals
    base = {n: 0 for n in p.roots}
    for n in p.orphans:
        r = rank[n]
        base[n] = max(0, r - p.top_rank) if r is not None else 0
    depth = _depths(goals, p.kids, p.parents, base)
    levels = policy.levels()
    lowest = max(lv.rank for lv in levels.levels)
    # the rank each goal's place suggests, and the goals whose declared level differs from it: the structure
    # layout's (the depths are the same in both layouts; the level layout counts them for its hint)
    expected = {n: want if (want := p.top_rank + depth[n]) <= lowest else None for n in goals}
    mismatch = {n for n in goals if rank[n] is not None and rank[n] != expected[n]}
    p.misplaced = len(mismatch)
    if mode == "structure":
        p.band = dict(depth)
        p.expected, p.mismatch = expected, mismatch
    else:
        for n in sorted(goals, key=lambda n: (depth[n], order[n])):  # parents before children
            if rank[n] is not None:
                p.band[n] = rank[n]
                continue
            p.by_position.add(n)
            above = [p.band[u] for u in p.parents[n] if u in p.band]
            if above:
                p.band[n] = min(max(above) + 1, lowest)
        for n in sorted(goals, key=lambda n: (-depth[n], order[n])):  # children before parents
            if n not in p.band:
                below = [p.band[v] for v in p.kids[n] if v in p.band]
                p.band[n] = max(min(below) - 1, 0) if below else lowest

    # indicators without a goal
    deepest = max(p.band.values(), default=lowest if mode == "level" else 0)
    by_owner: dict[str, str] = {}
    for n in goals:
        owner = _norm(G.nodes[n].get("owner"))
        if owner and owner not in by_owner:
            by_owner[owner] = n
    cap = lowest if mode == "level" else None
    for n in sorted((n for n in order if G.nodes[n]["kind"] == "indicator"), key=order.__getitem__):
        node = G.nodes[n].get("node")
        parent = next((u for u in getattr(node, "parents", None) or () if u in p.kids), None)
        if parent is not None:
            p.attached[n] = parent
            under = p.band[parent] + 1
            p.band[n] = min(under, cap) if cap is not None else under
            continue
        mate = by_owner.get(_norm(G.nodes[n].get("owner")))
        if mate is not None:
            p.attached[n] = mate
            p.beside.add(n)
            p.band[n] = p.band[mate]
            continue
        p.tray.append(n)
        p.band[n] = deepest
    return p


def _below(start, kids) -> set[str]:
    seen = set(start)
    stack = list(start)
    while stack:
        for v in kids[stack.pop()]:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return seen


def _depths(goals: list[str], kids, parents, base: dict[str, int]) -> dict[str, int]:
    """Each goal's depth: the longest chain of parents above it (from `base` at the parentless
    goals). A cycle is broken at its first goal in document order."""
    indegree = {n: len(parents[n]) for n in goals}
    depth = {n: base.get(n, 0) for n in goals if indegree[n] == 0}
    queue = deque(n for n in goals if indegree[n] == 0)
    done: set[str] = set()
    pending = iter(goals)
    while True:
        while queue:
            n = queue.popleft()
            done.add(n)
            for v in kids[n]:
                if v in done:
                    continue
                depth[v] = max(depth.get(v, 0), depth[n] + 1)
                indegree[v] -= 1
                if indegree[v] == 0:
                    queue.append(v)
        start = next((m for m in pending if m not in done), None)
        if start is None:
            return depth
        depth.setdefault(start, 0)
        indegree[start] = -1  # never queued again by a parent inside the cycle
        queue.append(start)
