"""What a rule finds: a Finding is data, not a sentence.

A finding names its rule, severity, node (and the other nodes involved), where it stands in the file,
and the *arguments* of its message: the texts it quotes (already quoted: one line, shortened), the
level, field or indicator it is about, counts and lists of nodes. The words are not here: formatters
render a finding in the language asked for, from the templates its rule declares
(kinerja_graph/messages.py). This module is neutral ground between the rules that make findings and
the formatters that print them; it imports only the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kinerja_graph.model import Location

SEVERITIES = ("error", "warning", "info")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
AREAS = ("structure", "levels", "redundancy", "ownership", "indicators")
# What a finding may rest on besides the data the document states (see Finding.basis).
BASES = ("inferred", "doubtful")
# The worst severity a finding with a basis may have: a judgement on inferred or doubtful data is softened.
SOFTENED = "warning"
# What a message template may name besides the finding's args: "nodes", the finding's node followed by its
# related nodes (a group of duplicates lists them without carrying them twice).
IMPLICIT_ARGS = frozenset({"nodes"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect.

    rule      the rule id
    severity  one of SEVERITIES
    node      the node the finding is about, or None for the whole cascade
    args      the message's arguments, language-neutral (see kinerja_graph/messages.py for how they are
              rendered): quoted texts, level ids, field ids, counts, lists of nodes
    key       which of the rule's message templates (Rule.messages) words it
    related   the other nodes involved
    file, location  where the finding stands
    area, lke the rule's area and LKE criterion
    basis     None: the finding rests on data the document states. "inferred": on data the document marks
              as inferred by its transcriber (Node.inferred); "doubtful": on level labels the cascade's own
              structure contradicts. A finding with a basis is softened: its severity is at most "warning".
    """

    rule: str
    severity: str
    node: str | None
    args: Mapping[str, object] = field(default_factory=dict, hash=False)
    key: str = "default"
    related: tuple[str, ...] = ()
    file: str = ""
    location: Location | None = None
    area: str = ""
    lke: str | None = None
    basis: str | None = None

    @property
    def line(self) -> int | None:
        return self.location.line if self.location else None

    @property
    def cell(self) -> str | None:
        return self.location.cell() if self.location else None

    def sort_key(self) -> tuple:
        location = self.location  # looked at once, not through .line: the engine sorts 10^5 findings by this
        line = location.line if location else None
        return (
            self.file,
            line if line is not None else 0,
            SEVERITY_ORDER[self.severity],
            self.rule,
            self.node or "",
            self.related,
        )


def softened(severity: str) -> str:
    """The severity of a finding that has a basis: at most SOFTENED."""
    return SOFTENED if SEVERITY_ORDER[severity] < SEVERITY_ORDER[SOFTENED] else severity
