"""The pipeline: paths -> settings (once per file) -> cascade -> graph -> findings, for every command."""

import shutil

import pytest
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph import config, pipeline
from kinerja_graph.cli import cli


@pytest.fixture
def folder(tmp_path):
    shutil.copy(SAMPLES / "clean.yaml", tmp_path / "clean.yaml")
    shutil.copy(SAMPLES / "praya.yaml", tmp_path / "praya.yaml")
    (tmp_path / "rusak.yaml").write_text("kinerja: 1\nnodes: [\n", encoding="utf-8")
    return tmp_path


def test_each_file_is_configured_once_read_and_checked(folder):
    asked = []

    def settings_for(path):
        asked.append(path)
        return config.default_settings()

    run = pipeline.run([str(folder)], settings_for=settings_for)
    names = [r.path.rsplit("/", 1)[-1] for r in run.results]
    assert names == ["clean.yaml", "praya.yaml", "rusak.yaml"]
    assert asked == [r.path for r in run.results]  # once per file, in one place
    clean, praya, broken = run.results
    assert clean.readable and clean.graph is not None and clean.report.rules
    assert praya.report.findings and praya.graph.number_of_nodes() >= len(praya.cascade.nodes)
    assert not broken.readable and broken.graph is None and broken.report.errors[0].kind == "input"
    assert run.report.exit_code() == 2 and len(run.report.files) == 3


def test_without_checking_the_files_are_read_and_drawn_only(folder):
    (result,) = pipeline.run([str(folder / "praya.yaml")], check=False).results
    assert result.graph is not None and not result.report.findings and not result.report.rules


def test_a_label_names_the_file_in_findings_and_errors(folder):
    labels = {str(folder / "praya.yaml"): "HEAD:praya.yaml", str(folder / "rusak.yaml"): "HEAD:rusak.yaml"}
    run = pipeline.run([str(folder / "praya.yaml"), str(folder / "rusak.yaml")], labels=labels)
    praya, broken = run.results
    assert {f.file for f in praya.report.findings} == {"HEAD:praya.yaml"}
    assert broken.report.errors[0].file == "HEAD:rusak.yaml"
    assert broken.report.errors[0].message.startswith("HEAD:rusak.yaml")


def test_a_one_file_command_raises_the_loaders_message(folder):
    (result,) = pipeline.run([str(folder / "rusak.yaml")], check=False).results
    with pytest.raises(Exception, match="rusak.yaml:.*not valid YAML"):
        result.raise_if_unreadable()


def test_options_say_what_the_commands_say():
    assert pipeline.Options(select=["cycle"]).select == ("cycle",)
    with pytest.raises(ValueError):
        pipeline.Options(jobs=-1)
    assert pipeline.Options(jobs=1).workers(8) == 1
    assert pipeline.Options(jobs=4).workers(3) == 3  # never more processes than files
    assert pipeline.Options(jobs=0).workers(1) == 1  # one file: no pool
    assert pipeline.Options(jobs=0).workers(100) == pipeline.cores()


def test_every_command_that_checks_goes_through_the_pipeline(folder, monkeypatch):
    calls = []
    real = pipeline._plan  # where every run of the pipeline (each, run, map_files) starts

    def spy(paths, *args, **kwargs):
        calls.append(list(paths))
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_plan", spy)
    praya, clean = str(folder / "praya.yaml"), str(folder / "clean.yaml")
    runner = CliRunner()
    runner.invoke(cli, ["check", "--no-config", praya])
    runner.invoke(cli, ["diff", "--no-config", clean, praya])
    runner.invoke(cli, ["report", "--no-config", "--no-diagram", "-o", str(folder / "out.html"), praya])
    runner.invoke(cli, ["render", "--no-config", "--findings", "-f", "dot", "-o", str(folder / "p.dot"), praya])
    assert calls == [[praya], [clean], [praya], [praya], [praya]]
