"""The CLI skeleton: --version, --help everywhere, schema, show, exit codes, python -m."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from kinerja_graph import __version__
from kinerja_graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "praya.yaml"


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_help_on_every_command():
    assert run("--help").exit_code == 0
    for name in cli.commands:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Usage: " in result.output and name in result.output


def test_schema_prints_the_json_schema_that_validates_the_samples():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "kinerja-graph cascade document"
    doc = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    for node in doc["nodes"]:  # JSON has text keys; YAML's safe_load makes 2024: a number
        for ind in node.get("indicators", []):
            ind["targets"] = {str(k): v for k, v in (ind.get("targets") or {}).items()}
    jsonschema.Draft7Validator(schema).validate(doc)


def test_show_in_both_languages(tmp_path):
    path = tmp_path / "uji.yaml"
    path.write_text(
        "organisation: {name: Kecamatan Uji, type: kecamatan}\nperiod: [2023, 2024]\nnodes:\n"
        "  - {id: t, statement: Meningkatnya kinerja, level: tujuan, owner: Camat}\n"
        "  - {id: s, parent: t, statement: Meningkatnya layanan, level: sasaran strategis, crosscutting: [BKPSDM]}\n"
        "  - {id: i, owner: Bendahara, indicators: [{name: Jumlah laporan}]}\n",
        encoding="utf-8",
    )
    out_id = run("show", str(path)).output
    assert "Organisasi: Kecamatan Uji (kecamatan)" in out_id
    assert "Periode: 2023–2024" in out_id
    assert "Kinerja puncak: t" in out_id
    assert "Indikator tanpa sasaran: 1 (i)" in out_id
    assert "Lintas sektor (crosscutting): BKPSDM" in out_id
    assert "1 kinerja tanpa penanggung jawab" in out_id
    out_en = run("show", str(path), "--lang", "en").output
    assert "Organisation: Kecamatan Uji (kecamatan)" in out_en and "Top goals: t" in out_en
    assert "Intermediate outcome       1" in out_en


@pytest.mark.parametrize("args", [("show",), ("show", "a", "b"), ("nope",), ("show", "x.yaml", "--lang", "fr")])
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_missing_file_is_one_line_on_stderr(tmp_path):
    result = run("show", str(tmp_path / "none.yaml"))
    assert result.exit_code == 2
    assert result.stderr == f"kinerja: {tmp_path / 'none.yaml'}: no such file\n"


def test_convert_refuses_an_unknown_target_format(tmp_path):
    result = run("convert", str(SAMPLE), str(tmp_path / "out.docx"))
    assert result.exit_code == 2 and "unknown file type '.docx'" in result.stderr


@pytest.mark.slow
def test_python_dash_m_and_console_script():
    out = subprocess.run([sys.executable, "-m", "kinerja_graph", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and __version__ in out.stdout
    script = Path(sys.executable).parent / "kinerja"
    if script.exists():
        out = subprocess.run([str(script), "show", str(SAMPLE)], capture_output=True, text=True)
        assert out.returncode == 0 and "Organisasi:" in out.stdout
