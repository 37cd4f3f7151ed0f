"""The planner's workbook: `kinerja convert … FILE.xlsx` and `kinerja template`.

A workbook a planner keeps working in, and that reads back into the same cascade:

- sheet "Pohon Kinerja" (first: the one the loader reads): one row per (goal, indicator), the goal's
  columns repeated on each of its rows, a frozen header row, an autofilter, dropdowns (data
  validation) for level, calculation type and polarity from the vocabularies in rules/, targets by
  year as numbers where the text is a number ("85", "4 Dokumen" as 4 shown "4 Dokumen", "75%" as 75
  shown "75%"), any other target as its text;
- sheet "Organisasi": the organisation's name, type (a dropdown), id, period, source and the
  document's notes, one "Label | value" row each — read back by the loader;
- a hidden sheet "Daftar" holding the dropdowns' lists;
- `kinerja template` adds "Petunjuk" (instructions) and "Contoh" (a small worked example).

Text goes through kinerja_graph.cells; a text longer than an Excel cell holds (32,767 characters) is
refused with a message and nothing is written — never cut.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

from kinerja_graph import cells, policy, sharedstrings, writers
from kinerja_graph.cells import column_letter
from kinerja_graph.errors import InputError
from kinerja_graph.i18n import words
from kinerja_graph.model import Cascade

XLSX_CELL_LIMIT = 32_767
SPARE_ROWS = 500  # rows below a converted table that still carry the dropdowns
TEMPLATE_ROWS = 1000
EXAMPLE = Path(__file__).parent / "template_example.yaml"
MAX_NUMBER_TEXT = 15  # significant digits a spreadsheet number keeps
_NUMBER = re.compile(r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)(.*)", re.S)
# a unit written after a number that can stay in the cell's number format: `General" Dokumen"`
_SUFFIX = re.compile(r" ?(?:%|[^\W\d_][^\W\d_ ./%]*(?:[ ./][^\W\d_%]+)*)")
WIDTHS = {
    "id": 9,
    "parent": 10,
    "level": 20,
    "statement": 45,
    "owner": 22,
    "crosscutting": 24,
    "indicator": 40,
    "formula": 40,
    "unit": 11,
    "calculation": 18,
    "polarity": 16,
    "source": 28,
    "indicator_notes": 24,
    "notes": 24,
    "ignore": 18,
    "ref": 18,
    "inferred": 14,
}


def _t(key: str, lang: str, **params) -> str:
    return words("workbook").t(key, lang, **params)


def numeric_target(text: str) -> tuple[int | float, str] | None:
    """(number, number format) for a target a number cell can hold without losing its text, else None.

    "85" -> (85, "General"); "4 Dokumen" -> (4, 'General" Dokumen"'); "75%" -> (75, 'General"%"').
    "82,5", "1.500", "007", "80-90", "Tersedia" stay text: a number cell would read back otherwise."""
    m = _NUMBER.fullmatch(text)
    if m is None:
        return None
    digits, suffix = m.groups()
    if len(digits.replace("-", "").replace(".", "").lstrip("0")) > MAX_NUMBER_TEXT:
        return None
    number: int | float = float(digits) if "." in digits else int(digits)
    if cells.plain_number(float(number)) != digits:
        return None
    if not suffix:
        return number, "General"
    if len(suffix) > 40 or not _SUFFIX.fullmatch(suffix):
        return None
    return number, f'General"{suffix}"'


# ------------------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class Mark:
    """What a report says about one goal, shown on its rows of the table sheet: the rows filled in the
    colour of the worst `severity`, and `note` (one line per finding) as a comment on its first Kode cell."""

    severity: str
    note: str


MARK_FILLS = {"error": "F8CBAD", "warning": "FFE699", "info": "E4DFEC"}  # red, yellow, lavender
BOLD_SHARE = 0.85  # a bold header holds this share of a column's characters
NOTE_LIMIT = 2_000  # characters of a comment; the findings sheet holds every finding whole


@dataclass
class Book:
    """A planner's workbook being made (write-only: sheets are written in the order they are made)."""

    book: Any
    lists: _Lists
    table_title: str = ""
    first_rows: dict[str, int] = field(default_factory=dict)  # goal id -> its first row on the table sheet


