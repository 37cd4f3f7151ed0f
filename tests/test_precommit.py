"""The pre-commit hook, installed in a temporary git repository: it blocks a commit that introduces an
error and lets a clean one through.

The fast test runs the shipped hook definition (.pre-commit-hooks.yaml: entry, files, exclude,
require_serial) as a `repo: local` hook with `language: system` pointed at the `kinerja` installed in
this environment: pre-commit then needs no network. The shipped hook itself is `language: python`,
for which pre-commit builds a virtualenv and pip-installs this repository and its dependencies from
PyPI; `test_the_shipped_python_hook_through_try_repo` exercises exactly that with `pre-commit
try-repo`, and runs only when KINERJA_SLOW_TESTS=1 (it needs PyPI and takes about 25 s).
"""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, SAMPLES

pytestmark = pytest.mark.slow

pre_commit = pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e .[test])")
if shutil.which("git") is None:  # pragma: no cover - depends on the machine
    pytest.skip("git is not installed", allow_module_level=True)

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
ORPHAN = """\
  - id: "1.1.9"
    parent: "7"
    statement: "Meningkatnya kompetensi aparatur pelayanan kecamatan"
    level: Immediate Outcome
    owner: "Sekretaris Kecamatan"
    indicators:
      - name: "Persentase aparatur pelayanan yang lulus pelatihan teknis"
        formula: "Jumlah aparatur pelayanan yang lulus pelatihan teknis / jumlah seluruh aparatur pelayanan × 100 %"
        unit: "%"
        calculation: non-kumulatif
        source: "Sertifikat pelatihan dan data kepegawaian kecamatan"
        targets: {2025: "40", 2026: "50", 2027: "60", 2028: "70", 2029: "80"}
"""


def hook(hook_id: str) -> dict:
    return next(h for h in HOOKS if h["id"] == hook_id)


def kinerja_command() -> list[str]:
    script = Path(sys.executable).with_name("kinerja")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kinerja_graph"]


def environment(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        {
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
            "HOME": str(tmp_path / "home"),
            "GIT_AUTHOR_NAME": "Perencana",
            "GIT_AUTHOR_EMAIL": "perencana@example.go.id",
            "GIT_COMMITTER_NAME": "Perencana",
            "GIT_COMMITTER_EMAIL": "perencana@example.go.id",
        }
    )
    (tmp_path / "home").mkdir(exist_ok=True)
    return env


def sh(args, cwd, env, check=True):
    """Run a command; `.output` is what the user sees (git prints hook output on stderr)."""
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    result.output = result.stdout + result.stderr
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed ({result.returncode}):\n{result.output}")
    return result


def commits(repo, env) -> int:
    return int(sh(["git", "rev-list", "--count", "HEAD"], repo, env).stdout)


