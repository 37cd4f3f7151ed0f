"""Flat tables — CSV and XLSX — the way planners keep cascades, read into a raw document.

One row per goal, or per (goal, indicator). A row with a blank id continues the goal above (merged
cells); a row repeating an id adds an indicator to that goal; a row with a new id, an indicator and no
statement is an indicator without a goal. Without an id column, ids are outline numbers; without a
parent column, a row's parent is the nearest row above it with a higher level. Headers are matched
through rules/fields.yaml; unknown columns are kept as notes. Rows above the header row may carry the
organisation ("Organisasi: Kecamatan Praya"); any other text there is kept in the document's notes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from kinerja_graph import policy
from kinerja_graph.errors import InputError
from kinerja_graph.loaders.document import MAX_TEXT as MAX_CELL
from kinerja_graph.loaders.raw import RawDocument
from kinerja_graph.model import Location

HEADER_SCAN = 30  # rows searched for the header row
NODE_FIELDS = ("id", "parent", "level", "statement", "owner", "crosscutting", "notes", "ignore")
INDICATOR_FIELDS = ("indicator", "formula", "unit", "calculation", "polarity", "source", "indicator_notes")
DELIMITERS = (";", ",", "\t")


@dataclass
class Row:
    number: int  # 1-based row in the file or sheet
    cells: list[str]


@dataclass
class Column:
    index: int
    header: str
    field: str | None  # a known field, "target", or None (kept as a note)
    year: int | None = None
    letter: str | None = None


def csv_rows(text: str, file: str) -> list[Row]:
    """Split CSV text into rows, choosing the delimiter that yields the best header."""
    csv.field_size_limit(1 << 30)  # long cells are refused below, with their row and column
    head = "\n".join(text.splitlines()[:HEADER_SCAN])
    best_score, best = -1, DELIMITERS[0]
    for delimiter in DELIMITERS:  # chosen on the first rows only; the whole file is parsed once
        try:
            sample = list(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        score = max((_header_score(r) for r in sample), default=0)
        if score > best_score:
            best_score, best = score, delimiter
    try:
        return [Row(i + 1, r) for i, r in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=best))]
    except csv.Error as exc:
        raise InputError.one(file, f"not valid CSV: {exc}") from None


def _header_score(cells: list[str]) -> int:
    vocab = policy.fields()
    known = {vocab.column_field(c)[0] for c in cells if c and c.strip()} - {None}
    if not ({"statement", "indicator"} & known):
        return 0
    return len(known)


def xlsx_rows(path: str, file: str, sheet: str | None) -> tuple[list[Row], str, dict[int, str]]:
    """The rows of one sheet (the first, or `sheet`), with the sheet's name and column letters."""
    import zipfile

    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError.one(file, f"not a readable .xlsx workbook: {exc}") from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise InputError.one(file, f"no sheet named {sheet!r}; sheets: {', '.join(book.sheetnames)}")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        rows = []
        width = 0
        for number, cells in enumerate(ws.iter_rows(), start=1):
            values = [_cell_text(c) for c in cells]
            while values and not values[-1]:
                values.pop()
            width = max(width, len(values))
            rows.append(Row(number, values))
        letters = {i: get_column_letter(i + 1) for i in range(width)}
        return rows, ws.title, letters
    finally:
        book.close()


