"""foreign-organisation: another organisation of the cascade's own kind named in its texts."""

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "foreign-organisation"


def doc(
    statement: str,
    formula: str = "Jumlah desa",
    source: str = "Data desa",
    org: str = "{name: Kecamatan Sokaraja, type: kecamatan, id: sokaraja}",
) -> str:
    return (
        f"organisation: {org}\nnodes:\n"
        f"  - id: '1'\n    statement: \"{statement}\"\n    level: output\n"
        f'    indicators: [{{name: Jumlah desa aktif, formula: "{formula}", source: "{source}"}}]\n'
    )


def test_another_kecamatan_in_a_formula_and_a_source():
    found = run_rule(
        RULE,
        doc(
            "Terlaksananya koordinasi pemberdayaan desa",
            formula="Jumlah desa di Kecamatan Somagede yang memiliki dokumen perencanaan",
            source="Laporan Kec. Somagede",
        ),
    )
    assert [render(f, "id") for f in found] == [
        'Formula pada "Terlaksananya koordinasi pemberdayaan desa" menyebut "Kecamatan Somagede", sedangkan pohon '
        "kinerja ini milik Kecamatan Sokaraja",
        'Sumber data pada "Terlaksananya koordinasi pemberdayaan desa" menyebut "Kec. Somagede", sedangkan pohon kinerja '
        "ini milik Kecamatan Sokaraja",
    ]
    assert found[0].line == 6  # the indicator's line


def test_one_finding_per_name_listing_the_fields():
    found = run_rule(
        RULE, doc("Meningkatnya pelayanan di Kecamatan Somagede", formula="Jumlah layanan Kecamatan Somagede")
    )
    assert [render(f, "en") for f in found] == [
        'The statement, formula of "Meningkatnya pelayanan di Kecamatan Somagede" names "Kecamatan Somagede", but this '
        "cascade belongs to Kecamatan Sokaraja"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Meningkatnya pelayanan di Kecamatan Sokaraja",
        "Jumlah desa di Kecamatan Sokaraj",  # cut off
        "POHON KINERJA KECAMATAN SOKAAJA TAHUN 2020",  # a slip
        "Meningkatnya pelayanan di wilayah Kecamatan",  # no name
        "Pelayanan Kecamatan yang prima",
        "Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
        "Terwujudnya Kecamatan Layak Anak",
        "Terwujudnya Kecamatan Tangguh Bencana",
        "Terwujudnya Kecamatan Terbaik Tingkat Kabupaten",
        "Data BPS Kecamatan Dalam Angka",
        "Koordinasi Antar Kecamatan Se-Kabupaten",
        "Koordinasi dengan Kabupaten Banyumas dan Desa Karangrau",  # other kinds are partners, not pastes
        "Koordinasi dengan Dinas Kesehatan",
    ],
)
def test_own_name_other_kinds_and_common_words_pass(text):
    assert run_rule(RULE, doc(text, formula=text)) == []


def test_a_capitalised_word_the_cascade_writes_in_lower_case_elsewhere_is_no_name():
    assert run_rule(RULE, doc("Terwujudnya Kecamatan Gemilang", formula="Jumlah kegiatan gemilang")) == []
    assert len(run_rule(RULE, doc("Terwujudnya Kecamatan Gemilang", formula="Jumlah kegiatan"))) == 1


def test_multi_word_own_names_and_a_type_read_from_the_name():
    org = "{name: Kecamatan Pino Raya, id: pino-raya}"  # no type: "Kecamatan" is the first word
    assert run_rule(RULE, doc("Meningkatnya pelayanan Kecamatan Pino Raya", org=org)) == []
    assert (
        len(
            run_rule(
                RULE,
                doc("Meningkatnya pelayanan Kecamatan Pino Baru", formula="Jumlah desa di Kecamatan Manna", org=org),
            )
        )
        == 1
    )


def test_an_organisation_of_unknown_kind_is_not_judged():
    assert run_rule(RULE, doc("Data Kecamatan Somagede", org="{name: Badan Pusat Statistik}")) == []


def test_samples():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "sokaraja.yaml"))))
    assert [(f.node, render(f, "en").split(" names ")[1].split(",")[0]) for f in found] == [
        ("1.1.3.1", '"Kecamatan Somagede"')
    ]
    for name in ("praya.yaml", "pujon.yaml", "pino-raya.yaml", "batumandi.yaml", "clean.yaml"):
        assert run_rule(RULE, build_graph(load(str(SAMPLES / name)))) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "default",
            {
                "fields": ["formula"],
                "label": "Terlaksananya koordinasi kegiatan pemberdayaan desa",
                "phrase": "Kecamatan Somagede",
                "organisation": "Kecamatan Sokaraja",
            },
        )
    ]
