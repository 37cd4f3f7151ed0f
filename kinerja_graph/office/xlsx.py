"""Excel workbooks with openpyxl, laid out to be worked in and printed: a styled header row, column
widths, wrapped text, frozen panes, an autofilter, and a print setup (A4 landscape, fitted to the page
width, the header row repeated on every printed page).

    book = new_workbook()
    ws = add_sheet(book, "Kasi Pem")
    row = write_lines(ws, 1, [("Jabatan: Kasi Pem", "title")])
    last = write_table(ws, row + 1, ["No", "Sasaran"], [[1, "Meningkatnya …"]], widths=[5, 40])
    print_setup(ws, header_rows=(row + 1, row + 1))
    save(book, "out.xlsx")

User text goes into a cell only through `set_text`: always a text cell (a statement starting with "="
never becomes a formula, and is marked so that editing the cell keeps it text), made storable
(kinerja_graph.office.xml_text), and cut to the 32,767 characters a cell may hold.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_graph import sharedstrings
from kinerja_graph.office import xml_text

FONT = "Arial"
FONT_SIZE = 10
HEADER_FILL = "D9E2F3"
GRID = "808080"
MAX_CELL = 32767  # characters an Excel cell holds
CUT_MARK = " […]"
DEFAULT_WIDTH = 8.43  # a column's width when none is set
CHARS_PER_WIDTH = 1.1  # characters of running text per unit of column width (Arial; a little pessimistic)
LINE_HEIGHT = 1.3  # a text line's height, in multiples of the font size
BOLD_WIDTH = 0.88  # bold text takes this much more room: a column holds this share of its characters
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
_RESERVED_SHEETS = {"history"}  # Excel keeps this name for itself

_thin = Side(style="thin", color=GRID)
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
WRAP = Alignment(wrap_text=True, vertical="top")

STYLES: dict[str, Font] = {
    "title": Font(name=FONT, size=14, bold=True),
    "subtitle": Font(name=FONT, size=11, bold=True),
    "label": Font(name=FONT, size=FONT_SIZE, bold=True),
    "text": Font(name=FONT, size=FONT_SIZE),
    "note": Font(name=FONT, size=FONT_SIZE - 1, italic=True, color="595959"),
    "header": Font(name=FONT, size=FONT_SIZE, bold=True),
    "missing": Font(name=FONT, size=FONT_SIZE, italic=True, color="808080"),
    "link": Font(name=FONT, size=FONT_SIZE, color="1F4E79", underline="single"),
}


def new_workbook() -> Workbook:
    """An empty workbook (its default sheet removed: add_sheet makes every sheet)."""
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    return book


def sheet_title(name: object, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet title for `name`: at most 31 characters, none of []:*?/\\, not starting or
    ending with an apostrophe, not Excel's reserved "History", different (ignoring case) from `taken`."""
    base = " ".join(xml_text(name).translate(_SHEET_FORBIDDEN).split()).strip("'") or "Sheet"
    if base.lower() in _RESERVED_SHEETS:
        base += " 1"
    used = {t.lower() for t in taken}
    title = base[:31].strip().strip("'")
    n = 1
    while title.lower() in used:
        n += 1
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)].strip().strip("'") + suffix
    return title


def add_sheet(book: Workbook, name: object) -> Worksheet:
    """A new sheet, its title made valid and unique (sheet_title); whole-sheet default font set."""
    ws = book.create_sheet(sheet_title(name, book.sheetnames))
    ws.sheet_view.zoomScale = 100
    return ws


def sheet_link(ws: Worksheet, cell: Cell | MergedCell) -> Hyperlink:
    """An internal hyperlink from `cell` to the first cell of `ws` (a place in the workbook, not a file)."""
    return Hyperlink(ref=cell.coordinate, location="'" + ws.title.replace("'", "''") + "'!A1")


def set_text(cell: Cell | MergedCell, value: object, style: str = "text") -> Cell | MergedCell:
    """Put user text into a cell as inert text (see the module's docstring); `style` names a font of STYLES."""
    text = xml_text(value)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - len(CUT_MARK)] + CUT_MARK
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # Excel and LibreOffice keep it text when the cell is edited
    cell.font = STYLES[style]
    return cell