def write_workbook(cascade: Cascade, path: str, headers: str = "en") -> None:
    """`kinerja convert … FILE.xlsx`: the cascade as a planner's workbook (InputError when a text is too long)."""
    made = cascade_book(cascade, headers, path=path)
    made.lists.write(made.book)
    _save(made.book, path)


def cascade_book(
    cascade: Cascade, headers: str = "en", *, path: str = "", marks: Mapping[str, Mark] | None = None
) -> Book:
    """The table and organisation sheets of `cascade` in a new workbook; `marks` by goal id are shown on
    the goals' rows. The caller adds its own sheets, then writes the lists (`Book.lists.write`) and saves.
    InputError (naming `path`) when a text is too long for a cell: nothing is made."""
    lang = "id" if headers == "id" else "en"
    table = writers.table(
        cascade, headers, document_columns=False, polarity_words=writers.polarity_words(headers), xlsx=True
    )
    problems = _too_long(table, path or cascade.file)
    if problems:
        raise InputError(problems)
    made = Book(_new_book(), _Lists(lang), _t("sheet_table", lang))
    made.first_rows = _table_sheet(
        made.book, made.table_title, table, made.lists, len(table.rows) + 1 + SPARE_ROWS, marks or {}
    )
    _organisation_sheet(made.book, table.document, lang, made.lists)
    return made


def new_book(lang: str = "id") -> Book:
    """An empty planner's workbook (for sheets of the caller's own)."""
    return Book(_new_book(), _Lists(lang))


def list_sheet(
    made: Book,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[float],
    *,
    links: Iterable[int | None] = (),
    fills: Iterable[str | None] = (),
    link_column: int = 0,
    fill_column: int = 0,
) -> None:
    """A plain list sheet: a bold frozen header with an autofilter, one row per item, every text a text
    cell (encoded: a text starting with "=" is never a formula). `links`: per row, the row of the table
    sheet its cell in `link_column` links to (None: no link); `fills`: per row, a severity whose colour fills its cell in `fill_column`."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws = made.book.create_sheet(title)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letter(i)].width = width
    ws.freeze_panes = "A2"
    _page(ws, landscape=True, a3=True, pages_wide=1, title_rows="1:1")
    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    head_align = Alignment(wrap_text=True, vertical="center")
    header_cells = []
    for name in header:
        cell = _text(ws, name, bold, head_align)
        cell.fill = header_fill
        header_cells.append(cell)
    height = _row_height((name, width * BOLD_SHARE) for name, width in zip(header, widths, strict=False))
    if height:
        ws.row_dimensions[1].height = height
    ws.append(header_cells)
    styles = _Styles(ws, Alignment(wrap_text=True, vertical="top"))
    link_font = Font(color="1F4E79", underline="single")
    count = 0
    for row, link, severity in zip_longest(rows, links, fills):
        if row is None:
            break
        count += 1
        out: list[Any] = []
        for column, value in enumerate(row):
            fill = severity if column == fill_column else None
            if value is None or value == "":
                out.append(styles.cell(None, fill=fill) if fill else None)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                out.append(styles.cell(value, "General", fill=fill))
            else:
                out.append(styles.cell(cells.encode(str(value), xlsx=True), fill=fill))
        if link is not None and link_column < len(out) and out[link_column] is not None:
            out[link_column].hyperlink = Hyperlink(ref="", location=f"{_sheet_ref(made.table_title)}!A{link}")
            out[link_column].font = link_font
        height = _row_height((str(v), w) for v, w in zip(row, widths, strict=False) if v not in (None, ""))
        if height:
            ws.row_dimensions[count + 1].height = height
        ws.append(out)
    ws.auto_filter.ref = f"A1:{column_letter(max(len(header), 1))}{max(count + 1, 2)}"


def book_bytes(made: Book, active: int = 0) -> bytes:
    """The workbook's file, with the lists written and sheet number `active` the one it opens on."""
    import io

    made.lists.write(made.book)
    made.book.active = active
    buffer = io.BytesIO()
    made.book.save(buffer)
    return buffer.getvalue()


