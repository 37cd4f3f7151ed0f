"""The wheel ships the policy data (rules/), the schemas and the words, and the installed package uses them."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("kinerja_graph-*.whl")
    return built


def test_wheel_holds_rules_schemas_and_words(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in sorted(p.relative_to(ROOT / "rules") for p in (ROOT / "rules").rglob("*.yaml")):
        assert f"kinerja_graph/_rules/{data.as_posix()}" in names
    assert "kinerja_graph/schemas/cascade.schema.json" in names
    for words in sorted((ROOT / "kinerja_graph" / "words").glob("*.yaml")):
        assert f"kinerja_graph/words/{words.name}" in names


def test_installed_wheel_reads_its_own_policy_data(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "from kinerja_graph import i18n, policy; print(policy.rules_dir()); print(len(policy.levels().levels)); "
        "print(i18n.FOLDER); print(i18n.words('html').t('errors', 'en'))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    rules_dir, count, words_dir, word = out.stdout.split()
    assert rules_dir == str(target / "kinerja_graph" / "_rules") and count == "5"
    assert words_dir == str(target / "kinerja_graph" / "words") and word == "errors"


def test_wheel_carries_the_mit_licence_pyproject_declares(wheel):
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert declared == {"text": "MIT"}
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in licence
    with zipfile.ZipFile(wheel) as built:
        (name,) = [n for n in built.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert built.read(name).decode("utf-8") == licence
