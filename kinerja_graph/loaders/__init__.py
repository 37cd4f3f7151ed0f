"""Load a cascade from any supported file: YAML, JSON, CSV or XLSX — or from bytes that are not a file.

    >>> from kinerja_graph.loaders import load
    >>> cascade = load("samples/praya.yaml")
    >>> cascade = load_data(b"nodes: ...", "praya.yaml")     # bytes, named for messages and their format
    >>> cascade = load("-", name="praya.yaml")                # standard input, read as bytes

A path is read in the format its name says. Bytes (`load_data`, and standard input, path "-") are read
in the format of the name they are given (`name`, the --stdin-filename of the commands); with no name,
or a name whose suffix is not a cascade format, the format is sniffed from the content
(discover.sniff_format: a zip archive is a workbook, ``{`` or ``[`` JSON, a top-level ``nodes:`` YAML, a
known header row CSV). Either way the same limits and checks apply (size, empty, binary, UTF-8).

Every problem becomes an InputError naming file, line/row/cell and field; nothing outside this
package reads raw file rows.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING

from kinerja_graph.errors import InputError
from kinerja_graph.gcpause import gc_paused

if TYPE_CHECKING:  # each reader is imported when a file of its format is read
    from kinerja_graph.loaders.raw import RawDocument
    from kinerja_graph.model import Cascade
    from kinerja_graph.policy import LevelVocabulary

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}
MAX_FILE = 512 * 1024 * 1024  # the largest cascade file read, unless MAX_FILE_ENV says otherwise
MAX_FILE_ENV = "KINERJA_MAX_FILE_MIB"  # a larger (or smaller) limit in MiB: a Pemda-wide 10^6-goal CSV is ~700 MiB
STDIN = "-"  # the path that means standard input
STDIN_NAME = "<stdin>"  # how messages name standard input when it is given no name


def format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise InputError.one(path, f"unknown file type {ext or '(none)'!r}; use .yaml, .yml, .json, .csv or .xlsx")
    return FORMATS[ext]


def max_file() -> int:
    """The largest file read, in bytes: MAX_FILE, or KINERJA_MAX_FILE_MIB when it is set to a whole number."""
    value = os.environ.get(MAX_FILE_ENV, "").strip()
    if not value:
        return MAX_FILE
    if not value.isdigit() or int(value) < 1:
        raise InputError([f"{MAX_FILE_ENV}={value[:40]!r}: a whole number of MiB (1 or more) is expected"])
    return int(value) * 1024 * 1024


def _read_text(path: str) -> str:
    limit = max_file()
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError.one(path, "no such file") from None
    except IsADirectoryError:
        raise InputError.one(path, "is a folder, not a cascade file") from None
    except OSError as exc:
        raise InputError.one(path, f"cannot read: {exc.strerror or exc}") from None
    _check_size(data, path)
    return _decode(data, path)


def _check_size(data: bytes, name: str) -> None:
    limit = max_file()
    if len(data) > limit:
        raise InputError.one(
            name, f"file is larger than {limit // (1024 * 1024)} MiB (set {MAX_FILE_ENV} to read larger files)"
        )
    if not data or data.isspace():  # (not data.strip(): no copy of a large file)
        raise InputError.one(name, "the file is empty")


def _decode(data: bytes, name: str) -> str:
    """The text of a text cascade's bytes (UTF-8, with or without a BOM)."""
    if b"\x00" in data[:65536] or data.startswith(b"PK\x03\x04"):
        raise InputError.one(name, "this is a binary file, not a text cascade (an .xlsx must be named .xlsx)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError.one(
            f"{name}:{line}",
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8 "
            "(in Excel: 'CSV UTF-8 (Comma delimited)')",
        ) from None
    return text


def _read_text_format(
    text: str, name: str, fmt: str, levels: LevelVocabulary | None, direct: bool = False
) -> RawDocument:
    if fmt in ("yaml", "json"):
        from kinerja_graph.loaders import structured

        return structured.read_yaml(text, name) if fmt == "yaml" else structured.read_json(text, name)
    from kinerja_graph.loaders import table

    again = (lambda: table.csv_stream(text, name)) if direct else None
    return table.read_table(table.csv_stream(text, name), name, "csv", levels=levels, again=again)


