"""Flat tables — CSV and XLSX — the way planners keep cascades, read into a raw document.

One row per goal, or per (goal, indicator). A row with a blank id continues the goal above (merged
cells); a row repeating an id adds an indicator to that goal (the writer repeats the goal's columns
on each of its rows, so that sorting or filtering keeps every row whole); a row with a new id, an
indicator and no statement is an indicator without a goal. Without an id column, ids are outline
numbers; without a parent column, a row's parent is the nearest row above it with a higher level.
Headers are matched through rules/fields.yaml; unknown columns are kept as notes. The document's own
fields travel as columns (organisation, period …) or, in a workbook, on its organisation sheet; rows
above the header row (older files) may carry them too ("Organisasi: Kecamatan Praya"), and any other
text there is kept in the document's notes. Cell texts are decoded as kinerja_graph.cells describes.

Nothing is dropped without a word: a cell holding text in a column without a header, a column
header given twice, a cell over the length limit are each an InputError naming the row or cell.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import compress, repeat
from operator import itemgetter
from typing import IO, Any

from kinerja_graph import cells as cellcodec
from kinerja_graph import policy
from kinerja_graph.errors import InputError
from kinerja_graph.loaders import xlsx
from kinerja_graph.loaders.document import MAX_TEXT as MAX_CELL
from kinerja_graph.loaders.document import TARGET_ROWS, parent_ids
from kinerja_graph.loaders.raw import RawDocument
from kinerja_graph.model import Crosscut, Indicator, Location, Node, keeping_hashes
from kinerja_graph.targets import parse_target
from kinerja_graph.years import year_of

HEADER_SCAN = 30  # rows searched for the header row
NODE_FIELDS = ("id", "parent", "level", "statement", "owner", "crosscutting", "ignore", "ref", "inferred")
INDICATOR_FIELDS = ("indicator", "formula", "unit", "calculation", "polarity", "source", "indicator_notes")
DOCUMENT_FIELDS = ("organisation", "organisation_type", "organisation_id", "period", "document_source")
DELIMITERS = (";", ",", "\t")
LIST_FIELDS = ("parent", "crosscutting", "ignore", "inferred")  # node fields written as "a; b" lists
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

# A table is a list of rows, each a list of cell texts; rows[i] is row i + 1 of the file or sheet.
Rows = list[list[str]]


@dataclass
class Column:
    index: int
    header: str
    field: str  # a known field, "target", "note" (a goal's note) or "document_note"
    year: int | None = None
    letter: str | None = None
    key: str | None = None  # the note's key, for "note" and "document_note" columns


def csv_rows(text: str, file: str) -> Rows:
    """Split CSV text into rows, choosing the delimiter that yields the best header."""
    return list(csv_stream(text, file))


def csv_stream(text: str, file: str) -> Iterator[list[str]]:
    """The rows of CSV text as they are read (csv_rows without holding them all), choosing the delimiter
    that yields the best header."""
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
    return itertools.chain.from_iterable(_split_rows(text, best, file))


# the line breaks str.splitlines knows and a file read with newline="" does not (it breaks at \n, \r, \r\n)
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SPLIT_SIZE = 1 << 15  # characters of text split into lines at once by _split_rows (some hundred rows)


def _split_rows(text: str, delimiter: str, file: str) -> Iterator[Iterable[list[str]]]:
    """The rows csv.reader makes of `text`, a hundred or so at a time, most of them made in C by str.split: a
    line without a double quote is one row, its cells the line split at the delimiter. The lines holding one
    are read by the csv module, strictly, each one apart; should any of them not make one row by itself (a
    quoted cell going on past its line's end), the csv module reads the text as usual from that line on, as
    it does from the first piece holding a line break other than \\n, \\r and \\r\\n (_OTHER_BREAKS: str.splitlines
    breaks there, the csv module does not). The text is split into lines a piece at a time (each piece ends
    after a \\n, so that no \\r\\n is cut in two), small enough that its lines and rows are still in the
    processor's cache when they are split and read: the lines of the whole text are never all held at once
    (at 10^6 goals 1.5 million strings, 0.4 GB), and the other line breaks are looked for in each piece
    while it is at hand rather than in the whole text first (at 10^6 goals six passes over 0.7 GB, 0.4 s)."""
    size, start = len(text), 0
    while start < size:
        end = text.find("\n", start + _SPLIT_SIZE)
        end = size if end < 0 else end + 1
        piece = text[start:end]
        if any(map(piece.__contains__, _OTHER_BREAKS)):
            yield _checked_rows(csv.reader(io.StringIO(text[start:], newline=""), delimiter=delimiter), file)
            return
        part = piece.splitlines()
        rows = list(map(str.split, part, repeat(delimiter)))
        if "" in part:  # an empty line: the csv module's row holds no cell
            for at in compress(range(len(part)), map(operator.not_, part)):
                rows[at] = []
        quoted = list(compress(range(len(part)), map(operator.contains, part, repeat('"'))))
        if quoted:
            try:
                found = list(csv.reader(map(part.__getitem__, quoted), delimiter=delimiter, strict=True))
            except csv.Error:
                found = []
            if len(found) != len(quoted):
                yield rows[: quoted[0]]
                line_start = start + sum(map(len, piece.splitlines(keepends=True)[: quoted[0]]))
                yield _checked_rows(csv.reader(io.StringIO(text[line_start:], newline=""), delimiter=delimiter), file)
                return
            for at, row in zip(quoted, found, strict=True):
                rows[at] = row
        yield rows
        start = end


def _checked_rows(reader: Iterator[list[str]], file: str) -> Iterator[list[str]]:
    try:
        yield from reader
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


def read_xlsx(
    path: str | IO[bytes],
    sheet: str | None = None,
    levels: policy.LevelVocabulary | None = None,
    *,
    file: str | None = None,
    direct: bool = False,
) -> RawDocument:
    """A workbook's cascade: its first sheet (or `sheet`), and its organisation sheet when it has one.

    `path`: a file, or the workbook's bytes as a binary stream (standard input), then named `file`.
    `direct`: a plain sheet's nodes are made straight from its cells (see read_table)."""
    names = policy.fields().organisation_sheet
    name_in_messages = file or str(path)
    with xlsx.open_workbook(path, name_in_messages) as book:
        rows, name = xlsx.sheet_rows(book, sheet)
        organisation = next((n for n in book.sheet_names if policy.key(n) in names and n != name), None)
        organisation_rows = xlsx.sheet_rows(book, organisation)[0] if organisation is not None else None
    return read_table(
        rows,
        name_in_messages,
        "xlsx",
        name,
        levels=levels,
        organisation=(organisation, organisation_rows),
        again=(lambda: rows) if direct else None,
    )


def read_table(
    rows: Iterable[list[str]],
    file: str,
    fmt: str,
    sheet: str | None = None,
    levels: policy.LevelVocabulary | None = None,
    organisation: tuple[str | None, Rows | None] = (None, None),
    again: Callable[[], Iterable[list[str]]] | None = None,
) -> RawDocument:
    """A table's rows as a raw document; `organisation`: (name, rows) of a workbook's organisation sheet.

    `rows`: a list, or rows as they are read (csv_stream): only the first HEADER_SCAN are held at once.
    `again`: the same rows once more, from the first. Given it, a plain table (ids, parents, no note
    columns) has its nodes made straight from its cells (RawDocument.built, `_TableReader.read_direct`),
    without a node mapping per goal and indicator; a row that is not plain — one the reader or the
    document builder would say something about, or would fill a goal from — has the whole table read
    again the usual way, so that every message is the usual one."""
    vocab = policy.fields()
    kind = "cell" if fmt == "xlsx" else "row"
    rest = iter(rows)
    head = list(itertools.islice(rest, HEADER_SCAN))  # where the header is looked for
    header_at = header_row(head)
    if header_at is None:
        if not any(any(c.strip() for c in cells) for cells in itertools.chain(head, rest)):
            raise InputError.one(file, "the file is empty")
        raise InputError.one(
            file,
            "no header row found in the first rows: a header needs a statement column "
            "(statement/kinerja/sasaran/uraian/kondisi) or an indicator column (indicator/indikator) "
            "and at least one other known column (id/kode, parent/induk, level/tingkat, owner/penanggung jawab …)",
        )
    columns, unheaded = _columns(head[header_at], file, header_at + 1, kind, sheet, vocab)

    document: dict = {"organisation": {"name": ""}, "nodes": []}
    given: dict[str, tuple[str, Location]] = {}  # document field -> (value, where it was given)
    problems: list[str] = []
    organisation_sheet, organisation_rows = organisation
    if organisation_rows:
        _read_organisation_sheet(organisation_rows, file, organisation_sheet, vocab, given, problems)
    preamble = _read_preamble(head[:header_at], document, vocab)
    reader = _TableReader(columns, unheaded, file, kind, sheet, levels or policy.levels())
    data_rows = itertools.chain(itertools.islice(head, header_at + 1, None), rest)
    built = None
    if again is not None and reader.plain:
        try:
            built = reader.read_direct(data_rows, header_at + 2)
        except _NotPlain:
            return read_table(again(), file, fmt, sheet, levels, organisation)
    else:
        reader.read(data_rows, header_at + 2)
        reader.finish()
    for name, (value, where) in reader.document.items():
        _give(given, name, value, where, reader.header_of(name), problems)
    problems.extend(reader.problems)
    if problems:
        raise InputError(problems)
    _apply(document, given, file, problems)
    if problems:
        raise InputError(problems)
    document["nodes"] = reader.entries
    if not document["organisation"]["name"]:
        document["organisation"]["name"] = _name_from(preamble, file)
    if preamble:
        document.setdefault("notes", {})["preamble"] = "\n".join(preamble)
    return RawDocument(
        document,
        reader.locations,
        file,
        fmt,
        field_cells=reader.field_cells,
        cell_kind=kind,
        sheet=sheet,
        shaped=True,
        built=built,
    )


def _columns(
    header: list[str], file: str, row: int, kind: str, sheet: str | None, vocab
) -> tuple[list[Column], list[int]]:
    """The header row's columns, and the indexes of its blank headers; a header given twice is an error."""
    columns: list[Column] = []
    unheaded: list[int] = []
    seen: dict[tuple, Column] = {}
    problems: list[str] = []
    for index, name in enumerate(header):
        text = name.strip()
        letter = cellcodec.column_letter(index + 1) if kind == "cell" else None
        if not text:
            unheaded.append(index)
            continue
        year = note_key = None
        note = vocab.note_column(text)
        if note is not None:
            field_name, note_key = note[0], cellcodec.decode(note[1].strip())
        else:
            field_name, year = vocab.column_field(text)
            if field_name is None:  # an unknown column: a note named by its header
                field_name, note_key = "note", cellcodec.decode(text)
            elif field_name == "notes":
                field_name, note_key = "note", "notes"
        col = Column(index, text, field_name, year, letter, note_key)
        marker = (field_name, year if field_name == "target" else note_key)
        if marker in seen:
            first = seen[marker]
            where = Location(file, row, kind, sheet, letter)
            if note_key is not None and vocab.column_field(text)[0] is None and note is None:
                problems.append(
                    f"{where}: header {text!r} is given again (first in {_column_name(first, kind)}); "
                    "give the two columns different names"
                )
            else:
                problems.append(f"{where}: header {text!r}: means the same as {first.header!r}; keep one of them")
            continue
        seen[marker] = col
        columns.append(col)
    if problems:
        raise InputError(problems)
    return columns, unheaded


def _column_name(column: Column, kind: str) -> str:
    return f"column {column.letter}" if kind == "cell" else f"column {column.index + 1}"


def _read_organisation_sheet(rows: Rows, file: str, sheet: str | None, vocab, given: dict, problems: list) -> None:
    """A workbook's organisation sheet: "Label | value" rows (column C on is help text, not read)."""
    for number, cells in enumerate(rows, start=1):
        if not cells:
            continue
        label = cells[0].strip()
        value = cells[1].strip() if len(cells) > 1 else ""
        if not label or not value:
            continue
        where = Location(file, number, "cell", sheet, "B")
        value = cellcodec.decode(value)
        note = vocab.note_column(label)
        if note is not None and note[0] == "document_note":
            name = "note:" + cellcodec.decode(note[1].strip())
        else:
            target = vocab.metadata.get(policy.key(label))
            name = _METADATA_NAMES.get(target, "note:" + cellcodec.decode(label))
        _give(given, name, value, where, label, problems)


# rules/fields.yaml's metadata names -> the table's document fields
_METADATA_NAMES = {
    "organisation_name": "organisation",
    "organisation_type": "organisation_type",
    "organisation_id": "organisation_id",
    "period": "period",
    "source": "document_source",
}


def _give(given: dict, name: str, value: str, where: Location, label: str, problems: list) -> None:
    """Record a document field; given again, it must agree."""
    before = given.get(name)
    if before is None:
        given[name] = (value, where)
    elif before[0] != value:
        problems.append(
            f"{where}: {label}: {_quote(value)} differs from {_quote(before[0])} given at {before[1]}; "
            "a table holds one document"
        )


def _apply(document: dict, given: dict, file: str, problems: list) -> None:
    """The document fields read from columns or the organisation sheet, into the document."""
    org = document["organisation"]
    for name, (value, where) in given.items():
        if name == "organisation":
            org["name"] = value
        elif name == "organisation_type":
            org["type"] = value
        elif name == "organisation_id":
            org["id"] = value
        elif name == "document_source":
            document["source"] = value
        elif name == "period":
            years = _period(value)
            if years is None:
                problems.append(f"{where}: period: {_quote(value)} names no year; write 2025-2029 or 2025, 2027")
            else:
                document["period"] = years
        else:
            document.setdefault("notes", {})[name[5:]] = value


def _period(text: str) -> list[int] | None:
    """ "2022-2026" -> [2022, 2026] (first and last); "2022, 2024, 2026" -> those years."""
    m = re.fullmatch(r"\s*([0-9]{4})\s*[-–—]\s*([0-9]{4})\s*", text)
    if m:
        return [int(m.group(1)), int(m.group(2))]
    years = re.findall(r"(?<![0-9])[0-9]{4}(?![0-9])", text)
    if not years or re.sub(r"[0-9]{4}|[\s,;]", "", text):
        return None
    return [int(y) for y in years]


def _quote(value: str, limit: int = 60) -> str:
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)


