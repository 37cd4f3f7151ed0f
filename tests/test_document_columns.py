"""A flat document's plain nodes made a field at a time (document._flat_nodes) are the nodes the builder
makes one by one: every JSON and YAML document in the repository, and crafted variants that are not plain
(each must then give the usual messages), built both ways must give an equal Cascade or the same messages.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kinerja_graph import loaders
from kinerja_graph.errors import InputError
from kinerja_graph.loaders import document

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted(
    str(p.relative_to(ROOT))
    for folder in ("samples", "tests/data", "tests/reproducers", "tests/hostile", "tests/inputs")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in (".json", ".yaml", ".yml")
)


def _both(read, monkeypatch):
    """(by fields, one by one): a Cascade each, or the messages of the InputError each raised."""
    results = []
    for flat in (True, False):
        with monkeypatch.context() as patch:
            if not flat:
                patch.setattr(document, "_flat_nodes", lambda raw, builder: None)
            try:
                results.append(document.build(read()))
            except InputError as exc:
                results.append(exc.problems)
    return results


@pytest.mark.parametrize("path", DOCUMENTS)
def test_every_document_in_the_repository_builds_the_same_both_ways(path, monkeypatch):
    try:
        loaders.read_raw(str(ROOT / path))
    except InputError:
        return  # refused while reading: never built
    by_fields, one_by_one = _both(lambda: loaders.read_raw(str(ROOT / path)), monkeypatch)
    assert by_fields == one_by_one


PLAIN = {
    "organisation": {"name": "Kecamatan Praya", "id": "praya"},
    "period": [2025, 2026],
    "nodes": [
        {
            "id": "1",
            "statement": "Meningkatnya tata kelola",
            "level": "Tujuan",
            "owner": "Camat",
            "indicators": [
                {"name": "Indeks RB", "unit": "indeks", "calculation": "non-kumulatif", "targets": {"2025": "65"}},
                {"name": "Nilai SAKIP", "polarity": "higher", "targets": {"2025": "70", "2026": None}},
            ],
        },
        {
            "id": " 1.1 ",
            "parent": " 1 ",
            "statement": "Meningkatnya pelayanan",
            "level": "Sasaran",
            "crosscutting": ["BKPSDM", " ORG#3 ", " "],
            "ref": "hal. 3",
            "owner": "  ",
            "indicators": [{"name": "IKM", "targets": {"2026": "82", "2025": "80"}, "notes": "survei"}],
        },
        {"id": "9", "indicators": [{"name": "Indikator tanpa sasaran", "formula": "", "source": "BPS"}]},
        {"id": "1.2", "parent": None, "statement": "Tanpa indikator", "level": "Sasaran", "indicators": []},
    ],
}


def _node(**fields):
    return {"id": "x", "statement": "Sesuatu", "level": "Sasaran", **fields}


@pytest.mark.parametrize(
    "extra",
    [
        None,  # the plain document itself
        _node(level="Tingkat tak dikenal"),
        _node(level=None),  # a goal without a level
        _node(statement=None, level=None),  # neither a statement nor an indicator
        _node(id="1"),  # an id given again: merged by the builder
        _node(id="  "),
        _node(statement=5),  # a number: the schema's to judge
        _node(statement="x" * (document.MAX_TEXT + 1)),
        _node(parent=["1", "1.1"]),
        _node(notes="catatan"),
        _node(ignore=[{"rule": "vague-indicator", "reason": "sudah jelas"}]),
        _node(inferred=["level"]),
        _node(indicators=[{"name": "  "}]),
        _node(indicators=[{"unit": "%"}]),
        _node(indicators=[{"name": "Z", "calculation": "semaunya"}]),
        _node(indicators=[{"name": "Z", "polarity": "naik turun"}]),
        _node(indicators=[{"name": "Z", "targets": {"tahun depan": "5"}}]),
        _node(indicators=[{"name": "Z", "targets": {"2025": {"text": "5"}}}]),
        _node(indicators=[{"name": "Z", "targets": None}]),
        _node(indicators=None),
        _node(crosscutting="BKPSDM"),
        _node(children=[_node(id="y")]),
        _node(unknown="field"),
    ],
)
def test_a_flat_document_builds_the_same_both_ways(tmp_path, monkeypatch, extra):
    data = copy.deepcopy(PLAIN)
    if extra is not None:
        data["nodes"].append(extra)
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    by_fields, one_by_one = _both(lambda: loaders.read_raw(str(path)), monkeypatch)
    assert by_fields == one_by_one


def test_the_plain_document_is_made_by_fields(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps(PLAIN, indent=2), encoding="utf-8")
    raw = loaders.read_raw(str(path))
    builder = document._Builder(raw, document.policy.levels(), document.policy.fields(), [])
    nodes = document._flat_nodes(raw, builder)
    assert nodes is not None and [n.id for n in nodes] == ["1", "1.1", "9", "1.2"]
    assert [str(c) for c in nodes[1].crosscutting] == ["BKPSDM", "ORG#3"]
    assert list(nodes[1].indicators[0].targets) == [2025, 2026]


def test_documents_larger_than_a_chunk_build_the_same_both_ways(tmp_path, monkeypatch):
    monkeypatch.setattr(document, "FLAT_CHUNK", 2)
    for extra in (None, {"id": "1", "indicators": [{"name": "again"}]}):
        data = copy.deepcopy(PLAIN)
        if extra is not None:
            data["nodes"].append(extra)  # an id given again, in another chunk
        path = tmp_path / "d.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        by_fields, one_by_one = _both(lambda path=path: loaders.read_raw(str(path)), monkeypatch)
        assert by_fields == one_by_one
