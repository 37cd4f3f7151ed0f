"""The pre-commit hook, installed in a temporary git repository: it blocks a commit that introduces an
error, lets a clean one through, and never fails a commit of a file that is no cascade (mkdocs.yml,
docker-compose.yml, package.json, a budget CSV, the tool's own baseline and rule packs).

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


def install(tmp_path: Path, hook_id: str = "kinerja-check"):
    """A planning team's repository with the shipped hook `hook_id` installed (as a local, system hook)."""
    env = environment(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    sh(["git", "init", "-q"], repo, env)
    shipped = hook(hook_id)
    entry = shlex.split(shipped["entry"])
    assert entry[0] == "kinerja"
    keys = ("id", "name", "files", "exclude", "types", "require_serial", "pass_filenames")
    local = {key: shipped[key] for key in keys if key in shipped}
    local.update({"language": "system", "entry": shlex.join([*kinerja_command(), *entry[1:]])})
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    sh([sys.executable, "-m", "pre_commit", "install"], repo, env)
    sh(["git", "add", ".pre-commit-config.yaml"], repo, env)
    sh(["git", "commit", "-q", "-m", "pre-commit"], repo, env)
    return repo, env


@pytest.fixture
def repo(tmp_path):
    """A planning team's repository with the kinerja-check hook installed."""
    return install(tmp_path)


def commit(repo, env, message: str, *paths: str):
    sh(["git", "add", *paths], repo, env)
    return sh(["git", "commit", "-m", message], repo, env, check=False)


RULE_PACK = """\
# the kabupaten's own rule pack: a real one, valid for `kinerja check --rules`
name: kabupaten
extends: default
rules:
  single-child: {severity: warning}
"""


def unrelated_files(repo: Path, env) -> list[str]:
    """The YAML, JSON and CSV files a planning team's repository holds besides its cascades."""
    files = {
        "mkdocs.yml": "site_name: Pohon Kinerja Kabupaten\nnav:\n  - Beranda: index.md\n",
        "docker-compose.yml": "services:\n  docs:\n    image: squidfunk/mkdocs-material\n    ports: ['8000:8000']\n",
        "package.json": '{"name": "pohon-kinerja-site", "version": "1.0.0", "scripts": {"build": "mkdocs build"}}\n',
        "anggaran/belanja-2025.csv": "kode_rekening;uraian;pagu\n5.1.01;Belanja pegawai;1250000000\n",
        "rules/kabupaten.yaml": RULE_PACK,
        "data/nodes-export.json": '{"nodes": {"count": 3}, "exported": "2025-01-02"}\n',
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    # the tool's own baseline, written by the tool
    (repo / "tmp.yaml").write_text((SAMPLES / "clean.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    sh([*kinerja_command(), "check", "tmp.yaml", "--write-baseline", "kinerja-baseline.json"], repo, env)
    (repo / "tmp.yaml").unlink()
    return [*files, "kinerja-baseline.json"]


def test_the_shipped_hooks_select_cascade_files_by_name():
    import re

    for h in HOOKS:
        assert h["language"] == "python" and h["entry"].split()[:2] == ["kinerja", "check"]
        assert h["require_serial"] is True
        assert "--only-cascades" in h["entry"].split()  # what the name selects is then judged by content
        files, exclude = re.compile(h["files"]), re.compile(h["exclude"])
        for name in (
            "cascades/praya.yaml",
            "praya.yml",
            "pohon.json",
            "tabel.csv",
            "Pohon Kinerja 2024.xlsx",
            "POHON KINERJA 2024.XLSX",
            "Pohon.Xlsx",
            "PRAYA.YAML",
            "makro.xlsm",
        ):
            assert files.search(name) and not exclude.search(name), name
        for name in (".pre-commit-config.yaml", ".github/workflows/ci.yml", "cascades/~$Pohon Kinerja 2024.xlsx"):
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


def test_files_that_are_no_cascade_never_fail_a_commit(repo):
    """The files the name pattern selects but that hold no cascade are passed over, in a repository with cascades."""
    repo, env = repo
    (repo / "cascades").mkdir()
    shutil.copy(SAMPLES / "clean.yaml", repo / "cascades" / "sukamaju.yaml")
    assert commit(repo, env, "pohon kinerja Sukamaju", "cascades").returncode == 0
    others = unrelated_files(repo, env)
    result = commit(repo, env, "situs dan anggaran", *others)
    assert result.returncode == 0, result.output
    assert "kinerja check" in result.output and "Passed" in result.output  # the hook ran on them, and passed
    assert commits(repo, env) == 3
    # each of them alone, too (a commit of one file that holds no cascade is an empty, clean run)
    for name in others:
        path = repo / name
        path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
        result = commit(repo, env, f"ubah {name}", name)
        assert result.returncode == 0, f"{name}: {result.output}"
        assert "Passed" in result.output, name


def test_a_bad_cascade_is_blocked_next_to_other_files_and_the_fixed_one_passes(repo):
    repo, env = repo
    others = unrelated_files(repo, env)
    (repo / "cascades").mkdir()
    bad = repo / "cascades" / "sukamaju.yaml"
    bad.write_text((SAMPLES / "clean.yaml").read_text(encoding="utf-8") + ORPHAN, encoding="utf-8")
    result = commit(repo, env, "pohon kinerja dan situs", "cascades", *others)
    assert result.returncode != 0 and "Failed" in result.output
    assert "orphan-node" in result.output and "sukamaju.yaml" in result.output
    assert "mkdocs.yml" in result.output  # the note naming what was passed over: no finding about it
    assert "unreadable" not in result.output and "tidak dapat dibaca" not in result.output
    assert commits(repo, env) == 1
    bad.write_text(bad.read_text(encoding="utf-8").replace('parent: "7"', 'parent: "1.1"'), encoding="utf-8")
    result = commit(repo, env, "pohon kinerja dan situs", "cascades", *others)
    assert result.returncode == 0, result.output
    assert commits(repo, env) == 2


def test_an_excel_cascade_with_an_upper_case_suffix_is_checked(repo, tmp_path):
    from kinerja_graph import api

    repo, env = repo
    source = tmp_path / "sukamaju.yaml"
    source.write_text((SAMPLES / "clean.yaml").read_text(encoding="utf-8") + ORPHAN, encoding="utf-8")
    workbook = repo / "POHON KINERJA SUKAMAJU.XLSX"
    api.convert(str(source), str(workbook))
    result = commit(repo, env, "pohon kinerja (Excel)", workbook.name)
    assert result.returncode != 0, result.output
    assert "orphan-node" in result.output and workbook.name in result.output
    source.write_text((SAMPLES / "clean.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    api.convert(str(source), str(workbook))
    result = commit(repo, env, "pohon kinerja (Excel)", workbook.name)
    assert result.returncode == 0, result.output
    assert commits(repo, env) == 2


def test_the_whole_repository_hook_passes_a_repository_without_cascades(tmp_path):
    repo, env = install(tmp_path, "kinerja-check-all")
    others = unrelated_files(repo, env)
    result = commit(repo, env, "situs dan anggaran", *others)
    assert result.returncode == 0, result.output
    assert "Passed" in result.output
    (repo / "cascades").mkdir()
    bad = repo / "cascades" / "sukamaju.yaml"
    bad.write_text((SAMPLES / "clean.yaml").read_text(encoding="utf-8") + ORPHAN, encoding="utf-8")
    result = commit(repo, env, "pohon kinerja", "cascades")
    assert result.returncode != 0 and "orphan-node" in result.output


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
