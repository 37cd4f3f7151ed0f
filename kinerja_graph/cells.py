"""How text travels through a table cell (CSV or XLSX) and back unchanged.

A table reader strips every cell (planners leave stray spaces) and a blank cell means "not given", so
text that a cell cannot hold as it is gets encoded the way Excel itself encodes it (OOXML `_xHHHH_`):

- a character XML cannot hold (U+0000-U+001F except tab, line feed and carriage return, a lone
  surrogate, U+FFFE/U+FFFF), and in XLSX the carriage return (XML turns CR LF into LF);
- whitespace at either end of the text (" nilai " is written `_x0020_nilai_x0020_`);
- a literal `_xHHHH_` in the text (its underscore written `_x005F_`, as Excel does);
- the empty text (a blank target "") is the cell `""`; a literal `""` is written `_x0022_"`.

Lists in one cell (parent, crosscutting, ignore, inferred) are items separated by "; " (or one item
per line); an item that holds `;`, a line break, a double quote at its start or whitespace at its
ends is written in double quotes with inner quotes doubled: `"Satpol PP; TNI"; BKPSDM` is two items.

CSV only: a cell beginning with `=`, `+`, `-` or `@` (not a plain number such as -5) is written with
a leading apostrophe so that a spreadsheet opening the file never runs it as a formula (CSV/DDE
injection); the reader drops that apostrophe again. `'` followed by one of `=+-@'` is written `''…`.

Every function here is pure; the writers encode and the table reader decodes. Column letters and the
text of a number cell live here too: the workbook reader and writer share them.
"""

from __future__ import annotations

import re

EMPTY = '""'  # a cell holding the empty text
_LITERAL = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_ILLEGAL = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
_ILLEGAL_CSV = re.compile(_ILLEGAL)
_ILLEGAL_XLSX = re.compile(_ILLEGAL[:-1] + "\r]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_FORMULA_START = frozenset("=+-@")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)*(?: ?%)?")
_NEEDS_QUOTES = re.compile(r'[;\n\r]|^"|^\s|\s$')


def _hex(match: re.Match) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def encode(text: str, xlsx: bool = False) -> str:
    """`text` as a table cell holds it (before CSV neutralising, see `neutralise`)."""
    if not text:
        return EMPTY
    if "_x" in text:
        text = _LITERAL.sub(r"_x005F_\1", text)
    text = (_ILLEGAL_XLSX if xlsx else _ILLEGAL_CSV).sub(_hex, text)
    stripped = text.strip()
    if stripped != text:
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if start >= end:  # nothing but whitespace
            return "".join(f"_x{ord(c):04X}_" for c in text)
        text = (
            "".join(f"_x{ord(c):04X}_" for c in text[:start])
            + text[start:end]
            + "".join(f"_x{ord(c):04X}_" for c in text[end:])
        )
    if text == EMPTY:
        return '_x0022_"'
    return text


def decode(cell: str) -> str:
    """A stripped cell's text as it was before `encode`."""
    if cell == EMPTY:
        return ""
    if "_x" not in cell:
        return cell
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), cell)


def neutralise(cell: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula (undone by `restore`)."""
    first = cell[:1]
    if first in _FORMULA_START:
        if first == "-" and _PLAIN_NUMBER.fullmatch(cell):
            return cell
        return "'" + cell
    if first == "'" and cell[1:2] in ("=", "+", "-", "@", "'"):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """A stripped CSV cell with the apostrophe of `neutralise` dropped."""
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "'"):
        return cell[1:]
    return cell


def join_list(items: list[str], xlsx: bool = False) -> str:
    """List items in one cell: "a; b", an item that needs it in double quotes."""
    out = []
    for item in items:
        if _NEEDS_QUOTES.search(item) or not item:
            out.append('"' + item.replace('"', '""') + '"')
        else:
            out.append(item)
    return encode("; ".join(out), xlsx) if out else ""


def split_list(value: str) -> list[str]:
    """The items of a list cell (already decoded): "a; b", one item per line, or quoted items.

    Blank unquoted items are dropped (planners leave "a;;b" and trailing separators); a quoted
    item is kept exactly as written between its quotes."""
    if '"' not in value:
        if ";" not in value and "\n" not in value:
            item = value.strip()
            return [item] if item else []
        return [p.strip() for p in re.split(r"[;\n]", value) if p.strip()]
    items: list[str] = []
    i, n = 0, len(value)
    while i <= n:
        while i < n and value[i] in " \t\r":
            i += 1
        if i < n and value[i] == '"':
            end, text = _quoted(value, i)
            if end is not None:
                j = end
                while j < n and value[j] in " \t\r":
                    j += 1
                if j >= n or value[j] in ";\n":
                    items.append(text)
                    i = j + 1
                    continue
        j = i
        while j < n and value[j] not in ";\n":
            j += 1
        item = value[i:j].strip()
        if item:
            items.append(item)
        i = j + 1
    return items


def _quoted(value: str, start: int) -> tuple[int | None, str]:
    """The quoted item starting at value[start] == '"': (index after its closing quote, its text)."""
    parts = []
    i = start + 1
    while True:
        q = value.find('"', i)
        if q < 0:
            return None, ""
        parts.append(value[i:q])
        if value[q + 1 : q + 2] == '"':
            parts.append('"')
            i = q + 2
            continue
        return q + 1, "".join(parts)


# ---------------------------------------------------------------------- spreadsheet cells


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def plain_number(value: float) -> str:
    """82.5 -> "82.5", 80.0 -> "80" (rounded to ten decimals, as a cell shows it)."""
    if value != value or value in (float("inf"), float("-inf")):
        return repr(value)
    value = round(float(value), 10)
    return str(int(value)) if value.is_integer() else repr(value)
