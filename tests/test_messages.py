"""Findings as data: rules' templates, the format specs that word their arguments, rendering in one
language, the JSON form, and the basis that softens a finding resting on inferred or doubtful data."""

import json

import pytest
from click.testing import CliRunner
from helpers import as_data, context, graph_from_yaml, run_rule

from kinerja_graph import checks, messages
from kinerja_graph.checks.base import Rule
from kinerja_graph.cli import cli
from kinerja_graph.findings import Finding
from kinerja_graph.messages import Template, compile_template, render, to_dict

RULES = checks.all_rules()


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_template_compiles_and_both_languages_name_the_same_arguments(rule_id):
    for key, templates in RULES[rule_id].messages.items():
        assert set(templates) == {"id", "en"}, key
        compiled = {lang: compile_template(text) for lang, text in templates.items()}
        assert compiled["id"].names == compiled["en"].names, (rule_id, key)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("{level:no-such-spec}", "unknown format spec"),
        ("{0}", "plain name"),
        ("{a.b}", "plain name"),
        ("{a!r}", "plain"),
    ],
)
def test_a_template_with_an_unknown_spec_or_a_field_that_is_not_a_name_is_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        Template(text)


def spec(name, value, lang):
    return Template("{x:" + name + "}").render({"x": value}, lang)


@pytest.mark.parametrize(
    "name, value, id_text, en_text",
    [
        ("level", "immediate_outcome", "Immediate Outcome", "Immediate outcome"),
        ("level", None, "?", "?"),
        ("level", "no-such-level", "no-such-level", "no-such-level"),
        (
            "levels",
            ["immediate_outcome", "output"],
            "Immediate Outcome (Sasaran Program) dan Output (Sasaran Kegiatan)",
            "Immediate outcome (Programme objective (sasaran program)) and Output (Activity objective (sasaran "
            "kegiatan))",
        ),
        ("tier", "operational", "Kinerja Operasional", "Operational performance"),
        (
            "tiers",
            ["strategic", "tactical"],
            "Kinerja Strategis atau Kinerja Taktikal",
            "Strategic performance or Tactical performance",
        ),
        ("field", "source", "sumber data", "data source"),
        ("fields", ["statement", "formula"], "pernyataan kinerja, formula", "statement, formula"),
        ("Fields", ["statement", "formula"], "Pernyataan kinerja, formula", "Statement, formula"),
        ("kind", "activity", "kegiatan (proses)", "activity (process)"),
        ("evidence", [["head", "Persentase"], ["unit", "Dokumen"]], "'Persentase' + satuan 'Dokumen'", None),
        ("term", {"id": "jumlah", "en": "count"}, "jumlah", "count"),
        ("terms", [{"id": "Camat", "en": "Camat"}, {"id": "Lurah", "en": "Lurah (head)"}], "Camat atau Lurah", None),
        ("terms", [], "-", "-"),
        ("quoted", ["a", "b", "c", "d", "e"], '"a", "b", "c" (+2)', '"a", "b", "c" (+2)'),
        ("quoted", [], "-", "-"),
        ("quoted-all", ["a", "b", "c", "d"], '"a", "b", "c", "d"', '"a", "b", "c", "d"'),
        ("ids", ["1", "2", "3", "4", "5", "6", "7"], "1, 2, 3, 4, 5 (+2)", "1, 2, 3, 4, 5 (+2)"),
        ("ids", ["1", 2, 3.5, None], "1, 2, 3.5, None", "1, 2, 3.5, None"),  # not all texts: each one as it is
        ("quoted", [7, "b", 9, 10], '"7", "b", "9" (+1)', '"7", "b", "9" (+1)'),
        ("years", [2022, 2023, 2024], "2022–2024", "2022–2024"),
        ("years", [2022, 2024], "2022, 2024", "2022, 2024"),
        ("by-year", [[2023, "≥ 90"], [2024, "-"]], '2023: "≥ 90", 2024: "-"', '2023: "≥ 90", 2024: "-"'),
        ("steps", [[[2023, "90"], [2024, "85"]]], "90 (2023) → 85 (2024)", "90 (2023) → 85 (2024)"),
        ("circle", ["1", "1.1"], '"1" → "1.1" → "1"', '"1" → "1.1" → "1"'),
        ("circle", [str(i) for i in range(10)], '"0" → "1" → "2" → "3" → "4" → "5" → "6" → "7" → … (+2) → "0"', None),
        (
            "variants",
            [["Tertib", ["1", "2", "3", "4"]], ["tertib.", ["5"]]],
            '"Tertib" (1, 2, 3 (+1)); "tertib." (5)',
            None,
        ),
        ("aside", "Meningkatnya layanan", ' "Meningkatnya layanan"', ' "Meningkatnya layanan"'),
        ("aside", None, "", ""),
    ],
)
def test_each_format_spec_words_its_argument_in_the_language_asked(name, value, id_text, en_text):
    assert spec(name, value, "id") == id_text
    if en_text is not None:
        assert spec(name, value, "en") == en_text


