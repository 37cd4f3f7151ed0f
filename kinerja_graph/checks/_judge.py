"""Deciding once per distinct text (not a rule: the registry skips modules whose name starts with an
underscore).

Texts repeat massively in real cascades: 10^5 indicators may hold a few hundred distinct names, units
and formulas. So a rule does not judge each item; it judges each *group* of items that agree on the
fields its judgement reads (Index.indicator_groups, Index.node_groups), with the group's first item, and
the verdict stands for every member. The one discipline: `judge` must read nothing of the item but those
fields, else a verdict could be wrong for another member.

    for n, data, indicator, verdict in judged_indicators(ctx.index, ("unit",), judge): ...
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable, Iterator
from itertools import compress

from kinerja_graph.checks._index import _TEXT_TYPES, Grouping, Index
from kinerja_graph.checks._reading import picked


def judged_groups(ix: Index, fields: tuple[str, ...], judge: Callable) -> tuple[Grouping, list]:
    """The indicators grouped by `fields` (Index.indicator_groups), and judge(the group's first indicator)
    for each group, by group number."""
    grouping = ix.indicator_groups(fields)
    return grouping, list(map(judge, map(ix.indicators.objects.__getitem__, grouping.first)))


def judged_indicators(ix: Index, fields: tuple[str, ...], judge: Callable) -> Iterator[tuple]:
    """(node id, node data, indicator, verdict) for every indicator judge() finds something on (a verdict
    that is not None), in document order; judge is asked once per group, as judged_groups() asks it."""
    return judged_members(ix, *judged_groups(ix, fields, judge))


def judged_members(ix: Index, grouping: Grouping, verdicts: list) -> Iterator[tuple]:
    """(node id, node data, indicator, verdict) for every indicator of a group of `grouping` (of
    ix.indicators) whose verdict (one per group, in group order) is not None, in document order."""
    chosen = [verdict is not None for verdict in verdicts]
    if not any(chosen):
        return
    items = ix.indicators
    for position, number in zip(*picked(ix, grouping, chosen)):
        n, d, indicator = items[position]
        yield n, d, indicator, verdicts[number]


def judged_among(ix: Index, positions: Iterable[int], fields: tuple[str, ...], judge: Callable) -> Iterator[tuple]:
    """judged_indicators() for the indicators at `positions` alone (positions in Index.indicators, in
    document order): for a rule that first sorts out, from a few fields, the many indicators it has nothing
    to say about. judge is asked once per distinct combination of `fields` among them."""
    items = ix.indicators
    positions = list(positions)
    keys = zip(*(ix.indicator_groups((name,)).numbers(positions) for name in fields))
    verdicts: dict = {}
    for position, key in zip(positions, keys):
        verdict = verdicts.get(key, verdicts)
        if verdict is verdicts:  # not judged yet
            verdict = verdicts[key] = judge(items[position][2])
        if verdict is not None:
            n, d, indicator = items[position]
            yield n, d, indicator, verdict


def judged_nodes(ix: Index, fields: tuple[str, ...], judge: Callable) -> Iterator[tuple]:
    """(node id, node data, verdict) for every node (goal or indicator without a goal) judge() finds
    something on, in document order: judge(node data) is asked once per group of nodes agreeing on
    `fields` (Index.node_groups), with the first node's data, and must read nothing else.

    When `fields` hold the level ("level", "rank", "tier"), a goal whose level label the structure makes
    doubtful (Index.judged_apart) is judged, and given, with the level its place in the tree implies."""
    grouping = ix.node_groups(fields)
    nodes = ix.nodes
    apart = _apart(ix, fields)
    verdicts = [judge(nodes[position][1]) for position in grouping.first]
    chosen = [verdict is not None for verdict in verdicts]
    found: list[tuple] = []
    if any(chosen):
        positions = grouping.positions(chosen)
        for position, number in zip(positions, grouping.numbers(positions)):
            if position not in apart:
                n, d = nodes[position]
                found.append((position, n, d, verdicts[number]))
    if apart:
        found.extend(_judged_apart(ix, apart, fields, judge))
        found.sort(key=_POSITION)
    for _, n, d, verdict in found:
        yield n, d, verdict


def judged_nodes_among(
    ix: Index, positions: Iterable[int], fields: tuple[str, ...], judge: Callable
) -> Iterator[tuple]:
    """judged_nodes() for the nodes at `positions` alone (positions in Index.nodes, in document order): for a
    rule that first sorts out, from a field or two, the many nodes it has nothing to say about. judge(node
    data) is asked once per distinct combination of `fields` among them (values that are neither texts nor
    None apart, as node_groups() keeps them). A goal whose level is doubtful is judged as judged_nodes()
    judges it (pick its position from Index.judged_values)."""
    nodes = ix.nodes
    apart = _apart(ix, fields)
    verdicts: dict = {}
    for position in positions:
        d = apart.get(position) if apart else None
        if d is None:
            n, d = nodes[position]
        else:
            n = nodes[position][0]
        key = tuple(value if type(value) in _TEXT_TYPES else object() for value in map(d.get, fields))
        verdict = verdicts.get(key, verdicts)
        if verdict is verdicts:  # not judged yet
            verdict = verdicts[key] = judge(d)
        if verdict is not None:
            yield n, d, verdict


_LEVEL_FIELDS = frozenset({"level", "rank", "tier"})
_POSITION = operator.itemgetter(0)


def _apart(ix: Index, fields: tuple[str, ...]) -> dict:
    """Index.judged_apart() when `fields` read a goal's level, else nothing."""
    return {} if _LEVEL_FIELDS.isdisjoint(fields) else ix.judged_apart()


def _judged_apart(ix: Index, apart: dict, fields: tuple[str, ...], judge: Callable) -> Iterator[tuple]:
    """(position, node id, judged data, verdict) of the goals in `apart` (position -> the data they are judged
    by) judge() finds something on, asked once per distinct combination of `fields`."""
    verdicts: dict = {}
    for position in sorted(apart):
        d = apart[position]
        key = tuple(value if type(value) in _TEXT_TYPES else object() for value in map(d.get, fields))
        verdict = verdicts.get(key, verdicts)
        if verdict is verdicts:
            verdict = verdicts[key] = judge(d)
        if verdict is not None:
            yield position, ix.nodes[position][0], d, verdict


def count_nodes(ix: Index, fields: tuple[str, ...], test: Callable) -> int:
    """How many nodes pass test(node data), asked once per group, as judged_nodes() asks judge."""
    grouping = ix.node_groups(fields)
    nodes = ix.nodes
    return sum(size for size, position in zip(grouping.sizes(), grouping.first) if test(nodes[position][1]))


def count_indicators(ix: Index, fields: tuple[str, ...], test: Callable) -> int:
    """How many indicators pass test(indicator), asked once per group, as judged_groups() asks judge."""
    grouping, passed = judged_groups(ix, fields, test)
    return sum(size for size, ok in zip(grouping.sizes(), passed) if ok)


def link_ranks(ix: Index) -> tuple[list, list]:
    """(parent's rank, child's rank) of every contribution link, in the order of Index.links(), an unknown
    rank as NaN (every comparison with it is false), worked out once per graph; a goal whose level is
    doubtful has the rank its place in the tree implies (Index.judged_values)."""

    def compute() -> tuple[list, list]:
        known = [math.nan if rank is None else rank for rank in ix.judged_values("rank")]
        parents, children = ix.links()
        return list(map(known.__getitem__, parents)), list(map(known.__getitem__, children))

    return ix.shared("link ranks", compute)


def ranked_links(ix: Index, picks: Callable[[list, list], Iterable[bool]]) -> Iterator[tuple]:
    """(child, its data, parent, its data, child's rank, parent's rank) of the contribution links whose
    goals both have a rank and pass `picks`, in document order.

    picks(parent_ranks, child_ranks) -> one boolean per link: the test written over whole columns (operator
    maps, no Python call per link), which narrows 10^5 links to the few worth a look. An unknown rank is NaN
    there, so a test made of comparisons is false for a link with a goal of unknown level. A goal whose
    level is doubtful is compared, and given, with the level its place in the tree implies (link_ranks,
    Index.judged_data).
    """
    nodes = ix.nodes
    parents, children = ix.links()  # child after child in document order, as the goals were read
    parent_ranks, child_ranks = link_ranks(ix)
    for link in compress(range(len(children)), picks(parent_ranks, child_ranks)):
        rank, parent_rank = child_ranks[link], parent_ranks[link]
        if rank != rank or parent_rank != parent_rank:  # NaN: a goal of unknown level (a test that is not a comparison)
            continue
        n, d = nodes[children[link]]
        p, pd = nodes[parents[link]]
        yield n, ix.judged_data(n, d), p, ix.judged_data(p, pd), rank, parent_rank
