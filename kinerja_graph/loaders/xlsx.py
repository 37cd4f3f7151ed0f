"""An .xlsx workbook's sheets as rows of cell texts, read in bounded time and memory.

The sheet XML is streamed (expat, no tree) and only the cells that exist and hold a value are kept:
a declared `<dimension>` or one far cell (XFD1048576) costs nothing, a row can hold at most the
16,384 cells a sheet has, and a sheet at most MAX_CELLS cell elements. Every part's declared size is
bounded before it is read, and no part may declare a DTD (so no entity expansion). A damaged
workbook — not a zip, a corrupt deflate stream, malformed XML, no sheet, a shared string that does
not exist, a bad number or cell reference — is an InputError naming the file and the part or cell.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any
from xml.parsers import expat

from kinerja_graph.cells import column_index, column_letter, plain_number
from kinerja_graph.errors import InputError

MAX_PART = 512 * 1024 * 1024  # uncompressed bytes of one part
MAX_CELLS = 5_000_000  # cell elements in one sheet, empty or not
MAX_COLUMNS = 16_384  # XFD, a sheet's last column
MAX_ROWS = 1_048_576
CHUNK = 1 << 16

# A table is a list of rows, each a list of cell texts; rows[i] is row i + 1 of the sheet.
Rows = list[list[str]]

_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_QUOTED = re.compile(r'"[^"]*"|\\.')
# a number format that is a number followed by literal text: `General" Dokumen"`, `General\%` (as
# LibreOffice writes `General"%"` back), `0" Orang"`
_SUFFIX_FORMAT = re.compile(r'^(?:General|0|0\.0+|#,##0|#,##0\.0+)((?:"[^"]*"|\\.)+)$')
_LITERAL = re.compile(r'"([^"]*)"|\\(.)')


class _Damaged(Exception):
    """Raised inside the parser; becomes an InputError naming the file."""


@dataclass
class Workbook:
    """The parts of an open workbook that reading a sheet needs."""

    path: str | IO[bytes]  # a file, or the workbook's bytes as a binary stream
    file: str  # how messages name it
    archive: zipfile.ZipFile
    sheets: list[tuple[str, str]]  # (name, part path) of each worksheet, in order
    strings_part: str | None = None
    styles_part: str | None = None
    date1904: bool = False
    _strings: list[str] | None = field(default=None, repr=False)
    _formats: list[str] | None = field(default=None, repr=False)

    @property
    def sheet_names(self) -> list[str]:
        return [name for name, _ in self.sheets]

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -------------------------------------------------------------------------------- parts

    def _info(self, part: str) -> zipfile.ZipInfo:
        """The part's entry, its declared size within the bound."""
        try:
            info = self.archive.getinfo(part)
        except KeyError:
            raise _Damaged(f"{part}: the part is missing") from None
        if info.file_size > MAX_PART:
            raise _Damaged(f"{part}: {info.file_size:,} bytes unpacked; the limit is {MAX_PART:,}")
        return info

    @staticmethod
    def _parser(part: str) -> Any:
        """An expat parser that refuses a DTD or an entity declaration."""
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.buffer_size = CHUNK

        def refuse(*_args):
            raise _Damaged(f"{part}: declares a DTD or an entity, which a workbook never does")

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        return parser

    def _parse(self, part: str, start: Callable | None, end: Callable | None = None, text: Callable | None = None):
        info = self._info(part)
        parser = self._parser(part)
        if start is not None:
            parser.StartElementHandler = start
        if end is not None:
            parser.EndElementHandler = end
        if text is not None:
            parser.CharacterDataHandler = text
        try:
            with self.archive.open(info) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except expat.ExpatError as exc:
            message = expat.errors.messages.get(exc.code, str(exc))
            raise _Damaged(f"{part}: malformed XML: {message} (line {exc.lineno}, column {exc.offset})") from None

    def strings(self) -> list[str]:
        if self._strings is None:
            self._strings = _read_strings(self) if self.strings_part else []
        return self._strings

    def formats(self) -> list[str]:
        """The number format code of each cell style index."""
        if self._formats is None:
            self._formats = _read_formats(self) if self.styles_part else []
        return self._formats


