"""Graphviz's one-page PDFs put onto sheets of paper, as one multi-page PDF file.

Graphviz (cairo) writes one PDF per picture, as large as the picture. This module takes each such
PDF apart (cairo writes classic cross-reference tables; objects are found through them and copied
byte for byte), puts its page on a sheet of the chosen paper (A3, A4; per page landscape or
portrait), shrunk to fit inside the margins, centred across and at the top, and writes one file
with a page per picture. Objects are renumbered; nothing else is changed: fonts, images and
drawing streams are copied as they are. The result carries a fixed date, so the same pictures
give the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_REF = re.compile(rb"(\d+)\s+0\s+R\b")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TYPE = re.compile(rb"/Type\s*/(\w+)")
_ROOT = re.compile(rb"/Root\s+(\d+)\s+0\s+R")
_INFO = re.compile(rb"/Info\s+(\d+)\s+0\s+R")
_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")
_CONTENTS = re.compile(rb"/Contents\s+(\d+\s+0\s+R|\[[^\]]*\])")
_PARENT = re.compile(rb"/Parent\s+\d+\s+0\s+R")


class PdfError(ValueError):
    """A PDF this module cannot take apart (not one written by Graphviz's cairo renderer)."""


@dataclass
class Sheet:
    """Where one picture goes: the sheet's size and the picture's scale (points)."""

    width: float
    height: float
    scale: float
    margin: float


def _objects(data: bytes) -> tuple[dict[int, bytes], bytes]:
    """Every object's body (between "N 0 obj" and "endobj") by number, and the trailer."""
    m = _STARTXREF.search(data[-200:])
    if not m:
        raise PdfError("no startxref")
    start = int(m.group(1))
    if data[start : start + 4] != b"xref":
        raise PdfError("not a classic cross-reference table")
    lines = data[start:].split(b"\n")
    offsets: dict[int, int] = {}
    i = 1
    while i < len(lines):
        head = lines[i].split()
        if len(head) != 2 or head[0] == b"trailer":
            break
        first, count = int(head[0]), int(head[1])
        for k in range(count):
            entry = lines[i + 1 + k].split()
            if len(entry) >= 3 and entry[2] == b"n":
                offsets[first + k] = int(entry[0])
        i += 1 + count
    trailer = data[data.index(b"trailer", start) :]
    ordered = sorted(offsets.items(), key=lambda kv: kv[1])
    bodies: dict[int, bytes] = {}
    for index, (number, offset) in enumerate(ordered):
        end = ordered[index + 1][1] if index + 1 < len(ordered) else start
        chunk = data[offset:end]
        found = _OBJ.match(chunk)
        if not found or int(found.group(1)) != number:
            raise PdfError(f"object {number} is not where the table says")
        stop = chunk.rfind(b"endobj")
        if stop < 0:
            raise PdfError(f"object {number} has no end")
        bodies[number] = chunk[found.end() : stop].strip(b"\r\n ")
    return bodies, trailer


def _type(body: bytes) -> bytes | None:
    """The /Type of an object's dictionary (not looked for inside its stream)."""
    m = _TYPE.search(body.split(b"stream", 1)[0])
    return m.group(1) if m else None


def _renumber(body: bytes, mapping: dict[int, int]) -> bytes:
    """References in the dictionary part of an object (never inside a stream) renumbered."""
    cut = body.find(b"stream")
    head, tail = (body, b"") if cut < 0 else (body[:cut], body[cut:])
    head = _REF.sub(lambda m: b"%d 0 R" % mapping[int(m.group(1))], head)
    return head + tail


def _number(x: float) -> bytes:
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode()


def combine(pictures: list[tuple[bytes, Sheet]]) -> bytes:
    """One PDF: each Graphviz PDF's page on its sheet, in order."""
    out_objects: list[bytes] = []  # index + 1 = object number

    def add(body: bytes) -> int:
        out_objects.append(body)
        return len(out_objects)

    pages_number = add(b"")  # the page tree, filled in at the end
    kids: list[int] = []
    for data, sheet in pictures:
        bodies, trailer = _objects(data)
        root = _ROOT.search(trailer)
        info = _INFO.search(trailer)
        skip = set()
        if root:
            skip.add(int(root.group(1)))
        if info:
            skip.add(int(info.group(1)))
        page_numbers = [n for n, b in bodies.items() if _type(b) == b"Page"]
        tree_numbers = [n for n, b in bodies.items() if _type(b) == b"Pages"]
        skip.update(tree_numbers)
        if len(page_numbers) != 1:
            raise PdfError(f"{len(page_numbers)} pages in one picture")
        mapping: dict[int, int] = {}
        base = len(out_objects)
        keep = sorted(n for n in bodies if n not in skip)
        for k, n in enumerate(keep):
            mapping[n] = base + 1 + k
        for n in skip:
            mapping[n] = pages_number  # a reference to the old page tree or catalog: the new page tree
        for n in keep:
            add(_renumber(bodies[n], mapping))
        page = mapping[page_numbers[0]]
        body = out_objects[page - 1]
        box = _MEDIABOX.search(body)
        if not box:
            raise PdfError("a page without a MediaBox")
        x0, y0, x1, y1 = (float(v) for v in box.groups())
        w, h = (x1 - x0) * sheet.scale, (y1 - y0) * sheet.scale
        tx = (sheet.width - w) / 2 - x0 * sheet.scale
        ty = sheet.height - sheet.margin - h - y0 * sheet.scale
        if ty < 0:
            ty = (sheet.height - h) / 2 - y0 * sheet.scale
        s = _number(sheet.scale)
        before = add(_stream(b"q " + s + b" 0 0 " + s + b" " + _number(tx) + b" " + _number(ty) + b" cm\n"))
        after = add(_stream(b"Q\n"))
        contents = _CONTENTS.search(body)
        if not contents:
            raise PdfError("a page without contents")
        inner = contents.group(1)
        inner = inner[1:-1].strip() if inner.startswith(b"[") else inner
        body = _replace(body, contents, b"/Contents [ %d 0 R %s %d 0 R ]" % (before, inner, after))
        box = _MEDIABOX.search(body)
        assert box is not None  # found above, before the contents were replaced
        body = _replace(body, box, b"/MediaBox [ 0 0 " + _number(sheet.width) + b" " + _number(sheet.height) + b" ]")
        body = _PARENT.sub(b"/Parent %d 0 R" % pages_number, body, count=1)
        out_objects[page - 1] = body
        kids.append(page)
    out_objects[pages_number - 1] = (
        b"<< /Type /Pages /Kids [ " + b" ".join(b"%d 0 R" % k for k in kids) + b" ] /Count %d >>" % len(kids)
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_number)
    about = add(b"<< /Creator (kinerja-graph) /CreationDate (D:20000101000000Z) >>")
    return _write(out_objects, catalog, about)


def _replace(body: bytes, match: re.Match, new: bytes) -> bytes:
    return body[: match.start()] + new + body[match.end() :]


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _write(objects: list[bytes], catalog: int, info: int) -> bytes:
    out = bytearray(b"%PDF-1.5\n%\xb5\xed\xae\xfb\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)
