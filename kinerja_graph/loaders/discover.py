"""The cascade files named on a command line: files as given, folders searched.

`kinerja check cascades/` checks every cascade file under the folder, in path order. A folder holds
other files too (rule packs, kinerja.toml, a workflow, a budget workbook), so a file found in a folder
is taken only when it looks like a cascade *to the loader that will read it*:

- .yaml/.yml: a top-level ``nodes:`` or ``kinerja:`` key;
- .json: a top-level object with a ``"nodes"`` list (a JSON Schema that describes nodes is not a
  cascade; a top-level array never is);
- .csv: a header row that the table loader finds (loaders/table.py: the same delimiters, the same
  header rule, the same first rows);
- .xlsx/.xlsm: the same header on the first sheet; a workbook that cannot be opened is taken (its
  error is then reported, not hidden).

A file that looks like a cascade but is broken (invalid JSON naming ``"nodes"``, a workbook that
cannot be opened) is taken, so that the loader says what is wrong with it.

The walk is bounded: only regular files are opened (a FIFO or a device named ``*.yaml`` would block
or never end), at most SNIFF_BYTES are read from a text file to sniff it, a JSON file is parsed only
up to PARSE_LIMIT bytes and a nesting depth of MAX_DEPTH. Hidden files and folders (".git",
".github", ".venv", …), virtual environments and Excel's lock files ("~$book.xlsx") are passed over.
A file named explicitly is always read, whatever it holds.

Standard input ("-" on the command line) has no name to go by unless it is given one: sniff_format
tells its format from its first bytes, with the same tests (and "{"/"[" for JSON, a zip archive for a
workbook).
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable
from itertools import accumulate

from kinerja_graph.errors import InputError, KinerjaError
from kinerja_graph.loaders import FORMATS, STDIN, STDIN_NAME, format_of

SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "env", "site-packages"})
SNIFF_BYTES = 256 * 1024
PARSE_LIMIT = 16 * 1024 * 1024  # a JSON file up to this size is parsed to see its top-level keys
MAX_DEPTH = 64  # a JSON document nested deeper is not parsed to be sniffed (a cascade is ~10 deep)
_YAML_KEY = re.compile(r"^(?:nodes|kinerja)\s*:", re.MULTILINE)
_JSON_KEY = re.compile(r'"nodes"\s*:')
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class NoCascades(KinerjaError):
    """A folder given on the command line holds no cascade file."""

    def __init__(self, folder: str):
        self.folder = folder
        super().__init__(f"{folder}: no cascade files found (.yaml, .yml, .json, .csv, .xlsx with a cascade in them)")


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _head(path: str, size: int = SNIFF_BYTES) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(size)
    except OSError:
        return ""
    return data.decode("utf-8-sig", errors="replace")


def looks_like_cascade(path: str) -> bool:
    """Does a file found in a folder look like a cascade to its loader (see the module docstring)?"""
    try:
        fmt = format_of(path)
    except InputError:
        return False
    if not _regular(path):
        return False
    if fmt == "yaml":
        return bool(_YAML_KEY.search(_head(path)))
    if fmt == "json":
        return _json_like(path)
    if fmt == "csv":
        return _csv_like(path)
    return _xlsx_like(path)


def _csv_like(path: str) -> bool:
    from kinerja_graph.loaders import table  # only when a table is sniffed

    head = "\n".join(table._first_lines(_head(path), table.HEADER_SCAN))
    try:
        rows = table.csv_rows(head, path)
    except InputError:
        return False
    return table.header_row(rows) is not None


def _depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text (brackets inside strings left out),
    counted without parsing: the sniffer never recurses into what the parser could not."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _json_like(path: str) -> bool:
    head = _head(path)
    if not head.lstrip().startswith("{"):
        return False  # a cascade document is an object; an array (or anything else) is not one
    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    if size > PARSE_LIMIT:  # too big to read twice: the key is enough
        return bool(_JSON_KEY.search(head))
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
        if _depth(text) > MAX_DEPTH:  # too deep to parse here: the key is enough (the loader explains)
            return bool(_JSON_KEY.search(head))
        data = json.loads(text)
    except (OSError, ValueError, RecursionError):
        return bool(_JSON_KEY.search(head))  # broken JSON that names nodes: let the loader say why
    return isinstance(data, dict) and isinstance(data.get("nodes"), list)


def _xlsx_like(path: str) -> bool:
    """A workbook whose first sheet has a header row, read by the loader's bounded reader (a far cell or
    a row of millions of empty cells costs nothing; no library warning reaches stderr)."""
    from kinerja_graph.errors import InputError
    from kinerja_graph.loaders import table, xlsx

    try:
        with xlsx.open_workbook(path) as book:
            rows, _ = xlsx.sheet_rows(book, None, max_rows=table.HEADER_SCAN)
    except InputError:
        return True  # unreadable: let the loader say why
    return table.header_row(rows) is not None


def sniff_format(data: bytes) -> str | None:
    """The format of a cascade given as bytes without a name (standard input), from its content: "xlsx" for a
    zip archive, "json" for a text opening with ``{`` or ``[``, "yaml" for a top-level ``nodes:`` or
    ``kinerja:`` key, "csv" for a table whose header row the table loader finds; None when nothing tells.

    Only the first SNIFF_BYTES are looked at, as for a file found in a folder."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    head = data[:SNIFF_BYTES].decode("utf-8-sig", errors="replace")
    if head.lstrip().startswith(("{", "[")):
        return "json"
    if _YAML_KEY.search(head):
        return "yaml"
    from kinerja_graph.loaders import table

    try:
        rows = table.csv_rows("\n".join(table._first_lines(head, table.HEADER_SCAN)), STDIN_NAME)
    except InputError:
        return None
    return "csv" if table.header_row(rows) is not None else None


def discover(folder: str) -> list[str]:
    """The cascade files under `folder`, in path order."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d not in SKIP_DIRS and not os.path.exists(os.path.join(root, d, "pyvenv.cfg"))
        )
        for name in sorted(files):
            if name.startswith((".", "~$")):
                continue
            if os.path.splitext(name)[1].lower() not in FORMATS:
                continue
            path = os.path.normpath(os.path.join(root, name))
            if looks_like_cascade(path):
                found.append(path)
    return sorted(found, key=lambda p: os.path.normpath(p).split(os.sep))


def expand(paths: Iterable[str]) -> list[str]:
    """Files as given, folders replaced by the cascade files they hold; each file once, in order. "-"
    (standard input) is kept as given.

    Raises NoCascades for a folder with no cascade file in it.
    """
    out: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:  # standard input: read by the loader, never a folder or a file named "-"
            files = [path]
        elif os.path.isdir(path):
            files = discover(path)
            if not files:
                raise NoCascades(path)
        else:
            files = [path]
        for f in files:
            key = f if f == STDIN else os.path.normpath(os.path.abspath(f))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
