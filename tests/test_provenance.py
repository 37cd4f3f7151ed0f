"""Provenance (issue 11 item 4): where a node comes from (`ref`) and what the transcriber inferred
(`inferred`), in YAML/JSON and in tables (Rujukan/Ref, Disimpulkan/Inferred), and in the samples."""

from __future__ import annotations

import pytest
from helpers import SAMPLES, cascade_from_yaml

from kinerja_graph.errors import InputError
from kinerja_graph.loaders import load
from kinerja_graph.policy import fields
from kinerja_graph.writers import to_document

DOCUMENT = """
organisation: {name: Kecamatan Uji}
nodes:
  - id: "1"
    statement: Meningkatnya A
    level: Tujuan
    ref: "hal. 3, Tabel 2, baris 5"
    inferred: [level, owner]
    owner: Camat
  - {id: "1.1", parent: "1", statement: Meningkatnya B, level: Sasaran Strategis, inferred: [parent]}
"""


def test_ref_and_inferred_are_read_and_written_back():
    cascade = cascade_from_yaml(DOCUMENT)
    top, child = cascade.nodes
    assert (top.ref, top.inferred) == ("hal. 3, Tabel 2, baris 5", ("level", "owner"))
    assert (child.ref, child.inferred) == (None, ("parent",))
    doc = to_document(cascade)
    assert doc["nodes"][0]["ref"] == "hal. 3, Tabel 2, baris 5" and doc["nodes"][0]["inferred"] == ["level", "owner"]
    assert "ref" not in doc["nodes"][1]


def test_an_unknown_inferred_field_is_a_schema_message_in_yaml_and_in_a_table(tmp_path):
    with pytest.raises(InputError, match=r"nodes\[0\]\.inferred\[0\]: 'levle' is not one of"):
        cascade_from_yaml("organisation: {name: X}\nnodes: [{id: '1', statement: A, level: Tujuan, inferred: [levle]}]")
    table = tmp_path / "t.csv"
    table.write_text("Kode;Tingkat;Kinerja;Disimpulkan\n1;Tujuan;Meningkatnya A;tingkat\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(str(table))
    assert err.value.problems[0].startswith(f"{table}:row 2: nodes[0].inferred[0]: 'tingkat' is not one of")


@pytest.mark.parametrize("header, field_name", [("Rujukan", "ref"), ("Ref", "ref"), ("Disimpulkan", "inferred")])
def test_table_headers_for_provenance(header, field_name):
    assert fields().column_field(header) == (field_name, None)


def test_the_samples_record_what_their_transcription_inferred():
    pujon = load(str(SAMPLES / "pujon.yaml"))
    assert all("level" in n.inferred for n in pujon.goals)  # the source has no levels at all
    pino = load(str(SAMPLES / "pino-raya.yaml"))
    subs = [n for n in pino.nodes if n.id.startswith("S")]
    assert all(("parent" in n.inferred) == bool(n.parents) for n in subs)  # S13, S16, S18 have no parent
    assert all(n.ref == f"Tabel eselon IV, NO {n.id[1:]}" for n in subs)
    praya = load(str(SAMPLES / "praya.yaml"))
    assert praya.node("1.2.4").ref == "bagan, kolom 6" and praya.node("1.2.4").inferred == ("parent",)
    assert praya.node("1.3.2.1").inferred == ("crosscutting",)
    assert not praya.node("1").inferred  # the ultimate outcome is read, not inferred


@pytest.mark.parametrize("table, document", [("praya.xlsx", "praya.yaml"), ("batumandi.csv", "batumandi.yaml")])
def test_the_table_samples_carry_the_same_provenance(table, document):
    by_id = {n.id: n for n in load(str(SAMPLES / document)).nodes}  # praya.xlsx's outline ids are praya.yaml's
    got = load(str(SAMPLES / table)).nodes
    assert sum(1 for n in got if n.inferred) > 10
    for node in got:
        source = by_id[node.id]
        assert node.statement == source.statement
        assert (node.inferred, node.ref) == (source.inferred, source.ref), node.id
