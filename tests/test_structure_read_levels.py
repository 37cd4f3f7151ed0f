"""structure.read_levels over whole columns reads the levels as the goal-by-goal walk it replaced: the same
implied levels (a goal reached from several parents takes what the first met going down breadth first
implies), the same contradicted, upward and inverted goals, and the same doubts — on generated trees with
several parents, circles, loops to themselves and goals without a label."""

import operator
from itertools import compress

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_graph import policy, structure


def _reference(ids, labels, links, vocabulary, *, min_inverted, min_share):
    """read_levels as it was written goal by goal (the reading the rules were built on)."""
    by_rank = sorted(vocabulary.levels, key=operator.attrgetter("rank"))
    lowest = len(by_rank) - 1
    step = {level.id: position for position, level in enumerate(by_rank)}
    count = len(ids)
    steps = [step.get(label) if label is not None else None for label in labels]
    parents, children = links
    kids = [[] for _ in range(count)]
    has_parent = [False] * count
    upward, inverted, linked = [], {}, set()
    for parent, child in zip(parents, children):
        kids[parent].append(child)
        has_parent[child] = True
        above, below = steps[parent], steps[child]
        if above is not None and below is not None:
            linked.add(child)
            if below < above:
                upward.append((ids[parent], ids[child]))
                inverted[child] = None
    implied = [None] * count
    frontier = [i for i in compress(range(count), map(operator.not_, has_parent)) if steps[i] is not None]
    for i in frontier:
        implied[i] = steps[i]
    while frontier:
        following = []
        for i in frontier:
            below = min(implied[i] + 1, lowest)
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
    doubtful = frozenset()
    if inverted and len(inverted) >= max(1, min_inverted) and len(inverted) >= min_share * len(linked):
        doubtful = frozenset(contradicted)
    return (
        {ids[i]: by_rank[s].id for i, s in enumerate(implied) if s is not None},
        tuple(contradicted),
        tuple(upward),
        tuple(ids[i] for i in inverted),
        len(linked),
        doubtful,
        compared,
    )


def _fields(reading):
    return (
        dict(reading.implied),
        reading.contradicted,
        reading.upward,
        reading.inverted,
        reading.linked,
        reading.doubtful,
        reading.goals,
    )


LEVELS = [level.id for level in policy.levels().levels]


@st.composite
def cascades(draw):
    count = draw(st.integers(0, 40))
    labels = draw(st.lists(st.sampled_from([*LEVELS, None, "unknown"]), min_size=count, max_size=count))
    links = (
        draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=80)) if count else []
    )
    links.sort(key=operator.itemgetter(1))  # child after child, as the Index gives them
    return [f"g{i}" for i in range(count)], labels, ([p for p, _ in links], [c for _, c in links])


def _read_as_reference(cascade, min_inverted, min_share):
    """read_levels over `cascade`'s columns, checked against the goal-by-goal reference; (found, expected)."""
    ids, labels, links = cascade
    vocabulary = policy.levels()
    found = structure.read_levels(ids, labels, links, vocabulary, min_inverted=min_inverted, min_share=min_share)
    expected = _reference(ids, labels, links, vocabulary, min_inverted=min_inverted, min_share=min_share)
    assert _fields(found) == expected
    assert found.implied == expected[0] and len(found.implied) == len(expected[0])
    return found, expected


@settings(max_examples=300, deadline=None)
@given(cascades(), st.integers(0, 3), st.sampled_from([0.0, 0.1, 0.5]))
def test_read_over_columns_as_goal_by_goal(cascade, min_inverted, min_share):
    found, expected = _read_as_reference(cascade, min_inverted, min_share)
    assert all(found.judged(goal) == (expected[0].get(goal) if goal in expected[5] else None) for goal in cascade[0])


@st.composite
def trees(draw):
    """Cascades whose goals have one parent at most (the usual case, read without looking for goals met twice):
    trees, and circles (a goal its own parent, or goals each other's) that no top goal reaches."""
    count = draw(st.integers(0, 40))
    labels = draw(st.lists(st.sampled_from([*LEVELS, None, "unknown"]), min_size=count, max_size=count))
    above = draw(st.lists(st.integers(-1, count - 1), min_size=count, max_size=count))  # -1: no parent
    links = [(parent, child) for child, parent in enumerate(above) if parent >= 0]
    return [f"g{i}" for i in range(count)], labels, ([p for p, _ in links], [c for _, c in links])


@settings(max_examples=300, deadline=None)
@given(trees(), st.integers(0, 3), st.sampled_from([0.0, 0.1, 0.5]))
def test_trees_of_one_parent_each(cascade, min_inverted, min_share):
    _read_as_reference(cascade, min_inverted, min_share)