def write_template(path: str, headers: str = "id", years: Iterable[int] = (), example: Cascade | None = None) -> None:
    """`kinerja template`: an empty cascade workbook ready to fill in, with instructions and `example`
    (a small cascade, EXAMPLE as the command reads it) as a worked example."""
    lang = "id" if headers == "id" else "en"
    years = list(years)
    columns = writers.NODE_COLUMNS + writers.INDICATOR_COLUMNS + [f"target_{y}" for y in years] + ["notes"]
    empty = writers.Table(columns, [writers.header_name(c, headers, True) for c in columns], [], [], years)
    document = [
        (key, writers.ORGANISATION_LABELS[lang][key], "")
        for key in ("organisation", "organisation_type", "organisation_id", "period", "document_source")
    ]
    if years:
        document[3] = ("period", document[3][1], writers.period_text([years[0], years[-1]]))
    book = _new_book()
    lists = _Lists(lang)
    _table_sheet(book, _t("sheet_table", lang), empty, lists, TEMPLATE_ROWS)
    _organisation_sheet(book, document, lang, lists)
    _instructions_sheet(book, lang)
    if example is not None:
        shown = writers.table(
            example, headers, document_columns=False, polarity_words=writers.polarity_words(headers), xlsx=True
        )
        _table_sheet(book, _t("sheet_example", lang), shown, lists, len(shown.rows) + 1)
    lists.write(book)
    book.active = 2  # opens on the instructions; the table stays the first sheet, the one the loader reads
    _save(book, path)


def _new_book():
    import openpyxl

    return openpyxl.Workbook(write_only=True)


def _save(book, path: str) -> None:
    """Saved under a temporary name first: a failure never leaves half a workbook at `path`."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(suffix=".xlsx", dir=folder)
    os.close(fd)
    try:
        book.save(temporary)
        sharedstrings.share_strings(temporary)  # each distinct text stored once, as Excel writes it
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a file opened for writing would be, not mkstemp's 0600
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _too_long(table: writers.Table, path: str) -> list[str]:
    """Every cell text over Excel's limit, each named by node and field."""
    problems: list[str] = []
    for row in table.rows:
        for column, value in zip(table.columns, row, strict=True):
            if value is None:
                continue
            text = writers.cell_text(value, xlsx=True)
            if len(text) > XLSX_CELL_LIMIT:
                problems.append(
                    f"{path}: node {_short(row[0])}: {_field(column)}: {len(text):,} characters; an .xlsx cell holds "
                    f"at most {XLSX_CELL_LIMIT:,} — keep this cascade as YAML, JSON or CSV (nothing was written)"
                )
    for _key, label, value in table.document:
        text = cells.encode(value, xlsx=True)
        if len(text) > XLSX_CELL_LIMIT or len(label) > XLSX_CELL_LIMIT:
            problems.append(
                f"{path}: {_short(label)}: {max(len(text), len(label)):,} characters; an .xlsx cell holds at most "
                f"{XLSX_CELL_LIMIT:,} — keep this cascade as YAML, JSON or CSV (nothing was written)"
            )
    for name in table.header:
        if len(name) > XLSX_CELL_LIMIT:
            problems.append(
                f"{path}: column {_short(name)}: {len(name):,} characters; an .xlsx cell holds at most "
                f"{XLSX_CELL_LIMIT:,} — keep this cascade as YAML, JSON or CSV (nothing was written)"
            )
    if len(problems) > 20:
        problems = problems[:20] + [f"{path}: (more cells over the limit not shown)"]
    return problems


