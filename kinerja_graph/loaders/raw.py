"""What a format reader hands to the document builder: plain data plus where each mapping stood."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kinerja_graph.model import Location


class RawInt(int):
    """An int that remembers how it was written ("01", "1_000")."""

    raw: str

    @classmethod
    def of(cls, text: str) -> RawInt:
        value = cls(
            int(text.replace("_", ""), 0)
            if text.lower().startswith(("0x", "0o", "0b"))
            else int(text.replace("_", "").lstrip("+") or "0")
        )
        value.raw = text
        return value


class RawFloat(float):
    """A float that remembers how it was written: "1.10" stays "1.10", "1.500" stays "1.500"."""

    raw: str

    @classmethod
    def of(cls, text: str) -> RawFloat:
        try:
            value = cls(float(text.replace("_", "")))
        except ValueError:  # .inf, .nan and the like
            lowered = text.lower().lstrip("+")
            value = cls(
                float("nan") if "nan" in lowered else (float("-inf") if lowered.startswith("-") else float("inf"))
            )
        value.raw = text
        return value


def text_of(value) -> str:
    """A scalar as the text it was written as."""
    if type(value) is str:
        return value
    raw = getattr(value, "raw", None)
    if raw is not None:
        return raw
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


@dataclass
class RawDocument:
    """A cascade document as plain data (the canonical schema's shape) before validation."""

    data: object
    locations: dict[int, Location] = field(default_factory=dict)  # id(mapping) -> where it stands
    file: str = ""
    format: str = ""
    problems: list[str] = field(default_factory=list)  # found while reading; reported with the rest
    # tables: (id(mapping), field) -> (row, column letter), made into a Location only when asked for
    field_cells: Any = field(default_factory=dict)  # a dict, or anything with its .get (table.TableCells)
    cell_kind: str = "row"
    sheet: str | None = None
    # the reader built every node in the schema's shape from text cells (a table), so only what a cell
    # can get wrong — the rule ids of `ignore`, the fields named by `inferred` — goes through the node
    # schema (tests/test_tables.py)
    shaped: bool = False
    # the nodes already made from a plain table's cells (table.read_table with `again`): the builder then
    # makes only the document's own fields (its nodes are the empty list)
    built: list | None = None

    def where(self, mapping, field_name: str | None = None) -> Location:
        """Where a mapping stands — or, in a table, the very cell of one of its fields."""
        if field_name is not None:
            found = self.field_cells.get((id(mapping), field_name))
            if found is not None:
                return Location(self.file, found[0], self.cell_kind, self.sheet, found[1])
        return self.locations.get(id(mapping)) or Location(self.file)
