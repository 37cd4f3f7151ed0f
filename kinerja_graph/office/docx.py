"""Word documents with python-docx, laid out to be edited and printed: A4 (landscape when asked), one
body font, a title, headings, tables whose header row repeats on every page and whose rows do not break
across pages, cell shading, vertically merged cells, a footer with page numbers.

    doc = new_document(landscape=True)
    title(doc, "Perjanjian Kinerja")
    heading(doc, "Kasi Pem", page_break=True)
    table = add_table(doc, ["No", "Sasaran"], widths_cm=[1.0, 10.0])
    add_row(table, ["1", "Meningkatnya …"])
    save(doc, "out.docx")

User text reaches the document only through `add_text` (every helper here uses it): made storable by
kinerja_graph.office.xml_text (a control character shows as its picture, ␇, instead of failing the
file); a line break in the text is a line break in the document. Word computes no formulas from text,
so nothing else is needed to keep user text inert.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from kinerja_graph.office import xml_text

FONT = "Arial"
FONT_SIZE = 10
TABLE_FONT_SIZE = 9
HEADER_FILL = "D9E2F3"
CELL_MARGIN_CM = 0.1  # left and right inside a table cell (Word's own 0.19 cm wastes a narrow column)
GREY = RGBColor(0x59, 0x59, 0x59)
A4 = (Cm(21.0), Cm(29.7))


def new_document(
    *, landscape: bool = False, margin_cm: float = 1.5, font: str = FONT, size: int = FONT_SIZE
) -> Document:
    """An empty A4 document (landscape when asked), with `font` at `size` pt as its body text."""
    doc = docx.Document()
    section = doc.sections[0]
    set_orientation(section, landscape=landscape)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))
    section.header_distance = section.footer_distance = Cm(margin_cm / 2)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[name]
        style.font.name = font
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), font)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rfonts.attrib.pop(qn(theme_attr), None)
    doc.styles["Normal"].font.size = Pt(size)
    doc.styles["Normal"].paragraph_format.space_after = Pt(2)
    for name, pt in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        doc.styles[name].font.size = Pt(pt)
        doc.styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    return doc


def usable_width_cm(doc: Document) -> float:
    """The width between the margins of the last section, in centimetres."""
    section = doc.sections[-1]
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    return width / 360000


def add_text(
    paragraph: Paragraph,
    text: object,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    colour: RGBColor | None = None,
) -> Run:
    """A run of user text in `paragraph` (the one way text enters a document: see the module docstring)."""
    run = paragraph.add_run(xml_text(text))
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = colour
    return run


def title(doc: Document, text: object, subtitle: object = None) -> Paragraph:
    """The document's title (style Title), and a subtitle line under it when given."""
    p = doc.add_paragraph(style="Title")
    add_text(p, text)
    if subtitle:
        sub = doc.add_paragraph()
        add_text(sub, subtitle, size=FONT_SIZE + 2, colour=GREY)
    return p


def heading(doc: Document, text: object, level: int = 1, *, page_break: bool = False) -> Paragraph:
    """A heading (styles Heading 1–3), starting a new page when asked; it keeps with what follows."""
    p = styled_paragraph(doc, f"Heading {max(1, min(level, 3))}")
    add_text(p, text)
    p.paragraph_format.page_break_before = page_break
    p.paragraph_format.keep_with_next = True
    return p


def paragraph(
    doc: Document, text: object = "", *, bold: bool = False, italic: bool = False, size: float | None = None
) -> Paragraph:
    p = doc.add_paragraph()
    if text:
        add_text(p, text, bold=bold, italic=italic, size=size)
    return p


def styled_paragraph(doc: Document, style: str) -> Paragraph:
    """A new paragraph in paragraph style `style` (by name), its style id looked up once per document
    (python-docx's own lookup walks every style for each paragraph: slow for a long report)."""
    ids: dict[str, str] = doc.__dict__.setdefault("_kg_style_ids", {})
    if style not in ids:
        ids[style] = doc.styles[style].style_id
    p = doc.add_paragraph()
    p._p.style = ids[style]
    return p


def bullet(
    doc: Document, text: object = "", *, italic: bool = False, size: float | None = None, colour: RGBColor | None = None
) -> Paragraph:
    """A bulleted paragraph (style List Bullet) of user text."""
    p = styled_paragraph(doc, "List Bullet")
    p.paragraph_format.space_after = Pt(1)
    if text:
        add_text(p, text, italic=italic, size=size, colour=colour)
    return p


def set_orientation(section: Section, *, landscape: bool) -> None:
    """A section's page: A4, landscape or portrait."""
    short, long_ = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)