def _short(value, limit: int = 40) -> str:
    text = str(value).replace("\n", " ")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _field(column: str) -> str:
    if column.startswith("target_"):
        return f"targets.{column[7:]}"
    if column.startswith("note:"):
        return f"notes.{column[5:]}"
    return {"indicator": "indicators.name", "indicator_notes": "indicators.notes"}.get(column, column)


class _Lists:
    """The dropdowns' lists, kept on one hidden sheet; each list a column."""

    def __init__(self, lang: str):
        self.lang = lang
        levels = policy.levels()
        names = []
        for level in levels.levels:
            name = level.name.get(lang) or level.name["en"]
            names.append(name if levels.resolve(name) is not None else level.id)
        calculation = ["kumulatif", "non-kumulatif", "kumulatif-negatif"]
        polarity = [_t("polarity_higher", lang), _t("polarity_lower", lang)]
        self.columns = {
            "level": (_t("list_level", lang), names),
            "calculation": (_t("list_calculation", lang), calculation),
            "polarity": (_t("list_polarity", lang), polarity),
            "organisation_type": (_t("list_organisation_type", lang), _organisation_types()),
        }
        self.title = _t("sheet_lists", lang)

    def formula(self, key: str) -> str:
        index = list(self.columns).index(key) + 1
        letter = column_letter(index)
        count = len(self.columns[key][1])
        return f"{_sheet_ref(self.title)}!${letter}$2:${letter}${count + 1}"

    def validation(self, key: str, prompt: str):
        from openpyxl.worksheet.datavalidation import DataValidation

        lang = self.lang
        return DataValidation(
            type="list",
            formula1=self.formula(key),
            allow_blank=True,
            showDropDown=False,  # (sic: False shows the in-cell arrow)
            showInputMessage=True,
            promptTitle=_clip(_t("prompt_title", lang), 32),
            prompt=_clip(prompt, 255),
            showErrorMessage=True,
            errorStyle="warning",  # a label of the organisation's own rule pack can still be typed
            errorTitle=_clip(_t("list_error_title", lang), 32),
            error=_clip(_t("list_error", lang), 255),
        )

    def write(self, book) -> None:
        from openpyxl.styles import Font

        ws = book.create_sheet(self.title)
        ws.sheet_state = "hidden"
        longest = max(len(values) for _, values in self.columns.values())
        grid = [[_text(ws, title, Font(bold=True)) for title, _ in self.columns.values()]]
        for i in range(longest):
            grid.append([_text(ws, values[i]) if i < len(values) else None for _, values in self.columns.values()])
        for row in grid:
            ws.append(row)


def _organisation_types() -> list[str]:
    """The first name of each organisation type of the owners vocabulary (rules/vocabulary/owners.yaml)."""
    fallback = ["kecamatan", "kelurahan", "dinas"]
    try:
        data = policy.read_yaml(policy.rules_dir() / "vocabulary" / "owners.yaml", "owners vocabulary")
    except Exception:  # the list is a convenience: without it the cell stays free
        return fallback
    entries = data.get("organisation_types") if isinstance(data, dict) else None
    found = [str(e["names"][0]) for e in entries or [] if isinstance(e, dict) and e.get("names")]
    return found or fallback


def _sheet_ref(title: str) -> str:
    return title if title.replace("_", "").isalnum() else "'" + title.replace("'", "''") + "'"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(ws, value: str, font=None, alignment=None, encoded: bool = False):
    """A text cell (never a formula), its text encoded for XLSX (unless `encoded` already)."""
    from openpyxl.cell import WriteOnlyCell

    if value != "" and not encoded:
        value = cells.encode(value, xlsx=True)
    cell = WriteOnlyCell(ws, value=value if value != "" else None)
    if value != "":
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def _row_height(texts: Iterable[tuple[str, float]]) -> float | None:
    """A row's height for its wrapped texts ((text, column width) pairs), or None for one line.

    Spreadsheets do not grow a row to its wrapped text when they open a file, so the writer sets it: a
    column `width` holds about 0.9 × width characters of a line (an estimate on the safe side: capitals are wide)."""
    lines = 1
    for text, width in texts:
        per_line = max(int(width * 0.9), 1)
        needed = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
        lines = max(lines, needed)
    if lines == 1:
        return None
    return min(lines * LINE_HEIGHT + 2, MAX_ROW_HEIGHT)


