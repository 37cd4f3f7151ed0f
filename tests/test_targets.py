import pytest

from kinerja_graph.targets import parse_number, parse_target


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("4 Dokumen", 4, "Dokumen"),
        ("85 %", 85, "%"),
        ("75%", 75, "%"),
        ("3,5", 3.5, None),
        ("1.500", 1500, None),
        ("1.500.000", 1500000, None),
        ("1.500,25", 1500.25, None),
        ("1,500.25", 1500.25, None),
        ("0.85", 0.85, None),
        ("100", 100, None),
        ("-5", -5, None),
        ("12 Bulan", 12, "Bulan"),
        ("Rp 1.500.000", 1500000, "Rp"),
        ("0,5 %", 0.5, "%"),
    ],
)
def test_numbers_as_indonesian_documents_write_them(text, value, unit):
    target = parse_target(text)
    assert target.kind == "number"
    assert target.value == pytest.approx(value)
    assert target.unit == unit
    assert target.text == text


@pytest.mark.parametrize(
    "text, kind",
    [
        ("80–85", "range"),
        ("80-85", "range"),
        ("80 s.d. 85", "range"),
        ("Tersedia", "text"),
        ("Ada", "text"),
        ("-", "text"),
        ("WTP", "text"),
        ("≥ 90", "text"),
        ("", "blank"),
        ("   ", "blank"),
    ],
)
def test_what_cannot_be_parsed_stays_text_for_the_checker(text, kind):
    target = parse_target(text)
    assert target.kind == kind
    assert target.value is None
    assert target.text == text


def test_parse_number_rejects_malformed():
    assert parse_number("1.2.3") is None
    assert parse_number("abc") is None
    assert parse_number("1,5,0") is None
