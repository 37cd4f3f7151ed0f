"""Shared strings for the workbooks the tool writes.

openpyxl writes every text cell as an inline string (`<c t="inlineStr"><is><t>…</t></is></c>`): each
repetition of a statement, an owner or a unit is stored again, and readers (Excel, LibreOffice, ours)
handle such a sheet more slowly. `share_strings` rewrites a saved workbook so that each distinct text
is stored once in xl/sharedStrings.xml and the cells refer to it (`<c t="s"><v>index</v></c>`), as Excel
itself writes a workbook. The cells' text is copied as written (already escaped XML), so nothing a
cell says changes; rich-text cells (runs) stay inline. Sheets are rewritten in chunks of rows, never
held whole. Standard library only.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_PART = "xl/sharedStrings.xml"
# an inline plain-text cell as openpyxl writes it: the cell's other attributes, the text element's
# attributes (xml:space="preserve") and its text; `<t/>` is an empty text
_INLINE = re.compile(
    r'(<c\b[^>]*?) t="inlineStr"([^>]*)><is><t((?: [^>]*)?)(?:/>|>([^<]*)</t>)</is>',
)
_CHUNK = 1 << 20


class _Table:
    def __init__(self) -> None:
        self.index: dict[tuple[str, str], int] = {}
        self.count = 0

    def cell(self, m: re.Match[str]) -> str:
        key = (m.group(3), m.group(4) or "")
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.index)
        self.count += 1
        return f'{m.group(1)} t="s"{m.group(2)}><v>{found}</v>'

    def xml(self) -> bytes:
        items = "".join(
            f"<si><t{attrs}/></si>" if not text else f"<si><t{attrs}>{text}</t></si>" for attrs, text in self.index
        )
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" count="{self.count}" '
        return (head + f'uniqueCount="{len(self.index)}">{items}</sst>').encode("utf-8")


def share_strings(path: str | os.PathLike[str]) -> None:
    """Rewrite the workbook at `path` in place with shared strings (see the module docstring); a workbook
    that already has a shared-strings part, or has no inline text, is left as it is."""
    with zipfile.ZipFile(path) as source:
        names = source.namelist()
        if _PART in names or "xl/_rels/workbook.xml.rels" not in names or "[Content_Types].xml" not in names:
            return
        sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        folder = os.path.dirname(os.path.abspath(path))
        fd, temporary = tempfile.mkstemp(suffix=".xlsx", dir=folder)
        os.close(fd)
        try:
            table = _Table()
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    if info.filename in sheets:
                        _rewrite_sheet(source, info, target, table)
                    elif info.filename not in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                        with source.open(info) as src, target.open(_copy_info(info), "w") as dst:
                            shutil.copyfileobj(src, dst, _CHUNK)
                if not table.index:
                    return
                stamp = source.getinfo("xl/workbook.xml").date_time if "xl/workbook.xml" in names else None
                rels = source.read("xl/_rels/workbook.xml.rels").decode("utf-8")
                rels = rels.replace(
                    "</Relationships>",
                    f'<Relationship Type="{_REL}" Target="sharedStrings.xml" Id="rIdSst"/></Relationships>',
                )
                types = source.read("[Content_Types].xml").decode("utf-8")
                types = types.replace("</Types>", f'<Override PartName="/{_PART}" ContentType="{_TYPE}"/></Types>')
                target.writestr(_new_info("xl/_rels/workbook.xml.rels", stamp), rels)
                target.writestr(_new_info("[Content_Types].xml", stamp), types)
                target.writestr(_new_info(_PART, stamp), table.xml())
            shutil.copymode(path, temporary)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copied = zipfile.ZipInfo(info.filename, info.date_time)
    copied.compress_type = zipfile.ZIP_DEFLATED
    copied.external_attr = info.external_attr
    return copied


def _new_info(name: str, stamp: tuple[int, int, int, int, int, int] | None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, stamp or (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _rewrite_sheet(source: zipfile.ZipFile, info: zipfile.ZipInfo, target: zipfile.ZipFile, table: _Table) -> None:
    """The sheet with its inline text cells made shared, a chunk of whole cells at a time."""
    with source.open(info) as src, target.open(_copy_info(info), "w") as dst:
        pending = b""
        while True:
            chunk = src.read(_CHUNK)
            data = pending + chunk
            if not chunk:
                dst.write(_INLINE.sub(table.cell, data.decode("utf-8")).encode("utf-8"))
                return
            cut = data.rfind(b"</c>")
            if cut < 0:
                pending = data
                continue
            cut += len(b"</c>")
            dst.write(_INLINE.sub(table.cell, data[:cut].decode("utf-8")).encode("utf-8"))
            pending = data[cut:]
