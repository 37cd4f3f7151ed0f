"""`kinerja check DIR` and `kinerja report DIR` in several processes (--jobs, kinerja_graph/pipeline.py):
each file's findings and the whole output are the same as one after the other, in the same order."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kinerja_graph import pipeline
from kinerja_graph.cli import cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _organisation(i: int, count: int) -> dict:
    """A small cascade of organisation i whose goals link to goals of the next organisations: some exist
    there, some do not (crosscutting-unresolved can tell only with every cascade of the run at hand)."""
    partner = f"kec{(i + 1) % count}"
    nodes = [
        {
            "id": "1",
            "statement": f"Meningkatnya kualitas pelayanan publik Kecamatan Nomor {i}",
            "level": "Ultimate Outcome",
            "owner": "Camat",
            "indicators": [{"name": "Indeks Kepuasan Masyarakat", "unit": "indeks", "targets": {2025: "80"}}],
        }
    ]
    for k in range(1, 6):
        nodes.append(
            {
                "id": f"1.{k}",
                "parent": "1",
                "statement": f"Meningkatnya tertib administrasi kependudukan di desa {k}",
                "level": "Intermediate Outcome",
                "owner": "Sekretaris Kecamatan" if k % 2 else "",
                "crosscutting": [f"{partner}#1.{k}", f"{partner}#9.{k}", f"kec{i}#1"],
                "indicators": [{"name": f"Persentase dokumen kependudukan selesai tepat waktu desa {k}", "unit": "%"}],
            }
        )
    return {"kinerja": 1, "organisation": {"name": f"Kecamatan Nomor {i}", "id": f"kec{i}"}, "nodes": nodes}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("organisations")
    count = 9
    for i in range(count):
        (root / f"org{i:02d}.yaml").write_text(yaml.safe_dump(_organisation(i, count), allow_unicode=True), "utf-8")
    (root / "broken.yaml").write_text("kinerja: 1\nnodes: [\n", "utf-8")  # an unreadable file keeps its place
    return root


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--no-config", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_samples_in_two_processes_say_what_one_says(fmt):
    serial = _check(str(SAMPLES), "--format", fmt, "--jobs", "1")
    assert serial[1]
    assert _check(str(SAMPLES), "--format", fmt, "--jobs", "2") == serial
    assert _check(str(SAMPLES), "--format", fmt) == serial  # the default: one process per core


def test_a_generated_folder_in_two_processes_says_what_one_says(folder):
    serial = _check(str(folder), "--format", "json", "--jobs", "1")
    assert serial[0] == 2  # the broken file
    parallel = _check(str(folder), "--format", "json", "--jobs", "2")
    assert parallel == serial
    # the links were judged against the other organisations' cascades, read by other processes
    assert "kec1#9.1" in serial[1] and "kec0#1.1" not in serial[1]
    assert _check(str(folder), "--format", "sarif", "--jobs", "3") == _check(str(folder), "--format", "sarif", "-j1")


def test_the_pipeline_gives_every_file_in_order_with_its_graph(folder):
    serial = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=1))
    parallel = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=2))
    assert [r.path for r in parallel.results] == [r.path for r in serial.results]
    for one, two in zip(serial.results, parallel.results, strict=True):
        two.report.timings = one.report.timings  # the only thing that may differ: how long each rule took
        assert two.report == one.report  # findings, silenced, errors, rules, nodes (the graph compared below)
        if one.graph is None:
            assert two.graph is None and two.cascade is None
            continue
        assert two.graph is not None and sorted(two.graph) == sorted(one.graph)
        assert set(two.graph.graph["cascades"]) == set(one.graph.graph["cascades"])
    lean = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=2), graphs=False)
    assert [r.report.findings for r in lean.results] == [r.report.findings for r in serial.results]


def test_a_report_of_a_folder_in_two_processes_writes_the_same_pages(folder, tmp_path):
    pages = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        result = CliRunner().invoke(
            cli,
            ["report", "--no-config", "--no-diagram", "-q", "--jobs", jobs, "-o", str(out / "index.html"), str(folder)],
        )
        assert result.exit_code == 2, result.output  # the broken file
        pages[jobs] = {p.name: p.read_text("utf-8") for p in sorted(out.iterdir())}
    assert len(pages["1"]) == 10  # nine pages and the index
    assert pages["2"] == pages["1"]


def test_standard_input_is_read_here_beside_a_folder_in_the_pool(folder):
    text = (folder / "org03.yaml").read_text("utf-8")
    args = ["check", "--no-config", "--format", "json", "--stdin-filename", "here.yaml", "-", str(folder)]
    serial = CliRunner().invoke(cli, [*args, "--jobs", "1"], input=text)
    parallel = CliRunner().invoke(cli, [*args, "--jobs", "2"], input=text)
    assert '"here.yaml"' in serial.stdout
    assert parallel.stdout == serial.stdout


def test_jobs_is_a_number_or_auto():
    result = CliRunner().invoke(cli, ["check", "--jobs", "many", str(SAMPLES / "clean.yaml")])
    assert result.exit_code == 2 and "--jobs" in result.output


def test_the_cascades_come_back_whole_with_the_graphs_else_as_outlines(folder):
    serial = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=1))
    whole = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=2))
    lean = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=2), graphs=False)
    for one, two, three in zip(serial.results, whole.results, lean.results, strict=True):
        if one.cascade is None:
            assert two.cascade is None and three.cascade is None and not three.readable
            continue
        assert two.cascade == one.cascade  # statements, indicators, locations: all of it
        assert three.readable and three.cascade is not None
        assert three.cascade.organisation == one.cascade.organisation and three.cascade.file == one.cascade.file
        assert [n.id for n in three.cascade.nodes] == [n.id for n in one.cascade.nodes]
        assert all(n.statement is None and not n.indicators for n in three.cascade.nodes)  # the outline only


def _positions_but_the_fourth(position: int, result: pipeline.FileResult) -> int:
    if position == 3:
        raise ValueError("the fourth file")
    return position


def test_what_breaks_in_a_worker_is_raised_here_and_the_workers_stop(folder):
    options = pipeline.Options(use_project=False, jobs=2)
    done = pipeline.map_files([str(folder)], _positions_but_the_fourth, options)
    with pytest.raises(ValueError, match="the fourth file"):
        list(done)
    # a caller that stops early: the workers are stopped, nothing waits for them
    partial = pipeline.map_files([str(folder)], _positions_but_the_fourth, options)
    assert next(partial) == 0
    partial.close()
    assert multiprocessing.active_children() == []