def test_more_than_four_variants_are_counted():
    variants = [[f"t{i}", [str(i)]] for i in range(6)]
    assert spec("variants", variants, "en").endswith('"t3" (3); (+2)')


def test_every_spec_is_documented_in_the_module_and_the_contributor_guide():
    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "contributing.md").read_text(encoding="utf-8")
    for name in messages.SPECS:
        assert f"\n    {name} " in messages.__doc__, name
        assert f"`{name}`" in guide, name


class _Words(Rule):
    id = "words-probe"
    area = "structure"
    summary = rationale = {"id": "x", "en": "x"}
    messages = {
        "default": {"id": "Kinerja {label} ({level:level})", "en": "Goal {label} ({level:level})"},
        "other": {"id": "lain {count}", "en": "other {count}"},
    }

    def check(self, ctx):
        yield ctx.finding("1", label="a", level="output")
        yield ctx.finding(None, "other", count=3)


@pytest.fixture
def probe(monkeypatch):
    registry = {**checks.all_rules(), "words-probe": _Words()}
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    ctx = context("single-child", "organisation: {name: Uji}\nnodes:\n  - {id: '1', statement: A, level: output}\n")
    ctx.rule = registry["words-probe"]
    return ctx


def test_a_finding_holds_no_words_and_is_worded_only_in_the_language_printed(probe, monkeypatch):
    found = list(probe.rule.check(probe))
    assert not hasattr(found[0], "message") and not hasattr(found[0], "messages")
    assert as_data(found) == [("1", "default", {"label": "a", "level": "output"}), (None, "other", {"count": 3})]
    asked = []
    level = messages.SPECS["level"]
    monkeypatch.setitem(messages.SPECS, "level", lambda value, lang: asked.append(lang) or level(value, lang))
    monkeypatch.setattr(messages, "_COMPILED", {})  # compiled again, with the recording spec
    assert render(found[0], "en") == "Goal a (Output)"
    assert asked == ["en"]
    assert render(found[1], "id") == "lain 3" and asked == ["en"]


def test_a_finding_missing_an_argument_or_naming_no_message_breaks_in_the_rule_not_in_a_formatter(probe):
    with pytest.raises(KeyError, match="words-probe: message 'default' needs the argument.* level"):
        probe.finding("1", label="a")
    with pytest.raises(KeyError, match="has no message 'nope'"):
        probe.finding("1", "nope", label="a")


def test_the_json_form_carries_the_arguments_and_the_basis():
    f = Finding("orphan-node", "error", "1.1", {"label": "A", "parents": ["9"]}, key="dangling", file="x.yaml")
    data = to_dict(f, "en")
    assert data["message"] == 'Goal "A" names parent "9", which does not exist'
    assert data["args"] == {"label": "A", "parents": ["9"]} and data["basis"] is None
    assert list(data)[-2:] == ["args", "basis"]


# ------------------------------------------------------------------------------------------ basis

INVERTED = """
organisation: {name: Kecamatan Uji}
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya kepatuhan petugas pada SOP, level: immediate outcome}
"""


