"""Grouping.repeats finds, as whole columns, the members of the texts that stand more than once: the same members,
in the same order, as the Index's groupings give them group by group (Grouping.members of the keys that stand
more than once, counted group by group: the definition, kept here)."""

from __future__ import annotations

import collections

from hypothesis import given
from hypothesis import strategies as st

from kinerja_graph.checks._index import Grouping, _numbered


def _members_by_groups(grouping: Grouping, keys: list) -> list[list[int]]:
    per_key: collections.Counter = collections.Counter()
    for key, size in zip(keys, grouping.sizes()):
        if key:
            per_key[key] += size
    labels = [key if key and per_key[key] > 1 else None for key in keys]
    return list(grouping.members(labels).values())


def _members_by_columns(grouping: Grouping, keys: list) -> list[list[int]]:
    found = grouping.repeats(keys)
    starts = found.starts
    assert starts[0] == 0 and starts[-1] == len(found.positions)
    return [found.positions[a:b] for a, b in zip(starts, starts[1:])]


@given(st.lists(st.integers(0, 8), max_size=40), st.data())
def test_repeated_members_are_those_the_groupings_give(items: list, data) -> None:
    grouping = Grouping(_numbered(items))
    # a key per group: several groups may share one (texts equal once normalised), "" and None are no key
    keys = data.draw(
        st.lists(st.sampled_from(["a", "b", "c", "", None]), min_size=len(grouping), max_size=len(grouping))
    )
    assert _members_by_columns(grouping, keys) == _members_by_groups(grouping, keys)


def test_a_text_standing_once_is_no_repeat_and_equal_keys_join_their_groups() -> None:
    grouping = Grouping([0, 1, 2, 1, 3, 0, 4])  # groups 0..4 in order of first occurrence
    keys = ["same", "once", "same", "", None]  # groups 0 and 2 read alike; group 1 alone holds two members
    assert _members_by_columns(grouping, keys) == [[0, 2, 5], [1, 3]]
    assert grouping.repeats(["x", "y", "z", "", None]).positions == [0, 5, 1, 3]
    assert Grouping([0, 1, 2]).repeats(["a", "b", "c"]) == ([], [0])
