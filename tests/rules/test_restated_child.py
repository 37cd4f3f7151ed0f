"""restated-child: a child copying its parent's statement and indicators."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "restated-child"
HEAD = "organisation: {name: Kecamatan Uji}\nnodes:\n"


def tree(child_statement: str, child_indicator: str, owners=("Sekcam", "Sekcam"), siblings: str = "") -> str:
    return (
        HEAD
        + f"""\
  - id: "1"
    statement: Meningkatnya kualitas perencanaan dan evaluasi kinerja perangkat daerah
    level: immediate outcome
    owner: {owners[0]}
    indicators: [{{name: Nilai Laporan AKIP}}]
  - id: "1.1"
    parent: "1"
    statement: {child_statement}
    level: output
    owner: {owners[1]}
    indicators: [{{name: {child_indicator}}}]
{siblings}"""
    )


def test_a_copied_child_under_the_same_owner():
    found = run_rule(
        RULE, tree("Meningkatnya Kualitas Perencanaan, dan Evaluasi Kinerja Perangkat Daerah", "nilai laporan AKIP")
    )
    assert [(f.node, f.related) for f in found] == [("1.1", ("1",))]
    assert render(found[0], "id") == (
        'Kinerja "Meningkatnya Kualitas Perencanaan, dan Evaluasi Kinerja Perangkat Dae…" '
        "menyalin pernyataan dan indikator induknya (1) tanpa menguraikannya"
    )


def test_slips_in_the_copy_still_make_a_copy():
    assert (
        len(
            run_rule(
                RULE,
                tree("Meningkatnya kualitas perencanan dan evaluasi kinerja perangkat daerah", "Nilai Lapooran AKIP"),
            )
        )
        == 1
    )


def test_a_decomposed_child_passes():
    assert run_rule(RULE, tree("Tersusunnya dokumen perencanaan tepat waktu", "Jumlah dokumen perencanaan")) == []
    # the same statement with its own indicator: a duplicate statement, not a restatement
    assert (
        run_rule(
            RULE,
            tree(
                "Meningkatnya kualitas perencanaan dan evaluasi kinerja perangkat daerah",
                "Persentase dokumen tepat waktu",
            ),
        )
        == []
    )


def test_a_direct_cascade_to_one_unit_below_is_legitimate():
    text = tree(
        "Meningkatnya kualitas perencanaan dan evaluasi kinerja perangkat daerah",
        "Nilai Laporan AKIP",
        owners=("Camat", "Sekcam"),
    )
    assert run_rule(RULE, text) == []
    assert len(run_rule(RULE, text, {"allow-direct-cascade": False})) == 1


def test_several_restating_children_are_each_reported():
    sibling = """\
  - id: "1.2"
    parent: "1"
    statement: Meningkatnya kualitas perencanaan dan evaluasi kinerja perangkat daerah
    level: output
    owner: Kasubag Umum
    indicators: [{name: Nilai Laporan AKIP}]
"""
    found = run_rule(
        RULE,
        tree(
            "Meningkatnya kualitas perencanaan dan evaluasi kinerja perangkat daerah",
            "Nilai Laporan AKIP",
            owners=("Camat", "Sekcam"),
            siblings=sibling,
        ),
    )
    assert [f.node for f in found] == ["1.1", "1.2"]
    assert render(found[0], "en").endswith("; 2 children of the same parent do so")


def test_samples():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml"))))
    assert [(f.node, f.related) for f in found] == [("1.1", ("1a",))]
    for name in ("praya.yaml", "pujon.yaml", "batumandi.yaml", "sokaraja.yaml", "clean.yaml"):
        assert run_rule(RULE, build_graph(load(str(SAMPLES / name)))) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1.1",
            "default",
            {
                "statement": "Meningkatnya Kualitas Perencanaan, Penganggaran, dan Evaluasi Kinerja…",
                "parent": "1",
                "count": 1,
            },
        )
    ]
