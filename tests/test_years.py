"""One rule for years (kinerja_graph/years.py), stated alike by the schema, the table headers and the
builder; a period read any way is written back and read again as the same years."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kinerja_graph import policy, years
from kinerja_graph.errors import InputError
from kinerja_graph.loaders import load
from kinerja_graph.writers import write

HOSTILE = Path(__file__).resolve().parent / "hostile"


def test_the_schema_and_the_table_headers_state_the_same_years():
    schema = policy.load_schema("cascade.schema.json")
    year = schema["definitions"]["year"]
    assert (year["minimum"], year["maximum"]) == (years.FIRST_YEAR, years.LAST_YEAR)
    keys = schema["definitions"]["indicator"]["properties"]["targets"]["propertyNames"]["pattern"]
    column = policy.fields().target_column
    for y in (1899, 1900, 2025, 2199, 2200, 3000, 999):
        text = str(y)
        inside = years.year_of(text) is not None
        assert inside == (years.FIRST_YEAR <= y <= years.LAST_YEAR)
        assert bool(re.fullmatch(keys, text)) == inside
        assert bool(re.fullmatch(years.YEAR_PATTERN, text)) == inside
        assert bool(column.match(f"target{text}")) == inside


@pytest.mark.parametrize("given", [[2022, 2026], [2026, 2022], [2022, 2023, 2024, 2025, 2026], [2024, 2026, 2022]])
def test_a_period_is_every_year_from_the_earliest_to_the_latest(tmp_path, given):
    path = tmp_path / "p.yaml"
    path.write_text(
        f"organisation: {{name: X}}\nperiod: {given}\nnodes:\n  - {{id: '1', statement: A, level: tujuan}}\n",
        encoding="utf-8",
    )
    assert load(str(path)).period == [2022, 2023, 2024, 2025, 2026]


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv", "xlsx"])
def test_the_reversed_period_reproducer_keeps_its_years_through_every_format(tmp_path, fmt):
    first = load(str(HOSTILE / "period.yaml"))  # period: [2026, 2022]
    out = tmp_path / f"out.{fmt}"
    write(first, str(out), fmt)
    again = load(str(out))
    assert again.period == first.period == list(range(2022, 2027))
    write(again, str(tmp_path / f"again.{fmt}"), fmt)
    assert load(str(tmp_path / f"again.{fmt}")).period == first.period


@pytest.mark.parametrize("year", ["3000", "1899", "2200", "0999"])
def test_a_target_year_outside_the_range_is_refused_in_yaml(tmp_path, year):
    path = tmp_path / "year.yaml"
    path.write_text(
        f'organisation: {{name: x}}\nnodes:\n- id: "1"\n  statement: a\n  level: Tujuan\n'
        f'  indicators: [{{name: i, targets: {{"{year}": "5"}}}}]\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load(str(path))
    (problem,) = err.value.problems
    assert problem.startswith(f"{path}:6: targets: '{year}' is not a year") and "1900 to 2199" in problem


def test_a_period_year_outside_the_range_is_refused(tmp_path):
    path = tmp_path / "p.json"
    path.write_text('{"organisation": {"name": "X"}, "period": [2022, 2200], "nodes": []}', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(str(path))
    assert "period[1]" in err.value.problems[0]
