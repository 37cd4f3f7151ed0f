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
import functools
import io
import re
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from kinerja_graph import policy
from kinerja_graph.errors import InputError
from kinerja_graph.loaders.document import MAX_TEXT as MAX_CELL
from kinerja_graph.loaders.raw import RawDocument
from kinerja_graph.model import Location

HEADER_SCAN = 30  # rows searched for the header row
NODE_FIELDS = ("id", "parent", "level", "statement", "owner", "crosscutting", "notes", "ignore")
INDICATOR_FIELDS = ("indicator", "formula", "unit", "calculation", "polarity", "source", "indicator_notes")
DELIMITERS = (";", ",", "\t")
LIST_FIELDS = ("parent", "crosscutting", "ignore")  # node fields written as "a; b" lists
# An indicator's columns, in the order its mapping lists them, each with its key in that mapping.
INDICATOR_KEYS = {
    "indicator": "name",
    "formula": "formula",
    "unit": "unit",
    "calculation": "calculation",
    "polarity": "polarity",
    "source": "source",
    "indicator_notes": "notes",
}
CELL_KEYS = ("formula", "unit", "calculation", "polarity", "source")  # indicator keys whose cell is kept

# A table is a list of rows, each a list of cell texts; rows[i] is row i + 1 of the file or sheet.
Rows = list[list[str]]


@dataclass
class Column:
    index: int
    header: str
    field: str | None  # a known field, "target", or None (kept as a note)
    year: int | None = None
    letter: str | None = None


