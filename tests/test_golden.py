"""Golden findings: `kinerja check` on every sample, in both languages, as text and JSON.

The golden files were reviewed by eye against samples/README.md ("Defects left in"). After a
deliberate change, regenerate them with KINERJA_REGEN_GOLDEN=1 and review the diff before committing.
"""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = sorted(p.name for p in (ROOT / "samples").iterdir() if p.suffix in (".yaml", ".csv", ".xlsx"))
REGEN = os.environ.get("KINERJA_REGEN_GOLDEN") == "1"


def check(monkeypatch, *args):
    monkeypatch.chdir(ROOT)
    return CliRunner().invoke(cli, ["check", "--no-config", "--color", "never", *args])


def compare(path: Path, text: str):
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path.name} missing: run with KINERJA_REGEN_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_report_of_every_sample(monkeypatch, sample, lang):
    result = check(monkeypatch, f"samples/{sample}", "--lang", lang)
    has_errors = '"severity": "error"' in check(monkeypatch, f"samples/{sample}", "--format", "json").output
    assert result.exit_code == (1 if has_errors else 0)
    compare(GOLDEN / f"{sample}.{lang}.txt", result.output)


@pytest.mark.parametrize("sample", SAMPLES)
def test_json_report_of_every_sample(monkeypatch, sample):
    result = check(monkeypatch, f"samples/{sample}", "--format", "json", "--lang", "en")
    data = json.loads(result.output)
    assert data["version"] == 1
    assert result.exit_code == (1 if data["summary"]["error"] else 0)
    compare(GOLDEN / f"{sample}.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def test_the_real_samples_fail_and_the_clean_one_passes(monkeypatch):
    for sample in SAMPLES:
        result = check(monkeypatch, f"samples/{sample}", "--fail-on", "warning")
        assert result.exit_code == (0 if sample == "clean.yaml" else 1), sample