def read_raw(
    path: str,
    sheet: str | None = None,
    levels: LevelVocabulary | None = None,
    *,
    name: str | None = None,
    direct: bool = False,
) -> RawDocument:
    """Read a file into a raw document (plain data + locations), without validating it.

    `levels`: the level vocabulary labels are read with (a table infers parents from its levels);
    the shipped one unless a rule pack adds labels (config.Settings.levels).
    `path` "-" is standard input, named `name` (default "<stdin>"; see read_raw_data); `name` is
    not used for a file.
    `direct`: a plain table's nodes are made straight from its cells (RawDocument.built, for
    document.build; table.read_table), not held as node mappings in the document."""
    if path == STDIN:
        label = name or STDIN_NAME
        return read_raw_data(read_stdin(label), label, sheet, levels, direct=direct)
    fmt = format_of(path)
    if fmt == "xlsx":
        if not os.path.exists(path):
            raise InputError.one(path, "no such file")
        if os.path.getsize(path) == 0:
            raise InputError.one(path, "the file is empty")
        from kinerja_graph.loaders import table

        return table.read_xlsx(path, sheet, levels, direct=direct)
    if sheet is not None:
        raise InputError.one(path, "--sheet applies to .xlsx files only")
    return _read_text_format(_read_text(path), path, fmt, levels, direct)


def data_format(data: bytes, name: str) -> str:
    """The format bytes named `name` are read in: the name's suffix when it is a cascade format, else the
    content's (discover.sniff_format); an InputError when neither tells."""
    fmt = FORMATS.get(os.path.splitext(name)[1].lower())
    if fmt is not None:
        return fmt
    from kinerja_graph.loaders import discover  # (discover imports this module)

    fmt = discover.sniff_format(data)
    if fmt is None:
        raise InputError.one(
            name,
            "cannot tell whether this is YAML, JSON, CSV or XLSX: no top-level nodes: key, JSON object, "
            "known header row or workbook; give it a name with the suffix of its format "
            "(--stdin-filename NAME.yaml, .json, .csv or .xlsx)",
        )
    return fmt


def read_raw_data(
    data: bytes | str,
    name: str,
    sheet: str | None = None,
    levels: LevelVocabulary | None = None,
    *,
    direct: bool = False,
) -> RawDocument:
    """A cascade that is not a file (standard input, a version taken from git, a text a program holds) read
    into a raw document: its bytes, or its text (read as UTF-8 bytes).

    `name` is how every message names it, and its suffix picks the format (data_format); the limits
    and checks of a file apply. `direct`: see read_raw."""
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogateescape")
    _check_size(data, name)
    fmt = data_format(data, name)
    if fmt == "xlsx":
        from kinerja_graph.loaders import table

        return table.read_xlsx(io.BytesIO(data), sheet, levels, file=name, direct=direct)
    if sheet is not None:
        raise InputError.one(name, "--sheet applies to .xlsx workbooks only")
    return _read_text_format(_decode(data, name), name, fmt, levels, direct)


def read_stdin(name: str = STDIN_NAME) -> bytes:
    """Standard input, whole, as bytes (at most max_file() + 1 of them: read_raw_data refuses more)."""
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is not None:
            return stream.read(max_file() + 1)
        if sys.stdin is None:
            raise InputError.one(name, "there is no standard input to read")
        return sys.stdin.read(max_file() + 1).encode("utf-8")
    except OSError as exc:
        raise InputError.one(name, f"cannot read standard input: {exc.strerror or exc}") from None


def load(
    path: str, sheet: str | None = None, levels: LevelVocabulary | None = None, *, name: str | None = None
) -> Cascade:
    """Read, validate and normalise one cascade file (level labels read with `levels`, see read_raw);
    path "-" is standard input, named `name`."""
    from kinerja_graph.loaders import document

    with gc_paused():
        return document.build(read_raw(path, sheet, levels, name=name, direct=True), levels)


def load_data(data: bytes | str, name: str, sheet: str | None = None, levels: LevelVocabulary | None = None) -> Cascade:
    """Read, validate and normalise a cascade given as bytes or text, named `name` (see read_raw_data)."""
    from kinerja_graph.loaders import document

    with gc_paused():
        return document.build(read_raw_data(data, name, sheet, levels, direct=True), levels)
