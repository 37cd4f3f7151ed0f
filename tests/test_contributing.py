"""The contributor guide's example rule is a complete rule: registered as the guide says (its module and
its pack entry), it passes what tests/test_registry.py asks of every rule, the engine runs it, and the
guide's own test for it passes."""

import json
import re
import textwrap
import types
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from helpers import documented, run_rule

from kinerja_graph import checks, config
from kinerja_graph.checks.base import DOC_HEADINGS, Rule
from kinerja_graph.cli import cli
from kinerja_graph.findings import AREAS

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "contributing.md"
HEADINGS = ["## What it does", "## Why it matters", "## Example", "## Fix", "## Options"]


def block(first_line: str) -> str:
    """The fenced code block of the guide that starts with `first_line`."""
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(r"^(`{3,})\w*\n(" + re.escape(first_line) + r"\n.*?)^\1$", text, re.S | re.M)
    assert match, f"no code block starting with {first_line!r} in {GUIDE.name}"
    return match.group(2)


def load(source: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(source, str(GUIDE), "exec"), module.__dict__)
    return module


@pytest.fixture
def registered(monkeypatch) -> Rule:
    """The guide's rule, registered as adding its module and its pack entry would register it."""
    module = load(block("# kinerja_graph/checks/long_statement.py"), "kinerja_graph.checks.long_statement")
    (cls,) = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, Rule) and c is not Rule]
    rule = cls()
    registry = dict(sorted({**checks.all_rules(), rule.id: rule}.items()))
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    entry = yaml.safe_load(textwrap.dedent(_pack_entry()))
    (setting,) = entry.values()
    pack = config._default_pack_cached()  # what load_default_pack() copies, so every run sees the entry
    monkeypatch.setitem(
        pack.rules, rule.id, config.RuleSetting(True, setting["severity"], dict(setting.get("options") or {}))
    )
    return rule


def _pack_entry() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(  long-statement: .*?)\n```", text, re.S)
    assert match, "the guide shows no pack entry for long-statement"
    return match.group(1)


def test_the_guides_rule_is_a_complete_rule(registered):
    rule = registered
    assert rule.id == "long-statement" and rule.area in AREAS and re.fullmatch(r"\d\.[a-c]\.\d+", rule.lke)
    assert re.search(r"PermenPAN-?RB (88|89)/2021", rule.rationale["id"] + rule.rationale["en"])
    assert [line for line in rule.doc.splitlines() if line.startswith("## ")] == HEADINGS
    options = config.load_default_pack().rules[rule.id].options
    schema = {"type": "object", "properties": rule.options_schema, "additionalProperties": False}
    jsonschema.Draft7Validator(schema).validate(options)
    assert all(f"`{name}`" in rule.doc.split("## Options", 1)[1] for name in rule.options_schema)
    assert run_rule(rule.id, documented(rule.id, "## Example"))
    assert run_rule(rule.id, documented(rule.id, "## Fix")) == []


def test_the_guides_rule_runs_in_kinerja_check(registered, tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(documented("long-statement"), encoding="utf-8")
    args = ["check", str(path), "--no-config", "--select", "long-statement", "--format", "json", "--lang", "en"]
    result = CliRunner().invoke(cli, args)
    (finding,) = json.loads(result.output)["findings"]
    assert (finding["rule"], finding["severity"], finding["node"]) == ("long-statement", "info", "1")
    assert finding["args"]["count"] == 21 and finding["message"].endswith("has 21 words; at most 20 expected")


def test_the_guides_test_passes(registered):
    module = load(block("# tests/rules/test_long_statement.py"), "test_long_statement")
    tests = [value for name, value in vars(module).items() if name.startswith("test_")]
    assert len(tests) >= 2
    for test in tests:
        test()


def test_the_guides_rule_is_documented_in_indonesian_in_the_register_of_an_lhe(registered):
    from test_register import english_words, informal_words, yaml_blocks

    rule = registered
    assert [line[3:] for line in rule.doc_id.splitlines() if line.startswith("## ")] == list(
        DOC_HEADINGS["id"].values()
    )
    for section in ("example", "fix"):
        assert yaml_blocks(rule.doc_section(section, "id")) == yaml_blocks(rule.doc_section(section, "en")) != []
    texts = [rule.summary["id"], rule.rationale["id"], rule.doc_id, *(m["id"] for m in rule.messages.values())]
    assert [informal_words(t) for t in texts] == [[]] * len(texts)
    assert [english_words(t) for t in texts] == [[]] * len(texts)