def open_workbook(path: str | IO[bytes], file: str | None = None) -> Workbook:
    """Open `path` (a file, or a binary stream of the workbook's bytes, named `file` in messages) and read
    its list of sheets (InputError if it is not a readable workbook)."""
    file = file or str(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError.one(file, "no such file") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise InputError.one(file, f"not a readable .xlsx workbook (not a zip archive: {exc})") from None
    try:
        return _workbook(path, file, archive)
    except _Damaged as exc:
        archive.close()
        raise InputError.one(file, f"not a readable .xlsx workbook: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as exc:
        archive.close()
        raise InputError.one(file, f"not a readable .xlsx workbook: damaged archive ({exc})") from None


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _attr(attrs: dict, local: str) -> str | None:
    for k, v in attrs.items():
        if _local(k) == local:
            return v
    return None


def _workbook(path: str | IO[bytes], file: str, archive: zipfile.ZipFile) -> Workbook:
    names = set(archive.namelist())
    book_part = "xl/workbook.xml"
    if book_part not in names:
        rels = _relationships(archive, "_rels/.rels", "")
        book_part = next((t for kind, t in rels.values() if kind.endswith("/officeDocument")), book_part)
    if book_part not in names:
        raise _Damaged("no workbook part (xl/workbook.xml): this is not an .xlsx workbook")
    base = posixpath.dirname(book_part)
    rels = _relationships(archive, posixpath.join(base, "_rels", posixpath.basename(book_part) + ".rels"), base)
    book = Workbook(path, file, archive, [])
    declared: list[tuple[str, str | None]] = []

    def start(name, attrs):
        local = _local(name)
        if local == "sheet":
            declared.append((attrs.get("name", ""), _attr(attrs, "id")))
        elif local == "workbookPr" and attrs.get("date1904") in ("1", "true"):
            book.date1904 = True

    book._parse(book_part, start)
    for name, rel in declared:
        kind, target = rels.get(rel or "", ("", ""))
        if kind.endswith("/worksheet") and target:
            book.sheets.append((name, target))
    for kind, target in rels.values():
        if kind.endswith("/sharedStrings") and target in names:
            book.strings_part = target
        elif kind.endswith("/styles") and target in names:
            book.styles_part = target
    if not book.sheets:
        raise _Damaged("the workbook holds no worksheet")
    return book


def _relationships(archive: zipfile.ZipFile, part: str, base: str) -> dict[str, tuple[str, str]]:
    """{rId: (type, part path)} of a .rels part (empty when the part is absent)."""
    found: dict[str, tuple[str, str]] = {}
    if part not in archive.namelist():
        return found
    holder = Workbook("", "", archive, [])

    def start(name, attrs):
        if _local(name) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            found[attrs.get("Id", "")] = (attrs.get("Type", ""), target)

    holder._parse(part, start)
    return found


def _read_strings(book: Workbook) -> list[str]:
    strings: list[str] = []
    parts: list[str] = []
    state = {"depth_phonetic": 0, "in_t": False}

    def start(name, attrs):
        local = _local(name)
        if local == "si":
            parts.clear()
        elif local == "rPh":
            state["depth_phonetic"] += 1
        elif local == "t" and not state["depth_phonetic"]:
            state["in_t"] = True

    def end(name):
        local = _local(name)
        if local == "si":
            strings.append("".join(parts))
        elif local == "rPh":
            state["depth_phonetic"] -= 1
        elif local == "t":
            state["in_t"] = False

    def text(data):
        if state["in_t"]:
            parts.append(data)

    assert book.strings_part is not None
    book._parse(book.strings_part, start, end, text)
    return strings


def _read_formats(book: Workbook) -> list[str]:
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    custom: dict[int, str] = {}
    formats: list[str] = []
    where = {"cellXfs": False}

    def start(name, attrs):
        local = _local(name)
        if local == "numFmt":
            with contextlib.suppress(ValueError):
                custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            where["cellXfs"] = True
        elif local == "xf" and where["cellXfs"]:
            try:
                number = int(attrs.get("numFmtId", "0"))
            except ValueError:
                number = 0
            formats.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))

    def end(name):
        if _local(name) == "cellXfs":
            where["cellXfs"] = False

    assert book.styles_part is not None
    book._parse(book.styles_part, start, end)
    return formats


