"""The checks every change must pass, run by the test command (so CI runs them too): ruff lint and
format, the import-linter layers of docs/architecture.md, and mypy. Their configuration is in
pyproject.toml; the tools come with the `test` extra."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """The tool installed next to this Python (the project's virtual environment), else on PATH."""
    found = BIN / name
    if found.exists():
        return str(found)
    on_path = shutil.which(name)
    if on_path is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return on_path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    done = run(tool("ruff"), "check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_changes_nothing():
    done = run(tool("ruff"), "format", "--check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_import_goes_up_the_layers():
    done = run(tool("lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.slow
def test_mypy_finds_nothing():
    done = run(tool("mypy"), "--no-incremental")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_the_layers_contract_catches_an_upward_import(tmp_path):
    """The contract is not vacuous: in a copy of the package, a rule importing the configuration (a layer
    above the checks) breaks it."""
    shutil.copytree(ROOT / "kinerja_graph", tmp_path / "kinerja_graph", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    rule = tmp_path / "kinerja_graph" / "checks" / "single_child.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\nfrom kinerja_graph import config  # noqa\n", encoding="utf-8")
    done = subprocess.run(
        [tool("lint-imports"), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": str(BIN), "PYTHONPATH": str(tmp_path)},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "kinerja_graph.checks.single_child -> kinerja_graph.config" in done.stdout
