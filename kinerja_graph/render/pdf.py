"""Graphviz's one-page PDFs put onto sheets of paper, as one multi-page PDF file.

Graphviz writes one PDF per picture, as large as the picture. Each picture's page is placed on a
blank sheet of the chosen paper (A3, A4; per page landscape or portrait), shrunk to fit inside the
margins, centred across and at the top, and the sheets are written as one file with a page per
picture. The drawing itself (fonts, images, paths) is carried over unchanged by pypdf. The result
carries a fixed date and identifier, so the same pictures give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

CREATED = "D:20000101000000Z"  # a fixed date: the same pictures give the same file


class PdfError(ValueError):
    """A picture that is not a one-page PDF."""


@dataclass
class Sheet:
    """Where one picture goes: the sheet's size and the picture's scale (points)."""

    width: float
    height: float
    scale: float
    margin: float


def combine(pictures: list[tuple[bytes, Sheet]]) -> bytes:
    """One PDF: each Graphviz PDF's page on its sheet, in order."""
    # imported here: only a PDF needs pypdf (importing it costs a drawing of SVG pages a tenth of a second)
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.errors import PyPdfError

    writer = PdfWriter()
    for data, sheet in pictures:
        try:
            pages = PdfReader(io.BytesIO(data)).pages
            if len(pages) != 1:
                raise PdfError(f"{len(pages)} pages in one picture")
            picture = pages[0]
            x0, y0 = float(picture.mediabox.left), float(picture.mediabox.bottom)
            w = float(picture.mediabox.width) * sheet.scale
            h = float(picture.mediabox.height) * sheet.scale
        except PyPdfError as exc:
            raise PdfError(str(exc)) from None
        tx = (sheet.width - w) / 2 - x0 * sheet.scale
        ty = sheet.height - sheet.margin - h - y0 * sheet.scale
        if ty < 0:
            ty = (sheet.height - h) / 2 - y0 * sheet.scale
        page = writer.add_blank_page(sheet.width, sheet.height)
        page.merge_transformed_page(picture, Transformation().scale(sheet.scale).translate(tx, ty))
    writer.add_metadata({"/Creator": "kinerja-graph", "/Producer": "kinerja-graph", "/CreationDate": CREATED})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
