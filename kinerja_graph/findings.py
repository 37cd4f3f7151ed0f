"""What a rule finds: a Finding is data, not a sentence.

A finding names its rule, severity, node (and the other nodes involved), where it stands in the file,
and the *arguments* of its message: the texts it quotes (already quoted: one line, shortened), the
level, field or indicator it is about, counts and lists of nodes. The words are not here: formatters
render a finding in the language asked for, from the templates its rule declares
(kinerja_graph/messages.py). This module is neutral ground between the rules that make findings and
the formatters that print them; it imports only the model.
"""

from __future__ import annotations

import operator
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


_FILE, _SEVERITY, _RULE = operator.attrgetter("file"), operator.attrgetter("severity"), operator.attrgetter("rule")
_LOCATION, _LINE = operator.attrgetter("location"), operator.attrgetter("location.line")
_LINE_LIMIT, _RULE_LIMIT = 1 << 40, 1 << 16  # lines and rules below these make, with the severity, one 64-bit number


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """The findings in the order of Finding.sort_key (a stable sort: as sorted(findings, key=Finding.sort_key)).

    At 10^6 goals a check makes 7·10^5 findings, and a Python call of sort_key per finding costs a second.
    When they are all Findings of one file (a checked graph's), the key's first parts (line, severity,
    rule) are read as whole columns and made one number per finding, sorted stably in numpy; only the
    findings that tie on those (a few in ten) are put in order by the rest (node, related) in Python.
    Anything else is sorted by sort_key itself."""
    count = len(findings)
    if count < 4096 or not {Finding}.issuperset(map(type, findings)):  # (a subclass may sort otherwise)
        return sorted(findings, key=Finding.sort_key)
    files = list(map(_FILE, findings))
    if files.count(files[0]) != count:
        return sorted(findings, key=Finding.sort_key)
    import numpy as np  # (imported when first used)

    try:
        try:
            lines = list(map(_LINE, findings))  # each finding's location.line
        except AttributeError:  # a finding without a location
            lines = [location.line if location else None for location in map(_LOCATION, findings)]
        kinds = set(map(type, lines))
        if type(None) in kinds:  # (sort_key sorts a finding without a line as line 0)
            lines = [0 if line is None else line for line in lines]
            kinds.discard(type(None))
        if not kinds <= {int}:
            raise TypeError("a line that is not a number")
        rules = list(map(_RULE, findings))
        rank = {rule: number for number, rule in enumerate(sorted(set(rules)))}
        severities = map(SEVERITY_ORDER.__getitem__, map(_SEVERITY, findings))
        line = np.fromiter(lines, dtype=np.int64, count=count)
        if not 0 <= int(line.min()) <= int(line.max()) < _LINE_LIMIT or len(rank) > _RULE_LIMIT:
            raise OverflowError("a line out of range")
    except (TypeError, OverflowError):
        return sorted(findings, key=Finding.sort_key)
    key = (line * len(SEVERITY_ORDER) + np.fromiter(severities, dtype=np.int64, count=count)) * len(rank)
    key += np.fromiter(map(rank.__getitem__, rules), dtype=np.int64, count=count)
    order = np.argsort(key, kind="stable")
    out = list(map(findings.__getitem__, order.tolist()))
    key = key[order]
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1], [True])))  # each run of equal keys
    tied = np.flatnonzero(np.diff(starts) > 1)  # the runs of more than one finding
    for start, end in zip(starts[tied].tolist(), starts[tied + 1].tolist()):
        if end - start == 2:  # (most ties: a pair, put in order without a sort of its own)
            first, second = out[start], out[start + 1]
            if _rest(second) < _rest(first):
                out[start], out[start + 1] = second, first
        else:
            out[start:end] = sorted(out[start:end], key=_rest)
    return out


def _rest(finding: Finding) -> tuple:
    """What of Finding.sort_key follows the rule: the node and the related nodes."""
    return finding.node or "", finding.related
