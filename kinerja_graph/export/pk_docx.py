"""The PK/IKI tables as a Word document (A4 landscape): a cover with the summary of positions, then one
section per position in rank order — its facts, its table (the header row repeated on every page, a
goal's cells merged over its indicators) and a signature block — and a last section listing the goals
without an owner."""

from __future__ import annotations

import os
from collections.abc import Sequence

from docx.document import Document
from docx.table import Table

from kinerja_graph.export import pk_layout as layout
from kinerja_graph.export.pk import Entry, PkTables, Position
from kinerja_graph.i18n import words
from kinerja_graph.office import docx as word

_t = words("export").t
_CENTRED = ("no", "unit", "target")


def write(tables: PkTables, path: str | os.PathLike[str], lang: str = "id") -> None:
    doc = word.new_document(landscape=True, margin_cm=1.5)
    title = layout.document_title(tables, lang)
    _cover(doc, tables, title, lang)
    cols = layout.columns(tables, lang)
    widths = layout.fit(cols, word.usable_width_cm(doc))
    for position in tables.positions:
        word.heading(doc, position.label, 1, page_break=True)
        word.labelled(doc, layout.position_facts(tables, position, lang))
        table = _table(doc, cols, widths, position.entries, lang)
        word.keep_with_next(table.rows[-1])  # the last row goes over with the signatures, never they alone
        _signatures(doc, position, lang)
    word.heading(doc, _t("no_owner", lang), 1, page_break=True)
    word.labelled(doc, layout.position_facts(tables, None, lang))
    if tables.unowned:
        word.paragraph(doc, _t("no_owner_note", lang), italic=True)
        _table(doc, cols, widths, tables.unowned, lang)
    else:
        word.paragraph(doc, _t("no_owner_none", lang), italic=True)
    word.page_footer(doc, f"{tables.organisation.name} · {title}", _t("page", lang))
    word.save(doc, path)


def _cover(doc: Document, tables: PkTables, title: str, lang: str) -> None:
    word.title(doc, title, tables.organisation.name)
    facts: list[tuple[str, object]] = []
    if tables.years:
        facts.append((_t("year" if len(tables.years) == 1 else "period", lang), layout.period_text(tables.years)))
    facts.append((_t("source_file", lang), os.path.basename(tables.file) or tables.file))
    word.labelled(doc, facts)
    word.paragraph(doc, _t("draft", lang), italic=True)
    word.paragraph(doc, _t("split_note", lang), italic=True)
    word.heading(doc, _t("summary", lang), 2)
    if not tables.positions:
        word.paragraph(doc, _t("no_positions", lang), italic=True)
    headers = [_t(k, lang) for k in ("col_no", "position", "goals", "indicators", "shared", "superior")]
    table = word.add_table(doc, headers, widths_cm=[1.2, 9.0, 3.0, 3.0, 3.0, 7.5], size=word.FONT_SIZE)
    for number, position in enumerate(tables.positions, start=1):
        row = word.add_row(
            table,
            [
                str(number),
                position.label,
                str(len(position.entries)),
                str(position.indicator_count),
                str(position.shared_count),
                position.superior or "",
            ],
            size=word.FONT_SIZE,
        )
        for i in (0, 2, 3, 4):
            word.set_cell(row.cells[i], row.cells[i].text, size=word.FONT_SIZE, align="center")
    row = word.add_row(
        table,
        ["", _t("no_owner", lang), str(len(tables.unowned)), str(sum(len(e.indicators) for e in tables.unowned))],
        size=word.FONT_SIZE,
    )
    for i in (2, 3):
        word.set_cell(row.cells[i], row.cells[i].text, size=word.FONT_SIZE, align="center")


def _table(
    doc: Document, cols: Sequence[layout.Column], widths: Sequence[float], entries: Sequence[Entry], lang: str
) -> Table:
    years = sum(1 for c in cols if c.key == "target")
    size = word.TABLE_FONT_SIZE - (1 if years >= layout.SMALL_FROM_YEARS else 0)
    headers = [c.header for c in cols]
    table = word.add_table(doc, headers, groups=layout.groups(cols), widths_cm=widths, size=size)
    for number, entry in enumerate(entries, start=1):
        first = len(table.rows)
        for indicator in entry.indicators or (None,):
            cells = layout.indicator_cells(cols, indicator, lang)
            row = word.add_row(table, [cells.get(i) for i in range(len(cols))], size=size)
            for i, col in enumerate(cols):
                value = cells.get(i)
                if col.key in _CENTRED and value not in (None, ""):
                    word.set_cell(row.cells[i], value, size=size, align="center")
                elif col.key == "indicator" and indicator is None:
                    word.set_cell(row.cells[i], value, size=size, italic=True, colour=word.GREY)
        last = len(table.rows) - 1
        for i, col in enumerate(cols):
            if col.key not in layout.GROUP_COLUMNS:
                continue
            cell = word.merge_down(table, i, first, last)
            if col.key == "no":
                word.set_cell(cell, str(number), size=size, align="center")
            elif col.key == "code":
                word.set_cell(cell, entry.id, size=size)
            elif col.key == "goal":
                word.set_cell(cell, layout.goal_text(entry, lang), size=size, italic=entry.statement is None)
                shared = layout.shared_text(entry, lang)
                if shared:
                    word.add_cell_line(cell, f"({shared})", size=size, italic=True, colour=word.GREY)
            elif col.key == "supports":
                for k, (goal, owner) in enumerate(layout.supports_lines(entry, lang)):
                    if k == 0:
                        word.set_cell(cell, goal, size=size, italic=not owner)
                    else:
                        word.add_cell_line(cell, goal, size=size)
                    if owner:
                        word.add_cell_line(cell, f"({owner})", size=size, italic=True, colour=word.GREY)
    return table


def _signatures(doc: Document, position: Position, lang: str) -> None:
    """Pihak Kedua (the superior) on the left, Pihak Pertama (the position) on the right, room to sign."""
    spacer = word.paragraph(doc)
    spacer.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    word.borderless(table)
    for cell, party, holder in (
        (table.cell(0, 0), _t("second_party", lang), position.superior or ""),
        (table.cell(0, 1), _t("first_party", lang), position.label),
    ):
        word.set_cell(cell, f"{party},", size=word.FONT_SIZE, align="center")
        word.add_cell_line(cell, holder, size=word.FONT_SIZE, align="center")
        for _ in range(3):
            word.add_cell_line(cell, "", size=word.FONT_SIZE)
        word.add_cell_line(cell, _t("name_line", lang), size=word.FONT_SIZE, colour=word.GREY, align="center")
    word.keep_row_together(table.rows[0])
