"""Folders on the command line: discovery takes exactly what the loaders read, opens regular files only,
and never recurses into what it sniffs; what cannot be read is said on stderr, naming the file."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import ROOT, SAMPLES

from kinerja_graph import loaders
from kinerja_graph.cli import cli
from kinerja_graph.errors import InputError
from kinerja_graph.loaders import discover

INPUTS = ROOT / "tests" / "inputs"


def check(*args):
    return CliRunner().invoke(cli, ["check", "--no-config", *[str(a) for a in args]])


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "pohon"
    root.mkdir()
    shutil.copy(SAMPLES / "clean.yaml", root / "clean.yaml")
    return root


def test_a_table_the_loader_cannot_read_is_not_taken_from_a_folder(folder):
    shutil.copy(INPUTS / "pipe.csv", folder / "pipe.csv")
    with pytest.raises(InputError, match="no header row"):  # the loader does not read "|" tables ...
        loaders.load(str(folder / "pipe.csv"))
    assert discover.discover(str(folder)) == [str(folder / "clean.yaml")]  # ... so discovery passes it over
    result = check(folder, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["files"] == 1
    (folder / "clean.yaml").unlink()
    alone = check(folder)
    assert alone.exit_code == 2 and "no cascade files found" in alone.stderr


def test_what_discovery_takes_the_loader_reads(tmp_path):
    """Every sample in every format is found in a folder, and each found file loads."""
    for sample in SAMPLES.iterdir():
        if sample.suffix in loaders.FORMATS:
            shutil.copy(sample, tmp_path / sample.name)
    found = discover.discover(str(tmp_path))
    assert {os.path.basename(p) for p in found} == {p.name for p in tmp_path.iterdir()}
    for path in found:
        assert loaders.load(path).nodes, path


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_in_a_folder_is_passed_over_not_opened(folder):
    os.mkfifo(folder / "b.yaml")  # reproducer manual-fifo: the walk used to block on it for ever
    assert discover.discover(str(folder)) == [str(folder / "clean.yaml")]
    # the whole command, in its own process: a regression hangs that process, not the test run
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_graph", "check", "--no-config", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["files"] == 1


def test_a_deeply_nested_json_in_a_folder_is_sniffed_without_recursing(folder):
    shutil.copy(INPUTS / "deep.json", folder / "deep.json")  # reproducer crash-17: 3,000 arrays deep
    assert discover.discover(str(folder)) == [str(folder / "clean.yaml")]
    result = check(folder, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "RecursionError" not in result.output


def test_a_deep_json_that_names_nodes_is_taken_and_the_loader_says_why_it_is_refused(folder):
    deep = folder / "deep.json"
    deep.write_text('{"nodes": [], "notes": ' + "[" * 3000 + "]" * 3000 + "}", encoding="utf-8")
    assert discover.discover(str(folder)) == [str(folder / "clean.yaml"), str(deep)]
    result = check(folder)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kinerja: {deep}: JSON nested too deeply")
    assert "RecursionError" not in result.output


def test_an_unreadable_file_is_explained_on_stderr_in_every_format(tmp_path):
    tag = tmp_path / "tag.yaml"
    shutil.copy(INPUTS / "tag.yaml", tag)  # reproducer message-01: exit 2 and nothing on stderr
    for fmt in ("text", "json", "sarif", "github", "markdown", "junit"):
        result = check(tag, "--format", fmt, "--lang", "en")
        assert result.exit_code == 2, fmt
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"kinerja: {tag}:3: unsupported YAML tag"), fmt


def test_an_internal_error_names_the_file_and_the_step_not_the_code(tmp_path, monkeypatch):
    path = tmp_path / "clean.yaml"
    shutil.copy(SAMPLES / "clean.yaml", path)

    def broken_reader(*args, **kwargs):
        raise RuntimeError("a reader bug " + "x" * 10_000)

    monkeypatch.delenv("KINERJA_DEBUG", raising=False)
    monkeypatch.setattr(loaders, "load", broken_reader)
    result = check(path)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"kinerja: {path}: internal error in reading the file: RuntimeError: a reader bug xxx")
    assert len(line) < 500  # the exception's own text is shortened
    assert ".py" not in line.replace(str(path), "")  # no source path of the tool or a library