def csv_rows(text: str, file: str) -> Rows:
    """Split CSV text into rows, choosing the delimiter that yields the best header."""
    csv.field_size_limit(1 << 30)  # long cells are refused below, with their row and column
    head = "\n".join(_first_lines(text, HEADER_SCAN))
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
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=best))
    except csv.Error as exc:
        raise InputError.one(file, f"not valid CSV: {exc}") from None


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count], without splitting all of a large text.

    A prefix that splits into more than `count` lines holds the first `count` lines whole: a line
    break cut in two ("\\r" | "\\n") would leave nothing after it."""
    size = 1 << 16
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def _header_score(cells: list[str]) -> int:
    vocab = policy.fields()
    known = {vocab.column_field(c)[0] for c in cells if c and c.strip()} - {None}
    if not ({"statement", "indicator"} & known):
        return 0
    return len(known)


def header_row(rows: Rows) -> int | None:
    """The index of the header row among the first HEADER_SCAN rows: the first naming a statement or an
    indicator column and at least one other known column (rules/fields.yaml); None when there is none."""
    for i, cells in enumerate(rows[:HEADER_SCAN]):
        if _header_score(cells) >= 2:
            return i
    return None


def xlsx_rows(path: str, file: str, sheet: str | None) -> tuple[Rows, str, dict[int, str]]:
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
        for cells in ws.iter_rows():
            values = [_cell_text(c) for c in cells]
            while values and not values[-1]:
                values.pop()
            width = max(width, len(values))
            rows.append(values)
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


def read_table(
    rows: Rows,
    file: str,
    fmt: str,
    sheet: str | None = None,
    letters: dict | None = None,
    levels: policy.LevelVocabulary | None = None,
) -> RawDocument:
    vocab = policy.fields()
    kind = "cell" if fmt == "xlsx" else "row"
    header_at = header_row(rows)
    if header_at is None:
        if not any(any(c.strip() for c in cells) for cells in rows):
            raise InputError.one(file, "the file is empty")
        raise InputError.one(
            file,
            "no header row found in the first rows: a header needs a statement column "
            "(statement/kinerja/sasaran/uraian/kondisi) or an indicator column (indicator/indikator) "
            "and at least one other known column (id/kode, parent/induk, level/tingkat, owner/penanggung jawab …)",
        )
    columns = []
    seen: dict[str, Column] = {}
    problems: list[str] = []
    for index, name in enumerate(rows[header_at]):
        if not name.strip():
            continue
        field_name, year = vocab.column_field(name)
        col = Column(index, name.strip(), field_name, year, (letters or {}).get(index))
        marker = f"target{year}" if field_name == "target" else field_name
        if marker is not None and marker in seen:
            where = Location(file, header_at + 1, kind, sheet, col.letter)
            problems.append(
                f"{where}: header {name.strip()!r}: means the same as {seen[marker].header!r}; keep one of them"
            )
            continue
        if marker is not None:
            seen[marker] = col
        columns.append(col)
    if problems:
        raise InputError(problems)

    document: dict = {"organisation": {"name": ""}, "nodes": []}
    preamble = _read_preamble(rows[:header_at], document, vocab)
    reader = _TableReader(columns, file, kind, sheet, levels or policy.levels())
    reader.read(rows, header_at + 1)
    reader.finish()
    if reader.problems:
        raise InputError(reader.problems)
    document["nodes"] = reader.entries
    if not document["organisation"]["name"]:
        document["organisation"]["name"] = _name_from(preamble, file)
    if preamble:
        document.setdefault("notes", {})["preamble"] = "\n".join(preamble)
    return RawDocument(
        document, reader.locations, file, fmt, field_cells=reader.field_cells, cell_kind=kind, sheet=sheet, shaped=True
    )


def _name_from(preamble: list[str], file: str) -> str:
    import os

    return preamble[0] if preamble else os.path.splitext(os.path.basename(file))[0]


def _read_preamble(rows: Rows, document: dict, vocab) -> list[str]:
    """Rows above the header: "Key: value" metadata, anything else kept as text."""
    kept = []
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
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


def _column_reader(columns: list[tuple[int, str]]):
    """A function reading some columns of a stripped row: {key: text} of the non-blank cells.

    Picking the cells and dropping the blanks are C-level calls (itemgetter, zip, compress), not a
    Python loop over the cells: a 10^5-row table would otherwise spend most of its time there. Keys
    keep the columns' order; two columns with one key give the later column's text.
    """
    keys = tuple(k for _, k in columns)
    indexes = [i for i, _ in columns]
    if not indexes:
        return lambda cells: {}
    if len(indexes) == 1:
        only, key = indexes[0], keys[0]
        return lambda cells: {key: cells[only]} if cells[only] else {}
    pick = itemgetter(*indexes)

    def read(cells: list[str]) -> dict:
        values = pick(cells)
        if "" in values:
            return dict(compress(zip(keys, values), values))
        return dict(zip(keys, values))

    return read


class TableCells:
    """A table's RawDocument.field_cells: get((id(mapping), field)) -> (row, column letter) or None.

    A 10^5-row table has about a million such cells, and a tuple key and value for each would cost
    more than reading the file, while RawDocument.where asks for a few (to point at a problem). So
    the reader records a mapping's cells once — its row and the fields that row gave it — and a cell
    is worked out when asked for.
    """

    def __init__(
        self,
        rows: dict[int, tuple[int, tuple[str, ...]]],
        letter_of: dict[str, str | None],
        later: dict[tuple[int, str], tuple],
    ):
        self._rows = rows  # id(mapping) -> (row, fields)
        self._letter_of = letter_of  # field -> column letter
        self._later = later  # cells set one by one after their mapping was made (by a continuation row)

    def get(self, key, default=None):
        found = self._later.get(key)
        if found is not None:
            return found
        mapping_id, field_name = key
        made = self._rows.get(mapping_id)
        if made is not None and field_name in made[1]:
            return (made[0], self._letter_of[field_name])
        return default


class _TableReader:
    """Turns data rows into node entries (the canonical document's flat form).

    The columns are sorted once per file into four groups read from each row: the node's fields,
    the indicator's fields (keyed and ordered as in the indicator mapping), the yearly targets and
    the notes. Column letters are looked up per field, and the field cells of a row are kept as one
    record (see TableCells).
    """

    def __init__(self, columns: list[Column], file: str, kind: str, sheet: str | None, levels: policy.LevelVocabulary):
        self.levels = levels
        self.columns = columns
        self.file, self.kind, self.sheet = file, kind, sheet
        fields = {c.field for c in columns}
        self.has_id = "id" in fields
        self.has_parent = "parent" in fields
        self.width = max(c.index for c in columns) + 1  # cells past a short row's end read as blank
        self.column_of = {c.field: c for c in columns if c.field not in (None, "target")}  # one column per field
        self.letter_of = {f: c.letter for f, c in self.column_of.items()}
        order = list(INDICATOR_KEYS)
        node_columns = [(c.index, c.field) for c in columns if c.field in NODE_FIELDS and c.field != "notes"]
        self.read_node = _column_reader(node_columns)
        self.read_indicator = _column_reader(
            [
                (c.index, INDICATOR_KEYS[c.field])
                for c in sorted((c for c in columns if c.field in INDICATOR_KEYS), key=lambda c: order.index(c.field))
            ]
        )
        self.read_targets = _column_reader([(c.index, str(c.year)) for c in columns if c.field == "target"])
        self.read_notes = _column_reader(
            [
                (c.index, "notes" if c.field == "notes" else _note_key(c.header))
                for c in columns
                if c.field in (None, "notes")
            ]
        )
        # a column fields.yaml knows but the loader does not use: it only makes its row non-empty
        self.read_unused = _column_reader(
            [(c.index, c.field) for c in columns if c.field not in (None, "target", *NODE_FIELDS, *INDICATOR_FIELDS)]
        )
        self.list_fields = tuple(f for f in LIST_FIELDS if f in fields)
        # the fields with a cell of their own, as a full row gives them (most rows share these tuples)
        self.node_keys = tuple(f for _, f in node_columns)
        self.indicator_width = sum(1 for c in columns if c.field in INDICATOR_KEYS)
        self.cell_keys = tuple(k for k in CELL_KEYS if k in fields)
        self.entries: list[dict] = []
        self.locations: dict[int, Location] = {}
        self.cell_rows: dict[int, tuple[int, tuple[str, ...]]] = {}  # id(mapping) -> (row, fields it gave)
        self.later_cells: dict[tuple[int, str], tuple] = {}  # (id(entry), field) -> (row, letter), filled in later
        self.problems: list[str] = []
        self.by_id: dict[str, tuple[dict, int]] = {}  # id -> (entry, its first row)
        self.current: tuple[dict, int] | None = None
        self._last_where: Location | None = None
        if self.has_parent and not self.has_id:
            self.problems.append(f"{file}: a parent column (induk) needs an id column (kode) to refer to")

    @property
    def field_cells(self) -> TableCells:
        return TableCells(self.cell_rows, self.letter_of, self.later_cells)

    def read(self, rows: Rows, first: int) -> None:
        """Read rows[first:], the data rows (rows[i] is row i + 1)."""
        width, strip = self.width, str.strip
        for number, cells in enumerate(rows[first:], start=first + 1):
            if len(cells) < width or _too_long(cells):
                cells = self._checked(number, cells)
            self.add(number, list(map(strip, cells)))

    def where(self, number: int, letter: str | None = None) -> Location:
        """The row (CSV) or cell (XLSX) as a Location; consecutive asks for one place share one."""
        last = self._last_where
        if last is None or last.line != number or last.column != letter:
            last = self._last_where = Location(self.file, number, self.kind, self.sheet, letter)
        return last

    def _checked(self, number: int, cells: list) -> list[str]:
        """A short row padded to the table's width; over-long cells reported and blanked."""
        cells = ["" if c is None else c for c in cells] + [""] * (self.width - len(cells))  # a None cell is blank
        for col in self.columns:
            value = cells[col.index]
            if len(value) > MAX_CELL:
                self.problems.append(
                    f"{self.where(number, col.letter)}: {col.header}: cell holds {len(value):,} characters; "
                    f"the limit is {MAX_CELL:,}"
                )
                cells[col.index] = ""
        return cells

    def add(self, number: int, cells: list[str]) -> None:
        """One data row, its cells stripped."""
        node_part = self.read_node(cells)
        indicator = self.read_indicator(cells)
        targets = self.read_targets(cells)
        notes = self.read_notes(cells)
        if not node_part and not indicator and not targets and not notes and not self.read_unused(cells):
            return  # an empty row
        has_indicator = "name" in indicator
        if not has_indicator and (indicator or targets):
            any_field = bool(node_part or indicator or self.read_unused(cells))
            self._detail_without_name(number, any_field, indicator, targets)
            return
        node_id = node_part.get("id")
        entry = None
        if self.has_id:
            if node_id is None:
                entry = self._continuation(number, node_part, has_indicator)
            elif node_id in self.by_id:
                entry, first_number = self.by_id[node_id]
                self._check_same(entry, first_number, number, node_part)
                self.current = (entry, first_number)
            else:
                entry = self._new(number, node_part, has_indicator)
        else:
            statement = node_part.get("statement")
            if statement is None or (
                self.current is not None
                and self.current[0].get("statement") == statement
                and all(self.current[0].get(k) in (None, v) for k, v in node_part.items() if k not in ("id",))
            ):
                entry = self._continuation(number, node_part, has_indicator)
            else:
                entry = self._new(number, node_part, has_indicator)
        if entry is None:
            return
        if notes:
            self._add_notes(entry, notes)
        if has_indicator:
            self._add_indicator(entry, number, indicator, targets)

    def _add_notes(self, entry: dict, notes: dict) -> None:
        for k, v in notes.items():
            existing = entry.setdefault("notes", {}).get(k)
            if existing is None:
                entry["notes"][k] = v
            elif existing != v:
                entry["notes"][k] = existing + "\n" + v

    def _detail_without_name(self, number: int, any_field: bool, indicator: dict, targets: dict) -> None:
        """A row giving an indicator's unit, formula, targets … but not its name."""
        field_of = {key: name for name, key in INDICATOR_KEYS.items()}
        given = {field_of[k] for k in indicator} | ({"target"} if targets else set())
        if not any_field:
            col = None
        elif indicator:
            col = self.column_of.get(min(field_of[k] for k in indicator))
        else:  # only targets: the first of them
            col = next(c for c in self.columns if c.field == "target" and str(c.year) in targets)
        self.problems.append(
            f"{self.where(number, _letter(col))}: indicator: this row gives {', '.join(sorted(given))} "
            "but no indicator name"
        )

    def _add_indicator(self, entry: dict, number: int, indicator: dict, targets: dict) -> None:
        """The row's indicator mapping (already keyed and ordered as the schema lists it) joins its goal."""
        cell_keys = self.cell_keys
        if len(indicator) < self.indicator_width:  # some blank
            cell_keys = tuple(filter(indicator.__contains__, cell_keys))
        self.cell_rows[id(indicator)] = (number, cell_keys)
        if targets:
            indicator["targets"] = targets
        entry.setdefault("indicators", []).append(indicator)
        self.locations[id(indicator)] = self.where(number, self.letter_of["indicator"])

    def _continuation(self, number: int, node_part: dict, has_indicator: bool) -> dict | None:
        if self.current is None:
            if "statement" in node_part:
                self.problems.append(
                    f"{self.where(number, self.letter_of['statement'])}: id: this goal has no id "
                    f"(column {self._header('id')}); give it one"
                )
                return None
            # an indicator before any goal: an indicator without a goal, numbered on its own
            return self._new(number, node_part, has_indicator)
        entry, first_number = self.current
        if self.has_id and "statement" in node_part and node_part["statement"] != entry.get("statement"):
            self.problems.append(
                f"{self.where(number, self.letter_of['statement'])}: id: this row names a new goal but its id is blank; "
                f"give it an id (blank ids continue the goal of row {first_number})"
            )
            return None
        self._check_same(entry, first_number, number, node_part)
        return entry

    def _header(self, field_name: str) -> str:
        col = self.column_of.get(field_name)
        return col.header if col is not None else field_name

    def _check_same(self, entry: dict, first_number: int, number: int, node_part: dict) -> None:
        """A later row of a goal: its node fields fill in the goal's blank ones, or must agree with them."""
        for k, v in node_part.items():
            if k == "id":
                continue
            value = _node_value(k, v) if k in LIST_FIELDS else v
            existing = entry.get(k)
            if existing in (None, [], ""):
                entry[k] = value
                self.later_cells[(id(entry), k)] = (number, self.letter_of[k])
            elif existing != value:
                self.problems.append(
                    f"{self.where(number, self.letter_of[k])}: {self._header(k)}: {v!r} conflicts with row {first_number} "
                    f"of the same goal ({_show(existing)!r})"
                )

    def _new(self, number: int, node_part: dict, has_indicator: bool) -> dict:
        entry = node_part  # the row's own mapping, read for this row alone, becomes the entry
        for k in self.list_fields:
            if k in entry:
                entry[k] = _node_value(k, entry[k])
        self.cell_rows[id(entry)] = (number, self.node_keys if len(entry) == len(self.node_keys) else tuple(entry))
        self.entries.append(entry)
        anchor = (
            "statement" if "statement" in entry else "indicator" if has_indicator else "id" if "id" in entry else None
        )
        self.locations[id(entry)] = self.where(number, self.letter_of[anchor] if anchor else None)
        self.current = (entry, number)
        if "id" in entry:
            self.by_id[entry["id"]] = self.current
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
        resolve = functools.lru_cache(maxsize=None)(self.levels.resolve)  # a table repeats a few labels
        stack: list[tuple[int, dict]] = []
        for entry in self.entries:
            if not entry.get("statement"):
                continue  # an indicator without a goal stands outside the tree
            label = entry.get("level")
            level = resolve(label) if label else None
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


def _too_long(cells: list[str]) -> bool:
    """Whether a cell of the row may be over the limit: the row's text, joined, is a cheap bound.

    A row of None or other non-text cells (which the readers never give) is looked at cell by cell."""
    try:
        return len("".join(cells)) > MAX_CELL
    except TypeError:
        return True


def _letter(column: Column | None) -> str | None:
    return column.letter if column is not None else None


def _note_key(header: str) -> str:
    """A column the loader does not know becomes a note; "note: X" (as the writer names them) is note X."""
    m = re.match(r"^\s*note\s*:\s*(.+)$", header, re.I)
    return m.group(1).strip() if m else header


def _node_value(field_name: str, value: str):
    """A node field's value as the document has it: parent, crosscutting and ignore are lists."""
    if field_name == "parent":
        parts = _split_list(value)
        return parts[0] if len(parts) == 1 else parts
    if field_name == "crosscutting":
        return _split_list(value)
    if field_name == "ignore":
        silences = []
        for part in _split_list(value):
            if part.strip():
                rule, _, reason = part.partition(":")
                silences.append(
                    {"rule": rule.strip(), "reason": reason.strip()} if reason.strip() else {"rule": rule.strip()}
                )
        return silences
    return value


def _split_list(value: str) -> list[str]:
    """ "a; b" or one item per line, as a list of the non-blank items (mostly just one, found without a regex)."""
    if ";" not in value and "\n" not in value:
        item = value.strip()
        return [item] if item else []
    return [p.strip() for p in re.split(r"[;\n]", value) if p.strip()]


def _show(value) -> str:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)
