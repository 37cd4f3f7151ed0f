"""The indicator rules on hostile texts: very long names and sources, deep brackets, long runs of digits and
joiners. Each is judged (no hang, no traceback) and what a message quotes stays short."""

import pytest
from helpers import run_rule

RULES = [
    "vague-indicator",
    "vague-source",
    "calculation-type",
    "indicator-goal-mismatch",
    "stray-source",
    "formula-mismatch",
]

LONG = 90_000  # the loaders refuse a field of more than 100,000 characters
TEXTS = [
    "(" * (LONG // 2) + "Kasi Ekbang" + ")" * (LONG // 2),
    "Kasi Ekbang " + "(" * LONG,
    "1" * LONG + " %",
    " dan ".join(["Jumlah laporan"] * (LONG // 20)),
    "Tersedianya Barang Cetak " + "kendaraan " * (LONG // 10),
    "Survey " + "x" * LONG,
    "\x00\x1b[31m" + "Desa " * (LONG // 5),
]


def doc(text: str) -> str:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "\\0").replace("\x1b", "\\e")
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        f'  - id: "1"\n    statement: "{quoted}"\n    level: immediate outcome\n    indicators:\n'
        f'      - {{name: "{quoted}", formula: "{quoted} / jumlah", source: "{quoted}", calculation: kumulatif}}\n'
    )


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES)
def test_hostile_texts_are_judged_and_quoted_short(rule):
    for text in TEXTS:
        for finding in run_rule(rule, doc(text)):
            for value in finding.args.values():
                for item in value if isinstance(value, list) else [value]:
                    assert not isinstance(item, str) or len(item) <= 70
