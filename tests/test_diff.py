"""`kinerja diff OLD NEW` and `kinerja diff --git REV PATH` on realistic edits of the samples."""

import json
import shutil
import subprocess

import pytest
import yaml
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["diff", "--no-config", *[str(a) for a in args]])


def diff_json(*args):
    result = run("--format", "json", "--lang", "en", *args)
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(result.stdout)


def load(name: str) -> dict:
    return yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8"))


def write(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return path


def node(data, node_id):
    return next(n for n in data["nodes"] if n["id"] == node_id)


def renumber(data, old_prefix, new_prefix):
    for n in data["nodes"]:
        if n["id"] == old_prefix or n["id"].startswith(old_prefix + "."):
            n["id"] = new_prefix + n["id"][len(old_prefix) :]
        parent = n.get("parent")
        if isinstance(parent, str) and (parent == old_prefix or parent.startswith(old_prefix + ".")):
            n["parent"] = new_prefix + parent[len(old_prefix) :]


def test_the_same_cascade_has_no_change_and_no_new_finding_even_with_errors():
    result, data = diff_json(SAMPLES / "praya.yaml", SAMPLES / "praya.yaml")
    assert result.exit_code == 0
    assert data["summary"] == {
        "added": 0,
        "removed": 0,
        "moved": 0,
        "renumbered": 0,
        "changed": 0,
        "new_findings": 0,
        "resolved_findings": 0,
        "silenced_findings": 0,
        "unchanged_findings": len(data["findings"]["unchanged"]),
    }
    assert any(f["severity"] == "error" for f in data["findings"]["unchanged"])


# ------------------------------------------------------------------------------------------------
# The diff regression (issue 16): an unchanged cascade never fails CI, whatever the form it is kept in

SAMPLE_FILES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".yaml", ".json", ".csv", ".xlsx"))
NOTHING_CHANGED = dict.fromkeys(("added", "removed", "moved", "renumbered", "changed"), 0)


def assert_nothing_new(old, new):
    """diff OLD NEW reports no change and no new or resolved finding, and passes even with --fail-on warning
    (an unchanged cascade with warnings of its own must not fail a pull request)."""
    result = run("--format", "json", "--lang", "en", "--fail-on", "warning", old, new)
    assert result.exit_code == 0, result.output[-2000:]
    summary = json.loads(result.stdout)["summary"]
    assert {k: summary[k] for k in NOTHING_CHANGED} == NOTHING_CHANGED, (new, summary)
    assert (summary["new_findings"], summary["resolved_findings"]) == (0, 0), (new, summary)
    assert summary["unchanged_findings"] > 0  # the samples have findings: they are paired, not lost


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_diff_of_two_byte_identical_files_reports_nothing(tmp_path, name):
    copy = tmp_path / f"copy-{name}"
    shutil.copyfile(SAMPLES / name, copy)
    assert copy.read_bytes() == (SAMPLES / name).read_bytes()
    assert_nothing_new(SAMPLES / name, copy)


@pytest.mark.slow
@pytest.mark.parametrize("name", SAMPLE_FILES)
@pytest.mark.parametrize("fmt", ["yaml", "json", "csv", "xlsx"])
def test_diff_of_a_file_with_a_lossless_conversion_of_itself_reports_nothing(tmp_path, name, fmt):
    """Every conversion the project makes is lossless: diffed with its source, it reports nothing, and so
    does a conversion of the conversion (convert is idempotent)."""
    once, twice = tmp_path / f"once.{fmt}", tmp_path / f"twice.{fmt}"
    for source, target in ((SAMPLES / name, once), (once, twice)):
        converted = CliRunner().invoke(cli, ["convert", "--no-config", str(source), str(target)])
        assert converted.exit_code == 0, converted.output[-2000:]
    assert_nothing_new(SAMPLES / name, once)
    assert_nothing_new(once, twice)
    assert_nothing_new(SAMPLES / name, twice)


def test_a_moved_goal(tmp_path):
    data = load("praya.yaml")
    node(data, "1.2.3")["parent"] = "1.3"
    _, out = diff_json(SAMPLES / "praya.yaml", write(tmp_path / "praya.yaml", data))
    (moved,) = out["goals"]["moved"]
    assert moved["id"] == "1.2.3" and moved["old_id"] == "1.2.3"
    assert {"field": "parents", "old": ["1.2"], "new": ["1.3"]} in moved["changes"]
    assert out["goals"]["added"] == [] and out["goals"]["removed"] == [] and out["goals"]["renumbered"] == []
    text = run(SAMPLES / "praya.yaml", tmp_path / "praya.yaml", "--lang", "en").stdout
    assert "parent: 1.2 → 1.3" in text