def _name_from(preamble: list[str], file: str) -> str:
    return preamble[0] if preamble else os.path.splitext(os.path.basename(file))[0]


def _read_preamble(rows: Rows, document: dict, vocab) -> list[str]:
    """Rows above the header (files of older versions and planners' own): "Key: value" metadata, anything
    else kept as text."""
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
            return dict(compress(zip(keys, values, strict=True), values))
        return dict(zip(keys, values, strict=True))

    return read


class TableCells:
    """A table's RawDocument.field_cells: get((id(mapping), field)) -> (row, column letter) or None.

    A 10^5-row table has about a million such cells, and a tuple key and value for each would cost
    more than reading the file, while RawDocument.where asks for a few (to point at a problem). So
    the reader records each mapping once — its row is its location's, the fields that row gave it are
    its keys that have a column (indicator keys other than the name are named as their columns) — and a
    cell is worked out when asked for.
    """

    def __init__(
        self,
        mappings: dict[int, dict],
        locations: dict[int, Location],
        letter_of: dict[str, str | None],
        later: dict[tuple[int, str], tuple],
    ):
        self._mappings = mappings  # id(mapping) -> the mapping, as its row made it
        self._locations = locations  # id(mapping) -> where it stands (its row)
        self._letter_of = letter_of  # field -> column letter
        self._later = later  # cells set one by one after their mapping was made (by a continuation row)

    def get(self, key, default=None):
        found = self._later.get(key)
        if found is not None:
            return found
        mapping_id, field_name = key
        mapping = self._mappings.get(mapping_id)
        # a field with a column of its own that the mapping's row gave it (the keys added to a mapping after
        # its row — indicators, targets, an inferred parent or id — have no column, or are in `later`)
        if mapping is not None and field_name in self._letter_of and field_name in mapping:
            return (self._locations[mapping_id].line, self._letter_of[field_name])
        return default


