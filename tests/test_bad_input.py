"""Bad input is normal input: each case gives a message naming file, line/row and field — or is kept
for the checker — never a traceback, never a silently dropped row."""

import pytest
from click.testing import CliRunner

from kinerja_graph.cli import cli
from kinerja_graph.errors import InputError
from kinerja_graph.graph import build_graph, roots
from kinerja_graph.loaders import load
from kinerja_graph.summary import summarise
from kinerja_graph.writers import write


def problems_of(path, **kw):
    with pytest.raises(InputError) as err:
        load(str(path), **kw)
    return err.value.problems


def test_malformed_yaml_names_the_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("organisation: {name: X}\nnodes:\n  - id: a\n    statement: [unclosed\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:") and "not valid YAML" in problem


def test_malformed_json_names_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"organisation": {"name": "X"},\n "nodes": [\n  {"id": "a",}\n]}', encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:3: not valid JSON") and "column" in problem


def test_csv_without_a_header_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("foo;bar\n1;2\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert "no header row" in problem and "indikator" in problem


def test_wrong_type_names_line_and_field(tmp_path):
    path = tmp_path / "type.yaml"
    path.write_text(
        "organisation: {name: X}\nnodes:\n  - id: a\n    statement: Meningkatnya A\n    level: tujuan\n"
        "    indicators:\n      - name: Indeks A\n        targets: {2024: [1, 2]}\n",
        encoding="utf-8",
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:7: nodes[0].indicators[0].targets.2024:")


def test_unknown_field_lists_the_allowed_ones(tmp_path):
    path = tmp_path / "field.yaml"
    path.write_text(
        "organisation: {name: X}\nnodes:\n  - {id: a, statment: Meningkatnya A, level: tujuan}\n", encoding="utf-8"
    )
    (problem,) = problems_of(path)
    assert f"{path}:3: nodes[0]:" in problem and "'statment'" in problem and "statement" in problem


def test_unknown_level_names_the_row_and_accepted_labels(tmp_path):
    path = tmp_path / "lvl.csv"
    path.write_text("Kode;Tingkat;Kinerja\n1;Tujuan;A\n2;Sasaran Besar;B\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:row 3: level: unknown level 'Sasaran Besar'")
    assert "Ultimate Outcome (" in problem and "kondisi antara utama" in problem


@pytest.mark.parametrize("name", ["empty.yaml", "empty.json", "empty.csv"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_text("  \n", encoding="utf-8")
    assert problems_of(path) == [f"{path}: the file is empty"]


def test_empty_xlsx(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert problems_of(path) == [f"{path}: the file is empty"]


def test_binary_file(tmp_path):
    path = tmp_path / "pohon.csv"
    path.write_bytes(bytes(range(256)) * 4)
    (problem,) = problems_of(path)
    assert "binary file" in problem


def test_xlsx_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "pohon.xlsx"
    path.write_text("Kode;Kinerja\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert "not a readable .xlsx workbook" in problem


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(
        "Kode;Kinerja;Indikator\n1;Meningkatnya A;Indeks A\n2;Peningkatan ekonomi \xe9;x\n".encode("latin-1")
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:3: not UTF-8 text (byte 0xe9)")


@pytest.mark.slow
def test_a_10_mb_cell_names_row_and_column(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("Kode;Kinerja;Indikator\n1;" + "x" * 10_000_000 + ";Indeks A\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:row 2: Kinerja: cell holds 10,000,000 characters")


def test_a_10_mb_statement_in_yaml(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(
        "organisation: {name: X}\nnodes:\n  - id: a\n    level: tujuan\n    statement: " + "x" * 10_000_000 + "\n"
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:3: statement: holds 10,000,000 characters")


def test_an_overlong_indicator_formula_in_json_names_its_line_and_field_only(tmp_path):
    path = tmp_path / "big.json"
    formula = "y" * 100_001
    path.write_text(
        '{"organisation": {"name": "X"},\n "nodes": [\n  {"id": "a", "level": "tujuan", "statement": "S",\n'
        '   "indicators": [\n    {"name": "Indeks A", "formula": "' + formula + '"}]}]}',
        encoding="utf-8",
    )
    (problem,) = problems_of(path)
    assert problem == f"{path}:5: formula: holds 100,001 characters; the limit is 100,000"


def test_a_target_key_that_is_not_a_year_names_the_indicator(tmp_path):
    path = tmp_path / "years.yaml"
    path.write_text(
        "organisation: {name: X}\nnodes:\n  - id: a\n    level: tujuan\n    statement: S\n"
        "    indicators:\n      - name: Indeks A\n        targets: {2025: 80, 20260: 85, tahun: 90}\n",
        encoding="utf-8",
    )
    problems = problems_of(path)
    assert problems == [
        f"{path}:7: targets: '20260' is not a year; give targets by four-digit year from 1900 to 2199 (2025: ...) "
        "(indicator 'Indeks A')",
        f"{path}:7: targets: 'tahun' is not a year; give targets by four-digit year from 1900 to 2199 (2025: ...) "
        "(indicator 'Indeks A')",
    ]


def test_a_schema_problem_in_a_nested_child_names_its_path_and_line(tmp_path):
    path = tmp_path / "nested.yaml"
    path.write_text(
        "organisation: {name: X}\nnodes:\n  - id: a\n    level: tujuan\n    statement: A\n"
        "    children:\n      - id: b\n        level: sasaran strategis\n        statement: B\n"
        "      - id: c\n        level: sasaran strategis\n        statement: [not, text]\n",
        encoding="utf-8",
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:10: nodes[0].children[1].statement: ")


def test_duplicate_ids_with_conflicting_data_in_a_table(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text(
        "Kode;Tingkat;Kinerja;Indikator\n1;Tujuan;Meningkatnya A;Indeks A\n1;Tujuan;Menurunnya B;Indeks B\n"
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:row 3: Kinerja: 'Menurunnya B' conflicts with row 2")


def test_dangling_parent_and_parent_cycle_are_kept_for_the_checker(tmp_path):
    path = tmp_path / "kept.yaml"
    path.write_text(
        "organisation: {name: X}\nnodes:\n"
        "  - {id: a, statement: Meningkatnya A, level: tujuan, parent: c}\n"
        "  - {id: b, statement: Meningkatnya B, level: sasaran strategis, parent: a}\n"
        "  - {id: c, statement: Meningkatnya C, level: sasaran program, parent: b}\n"
        "  - {id: d, statement: Meningkatnya D, level: sasaran program, parent: nowhere}\n",
        encoding="utf-8",
    )
    G = build_graph(load(str(path)))
    assert {(u, v) for u, v in G.edges} == {("c", "a"), ("a", "b"), ("b", "c")}
    assert G.nodes["d"]["missing_parents"] == ["nowhere"]


def test_yaml_object_construction_is_refused(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("organisation: {name: !!python/object/apply:os.system [echo pwned]}\nnodes: []\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert "tag" in problem and ":1:" in problem


def test_yaml_alias_bomb_is_refused(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    lines.append("organisation: {name: *j}\nnodes: []")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert "alias" in problem


def _chain(n):
    out = ["organisation: {name: Panjang}", "nodes:"]
    for i in range(n):
        parent = f", parent: n{i - 1}" if i else ""
        out.append(f"  - {{id: n{i}, statement: Meningkatnya hal {i}, level: tujuan{parent}}}")
    return "\n".join(out) + "\n"


@pytest.mark.slow
def test_a_10000_deep_chain_of_parents_survives_every_step(tmp_path):
    path = tmp_path / "chain.yaml"
    path.write_text(_chain(10_000), encoding="utf-8")
    cascade = load(str(path))
    G = build_graph(cascade)
    assert roots(G) == ["n0"]
    assert summarise(G).leaves == 1
    for fmt in ("json", "csv", "xlsx"):
        out = tmp_path / f"chain.{fmt}"
        write(cascade, str(out), fmt)
        assert len(load(str(out)).nodes) == 10_000


def _nested(depth, fmt):
    if fmt == "yaml":
        inner = "{id: last, statement: L, level: tujuan}"
        for i in reversed(range(depth)):
            inner = f"{{id: n{i}, statement: S {i}, level: tujuan, children: [{inner}]}}"
        return "organisation: {name: X}\nnodes: [" + inner + "]\n"
    inner = '{"id": "last", "statement": "L", "level": "tujuan"}'
    for i in reversed(range(depth)):
        inner = f'{{"id": "n{i}", "statement": "S {i}", "level": "tujuan", "children": [{inner}]}}'
    return '{"organisation": {"name": "X"}, "nodes": [' + inner + "]}"


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_10000_deep_nested_children_form(tmp_path, fmt):
    depth = 10_000
    path = tmp_path / f"deep.{fmt}"
    path.write_text(_nested(depth, fmt), encoding="utf-8")
    try:
        cascade = load(str(path))
    except InputError as err:  # refused with a one-line message naming the file is acceptable; a RecursionError is not
        message = str(err)
        assert message.startswith(str(path)) and "\n" not in message.strip()
    else:
        assert cascade.nodes[-1].parents == [f"n{depth - 1}"]
        assert len(cascade.nodes) == depth + 1


def test_cli_reports_bad_input_on_stderr_with_exit_2(tmp_path):
    path = tmp_path / "lvl.csv"
    path.write_text("Kode;Tingkat;Kinerja\n1;Entah;A\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kinerja: {path}:row 2: level: unknown level 'Entah'")
    assert "Traceback" not in result.output