def _page(ws, landscape: bool, a3: bool, pages_wide: int, title_rows: str | None = None) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "8" if a3 else "9"  # A3, A4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


def _table_sheet(
    book, title: str, table: writers.Table, lists: _Lists, validated_rows: int, marks: Mapping[str, Mark] | None = None
) -> dict[str, int]:
    """The table sheet; returns each goal's first row. `marks` by goal id fill the goal's rows and put a
    comment on its first Kode cell."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = lists.lang
    ws = book.create_sheet(title)
    last_column = column_letter(max(len(table.columns), 1))
    widths = []
    for i, column in enumerate(table.columns, start=1):
        width = 11 if column.startswith("target_") else WIDTHS.get(column, 24)
        if column == "polarity" and lang == "id":
            width = 26  # "semakin rendah semakin baik"
        widths.append(width)
        ws.column_dimensions[column_letter(i)].width = width
    ws.freeze_panes = "A2"
    _page(ws, landscape=True, a3=True, pages_wide=2, title_rows="1:1")  # two A3 pages wide print at full size
    ws.print_title_cols = "A:A"
    last_row = max(len(table.rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{last_column}{last_row}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    head_align = Alignment(wrap_text=True, vertical="center")
    body_align = Alignment(wrap_text=True, vertical="top")
    header = []
    for name in table.header:
        cell = _text(ws, name, bold, head_align, encoded=True)
        cell.fill = fill
        header.append(cell)
    height = _row_height(zip(table.header, widths, strict=True))
    if height:
        ws.row_dimensions[1].height = height
    ws.append(header)
    styles = _Styles(ws, body_align)
    is_target = [c.startswith("target_") for c in table.columns]
    marks = marks or {}
    first_rows: dict[str, int] = {}
    for row_number, row in enumerate(table.rows, start=2):
        goal = str(row[0])
        first = goal not in first_rows
        if first:
            first_rows[goal] = row_number
        mark = marks.get(goal)
        severity = mark.severity if mark else None
        out: list = []
        texts: list[tuple[str, float]] = []
        for target, value, width in zip(is_target, row, widths, strict=True):
            if value is None:
                out.append(styles.cell(None, fill=severity) if severity else None)
                continue
            if target and isinstance(value, str):
                numeric = numeric_target(value)
                if numeric is not None:
                    out.append(styles.cell(numeric[0], numeric[1], fill=severity))
                    continue
            text = writers.cell_text(value, xlsx=True)
            texts.append((text, width))
            out.append(styles.cell(text, fill=severity))
        if mark is not None and first and out[0] is not None:
            out[0].comment = _comment(mark.note)
        height = _row_height(texts)
        if height:
            ws.row_dimensions[row_number].height = height
        ws.append(out)
    position = {c: column_letter(i) for i, c in enumerate(table.columns, start=1)}
    end = max(validated_rows, 2)
    for key, prompt in (
        ("level", "level_prompt"),
        ("calculation", "calculation_prompt"),
        ("polarity", "polarity_prompt"),
    ):
        if key in position:
            dv = lists.validation(key, _t(prompt, lang))
            dv.add(f"{position[key]}2:{position[key]}{end}")
            ws.data_validations.append(dv)
    targets = [position[c] for c in table.columns if c.startswith("target_")]
    if targets:
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1000000000000",
            formula2="1000000000000",
            allow_blank=True,
            showInputMessage=True,
            promptTitle=_clip(_t("target_title", lang), 32),
            prompt=_clip(_t("target_prompt", lang), 255),
            showErrorMessage=True,
            errorStyle="warning",  # a target written as text ("Tersedia") can still be kept
            errorTitle=_clip(_t("target_title", lang), 32),
            error=_clip(_t("target_error", lang), 255),
        )
        for letter in targets:
            dv.add(f"{letter}2:{letter}{end}")
        ws.data_validations.append(dv)
    return first_rows


def _comment(note: str):
    """A cell comment holding `note` (cut to NOTE_LIMIT characters), sized to show it."""
    from openpyxl.comments import Comment

    text = cells.encode(_clip(note, NOTE_LIMIT), xlsx=True)
    lines = sum(1 + len(part) // 60 for part in text.split("\n"))
    comment = Comment(text, "kinerja-graph")
    comment.width = 420
    comment.height = min(20 + 15 * lines, 600)
    return comment


class _Styles:
    """Body cells with one shared look: each style is worked out once, then copied to every cell.

    (Setting a cell's alignment works the style out again for every cell: a third of the time of a
    large workbook.)"""

    def __init__(self, ws, alignment):
        self.ws = ws
        self.alignment = alignment
        self.known: dict[str, object] = {}

    def cell(self, value, number_format: str | None = None, fill: str | None = None):
        """A body cell; `fill`: a severity whose colour (MARK_FILLS) fills it."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import PatternFill

        key = f"{number_format or ''}|{fill or ''}"
        style = self.known.get(key)
        if style is None:
            model = WriteOnlyCell(self.ws)
            model.alignment = self.alignment
            if number_format:
                model.number_format = number_format
            if fill:
                model.fill = PatternFill("solid", fgColor=MARK_FILLS.get(fill, "EDEDED"))
            style = self.known[key] = model._style  # type: ignore[attr-defined]
        cell = WriteOnlyCell(self.ws, value=value)
        if number_format is None and value is not None:
            cell.data_type = "s"  # always text: a statement starting with "=" never becomes a formula
        cell._style = copy.copy(style)  # type: ignore[attr-defined]
        return cell


