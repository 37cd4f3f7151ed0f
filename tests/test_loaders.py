"""The YAML and JSON loaders: canonical documents, nested form, locations, normalisation."""

import json

import pytest

from kinerja_graph.errors import InputError
from kinerja_graph.loaders import load
from kinerja_graph.writers import dumps_json, to_document

YAML_DOC = """\
kinerja: 1
organisation: {name: Kecamatan Uji, type: kecamatan, id: uji}
period: [2022, 2024]
nodes:
  - id: 1
    statement: Meningkatnya kinerja kecamatan
    level: Ultimate Outcome
    owner: Camat
    indicators:
      - name: Indeks Kepuasan Masyarakat
        unit: indeks
        calculation: Non Kumulatif
        targets: {2022: 75, 2023: 1.500, 2024: "80–85"}
    children:
      - id: 1.10
        statement: Meningkatnya kualitas layanan
        level: kondisi antara utama
        owner: Plt. Camat
        crosscutting: [BKPSDM, "satpol#2"]
  - id: "1.1.1"
    parent: ["1.10", "9"]
    statement: Tersusunnya SOP
    level: Inmediate Outcome
    ignore: [{rule: single-child, reason: satu-satunya program}]
  - id: x
    owner: Pengadministrasi Keuangan
    indicators: [{name: Jumlah laporan keuangan}]
"""


@pytest.fixture
def yaml_file(tmp_path):
    path = tmp_path / "uji.yaml"
    path.write_text(YAML_DOC, encoding="utf-8")
    return path


def test_yaml_loads_with_levels_targets_and_lines(yaml_file):
    cascade = load(str(yaml_file))
    assert cascade.organisation.name == "Kecamatan Uji"
    assert cascade.period == [2022, 2023, 2024]
    ids = [n.id for n in cascade.nodes]
    assert ids == ["1", "1.10", "1.1.1", "x"]  # unquoted 1.10 keeps its text, not 1.1
    top, child, grandchild, loose = cascade.nodes
    assert top.level == "ultimate_outcome" and top.level_label == "Ultimate Outcome"
    assert child.level == "intermediate_outcome" and child.parents == ["1"]  # nested children imply the parent
    assert grandchild.level == "immediate_outcome"  # "Inmediate" as the seeds spell it
    assert grandchild.parents == ["1.10", "9"]  # a dangling parent is kept for the checker
    ind = top.indicators[0]
    assert ind.calculation == "non-kumulatif"
    assert [t.text for t in ind.targets.values()] == ["75", "1.500", "80–85"]
    assert ind.targets[2023].value == 1500  # "1.500" as written, not the float 1.5
    assert ind.targets[2024].kind == "range"
    assert [str(c) for c in child.crosscutting] == ["BKPSDM", "satpol#2"]
    assert grandchild.ignore[0].rule == "single-child"
    assert not loose.is_goal and loose.indicators[0].name == "Jumlah laporan keuangan"
    assert top.location.line == 5 and child.location.line == 15 and loose.location.line == 25
    assert ind.location.line == 10


def test_json_loads_the_same_cascade_with_lines(yaml_file, tmp_path):
    cascade = load(str(yaml_file))
    path = tmp_path / "uji.json"
    path.write_text(dumps_json(to_document(cascade)), encoding="utf-8")
    again = load(str(path))
    assert to_document(again) == to_document(cascade)
    text = path.read_text(encoding="utf-8").splitlines()
    for node in again.nodes:
        assert f'"id": "{node.id}"' in text[node.location.line - 1]


def test_json_with_keys_in_any_order_keeps_lines(tmp_path):
    doc = {
        "nodes": [
            {
                "statement": "Meningkatnya A",
                "level": "tujuan",
                "children": [{"level": "sasaran strategis", "statement": "Meningkatnya B", "id": "b"}],
                "id": "a",
            }
        ],
        "organisation": {"name": "Uji"},
    }
    path = tmp_path / "order.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    cascade = load(str(path))
    lines = path.read_text().splitlines()
    for node in cascade.nodes:
        assert f'"id": "{node.id}"' in lines[node.location.line - 1]


def test_repeated_id_adds_indicators_and_conflict_is_reported(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text(
        "organisation: {name: Uji}\nnodes:\n"
        "  - {id: a, statement: Meningkatnya A, level: tujuan, indicators: [{name: Indeks A}]}\n"
        "  - {id: a, indicators: [{name: Indeks B}]}\n",
        encoding="utf-8",
    )
    cascade = load(str(path))
    assert [i.name for i in cascade.nodes[0].indicators] == ["Indeks A", "Indeks B"]
    path.write_text(
        "organisation: {name: Uji}\nnodes:\n"
        "  - {id: a, statement: Meningkatnya A, level: tujuan}\n"
        "  - {id: a, statement: Menurunnya A, level: tujuan}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load(str(path))
    (problem,) = err.value.problems
    assert "dup.yaml:4" in problem and "statement" in problem and "first at" in problem and "dup.yaml:3" in problem
