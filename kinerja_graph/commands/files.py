"""The cascade files named on a command line: files as given, folders searched.

`kinerja check cascades/` checks every cascade file under the folder, in path order. A folder holds
other files too (rule packs, kinerja.toml, a workflow, a budget workbook), so a file found in a folder
is taken only when it looks like a cascade:

- .yaml/.yml: a top-level ``nodes:`` or ``kinerja:`` key;
- .json: a top-level ``"nodes"`` list (a JSON Schema that describes nodes is not a cascade);
- .csv: a header row (in the first 30 rows) naming a statement or indicator column and at least one
  other known column (rules/fields.yaml), as the table loader requires;
- .xlsx/.xlsm: the same header on the first sheet; a workbook that cannot be opened is taken (its
  error is then reported, not hidden).

Hidden files and folders (".git", ".github", ".venv", …), virtual environments and Excel's lock files
("~$book.xlsx") are passed over. A file named explicitly is always checked, whatever it holds.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable

from kinerja_graph import loaders, policy
from kinerja_graph.errors import KinerjaError

SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "env", "site-packages"})
SNIFF_BYTES = 256 * 1024
PARSE_LIMIT = 16 * 1024 * 1024  # a JSON file up to this size is parsed to see its top-level keys
HEADER_ROWS = 30
_YAML_KEY = re.compile(r"^(?:nodes|kinerja)\s*:", re.MULTILINE)
_JSON_KEY = re.compile(r'"nodes"\s*:')
_DELIMITERS = (";", ",", "\t", "|")


class NoCascades(KinerjaError):
    """A folder given on the command line holds no cascade file."""

    def __init__(self, folder: str):
        self.folder = folder
        super().__init__(f"{folder}: no cascade files found (.yaml, .yml, .json, .csv, .xlsx with a cascade in them)")


def _header_like(cells: list[str]) -> bool:
    vocab = policy.fields()
    known = {vocab.column_field(c)[0] for c in cells if c and c.strip()} - {None}
    return bool({"statement", "indicator"} & known) and len(known) >= 2


def _head(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(SNIFF_BYTES)
    except OSError:
        return ""
    return data.decode("utf-8-sig", errors="replace")


def looks_like_cascade(path: str) -> bool:
    """Does a file found in a folder look like a cascade (see the module docstring)?"""
    try:
        fmt = loaders.format_of(path)
    except Exception:
        return False
    if fmt == "yaml":
        return bool(_YAML_KEY.search(_head(path)))
    if fmt == "json":
        return _json_like(path)
    if fmt == "csv":
        import csv
        import io

        lines = _head(path).splitlines()[:HEADER_ROWS]
        for delimiter in _DELIMITERS:
            try:
                rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
            except csv.Error:
                continue
            if any(_header_like(row) for row in rows):
                return True
        return False
    return _xlsx_like(path)


def _json_like(path: str) -> bool:
    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    if size > PARSE_LIMIT:  # too big to read twice: the key is enough
        return bool(_JSON_KEY.search(_head(path)))
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return bool(_JSON_KEY.search(_head(path)))  # broken JSON that names nodes: let the loader say why
    return isinstance(data, dict) and isinstance(data.get("nodes"), list)


def _xlsx_like(path: str) -> bool:
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:
        return True  # unreadable: let the loader say why
    try:
        ws = book.worksheets[0] if book.worksheets else None
        if ws is None:
            return False
        for cells in ws.iter_rows(max_row=HEADER_ROWS, values_only=True):
            if _header_like([str(c) for c in cells if c is not None]):
                return True
        return False
    except Exception:
        return True
    finally:
        book.close()


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
            if os.path.splitext(name)[1].lower() not in loaders.FORMATS:
                continue
            path = os.path.normpath(os.path.join(root, name))
            if looks_like_cascade(path):
                found.append(path)
    return sorted(found, key=lambda p: os.path.normpath(p).split(os.sep))


def expand(paths: Iterable[str]) -> list[str]:
    """Files as given, folders replaced by the cascade files they hold; each file once, in order.

    Raises NoCascades for a folder with no cascade file in it.
    """
    out: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            files = discover(path)
            if not files:
                raise NoCascades(path)
        else:
            files = [path]
        for f in files:
            key = os.path.normpath(os.path.abspath(f))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