def new_section(doc: Document, *, landscape: bool = False) -> Section:
    """A new section starting on a new page, A4 landscape or portrait, with the margins of the last one."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_orientation(section, landscape=landscape)
    return section


def facts_table(
    doc: Document, pairs: Sequence[tuple[str, object]], widths_cm: Sequence[float], *, fill: str = HEADER_FILL
) -> Table:
    """A two-column bordered table of "label | value" rows, labels bold on a shaded cell (a cover's
    facts: organisation, document, period …)."""
    table = doc.add_table(rows=0, cols=2)
    table.style = doc.styles["Table Grid"]
    cell_margins(table, CELL_MARGIN_CM * 1.5, 0.06)
    for label, value in pairs:
        row = table.add_row()
        keep_row_together(row)
        set_cell(row.cells[0], label, bold=True, size=FONT_SIZE)
        shade(row.cells[0], fill)
        set_cell(row.cells[1], value, size=FONT_SIZE)
    _set_widths(table, widths_cm)
    return table


def labelled(doc: Document, pairs: Sequence[tuple[str, object]]) -> Paragraph:
    """One paragraph of "Label: value" lines, labels bold."""
    p = doc.add_paragraph()
    for i, (label, value) in enumerate(pairs):
        if i:
            p.add_run().add_break()
        add_text(p, f"{label}: ", bold=True)
        add_text(p, value)
    return p


def shade(cell: _Cell, fill: str) -> None:
    """Cell background colour, RRGGBB."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _row_property(row: _Row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)


def repeat_header(row: _Row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    _row_property(row, "w:tblHeader")


def keep_row_together(row: _Row) -> None:
    """Do not break this row across two pages."""
    _row_property(row, "w:cantSplit")


def set_cell(
    cell: _Cell,
    text: object,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = TABLE_FONT_SIZE,
    colour: RGBColor | None = None,
    align: str | None = None,
) -> _Cell:
    """Replace a cell's content with user text (line breaks kept)."""
    p = cell.paragraphs[0]
    for run in list(p.runs):
        run._r.getparent().remove(run._r)
    add_text(p, text, bold=bold, italic=italic, size=size, colour=colour)
    p.paragraph_format.space_after = Pt(0)
    _align(p, align)
    return cell


def _align(p: Paragraph, align: str | None) -> None:
    if align is not None:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(
            align, WD_ALIGN_PARAGRAPH.LEFT
        )


def add_cell_line(
    cell: _Cell,
    text: object,
    *,
    italic: bool = False,
    size: float = TABLE_FONT_SIZE,
    colour: RGBColor | None = None,
    align: str | None = None,
) -> Paragraph:
    """Another paragraph of text in a cell, under what it holds."""
    p = cell.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    add_text(p, text, italic=italic, size=size, colour=colour)
    _align(p, align)
    return p


def cell_margins(table: Table, side_cm: float, top_cm: float = 0.03) -> None:
    """The space inside every cell of `table`: `side_cm` left and right, `top_cm` above and below."""
    tbl_pr = table._tbl.tblPr
    margins = tbl_pr.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        tbl_pr.append(margins)
    for edge, cm in (("top", top_cm), ("left", side_cm), ("bottom", top_cm), ("right", side_cm)):
        element = margins.find(qn(f"w:{edge}"))
        if element is None:
            element = OxmlElement(f"w:{edge}")
            margins.append(element)
        element.set(qn("w:w"), str(int(cm * 567)))  # twentieths of a point
        element.set(qn("w:type"), "dxa")


def _set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tbl_pr.append(layout)
    layout.set(qn("w:type"), "fixed")
    for i, width in enumerate(widths_cm):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)


def add_table(
    doc: Document,
    headers: Sequence[str],
    *,
    groups: Sequence[str | None] | None = None,
    widths_cm: Sequence[float] | None = None,
    fill: str = HEADER_FILL,
    size: float = TABLE_FONT_SIZE,
    style: str = "Table Grid",
) -> Table:
    """A bordered table with a header: bold, shaded, repeated on every page, never split. `groups`, when
    given, adds a band above the header: a label per column (equal neighbours merged into one cell, a
    "Target" over its years), a column without one (None) has its header merged down over both rows.
    `widths_cm` fixes the column widths (the layout is fixed: long words wrap instead of widening)."""
    banded = bool(groups) and any(g is not None for g in groups or ())
    table = doc.add_table(rows=2 if banded else 1, cols=len(headers))
    table.style = doc.styles[style]
    for row in table.rows:
        for cell in row.cells:
            shade(cell, fill)
        repeat_header(row)
        keep_row_together(row)
    cell_margins(table, CELL_MARGIN_CM)
    if widths_cm:
        _set_widths(table, widths_cm)
    if not banded:
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            set_cell(cell, text, bold=True, size=size, align="center")
        return table
    for a, b, label in _spans(groups or ()):
        if label is None:
            cell = table.cell(0, a).merge(table.cell(1, a))
            set_cell(cell, headers[a], bold=True, size=size, align="center")
            continue
        set_cell(
            table.cell(0, a).merge(table.cell(0, b)) if b > a else table.cell(0, a),
            label,
            bold=True,
            size=size,
            align="center",
        )
        for c in range(a, b + 1):
            set_cell(table.cell(1, c), headers[c], bold=True, size=size, align="center")
    return table