class _Shared(dict[str, str]):
    """Texts by themselves: `shared[text]` is the first object read with that text. A table repeats its few
    owners, units, sources and formulas row after row, each cell a new object; kept once each, the model of
    a 10^5-goal table holds about 30 MB less, and the checker's groupings meet texts already hashed."""

    def __missing__(self, text: str) -> str:
        self[text] = text
        return text


class _NotPlain(Exception):
    """A row read_direct leaves to the usual reading (and the document builder)."""


class _TableReader:
    """Turns data rows into node entries (the canonical document's flat form).

    The columns are sorted once per file into groups read from each row: the node's fields, the
    indicator's fields (keyed and ordered as in the indicator mapping), the yearly targets, the
    notes and the document's fields. Column letters are looked up per field, and the field cells of
    a row are kept as one record (see TableCells).
    """

    def __init__(
        self,
        columns: list[Column],
        unheaded: list[int],
        file: str,
        kind: str,
        sheet: str | None,
        levels: policy.LevelVocabulary,
    ):
        self.levels = levels
        self.columns = columns
        self.file, self.kind, self.sheet = file, kind, sheet
        self.csv = kind == "row"
        fields = {c.field for c in columns}
        self.has_id = "id" in fields
        self.has_parent = "parent" in fields
        self.width = max(c.index for c in columns) + 1  # cells past a short row's end read as blank
        # one column per field (notes and targets have several)
        self.column_of = {c.field: c for c in columns if c.field not in ("target", "note", "document_note")}
        self.letter_of = {f: c.letter for f, c in self.column_of.items()}
        order = list(INDICATOR_KEYS)
        node_columns = [(c.index, c.field) for c in columns if c.field in NODE_FIELDS]
        self.read_node = _column_reader(node_columns)
        self.read_indicator = _column_reader(
            [
                (c.index, INDICATOR_KEYS[c.field])
                for c in sorted((c for c in columns if c.field in INDICATOR_KEYS), key=lambda c: order.index(c.field))
            ]
        )
        self.read_targets = _column_reader([(c.index, str(c.year)) for c in columns if c.field == "target"])
        self.read_notes = _column_reader([(c.index, c.key or "") for c in columns if c.field == "note"])
        self.has_notes = any(c.field == "note" for c in columns)
        self.read_document = _column_reader([(c.index, c.field) for c in columns if c.field in DOCUMENT_FIELDS])
        self.read_document_notes = _column_reader(
            [(c.index, "note:" + (c.key or "")) for c in columns if c.field == "document_note"]
        )
        self.document_header = {c.field: c for c in columns if c.field in DOCUMENT_FIELDS}
        self.document_header.update({"note:" + (c.key or ""): c for c in columns if c.field == "document_note"})
        self.document: dict[str, tuple[str, Location]] = {}  # document field -> (value, where first given)
        # cells in columns without a header (inside the header's width, or past it) must not be lost
        self.unheaded = [i for i in unheaded if i < self.width]
        self.reported: set[int] = set()  # columns already reported as holding text without a header
        self.list_fields = tuple(f for f in LIST_FIELDS if f in fields)
        self.entries: list[dict] = []
        self.locations: dict[int, Location] = {}
        self.mappings: dict[int, dict] = {}  # id(mapping) -> mapping (TableCells)
        self.later_cells: dict[tuple[int, str], tuple] = {}  # (id(entry), field) -> (row, letter), filled in later
        self.problems: list[str] = []
        self.by_id: dict[str, tuple[dict, int]] = keeping_hashes()  # id -> (entry, its first row)
        # id(entry) -> its first row's node cells, when no field of it is blank (a later row may fill those)
        self.first_parts: dict[int, dict] = {}
        document_columns = [c.index for c in columns if c.field in DOCUMENT_FIELDS or c.field == "document_note"]
        self.pick_document = itemgetter(*document_columns) if document_columns else None
        self.last_document: object = None  # the document cells of the last row that gave them without a problem
        self.current: tuple[dict, int] | None = None
        self._last_where: Location | None = None
        if self.has_parent and not self.has_id:
            self.problems.append(f"{file}: a parent column (induk) needs an id column (kode) to refer to")

    @property
    def field_cells(self) -> TableCells:
        return TableCells(self.mappings, self.locations, self.letter_of, self.later_cells)

    def header_of(self, name: str) -> str:
        col = self.document_header.get(name)
        return col.header if col is not None else name

    def read(self, rows: Iterable[list[str]], first: int) -> None:
        """Read the data rows, the first of them row `first` of the file or sheet."""
        width, strip, unheaded, add, csv_file = self.width, str.strip, self.unheaded, self.add, self.csv
        empty = cellcodec.EMPTY
        # the usual row of a table with ids and no note columns, read here at once (what `add` does for it)
        quick = self.has_id and not self.has_notes
        read_node, read_indicator, read_targets = self.read_node, self.read_indicator, self.read_targets
        pick_document, by_id, first_parts = self.pick_document, self.by_id, self.first_parts
        mappings, locations, where, letter = self.mappings, self.locations, self.where, self.letter_of.get("indicator")
        for number, cells in enumerate(rows, start=first):
            if not cells:
                continue
            if unheaded or len(cells) > width:
                self._unheaded(number, cells)
            text = "\x1f".join(cells)
            if len(cells) < width or len(text) > MAX_CELL:
                cells = self._checked(number, cells)
            # some cell may need decoding (kinerja_graph.cells): an escape, the empty text, CSV's apostrophe (each
            # two-character text looked for only where its first character is: a search for one character is
            # several times faster, and most rows hold neither; "_x" only from the first "_" on: a row often holds
            # some "_" far from its start — in a file name, an id — and the search for "_x" reads the text several
            # times slower than the one for "_")
            encoded = (
                ("_" in text and text.find("_x", text.find("_")) >= 0)
                or ('"' in text and empty in text)
                or (csv_file and "'" in text)
            )
            cells = list(map(strip, cells))
            if not quick or encoded:
                add(number, cells, encoded)
                continue
            node_part = read_node(cells)
            indicator = read_indicator(cells)
            targets = read_targets(cells)
            if pick_document is not None:
                given = pick_document(cells)
                if given != self.last_document:
                    self._document_row(number, cells, False, given)
            node_id = node_part.get("id")
            if node_id is None or "name" not in indicator:
                self._place(number, node_part, indicator, targets, {})
                continue
            found = by_id.get(node_id)
            if found is None:
                entry = self._new(number, node_part, True)
            else:
                entry = found[0]
                if node_part != first_parts.get(id(entry)):
                    self._check_same(entry, found[1], number, node_part)
                self.current = found
            mappings[id(indicator)] = indicator
            if targets:
                indicator["targets"] = targets
            given_indicators = entry.get("indicators")
            if given_indicators is None:
                entry["indicators"] = [indicator]
            else:
                given_indicators.append(indicator)
            locations[id(indicator)] = where(number, letter)

    @property
    def plain(self) -> bool:
        """Whether read_direct may read this table: ids, parents, every target column a year."""
        return (
            self.has_id
            and self.has_parent
            and all(year_of(str(c.year)) is not None for c in self.columns if c.field == "target")
        )

    def read_direct(self, rows: Iterable[list[str]], first: int) -> list[Node]:
        """The nodes of a plain table (see `plain`), made from the cells of its data rows, the first of them
        row `first`; the document's fields as `read` takes them.

        What `read` and then the document builder make of the same rows, without the mappings between:
        a node per id, its indicators in row order, labels, calculation types, polarities, parents,
        crosscutting links and targets worked out once per distinct cell text. Any row either of them
        would say something about (a problem, or a goal filled in from a later row) raises _NotPlain, and
        the table is read the usual way."""
        width, strip, unheaded, csv_file = self.width, str.strip, self.unheaded, self.csv
        empty = cellcodec.EMPTY
        vocab = policy.fields()
        index = {c.field: c.index for c in self.columns if c.field not in ("target", "note", "document_note")}
        blank = width  # the index of the blank cell each row gets at its end: a field without a column reads it
        i_id, i_parent, i_level, i_statement, i_owner, i_crosscutting, i_ignore, i_ref, i_inferred = (
            index.get(f, blank) for f in NODE_FIELDS
        )
        i_name, i_formula, i_unit, i_calculation, i_polarity, i_source, i_notes = (
            index.get(f, blank) for f in INDICATOR_FIELDS
        )
        pick_node = itemgetter(*[c.index for c in self.columns if c.field in NODE_FIELDS], blank, blank)
        indicator_details = [index[f] for f in INDICATOR_FIELDS[1:] if f in index]
        target_columns = sorted((c for c in self.columns if c.field == "target"), key=lambda c: c.year or 0)
        target_years = [year_of(str(c.year)) for c in target_columns]
        pick_targets = itemgetter(*[c.index for c in target_columns], blank, blank)
        pick_details = itemgetter(*indicator_details + [c.index for c in target_columns], blank, blank)
        pick_document = self.pick_document
        read_notes, has_notes = self.read_notes, self.has_notes
        file, kind, sheet = self.file, self.kind, self.sheet
        node_number = 0  # the row of the last node made (its indicator on that row shares its Location)
        node_place = Location(file)
        letter_of = self.letter_of
        letter_indicator = letter_of.get("indicator")
        node_letters = {f: letter_of.get(f) for f in ("statement", "indicator", "id")}
        new_location = tuple.__new__  # Location(...) without its Python-level __new__: all five fields given
        new_object = object.__new__

        level_of = self.levels.resolve
        levels: dict[str, Any] = {}  # label -> (its level, the label's one text object)
        shared = _Shared()  # the texts of the columns few texts fill (owner, unit, source, formula), one object each
        calculations: dict[str, str | None] = {}
        polarities: dict[str, str | None] = {}
        parents_of: dict[str, tuple[str, ...]] = {}
        crosscutting_of: dict[str, tuple[Crosscut, ...]] = {}
        target_of: dict[str, Any] = {}
        targets_of: dict[tuple, dict] = {}
        nodes: list[Node] = []
        by_id: dict[str, tuple[Node, tuple]] = keeping_hashes()
        current: tuple[Node, tuple] | None = None
        current_id = None  # the id of current's node: a goal's later rows follow its first (no look-up in by_id)
        for number, raw in enumerate(rows, start=first):
            if not raw:
                continue
            if unheaded or len(raw) > width:
                self._unheaded(number, raw)
                if self.problems:
                    raise _NotPlain
                raw = raw[:width]
            text = "\x1f".join(raw)
            if len(raw) < width or len(text) > MAX_CELL:
                raw = self._checked(number, raw)
                if self.problems:
                    raise _NotPlain
            cells = list(map(strip, raw))
            encoded = (
                ("_" in text and text.find("_x", text.find("_")) >= 0)
                or ('"' in text and empty in text)
                or (csv_file and "'" in text)
            )
            if pick_document is not None:
                given = pick_document(cells)
                if given != self.last_document:
                    self._document_row(number, cells, encoded, given)
                    if self.problems:
                        raise _NotPlain
            if encoded:  # each cell as `add` decodes it; one that decodes to a blank or spaced text is not plain
                decoded = self._decoded
                for i, cell in enumerate(cells):
                    if cell:
                        value = cells[i] = decoded(cell)
                        if not value or value != value.strip():
                            raise _NotPlain
            cells.append("")
            node_cells = pick_node(cells)
            node_id = cells[i_id]
            name = cells[i_name]
            if not name and any(pick_details(cells)):
                raise _NotPlain  # an indicator's details without its name
            notes = read_notes(cells) if has_notes else None
            if node_id:
                found = current if node_id == current_id else by_id.get(node_id)
            elif not any(node_cells):
                if not name and not notes:
                    continue  # an empty row, or one giving only the document's fields
                found = current
                if found is None:
                    raise _NotPlain
            else:
                found = current
                if found is None:
                    raise _NotPlain
            if found is not None:
                node, first_cells = found
                if node_cells != first_cells:
                    for later_cell, first_cell in zip(node_cells, first_cells, strict=True):
                        if later_cell and later_cell != first_cell:
                            raise _NotPlain  # fills in, or conflicts with, the goal's first row
                current = found
                current_id = node.id
            else:
                if cells[i_ignore] or cells[i_inferred]:
                    raise _NotPlain  # rule ids and field names: the node schema's to judge
                statement = cells[i_statement] or None
                label = cells[i_level] or None
                level_id = None
                if label is not None:
                    known_level = levels.get(label)
                    if known_level is None:
                        level = level_of(label)
                        if level is None:
                            raise _NotPlain
                        known_level = levels[label] = (level.id, label)
                    level_id, label = known_level
                elif statement is not None:
                    raise _NotPlain  # a goal without a level
                parent = cells[i_parent]
                if not parent:
                    parents = []
                elif '"' not in parent and ";" not in parent and "\n" not in parent:
                    parents = [parent]
                else:
                    known_parents = parents_of.get(parent)
                    if known_parents is None:
                        known_parents = parents_of[parent] = tuple(parent_ids(_node_value("parent", parent), None))
                    parents = list(known_parents)
                links = cells[i_crosscutting]
                if links:
                    known_links = crosscutting_of.get(links)
                    if known_links is None:
                        known_links = crosscutting_of[links] = tuple(
                            Crosscut.parse(c) for c in cellcodec.split_list(links) if c.strip()
                        )
                    crosscutting = list(known_links)
                else:
                    crosscutting = []
                anchor = "statement" if statement is not None else "indicator" if name else "id"
                node_place = new_location(Location, (file, number, kind, sheet, node_letters[anchor]))
                # Node(...) without its Python-level __init__ (every field set here, in the class's order)
                node = new_object(Node)
                node.id = node_id
                node.statement = statement
                node.level = level_id
                node.level_label = label
                node.parents = parents
                node.owner = shared[cells[i_owner]] or None
                node.indicators = []
                node.crosscutting = crosscutting
                node.notes = {}
                node.ignore = []
                node.location = node_place
                node.ref = cells[i_ref] or None
                node.inferred = ()
                nodes.append(node)
                node_number = number
                current = by_id[node_id] = (node, node_cells)
                current_id = node_id
            if notes:  # each note of the goal once, a different text on a later row on a line of its own
                node_notes = node.notes
                for key, note in notes.items():
                    existing = node_notes.get(key)
                    if existing is None:
                        node_notes[key] = note
                    elif existing != note:
                        node_notes[key] = existing + "\n" + note
            if not name:
                continue
            calculation = polarity = None
            given = cells[i_calculation]
            if given:
                calculation = calculations.get(given)
                if calculation is None:
                    calculation = calculations[given] = vocab.calculation_of(given)
                    if calculation is None:
                        raise _NotPlain  # an unknown calculation type
            given = cells[i_polarity]
            if given:
                polarity = polarities.get(given)
                if polarity is None:
                    polarity = polarities[given] = vocab.polarity_of(given)
                    if polarity is None:
                        raise _NotPlain  # an unknown polarity
            texts = pick_targets(cells)
            targets = targets_of.get(texts)  # indicators with the same row of targets share one mapping
            if targets is None:
                targets = {}
                for year, value in zip(target_years, texts, strict=False):
                    if value:
                        target = target_of.get(value)
                        if target is None:
                            target = target_of[value] = parse_target(value)
                        targets[year] = target
                if len(targets_of) < TARGET_ROWS:
                    targets_of[texts] = targets
            place = node_place if number == node_number and letter_indicator == node_place.column else None
            indicator = new_object(Indicator)  # Indicator(...) as Node(...) above
            indicator.name = name
            indicator.formula = shared[cells[i_formula]] or None
            indicator.unit = shared[cells[i_unit]] or None
            indicator.calculation = calculation
            indicator.source = shared[cells[i_source]] or None
            indicator.polarity = polarity
            indicator.targets = targets
            indicator.notes = cells[i_notes] or None
            indicator.location = place or new_location(Location, (file, number, kind, sheet, letter_indicator))
            node.indicators.append(indicator)
        if self.problems:
            raise _NotPlain
        for node in nodes:
            if node.statement is None and not node.indicators:
                raise _NotPlain  # neither a statement nor an indicator
        return nodes

    def where(self, number: int, letter: str | None = None) -> Location:
        """The row (CSV) or cell (XLSX) as a Location; consecutive asks for one place share one."""
        last = self._last_where
        if last is None or last.line != number or last.column != letter:
            last = self._last_where = Location(self.file, number, self.kind, self.sheet, letter)
        return last

    def _unheaded(self, number: int, cells: list[str]) -> None:
        """Text in a column without a header (a blank header, or past the header's last column): one
        message for the row, naming its first such cell; a column is named once."""
        indexes = [i for i in (*self.unheaded, *range(self.width, len(cells))) if i < len(cells) and cells[i].strip()]
        fresh = [i for i in indexes if i not in self.reported]
        if not fresh:
            return
        self.reported.update(indexes)
        index = fresh[0]
        if self.kind == "cell":
            where = self.where(number, cellcodec.column_letter(index + 1))
            column = f"column {cellcodec.column_letter(index + 1)}"
        else:
            where, column = self.where(number), f"column {index + 1}"
        more = f" (and {len(fresh) - 1} more such cells in this row)" if len(fresh) > 1 else ""
        hint = (
            "; or a ';' inside a cell that is not in double quotes split it" if self.csv and index >= self.width else ""
        )
        self.problems.append(
            f"{where}: {column} holds {_quote(cells[index].strip(), 40)} but has no header{more}; "
            f"give the column a header{hint}"
        )

    def _checked(self, number: int, cells: list) -> list[str]:
        """A short row padded to the table's width; over-long cells reported and blanked.

        List cells (parent, crosscutting, ignore, inferred) have no limit of their own: many items may
        make a long cell. An encoded cell counts as the text it stands for."""
        cells = ["" if c is None else c for c in cells] + [""] * (self.width - len(cells))  # a None cell is blank
        for col in self.columns:
            value = cells[col.index]
            if len(value) > MAX_CELL and col.field not in LIST_FIELDS:
                size = len(self._decoded(value.strip()))
                if size <= MAX_CELL:
                    continue
                self.problems.append(
                    f"{self.where(number, col.letter)}: {col.header}: cell holds {size:,} characters; "
                    f"the limit is {MAX_CELL:,}"
                )
                cells[col.index] = ""
        return cells

    def _decoded(self, cell: str) -> str:
        return cellcodec.decode(cellcodec.restore(cell) if self.csv else cell)

    def _decode(self, *mappings: dict) -> None:
        for mapping in mappings:
            for k, v in mapping.items():
                mapping[k] = self._decoded(v)

    def add(self, number: int, cells: list[str], encoded: bool = False) -> None:
        """One data row, its cells stripped; `encoded`: some cell may need decoding (kinerja_graph.cells)."""
        node_part = self.read_node(cells)
        indicator = self.read_indicator(cells)
        targets = self.read_targets(cells)
        notes = self.read_notes(cells)
        if encoded:
            self._decode(node_part, indicator, targets, notes)
        pick_document = self.pick_document
        if pick_document is not None:
            given = pick_document(cells)
            if given != self.last_document:  # (the writer repeats the document's fields on every row)
                self._document_row(number, cells, encoded, given)
        self._place(number, node_part, indicator, targets, notes)

    def _place(self, number: int, node_part: dict, indicator: dict, targets: dict, notes: dict) -> None:
        """A row's mappings, read: its goal (a new one, or one it continues), its notes and its indicator."""
        if not node_part and not indicator and not targets and not notes:
            return  # an empty row, or one giving only the document's fields
        has_indicator = "name" in indicator
        if not has_indicator and (indicator or targets):
            any_field = bool(node_part or indicator)
            self._detail_without_name(number, any_field, indicator, targets)
            return
        node_id = node_part.get("id")
        entry = None
        if self.has_id:
            if node_id is None:
                entry = self._continuation(number, node_part, has_indicator)
            elif node_id in self.by_id:
                entry, first_number = self.by_id[node_id]
                if node_part != self.first_parts.get(id(entry)):  # a row repeating the goal's first row agrees
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

    def _document_row(self, number: int, cells: list[str], encoded: bool, given: object) -> None:
        """The document's fields of a row whose cells for them differ from the last row read without a problem."""
        document = self.read_document(cells)
        document_notes = self.read_document_notes(cells)
        if encoded:
            self._decode(document, document_notes)
        before = len(self.problems)
        if document or document_notes:
            self._document(number, document, document_notes)
        if len(self.problems) == before:  # a row that agrees: the same cells again agree too
            self.last_document = given

    def _document(self, number: int, *mappings: dict) -> None:
        """The document's fields a row gives: every row giving one must agree."""
        for mapping in mappings:
            for name, value in mapping.items():
                col = self.document_header[name]
                before = self.document.get(name)
                if before is None:
                    self.document[name] = (value, self.where(number, col.letter))
                elif before[0] != value:
                    self.problems.append(
                        f"{self.where(number, col.letter)}: {col.header}: {_quote(value)} differs from "
                        f"{_quote(before[0])} given at {before[1]}; a table holds one document"
                    )

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
        self.mappings[id(indicator)] = indicator
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
            if self.has_id:  # a blank id before any goal: nothing to continue, nothing to be known by
                letter = self.letter_of.get("indicator" if has_indicator else "id")
                self.problems.append(
                    f"{self.where(number, letter)}: id: this row has no id and no goal above it to continue "
                    f"(column {self._header('id')}); give it one"
                )
                return None
            # an indicator before any goal: an indicator without a goal, numbered on its own
            return self._new(number, node_part, has_indicator)
        entry, first_number = self.current
        if self.has_id and "statement" in node_part and node_part["statement"] != entry.get("statement"):
            self.problems.append(
                f"{self.where(number, self.letter_of['statement'])}: id: this row names a new goal but its id is "
                f"blank; give it an id (blank ids continue the goal of row {first_number})"
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
                    f"{self.where(number, self.letter_of[k])}: {self._header(k)}: {v!r} conflicts with row "
                    f"{first_number} of the same goal ({_show(existing)!r})"
                )

    def _new(self, number: int, node_part: dict, has_indicator: bool) -> dict:
        entry = node_part  # the row's own mapping, read for this row alone, becomes the entry
        first = dict(node_part) if self.has_id else None
        for k in self.list_fields:
            if k in entry:
                value = entry[k]
                if k == "parent" and '"' not in value and ";" not in value and "\n" not in value and value.strip():
                    entry[k] = value.strip()  # one parent (_node_value's answer, without splitting)
                    continue
                value = entry[k] = _node_value(k, value)
                if value == [] or value == "":
                    first = None  # a blank list: a later row may fill it (_check_same)
        if first is not None and "" not in entry.values():
            self.first_parts[id(entry)] = first
        self.mappings[id(entry)] = entry
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
                        f"{self.locations[id(entry)]}: {self._header('level')}: without a parent column the tree is "
                        "read from levels, and this goal has none"
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


def _node_value(field_name: str, value: str):
    """A node field's value as the document has it: parent, crosscutting, ignore and inferred are lists."""
    if field_name == "parent":
        parts = cellcodec.split_list(value)
        return parts[0] if len(parts) == 1 else parts
    if field_name in ("crosscutting", "inferred"):
        return cellcodec.split_list(value)
    if field_name == "ignore":
        silences = []
        for part in cellcodec.split_list(value):
            if part.strip():
                rule, _, reason = part.partition(":")
                reason = reason[1:] if reason[:1] == " " else reason  # "rule: reason", the reason as written
                silences.append({"rule": rule.strip(), "reason": reason} if reason else {"rule": rule.strip()})
        return silences
    return value


def _show(value) -> str:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)
