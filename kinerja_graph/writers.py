"""Write a cascade back out: the canonical document (YAML/JSON) or a flat table (CSV/XLSX).

`to_document` is the one normalised form; every writer projects from it, so a round trip through
any format compares equal on it.
"""

from __future__ import annotations

import csv
import io
import json
import os

import yaml

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
META_ROWS = [("Organisasi", "name"), ("Tipe", "type"), ("Kode organisasi", "id")]
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
}


def table_rows(cascade: Cascade, headers: str = "en") -> tuple[list[list[str]], list[list[str]]]:
    """(metadata rows, header + data rows): one row per (goal, indicator), targets by year.

    headers="id" writes Indonesian column names (Kode, Kode Induk, Tingkat, Kinerja, …).
    """
    doc = to_document(cascade)
    years = sorted({int(y) for n in doc["nodes"] for i in n.get("indicators", []) for y in i.get("targets", {})})
    note_keys: list[str] = []
    for n in doc["nodes"]:
        for k in n.get("notes", {}):
            if k not in note_keys:
                note_keys.append(k)
    header = NODE_COLUMNS + INDICATOR_COLUMNS + [f"target_{y}" for y in years]
    header += ["notes" if k == "notes" else f"note: {k}" for k in note_keys] + ["ignore"]
    rows = [header]
    for n in doc["nodes"]:
        parent = n.get("parent")
        base = {
            "id": n["id"],
            "parent": "; ".join(parent) if isinstance(parent, list) else (parent or ""),
            "level": n.get("level", ""),
            "statement": n.get("statement", ""),
            "owner": n.get("owner", ""),
            "crosscutting": "; ".join(n.get("crosscutting", [])),
            "ignore": "; ".join(
                f"{s['rule']}: {s['reason']}" if s.get("reason") else s["rule"] for s in n.get("ignore", [])
            ),
        }
        for k in note_keys:
            base["notes" if k == "notes" else f"note: {k}"] = n.get("notes", {}).get(k, "")
        indicators = n.get("indicators") or [None]
        for i, ind in enumerate(indicators):
            row = dict(base) if i == 0 else {"id": n["id"]}
            if ind is not None:
                row.update(
                    {
                        "indicator": ind["name"],
                        "formula": ind.get("formula", ""),
                        "unit": ind.get("unit", ""),
                        "calculation": ind.get("calculation", ""),
                        "polarity": ind.get("polarity", ""),
                        "source": ind.get("source", ""),
                        "indicator_notes": ind.get("notes", ""),
                    }
                )
                for y, text in ind.get("targets", {}).items():
                    row[f"target_{y}"] = text
            rows.append([row.get(h, "") for h in header])
    if headers == "id":
        rows[0] = [INDONESIAN_HEADERS.get(h, f"Target {h[7:]}" if h.startswith("target_") else h) for h in header]
    meta = [[label, doc["organisation"][k]] for label, k in META_ROWS if k in doc["organisation"]]
    if "period" in doc:
        meta.append(["Periode", "-".join(str(y) for y in doc["period"])])
    if "source" in doc:
        meta.append(["Sumber dokumen", doc["source"]])
    for k, v in doc.get("notes", {}).items():
        if k == "preamble":
            meta.extend([[line] for line in v.split("\n")])
        else:
            meta.append([f"note: {k}", v])
    return meta, rows


def dumps_csv(cascade: Cascade, delimiter: str = ";", headers: str = "en") -> str:
    """CSV as Excel writes it in the Indonesian locale: semicolons, UTF-8 with a BOM."""
    meta, rows = table_rows(cascade, headers)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for m in meta:
        writer.writerow(m)
    if meta:
        writer.writerow([])
    writer.writerows(rows)
    return "\ufeff" + buf.getvalue()


def write_xlsx(cascade: Cascade, path: str, sheet: str = "Pohon Kinerja", headers: str = "en") -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    meta, rows = table_rows(cascade, headers)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    r = 1
    for m in meta:
        for c, value in enumerate(m, start=1):
            _set_text(ws.cell(row=r, column=c), value)
        ws.cell(row=r, column=1).font = Font(bold=True)
        r += 1
    if meta:
        r += 1
    header_row = r
    for values in rows:
        for c, value in enumerate(values, start=1):
            if value != "":
                _set_text(ws.cell(row=r, column=c), value)
        r += 1
    for c in range(1, len(rows[0]) + 1):
        ws.cell(row=header_row, column=c).font = Font(bold=True)
        wide = rows[0][c - 1] in ("statement", "indicator", "formula", "Kinerja", "Indikator Kinerja", "Formulasi")
        ws.column_dimensions[get_column_letter(c)].width = 50 if wide else 16
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    book.save(path)


def _set_text(cell, value: str) -> None:
    """Always a text cell: a statement starting with "=" must never become a formula."""
    cell.value = value
    cell.data_type = "s"


def write(cascade: Cascade, path: str, fmt: str, headers: str = "en") -> None:
    """Write in `fmt`; `headers` ("en" or "id") names the columns of CSV and XLSX tables."""
    if fmt == "xlsx":
        write_xlsx(cascade, path, headers=headers)
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