def _spans(groups: Sequence[str | None]) -> list[tuple[int, int, str | None]]:
    spans: list[tuple[int, int, str | None]] = []
    for i, label in enumerate(groups):
        if label is not None and spans and spans[-1][2] == label and spans[-1][1] == i - 1:
            spans[-1] = (spans[-1][0], i, label)
        else:
            spans.append((i, i, label))
    return spans


def header_rows(table: Table) -> int:
    """How many rows at the top of `table` are its header (repeated on every page)."""
    count = 0
    for row in table.rows:
        tr_pr = row._tr.trPr
        if tr_pr is None or tr_pr.find(qn("w:tblHeader")) is None:
            break
        count += 1
    return count


def add_row(table: Table, values: Sequence[object], *, size: float = TABLE_FONT_SIZE, keep: bool = True) -> _Row:
    """A row of user texts (None: empty), kept on one page when `keep`. Its cells take the table's
    column widths."""
    row = table.add_row()
    for tc, value in zip(row._tr.tc_lst, values, strict=False):
        if value is not None and value != "":
            set_cell(_Cell(tc, table), value, size=size)
    if keep:
        keep_row_together(row)
    return row


def body_cell(table: Table, row: int, column: int) -> _Cell:
    """The cell at (row, column) of a table whose rows have one cell per column (no horizontal spans):
    found directly, not by python-docx's walk over the whole table."""
    return _Cell(table.rows[row]._tr.tc_lst[column], table)


def merge_down(table: Table, column: int, first_row: int, last_row: int) -> _Cell:
    """Merge one column's cells from `first_row` to `last_row` (rows with one cell per column) into the
    first, which keeps its content (Word's vertical merge: the others continue it and are emptied)."""
    top = body_cell(table, first_row, column)
    if last_row <= first_row:
        return top
    _vmerge(top._tc, "restart")
    for r in range(first_row + 1, last_row + 1):
        tc = table.rows[r]._tr.tc_lst[column]
        for p in tc.findall(qn("w:p"))[1:]:
            tc.remove(p)
        for run in tc.findall(f"{qn('w:p')}/{qn('w:r')}"):
            run.getparent().remove(run)
        _vmerge(tc, None)
    return top


def _vmerge(tc: CT_Tc, value: str | None) -> None:
    tc_pr = tc.get_or_add_tcPr()
    element = tc_pr.find(qn("w:vMerge"))
    if element is None:
        element = OxmlElement("w:vMerge")
        tc_pr.append(element)
    if value is not None:
        element.set(qn("w:val"), value)


def borderless(table: Table) -> None:
    """No borders at all (a layout table: signature blocks)."""
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is None:
        borders = OxmlElement("w:tblBorders")
        tbl_pr.append(borders)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = borders.find(qn(f"w:{edge}"))
        if element is None:
            element = OxmlElement(f"w:{edge}")
            borders.append(element)
        element.set(qn("w:val"), "nil")


def page_footer(doc: Document, text: object, page_word: str = "") -> None:
    """A footer on every page of every section: `text` and the page number ("{page_word} N")."""
    for section in doc.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        for run in list(p.runs):
            run._r.getparent().remove(run._r)
        add_text(p, text, size=8, colour=GREY)
        add_text(p, f"  ·  {page_word} " if page_word else "  ·  ", size=8, colour=GREY)
        _page_field(p)


def _page_field(p: Paragraph) -> None:
    """A PAGE field: begin, instruction, separator, placeholder result, end — each in its own 8 pt run."""

    def piece(tag: str, **attrs: str) -> BaseOxmlElement:
        run = p.add_run()
        run.font.size = Pt(8)
        run.font.color.rgb = GREY
        element = OxmlElement(tag)
        for name, value in attrs.items():
            element.set(qn(name), value)
        run._r.append(element)
        return element

    piece("w:fldChar", **{"w:fldCharType": "begin"})
    piece("w:instrText", **{"xml:space": "preserve"}).text = " PAGE "
    piece("w:fldChar", **{"w:fldCharType": "separate"})
    piece("w:t").text = "1"
    piece("w:fldChar", **{"w:fldCharType": "end"})


def keep_with_next(row: _Row) -> None:
    """Keep this row on the same page as what follows the table (a signature block under a table)."""
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def save(doc: Document, path: str | os.PathLike[str]) -> None:
    """Write the document, creating the folder it goes in."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    doc.save(str(path))
