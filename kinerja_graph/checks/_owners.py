"""Owners judged once per distinct owner text (not a rule: the registry skips modules whose name starts with an
underscore): joint-owner and ambiguous-owner read how an owner text names its holders
(classify.OwnerResolver.parts) and report each distinct owner text once, on the goals that hold it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from kinerja_graph.checks._index import Index

V = TypeVar("V")


def owner_groups(ix: Index, judge: Callable[[str], V | None]) -> Iterator[tuple[V, list[str], dict]]:
    """(verdict, the ids of the nodes holding the owner, in document order, the first one's data) for every
    distinct owner text judge(owner text) finds something on (a verdict that is not None). Owners are read as
    written: each distinct text is judged once, whatever the number of goals (and indicators without a
    goal) that name it."""
    grouping = ix.node_groups(("owner",))
    nodes = ix.nodes
    verdicts: list[V | None] = []
    for position in grouping.first:
        owner = nodes[position][1].get("owner")
        verdicts.append(judge(owner) if isinstance(owner, str) and owner.strip() else None)
    labels = [number if verdict is not None else None for number, verdict in enumerate(verdicts)]
    if not any(label is not None for label in labels):
        return
    for number, positions in grouping.members(labels).items():
        verdict = verdicts[number]
        if verdict is not None:
            yield verdict, [nodes[p][0] for p in positions], nodes[positions[0]][1]
