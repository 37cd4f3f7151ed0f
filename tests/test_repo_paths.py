"""SARIF URIs and GitHub `file=` paths are relative to the git repository root wherever `kinerja check` runs
from (GitHub resolves both against the repository root), and a SARIF run holds at most GitHub's 25,000
results, the most severe kept."""

import json
import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph import api, baseline
from kinerja_graph.cli import cli
from kinerja_graph.report import github, paths, sarif


@pytest.fixture
def repo(tmp_path):
    """tmp/work/repo: a git repository with cascades/sukamaju.yaml (errors in it) and tmp/work/luar.yaml outside it."""
    work = tmp_path / "work"
    repo = work / "repo"
    (repo / "cascades").mkdir(parents=True)
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
    else:  # pragma: no cover - depends on the machine
        (repo / ".git").mkdir()
    shutil.copy(SAMPLES / "pujon.yaml", repo / "cascades" / "sukamaju.yaml")
    shutil.copy(SAMPLES / "pujon.yaml", work / "luar.yaml")
    return repo


def check(*args, env=None):
    result = CliRunner().invoke(cli, ["check", *map(str, args)], env=env)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def sarif_uris(*args, env=None) -> tuple[set[tuple[str, str | None]], str]:
    log = json.loads(check("--format", "sarif", *args, env=env))
    (run,) = log["runs"]
    uris = {
        (
            loc["physicalLocation"]["artifactLocation"]["uri"],
            loc["physicalLocation"]["artifactLocation"].get("uriBaseId"),
        )
        for result in run["results"]
        for loc in result["locations"]
    }
    return uris, run["originalUriBaseIds"]["%SRCROOT%"]["uri"]


def github_files(*args, env=None) -> set[str]:
    out = check("--format", "github", *args, env={"GITHUB_STEP_SUMMARY": "", **(env or {})})
    return {line.split("file=", 1)[1].split(",", 1)[0] for line in out.splitlines() if line.startswith("::")}


def test_from_the_repository_root(repo, monkeypatch):
    monkeypatch.chdir(repo)
    uris, base = sarif_uris("cascades/sukamaju.yaml")
    assert uris == {("cascades/sukamaju.yaml", "%SRCROOT%")}
    assert base == repo.as_uri() + "/"
    assert github_files("cascades/sukamaju.yaml") == {"cascades/sukamaju.yaml"}
    assert github_files(repo / "cascades" / "sukamaju.yaml") == {"cascades/sukamaju.yaml"}  # absolute too


def test_from_a_subfolder_paths_stay_relative_to_the_root(repo, monkeypatch):
    monkeypatch.chdir(repo / "cascades")
    uris, base = sarif_uris("sukamaju.yaml")
    assert uris == {("cascades/sukamaju.yaml", "%SRCROOT%")}
    assert base == repo.as_uri() + "/"
    assert github_files("sukamaju.yaml") == {"cascades/sukamaju.yaml"}
    assert github_files(".") == {"cascades/sukamaju.yaml"}  # a folder argument


def test_a_worktree_or_submodule_whose_git_is_a_file_is_a_repository_too(tmp_path, monkeypatch):
    repo = tmp_path / "wt"
    (repo / "cascades").mkdir(parents=True)
    (repo / ".git").write_text("gitdir: /elsewhere/.git/worktrees/wt\n", encoding="utf-8")
    shutil.copy(SAMPLES / "pujon.yaml", repo / "cascades" / "a.yaml")
    monkeypatch.chdir(repo / "cascades")
    assert paths.find_repo_root() == str(repo)
    assert github_files("a.yaml") == {"cascades/a.yaml"}


def test_outside_the_repository_the_working_folder_is_the_base(repo, monkeypatch):
    work = repo.parent
    monkeypatch.chdir(work)
    assert paths.find_repo_root() is None
    uris, base = sarif_uris("repo/cascades/sukamaju.yaml", "luar.yaml")
    assert uris == {("repo/cascades/sukamaju.yaml", "%SRCROOT%"), ("luar.yaml", "%SRCROOT%")}
    assert base == work.as_uri() + "/"
    assert github_files("repo/cascades/sukamaju.yaml") == {"repo/cascades/sukamaju.yaml"}


def test_the_root_can_be_given(repo, monkeypatch):
    monkeypatch.chdir(repo.parent)
    target = "repo/cascades/sukamaju.yaml"
    root = {"KINERJA_REPO_ROOT": "repo"}
    assert sarif_uris(target, env=root)[0] == {("cascades/sukamaju.yaml", "%SRCROOT%")}
    assert github_files(target, env=root) == {"cascades/sukamaju.yaml"}
    assert github_files(target, env={"KINERJA_REPO_ROOT": str(repo)}) == {"cascades/sukamaju.yaml"}


def test_a_file_outside_the_root_keeps_its_absolute_place(repo, monkeypatch):
    monkeypatch.chdir(repo)
    outside = repo.parent / "luar.yaml"
    uris, _ = sarif_uris("../luar.yaml")
    assert uris == {(outside.as_uri(), None)}
    assert github_files("../luar.yaml") == {"../luar.yaml"}