def set_number(cell: Cell | MergedCell, value: int | float, style: str = "text") -> Cell | MergedCell:
    cell.value = value
    cell.font = STYLES[style]
    return cell


def set_value(cell: Cell | MergedCell, value: Any, style: str = "text") -> Cell | MergedCell:
    """A number stays a number (bool excluded); anything else is text through set_text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return set_number(cell, value, style)
    return set_text(cell, value, style)


def align(cell: Cell | MergedCell, horizontal: str | None = None, vertical: str = "top", wrap: bool = True) -> None:
    """A cell's alignment: horizontal "left", "center" or "right" (None: by value), wrapped by default."""
    cell.alignment = Alignment(wrap_text=wrap, vertical=vertical, horizontal=horizontal)


def frame(cell: Cell | MergedCell, *, top: bool = True, bottom: bool = True) -> None:
    """Thin left and right borders, and top/bottom ones when asked: several cells framed as one block."""
    cell.border = Border(left=_thin, right=_thin, top=_thin if top else None, bottom=_thin if bottom else None)


def write_lines(ws: Worksheet, row: int, lines: Sequence[tuple[str, str]], column: int = 1) -> int:
    """Lines of (text, style) from `row` down in one column (not wrapped: they run over empty cells to
    their right); returns the row after the last."""
    for text, style in lines:
        set_text(ws.cell(row=row, column=column), text, style)
        row += 1
    return row


def set_widths(ws: Worksheet, widths: Sequence[float], first: int = 1) -> None:
    """Column widths, in Excel's character units, from column `first` on."""
    for i, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(first + i)].width = width


def style_header(ws: Worksheet, row: int, count: int, first: int = 1, fill: str = HEADER_FILL) -> None:
    """A table's header row: bold, shaded, centred, wrapped, bordered."""
    shade = PatternFill("solid", start_color=fill, end_color=fill)
    for c in range(first, first + count):
        cell = ws.cell(row=row, column=c)
        cell.font = STYLES["header"]
        cell.fill = shade
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def header_spans(groups: Sequence[str | None]) -> list[tuple[int, int, str | None]]:
    """(first, last, label) index runs of `groups`: equal consecutive labels form one run, None stands alone."""
    spans: list[tuple[int, int, str | None]] = []
    for i, label in enumerate(groups):
        if label is not None and spans and spans[-1][2] == label and spans[-1][1] == i - 1:
            spans[-1] = (spans[-1][0], i, label)
        else:
            spans.append((i, i, label))
    return spans


