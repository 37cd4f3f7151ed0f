"""`kinerja check DIR` and `kinerja report DIR` in several processes (--jobs, kinerja_graph/pipeline.py):
each file's findings and the whole output are the same as one after the other, in the same order."""

from __future__ import annotations

import functools
import multiprocessing
import os
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kinerja_graph import pipeline
from kinerja_graph.cli import cli
from kinerja_graph.commands import check
from kinerja_graph.report import sarif

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


_REASONS = ("dirangkap Camat", "baseline: diterima 2025")


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
                # silenced in the file, and as a baseline would: SARIF ranks them after the other findings
                **({"ignore": [{"rule": "missing-owner", "reason": _REASONS[i % 2]}]} if k == 2 else {}),
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
    # a caller that stops early: the workers are stopped, nothing waits for them (work that cannot fail: the
    # fourth file's error may arrive before the first file's result, as the largest files are read first)
    partial = pipeline.map_files([str(folder)], _position, options)
    assert next(partial) == 0
    partial.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "text", "--color", "always"),
        ("--format", "text", "--lang", "en", "--fail-on", "info"),
        ("--format", "json", "--quiet", "--exit-zero"),
        ("--format", "sarif", "--select", "missing-owner,crosscutting-unresolved"),
    ],
)
def test_what_the_workers_write_is_what_one_process_writes(folder, args):
    serial = _check(str(folder), *args, "--jobs", "1")
    assert serial[1]
    assert _check(str(folder), *args, "--jobs", "2") == serial


@pytest.mark.parametrize(("limit", "indent"), [(1, 5000), (7, 5000), (40, 3), (10**6, 3)])
def test_a_sarif_log_of_parts_is_the_log_of_the_whole_run(folder, monkeypatch, limit, indent):
    """The results each file keeps (the most severe first, silenced and baselined last, at most `limit` in
    all) and their artifacts' numbers, worked out across the workers, make the log of the run in one."""
    monkeypatch.setattr(sarif, "INDENT_LIMIT", indent)  # past it the log is compact, each result on its own
    whole = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=1)).report
    assert whole.silenced and whole.errors
    expected = sarif.format_report(whole, "en", base=str(folder), limit=limit)
    assert ("resultsCapped" in expected) == (limit < 10**6)
    written = check.report_in_workers(
        [str(folder)], pipeline.Options(use_project=False, jobs=2), "sarif", "en", base=str(folder), limit=limit
    )
    assert written is not None
    report, pieces = written
    assert "".join(pieces) == expected
    assert report.summary() == whole.summary()
    assert report.exit_code() == whole.exit_code()


def test_a_run_without_workers_is_left_to_the_usual_writer(folder):
    one = pipeline.Options(use_project=False, jobs=1)
    assert check.report_in_workers([str(folder)], one, "json", "id") is None
    two = pipeline.Options(use_project=False, jobs=2)
    assert check.report_in_workers([str(folder / "org01.yaml")], two, "json", "id") is None  # one file
    assert check.report_in_workers([str(folder)], two, "concise", "id") is None


def _told(firsts: list) -> list:
    return [len(firsts)] * len(firsts)


def _step_but_the_second(position: int, result: pipeline.FileResult, told: int) -> tuple[int, int]:
    if position == 1:
        raise ValueError("the second file")
    return position, told


def _step(position: int, result: pipeline.FileResult, told: int) -> tuple[int, int, bool]:
    return position, told, result.graph is not None  # the worker still has the file's graph


def test_a_second_step_is_told_what_every_first_step_gave(folder):
    options = pipeline.Options(use_project=False, jobs=2)
    done = pipeline.map_parts([str(folder)], _position, options, then=pipeline.Then(_told, _step))
    assert done is not None
    files = len(list(folder.iterdir()))
    readable = [i != 0 for i in range(files)]  # broken.yaml comes first
    assert list(done) == [(i, (i, files, readable[i])) for i in range(files)]
    then = pipeline.Then(_told, _step_but_the_second)
    done = pipeline.map_parts([str(folder)], _positions_but_the_fourth, options, then=then)
    assert done is not None
    with pytest.raises(ValueError, match="the fourth file"):
        list(done)
    first = pipeline.map_parts([str(folder)], _position, options, then=then)
    assert first is not None
    with pytest.raises(ValueError, match="the second file"):
        list(first)
    assert multiprocessing.active_children() == []


def _position(position: int, result: pipeline.FileResult) -> int:
    return position


def _findings_and_process(position: int, result: pipeline.FileResult, *, held: int) -> tuple[list, int]:
    if position == held:
        time.sleep(3)  # its worker is held up: the other one checks the files it read but has not come to
    return result.report.findings, os.getpid()


def test_a_worker_that_is_done_checks_the_files_another_has_not_come_to(folder):
    serial = pipeline.run([str(folder)], pipeline.Options(use_project=False, jobs=1))
    files = [r.path for r in serial.results]
    largest = max(range(len(files)), key=lambda i: (os.path.getsize(files[i]), -i))  # the first read and checked
    options = pipeline.Options(use_project=False, jobs=2)
    work = functools.partial(_findings_and_process, held=largest)
    done = list(pipeline.map_files([str(folder)], work, options, graphs=False))
    assert [findings for findings, _ in done] == [r.report.findings for r in serial.results]
    held = done[largest][1]
    assert [pid == held for _, pid in done].count(True) == 1  # it read about half: the other checked the rest