def test_a_renamed_indicator_keeps_its_goal_and_its_findings(tmp_path):
    data = load("pino-raya.yaml")
    indicator = node(data, "5.1")["indicators"][0]
    old_name = indicator["name"]
    indicator["name"] = "Jumlah pembinaan dan pengawasan pemerintahan desa yang dilaksanakan"
    result, out = diff_json(SAMPLES / "pino-raya.yaml", write(tmp_path / "pino-raya.yaml", data))
    (changed,) = out["goals"]["changed"]
    assert changed["id"] == "5.1"
    assert changed["changes"] == [
        {"field": "indicator-renamed", "old": old_name, "new": indicator["name"], "indicator": indicator["name"]}
    ]
    assert out["summary"]["new_findings"] == 0 and out["summary"]["resolved_findings"] == 0
    assert result.exit_code == 0


def test_renumbered_ids_are_followed_by_statement(tmp_path):
    data = load("praya.yaml")
    renumber(data, "1.4.5", "1.4.9")
    data["nodes"].reverse()  # rows reordered and lines shifted too
    result, out = diff_json(SAMPLES / "praya.yaml", write(tmp_path / "praya.yaml", data))
    pairs = sorted((r["old_id"], r["id"]) for r in out["goals"]["renumbered"])
    assert pairs == [("1.4.5", "1.4.9"), ("1.4.5.1", "1.4.9.1"), ("1.4.5.1.1", "1.4.9.1.1"), ("1.4.5.1.2", "1.4.9.1.2")]
    assert out["goals"]["added"] == [] and out["goals"]["removed"] == [] and out["goals"]["moved"] == []
    assert out["goals"]["changed"] == []
    assert out["summary"]["new_findings"] == 0 and out["summary"]["resolved_findings"] == 0
    assert result.exit_code == 0


def test_an_introduced_defect_fails_and_a_fixed_one_is_resolved(tmp_path):
    data = load("praya.yaml")
    data["nodes"].append(
        {
            "id": "1.4.6",
            "parent": "1.7",
            "statement": "Meningkatnya kapasitas aparatur kecamatan",
            "level": "Inmediate Outcome",
            "owner": "Kasubbag Umum dan Kepeg",
            "indicators": [{"name": "Persentase aparatur yang mengikuti pelatihan"}],
        }
    )
    node(data, "1.1.1.1")["owner"] = "Kasi Pelayanan Umum"
    result, out = diff_json(SAMPLES / "praya.yaml", write(tmp_path / "praya.yaml", data))
    assert result.exit_code == 1
    (added,) = out["goals"]["added"]
    assert added["id"] == "1.4.6" and added["parents"] == ["1.7"]
    new = [(f["rule"], f["node"], f["severity"]) for f in out["findings"]["new"]]
    assert ("orphan-node", "1.4.6", "error") in new
    assert {n for _, n, _ in new} == {"1.4.6"}  # only the new goal brings findings
    assert [(f["rule"], f["node"]) for f in out["findings"]["resolved"]] == [("missing-owner", "1.1.1.1")]
    (changed,) = out["goals"]["changed"]
    assert changed["changes"] == [{"field": "owner", "old": None, "new": "Kasi Pelayanan Umum"}]
    text = run(SAMPLES / "praya.yaml", tmp_path / "praya.yaml", "--lang", "en")
    assert any(line.startswith("  new ") and "orphan-node" in line for line in text.stdout.splitlines())
    assert any(line.startswith("  resolved ") and "missing-owner" in line for line in text.stdout.splitlines())
    assert "This change introduces findings of severity error or worse." in text.stdout


def test_only_a_fix_exits_0_and_fail_on_decides_what_fails(tmp_path):
    data = load("praya.yaml")
    node(data, "1.1.1.1")["owner"] = "Kasi Pelayanan Umum"
    fixed = write(tmp_path / "fixed.yaml", data)
    result, out = diff_json(SAMPLES / "praya.yaml", fixed)
    assert result.exit_code == 0 and out["summary"]["resolved_findings"] == 1
    # a new warning fails only with --fail-on warning
    data["nodes"].append(
        {
            "id": "1.4.7",
            "parent": "1.4",
            "statement": "Tertib administrasi surat menyurat",
            "level": "Inmediate Outcome",
            "indicators": [{"name": "Persentase surat yang diarsipkan"}],
        }
    )
    warned = write(tmp_path / "warned.yaml", data)
    result, out = diff_json(fixed, warned)
    assert {f["severity"] for f in out["findings"]["new"]} == {"warning"}
    assert result.exit_code == 0
    assert run(fixed, warned, "--fail-on", "warning").exit_code == 1