# ------------------------------------------------------------------------------------ one sheet


def sheet_rows(book: Workbook, name: str | None = None, max_rows: int | None = None) -> tuple[Rows, str]:
    """The rows of the sheet `name` (the first when None) and its name; `max_rows` stops early."""
    if name is None:
        name, part = book.sheets[0]
    else:
        found = dict(book.sheets).get(name)
        if found is None:
            raise InputError.one(book.file, f"no sheet named {name!r}; sheets: {', '.join(book.sheet_names)}")
        part = found
    try:
        return _sheet(book, part, name, max_rows), name
    except _Damaged as exc:
        raise InputError.one(book.file, f"not a readable .xlsx workbook: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
        raise InputError.one(book.file, f"not a readable .xlsx workbook: damaged archive ({exc})") from None


class _Stop(Exception):
    pass


def _sheet(book: Workbook, part: str, sheet: str, max_rows: int | None) -> Rows:
    """The sheet's cells holding a value, as rows of texts: through _plain_sheet when every cell is written
    plainly, else _any_sheet; the bounds of the module docstring hold on both ways."""
    cells = _plain_sheet(book, part, sheet, max_rows)
    if cells is None:
        cells = _any_sheet(book, part, sheet, max_rows)
    if not cells:
        return []
    rows: Rows = []
    empty: list[str] = []
    last_row = max(cells)
    for r in range(1, last_row + 1):
        row = cells.get(r)
        if not row:
            rows.append(empty)  # one shared empty row: a far cell costs a pointer per row
            continue
        values = [""] * max(row)
        for c, v in row.items():
            values[c - 1] = v
        rows.append(values)
    return rows


# A cell as Excel, LibreOffice and the tool (kinerja_graph/sharedstrings.py) write it: reference, style,
# type, and a value without entities (or none)
_PLAIN_CELL = re.compile(
    rb'<c r="([A-Z]+)([0-9]+)"(?: s="([0-9]+)")?(?: t="([a-z]+)")?(?:/>|>(?:<v>([^<&]*)</v>)?</c>)'
)
_ANY_CELL = re.compile(rb"<c[ >/]")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|v|row|is|t)[ >/]")


def _plain_sheet(book: Workbook, part: str, sheet: str, max_rows: int | None) -> dict[int, dict[int, str]] | None:
    """The cells of a sheet whose every cell is written plainly (_PLAIN_CELL), read without a Python call per
    XML element: the part still goes through expat (well-formed, no DTD, the size bound) while a regular
    expression picks the cells out of the same chunks; None as soon as one cell is written otherwise (a
    formula, an inline string, an entity, a namespace prefix): _any_sheet then reads the sheet."""
    cells: dict[int, dict[int, str]] = {}
    state = _SheetState()
    column_of: dict[bytes, int] = {}
    numbers: dict[tuple[bytes, int], str] = {}
    strings: list[str] | None = None
    last_row, in_row = 0, 0
    info = book._info(part)
    parser = book._parser(part)
    try:
        with book.archive.open(info) as stream:
            pending = b""
            while True:
                chunk = stream.read(CHUNK)
                parser.Parse(chunk, not chunk)
                data = pending + chunk
                if chunk:
                    # up to the end of the last whole row or cell: a row of millions of cells is read a
                    # chunk at a time too, never gathered whole (nor copied again with every chunk)
                    cell_end, empty_end = data.rfind(b"</c>"), data.rfind(b"/>")
                    cut = max(
                        data.rfind(b"</row>"),
                        cell_end + 4 if cell_end >= 0 else -1,
                        empty_end + 2 if empty_end >= 0 else -1,
                    )
                    if cut < 0:
                        pending = data
                        continue
                    region, pending = data[:cut], data[cut:]
                else:
                    region = data
                found = _PLAIN_CELL.findall(region)
                if len(found) != len(_ANY_CELL.findall(region)) or _PREFIXED.search(region):
                    return None
                for letters, digits, style, kind, raw in found:
                    state.cells += 1
                    if state.cells > MAX_CELLS:
                        raise _Damaged(f"{part}: the sheet holds more than {MAX_CELLS:,} cells")
                    column = column_of.get(letters)
                    if column is None:
                        column = column_of[letters] = column_index(letters.decode("ascii"))
                    row = int(digits)
                    if not 0 < column <= MAX_COLUMNS or not 0 < row <= MAX_ROWS:
                        raise _Damaged(f"{part}: {(letters + digits).decode('ascii')[:20]!r} is not a cell reference")
                    if max_rows is not None and row > max_rows:
                        return cells
                    if row != last_row:
                        last_row, in_row = row, 0
                    in_row += 1
                    if in_row > MAX_COLUMNS:
                        raise _Damaged(
                            f"{part}: row {row} holds more than {MAX_COLUMNS:,} cells, more than a sheet has"
                        )
                    if not raw:
                        continue
                    state.row, state.column = row, column
                    state.kind = kind.decode("ascii") if kind else "n"
                    state.style = int(style) if style else 0
                    if state.kind == "s":
                        if strings is None:
                            strings = book.strings()
                        try:
                            value = strings[int(raw)]
                        except (ValueError, IndexError):
                            raise _Damaged(
                                f"cell {state.where(sheet)} refers to shared string {raw.decode('ascii')[:20]!r}, "
                                f"but the workbook holds {len(strings):,}"
                            ) from None
                    elif state.kind == "n":
                        key = (raw, state.style)
                        value = numbers.get(key)  # type: ignore[assignment]
                        if value is None:
                            value = numbers[key] = state.end_cell(book, part, sheet, raw.decode("utf-8"))
                    else:
                        value = state.end_cell(book, part, sheet, raw.decode("utf-8"))
                    if value:
                        row_cells = cells.get(row)
                        if row_cells is None:
                            row_cells = cells[row] = {}
                        row_cells[column] = value
                if not chunk:
                    return cells
    except expat.ExpatError as exc:
        message = expat.errors.messages.get(exc.code, str(exc))
        raise _Damaged(f"{part}: malformed XML: {message} (line {exc.lineno}, column {exc.offset})") from None