def inverted(inferred: dict | None = None, doubtful: frozenset = frozenset()):
    """level-inversion (an error in the pack) on INVERTED, with these nodes' fields marked as inferred and these
    goals' levels as doubtful."""
    G = graph_from_yaml(INVERTED)
    for node, fields in (inferred or {}).items():
        G.nodes[node]["node"].inferred = fields  # the model field Node.inferred (provenance), as a loader sets it
    ctx = context("level-inversion", G)
    if doubtful:
        ctx.index._memo["doubtful levels"] = doubtful  # what a structural reading of the levels finds
    return list(ctx.rule.check(ctx))


def test_a_finding_on_stated_data_keeps_its_severity_and_has_no_basis():
    (f,) = inverted()
    assert (f.node, f.severity, f.basis) == ("1.1.1", "error", None)


@pytest.mark.parametrize("node, fields", [("1.1.1", ("level",)), ("1.1", ("level",)), ("1.1.1", ("parent",))])
def test_a_finding_resting_on_an_inferred_field_of_its_node_or_a_related_one_is_softened(node, fields):
    (f,) = inverted({node: fields})
    assert (f.severity, f.basis) == ("warning", "inferred")


def test_an_inferred_field_the_finding_does_not_rest_on_changes_nothing():
    (f,) = inverted({"1.1.1": ("owner",), "1": ("level",)})
    assert (f.severity, f.basis) == ("error", None)


def test_a_finding_resting_on_a_doubtful_level_is_softened_and_says_so():
    (f,) = inverted({"1.1.1": ("level",)}, doubtful=frozenset({"1.1"}))
    assert (f.severity, f.basis) == ("warning", "doubtful")
    (f,) = inverted(doubtful=frozenset({"1"}))  # not a goal of this finding
    assert (f.severity, f.basis) == ("error", None)


def test_softening_never_raises_a_severity():
    G = graph_from_yaml(INVERTED.replace("level: immediate outcome}", "level: immediate outcome, owner: Camat}"))
    G.nodes["1.1"]["node"].inferred = ("parent",)
    found = run_rule("single-child", G)  # info in the pack, resting on the parent links
    assert [(f.node, f.severity, f.basis) for f in found] == [("1", "info", "inferred"), ("1.1", "info", "inferred")]


def test_the_basis_reaches_the_json_output(tmp_path, monkeypatch):
    from kinerja_graph.checks import _index

    path = tmp_path / "c.yaml"
    path.write_text(INVERTED, encoding="utf-8")
    monkeypatch.setattr(_index.Index, "doubtful_levels", property(lambda self: frozenset({"1.1"})))
    result = CliRunner().invoke(
        cli, ["check", str(path), "--no-config", "--format", "json", "--select", "level-inversion"]
    )
    data = json.loads(result.output)
    assert [(f["rule"], f["severity"], f["basis"]) for f in data["findings"]] == [
        ("level-inversion", "warning", "doubtful")
    ]
    assert result.exit_code == 0  # a softened error no longer fails the default --fail-on error


def test_a_template_may_list_the_findings_nodes_without_an_argument_for_them(probe):
    probe.rule.messages = {**probe.rule.messages, "group": {"id": "sama ({nodes:ids})", "en": "same ({nodes:ids})"}}
    f = probe.finding("1", "group", related=["2", "3", "4", "5", "6", "7"])
    assert dict(f.args) == {}
    assert render(f, "en") == "same (1, 2, 3, 4, 5 (+2))"
    whole = probe.finding(None, "group", related=["2", "3"])
    assert render(whole, "id") == "sama (2, 3)"


def test_the_json_report_stands_one_finding_on_a_line(monkeypatch):
    from helpers import SAMPLES

    monkeypatch.chdir(SAMPLES.parent)
    result = CliRunner().invoke(cli, ["check", "samples/praya.yaml", "--no-config", "--format", "json"])
    data = json.loads(result.output)
    lines = [line for line in result.output.splitlines() if line.startswith('    {"rule": ')]
    assert len(lines) == len(data["findings"]) > 10
    assert [json.loads(line.rstrip(",")) for line in lines] == data["findings"]
