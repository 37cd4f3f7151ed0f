"""Every sample loads, and converts through every format without losing anything."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_graph.cli import cli
from kinerja_graph.loaders import load
from kinerja_graph.writers import to_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".yaml", ".json", ".csv", ".xlsx"))
FORMATS = ["yaml", "json", "csv", "xlsx"]


def test_there_are_samples_in_every_table_format():
    suffixes = {p.suffix for p in SAMPLE_FILES}
    assert {".yaml", ".csv", ".xlsx"} <= suffixes
    assert len([p for p in SAMPLE_FILES if p.suffix == ".yaml"]) >= 5


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_loads(sample):
    cascade = load(str(sample))
    assert cascade.goals, f"{sample.name} has no goals"
    assert all(n.location is not None and n.location.line for n in cascade.nodes)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", [*FORMATS, "csv --headers id", "xlsx --headers id"])
def test_round_trip_is_lossless(sample, fmt, tmp_path):
    """sample -> fmt -> the same document, and -> YAML again: provenance (ref, inferred) included."""
    original = to_document(load(str(sample)))
    fmt, *options = fmt.split()
    out = tmp_path / f"converted.{fmt}"
    result = CliRunner().invoke(cli, ["convert", str(sample), str(out), *options])
    assert result.exit_code == 0, result.output
    once = to_document(load(str(out)))
    assert once == original
    back = tmp_path / "back.yaml"
    assert CliRunner().invoke(cli, ["convert", str(out), str(back)]).exit_code == 0
    assert to_document(load(str(back))) == original


def test_hostile_text_survives_every_format(tmp_path):
    statement = 'Meningkatnya "kualitas" <b>layanan</b> & {braces} \\\\ ; , =1+1 \U0001f600\nbaris kedua'
    source = tmp_path / "hostile.yaml"
    source.write_text(
        "organisation: {name: 'Kec. \"Uji\"; <x>'}\nnodes:\n"
        f"  - id: 'a;b'\n    level: tujuan\n    statement: {statement!r}\n".replace("\\\\n", "\\n")
        + "    owner: '=HYPERLINK(\"x\")'\n    notes: {'kolom; aneh': 'nilai, \"kutip\"'}\n"
        "    indicators: [{name: 'Indeks; \"A\"', targets: {2024: '=1+1'}}]\n",
        encoding="utf-8",
    )
    original = to_document(load(str(source)))
    assert original["nodes"][0]["owner"] == '=HYPERLINK("x")'
    for fmt in FORMATS:
        out = tmp_path / f"h.{fmt}"
        assert CliRunner().invoke(cli, ["convert", str(source), str(out)]).exit_code == 0
        assert to_document(load(str(out))) == original, fmt
