"""The library's front door: what a program calls instead of the command line."""

import pytest
from helpers import SAMPLES

from kinerja_graph import api
from kinerja_graph.errors import PolicyError
from kinerja_graph.loaders.discover import NoCascades


def test_check_returns_the_findings_the_command_prints():
    report = api.check([str(SAMPLES / "batumandi.yaml")])
    (file_report,) = report.files
    assert file_report.organisation == "Kecamatan Batumandi"
    rules = {f.rule for f in report.findings}
    assert {"duplicate-indicator", "level-label-conflict"} <= rules and "level-inversion" not in rules
    # its level labels contradict its tree (samples/README.md): what still rests on them is softened
    doubtful = [f for f in report.findings if f.basis == "doubtful"]
    assert doubtful and {f.severity for f in doubtful} == {"warning"}
    assert report.summary()["error"] == 0 and report.exit_code() == 0
    assert api.check([str(SAMPLES / "praya.yaml")]).exit_code() == 1


def test_check_narrows_by_select_and_fail_on_like_the_options():
    report = api.check([str(SAMPLES / "batumandi.yaml")], select=["duplicate-indicator"], fail_on="info")
    assert {f.rule for f in report.findings} == {"duplicate-indicator"}
    assert report.exit_code() == 1


def test_check_of_the_clean_sample_passes():
    report = api.check([str(SAMPLES / "clean.yaml")])
    assert report.summary()["error"] == report.summary()["warning"] == 0
    assert report.exit_code() == 0


def test_check_reports_an_unreadable_file_instead_of_raising(tmp_path):
    missing = tmp_path / "nope.yaml"
    report = api.check([str(missing), str(SAMPLES / "clean.yaml")])
    assert [fr.readable for fr in report.files] == [False, True]
    assert report.exit_code() == 2


def test_check_raises_for_a_bad_rule_pack_and_a_folder_without_cascades(tmp_path):
    with pytest.raises(PolicyError, match="no such rule pack"):
        api.check([str(SAMPLES / "clean.yaml")], rules=str(tmp_path / "missing.yaml"))
    with pytest.raises(NoCascades):
        api.check([str(tmp_path)])
