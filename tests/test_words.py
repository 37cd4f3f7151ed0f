"""The tool's words (kinerja_graph/words/*.yaml): their shape, the lookup, and that every word the
code asks for is there, in both languages."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kinerja_graph import checks, i18n
from kinerja_graph.cli import cli
from kinerja_graph.i18n import words

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FILES = sorted(i18n.FOLDER.glob("*.yaml"))


def test_there_are_words_files():
    assert {"common", "summary", "html", "diff", "markdown", "text"} <= {f.stem for f in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_word_has_an_indonesian_and_an_english_text(path):
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(table, dict) and table
    for key, entry in table.items():
        assert isinstance(key, str), key  # a bare `off:` or `no:` would be a boolean
        assert isinstance(entry, dict) and set(entry) == {"id", "en"}, key
        assert isinstance(entry["id"], str) and isinstance(entry["en"], str), key


def test_a_surface_says_a_common_word_its_own_way():
    assert words("common").t("place", "id") == "tempat"
    assert words("diff").t("place", "id") == "tempat"  # from common.yaml
    assert words("html").t("place", "id") == "Lokasi"  # html.yaml overrides it
    assert words("html").t("errors", "en") == "errors"  # from common.yaml


def test_english_when_a_language_is_missing_and_placeholders_filled():
    assert words("diff").t("added", "fr") == "added"
    assert (
        words("diff").t("fails", "en", fail_on="error") == "This change introduces findings of severity error or worse."
    )
    assert words("html").t("panel_title", "en") == "Goal {id}"  # no parameters: the template as it stands


def test_an_unknown_word_names_its_surface_and_key():
    with pytest.raises(KeyError, match=r"'html' has no word 'no-such-word'.*html\.yaml"):
        words("html").t("no-such-word", "id")


def test_a_words_file_is_read_when_its_surface_is_first_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "FOLDER", tmp_path)
    monkeypatch.setattr(i18n, "_common", lambda: i18n.read("common"))  # not the cached real one
    (tmp_path / "common.yaml").write_text("rule: {id: aturan, en: rule}\nplace: {id: tempat, en: place}\n")
    surface = i18n.Words("mine")  # mine.yaml does not exist yet: nothing is read
    (tmp_path / "mine.yaml").write_text("place: {id: Lokasi, en: Place}\nonly_en: {en: English}\n")
    assert surface.t("place", "id") == "Lokasi" and surface.t("rule", "en") == "rule"
    assert surface.t("only_en", "id") == "English"


@pytest.mark.slow
def test_a_json_check_reads_no_words_and_text_only_its_own():
    code = (
        "import sys\nfrom kinerja_graph import i18n\n"
        "seen, read = [], i18n.read\n"
        "i18n.read = lambda name: (seen.append(name), read(name))[1]\n"
        "from click.testing import CliRunner\n"
        "from kinerja_graph.cli import cli\n"
        "for fmt in ('json', 'text'):\n"
        "    CliRunner().invoke(cli, ['check', sys.argv[1], '--format', fmt])\n"
        "    print(fmt, sorted(seen))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES / "clean.yaml")], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["json []", "text ['common', 'text']"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_surface_finds_its_words(lang, tmp_path, monkeypatch):
    """Every command and format, over findings, silenced findings, an unreadable file and a broken rule."""

    def breaks(self, ctx):
        raise KeyError("oops")

    monkeypatch.setattr(type(checks.all_rules()["cycle"]), "check", breaks)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    broken = tmp_path / "broken.yaml"
    broken.write_text("organisation: [unclosed\n", encoding="utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules: {single-child: false}\n", encoding="utf-8")
    odd = tmp_path / "odd.yaml"  # a dangling parent, a silence without a reason
    odd.write_text(
        "organisation: {name: X}\nnodes:\n"
        "- {id: '1', statement: Meningkatnya layanan, level: Output, ignore: [{rule: single-child, reason: ''}]}\n"
        "- {id: '1.1', parent: '1', statement: Meningkatnya mutu, level: Proses}\n"
        "- {id: '2', parent: '9', statement: Meningkatnya tertib, level: Output}\n",
        encoding="utf-8",
    )
    files = [str(SAMPLES / "praya.yaml"), str(SAMPLES / "pujon.yaml"), str(odd), str(broken)]
    clean, baseline = str(SAMPLES / "clean.yaml"), str(tmp_path / "baseline.json")
    runs = [
        ["show", files[1]],
        ["show", str(odd)],
        ["rules", "--rules", str(pack)],
        ["rules", "single-child", "--rules", str(pack)],
        ["rules", "cycle"],
        ["report", *files, "-o", str(tmp_path / "out" / "index.html"), "--no-diagram"],
        ["check", *files, "--write-baseline", baseline],
        ["check", files[0], clean, "--baseline", baseline],
        ["check", clean, "--format", "markdown", "--select", "orphan-node"],
    ]
    runs += [["check", *files, "--format", fmt] for fmt in ("text", "json", "sarif", "github", "markdown", "junit")]
    runs += [
        ["diff", str(SAMPLES / "praya.yaml"), str(SAMPLES / "pujon.yaml"), "--format", fmt]
        for fmt in ("text", "json", "markdown")
    ]
    runs += [["diff", str(SAMPLES / "praya.yaml"), str(broken)]]
    for args in runs:
        result = CliRunner().invoke(cli, [*args, "--lang", lang])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.exit_code in (0, 1, 2), args
    page = (tmp_path / "out" / "praya.html").read_text(encoding="utf-8")
    assert words("html").t("rule_broke", lang, rule="cycle", message="") in page