def test_silencing_a_finding_is_not_resolving_it(tmp_path):
    data = load("praya.yaml")
    node(data, "1.1.1.1")["ignore"] = [{"rule": "missing-owner", "reason": "dipegang langsung oleh Kasi"}]
    result, out = diff_json(SAMPLES / "praya.yaml", write(tmp_path / "praya.yaml", data))
    assert out["summary"]["resolved_findings"] == 0
    assert [(f["rule"], f["node"]) for f in out["findings"]["silenced"]] == [("missing-owner", "1.1.1.1")]
    (changed,) = out["goals"]["changed"]
    assert changed["changes"] == [{"field": "ignore", "old": [], "new": ["missing-owner: dipegang langsung oleh Kasi"]}]
    text = run(SAMPLES / "praya.yaml", tmp_path / "praya.yaml", "--lang", "en").stdout
    assert "1 silenced" in text and "silenced (ignore): - → missing-owner: dipegang langsung oleh Kasi" in text


def test_changed_statement_level_owner_and_targets(tmp_path):
    data = load("pino-raya.yaml")
    four = node(data, "4")
    four["statement"] = four["statement"].replace("Terseleenggaranya", "Terselenggaranya")
    s1 = node(data, "S1")
    year = sorted(s1["indicators"][0]["targets"])[0]
    old_target = s1["indicators"][0]["targets"][year]
    s1["indicators"][0]["targets"][year] = "5 Dokumen"
    s1["owner"] = "Kasubag Umum"
    _, out = diff_json(SAMPLES / "pino-raya.yaml", write(tmp_path / "pino-raya.yaml", data))
    changed = {c["id"]: c for c in out["goals"]["changed"]}
    assert set(changed) == {"4", "S1"}
    assert changed["4"]["matched_by"] == "edited"
    assert [c["field"] for c in changed["4"]["changes"]] == ["statement"]
    fields = {(c["field"], c.get("year")): (c["old"], c["new"]) for c in changed["S1"]["changes"]}
    assert fields[("target", int(year))] == (old_target, "5 Dokumen")
    assert fields[("owner", None)][1] == "Kasubag Umum"
    # the edited goal keeps its findings: nothing resolved or new because of the typo fix
    assert not [f for f in out["findings"]["resolved"] if f["node"] == "4"]
    assert not [f for f in out["findings"]["new"] if f["node"] == "4"]


def test_a_goal_reworded_and_renumbered_at_once_is_matched_by_similarity(tmp_path):
    data = load("praya.yaml")
    renumber(data, "1.3.2", "1.3.5")
    target = node(data, "1.3.5")
    target["statement"] = "Meningkatnya peran serta masyarakat dan stakeholder terkait dalam pengendalian trantibum"
    _, out = diff_json(SAMPLES / "praya.yaml", write(tmp_path / "praya.yaml", data))
    assert out["goals"]["added"] == [] and out["goals"]["removed"] == []
    changed = {c["id"]: c for c in out["goals"]["changed"]}
    assert changed["1.3.5"]["old_id"] == "1.3.2" and changed["1.3.5"]["matched_by"] == "similar"


def test_markdown_output_for_a_pull_request(tmp_path):
    data = load("praya.yaml")
    node(data, "1.2.3")["parent"] = "1.3"
    data["nodes"].append(
        {"id": "1.4.6", "parent": "1.7", "statement": "Kinerja | dengan <b>markup</b>", "level": "Inmediate Outcome"}
    )
    result = run(SAMPLES / "praya.yaml", write(tmp_path / "praya.yaml", data), "--format", "markdown", "--lang", "en")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("### kinerja diff: ")
    assert "**Goals**: 1 added, 0 removed, 1 moved, 0 renumbered, 0 changed" in out
    assert "| + | `1.4.6` | Kinerja \\| dengan \\<b\\>markup\\</b\\> | added |" in out
    assert "| new | error | `orphan-node` |" in out


def test_a_version_that_cannot_be_read_exits_2(tmp_path):
    broken = tmp_path / "praya.yaml"
    broken.write_text("nodes: [", encoding="utf-8")
    result = run(SAMPLES / "praya.yaml", broken)
    assert result.exit_code == 2
    assert str(broken) in result.stderr and "Traceback" not in result.output


