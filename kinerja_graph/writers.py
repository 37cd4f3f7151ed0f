"""Write a cascade back out: the canonical document (YAML/JSON) or a flat table (CSV/XLSX).

`to_document` is the one normalised form; every writer projects from it, so a round trip through
any format compares equal on it.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass

import yaml

from kinerja_graph import cells
from kinerja_graph.model import Cascade, Indicator, Node

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _period(years: list[int]) -> list[int]:
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return [years[0], years[-1]]
    return list(years)


def indicator_document(ind: Indicator) -> dict:
    out: dict = {"name": ind.name}
    for attr in ("formula", "unit", "calculation", "source", "polarity"):
        value = getattr(ind, attr)
        if value is not None:
            out[attr] = value
    if ind.targets:
        out["targets"] = {str(year): t.text for year, t in sorted(ind.targets.items())}
    if ind.notes is not None:
        out["notes"] = ind.notes
    return out


def node_document(node: Node) -> dict:
    out: dict = {"id": node.id}
    if node.statement is not None:
        out["statement"] = node.statement
    if node.level_label is not None:
        out["level"] = node.level_label
    if node.parents:
        out["parent"] = node.parents[0] if len(node.parents) == 1 else list(node.parents)
    if node.owner is not None:
        out["owner"] = node.owner
    if node.indicators:
        out["indicators"] = [indicator_document(i) for i in node.indicators]
    if node.crosscutting:
        out["crosscutting"] = [str(c) for c in node.crosscutting]
    if node.notes:
        out["notes"] = dict(node.notes)
    if node.ignore:
        out["ignore"] = [{"rule": s.rule, "reason": s.reason} if s.reason else {"rule": s.rule} for s in node.ignore]
    if node.ref is not None:
        out["ref"] = node.ref
    if node.inferred:
        out["inferred"] = list(node.inferred)
    return out


def to_document(cascade: Cascade) -> dict:
    org: dict = {"name": cascade.organisation.name}
    if cascade.organisation.type:
        org["type"] = cascade.organisation.type
    if cascade.organisation.id:
        org["id"] = cascade.organisation.id
    doc: dict = {"kinerja": 1, "organisation": org}
    if cascade.period:
        doc["period"] = _period(cascade.period)
    if cascade.source:
        doc["source"] = cascade.source
    if cascade.notes:
        doc["notes"] = dict(cascade.notes)
    doc["nodes"] = [node_document(n) for n in cascade.nodes]
    return doc


def dumps_yaml(doc: dict) -> str:
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def dumps_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- flat tables ------------------------------------------------------------------------------

NODE_COLUMNS = ["id", "parent", "level", "statement", "owner", "crosscutting"]
INDICATOR_COLUMNS = ["indicator", "formula", "unit", "calculation", "polarity", "source", "indicator_notes"]
LIST_COLUMNS = ("parent", "crosscutting", "ignore", "inferred")
# the document's own fields as columns (a CSV is one plain table; a workbook keeps them on its
# organisation sheet instead), in this order
DOCUMENT_COLUMNS = ["organisation", "organisation_type", "organisation_id", "period", "document_source"]
# Header names written with --headers id (each is one of the aliases in rules/fields.yaml)
INDONESIAN_HEADERS = {
    "id": "Kode",
    "parent": "Kode Induk",
    "level": "Tingkat",
    "statement": "Kinerja",
    "owner": "Penanggung Jawab",
    "crosscutting": "Lintas Sektor",
    "indicator": "Indikator Kinerja",
    "formula": "Formulasi",
    "unit": "Satuan",
    "calculation": "Tipe Perhitungan",
    "polarity": "Polaritas",
    "source": "Sumber Data",
    "indicator_notes": "Catatan Indikator",
    "notes": "Catatan",
    "ignore": "Abaikan",
    "ref": "Rujukan",
    "inferred": "Disimpulkan",
    "organisation": "Organisasi",
    "organisation_type": "Tipe Organisasi",
    "organisation_id": "Kode Organisasi",
    "period": "Periode",
    "document_source": "Sumber Dokumen",
}
ENGLISH_HEADERS = {"document_source": "source_document"}
NOTE_PREFIX = {"en": "note: ", "id": "Catatan: "}
DOCUMENT_NOTE_PREFIX = {"en": "document note: ", "id": "Catatan Dokumen: "}
# labels of a workbook's organisation sheet (rules/fields.yaml `metadata` aliases)
ORGANISATION_LABELS = {
    "id": {
        "organisation": "Organisasi",
        "organisation_type": "Tipe Organisasi",
        "organisation_id": "Kode Organisasi",
        "period": "Periode",
        "document_source": "Sumber Dokumen",
    },
    "en": {
        "organisation": "Organisation",
        "organisation_type": "Organisation type",
        "organisation_id": "Organisation id",
        "period": "Period",
        "document_source": "Source document",
    },
}


@dataclass
class Table:
    """A cascade as one flat table: one row per (goal, indicator), every row whole.

    `columns` are keys ("id", "target_2024", "note:KEY", "document_note:KEY", "organisation" …) and
    `header` their names as written; a cell is None (not given), a text, or a list of texts (list
    columns). Texts are as the document has them: each format encodes them for itself (cells.py).
    """

    columns: list[str]
    header: list[str]
    rows: list[list]
    document: list[tuple[str, str, str]]  # (key, label, value) of the document's fields and notes
    years: list[int]


def header_name(column: str, headers: str = "en", xlsx: bool = False) -> str:
    """The name a column key is written under (a note's key encoded as a cell holds it)."""
    if column.startswith("target_"):
        return f"Target {column[7:]}" if headers == "id" else column
    if column.startswith("note:"):
        return NOTE_PREFIX[headers] + cells.encode(column[5:], xlsx)
    if column.startswith("document_note:"):
        return DOCUMENT_NOTE_PREFIX[headers] + cells.encode(column[14:], xlsx)
    if headers == "id":
        return INDONESIAN_HEADERS.get(column, column)
    return ENGLISH_HEADERS.get(column, column)


def table(
    cascade: Cascade,
    headers: str = "en",
    document_columns: bool = True,
    polarity_words: dict | None = None,
    xlsx: bool = False,
) -> Table:
    """The cascade as a Table; `document_columns`: the document's fields as columns (CSV) or not (XLSX).

    headers="id" writes Indonesian column names (Kode, Kode Induk, Tingkat, Kinerja, …).
    `polarity_words`: {canonical: text} to write polarity in (the loader reads any alias back)."""
    doc = to_document(cascade)
    nodes = doc["nodes"]
    years = sorted({int(y) for n in nodes for i in n.get("indicators", []) for y in i.get("targets", {})})
    note_keys: list[str] = []
    for n in nodes:
        for k in n.get("notes", {}):
            if k not in note_keys:
                note_keys.append(k)
    columns = NODE_COLUMNS + INDICATOR_COLUMNS + [f"target_{y}" for y in years]
    columns += ["notes" if k == "notes" else f"note:{k}" for k in note_keys]
    columns += [k for k in ("ignore", "ref", "inferred") if any(k in n for n in nodes)]
    document = _document_fields(doc, headers, xlsx)
    if document_columns:
        columns += [key for key, _, _ in document]
    position = {c: i for i, c in enumerate(columns)}
    width = len(columns)
    rows: list[list] = []
    for n in nodes:
        base: list = [None] * width
        parent = n.get("parent")
        base[0] = n["id"]
        if parent is not None:
            base[1] = parent if isinstance(parent, list) else [parent]
        for k in ("level", "statement", "owner", "crosscutting", "ref", "inferred"):
            if k in n:
                base[position[k]] = n[k]
        if "ignore" in n:
            base[position["ignore"]] = [
                f"{s['rule']}: {s['reason']}" if s.get("reason") else s["rule"] for s in n["ignore"]
            ]
        for k, v in n.get("notes", {}).items():
            base[position["notes" if k == "notes" else f"note:{k}"]] = v
        for ind in n.get("indicators") or [None]:
            row = list(base)  # every indicator row carries its goal's columns: sorting never tears a goal apart
            if ind is not None:
                for column, key in zip(INDICATOR_COLUMNS, _INDICATOR_KEYS, strict=True):
                    if key in ind:
                        row[position[column]] = ind[key]
                if polarity_words and "polarity" in ind:
                    row[position["polarity"]] = polarity_words.get(ind["polarity"], ind["polarity"])
                for y, text in ind.get("targets", {}).items():
                    row[position[f"target_{y}"]] = text
            rows.append(row)
    if document_columns:
        if not rows:  # a cascade without nodes still names its organisation
            rows.append([None] * width)
        for i, row in enumerate(rows):
            for key, _, value in document:
                if i == 0 or not key.startswith("document_note:"):  # notes once, on the first row
                    row[position[key]] = value
    header = [header_name(c, headers, xlsx) for c in columns]
    return Table(columns, header, rows, document, years)


_INDICATOR_KEYS = ["name", "formula", "unit", "calculation", "polarity", "source", "notes"]


def _document_fields(doc: dict, headers: str, xlsx: bool = False) -> list[tuple[str, str, str]]:
    labels = ORGANISATION_LABELS[headers]
    org = doc["organisation"]
    out = [("organisation", labels["organisation"], org["name"])]
    for key, field_name in (("organisation_type", "type"), ("organisation_id", "id")):
        if field_name in org:
            out.append((key, labels[key], org[field_name]))
    if "period" in doc:
        out.append(("period", labels["period"], period_text(doc["period"])))
    if "source" in doc:
        out.append(("document_source", labels["document_source"], doc["source"]))
    for k, v in doc.get("notes", {}).items():
        out.append((f"document_note:{k}", DOCUMENT_NOTE_PREFIX[headers] + cells.encode(k, xlsx), v))
    return out


def period_text(period: list[int]) -> str:
    """[2022, 2026] (the document's first and last year) -> "2022-2026"; other lists "2022, 2024, 2027"."""
    if len(period) == 2 and period[0] < period[1]:
        return f"{period[0]}-{period[1]}"
    return ", ".join(str(y) for y in period)


def polarity_words(headers: str) -> dict | None:
    """How polarity is written in a table: Indonesian phrases under Indonesian headers, else as stored."""
    if headers != "id":
        return None
    from kinerja_graph.i18n import words

    t = words("workbook").t
    return {"higher": t("polarity_higher", "id"), "lower": t("polarity_lower", "id")}


def cell_text(value, xlsx: bool = False) -> str:
    """A table value as its cell holds it (cells.py); None is the empty cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return cells.join_list([str(v) for v in value], xlsx)
    return cells.encode(str(value), xlsx)


def dumps_csv(cascade: Cascade, delimiter: str = ",", headers: str = "en") -> str:
    """One plain table, its first row the header, as Excel's "CSV UTF-8 (Comma delimited)" writes it:
    commas, UTF-8 with a BOM, CR LF. pandas, csvkit, DuckDB and Python's csv module read it with their
    defaults (for a spreadsheet, convert to .xlsx). Cells a spreadsheet would run as formulas are
    neutralised (cells.py)."""
    t = table(cascade, headers, polarity_words=polarity_words(headers))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([cells.neutralise(h) for h in t.header])
    for row in t.rows:
        writer.writerow([cells.neutralise(cell_text(v)) for v in row])
    return "\ufeff" + buf.getvalue()


def write(cascade: Cascade, path: str, fmt: str, headers: str = "en") -> None:
    """Write in `fmt`; `headers` ("en" or "id") names the columns of CSV and XLSX tables."""
    if fmt == "xlsx":
        from kinerja_graph import workbook

        workbook.write_workbook(cascade, path, headers=headers)
        return
    if fmt == "yaml":
        text = dumps_yaml(to_document(cascade))
    elif fmt == "json":
        text = dumps_json(to_document(cascade))
    else:
        text = dumps_csv(cascade, headers=headers)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
