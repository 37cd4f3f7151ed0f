"""crosscutting-unresolved: links naming nothing, the organisation itself, or a goal that does not exist."""

from helpers import SAMPLES, as_data, documented, graph_from_yaml, run_rule

from kinerja_graph import config, pipeline
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "crosscutting-unresolved"


def doc(links: str, org: str = "{name: Kecamatan Praya, type: kecamatan, id: praya}") -> str:
    return (
        f"organisation: {org}\nnodes:\n"
        "  - {id: '1', statement: Terwujudnya ketertiban umum, level: intermediate outcome}\n"
        f"  - {{id: '1.1', parent: '1', statement: Terkoordinasinya trantibum, level: output, crosscutting: {links}}}\n"
    )


def test_links_to_other_bodies_pass():
    assert run_rule(RULE, doc("[Satpol PP, TNI, POLRI, BKPSDM, Dinas Pemberdayaan Masyarakat dan Desa]")) == []


def test_the_organisation_itself_by_name_id_or_name_without_kind_words():
    found = run_rule(RULE, doc('["Kecamatan Praya", "praya", "Kantor Camat Praya", "KEC. PRAYA"]'))
    assert len(found) == 4
    assert render(found[0], "id") == (
        'Tautan crosscutting "Kecamatan Praya" pada kinerja "Terkoordinasinya trantibum" '
        "menunjuk organisasi ini sendiri (Kecamatan Praya), sedangkan crosscutting merupakan "
        "keterkaitan dengan organisasi lain"
    )
    assert found[0].related == ("crosscutting:Kecamatan Praya",)


def test_an_empty_organisation_and_a_missing_own_goal():
    found = run_rule(RULE, doc('["#1.2", "praya#9.9", "praya#1"]'))
    assert [render(f, "en") for f in found] == [
        'Crosscutting link "#1.2" on goal "Terkoordinasinya trantibum" names no partner organisation',
        'Crosscutting link "praya#9.9" on goal "Terkoordinasinya trantibum" names goal 9.9, which is not in this '
        "cascade",
        'Crosscutting link "praya#1" on goal "Terkoordinasinya trantibum" names this organisation itself (Kecamatan '
        "Praya); "
        "crosscutting relates to other organisations",
    ]


def test_another_organisations_goal_is_checked_only_when_its_cascade_is_loaded():
    text = doc('["bkpsdm#2.1", "bkpsdm#9.9", "satpol#1"]')
    assert run_rule(RULE, text) == []  # alone: nothing known about BKPSDM's cascade
    partner = load_text(
        "organisation: {name: Badan Kepegawaian dan Pengembangan SDM, id: bkpsdm}\nnodes:\n"
        "  - {id: '2', statement: Meningkatnya kompetensi ASN, level: intermediate outcome}\n"
        "  - {id: '2.1', parent: '2', statement: Meningkatnya disiplin ASN, level: immediate outcome}\n"
    )
    G = graph_from_yaml(text)
    G.graph["cascades"] = {"praya": G.graph["cascade"], "bkpsdm": partner}
    found = run_rule(RULE, G)
    assert [render(f, "en") for f in found] == [
        'Crosscutting link "bkpsdm#9.9" on goal "Terkoordinasinya trantibum" names goal 9.9, which is not in the '
        "cascade "
        "of Badan Kepegawaian dan Pengembangan SDM"
    ]


def load_text(text):
    from helpers import cascade_from_yaml

    return cascade_from_yaml(text, "partner.yaml")


def test_the_engine_passes_the_other_cascades_of_a_run(tmp_path):
    own = tmp_path / "praya.yaml"
    own.write_text(doc('["bkpsdm#9.9"]'), encoding="utf-8")
    other = tmp_path / "bkpsdm.yaml"
    other.write_text(
        "organisation: {name: BKPSDM, id: bkpsdm}\nnodes:\n"
        "  - {id: '1', statement: Meningkatnya kompetensi ASN, level: intermediate outcome}\n",
        encoding="utf-8",
    )
    settings = config.default_settings().override(select=[RULE])
    report = pipeline.run([str(own), str(other)], settings_for=lambda _: settings).report
    assert [(f.file, f.node) for f in report.findings] == [(str(own), "1.1")]


def test_samples_pass():
    for name in ("praya.yaml", "clean.yaml", "sokaraja.yaml"):
        assert run_rule(RULE, build_graph(load(str(SAMPLES / name)))) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "self",
            {
                "link": "Kecamatan Praya",
                "statement": "Terwujudnya ketenteraman dan ketertiban umum",
                "organisation": "Kecamatan Praya",
            },
        ),
        (
            "1",
            "missing-own",
            {"link": "praya#9.9", "statement": "Terwujudnya ketenteraman dan ketertiban umum", "target": "9.9"},
        ),
    ]
