"""joint-owner: two or more positions holding one goal together ("Kasi Pem & Lurah")."""

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "joint-owner"


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


def test_two_positions_joined_are_reported_once_per_owner_text_with_every_goal_holding_it():
    found = run_rule(RULE, doc("Sekretaris dan Bendahara", "Kasi Pem", "Sekretaris dan Bendahara"))
    assert [(f.node, f.related, f.key) for f in found] == [("1.1", ("1.3",), "default")]
    f = found[0]
    assert f.args["holders"] == ["Sekretaris", "Bendahara"] and f.args["count"] == 2 and f.args["goals"] == 2
    assert (f.severity, f.area, f.lke) == ("warning", "ownership", "1.b.11")
    assert render(f, "en").startswith('Owner "Sekretaris dan Bendahara" (goals 1.1, 1.3) names 2 positions at once')
    assert "menunjuk 2 jabatan sekaligus" in render(f, "id")


def test_a_lurah_co_owning_a_goal_of_the_kecamatan_is_said_to_head_a_unit_of_its_own():
    (f,) = run_rule(RULE, doc("Kasubbag Perenc dan Keu & Lurah"))
    assert f.key == "other-unit"
    assert f.args["holders"] == ["Kasubbag Perenc dan Keu", "Lurah"]  # "dan" inside a position's name joins nothing
    assert f.args["heads"] == [{"id": "Lurah", "en": "Lurah (head of kelurahan)"}]
    assert "memimpin unit kerja tersendiri" in render(f, "id")


@pytest.mark.parametrize(
    "owner",
    [
        "Kasi Pemerintahan",
        "Kasubbag Perencanaan dan Keuangan",  # one position: the part after "dan" names none
        "Kasubag Umum, Kepegawaian, Keuangan dan Aset",
        "Kasi Trantib (Budi, S.IP)",
        "Plt. Camat",
        "Kasi/Jafung/Analis",  # a choice, not a joint holding: ambiguous-owner's
        "-",
    ],
)
def test_one_position_or_a_choice_is_not_a_joint_owner(owner):
    assert run_rule(RULE, doc(owner)) == []


def test_praya_the_six_goals_co_owned_with_the_lurah():
    for name in ("praya.yaml", "praya.xlsx"):
        found = run_rule(RULE, build_graph(load(SAMPLES / name)))
        assert [(f.node, f.related) for f in found] == [
            ("1.1.1", ("1.1.2",)),  # Kasi Pelum & Lurah
            ("1.2.1", ()),  # Kasi Pem & Lurah
            ("1.2.2", ()),  # Kasi PMD & LURAH
            ("1.3.2", ()),  # Kasi Trantib & Lurah
            ("1.4.3", ()),  # Kasubbag Perenc dan Keu & Lurah: the kecamatan's own budget absorption
        ]
        assert {f.key for f in found} == {"other-unit"}


@pytest.mark.parametrize("name", ["clean.yaml", "pujon.yaml", "pino-raya.yaml", "batumandi.yaml", "sokaraja.yaml"])
def test_samples_with_one_owner_per_goal_raise_nothing(name):
    assert run_rule(RULE, build_graph(load(SAMPLES / name))) == []


def test_the_separators_are_data_a_pack_can_change():
    import copy

    from kinerja_graph import config

    owners = copy.deepcopy(config.load_default_pack().vocabulary["owners"])
    owners["separators"]["joint"].remove("dan")
    text = doc("Sekretaris dan Bendahara")
    assert run_rule(RULE, text)
    assert run_rule(RULE, text, vocabulary={**config.load_default_pack().vocabulary, "owners": owners}) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1.1",
            "other-unit",
            {
                "owner": "Kasi Pem & Lurah",
                "holders": ["Kasi Pem", "Lurah"],
                "count": 2,
                "goals": 1,
                "heads": [{"id": "Lurah", "en": "Lurah (head of kelurahan)"}],
            },
        )
    ]