def _organisation_sheet(book, document: list[tuple[str, str, str]], lang: str, lists: _Lists) -> None:
    """The document's fields, one "Label | value" row each; column C explains (and is not read)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = book.create_sheet(_t("sheet_organisation", lang))
    widths = (24, 50, 70)
    for letter, width in zip("ABC", widths, strict=True):
        ws.column_dimensions[letter].width = width
    _page(ws, landscape=True, a3=False, pages_wide=1)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    grey = Font(italic=True, color="666666")
    to_fill = PatternFill("solid", fgColor="FFF2CC")  # the cells a planner fills in
    type_row = None
    for number, (key, label, value) in enumerate(document, start=1):
        help_key = f"help_{key}"
        explanation = _t(help_key, lang) if help_key in words("workbook").table else ""
        height = _row_height(zip((label, value, explanation), widths, strict=True))
        if height:
            ws.row_dimensions[number].height = height
        given = _text(ws, value, None, wrap)
        given.fill = to_fill
        ws.append([_text(ws, label, bold, wrap, encoded=True), given, _text(ws, explanation, grey, wrap)])
        if key == "organisation_type":
            type_row = number
    if type_row is None:
        type_row = len(document) + 1
        ws.append([_text(ws, writers.ORGANISATION_LABELS[lang]["organisation_type"], bold, encoded=True)])
    dv = lists.validation("organisation_type", _t("organisation_type_prompt", lang))
    dv.add(f"B{type_row}")
    ws.data_validations.append(dv)


def _instructions_sheet(book, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet(_t("sheet_instructions", lang))
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 100
    _page(ws, landscape=False, a3=False, pages_wide=1)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].height = 24
    ws.append([None, _text(ws, _t("instructions_title", lang), Font(bold=True, size=14))])
    ws.append([])
    for number, line in enumerate(_t("instructions", lang).splitlines(), start=1):
        height = _row_height([(line, 100)])
        if height:
            ws.row_dimensions[number + 2].height = height
        ws.append([_text(ws, f"{number}.", None, wrap), _text(ws, line, None, wrap)])
