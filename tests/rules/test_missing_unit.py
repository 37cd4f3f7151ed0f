"""missing-unit: an indicator with targets whose unit is neither given, nor in a target, nor in its name."""

from helpers import as_data, documented, run_rule

from kinerja_graph.messages import render

RULE = "missing-unit"


def doc(indicators: str) -> str:
    return (
        "organisation: {name: Kecamatan Uji}\nperiod: [2024, 2025]\nnodes:\n"
        "  - id: '1'\n    statement: Tersusunnya dokumen perencanaan\n    level: output\n"
        f"    indicators:\n{indicators}"
    )


def test_bare_numbers_without_unit_are_reported():
    found = run_rule(
        RULE,
        doc("""\
      - {name: Dokumen perencanaan yang disusun, targets: {2024: 4, 2025: 5}}
"""),
    )
    assert [(f.node, f.severity) for f in found] == [("1", "info")]
    assert render(found[0], "en") == (
        'Indicator "Dokumen perencanaan yang disusun" has no unit, and its targets ("4", "5") do not name one'
    )


def test_a_unit_in_the_field_in_a_target_or_in_the_name_is_enough():
    assert (
        run_rule(
            RULE,
            doc("""\
      - {name: Dokumen perencanaan yang disusun, unit: Dokumen, targets: {2024: 4, 2025: 5}}
      - {name: Ketepatan penyusunan dokumen, unit: "%", targets: {2024: 80, 2025: 90}}
      - {name: Dokumen evaluasi yang disusun, targets: {2024: 4 Dokumen, 2025: 5 Dokumen}}
      - {name: Persentase dokumen tepat waktu, targets: {2024: 80, 2025: 90}}
"""),
        )
        == []
    )


def test_without_targets_there_is_nothing_to_misread():
    assert (
        run_rule(
            RULE,
            doc("""\
      - {name: Dokumen perencanaan yang disusun}
"""),
        )
        == []
    )
    found = run_rule(
        RULE,
        doc("""\
      - {name: Dokumen perencanaan yang disusun}
"""),
        {"require-targets": False},
    )
    assert [f.node for f in found] == ["1"]
    assert '("-")' not in render(found[0], "en") and "(-)" in render(found[0], "en")


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "one", {"indicator": "Dokumen perencanaan yang disusun tepat waktu", "targets": ["4"]})
    ]
