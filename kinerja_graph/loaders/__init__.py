"""Load a cascade from any supported file: YAML, JSON, CSV or XLSX.

    >>> from kinerja_graph.loaders import load
    >>> cascade = load("samples/praya.yaml")

Every problem becomes an InputError naming file, line/row/cell and field; nothing outside this
package reads raw file rows.
"""

from __future__ import annotations

import os

from kinerja_graph.errors import InputError
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.loaders import document, structured, table
from kinerja_graph.model import Cascade
from kinerja_graph.policy import LevelVocabulary

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}
MAX_FILE = 512 * 1024 * 1024


def format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise InputError.one(path, f"unknown file type {ext or '(none)'!r}; use .yaml, .yml, .json, .csv or .xlsx")
    return FORMATS[ext]


def _read_text(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except FileNotFoundError:
        raise InputError.one(path, "no such file") from None
    except IsADirectoryError:
        raise InputError.one(path, "is a folder, not a cascade file") from None
    except OSError as exc:
        raise InputError.one(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE:
        raise InputError.one(path, f"file is larger than {MAX_FILE // (1024 * 1024)} MiB")
    if not data or data.isspace():  # (not data.strip(): no copy of a large file)
        raise InputError.one(path, "the file is empty")
    if b"\x00" in data[:65536] or data.startswith(b"PK\x03\x04"):
        raise InputError.one(path, "this is a binary file, not a text cascade (an .xlsx must be named .xlsx)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError.one(
            f"{path}:{line}",
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8 "
            "(in Excel: 'CSV UTF-8 (Comma delimited)')",
        ) from None
    return text


def read_raw(path: str, sheet: str | None = None, levels: LevelVocabulary | None = None) -> document.RawDocument:
    """Read a file into a raw document (plain data + locations), without validating it.

    `levels`: the level vocabulary labels are read with (a table infers parents from its levels);
    the shipped one unless a rule pack adds labels (config.Settings.levels)."""
    fmt = format_of(path)
    if fmt == "xlsx":
        if not os.path.exists(path):
            raise InputError.one(path, "no such file")
        if os.path.getsize(path) == 0:
            raise InputError.one(path, "the file is empty")
        return table.read_xlsx(path, sheet, levels)
    if sheet is not None:
        raise InputError.one(path, "--sheet applies to .xlsx files only")
    text = _read_text(path)
    if fmt == "yaml":
        return structured.read_yaml(text, path)
    if fmt == "json":
        return structured.read_json(text, path)
    return table.read_table(table.csv_rows(text, path), path, "csv", levels=levels)


def load(path: str, sheet: str | None = None, levels: LevelVocabulary | None = None) -> Cascade:
    """Read, validate and normalise one cascade file (level labels read with `levels`, see read_raw)."""
    with gc_paused():
        return document.build(read_raw(path, sheet, levels), levels)