def _any_sheet(book: Workbook, part: str, sheet: str, max_rows: int | None) -> dict[int, dict[int, str]]:
    """The cells of any sheet, element by element through expat's handlers.

    The handlers run once or twice per cell element of a sheet that may hold millions: what a cell needs is
    looked up in memos (each element name's local part, each column's letters, each number cell's text by
    value and style) and the messages naming a cell are made only when one is damaged."""
    cells: dict[int, dict[int, str]] = {}  # row -> column -> text, the cells holding a value
    state = _SheetState()
    local_of: dict[str, str] = {}  # element name -> its local part (namespaces make them long)
    column_of: dict[str, int] = {}  # column letters -> index
    numbers: dict[tuple[str, int], str] = {}  # (raw value, style) -> text of a number cell
    text_parts = state.text
    strings: list[str] | None = None

    def start(name: str, attrs: dict[str, str]) -> None:
        local = local_of.get(name)
        if local is None:
            local = local_of[name] = _local(name)
        if local == "c":
            begin_cell(attrs)
        elif local == "v" or local == "t":
            if state.in_cell:
                state.collecting = local == "v" or state.kind == "inlineStr"
                text_parts.clear()
        elif local == "row":
            state.begin_row(attrs, part)
            if max_rows is not None and state.row > max_rows:
                raise _Stop

    def begin_cell(attrs: dict[str, str]) -> None:
        state.cells += 1
        state.in_row += 1
        if state.cells > MAX_CELLS:
            raise _Damaged(f"{part}: the sheet holds more than {MAX_CELLS:,} cells")
        if state.in_row > MAX_COLUMNS:
            raise _Damaged(f"{part}: row {state.row} holds more than {MAX_COLUMNS:,} cells, more than a sheet has")
        ref = attrs.get("r")
        if ref is None:
            state.column += 1
            if state.row == 0:
                state.row = 1
        else:
            m = _REF.fullmatch(ref)
            if m is None:
                raise _Damaged(f"{part}: {ref[:20]!r} is not a cell reference")
            letters, digits = m.groups()
            column = column_of.get(letters)
            if column is None:
                column = column_of[letters] = column_index(letters)
            row = int(digits)
            if not 0 < column <= MAX_COLUMNS or not 0 < row <= MAX_ROWS:
                raise _Damaged(f"{part}: {ref[:20]!r} is not a cell reference")
            state.column = column
            state.row = row
        state.kind = attrs.get("t", "n")
        style = attrs.get("s")
        state.style = int(style) if style is not None and style.isdigit() else 0
        text_parts.clear()
        state.collecting = False
        state.in_cell = True

    def end(name: str) -> None:
        nonlocal strings
        local = local_of.get(name)
        if local is None:
            local = local_of[name] = _local(name)
        if local == "c":
            state.in_cell = False
            if not text_parts:
                return
            raw = text_parts[0] if len(text_parts) == 1 else "".join(text_parts)
            if not raw:
                return
            kind = state.kind
            if kind == "s":
                if strings is None:
                    strings = book.strings()
                try:
                    value = strings[int(raw)]
                except (ValueError, IndexError):
                    raise _Damaged(
                        f"cell {state.where(sheet)} refers to shared string {raw[:20]!r}, but the workbook "
                        f"holds {len(strings):,}"
                    ) from None
            elif kind == "n":
                key = (raw, state.style)
                found = numbers.get(key)
                if found is None:
                    found = numbers[key] = state.end_cell(book, part, sheet, raw)
                value = found
            else:
                value = state.end_cell(book, part, sheet, raw)
            if value:
                row_cells = cells.get(state.row)
                if row_cells is None:
                    row_cells = cells[state.row] = {}
                row_cells[state.column] = value
        elif local == "v" or local == "t":
            state.collecting = False

    def text(data: str) -> None:
        if state.collecting:
            text_parts.append(data)

    with contextlib.suppress(_Stop):  # max_rows reached
        book._parse(part, start, end, text)
    return cells