def write_table(
    ws: Worksheet,
    row: int,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    groups: Sequence[str | None] | None = None,
    widths: Sequence[float] | None = None,
    styles: Iterable[Sequence[str | None]] | None = None,
    first: int = 1,
    freeze: bool = True,
    autofilter: bool = True,
) -> int:
    """A bordered, wrapped table with a styled header at `row`; frozen below the header and filtered
    when asked. `groups`, when given, adds a band above the header: a label per column (equal neighbours
    merged into one cell spanning them, "Target" over its years); a column without one (None) has its
    header merged down over both rows. `styles`, when given, holds a style name (or None: "text") per
    cell of each row. Returns the last row written (the header row when there are no rows)."""
    header_row = row
    if groups and any(g is not None for g in groups):
        header_row = row + 1
        style_header(ws, row, len(headers), first)
        for a, b, label in header_spans(groups):
            if label is None:
                set_text(ws.cell(row=row, column=first + a), headers[a], "header")
                ws.merge_cells(start_row=row, start_column=first + a, end_row=header_row, end_column=first + a)
            else:
                set_text(ws.cell(row=row, column=first + a), label, "header")
                if b > a:
                    ws.merge_cells(start_row=row, start_column=first + a, end_row=row, end_column=first + b)
                for c in range(a, b + 1):
                    set_text(ws.cell(row=header_row, column=first + c), headers[c], "header")
    else:
        for c, header in enumerate(headers, start=first):
            set_text(ws.cell(row=row, column=c), header, "header")
    style_header(ws, header_row, len(headers), first)
    style_rows = iter(styles) if styles is not None else None
    last = header_row
    for values in rows:
        last += 1
        cell_styles = next(style_rows, None) if style_rows is not None else None
        for i, value in enumerate(values):
            style = (cell_styles[i] if cell_styles and i < len(cell_styles) else None) or "text"
            cell = ws.cell(row=last, column=first + i)
            if value is not None and value != "":
                set_value(cell, value, style)
            cell.border = BORDER
            cell.alignment = WRAP
    if widths:
        set_widths(ws, widths, first)
    if freeze:
        ws.freeze_panes = f"{get_column_letter(first)}{header_row + 1}"
    if autofilter and headers:
        end = get_column_letter(first + len(headers) - 1)
        ws.auto_filter.ref = f"{get_column_letter(first)}{header_row}:{end}{last}"
    return last


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes wrapped at word boundaries in a column `width` characters wide (a
    slightly pessimistic estimate: spreadsheets do not size rows to wrapped text themselves)."""
    cap = max(1, int(width * CHARS_PER_WIDTH))
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size <= cap:
                used += 1 + size
                continue
            if used:  # the word starts a new line
                lines += 1
            broken = (size - 1) // cap  # a word longer than the column breaks over lines
            lines += broken
            used = size - broken * cap
        total += lines
    return total


def fit_row_heights(ws: Worksheet, first: int, last: int, *, minimum: float = 0) -> None:
    """Set the height of rows `first`..`last` to fit their wrapped text, by the columns' widths (Excel and
    LibreOffice keep the default height for rows written without one, cutting wrapped text off)."""
    widths = {letter: (dim.width if dim.width else DEFAULT_WIDTH) for letter, dim in ws.column_dimensions.items()}
    for r in range(first, last + 1):
        lines, size = 1, float(FONT_SIZE)
        for cell in ws[r]:
            if cell.value is None or not isinstance(cell.value, str):
                continue
            width = widths.get(cell.column_letter, DEFAULT_WIDTH)
            font = cell.font
            if font is not None and font.b:
                width *= BOLD_WIDTH
            lines = max(lines, wrapped_lines(cell.value, width))
            if font is not None and font.sz:
                size = max(size, float(font.sz))
        ws.row_dimensions[r].height = max(minimum, round(lines * size * LINE_HEIGHT + 3, 1))


def print_setup(
    ws: Worksheet,
    *,
    header_rows: tuple[int, int] | None = None,
    landscape: bool = True,
    fit_width: bool = True,
    paper: str = "A4",
    margin_cm: float = 1.0,
    footer: str | None = None,
) -> None:
    """How the sheet prints: paper and orientation, fitted to one page wide (as many tall as needed),
    `header_rows` (first, last) repeated at the top of every page, narrow margins, and a footer with
    `footer` on the left and "page N / M" on the right."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if paper.upper() == "A3" else ws.PAPERSIZE_A4
    if fit_width:
        if ws.sheet_properties.pageSetUpPr is None:
            ws.sheet_properties.pageSetUpPr = PageSetupProperties()
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    if header_rows:
        ws.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    inch = margin_cm / 2.54
    ws.page_margins.left = ws.page_margins.right = inch
    ws.page_margins.top = ws.page_margins.bottom = inch * 1.2
    ws.page_margins.header = ws.page_margins.footer = inch / 2
    ws.print_options.horizontalCentered = True
    odd = ws.oddFooter
    assert odd is not None  # openpyxl makes every part of a header or footer
    left, right = odd.left, odd.right
    assert left is not None and right is not None
    if footer is not None:
        left.text = _header_footer_text(footer)
        left.size = 8
    right.text = "&P / &N"
    right.size = 8


def _header_footer_text(text: str) -> str:
    """Text for a page header/footer: one line, "&" doubled (it starts a code there), at most 200 characters."""
    return " ".join(xml_text(text).split())[:200].replace("&", "&&")


def save(book: Workbook, path: str | os.PathLike[str]) -> None:
    """Write the workbook, creating the folder it goes in, with shared strings (kinerja_graph/sharedstrings.py)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    book.save(path)
    sharedstrings.share_strings(path)
