"""What stands more than once: the members of repeated groups, as whole columns (not a rule: the registry skips
modules whose name starts with an underscore).

duplicate-statement and duplicate-indicator report each text that stands more than once: at 10^5 goals some
11,000 and 12,000 texts, held by 80,000 and 130,000 members. The members of every repeated text are found at
once here, in numpy, instead of group by group in Python.
"""

from __future__ import annotations

from typing import NamedTuple

from kinerja_graph.checks._index import Grouping, Numbering


class Repeats(NamedTuple):
    """The members of the texts that stand more than once, text after text in order of first occurrence.

    positions  the members' positions (Index.nodes or Index.indicators), each text's in document order
    starts     where each text's members start in `positions`, and len(positions) at the end
    """

    positions: list[int]
    starts: list[int]


def repeats(grouping: Grouping, keys: list) -> Repeats:
    """The members of the groups whose key (keys[number], "" or None for none) the groups hold more than one
    member of in all: grouping.members(grouping.repeated(keys)) as one column."""
    import numpy as np  # (imported when first used: the registry imports every rule at start-up)

    numbering = Numbering()
    label = np.fromiter(map(numbering.__getitem__, keys), dtype=np.intp, count=len(keys))  # equal keys, equal labels
    of = np.asarray(grouping.of, dtype=np.intp)
    totals = np.bincount(label, weights=np.bincount(of, minlength=len(keys)), minlength=len(numbering))
    kept = totals > 1  # the labels of texts that stand more than once
    for none in ("", None):
        if none in numbering:
            kept[numbering[none]] = False
    renumbered = np.where(kept, np.cumsum(kept) - 1, -1)  # 0, 1, ... in their order; -1 for the others
    item_label = renumbered[label][of]
    chosen = np.flatnonzero(item_label >= 0)
    order = np.argsort(item_label[chosen], kind="stable")  # text after text, each one's members in order
    counts = np.bincount(item_label[chosen], minlength=int(kept.sum()))
    starts = np.concatenate(([0], np.cumsum(counts)))
    return Repeats(chosen[order].tolist(), starts.tolist())
