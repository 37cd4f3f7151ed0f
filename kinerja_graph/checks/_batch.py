"""Findings gathered one by one and made together (not a rule: the registry skips modules whose name starts with
an underscore).

A rule that reports 10^4–10^5 findings of a few messages gathers each one's node, location and arguments in the
order the findings are to stand, and has them made message by message (Context.findings: the checks
Context.finding makes per call, made once per message), then back in that order.

    batch = Batch()
    for ...:
        batch.add(key, node, location, {"indicator": ...})
    yield from batch.made(ctx)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja_graph.checks.base import Context
    from kinerja_graph.findings import Finding
    from kinerja_graph.model import Location


class Batch:
    """The findings to make, by message key: (their places in the order, nodes, related nodes, locations,
    arguments)."""

    __slots__ = ("_by_key", "_count")

    def __init__(self) -> None:
        self._by_key: dict[str, tuple[list, list, list, list, list]] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, key: str, node: str | None, location: Location | None, args: dict, related: tuple = ()) -> None:
        """One finding of message `key` on `node`, as Context.finding(node, key, related=related,
        location=location, **args) makes it (without rests_on): after those added before it."""
        made = self._by_key.get(key)
        if made is None:
            made = self._by_key[key] = ([], [], [], [], [])
        made[0].append(self._count)
        made[1].append(node)
        made[2].append(related)
        made[3].append(location)
        made[4].append(args)
        self._count += 1

    def made(self, ctx: Context) -> list[Finding]:
        """The findings, in the order they were added."""
        out: list = [None] * self._count
        for key, (at, nodes, related, locations, args) in self._by_key.items():
            for k, finding in zip(at, ctx.findings(key, nodes, related=related, locations=locations, args=args)):
                out[k] = finding
        return out
