"""`kinerja check --only-cascades` (what the pre-commit hook runs): named files that hold no cascade are
passed over with a note, cascades are checked as usual."""

import json
import shutil

from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph.cli import cli
from kinerja_graph.commands import hook


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def other_files(folder):
    (folder / "mkdocs.yml").write_text("site_name: Pohon Kinerja\nnav:\n  - index.md\n", encoding="utf-8")
    (folder / "package.json").write_text('{"name": "situs", "version": "1.0.0"}\n', encoding="utf-8")
    (folder / "belanja.csv").write_text("kode_rekening;uraian;pagu\n5.1;Belanja pegawai;100\n", encoding="utf-8")
    (folder / "pack.yaml").write_text("name: kab\nextends: default\nrules:\n  single-child: {severity: info}\n")
    return [folder / "mkdocs.yml", folder / "package.json", folder / "belanja.csv", folder / "pack.yaml"]


def test_without_the_option_a_named_file_that_is_no_cascade_is_an_input_error(tmp_path):
    (path, *_) = other_files(tmp_path)
    assert run("check", path).exit_code == 2


def test_files_that_hold_no_cascade_are_passed_over_with_a_note(tmp_path):
    others = other_files(tmp_path)
    result = run("check", "--only-cascades", "--lang", "en", *others)
    assert result.exit_code == 0, result.output
    assert "no cascade to check" in result.stderr
    for path in others:
        assert str(path) in result.stderr
    result = run("check", "--only-cascades", *others)  # Indonesian by default
    assert "tidak terdapat pohon kinerja untuk diperiksa" in result.stderr


def test_cascades_among_them_are_checked_and_the_exit_code_is_theirs(tmp_path):
    others = other_files(tmp_path)
    bad = tmp_path / "praya.yaml"
    shutil.copy(SAMPLES / "praya.yaml", bad)  # a real cascade with errors
    result = run("check", "--only-cascades", "--format", "json", "--lang", "en", *others, bad)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 1 and data["summary"]["error"] > 0
    assert {f["file"] for f in data["findings"]} == {str(bad)}
    assert "passed over" in result.stderr and "(4)" in result.stderr
    clean = tmp_path / "clean.yaml"
    shutil.copy(SAMPLES / "clean.yaml", clean)
    assert run("check", "--only-cascades", *others, clean).exit_code == 0


def test_a_missing_file_or_a_broken_cascade_is_still_an_error(tmp_path):
    assert run("check", "--only-cascades", tmp_path / "hilang.yaml").exit_code == 2
    broken = tmp_path / "rusak.yaml"
    broken.write_text("organisation: {name: X}\nnodes:\n  - id: 1\n    statement: [unclosed\n", encoding="utf-8")
    assert run("check", "--only-cascades", broken).exit_code == 2


def test_a_folder_without_cascades_is_passed_over(tmp_path):
    other_files(tmp_path)
    assert run("check", tmp_path).exit_code == 2  # without the option: no cascade files found
    result = run("check", "--only-cascades", tmp_path)
    assert result.exit_code == 0 and str(tmp_path) in result.stderr


def test_the_note_names_the_first_files_and_counts_the_rest():
    picked = hook.Selection(paths=[], passed_over=[f"f{i}.yaml" for i in range(hook.NOTE_LIMIT + 3)])
    note = hook.note(picked, "en")
    assert f"f{hook.NOTE_LIMIT - 1}.yaml" in note and f"f{hook.NOTE_LIMIT}.yaml" not in note
    assert note.endswith("and 3 more")
    assert "\n" not in note
