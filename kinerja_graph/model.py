"""The in-memory cascade: what every loader produces and everything downstream reads.

A cascade is an organisation, a period and an ordered list of nodes. A node with a statement is a
*goal* (ultimate/intermediate/immediate outcome, output or process); a node without a statement but
with indicators is an *indicator without a goal* (kept so that the checker can report it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

_NOT_TEXT = object()  # (a key of another type than str: see keeping_hashes)


def keeping_hashes(mapping: dict | None = None) -> dict:
    """`mapping` (an empty dict, or a new one), made to keep each key's hash beside the key: for the dicts
    of all of a cascade's ids (10^6 of them in the largest cascades).

    CPython keeps a dict whose keys have all been str without their hashes (a str holds its own), so every
    occupied slot a look-up or an insert passes on its way has it read the key object there: in a dict of
    10^6 ids, a cache miss each. A dict that has once held a key of another type keeps the hashes in its
    table beside the keys, and goes on doing so as it grows; a slot holding another key is then passed
    without reading that key. Measured alone, 10^6 inserts or look-ups of ids take about half the time, for
    8 more bytes an entry. The dict is the same in every other way (keys, order, equality, copies): the key
    of another type is taken out again at once. `mapping` is changed in place (a graph's own dicts are
    made by networkx) and returned."""
    if mapping is None:
        mapping = {}
    mapping[_NOT_TEXT] = None
    del mapping[_NOT_TEXT]
    return mapping


class Location(NamedTuple):
    """Where something stands in its file: a line (YAML/JSON), a row (CSV) or a cell (XLSX).

    Immutable. A named tuple rather than a frozen dataclass: a 10^5-node cascade holds a quarter of a
    million of them, and a tuple is made four times faster and takes half the memory.
    """

    file: str
    line: int | None = None  # 1-based line (YAML/JSON) or row (CSV/XLSX)
    kind: str = "line"  # "line", "row" or "cell"
    sheet: str | None = None
    column: str | None = None  # XLSX column letter, when the place is one cell

    def cell(self, column: str | None = None) -> str | None:
        """The spreadsheet reference ("Pohon!C37") of this row in `column`, for XLSX locations."""
        col = column or self.column
        if self.kind != "cell" or self.line is None or col is None:
            return None
        sheet = self.sheet or ""
        if sheet and not sheet.replace("_", "").isalnum():
            sheet = "'" + sheet.replace("'", "''") + "'"
        return f"{sheet}!{col}{self.line}" if sheet else f"{col}{self.line}"

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        if self.kind == "cell":
            ref = self.cell() or f"{self.sheet}!{self.line}"
            return f"{self.file}:{ref}"
        if self.kind == "row":
            return f"{self.file}:row {self.line}"
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Target:
    """A yearly target as written, with its parsed number and unit when it has them (immutable:
    equal texts share one parsed Target)."""

    text: str
    value: float | None = None
    unit: str | None = None
    kind: str = "text"  # "number", "range", "text" or "blank" (see targets.parse_target)


@dataclass(slots=True)
class Indicator:
    name: str
    formula: str | None = None
    unit: str | None = None
    calculation: str | None = None  # "kumulatif", "non-kumulatif", "kumulatif-negatif"
    source: str | None = None
    polarity: str | None = None  # "higher" or "lower" as written; see effective_polarity
    # read-only once loaded: a table's indicators with the same row of targets share one mapping
    targets: dict[int, Target] = field(default_factory=dict)
    notes: str | None = None
    location: Location | None = None

    @property
    def effective_polarity(self) -> str:
        """ "lower" when stated, or when the calculation type is kumulatif-negatif; else "higher"."""
        if self.polarity:
            return self.polarity
        return "lower" if self.calculation == "kumulatif-negatif" else "higher"


@dataclass(frozen=True, slots=True)
class Silence:
    """A node's request to silence one rule for itself, with the reason given."""

    rule: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Crosscut:
    """A crosscutting link: another body by name ("BKPSDM"), or a node of another cascade ("ORG#NODE").

    `node` is None for a link without "#", and "" for one whose "#" names no node ("BKPSDM#", "#"):
    written back as it was read, so that a conversion keeps it (and the checker still sees it)."""

    target: str
    node: str | None = None

    @classmethod
    def parse(cls, text: str) -> Crosscut:
        text = text.strip()
        if "#" in text:
            org, node = text.split("#", 1)
            return cls(org.strip(), node.strip())
        return cls(text)

    def __str__(self) -> str:
        return f"{self.target}#{self.node}" if self.node is not None else self.target


@dataclass(slots=True)
class Node:
    id: str
    statement: str | None = None
    level: str | None = None  # canonical level id, e.g. "intermediate_outcome"
    level_label: str | None = None  # the label as written, e.g. "kinerja taktikal intermediate"
    parents: list[str] = field(default_factory=list)
    owner: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    crosscutting: list[Crosscut] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    ignore: list[Silence] = field(default_factory=list)
    location: Location | None = None
    # provenance: where in the auditee's own document the node comes from ("hal. 3, Tabel 2, baris 5"),
    # and which of its fields the transcriber inferred rather than read ("level", "parent", "owner" …)
    ref: str | None = None
    inferred: tuple[str, ...] = ()

    @property
    def is_goal(self) -> bool:
        return bool(self.statement and self.statement.strip())


@dataclass
class Organisation:
    name: str
    type: str | None = None
    id: str | None = None

    @property
    def key(self) -> str:
        """How other cascades refer to this organisation."""
        return self.id or self.name


@dataclass
class Cascade:
    organisation: Organisation
    nodes: list[Node]
    period: list[int] = field(default_factory=list)
    source: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    file: str = ""
    format: str = ""  # "yaml", "json", "csv" or "xlsx"

    def node(self, node_id: str) -> Node | None:
        return self._index().get(node_id)

    def _index(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    @property
    def goals(self) -> list[Node]:
        return [n for n in self.nodes if n.is_goal]

    @property
    def years(self) -> list[int]:
        """The period's years, or else every year a target is given for."""
        if self.period:
            return list(self.period)
        years = {y for n in self.nodes for i in n.indicators for y in i.targets}
        return sorted(years)


class Cascades(dict[str, Cascade]):
    """Every cascade of one run, by organisation key (G.graph["cascades"]), shared by the graphs of the run.

    `memo` keeps what a rule derives from all of them (an index of organisations by name) once per run
    rather than once per file, so that looking across the files of a folder stays linear in their number."""

    def __init__(self, *args: object, **kwargs: Cascade) -> None:
        super().__init__(*args, **kwargs)
        self.memo: dict[object, object] = {}