# ------------------------------------------------------------------------------------------------
# the cap on results per run


def test_the_cap_is_github_s():
    assert sarif.MAX_RESULTS == 25_000


@pytest.fixture
def mixed_report(tmp_path):
    """pujon with its missing-formula, missing-source and single-child findings in a baseline: new errors,
    warnings and info, and baselined warnings and info."""
    path = tmp_path / "pujon.yaml"
    shutil.copy(SAMPLES / "pujon.yaml", path)
    accepted = ["missing-formula", "missing-source", "single-child"]
    before = api.check([str(path)], use_project=False, select=accepted)
    baseline.write(before, str(tmp_path / "baseline.json"))
    report = api.check([str(path)], use_project=False)
    baseline.apply(report, baseline.load(str(tmp_path / "baseline.json")))
    return report


def _counts(results):
    active = [r for r in results if "suppressions" not in r]
    kinds = [r["suppressions"][0]["kind"] for r in results if "suppressions" in r]
    return active, kinds


def test_a_run_over_the_cap_keeps_the_most_severe_and_says_what_was_left_out(mixed_report):
    everything = sarif.to_data(mixed_report, "en", limit=None)["runs"][0]
    all_active, all_kinds = _counts(everything["results"])
    assert all_active and "external" in all_kinds  # there are new findings and baselined ones
    levels = [r["level"] for r in all_active]
    errors = levels.count("error")
    assert errors and levels.count("warning")
    limit = errors + 1
    run = sarif.to_data(mixed_report, "en", limit=limit)["runs"][0]
    kept, kinds = _counts(run["results"])
    assert len(run["results"]) == limit
    assert kinds == []  # a baselined finding never takes the place of a new one
    # every error, then the first warning in file order; the results keep the file's order
    first_warning = next(r for r in all_active if r["level"] == "warning")
    expected = [r for r in all_active if r["level"] == "error" or r is first_warning]
    assert [(r["ruleId"], r["message"]["text"]) for r in kept] == [
        (r["ruleId"], r["message"]["text"]) for r in expected
    ]
    capped = run["properties"]["resultsCapped"]
    left = len(everything["results"]) - limit
    assert capped["limit"] == limit and capped["omitted"] == left and capped["total"] == len(everything["results"])
    assert capped["omittedBy"]["error"] == 0 and capped["omittedBy"]["baselined"] == all_kinds.count("external")
    assert sum(capped["omittedBy"].values()) == left
    (note,) = [n for n in run["invocations"][0]["toolExecutionNotifications"] if n.get("descriptor")]
    assert note["descriptor"]["id"] == sarif.CAPPED_NOTIFICATION and note["level"] == "warning"
    assert f"Only {limit} of {len(everything['results'])}" in note["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is True  # the run did its work


def test_room_left_by_new_findings_goes_to_baselined_ones(mixed_report):
    everything = sarif.to_data(mixed_report, "en", limit=None)["runs"][0]
    active, _ = _counts(everything["results"])
    run = sarif.to_data(mixed_report, "en", limit=len(active) + 2)["runs"][0]
    kept, kinds = _counts(run["results"])
    assert len(kept) == len(active) and kinds == ["external", "external"]


def test_findings_silenced_in_the_cascade_come_before_baselined_ones():
    from types import SimpleNamespace

    def finding(severity):  # only the severity decides
        return SimpleNamespace(severity=severity)

    entries = [
        (None, finding("info"), "baseline: b.json"),
        (None, finding("error"), "sudah dibahas"),
        (None, finding("info"), None),
        (None, finding("warning"), "baseline: b.json"),
        (None, finding("error"), None),
    ]
    assert sarif._kept(entries, 5) is None
    assert sarif._kept(entries, 2) == {2, 4}
    assert sarif._kept(entries, 3) == {1, 2, 4}
    assert sarif._kept(entries, 4) == {1, 2, 3, 4}


def test_under_the_cap_nothing_is_said(mixed_report):
    run = sarif.to_data(mixed_report, "id")["runs"][0]
    assert "resultsCapped" not in run["properties"]
    assert not any(n.get("descriptor") for n in run["invocations"][0]["toolExecutionNotifications"])


def test_the_capped_log_validates(mixed_report):
    from test_sarif import _validator

    log = sarif.to_data(mixed_report, "id", limit=3)
    errors = list(_validator().iter_errors(log))
    assert not errors, errors[0].message
    assert "Hanya 3 dari" in log["runs"][0]["invocations"][0]["toolExecutionNotifications"][-1]["message"]["text"]


def test_paths_relative_helper():
    root = os.path.abspath("somewhere")
    assert paths.relative(os.path.join(root, "a", "b.yaml"), root) == "a/b.yaml"
    assert paths.relative(os.path.join(root, "..x.yaml"), root) == "..x.yaml"  # a name, not the parent
    assert paths.relative(os.path.dirname(root), root) is None
    assert github.workspace_path("") == ""