def _cell_text(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:
            value = value * 100
            return _plain_number(value) + "%"
        return _plain_number(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _plain_number(value) -> str:
    value = round(float(value), 10)
    return str(int(value)) if value.is_integer() else repr(value)


def read_table(rows: list[Row], file: str, fmt: str, sheet: str | None = None, letters: dict | None = None) -> RawDocument:
    vocab = policy.fields()
    kind = "cell" if fmt == "xlsx" else "row"

    def where(row: Row, column: Column | None = None) -> Location:
        letter = column.letter if column is not None else None
        return Location(file, row.number, kind, sheet, letter)

    header_at = None
    for i, row in enumerate(rows[:HEADER_SCAN]):
        if _header_score(row.cells) >= 2:
            header_at = i
            break
    if header_at is None:
        if not any(any(c.strip() for c in r.cells) for r in rows):
            raise InputError.one(file, "the file is empty")
        raise InputError.one(
            file,
            "no header row found in the first rows: a header needs a statement column "
            "(statement/kinerja/sasaran/uraian/kondisi) or an indicator column (indicator/indikator) "
            "and at least one other known column (id/kode, parent/induk, level/tingkat, owner/penanggung jawab …)",
        )
    header = rows[header_at]
    columns = []
    seen: dict[str, Column] = {}
    problems: list[str] = []
    for index, name in enumerate(header.cells):
        if not name.strip():
            continue
        field_name, year = vocab.column_field(name)
        col = Column(index, name.strip(), field_name, year, (letters or {}).get(index))
        marker = f"target{year}" if field_name == "target" else field_name
        if marker is not None and marker in seen:
            problems.append(
                f"{where(header, col)}: header {name.strip()!r}: means the same as {seen[marker].header!r}; keep one of them"
            )
            continue
        if marker is not None:
            seen[marker] = col
        columns.append(col)
    if problems:
        raise InputError(problems)

    document: dict = {"organisation": {"name": ""}, "nodes": []}
    preamble = _read_preamble(rows[:header_at], document, vocab)
    has = {c.field for c in columns}
    reader = _TableReader(columns, has, where, file)
    for row in rows[header_at + 1:]:
        reader.add(row)
    reader.finish()
    if reader.problems:
        raise InputError(reader.problems)
    document["nodes"] = reader.entries
    if not document["organisation"]["name"]:
        document["organisation"]["name"] = _name_from(preamble, file)
    if preamble:
        document.setdefault("notes", {})["preamble"] = "\n".join(preamble)
    return RawDocument(document, reader.locations, file, fmt, field_cells=reader.field_cells,
                       cell_kind=kind, sheet=sheet)


def _name_from(preamble: list[str], file: str) -> str:
    import os

    return preamble[0] if preamble else os.path.splitext(os.path.basename(file))[0]


def _read_preamble(rows: list[Row], document: dict, vocab) -> list[str]:
    """Rows above the header: "Key: value" metadata, anything else kept as text."""
    kept = []
    for row in rows:
        cells = [c.strip() for c in row.cells if c and c.strip()]
        if not cells:
            continue
        first = cells[0]
        if len(cells) >= 2:
            label, value = first.rstrip(":"), " ".join(cells[1:])
        elif ":" in first:
            label, value = (part.strip() for part in first.split(":", 1))
        else:
            label, value = "", ""
        if label.lower().startswith("note:") and value:
            document.setdefault("notes", {})[label[5:].strip()] = value
            continue
        target = vocab.metadata.get(policy.key(label.lstrip("#"))) if label else None
        if target is None or not value:
            kept.append(" | ".join(cells))
            continue
        if target == "organisation_name":
            document["organisation"]["name"] = value
        elif target == "organisation_type":
            document["organisation"]["type"] = value
        elif target == "organisation_id":
            document["organisation"]["id"] = value
        elif target == "source":
            document["source"] = value
        elif target == "period":
            years = [int(y) for y in re.findall(r"\b(?:19|20|21)\d\d\b", value)]
            if years:
                document["period"] = [min(years), max(years)] if len(years) > 1 else years
            else:
                kept.append(" | ".join(cells))
    return kept


class _TableReader:
    """Turns data rows into node entries (the canonical document's flat form)."""

    def __init__(self, columns: list[Column], has: set, where, file: str):
        self.columns = columns
        self.has_id = "id" in has
        self.has_parent = "parent" in has
        self.where = where
        self.file = file
        self.entries: list[dict] = []
        self.locations: dict[int, Location] = {}
        self.field_cells: dict[tuple[int, str], tuple[int, str | None]] = {}  # -> (row, column letter)
        self.problems: list[str] = []
        self.by_id: dict[str, tuple[dict, Row]] = {}
        self.current: tuple[dict, Row] | None = None
        self.level_of: dict[int, object] = {}  # id(entry) -> level rank, for inference
        if self.has_parent and not self.has_id:
            self.problems.append(f"{file}: a parent column (induk) needs an id column (kode) to refer to")

    def cells(self, row: Row) -> tuple[dict, dict, dict, dict]:
        fields, targets, notes, cols = {}, {}, {}, {}
        for col in self.columns:
            value = row.cells[col.index] if col.index < len(row.cells) else ""
            value = value if value is not None else ""
            if len(value) > MAX_CELL:
                self.problems.append(
                    f"{self.where(row, col)}: {col.header}: cell holds {len(value):,} characters; the limit is {MAX_CELL:,}"
                )
                value = ""
            value = value.strip()
            if not value:
                continue
            if col.field == "target":
                targets[str(col.year)] = value
            elif col.field is None:
                notes[_note_key(col.header)] = value
            elif col.field == "notes":
                notes["notes"] = value
            else:
                fields[col.field] = value
                cols[col.field] = col
        return fields, targets, notes, cols

    def add(self, row: Row) -> None:
        fields, targets, notes, cols = self.cells(row)
        if not fields and not targets and not notes:
            return  # an empty row
        node_part = {k: v for k, v in fields.items() if k in NODE_FIELDS}
        has_indicator = "indicator" in fields
        indicator_only = {k for k in fields if k in INDICATOR_FIELDS} | ({"target"} if targets else set())
        if indicator_only and not has_indicator:
            col = cols.get(next(iter(sorted(k for k in fields if k in INDICATOR_FIELDS))), None) if fields else None
            self.problems.append(
                f"{self.where(row, col)}: indicator: this row gives {', '.join(sorted(indicator_only))} but no indicator name"
            )
            return
        node_id = node_part.get("id")
        entry = None
        if self.has_id:
            if node_id is None:
                entry = self._continuation(row, node_part, cols)
            elif node_id in self.by_id:
                entry, first_row = self.by_id[node_id]
                self._check_same(entry, first_row, row, node_part, cols)
                self.current = (entry, first_row)
            else:
                entry = self._new(row, node_part, cols)
        else:
            statement = node_part.get("statement")
            if statement is None or (
                self.current is not None
                and self.current[0].get("statement") == statement
                and all(self.current[0].get(k) in (None, v) for k, v in node_part.items() if k not in ("id",))
            ):
                entry = self._continuation(row, node_part, cols)
            else:
                entry = self._new(row, node_part, cols)
        if entry is None:
            return
        for k, v in notes.items():
            existing = entry.setdefault("notes", {}).get(k)
            if existing is None:
                entry["notes"][k] = v
            elif existing != v:
                entry["notes"][k] = existing + "\n" + v
        if has_indicator:
            indicator = {"name": fields["indicator"]}
            for f in ("formula", "unit", "calculation", "polarity", "source"):
                if f in fields:
                    indicator[f] = fields[f]
                    self.field_cells[(id(indicator), f)] = (row.number, _letter(cols.get(f)))
            if "indicator_notes" in fields:
                indicator["notes"] = fields["indicator_notes"]
            if targets:
                indicator["targets"] = targets
            entry.setdefault("indicators", []).append(indicator)
            self.locations[id(indicator)] = self.where(row, cols.get("indicator"))

    def _continuation(self, row: Row, node_part: dict, cols: dict) -> dict | None:
        if self.current is None:
            if "statement" in node_part:
                self.problems.append(
                    f"{self.where(row, cols.get('statement'))}: id: this goal has no id (column {self._header('id')}); give it one"
                )
                return None
            # an indicator before any goal: an indicator without a goal, numbered on its own
            return self._new(row, node_part, cols)
        entry, first_row = self.current
        if self.has_id and "statement" in node_part and node_part["statement"] != entry.get("statement"):
            self.problems.append(
                f"{self.where(row, cols.get('statement'))}: id: this row names a new goal but its id is blank; "
                f"give it an id (blank ids continue the goal of row {first_row.number})"
            )
            return None
        self._check_same(entry, first_row, row, node_part, cols)
        return entry

    def _header(self, field_name: str) -> str:
        return next((c.header for c in self.columns if c.field == field_name), field_name)

    def _check_same(self, entry: dict, first_row: Row, row: Row, node_part: dict, cols: dict) -> None:
        for k, v in node_part.items():
            if k == "id":
                continue
            value = _node_value(k, v)
            if k not in entry or entry[k] in (None, [], ""):
                entry[k] = value
                self.field_cells[(id(entry), k)] = (row.number, _letter(cols.get(k)))
            elif entry[k] != value:
                self.problems.append(
                    f"{self.where(row, cols.get(k))}: {self._header(k)}: {v!r} conflicts with row {first_row.number} "
                    f"of the same goal ({_show(entry[k])!r})"
                )

    def _new(self, row: Row, node_part: dict, cols: dict) -> dict:
        entry: dict = {}
        for k, v in node_part.items():
            entry[k] = _node_value(k, v)
            self.field_cells[(id(entry), k)] = (row.number, _letter(cols.get(k)))
        self.entries.append(entry)
        self.locations[id(entry)] = self.where(row, cols.get("statement") or cols.get("indicator") or cols.get("id"))
        self.current = (entry, row)
        if "id" in entry:
            self.by_id[entry["id"]] = (entry, row)
        return entry

    def finish(self) -> None:
        if self.problems:
            return
        if not self.has_parent:
            self._infer_parents()
        if not self.has_id:
            self._outline_ids()

    def _infer_parents(self) -> None:
        """A row's parent is the nearest row above it with a higher (closer to the top) level."""
        levels = policy.levels()
        stack: list[tuple[int, dict]] = []
        for entry in self.entries:
            if not entry.get("statement"):
                continue  # an indicator without a goal stands outside the tree
            label = entry.get("level")
            level = levels.resolve(label) if label else None
            if level is None:
                if label is None:
                    self.problems.append(
                        f"{self.locations[id(entry)]}: {self._header('level')}: without a parent column the tree is read "
                        "from levels, and this goal has none"
                    )
                continue  # an unknown label is reported by the document builder, naming the row
            while stack and stack[-1][0] >= level.rank:
                stack.pop()
            if stack:
                parent = stack[-1][1]
                entry["_parent_entry"] = parent
            stack.append((level.rank, entry))
        if not self.has_id:
            return
        for entry in self.entries:
            parent = entry.pop("_parent_entry", None)
            if parent is not None:
                entry["parent"] = parent["id"]

    def _outline_ids(self) -> None:
        """Number goals 1, 1.1, 1.1.2 … by their place in the inferred tree."""
        counters: dict[int, int] = {}
        loose = 0
        for entry in self.entries:
            parent = entry.pop("_parent_entry", None)
            if not entry.get("statement"):
                loose += 1
                entry["id"] = f"ind-{loose}"
                continue
            key = id(parent) if parent is not None else 0
            counters[key] = counters.get(key, 0) + 1
            entry["id"] = f"{parent['id']}.{counters[key]}" if parent is not None else str(counters[key])
            if parent is not None:
                entry["parent"] = parent["id"]


def _letter(column: Column | None) -> str | None:
    return column.letter if column is not None else None


def _note_key(header: str) -> str:
    """A column the loader does not know becomes a note; "note: X" (as the writer names them) is note X."""
    m = re.match(r"^\s*note\s*:\s*(.+)$", header, re.I)
    return m.group(1).strip() if m else header


def _node_value(field_name: str, value: str):
    if field_name == "parent":
        parts = [p.strip() for p in re.split(r"[;\n]", value) if p.strip()]
        return parts[0] if len(parts) == 1 else parts
    if field_name == "crosscutting":
        return [p.strip() for p in re.split(r"[;\n]", value) if p.strip()]
    if field_name == "ignore":
        silences = []
        for part in re.split(r"[;\n]", value):
            if part.strip():
                rule, _, reason = part.partition(":")
                silences.append({"rule": rule.strip(), "reason": reason.strip()} if reason.strip() else {"rule": rule.strip()})
        return silences
    return value


def _show(value) -> str:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)
