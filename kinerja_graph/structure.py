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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat

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
    import numpy as np  # (here: a run that reads no levels does not pay for importing it)

    by_rank = sorted(vocabulary.levels, key=operator.attrgetter("rank"))
    lowest = len(by_rank) - 1
    step = {level.id: position for position, level in enumerate(by_rank)}  # level id -> its step from the top
    count = len(ids)
    # Whole columns at once (numpy): each goal's step (-1 for no known label), the links as two arrays of
    # positions; Python runs once per layer of the trees, not once per goal or link.
    steps = np.fromiter(map(step.get, labels, repeat(-1)), dtype=np.int64, count=count)  # type: ignore[arg-type]
    parents = np.asarray(links[0], dtype=np.int64)
    children = np.asarray(links[1], dtype=np.int64)
    above, below = steps[parents], steps[children]
    both = (above >= 0) & (below >= 0)
    # the goals with a level and a parent with a level (marked: np.unique would sort the links)
    marked = np.zeros(count, dtype=bool)
    marked[children[both]] = True
    linked = int(np.count_nonzero(marked))
    up = np.flatnonzero(both & (below < above))  # the links whose child is labelled above its parent
    up_parents, up_children = parents[up].tolist(), children[up].tolist()
    upward = list(zip(map(ids.__getitem__, up_parents), map(ids.__getitem__, up_children)))
    inverted = dict.fromkeys(up_children)  # in order of first occurrence
    # breadth first from the top goals: a goal reached from several parents takes what the first implies
    has_parent = np.zeros(count, dtype=bool)
    has_parent[children] = True
    once = int(np.count_nonzero(has_parent)) == children.size  # no goal has several parents (the usual case)
    implied = np.full(count, -1, dtype=np.int64)
    frontier = np.flatnonzero(~has_parent & (steps >= 0))
    implied[frontier] = steps[frontier]
    # each goal's children, in the order of the links: kids[start[i]:start[i] + counts[i]]
    order = np.argsort(parents, kind="stable")
    kids = children[order]
    counts = np.bincount(parents, minlength=count)
    start = np.cumsum(counts) - counts
    while frontier.size:
        sizes = counts[frontier]
        total = int(sizes.sum())
        if not total:
            break
        # the children of the frontier's goals, goal after goal, each with the level its parent implies below it
        offsets = np.repeat(start[frontier] - (np.cumsum(sizes) - sizes), sizes) + np.arange(total)
        met = kids[offsets]
        levels = np.repeat(np.minimum(implied[frontier] + 1, lowest), sizes)
        fresh = implied[met] < 0
        met, levels = met[fresh], levels[fresh]
        if once:  # each goal is met once in all, by its one link: the children met are distinct already
            frontier = met
            implied[frontier] = levels
            continue
        first = np.sort(np.unique(met, return_index=True)[1])  # each child as it is first met
        frontier = met[first]
        implied[frontier] = levels[first]
    # the goals whose label names another tier than the level their place implies
    tier_numbers: dict = {}
    tiers = np.array([tier_numbers.setdefault(level.tier, len(tier_numbers)) for level in by_rank] or [0])
    compared_at = np.flatnonzero((steps >= 0) & (implied >= 0))
    differ = tiers[steps[compared_at]] != tiers[implied[compared_at]]
    contradicted = list(map(ids.__getitem__, compared_at[differ].tolist()))
    doubtful: frozenset[str] = frozenset()
    if inverted and len(inverted) >= max(1, min_inverted) and len(inverted) >= min_share * linked:
        doubtful = frozenset(contradicted)
    return LevelReading(
        implied=_Implied(ids, implied, [level.id for level in by_rank]),
        contradicted=tuple(contradicted),
        upward=tuple(upward),
        inverted=tuple(map(ids.__getitem__, inverted)),
        linked=linked,
        doubtful=doubtful,
        goals=int(compared_at.size),
    )


class _Implied(Mapping[str, str]):
    """LevelReading.implied: goal id -> the level id its place in the tree implies, spelled out as a dict only
    when first asked for (most readings doubt no label, and then nobody asks: 10^5 entries not made)."""

    __slots__ = ("_ids", "_steps", "_names", "_found")

    def __init__(self, ids: Sequence[str], steps, names: list[str]) -> None:
        self._ids, self._steps, self._names = ids, steps, names  # steps: each goal's, -1 for none (numpy)
        self._found: dict[str, str] | None = None

    def _mapping(self) -> dict[str, str]:
        if self._found is None:
            placed = (self._steps >= 0).nonzero()[0]
            goals = map(self._ids.__getitem__, placed.tolist())
            self._found = dict(zip(goals, map(self._names.__getitem__, self._steps[placed].tolist())))
        return self._found

    def __getitem__(self, goal: str) -> str:
        return self._mapping()[goal]

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())

    def __repr__(self) -> str:
        return repr(self._mapping())


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
