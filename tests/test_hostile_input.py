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
