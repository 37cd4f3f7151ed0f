"""Hostile input (issue 16): the fuzz reproducers of ../shared/reliability, kept small in tests/hostile/
(bigger ones generated here). Each gives exit 0, 1 or 2 and, when refused, one short line on stderr
naming the user's file, its line and the field — never a traceback, a library's path or a whole value."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_graph import config, similarity
from kinerja_graph.cli import cli

HOSTILE = Path(__file__).resolve().parent / "hostile"
MESSAGE_LIMIT = 2_000  # characters in one line of a message about bad input (the list of accepted level labels fits)


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
    """stderr holds short lines, one of which names the file and each field: that line."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "nothing on stderr"
    assert "Traceback" not in stderr and "site-packages" not in stderr and "internal error" not in stderr
    assert all(len(line) <= MESSAGE_LIMIT for line in lines), max(lines, key=len)[:200]
    naming = [line for line in lines if str(file) in line or Path(file).name in line]
    assert naming, stderr
    for line in naming:
        if all(name in line for name in fields):
            return line
    raise AssertionError(f"no line names {fields}: {stderr}")


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


# ------------------------------------------------------------------------------------------------
# C4, C5, C6, C9, D1, M2: what the cascade readers refuse is named, on one short line, by every command

REFUSED = [  # (reproducer, what the message names)
    ("indicators-number.yaml", ["indicators:10:", "nodes[0].indicators"]),  # C4: a number where a list belongs
    ("surr.json", ["surr.json:1:", "nodes[0].statement"]),  # C6: a lone surrogate
    ("lit-parent.json", ["lit-parent.json:1:", "nodes[0].parent"]),
    ("lit-owner.json", ["lit-owner.json:1:", "nodes[0].owner"]),
    ("deep-flow-990.yaml", ["deep-flow-990.yaml:1:", "name", "nested"]),  # C9: a value nested 990 deep
    ("deep-flow-node-990.yaml", ["deep-flow-node-990.yaml:3:", "statement", "nested"]),
    ("huge-int2.yaml", ["huge-int2.yaml:1:", "period[0]"]),  # M2: a 5,000-digit year, shortened
    ("dupkey.json", ["dupkey.json:1:", "'nodes'", "twice"]),  # D1: a duplicate key
    ("dup-nodes.json", ["dup-nodes.json:1:", "'nodes'", "twice"]),
]
COMMANDS = {
    "check": lambda p, t: ["check", p, "--format", "json"],
    "show": lambda p, t: ["show", p],
    "convert": lambda p, t: ["convert", p, str(t / "out.yaml")],
    "render": lambda p, t: ["render", p, "-f", "dot", "-o", str(t / "out.dot")],
    "report": lambda p, t: ["report", p, "-o", str(t / "out.html")],
}


@pytest.mark.parametrize("name, named", REFUSED, ids=[r[0] for r in REFUSED])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_refused_cascade_is_named_on_one_short_line(tmp_path, name, named, command):
    path = copy(name, tmp_path)
    code, out, err = run(*COMMANDS[command](str(path), tmp_path))
    assert code == 2
    assert_one_clear_line(err, path, *(part.replace("indicators:10:", "indicators-number.yaml:10:") for part in named))


@pytest.mark.parametrize("name", ["bigint.json", "lit-notes.json"])
@pytest.mark.parametrize("command", ["show", "convert", "render"])
def test_a_number_of_thousands_of_digits_is_kept_as_text(tmp_path, name, command):  # C5
    path = copy(name, tmp_path)
    code, out, err = run(*COMMANDS[command](str(path), tmp_path))
    assert code == 0, err


def test_a_duplicate_key_is_named_with_its_own_line(tmp_path):
    path = tmp_path / "dup.json"
    path.write_text(
        '{"organisation": {"name": "X"},\n "nodes": [\n  {"id": "1", "statement": "A", "level": "tujuan",\n'
        '   "owner": "Camat", "owner": "Sekcam"}]}',
        encoding="utf-8",
    )
    code, out, err = run("show", str(path))
    assert code == 2
    assert f"{path}:4: key 'owner' appears twice" in assert_one_clear_line(err, path)


def test_equal_keys_in_different_objects_are_fine(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(
        '{"organisation": {"name": "X"}, "nodes": [{"id": "1", "statement": "A \\"id\\": {", "level": "tujuan"},'
        ' {"id": "2", "statement": "B", "level": "tujuan", "notes": {"id": "x"}}]}',
        encoding="utf-8",
    )
    code, out, err = run("show", str(path))
    assert code == 0, err


def test_a_deep_value_in_json_is_named_not_explained(tmp_path):
    value = "[" * 900 + "]" * 900
    path = tmp_path / "deep.json"
    path.write_text(
        '{"organisation": {"name": "X"},\n "nodes": [\n  {"id": "1", "statement": "A", "level": "tujuan",'
        f' "notes": {{"a": {value}}}}}]}}',
        encoding="utf-8",
    )
    code, out, err = run("check", str(path), "--format", "json")
    assert code == 2
    first = assert_one_clear_line(err, path)
    assert f"{path}:3: nodes[0].notes.a" in first and "nested" in first


@pytest.mark.parametrize(
    "field, value",
    [("level", "x" * 100_000), ("calculation", "y" * 90_000), ("polarity", "z" * 90_000), ("id", "1" * 90_000)],
)
def test_a_message_never_quotes_a_whole_long_value(tmp_path, field, value):  # M2
    node = {"id": "1", "statement": "Meningkatnya A", "level": "tujuan", "indicators": [{"name": "Indeks A"}]}
    if field in ("calculation", "polarity"):
        node["indicators"][0][field] = value
    else:
        node[field] = value
    if field == "id":
        node["level"] = None  # a goal without a level: its id is named
    import json

    path = tmp_path / "long.json"
    path.write_text(json.dumps({"organisation": {"name": "X"}, "nodes": [node]}), encoding="utf-8")
    code, out, err = run("show", str(path))
    assert code == 2
    assert_one_clear_line(err, path, field if field != "id" else "level")


def test_a_shortened_quoted_value_keeps_its_closing_quote(tmp_path):  # M2: huge-int2.yaml
    path = copy("huge-int2.yaml", tmp_path)  # a year of 5,000 digits, quoted: a text where a number belongs
    code, out, err = run("check", str(path), "--format", "json", "--lang", "en")
    line = assert_one_clear_line(err, path, "huge-int2.yaml:1:", "period[0]")
    assert code == 2 and re.search(r"'9{50,}…'", line), line


# ------------------------------------------------------------------------------------------------
# L10: a target year outside 1900–2199 is refused in YAML/JSON as in tables (tests/test_years.py: one rule)


def test_the_target_year_reproducer_is_refused_naming_line_and_field(tmp_path):
    path = copy("year.yaml", tmp_path)
    code, out, err = run("show", str(path))
    assert code == 2
    assert_one_clear_line(err, path, "year.yaml:6:", "targets", "'3000'")


# ------------------------------------------------------------------------------------------------
# L11, L12: crosscutting "#…" survives conversion; diff of a file with a copy or a conversion is empty

CROSSCUTTING = ["#", "#1.2", "BKPSDM#", "Satpol PP", "praya#9.9", " x # y "]


@pytest.mark.parametrize("link", CROSSCUTTING)
@pytest.mark.parametrize("fmt", ["yaml", "json", "csv", "xlsx"])
def test_a_crosscutting_link_survives_conversion_twice(tmp_path, link, fmt):
    from kinerja_graph.loaders import load
    from kinerja_graph.writers import to_document, write

    source = tmp_path / "x.yaml"
    source.write_text(
        "organisation: {name: Kecamatan Praya, id: praya}\nnodes:\n"
        f"- {{id: '1', statement: Meningkatnya kinerja, level: Tujuan, owner: Camat, crosscutting: ['{link}']}}\n",
        encoding="utf-8",
    )
    first = load(str(source))
    write(first, str(tmp_path / f"once.{fmt}"), fmt)
    once = load(str(tmp_path / f"once.{fmt}"))
    write(once, str(tmp_path / f"twice.{fmt}"), fmt)
    twice = load(str(tmp_path / f"twice.{fmt}"))
    assert to_document(once) == to_document(first) == to_document(twice)
    assert first.nodes[0].crosscutting  # the link is kept


def test_diff_of_the_reproducer_with_its_copy_and_its_conversions_reports_nothing(tmp_path):
    import json

    source = copy("diff-self.yaml", tmp_path)  # crosscutting: ["#"]
    copies = [tmp_path / "copy.yaml"]
    shutil.copyfile(source, copies[0])
    for fmt in ("json", "csv", "xlsx", "yaml"):
        target = tmp_path / f"converted.{fmt}" if fmt != "yaml" else tmp_path / "converted-again.yaml"
        code, out, err = run("convert", str(source), str(target))
        assert code == 0, err
        copies.append(target)
    for other in copies:
        code, out, err = run("diff", str(source), str(other), "--format", "json", "--fail-on", "info")
        summary = json.loads(out)["summary"]
        assert (summary["new_findings"], summary["resolved_findings"]) == (0, 0), (other, summary)
        assert summary["unchanged_findings"] > 0 and code == 0


# ------------------------------------------------------------------------------------------------
# I2: control characters reach no terminal raw: `show` and every message on stderr escape them

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_show_escapes_control_characters(tmp_path):
    path = copy("control-chars.yaml", tmp_path)  # "a\u0001b\u0002" as organisation and statement
    code, out, err = run("show", str(path))
    assert code == 0, err
    assert not RAW_CONTROL.search(out) and "a\\x01b\\x02" in out


@pytest.mark.parametrize("command", ["show", "check", "render", "convert", "report", "diff"])
def test_messages_escape_control_characters(tmp_path, command):
    path = tmp_path / "pohon\x1b[2J\x07.yaml"  # a file name is printed in every message
    path.write_text("organisation: {name: X}\nnodes:\n  - {id: '1', statement: A, level: \"\\e[31mentah\"}\n")
    args = {
        "show": ["show", str(path)],
        "check": ["check", str(path), "--format", "json"],
        "render": ["render", str(path), "-f", "dot", "-o", str(tmp_path / "o.dot")],
        "convert": ["convert", str(path), str(tmp_path / "o.json")],
        "report": ["report", str(path), "-o", str(tmp_path / "o.html")],
        "diff": ["diff", str(path), str(path)],
    }[command]
    code, out, err = run(*args)
    assert code == 2
    assert not RAW_CONTROL.search(err) and "\\x1b[2J\\x07" in err and "level" in err


@pytest.mark.parametrize("command", ["show", "check", "render"])
def test_messages_about_a_table_escape_control_characters(tmp_path, command):
    path = copy("control-chars.csv", tmp_path)  # ids "a\x01b\x02" on rows 33-35
    args = {"show": ["show"], "check": ["check", "--format", "json"], "render": ["render", "-f", "dot", "-o", "-"]}
    code, out, err = run(*args[command], str(path))
    assert code == 2
    assert not RAW_CONTROL.search(err)
    assert_one_clear_line(err, path, "row", "level")


def test_the_one_terminal_escape_is_the_text_reports():
    from kinerja_graph import terminal
    from kinerja_graph.report import text

    assert text.clean is terminal.clean
    assert terminal.clean("a\x1b[31m\r\n\tb\u202e") == "a\\x1b[31m\\x0d  b\\u202e"
    assert terminal.escape("line\nnext\x00") == "line\nnext\\x00"


@pytest.mark.parametrize(
    "content", ["[" * 100_000 + "]" * 100_000, '{"kinerja_baseline": ' + "9" * 5000 + "}"], ids=["deep", "bigint"]
)
def test_a_hostile_baseline_is_named(tmp_path, content):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    code, out, err = run("check", str(CLEAN), "--baseline", str(baseline), "--format", "json")
    assert code == 2
    assert_one_clear_line(err, baseline, "not a baseline")


def test_a_lone_surrogate_is_refused_in_yaml_without_libyaml_too(tmp_path, monkeypatch):
    import yaml

    from kinerja_graph import yamlread

    monkeypatch.setattr(yamlread, "_Loader", yaml.SafeLoader)  # PyYAML's own scanner lets "\ud800" through
    monkeypatch.setattr(yamlread, "REFUSES_SURROGATES", False)
    path = tmp_path / "surr.yaml"
    path.write_text('organisation: {name: x}\nnodes:\n  - {id: "1", statement: "a\\ud800b", level: Tujuan}\n')
    code, out, err = run("show", str(path))
    assert code == 2
    assert_one_clear_line(err, path, "surr.yaml:3:", "nodes[0].statement", "half of a character")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_diff_of_a_document_with_its_table_pairs_findings_on_a_shared_row(tmp_path, fmt):
    """In a table a goal and its first indicator share one row: a finding about the indicator (its own
    lines in YAML) is the same finding in the table."""
    import json

    source = tmp_path / "a.yaml"
    source.write_text(
        "organisation: {name: X}\nnodes:\n- id: '0'\n  statement: Meningkatnya A\n  level: Tujuan\n"
        "  indicators:\n  - name: Indeks kepuasan masyarakat\n",
        encoding="utf-8",
    )
    table = tmp_path / f"a.{fmt}"
    assert run("convert", str(source), str(table))[0] == 0
    code, out, err = run("diff", str(source), str(table), "--format", "json")
    summary = json.loads(out)["summary"]
    assert (summary["new_findings"], summary["resolved_findings"]) == (0, 0) and summary["unchanged_findings"]


@pytest.mark.parametrize("where", ["pack", "select"])
def test_an_unknown_rule_id_of_a_whole_paragraph_is_quoted_shortened(tmp_path, where):
    rule = "x" * (1_000 if where == "pack" else 100_000)  # (YAML allows keys of 1,024 characters at most)
    if where == "pack":
        cascade = _project(tmp_path, f"extends: default\nrules:\n  {rule}: false\n")
        code, out, err = run("check", str(cascade), "--format", "json")
    else:
        code, out, err = run("check", str(CLEAN), "--select", rule, "--format", "json")
    assert code == 2
    assert "unknown rule 'xxxx" in err and max(map(len, err.splitlines())) < 300


# ------------------------------------------------------------------------------------------------
# The size limit of one cascade file (512 MiB) can be moved with KINERJA_MAX_FILE_MIB: a Pemda-wide 10^6-goal
# cascade is bigger; a shared runner may want a smaller one.


def _cascade_of(size: int, tmp_path: Path) -> Path:
    """A valid CSV cascade padded past `size` bytes with rows of goals."""
    rows = ["id,parent,level,statement,owner"]
    i = 0
    while sum(len(r) + 1 for r in rows) <= size:
        i += 1
        rows.append(f"G{i},,sasaran_strategis,Meningkatnya kualitas pelayanan publik di wilayah nomor {i},Camat")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_file_size_limit_moves_with_the_environment(tmp_path, monkeypatch):
    path = _cascade_of(1024 * 1024 + 10, tmp_path)  # just over 1 MiB
    monkeypatch.setenv("KINERJA_MAX_FILE_MIB", "1")
    code, _, err = run("show", str(path))
    assert code == 2
    line = assert_one_clear_line(err, path)
    assert "1 MiB" in line and "KINERJA_MAX_FILE_MIB" in line
    monkeypatch.setenv("KINERJA_MAX_FILE_MIB", "2")
    code, out, err = run("show", str(path))
    assert code == 0, err
    monkeypatch.delenv("KINERJA_MAX_FILE_MIB")
    assert run("show", str(path))[0] == 0  # the default, 512 MiB


@pytest.mark.parametrize("value", ["lots", "-1", "0", "1.5"])
def test_a_bad_file_size_limit_is_one_clear_line(tmp_path, monkeypatch, value):
    path = _cascade_of(100, tmp_path)
    monkeypatch.setenv("KINERJA_MAX_FILE_MIB", value)
    code, _, err = run("show", str(path))
    assert code == 2
    assert "KINERJA_MAX_FILE_MIB" in err and "Traceback" not in err
