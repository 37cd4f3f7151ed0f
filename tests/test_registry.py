"""The rule registry, the default pack and the rules' own documentation agree with each other."""

import pkgutil
import re

import jsonschema
import pytest
from helpers import documented, graph_from_yaml, run_rule

from kinerja_graph import checks, config, engine
from kinerja_graph.findings import AREAS, SEVERITIES
from kinerja_graph.messages import render

RULES = checks.all_rules()
PACK = config.load_default_pack()
HEADINGS = ["## What it does", "## Why it matters", "## Example", "## Fix", "## Options"]


def test_every_rule_module_is_registered_under_its_own_name():
    modules = {m.name for m in pkgutil.iter_modules(checks.__path__) if m.name != "base" and not m.name.startswith("_")}
    assert {r.replace("-", "_") for r in RULES} == modules
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule_id)
        assert type(rule).__module__ == f"kinerja_graph.checks.{rule_id.replace('-', '_')}"


def test_the_default_pack_lists_every_rule_and_only_rules():
    import yaml

    with open(PACK.path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert set(data["rules"]) == set(RULES)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_metadata(rule_id):
    rule = RULES[rule_id]
    assert rule.area in AREAS
    assert rule.lke is None or re.fullmatch(r"\d\.[a-c]\.\d+", rule.lke)
    assert PACK.rules[rule_id].severity in SEVERITIES
    for text in [rule.summary, rule.rationale, *rule.messages.values()]:
        assert set(text) == {"id", "en"} and all(isinstance(v, str) and v.strip() for v in text.values()), text
    if rule.lke is not None:
        assert re.search(r"PermenPAN-?RB (88|89)/2021", rule.rationale["id"] + rule.rationale["en"])


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_documentation_has_the_five_headings_in_order(rule_id):
    doc = RULES[rule_id].doc
    found = [line.strip() for line in doc.splitlines() if line.startswith("## ")]
    assert found == HEADINGS


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_pack_options_validate_and_are_documented(rule_id):
    rule = RULES[rule_id]
    options = PACK.rules[rule_id].options
    schema = {"type": "object", "properties": rule.options_schema, "additionalProperties": False}
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(options)
    documented = rule.doc.split("## Options", 1)[1]
    for name in rule.options_schema:
        assert f"`{name}`" in documented, f"{rule_id}: option {name} is not documented"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_the_documented_example_is_found_and_the_fix_is_not(rule_id):
    """The doc's Example is a defect the rule reports, its Fix a version the rule accepts."""
    example, fix = documented(rule_id, "## Example"), documented(rule_id, "## Fix")
    if rule_id == "stale-ignore":  # judges silences: needs the engine and the rules silenced
        settings = config.default_settings().override(select=["missing-owner", "single-child", rule_id])
        found = [f for f in engine.check_graph(graph_from_yaml(example), settings).findings if f.rule == rule_id]
        fixed = [f for f in engine.check_graph(graph_from_yaml(fix), settings).findings if f.rule == rule_id]
    else:
        found, fixed = run_rule(rule_id, example), run_rule(rule_id, fix)
    assert found, f"{rule_id}: the documented defect is not found"
    assert fixed == [], f"{rule_id}: the documented fix still has {[render(f, 'en') for f in fixed]}"


HEADINGS_ID = ["## Apa yang diperiksa", "## Mengapa penting", "## Contoh", "## Perbaikan", "## Opsi"]


@pytest.mark.parametrize("rule_id", sorted(r for r in RULES if RULES[r].doc_id))
def test_the_indonesian_documentation_has_its_five_headings_and_the_same_example_and_fix(rule_id):
    """doc_id (formal LHE register) mirrors doc: its own five headings, the same YAML under Contoh/Perbaikan,
    every option named."""
    rule = RULES[rule_id]
    found = [line.strip() for line in rule.doc_id.splitlines() if line.startswith("## ")]
    assert found == HEADINGS_ID
    shown = rule.documentation("id")  # the YAML written once, in doc, shown under Contoh/Perbaikan
    assert re.findall(r"```yaml\n(.*?)```", shown, re.S) == re.findall(r"```yaml\n(.*?)```", rule.doc, re.S)
    for name in rule.options_schema:
        assert f"`{name}`" in rule.doc_id.split("## Opsi", 1)[1], f"{rule_id}: option {name} is not in doc_id"
    for informal in ("punya", "padahal", "nggak", "udah"):
        assert not re.search(rf"\b{informal}\b", rule.doc_id + " ".join(m["id"] for m in rule.messages.values()))


def test_new_rules_are_documented_in_both_languages():
    for rule_id in ("level-label-conflict", "joint-owner", "ambiguous-owner"):
        assert RULES[rule_id].doc_id and RULES[rule_id].documentation("id").startswith("## Apa yang diperiksa")
