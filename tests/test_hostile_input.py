"""Hostile input (issue 16): the fuzz reproducers of ../shared/reliability, kept small in tests/hostile/
(bigger ones generated here). Each gives exit 0, 1 or 2 and, when refused, one short line on stderr
naming the user's file, its line and the field — never a traceback, a library's path or a whole value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_graph import config, similarity
from kinerja_graph.cli import cli

HOSTILE = Path(__file__).resolve().parent / "hostile"
MESSAGE_LIMIT = 400  # characters in one line of a message about bad input


def run(*args: str):
    """The command in-process: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copyfile(HOSTILE / name, target)
    return target


def assert_one_clear_line(stderr: str, file: Path | str, *fields: str) -> str:
    """stderr holds a short message naming the file (and each field); the message's first line."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "nothing on stderr"
    first = lines[0]
    assert "Traceback" not in stderr and "site-packages" not in stderr and "internal error" not in stderr
    assert all(len(line) <= MESSAGE_LIMIT for line in lines), max(lines, key=len)[:200]
    assert str(file) in first or Path(file).name in first, first
    for name in fields:
        assert name in first, first
    return first


# ------------------------------------------------------------------------------------------------
# T1: one long word never expands into its edit-distance variants


def test_a_long_word_has_no_slip_keys_while_real_words_keep_theirs():
    tv = similarity.text_vocabulary(config.load_default_pack().vocabulary)
    assert similarity.deletion_keys("a" + "b" * 1999, tv) == set()
    assert similarity.deletion_keys("x" * (similarity.SLIP_WORD_LIMIT + 1), tv) == set()
    assert len(similarity.deletion_keys("terselenggaranya", tv)) > 100  # two deletions: still indexed
    assert similarity.slip_distance("a" + "b" * 1999, "a" + "b" * 1998 + "c", tv) is None


@pytest.mark.parametrize("length", [1_600, 2_000, 20_000])
def test_checking_a_long_word_generates_bounded_variants(tmp_path, monkeypatch, length):
    made = []
    real = similarity._deletions

    def counting(word, depth):
        found = real(word, depth)
        made.append(len(found))
        return found

    monkeypatch.setattr(similarity, "_deletions", counting)
    word = "a" + "b" * (length - 1)
    path = tmp_path / "long.yaml"
    path.write_text(
        "organisation: {name: X}\nnodes:\n"
        f'  - {{id: "1", level: tujuan, statement: "Meningkatnya {word}"}}\n'
        f'  - {{id: "2", parent: "1", level: sasaran strategis, statement: "Meningkatnya {word[:-1]}c"}}\n',
        encoding="utf-8",
    )
    code, out, err = run("check", str(path), "--format", "json", "--select", "near-duplicate")
    assert code == 0 and '"near-duplicate"' not in out
    assert sum(made) < 10_000  # a few short words; the long one is never expanded


def test_the_longword_reproducer_is_checked(tmp_path):
    path = copy("longword-1600.yaml", tmp_path)
    code, out, err = run("check", str(path), "--format", "json")
    assert code in (0, 1) and "Traceback" not in err


# ------------------------------------------------------------------------------------------------
# T4, T7: alias, depth and size budgets in every YAML reader (cascade, rule pack, vocabulary)

LAUGHS = "".join(
    [
        "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
        *(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
    ]
)
CLEAN = Path(__file__).resolve().parent.parent / "samples" / "clean.yaml"


def _project(tmp_path: Path, pack: str, toml: str = 'rules_file = "pack.yaml"\n') -> Path:
    shutil.copyfile(CLEAN, tmp_path / "cascade.yaml")
    (tmp_path / "kinerja.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
    return tmp_path / "cascade.yaml"


@pytest.mark.parametrize(
    "use",
    [
        "name: *a9\n",
        "rules:\n  multiple-roots: {options: {max-roots: *a9}}\n",
        "vocabulary:\n  levels: {process: *a9}\n",
    ],
    ids=["name", "options", "vocabulary"],
)
@pytest.mark.parametrize("given", ["kinerja.toml", "--rules"])
def test_a_billion_laughs_rule_pack_is_refused_naming_the_pack(tmp_path, use, given):
    cascade = _project(tmp_path, "extends: default\n" + LAUGHS + use)
    args = ["check", str(cascade), "--format", "json"]
    if given == "--rules":
        (tmp_path / "kinerja.toml").unlink()
        args += ["--rules", str(tmp_path / "pack.yaml")]
    code, out, err = run(*args)
    assert code == 2
    line = assert_one_clear_line(err, tmp_path / "pack.yaml")
    assert "alias" in line and f"{tmp_path / 'pack.yaml'}:" in line  # with the line it stands on


def test_a_rule_pack_with_a_few_aliases_still_works(tmp_path):
    pack = "extends: default\nrules:\n  missing-owner: &w {severity: info}\n  missing-unit: *w\n"
    code, out, err = run("check", str(_project(tmp_path, pack)), "--format", "json")
    assert code == 0, err


def test_aliases_repeating_a_long_string_are_refused_by_their_characters(tmp_path):
    big = "x" * 99_000
    lines = ["organisation: {name: x}", "nodes:", f"  - {{id: '1', statement: &s '{big}', level: Tujuan}}"]
    lines += [f"  - {{id: '{i}', parent: '1', statement: *s, level: Output}}" for i in range(2, 3000)]
    path = tmp_path / "alias-bigstring.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("show", str(path))
    assert code == 2
    assert "alias" in assert_one_clear_line(err, path)


def test_a_deeply_nested_rule_pack_value_is_refused(tmp_path):
    cascade = _project(tmp_path, "extends: default\nname: " + "[" * 500 + "]" * 500 + "\n")
    code, out, err = run("show", str(cascade))
    assert code == 2
    assert "nested" in assert_one_clear_line(err, tmp_path / "pack.yaml")


def test_a_rule_pack_over_the_size_budget_is_refused(tmp_path, monkeypatch):
    from kinerja_graph import policy

    monkeypatch.setattr(policy, "MAX_POLICY_FILE", 1000)
    cascade = _project(tmp_path, "extends: default\n# " + "x" * 2000 + "\n")
    code, out, err = run("show", str(cascade))
    assert code == 2
    assert "larger than" in assert_one_clear_line(err, tmp_path / "pack.yaml")


# ------------------------------------------------------------------------------------------------
# C7: a project file that is not UTF-8, or nests deeply, is named — found upward, it concerns every command


@pytest.mark.parametrize("name", ["kinerja.toml", "pyproject.toml"])
@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe rules_file = 1\n", b"[tool.kinerja]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n"],
    ids=["not-utf8", "deep"],
)
@pytest.mark.parametrize("command", ["check", "show", "render", "convert", "report"])
def test_a_broken_project_file_is_named_by_every_command(tmp_path, name, content, command):
    if name == "pyproject.toml" and content.startswith(b"\xff"):
        content = b"\xff\xfe [tool.kinerja]\n"  # ours: it mentions the table
    shutil.copyfile(CLEAN, tmp_path / "cascade.yaml")
    (tmp_path / name).write_bytes(content)
    cascade = str(tmp_path / "cascade.yaml")
    args = {
        "check": ["check", cascade, "--format", "json"],
        "show": ["show", cascade],
        "render": ["render", cascade, "-f", "dot", "-o", str(tmp_path / "out.dot")],
        "convert": ["convert", cascade, str(tmp_path / "out.json")],
        "report": ["report", cascade, "-o", str(tmp_path / "out.html")],
    }[command]
    code, out, err = run(*args)
    assert code == 2
    assert_one_clear_line(err, tmp_path / name)


def test_someone_elses_broken_pyproject_is_passed_over(tmp_path):
    shutil.copyfile(CLEAN, tmp_path / "cascade.yaml")
    (tmp_path / "pyproject.toml").write_bytes(b"\xff\xfe [project]\n")
    code, out, err = run("show", str(tmp_path / "cascade.yaml"))
    assert code == 0, err
