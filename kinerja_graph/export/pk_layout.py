"""What the PK/IKI tables say, cell by cell, in the language asked for — shared by the XLSX and DOCX
writers so that both print the same table: the columns (with their relative widths) and the text of
every cell of a row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_graph.export.pk import Entry, IndicatorRow, PkTables, Position
from kinerja_graph.i18n import words

_t = words("export").t


@dataclass(frozen=True)
class Column:
    key: str  # no, code, goal, indicator, formula, unit, target, source, supports
    header: str
    width: float  # centimetres wanted (a fixed column keeps them; the texts share what is left)
    year: int | None = None
    group: str | None = None  # a header over several columns ("Target" over its years)


# Relative widths (cm): the texts (goal, indicator, formula, superior's goal) get the room.
_WIDTHS = {
    "no": 1.3,
    "code": 1.8,
    "goal": 5.2,
    "indicator": 5.2,
    "formula": 4.4,
    "unit": 2.1,
    "target": 2.1,
    "source": 3.0,
    "supports": 5.2,
}
# With many target years the short columns narrow (the Word table's font is a point smaller then).
_NARROW = {"no": 0.9, "code": 1.5, "unit": 1.7, "target": 1.65}
GROUP_COLUMNS = ("no", "code", "goal", "supports")  # one value per goal (merged over its indicators in Word)
FIXED_COLUMNS = ("no", "code", "unit", "target")  # short values: their width is kept when the page is tight
SMALL_FROM_YEARS = 4  # from this many target years on, the Word table uses a smaller font


def columns(tables: PkTables, lang: str) -> list[Column]:
    """The table's columns: No., Kode, Sasaran/Kinerja, Indikator Kinerja, Formulasi, Satuan, one Target
    per year (one plain "Target" when the cascade has no year), Sumber Data, Mendukung Kinerja Atasan."""
    widths = {**_WIDTHS, **_NARROW} if len(tables.years) >= SMALL_FROM_YEARS else _WIDTHS
    cols = [Column(k, _t(f"col_{k}", lang), widths[k]) for k in ("no", "code", "goal", "indicator", "formula", "unit")]
    if len(tables.years) == 1:
        year = tables.years[0]
        cols.append(Column("target", _t("col_target_year", lang, year=year), widths["target"], year))
    elif tables.years:
        group = _t("col_target", lang)
        cols += [Column("target", str(y), widths["target"], y, group) for y in tables.years]
    else:
        cols.append(Column("target", _t("col_target", lang), widths["target"]))
    cols += [Column(k, _t(f"col_{k}", lang), widths[k]) for k in ("source", "supports")]
    return cols


def fit(cols: Sequence[Column], total: float) -> list[float]:
    """Column widths (cm) filling `total` cm: the short-valued columns keep their width and the text
    columns share the rest, unless that leaves the texts less than 40 % of the page — then all shrink."""
    fixed = sum(c.width for c in cols if c.key in FIXED_COLUMNS)
    flexible = sum(c.width for c in cols if c.key not in FIXED_COLUMNS)
    if flexible and total - fixed >= 0.4 * total:
        scale = (total - fixed) / flexible
        return [round(c.width if c.key in FIXED_COLUMNS else c.width * scale, 2) for c in cols]
    scale = total / (fixed + flexible)
    return [round(c.width * scale, 2) for c in cols]


def groups(cols: Sequence[Column]) -> list[str | None] | None:
    """The header band above the columns (a "Target" over several years), or None when there is none."""
    found = [c.group for c in cols]
    return found if any(g is not None for g in found) else None


def goal_text(entry: Entry, lang: str) -> str:
    return entry.statement if entry.statement is not None else _t("no_goal", lang)


def shared_text(entry: Entry, lang: str) -> str:
    """ "bersama Kasi Pem, Lurah", or "" when the goal is this position's alone."""
    return _t("shared_with", lang, names=", ".join(entry.shared_with)) if entry.shared_with else ""


def supports_lines(entry: Entry, lang: str) -> list[tuple[str, str]]:
    """The superior's goals an entry contributes to: (goal, its owner) per parent; the top goal says so."""
    if not entry.superiors:
        return [(_t("top_goal", lang), "")]
    out = []
    for sup in entry.superiors:
        if not sup.found:
            out.append((_t("parent_missing", lang, id=sup.id), ""))
            continue
        statement = sup.statement if sup.statement is not None else _t("no_goal", lang)
        out.append((f"{sup.id} {statement}", sup.owner or _t("parent_no_owner", lang)))
    return out


def supports_text(entry: Entry, lang: str) -> str:
    return "\n".join(f"{goal}\n({owner})" if owner else goal for goal, owner in supports_lines(entry, lang))


def indicator_cells(
    cols: Sequence[Column], indicator: IndicatorRow | None, lang: str, *, numbers: bool = False
) -> dict[int, object]:
    """The indicator's cells by column index; an entry without indicators says so in the indicator column.
    Targets are the texts as written, or with `numbers` the number a plain-number target says (a
    spreadsheet can add those up)."""
    out: dict[int, object] = {}
    for i, col in enumerate(cols):
        if indicator is None:
            if col.key == "indicator":
                out[i] = _t("no_indicator", lang)
            continue
        if col.key == "indicator":
            out[i] = indicator.name
        elif col.key == "formula":
            out[i] = indicator.formula or ""
        elif col.key == "unit":
            out[i] = indicator.unit or ""
        elif col.key == "source":
            out[i] = indicator.source or ""
        elif col.key == "target" and col.year is not None:
            text = indicator.targets.get(col.year, "")
            out[i] = indicator.values.get(col.year, text) if numbers else text
    return out


def position_facts(tables: PkTables, position: Position | None, lang: str) -> list[tuple[str, str]]:
    """(label, value) lines heading a position's table."""
    facts = [(_t("organisation", lang), tables.organisation.name)]
    if tables.years:
        facts.append((_t("year" if len(tables.years) == 1 else "period", lang), period_text(tables.years)))
    if position is not None:
        if position.superior:
            facts.append((_t("superior", lang), position.superior))
        facts.append((_t("written_as", lang), "; ".join(position.written)))
    return facts


def document_title(tables: PkTables, lang: str) -> str:
    return _t("title_year", lang, year=tables.years[0]) if len(tables.years) == 1 else _t("title", lang)


def period_text(years: Sequence[int]) -> str:
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
