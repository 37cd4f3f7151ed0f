"""ambiguous-owner: an owner that names no position in particular ("Kasi/Jafung/Analis", a bare "Kasi")."""

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "ambiguous-owner"


def doc(*owners: str) -> str:
    rows = "\n".join(
        f'  - {{id: "1.{i}", parent: "1", statement: Meningkatnya layanan {i}, level: immediate outcome, '
        f'owner: "{owner}"}}'
        for i, owner in enumerate(owners, 1)
    )
    return (
        "organisation: {name: Kecamatan Uji, type: kecamatan}\nnodes:\n"
        '  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}\n'
        + rows
        + "\n"
    )


def test_a_choice_between_positions_is_reported_once_per_owner_text():
    found = run_rule(RULE, doc("Kasi/Jafung/Analis", "Kasi Pem", "Kasi/Jafung/Analis", "Kasi Pem atau Kasi Trantib"))
    assert [(f.node, f.related, f.key) for f in found] == [
        ("1.1", ("1.3",), "alternatives"),
        ("1.4", (), "alternatives"),
    ]
    assert found[0].args["holders"] == ["Kasi", "Jafung", "Analis"] and found[0].args["count"] == 3
    assert found[1].args["holders"] == ["Kasi Pem", "Kasi Trantib"]
    assert (found[0].severity, found[0].area, found[0].lke) == ("warning", "ownership", "1.b.11")
    assert "ditulis sebagai pilihan di antara 3 jabatan" in render(found[0], "id")
    assert render(found[0], "en").startswith('Owner "Kasi/Jafung/Analis" (goals 1.1, 1.3) is written as a choice')


@pytest.mark.parametrize("owner", ["Kasi", "Plt. Kasi", "KASUBAG", "Staf", "Jafung", "Kepala Seksi"])
def test_a_kind_of_position_written_alone_is_reported(owner):
    (f,) = run_rule(RULE, doc(owner))
    assert f.key == "generic"
    assert "tanpa seksi, subbagian, atau bidangnya" in render(f, "id")


def test_generic_owners_can_be_left_alone():
    assert run_rule(RULE, doc("Kasi"), {"generic": False}) == []
    assert run_rule(RULE, doc("Kasi/Jafung"), {"generic": False}) != []


@pytest.mark.parametrize(
    "owner",
    [
        "Kasi Pemerintahan",
        "Staf Umum",
        "Pengadministrasi Keuangan",
        "Kasi (Budi)",
        "Camat",
        "Sekcam",
        "Bendahara",
        "Kasi Pem & Lurah",
    ],
)
def test_a_position_named_in_full_passes(owner):
    assert run_rule(RULE, doc(owner)) == []


def test_batumandi_kasi_without_a_section_and_the_choice_kasi_jafung_analis():
    for name in ("batumandi.yaml", "batumandi.csv"):
        found = run_rule(RULE, build_graph(load(SAMPLES / name)))
        assert [(f.key, f.args["owner"], len(f.related) + 1) for f in found] == [
            ("generic", "Kasi", 5),
            ("alternatives", "Kasi/Jafung/Analis", 8),
        ]


@pytest.mark.parametrize("name", ["clean.yaml", "praya.yaml", "pujon.yaml", "pino-raya.yaml", "sokaraja.yaml"])
def test_samples_whose_owners_name_a_position_raise_nothing(name):
    assert run_rule(RULE, build_graph(load(SAMPLES / name))) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1.1",
            "generic",
            {"owner": "Kasi", "goals": 1, "position": {"id": "Kepala Seksi", "en": "Kepala Seksi (Kasi)"}},
        ),
        (
            "1.1.1",
            "alternatives",
            {"owner": "Kasi/Jafung/Analis", "goals": 1, "holders": ["Kasi", "Jafung", "Analis"], "count": 3},
        ),
    ]
