"""The PK/IKI tables as an Excel workbook: a summary sheet (positions, counts, links to their sheets),
one sheet per position in rank order, and a last sheet of the goals without an owner.

Each position's sheet prints as its PK/IKI table: A4 landscape fitted to the page width, the header row
repeated on every page. A goal with several indicators takes one row per indicator; its number, code,
statement and superior's goal stand in the first of them and the group is framed as one block (cells
are not merged, so that the rows keep their automatic height and the sheet can be filtered).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from kinerja_graph.export import pk_layout as layout
from kinerja_graph.export.pk import Entry, PkTables, Position
from kinerja_graph.i18n import words
from kinerja_graph.office import xlsx

_t = words("export").t
CHARS_PER_CM = 5.0  # Excel width units per centimetre (Arial 10), a little under so that the table fits
PAGE_CM = 26.7  # A4 landscape between 1.5 cm margins: the sheet's table prints at about full size


def write(tables: PkTables, path: str | os.PathLike[str], lang: str = "id") -> None:
    book = xlsx.new_workbook()
    summary = xlsx.add_sheet(book, _t("summary", lang))
    cols = layout.columns(tables, lang)
    sheets = []
    for position in tables.positions:
        ws = xlsx.add_sheet(book, position.label)
        _position_sheet(ws, tables, position, position.entries, cols, lang)
        sheets.append(ws)
    unowned = xlsx.add_sheet(book, _t("no_owner", lang))
    _position_sheet(unowned, tables, None, tables.unowned, cols, lang)
    _summary_sheet(summary, tables, sheets, unowned, lang)
    xlsx.save(book, path)


def _footer(tables: PkTables, title: str) -> str:
    return f"{tables.organisation.name} · {title}"


def _position_sheet(
    ws: Worksheet,
    tables: PkTables,
    position: Position | None,
    entries: Sequence[Entry],
    cols: Sequence[layout.Column],
    lang: str,
) -> None:
    name = position.label if position is not None else _t("no_owner", lang)
    lines = [(name, "title"), (layout.document_title(tables, lang), "subtitle")]
    lines += [(f"{label}: {value}", "text") for label, value in layout.position_facts(tables, position, lang)]
    if position is None:
        lines.append((_t("no_owner_note", lang) if entries else _t("no_owner_none", lang), "note"))
    header_row = xlsx.write_lines(ws, 1, lines) + 1
    rows: list[list[object]] = []
    styles: list[list[str | None]] = []
    starts: list[tuple[int, int]] = []  # (first row, last row) of each goal's block
    body = header_row + (2 if layout.groups(cols) else 1)  # the first row under the header
    for number, entry in enumerate(entries, start=1):
        first = body + len(rows)
        for k, indicator in enumerate(entry.indicators or (None,)):
            cells = layout.indicator_cells(cols, indicator, lang, numbers=True)
            row: list[object] = [cells.get(i, "") for i in range(len(cols))]
            style: list[str | None] = [None] * len(cols)
            for i, col in enumerate(cols):
                if k == 0 and col.key == "no":
                    row[i] = number
                elif k == 0 and col.key == "code":
                    row[i] = entry.id
                elif k == 0 and col.key == "goal":
                    shared = layout.shared_text(entry, lang)
                    row[i] = layout.goal_text(entry, lang) + (f"\n({shared})" if shared else "")
                    style[i] = "missing" if entry.statement is None else None
                elif k == 0 and col.key == "supports":
                    row[i] = layout.supports_text(entry, lang)
                    style[i] = None if any(sup.found for sup in entry.superiors) else "missing"
                elif col.key == "indicator" and indicator is None:
                    style[i] = "missing"
            rows.append(row)
            styles.append(style)
        starts.append((first, body + len(rows) - 1))
    widths = [w * CHARS_PER_CM for w in layout.fit(cols, PAGE_CM)]
    band = layout.groups(cols)
    last = xlsx.write_table(
        ws, header_row, [c.header for c in cols], rows, groups=band, widths=widths, styles=styles, autofilter=True
    )
    repeat = (header_row, header_row + 1 if band else header_row)
    group = [i + 1 for i, c in enumerate(cols) if c.key in layout.GROUP_COLUMNS]
    for first, end in starts:  # one frame per goal in the goal columns: no lines between its indicator rows
        for r in range(first, end + 1):
            for c in group:
                xlsx.frame(ws.cell(row=r, column=c), top=r == first, bottom=r == end)
    for i, col in enumerate(cols, start=1):
        if col.key in ("no", "target", "unit"):
            for r in range(body, last + 1):
                xlsx.align(ws.cell(row=r, column=i), "center")
    xlsx.fit_row_heights(ws, header_row, last)
    xlsx.print_setup(ws, header_rows=repeat, footer=_footer(tables, name))


def _summary_sheet(ws: Worksheet, tables: PkTables, sheets: Sequence[Worksheet], unowned: Worksheet, lang: str) -> None:
    lines = [(layout.document_title(tables, lang), "title"), (tables.organisation.name, "subtitle")]
    if tables.years:
        key = "year" if len(tables.years) == 1 else "period"
        lines.append((f"{_t(key, lang)}: {layout.period_text(tables.years)}", "text"))
    lines.append((f"{_t('source_file', lang)}: {os.path.basename(tables.file) or tables.file}", "text"))
    lines += [(_t("draft", lang), "note"), (_t("split_note", lang), "note")]
    if not tables.positions:
        lines.append((_t("no_positions", lang), "note"))
    header_row = xlsx.write_lines(ws, 1, lines) + 1
    headers = [_t(k, lang) for k in ("col_no", "position", "sheet", "goals", "indicators", "shared", "superior")]
    rows: list[list[object]] = []
    for number, (position, sheet) in enumerate(zip(tables.positions, sheets, strict=True), start=1):
        rows.append(
            [
                number,
                position.label,
                sheet.title,
                len(position.entries),
                position.indicator_count,
                position.shared_count,
                position.superior or "",
            ]
        )
    rows.append(
        [
            "",
            _t("no_owner", lang),
            unowned.title,
            len(tables.unowned),
            sum(len(e.indicators) for e in tables.unowned),
            "",
            "",
        ]
    )
    last = xlsx.write_table(ws, header_row, headers, rows, widths=[5, 44, 30, 14, 14, 14, 36], autofilter=False)
    for r in range(header_row + 1, last + 1):
        for c in (1, 4, 5, 6):
            xlsx.align(ws.cell(row=r, column=c), "center")
    xlsx.fit_row_heights(ws, header_row, last)
    for r, target in zip(range(header_row + 1, last + 1), [*sheets, unowned], strict=True):
        cell = ws.cell(row=r, column=3)
        cell.hyperlink = xlsx.sheet_link(target, cell)
        cell.font = xlsx.STYLES["link"]
    xlsx.print_setup(ws, header_rows=(header_row, header_row), footer=_footer(tables, _t("summary", lang)))
