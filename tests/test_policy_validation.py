"""The quick check of policy files (policy.passes, a compiled fastjsonschema validator) takes only what
jsonschema accepts: a file it passes would have had no problem reported, and one it refuses is explained by
jsonschema as before. A valid project configuration is read without importing jsonschema."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from kinerja_graph import checks, config, policy

ROOT = Path(__file__).resolve().parent.parent
VALUES = [None, 0, 1, 2.5, -1, True, "", "x", "Camat", "a" * 300, [], ["x"], [1], {}, {"x": 1}, ["x", "x"]]


def _policy_files() -> list[tuple[object, dict]]:
    """(data, schema) of every shipped policy file: the pack, its vocabularies, levels and fields."""
    pack = policy.read_yaml(policy.rules_dir() / "default.yaml")
    assert isinstance(pack, dict)
    found: list[tuple[object, dict]] = [(pack, policy.load_schema("pack.schema.json"))]
    for name, entry in pack["vocabulary"].items():
        schema = f"vocabulary/{name}.schema.json"
        if policy.schema_path(schema).exists():
            found.append((policy.read_yaml(policy.rules_dir() / entry), policy.load_schema(schema)))
    for name, schema in policy.SHIPPED.items():
        found.append((policy.read_yaml(policy.rules_dir() / name), policy.load_schema(schema)))
    for rule in checks.all_rules().values():
        options = (pack["rules"].get(rule.id) or {}) if isinstance(pack["rules"].get(rule.id), dict) else {}
        found.append((dict(options.get("options") or {}), config._options_schema(rule)))
    return found


def _places(data, path=()):
    """Every place in data: (path, value)."""
    yield path, data
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from _places(value, (*path, key))


def _changed(data, path, value, drop: bool):
    copy = json.loads(json.dumps(data))
    if not path:
        return value
    holder = copy
    for key in path[:-1]:
        holder = holder[key]
    if drop:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return copy


def test_the_shipped_files_pass_both_checks():
    for data, schema in _policy_files():
        assert policy.passes(data, schema)
        assert not list(jsonschema.Draft7Validator(schema).iter_errors(data))


@pytest.mark.slow
def test_what_the_quick_check_passes_jsonschema_accepts():
    rng = random.Random(15)
    refused = accepted = 0
    for data, schema in _policy_files():
        validator = jsonschema.Draft7Validator(schema)
        places = list(_places(data))
        for _ in range(60):
            path, _value = rng.choice(places)
            changed = _changed(data, path, rng.choice(VALUES), drop=bool(path) and rng.random() < 0.2)
            valid = not list(validator.iter_errors(changed))
            if policy.passes(changed, schema):
                assert valid, (schema.get("title"), path, changed if len(str(changed)) < 300 else "…")
                accepted += 1
            else:
                refused += 1
    assert refused > 500 and accepted > 500  # both sides were tried


def test_a_schema_is_left_as_it_was_given():
    schema = policy.load_schema("pack.schema.json")
    before = json.dumps(schema, sort_keys=True)
    policy.passes({"rules": {"cycle": True}}, schema)
    policy.passes({"rules": {"cycle": True}}, {"$ref": "#/definitions/project", "definitions": schema["definitions"]})
    assert json.dumps(schema, sort_keys=True) == before


def test_problems_are_still_explained_one_by_one(tmp_path):
    pack = tmp_path / "ketat.yaml"
    pack.write_text("rules:\n  cycle: {severity: fatal}\n  single-child: {options: {treshold: 1}}\n", encoding="utf-8")
    try:
        config.load_pack(pack)
    except config.PolicyError as exc:
        lines = str(exc).splitlines()
    else:
        raise AssertionError("a bad pack was accepted")
    assert any("rules.cycle.severity" in line for line in lines)
    assert any("rules.single-child.options" in line and "treshold" in line for line in lines)


def test_a_valid_project_configuration_is_read_without_jsonschema(tmp_path):
    (tmp_path / "kinerja.toml").write_text(
        'rules_file = "pack.yaml"\nfail-on = "warning"\n[rules.multiple-roots]\noptions = {max-roots = 2}\n',
        encoding="utf-8",
    )
    (tmp_path / "pack.yaml").write_text(
        "name: ketat\nrules:\n  missing-unit: {severity: info}\nvocabulary:\n  levels:\n    process: [Aksi Perubahan]\n"
        f"  owners: {policy.rules_dir() / 'vocabulary' / 'owners.yaml'}\n",
        encoding="utf-8",
    )
    (tmp_path / "uji.yaml").write_text("organisation: {name: Uji}\nnodes:\n  - {id: '1'}\n", encoding="utf-8")
    script = (
        "import sys\nfrom kinerja_graph import pipeline\n"
        f"s = pipeline.settings_for({str(tmp_path / 'uji.yaml')!r})\n"
        "print(s.fail_on, s.pack.name, s.setting('multiple-roots').options['max-roots'], 'jsonschema' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["warning", "ketat", "2", "False"]