@pytest.fixture
def repo(tmp_path):
    """A planning team's repository with the kinerja-check hook installed."""
    env = environment(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    sh(["git", "init", "-q"], repo, env)
    shipped = hook("kinerja-check")
    entry = shlex.split(shipped["entry"])
    assert entry[0] == "kinerja"
    local = {key: shipped[key] for key in ("id", "name", "files", "exclude", "types", "require_serial")}
    local.update({"language": "system", "entry": shlex.join([*kinerja_command(), *entry[1:]])})
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    sh([sys.executable, "-m", "pre_commit", "install"], repo, env)
    sh(["git", "add", ".pre-commit-config.yaml"], repo, env)
    sh(["git", "commit", "-q", "-m", "pre-commit"], repo, env)
    return repo, env


def test_the_shipped_hooks_select_cascade_files_by_name():
    import re

    for h in HOOKS:
        assert h["language"] == "python" and h["entry"].split()[:2] == ["kinerja", "check"]
        assert h["require_serial"] is True
        files, exclude = re.compile(h["files"]), re.compile(h["exclude"])
        for name in (
            "cascades/praya.yaml",
            "praya.yml",
            "pohon.json",
            "tabel.csv",
            "Pohon Kinerja 2024.xlsx",
            "makro.xlsm",
        ):
            assert files.search(name) and not exclude.search(name), name
        for name in (".pre-commit-config.yaml", ".github/workflows/ci.yml"):
            assert exclude.search(name), name
        assert not files.search("README.md") and not files.search("laporan.pdf")


def test_a_clean_cascade_is_committed(repo):
    repo, env = repo
    (repo / "cascades").mkdir()
    shutil.copy(SAMPLES / "clean.yaml", repo / "cascades" / "sukamaju.yaml")
    sh(["git", "add", "cascades"], repo, env)
    result = sh(["git", "commit", "-m", "pohon kinerja Sukamaju"], repo, env, check=False)
    assert result.returncode == 0, result.output
    assert "kinerja check" in result.output and "Passed" in result.output
    assert commits(repo, env) == 2


def test_a_commit_that_introduces_an_error_is_blocked(repo):
    repo, env = repo
    (repo / "cascades").mkdir()
    path = repo / "cascades" / "sukamaju.yaml"
    shutil.copy(SAMPLES / "clean.yaml", path)
    sh(["git", "add", "cascades"], repo, env)
    sh(["git", "commit", "-q", "-m", "pohon kinerja Sukamaju"], repo, env)
    path.write_text(path.read_text(encoding="utf-8") + ORPHAN, encoding="utf-8")
    sh(["git", "add", "cascades"], repo, env)
    result = sh(["git", "commit", "-m", "tambah sasaran"], repo, env, check=False)
    assert result.returncode != 0
    assert "Failed" in result.output
    assert "orphan-node" in result.output and "sukamaju.yaml" in result.output
    assert commits(repo, env) == 2  # the commit did not happen
    # fixing the defect lets it through
    path.write_text(path.read_text(encoding="utf-8").replace('parent: "7"', 'parent: "1.1"'), encoding="utf-8")
    sh(["git", "add", "cascades"], repo, env)
    result = sh(["git", "commit", "-m", "tambah sasaran"], repo, env, check=False)
    assert result.returncode == 0, result.output
    assert commits(repo, env) == 3


def test_files_the_hook_does_not_select_are_not_checked(repo):
    repo, env = repo
    (repo / "README.md").write_text("# Pohon kinerja kabupaten\n", encoding="utf-8")
    (repo / ".github").mkdir()
    (repo / ".github" / "dependabot.yml").write_text("version: 2\n", encoding="utf-8")
    sh(["git", "add", "."], repo, env)
    result = sh(["git", "commit", "-m", "docs"], repo, env, check=False)
    assert result.returncode == 0, result.output
    assert "(no files to check)Skipped" in result.output


@pytest.mark.skipif(
    os.environ.get("KINERJA_SLOW_TESTS") != "1",
    reason="builds the hook virtualenv from PyPI (about 25 s, needs the network); set KINERJA_SLOW_TESTS=1",
)
def test_the_shipped_python_hook_through_try_repo(tmp_path):
    env = environment(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    sh(["git", "init", "-q"], repo, env)
    bad = repo / "sukamaju.yaml"
    bad.write_text((SAMPLES / "clean.yaml").read_text(encoding="utf-8") + ORPHAN, encoding="utf-8")
    sh(["git", "add", "."], repo, env)
    # this working tree as a committed repository (try-repo would leave out files not yet added to git)
    tool = tmp_path / "kinerja-graph"
    shutil.copytree(
        ROOT,
        tool,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "output", "__pycache__", ".pytest_cache", "*.egg-info", "build", "dist"
        ),
    )
    sh(["git", "init", "-q"], tool, env)
    sh(["git", "add", "-A"], tool, env)
    sh(["git", "commit", "-q", "-m", "kinerja-graph"], tool, env)
    try_repo = [sys.executable, "-m", "pre_commit", "try-repo", str(tool), "kinerja-check", "--files", "sukamaju.yaml"]
    result = sh(try_repo, repo, env, check=False)
    assert result.returncode == 1, result.output
    assert "orphan-node" in result.output
    shutil.copy(SAMPLES / "clean.yaml", bad)
    sh(["git", "add", "."], repo, env)
    result = sh(try_repo, repo, env, check=False)
    assert result.returncode == 0, result.output