def test_formats_agree_across_the_yaml_and_excel_versions_of_one_tree():
    result, out = diff_json(SAMPLES / "praya.yaml", SAMPLES / "praya.xlsx")
    assert out["goals"]["added"] == [] and out["goals"]["removed"] == []
    assert out["summary"]["new_findings"] == 0 and out["summary"]["resolved_findings"] == 0


# ------------------------------------------------------------------------------------------------ --git


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "perencana@example.go.id")
    git(tmp_path, "config", "user.name", "Perencana")
    (tmp_path / "cascades").mkdir()
    shutil.copy(SAMPLES / "praya.yaml", tmp_path / "cascades" / "praya.yaml")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "pohon kinerja 2024")
    return tmp_path


def test_git_compares_the_working_file_with_a_revision(repo, monkeypatch):
    path = repo / "cascades" / "praya.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    node(data, "1.2.3")["parent"] = "1.3"
    data["nodes"].append(
        {"id": "1.4.6", "parent": "1.7", "statement": "Meningkatnya kapasitas aparatur", "level": "Inmediate Outcome"}
    )
    write(path, data)
    monkeypatch.chdir(repo / "cascades")
    result, out = diff_json("--git", "HEAD", "praya.yaml")
    assert result.exit_code == 1
    assert out["old"] == "HEAD:cascades/praya.yaml" and out["new"] == "praya.yaml"
    assert [m["id"] for m in out["goals"]["moved"]] == ["1.2.3"]
    assert [a["id"] for a in out["goals"]["added"]] == ["1.4.6"]
    assert ("orphan-node", "1.4.6") in [(f["rule"], f["node"]) for f in out["findings"]["new"]]
    resolved_files = {f["file"] for f in out["findings"]["resolved"]}
    assert resolved_files <= {"HEAD:cascades/praya.yaml"}


def test_git_a_file_new_since_the_revision_is_all_added(repo):
    new = repo / "cascades" / "sukamaju.yaml"
    shutil.copy(SAMPLES / "clean.yaml", new)
    result, out = diff_json("--git", "HEAD", new)
    assert result.exit_code == 0  # the clean sample brings no error
    assert out["summary"]["added"] == len(yaml.safe_load(new.read_text(encoding="utf-8"))["nodes"])
    assert out["summary"]["removed"] == 0


def test_git_an_excel_workbook_with_an_inserted_row_renumbers_and_keeps_findings(repo):
    openpyxl = pytest.importorskip("openpyxl")
    book_path = repo / "cascades" / "praya.xlsx"
    shutil.copy(SAMPLES / "praya.xlsx", book_path)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "workbook")
    book = openpyxl.load_workbook(book_path)
    sheet = book.worksheets[0]
    assert sheet["B10"].value == "Ketersediaan SOP pelayanan yang berkualitas"
    sheet["C10"] = "Kasi Pelayanan Umum"  # the owner the Output lacked
    sheet.insert_rows(10)  # a new first Output under 1.1.1: the outline ids after it shift
    sheet["A10"], sheet["B10"], sheet["C10"] = "Output", "Tersusunnya standar pelayanan publik", "Kasi Pelayanan Umum"
    book.save(book_path)
    result, out = diff_json("--git", "HEAD", book_path)
    assert [(a["id"], a["statement"]) for a in out["goals"]["added"]] == [
        ("1.1.1.1", "Tersusunnya standar pelayanan publik")
    ]
    assert out["goals"]["removed"] == []
    assert ("1.1.1.1", "1.1.1.2") in [(r["old_id"], r["id"]) for r in out["goals"]["renumbered"]]
    changed = {c["id"]: c for c in out["goals"]["changed"]}
    assert {"field": "owner", "old": None, "new": "Kasi Pelayanan Umum"} in changed["1.1.1.2"]["changes"]
    assert ("missing-owner", "1.1.1.1") in [(f["rule"], f["node"]) for f in out["findings"]["resolved"]]
    assert {f["node"] for f in out["findings"]["new"]} <= {"1.1.1.1"}
    assert out["old"] == "HEAD:cascades/praya.xlsx"


@pytest.mark.parametrize(
    "args, says",
    [
        (["--git", "no-such-branch"], "unknown revision"),
        (["--git", "--upload-pack=evil"], "not a revision"),
    ],
)
def test_git_bad_revision_exits_2(repo, args, says):
    result = run(*args, repo / "cascades" / "praya.yaml")
    assert result.exit_code == 2
    assert says in result.stderr


def test_git_outside_a_repository_exits_2(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    path = tmp_path / "praya.yaml"
    shutil.copy(SAMPLES / "praya.yaml", path)
    result = run("--git", "HEAD", path)
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr
