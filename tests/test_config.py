"""Rule packs and project configuration: layers, validation with every error at once, discovery."""

import pytest

from kinerja_graph import checks, config
from kinerja_graph.errors import PolicyError


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_pack_gives_every_registered_rule_a_setting():
    pack = config.load_default_pack()
    assert set(checks.all_rules()) <= set(pack.rules)
    assert pack.rules["cycle"].severity == "error"
    assert pack.rules["single-child"].severity == "info"
    assert pack.rules["missing-source"].options["min-length"] == 2


def test_load_default_pack_returns_a_fresh_copy():
    first = config.load_default_pack()
    first.rules["cycle"].options["x"] = 1
    first.rules["cycle"].severity = "info"
    again = config.load_default_pack()
    assert again.rules["cycle"].severity == "error" and "x" not in again.rules["cycle"].options


def test_a_pack_overrides_severity_enables_disables_and_merges_options(tmp_path):
    pack_file = write(
        tmp_path / "ketat.yaml",
        """
name: ketat
rules:
  single-child: {severity: warning}
  missing-unit: false
  missing-source: {options: {min-length: 4}}
""",
    )
    pack = config.load_pack(pack_file)
    assert pack.name == "ketat"
    assert pack.rules["single-child"].severity == "warning"
    assert pack.rules["missing-unit"].enabled is False
    assert pack.rules["missing-source"].options["min-length"] == 4
    assert pack.rules["missing-source"].options["placeholders"]  # the default's other options stay
    assert pack.sources[-1] == str(pack_file)
    settings = config.Settings(pack)
    assert "missing-unit" not in settings.active_rules() and "cycle" in settings.active_rules()


def test_extends_follows_a_chain_of_packs_relative_to_each_file(tmp_path):
    write(tmp_path / "dasar" / "dasar.yaml", "rules: {single-child: {severity: warning}, cycle: false}\n")
    child = write(tmp_path / "proyek" / "pack.yaml", "extends: ../dasar/dasar.yaml\nrules: {cycle: true}\n")
    pack = config.load_pack(child)
    assert pack.rules["single-child"].severity == "warning" and pack.rules["cycle"].enabled


def test_packs_extending_each_other_in_a_circle_are_an_error(tmp_path):
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\n")
    with pytest.raises(PolicyError, match="circle"):
        config.load_pack(tmp_path / "a.yaml")


def test_every_problem_of_a_pack_is_reported_at_once_with_file_and_key(tmp_path):
    pack_file = write(
        tmp_path / "salah.yaml",
        """
name: salah
colour: red
rules:
  single-chlid: {severity: warning}
  cycle: {severity: fatal}
  missing-source: {options: {min-length: dua, treshold: 3}}
vocabulary:
  owners: tidak-ada.yaml
""",
    )
    with pytest.raises(PolicyError) as caught:
        config.load_pack(pack_file)
    lines = str(caught.value).splitlines()
    text = "\n".join(lines)
    assert all(line.startswith(str(pack_file)) for line in lines)
    assert "(top): unknown key(s) 'colour'" in text
    assert "rules.single-chlid: unknown rule 'single-chlid' (did you mean single-child?)" in text
    assert "rules.cycle.severity: 'fatal' is not one of ['error', 'warning', 'info']" in text
    assert "rules.missing-source.options.min-length: 'dua' is not of type 'integer'" in text
    assert "rules.missing-source.options: unknown key(s) 'treshold'" in text
    assert "vocabulary.owners: vocabulary file 'tidak-ada.yaml' not found" in text
    assert len(lines) == 6


def test_vocabularies_inline_or_from_a_file_relative_to_the_pack(tmp_path):
    write(tmp_path / "kata.yaml", "istilah: [a, b]\n")
    pack = config.load_pack(write(tmp_path / "p.yaml", "vocabulary: {contoh: kata.yaml, lain: {x: 1}}\n"))
    assert pack.vocabulary["contoh"] == {"istilah": ["a", "b"]}
    assert pack.vocabulary["lain"] == {"x": 1}
    assert "owners" in pack.vocabulary  # the default pack's vocabularies stay


def test_an_inline_vocabulary_is_validated_by_its_schema_when_there_is_one(tmp_path):
    from kinerja_graph import policy

    if not policy.schema_path("vocabulary/owners.schema.json").exists():
        pytest.skip("no owners vocabulary schema in this tree")
    with pytest.raises(PolicyError, match=r"vocabulary\.owners"):
        config.load_pack(write(tmp_path / "p.yaml", "vocabulary: {owners: {bukan: kosakata}}\n"))


def test_a_pack_that_is_not_a_mapping_or_not_yaml(tmp_path):
    with pytest.raises(PolicyError, match="must be a mapping"):
        config.load_pack(write(tmp_path / "a.yaml", "- cycle\n"))
    with pytest.raises(PolicyError, match=r"b\.yaml:\d+: not valid YAML"):
        config.load_pack(write(tmp_path / "b.yaml", "rules:\n  cycle: [\n"))
    with pytest.raises(PolicyError, match="no such rule pack"):
        config.load_pack(tmp_path / "c.yaml")


def test_rule_ids_expand_areas_and_report_unknown_ones():
    ids, unknown = config.expand_rule_ids(["structure", "missing-owner,cylce"])
    assert "cycle" in ids and "orphan-node" in ids and "missing-owner" in ids and "missing-target" not in ids
    assert unknown == ["cylce"]
    assert "did you mean cycle" in config.unknown_rule_message("cylce")
    with pytest.raises(config.UnknownRuleError, match="--select: unknown rule 'cylce'"):
        config.check_rule_ids(["cylce"], "--select")


def test_select_runs_a_disabled_rule_and_ignore_wins_over_select(tmp_path):
    pack = config.load_pack(write(tmp_path / "p.yaml", "rules: {single-child: false}\n"))
    settings = config.Settings(pack, select=("single-child", "cycle"), ignore=("cycle",))
    assert settings.active_rules() == ["single-child"]


# --------------------------------------------------------------------------- project configuration


def test_pyproject_tool_kinerja_is_found_upward_from_the_cascade(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        """
[project]
name = "x"

[tool.kinerja]
select = ["structure"]
ignore = ["single-child"]
fail-on = "warning"

[tool.kinerja.rules.cycle]
severity = "warning"
""",
    )
    cascade = write(tmp_path / "data" / "2024" / "praya.yaml", "x")
    settings = config.Resolver()(str(cascade))
    assert settings.project == str(tmp_path / "pyproject.toml")
    assert settings.fail_on == "warning"
    assert settings.pack.rules["cycle"].severity == "warning"
    assert "single-child" not in settings.active_rules() and "orphan-node" in settings.active_rules()
    assert "missing-owner" not in settings.active_rules()


def test_kinerja_toml_nearer_the_file_wins_and_a_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path / "kinerja.toml", 'fail-on = "info"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "tanpa tabel"\n')
    cascade = write(tmp_path / "sub" / "c.yaml", "x")
    assert config.Resolver()(str(cascade)).fail_on == "info"
    write(tmp_path / "sub" / "kinerja.toml", 'fail-on = "warning"\n')
    assert config.Resolver()(str(cascade)).fail_on == "warning"


def test_the_project_file_may_name_a_pack_and_override_it(tmp_path):
    write(tmp_path / "aturan" / "pack.yaml", "rules: {single-child: {severity: warning}, missing-unit: false}\n")
    write(tmp_path / "kinerja.toml", 'rules_file = "aturan/pack.yaml"\n[rules]\nmissing-unit = true\n')
    settings = config.Resolver()(str(tmp_path / "c.yaml"))
    assert settings.pack.rules["single-child"].severity == "warning"
    assert settings.pack.rules["missing-unit"].enabled is True
    assert settings.pack.sources[-2:] == [str(tmp_path / "aturan" / "pack.yaml"), str(tmp_path / "kinerja.toml")]


def test_every_problem_of_a_project_file_is_reported_with_its_key(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        """
[tool.kinerja]
select = ["cylce"]
fail-on = "fatal"
colour = "red"
rules_file = "tidak-ada.yaml"

[tool.kinerja.rules.missing-source.options]
min-length = "dua"
""",
    )
    with pytest.raises(PolicyError) as caught:
        config.Resolver()(str(tmp_path / "c.yaml"))
    text = str(caught.value)
    assert "tool.kinerja.select: unknown rule 'cylce' (did you mean cycle?)" in text
    assert "tool.kinerja.fail_on: 'fatal' is not one of" in text
    assert "tool.kinerja: unknown key(s) 'colour'" in text
    assert "tool.kinerja.rules_file: pack 'tidak-ada.yaml' not found" in text
    assert "tool.kinerja.rules.missing-source.options.min-length: 'dua' is not of type 'integer'" in text


def test_a_key_given_twice_in_two_spellings_is_an_error(tmp_path):
    write(tmp_path / "kinerja.toml", 'fail-on = "info"\nfail_on = "error"\n')
    with pytest.raises(PolicyError, match="given twice"):
        config.Resolver()(str(tmp_path / "c.yaml"))


def test_someone_elses_broken_pyproject_is_not_ours_to_judge(tmp_path):
    write(tmp_path / "pyproject.toml", "[project\nname = \n")
    assert config.Resolver()(str(tmp_path / "c.yaml")).project is None
    write(tmp_path / "pyproject.toml", "[tool.kinerja\nselect = \n")
    with pytest.raises(PolicyError, match="not valid TOML"):
        config.Resolver()(str(tmp_path / "c.yaml"))


def test_rules_file_flag_and_no_config_bypass_the_project_file(tmp_path):
    write(tmp_path / "kinerja.toml", 'fail-on = "info"\n')
    pack = write(tmp_path / "p.yaml", "rules: {cycle: false}\n")
    cascade = str(tmp_path / "c.yaml")
    with_pack = config.Resolver(str(pack))(cascade)
    assert with_pack.project is None and with_pack.fail_on == "error" and not with_pack.pack.rules["cycle"].enabled
    assert config.Resolver(use_project=False)(cascade).fail_on == "error"


def test_command_line_flags_replace_the_configured_values(tmp_path):
    write(tmp_path / "kinerja.toml", 'fail-on = "info"\nselect = ["cycle"]\nignore = ["orphan-node"]\n')
    settings = config.Resolver(select=["orphan-node", "multiple-roots"], ignore=[], fail_on="warning")(
        str(tmp_path / "c.yaml")
    )
    assert settings.fail_on == "warning"
    assert settings.active_rules() == ["multiple-roots", "orphan-node"]


def test_the_examples_in_the_configuration_docs_are_accepted(tmp_path):
    import re
    import shutil
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"
    text = docs.read_text(encoding="utf-8")
    pack_text = re.search(r"```yaml\n(name: inspektorat-ketat.*?)```", text, re.S).group(1)
    toml_text = re.search(r"```toml\n(.*?)```", text, re.S).group(1)
    shutil.copy(config.policy.rules_dir() / "vocabulary" / "owners.yaml", tmp_path / "jabatan-kabupaten.yaml")
    pack = config.load_pack(write(tmp_path / "pack.yaml", pack_text))
    assert pack.rules["multiple-roots"].options["max-roots"] == 2 and not pack.rules["missing-unit"].enabled
    write(tmp_path / "sakip" / "pack.yaml", "rules: {cycle: {severity: warning}}\n")
    write(tmp_path / "pyproject.toml", toml_text)
    settings = config.Resolver()(str(tmp_path / "c.yaml"))
    assert settings.fail_on == "warning" and settings.pack.rules["cycle"].severity == "warning"
    assert settings.pack.rules["multiple-roots"].options["max-roots"] == 2
    assert "single-child" not in settings.active_rules() and "missing-owner" in settings.active_rules()


def test_the_shipped_policy_files_hold_to_their_schemas():
    """A run trusts the files shipped with the package (it reads them without their schemas at every start):
    here they are validated as a user's files are, and read the same either way."""
    from kinerja_graph import policy

    validated = config.validate_default_pack()
    trusted = config.load_default_pack()
    assert validated.rules == trusted.rules and validated.vocabulary == trusted.vocabulary
    assert set(validated.vocabulary) >= {"owners", "units"}
    for name, schema in policy.SHIPPED.items():
        path = policy.rules_dir() / name
        assert policy.load_policy_file(path, schema) == policy.load_policy_file(path, schema, validate=False)


def test_a_shipped_file_that_breaks_its_schema_is_caught_by_validation(tmp_path, monkeypatch):
    """validate_default_pack() is a real check: a shipped pack with a bad option fails it."""
    import shutil

    from kinerja_graph import policy

    shutil.copytree(policy.rules_dir(), tmp_path / "rules")
    pack = tmp_path / "rules" / "default.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace(
            "  cycle: {severity: error}", "  cycle: {severity: error, options: {no-such-option: 1}}", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(policy, "rules_dir", lambda: tmp_path / "rules")
    with pytest.raises(PolicyError, match="no-such-option"):
        config.validate_default_pack()
