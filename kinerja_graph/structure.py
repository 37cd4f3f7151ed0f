"""What a cascade's structure says about its levels: the level each goal's place in the tree implies, and
the level labels the tree contradicts.

A pohon kinerja (PermenPANRB 89/2021) goes down one condition at a time: under a tujuan (ultimate
outcome) its sasaran (intermediate outcomes), under those the sasaran program (immediate outcomes), then
the sasaran kegiatan (outputs) and the sub kegiatan or rencana aksi (processes). Read so, a goal's place
in the tree implies a level: the level of the top goal of its tree, one level down for each step down
the tree (never below the lowest level). Real cascades depart from that reading legitimately — two
layers of intermediate outcome, a kecamatan tree that starts at its sasaran, rencana aksi below sub
kegiatan — so the reading alone never makes a label doubtful.

What does is a tree that contradicts its own labels: a goal labelled *above* the goal it contributes to
(an outcome under an output) says the cause comes before the effect, which no legitimate cascade does.
One such goal is a defect of its own (level-inversion reports it). Several, and a good share of the goals
whose level can be compared with their parent's, mean the labels as a whole do not follow the tree (Batumandi's Tahap 5 labels, written apart from its Tahap 3 tree): then every goal
whose label names another *tier* (strategic, tactical, operational) than its place in the tree implies is
doubtful, and the rules that judge levels judge those goals by their place in the tree instead, leaving
the one note of level-label-conflict to carry the weight (kinerja_graph/checks/_index.py,
Index.doubtful_levels).

`read_levels` is the one analysis: the Index calls it for the rules, and a renderer or an evaluator may
call `graph_levels` on a graph. Both are linear in the number of goals and links.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress

import networkx as nx

from kinerja_graph import policy


@dataclass(frozen=True)
class LevelReading:
    """What the structure says about the labels of one cascade.

    implied       goal id -> the level id its place in the tree implies (goals under a top goal whose level
                  is known; none for the goals of a circle, which no top goal reaches)
    contradicted  the goals whose label names another tier than the level implied, in document order
    upward        (parent, child) of the contribution links whose child is labelled above its parent, in
                  document order of the children
    inverted      the goals labelled above a goal they contribute to (the children of `upward`), in order
    linked        how many goals have a level and a parent with a level: what `inverted` is a share of
    doubtful      the goals whose label is doubtful: `contradicted` when at least `min_inverted` goals, and
                  at least the share `min_share` of the `linked` goals, are inverted; else none
    goals         how many goals have a label and a place in the tree the reading compared
    """

    implied: Mapping[str, str] = field(default_factory=dict)
    contradicted: tuple[str, ...] = ()
    upward: tuple[tuple[str, str], ...] = ()
    inverted: tuple[str, ...] = ()
    linked: int = 0
    doubtful: frozenset[str] = frozenset()
    goals: int = 0

    def judged(self, goal: str) -> str | None:
        """The level the rules judge a doubtful goal by (its place in the tree), None for another goal."""
        return self.implied.get(goal) if goal in self.doubtful else None


def read_levels(
    ids: Sequence[str],
    labels: Sequence[str | None],
    links: tuple[Sequence[int], Sequence[int]],
    vocabulary: policy.LevelVocabulary,
    *,
    min_inverted: int,
    min_share: float,
) -> LevelReading:
    """The structure's reading of the labels of the goals `ids` (labels: their level ids, None for none),
    linked by `links` = (parents, children), positions in `ids`, child after child in document order.

    Each goal's implied level: the level of the top goal of its tree (a goal without a parent), one level
    further down for each step down the tree, the lowest level at most. A goal reached from several
    parents takes the level implied through the first one met going down the trees breadth first."""
    by_rank = sorted(vocabulary.levels, key=operator.attrgetter("rank"))
    lowest = len(by_rank) - 1
    step = {level.id: position for position, level in enumerate(by_rank)}  # level id -> its step from the top
    count = len(ids)
    steps = [step.get(label) if label is not None else None for label in labels]
    parents, children = links
    kids: list[list[int]] = [[] for _ in range(count)]
    has_parent = [False] * count
    upward: list[tuple[str, str]] = []
    inverted: dict[int, None] = {}
    linked = set()
    for parent, child in zip(parents, children):
        kids[parent].append(child)
        has_parent[child] = True
        above, below = steps[parent], steps[child]
        if above is not None and below is not None:
            linked.add(child)
            if below < above:
                upward.append((ids[parent], ids[child]))
                inverted[child] = None
    # breadth first from the top goals: a goal reached from several parents takes what the first implies
    implied: list[int | None] = [None] * count
    frontier = [i for i in compress(range(count), map(operator.not_, has_parent)) if steps[i] is not None]
    for i in frontier:
        implied[i] = steps[i]
    while frontier:
        following = []
        for i in frontier:
            below = min(implied[i] + 1, lowest)  # type: ignore[operator]  # set before i joins a frontier
            for child in kids[i]:
                if implied[child] is None:
                    implied[child] = below
                    following.append(child)
        frontier = following
    contradicted = []
    compared = 0
    for i in range(count):
        own, place = steps[i], implied[i]
        if own is None or place is None:
            continue
        compared += 1
        if by_rank[own].tier != by_rank[place].tier:
            contradicted.append(ids[i])
    doubtful: frozenset[str] = frozenset()
    if inverted and len(inverted) >= max(1, min_inverted) and len(inverted) >= min_share * len(linked):
        doubtful = frozenset(contradicted)
    return LevelReading(
        implied={ids[i]: by_rank[s].id for i, s in enumerate(implied) if s is not None},
        contradicted=tuple(contradicted),
        upward=tuple(upward),
        inverted=tuple(ids[i] for i in inverted),
        linked=len(linked),
        doubtful=doubtful,
        goals=compared,
    )


def graph_levels(
    G: nx.DiGraph, *, min_inverted: int, min_share: float, vocabulary: policy.LevelVocabulary | None = None
) -> LevelReading:
    """read_levels on a graph built by kinerja_graph/graph.py (for a renderer or an evaluator; the rules
    have it from the Index). `min_inverted`, `min_share`: the rule pack's `level-label-conflict` options
    `min-inverted` and `min-inverted-share`."""
    goals = sorted(((n, d) for n, d in G.nodes(data=True) if d.get("kind") == "goal"), key=lambda nd: nd[1]["order"])
    position = {n: i for i, (n, _) in enumerate(goals)}
    parents: list[int] = []
    children: list[int] = []
    for n, _ in goals:
        for u in G.predecessors(n):
            if u in position and G.edges[u, n].get("kind") == "contribution":
                parents.append(position[u])
                children.append(position[n])
    return read_levels(
        [n for n, _ in goals],
        [d.get("level") for _, d in goals],
        (parents, children),
        vocabulary or policy.levels(),
        min_inverted=min_inverted,
        min_share=min_share,
    )
