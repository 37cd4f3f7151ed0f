"""stale-ignore: silences that silence nothing, or that name no rule."""

from helpers import as_data, documented, graph_from_yaml, run_rule

from kinerja_graph import config, engine
from kinerja_graph.messages import render

RULE = "stale-ignore"


def check(text: str, select=("missing-owner", "single-child", "stale-ignore")):
    settings = config.default_settings().override(select=select)
    return engine.check_graph(graph_from_yaml(text), settings)


DOC = """
organisation: {name: Kecamatan Uji}
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    owner: Camat
    ignore:
      - {rule: single-child, reason: cascade langsung ke Sekcam}
      - {rule: missing-owner, reason: PJ belum ditetapkan}
      - {rule: single-chlid, reason: salah ketik}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, owner: Sekcam}
"""


def test_a_matching_silence_silences_and_a_stale_one_is_reported():
    report = check(DOC)
    assert [(s.finding.rule, s.finding.node, s.reason) for s in report.silenced] == [
        ("single-child", "1", "cascade langsung ke Sekcam")
    ]
    stale = [f for f in report.findings if f.rule == RULE]
    assert [render(f, "en") for f in stale] == [
        'The silence of rule missing-owner on "Meningkatnya kualitas layanan publik" no longer matches any finding: '
        "remove it",
        'The silence on "Meningkatnya kualitas layanan publik" names rule "single-chlid", which does not exist '
        "(did you mean single-child?)",
    ]
    assert {f.severity for f in stale} == {"warning"} and {f.line for f in stale} == {4}


def test_a_silence_of_a_rule_that_did_not_run_is_not_judged():
    report = check(DOC, select=("single-child", "stale-ignore"))
    assert [render(f, "en") for f in report.findings if f.rule == RULE] == [
        'The silence on "Meningkatnya kualitas layanan publik" names rule "single-chlid", which does not exist '
        "(did you mean single-child?)"
    ]


def test_a_stale_ignore_silence_quiets_this_rule_on_its_node():
    text = DOC.replace(
        "      - {rule: single-chlid, reason: salah ketik}\n",
        "      - {rule: single-chlid, reason: salah ketik}\n      - {rule: stale-ignore, reason: nanti}\n",
    )
    report = check(text)
    assert [f for f in report.findings if f.rule == RULE] == []
    assert sorted(s.finding.rule for s in report.silenced) == ["single-child", "stale-ignore", "stale-ignore"]


def test_clean_silences_are_quiet():
    assert [
        f
        for f in check(
            DOC.replace("      - {rule: missing-owner, reason: PJ belum ditetapkan}\n", "").replace(
                "      - {rule: single-chlid, reason: salah ketik}\n", ""
            )
        ).findings
    ] == []


def test_on_its_own_only_unknown_rule_ids_can_be_judged():
    found = run_rule(RULE, DOC)
    assert [f.node for f in found] == ["1"] and "single-chlid" in render(found[0], "id")
    assert "(kemungkinan yang dimaksud adalah single-child)" in render(found[0], "id")


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    report = check(documented(RULE))
    assert as_data(f for f in report.findings if f.rule == RULE) == [
        ("1", "stale", {"label": "Meningkatnya kualitas layanan publik", "silenced": "missing-owner"}),
        (
            "1",
            "unknown-close",
            {
                "label": "Meningkatnya kualitas layanan publik",
                "silenced": "single-chlid",
                "suggestions": ["single-child"],
            },
        ),
    ]


def test_a_silence_naming_no_rule_close_to_any_is_worded_without_a_suggestion():
    found = run_rule(RULE, DOC.replace("single-chlid", "zzz-qqq"))
    assert as_data(found) == [
        ("1", "unknown", {"label": "Meningkatnya kualitas layanan publik", "silenced": "zzz-qqq", "suggestions": []})
    ]
    assert (
        render(found[0], "id")
        == 'Pengecualian pada "Meningkatnya kualitas layanan publik" menyebut aturan "zzz-qqq" yang tidak ada'
    )