class _SheetState:
    __slots__ = ("row", "column", "kind", "style", "text", "collecting", "in_cell", "cells", "in_row", "ref")

    def __init__(self) -> None:
        self.row = 0
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.text: list[str] = []
        self.collecting = False
        self.in_cell = False
        self.cells = 0  # cell elements in the sheet
        self.in_row = 0  # cell elements in this row
        self.ref = ""

    def begin_row(self, attrs: dict[str, str], part: str) -> None:
        number = attrs.get("r")
        if number is None:
            self.row += 1
        else:
            if not number.isdigit() or not 0 < int(number) <= MAX_ROWS:
                raise _Damaged(f"{part}: row number {number[:20]!r} is not a sheet row")
            self.row = int(number)
        self.column = 0
        self.in_row = 0

    def where(self, sheet: str) -> str:
        return f"{sheet}!{column_letter(self.column)}{self.row}"

    def end_cell(self, book: Workbook, part: str, sheet: str, raw: str) -> str:
        """The text of a cell other than a shared string (raw: its value as written, not empty)."""
        kind = self.kind
        if kind in ("inlineStr", "str", "e", "d"):
            return raw
        if kind == "b":
            return "TRUE" if raw.strip() in ("1", "true") else "FALSE"
        try:
            number = float(raw)
        except ValueError:
            raise _Damaged(f"cell {self.where(sheet)} holds {raw[:20]!r} where a number belongs") from None
        formats = book.formats()
        fmt = formats[self.style] if self.style < len(formats) else "General"
        return number_text(number, fmt, book.date1904)


def number_text(value: float, fmt: str, date1904: bool = False) -> str:
    """A number cell's text as the reader gives it: plain digits, Excel's percent, a date, or a literal suffix.

    `General" Dokumen"` (how the writer keeps "4 Dokumen" a number) reads "4 Dokumen"."""
    if fmt and fmt != "General":
        suffix = _SUFFIX_FORMAT.match(fmt)
        if suffix:
            return plain_number(value) + "".join(a or b for a, b in _LITERAL.findall(suffix.group(1)))
        bare = _QUOTED.sub("", fmt)
        if "%" in bare:
            return plain_number(value * 100) + "%"
        from openpyxl.styles.numbers import is_date_format, is_timedelta_format

        if is_date_format(fmt):
            from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

            try:
                epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
                moment = from_excel(value, epoch, timedelta=is_timedelta_format(fmt))
            except (ValueError, OverflowError, TypeError):
                return plain_number(value)
            if moment is None:
                return plain_number(value)
            return moment.isoformat() if hasattr(moment, "isoformat") else str(moment)
    return plain_number(value)
