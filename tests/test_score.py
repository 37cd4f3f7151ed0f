"""The report's quality score (kinerja_graph/score.py, rules/score.yaml): the documented formula,
normalised by size, silences and unchecked areas left out, and the policy file validated."""

from __future__ import annotations

import math

import pytest
from helpers import SAMPLES, cascade_from_yaml, graph_from_yaml

from kinerja_graph import checks, config, engine, loaders, score
from kinerja_graph.errors import PolicyError
from kinerja_graph.findings import Finding
from kinerja_graph.graph import build_graph


def _check(G, settings=None):
    return engine.check_graph(G, settings or config.default_settings())


def _score_of(text: str, settings=None) -> score.Score:
    G = graph_from_yaml(text)
    return score.score_graph(G, _check(G, settings))


def _finding(rule: str, severity: str, area: str, node: str | None = "1") -> Finding:
    return Finding(rule, severity, node, area=area)


ALL_RULES = list(checks.all_rules())


def test_policy_file_loads_and_is_validated(tmp_path):
    sp = score.load_score_policy()
    assert set(sp.areas) == {"structure", "levels", "redundancy", "ownership", "indicators"}
    assert sp.severity_weights["error"] > sp.severity_weights["warning"] >= sp.severity_weights["info"]
    assert sp.lke_name("1.b.8", "id") and sp.lke_name("1.b.8", "en")

    bad = tmp_path / "score.yaml"
    bad.write_text(
        "severity_weights: {error: -1, warning: 0.3, info: 0}\nhalf_density: 0\nwhole_cascade: 1\n"
        "areas: {}\nsurprise: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as err:
        score.load_score_policy(bad)
    text = str(err.value)
    assert str(bad) in text
    for key in ("severity_weights/error", "half_density", "areas", "surprise"):
        assert key in text, text


def test_policy_with_no_area_weight_is_refused(tmp_path):
    good = score.load_score_policy()
    lines = ["severity_weights: {error: 1, warning: 0.3, info: 0}", "half_density: 0.25", "whole_cascade: 1", "areas:"]
    for area in good.areas:
        lines.append(f"  {area}: {{name: {{id: a, en: a}}, size: goals, weight: 0}}")
    path = tmp_path / "score.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="weight above 0"):
        score.load_score_policy(path)


def test_the_documented_formula():
    sp = score.load_score_policy()
    sizes = score.Sizes(goals=10, indicators=20, nodes=10)
    s = score.compute([_finding("level-inversion", "error", "levels")], sizes, ALL_RULES, sp)
    w = sp.severity_weights["error"]
    expected = 100 * 0.5 ** ((w / 10) / sp.half_density)
    assert s.areas["levels"].score == pytest.approx(expected)
    assert s.areas["structure"].score == 100
    weights = {a: p.weight for a, p in sp.areas.items()}
    overall = sum(weights[a] * s.areas[a].score for a in weights) / sum(weights.values())
    assert s.overall == pytest.approx(overall)
    assert s.rounded == round(overall)


def test_a_finding_on_the_whole_cascade_counts_on_every_item_of_its_area():
    sp = score.load_score_policy()
    sizes = score.Sizes(goals=8, indicators=26, nodes=8)
    whole = score.compute([_finding("missing-formula", "warning", "indicators", node=None)], sizes, ALL_RULES, sp)
    each = score.compute(
        [_finding("missing-formula", "warning", "indicators", node=str(i)) for i in range(26)], sizes, ALL_RULES, sp
    )
    assert whole.areas["indicators"].score == pytest.approx(each.areas["indicators"].score)
    assert whole.areas["indicators"].score < 100


def test_goals_without_an_indicator_count_in_the_indicator_area():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Kecamatan Uji}
        nodes:
          - {id: "1", statement: Meningkatnya kualitas layanan, level: intermediate outcome, owner: Camat,
             indicators: [{name: Indeks Kepuasan Masyarakat}]}
          - {id: "1.1", parent: "1", statement: Meningkatnya ketertiban, level: immediate outcome, owner: Kasi Trantib}
    """)
    sizes = score.sizes_of(G)
    assert (sizes.goals, sizes.indicators, sizes.nodes, sizes.goals_without_indicator) == (2, 1, 2, 1)
    assert sizes.of("indicators") == 2


def test_severity_weights_order_the_sub_scores():
    sizes = score.Sizes(goals=10, indicators=10, nodes=10)
    error = score.compute([_finding("cycle", "error", "structure")], sizes, ALL_RULES)
    warning = score.compute([_finding("cycle", "warning", "structure")], sizes, ALL_RULES)
    info = score.compute([_finding("cycle", "info", "structure")], sizes, ALL_RULES)
    assert error.areas["structure"].score < warning.areas["structure"].score < 100
    assert info.areas["structure"].score == 100  # info: a question, not a defect (rules/score.yaml)


def test_normalised_by_size_so_cascades_of_different_sizes_compare():
    sizes_small = score.Sizes(goals=10, indicators=10, nodes=10)
    sizes_big = score.Sizes(goals=100, indicators=100, nodes=100)
    small = score.compute([_finding("level-skip", "warning", "levels")] * 2, sizes_small, ALL_RULES)
    big = score.compute([_finding("level-skip", "warning", "levels")] * 20, sizes_big, ALL_RULES)
    assert small.overall == pytest.approx(big.overall)
    bigger_but_same_count = score.compute([_finding("level-skip", "warning", "levels")] * 2, sizes_big, ALL_RULES)
    assert bigger_but_same_count.overall > small.overall


def test_the_score_never_reaches_zero_so_bad_versions_still_compare():
    sizes = score.Sizes(goals=5, indicators=5, nodes=5)
    bad = score.compute([_finding("cycle", "error", "structure")] * 20, sizes, ALL_RULES)
    worse = score.compute([_finding("cycle", "error", "structure")] * 40, sizes, ALL_RULES)
    assert 0 < worse.areas["structure"].score < bad.areas["structure"].score
    assert math.isfinite(worse.overall)


def test_a_clean_cascade_scores_100():
    G = build_graph(loaders.load(str(SAMPLES / "clean.yaml")))
    fr = _check(G)
    assert not [f for f in fr.findings if f.severity != "info"], "clean.yaml is expected to have no defect"
    s = score.score_graph(G, fr)
    assert s.rounded == 100
    assert all(a.checked and a.rounded == 100 for a in s.areas.values())


def test_real_samples_rank_as_their_defects_say():
    def of(name):
        G = build_graph(loaders.load(str(SAMPLES / name)))
        return score.score_graph(G, _check(G))

    clean, batumandi, praya = of("clean.yaml"), of("batumandi.yaml"), of("praya.yaml")
    assert batumandi.overall < clean.overall and praya.overall < clean.overall
    # Batumandi: five level inversions and four skips (samples/README.md) -> its levels are its weak area
    assert batumandi.areas["levels"].score < 50 < batumandi.areas["structure"].score
    # Batumandi: no formula, source or target for any of its 26 indicators
    assert batumandi.areas["indicators"].score < 25
    # Praya: 45 goals without an indicator
    assert praya.areas["indicators"].score < 25


def test_silenced_findings_do_not_count():
    base = """
        kinerja: 1
        organisation: {name: Kecamatan Uji, type: kecamatan}
        period: [2024, 2024]
        nodes:
          - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat,
             indicators: [{name: Indeks Kepuasan Masyarakat, formula: rata-rata nilai survei, unit: indeks,
                           source: Laporan survei, targets: {2024: "80"}}]}
          - id: "1.1"
            parent: "1"
            statement: Tersusunnya SOP pelayanan
            level: output
            owner: Kasi Pelayanan
            indicators: [{name: Jumlah SOP yang disusun, formula: jumlah SOP, unit: dokumen, source: Arsip SOP,
                          targets: {2024: "4 dokumen"}}]
          - id: "1.1.1"
            parent: "1.1"
            statement: Meningkatnya kepatuhan petugas pada SOP
            level: immediate outcome
            owner: Kasi Pelayanan
            indicators: [{name: Persentase layanan sesuai SOP, formula: layanan sesuai SOP / seluruh layanan x 100%,
                          unit: persen, source: Laporan layanan, targets: {2024: "90%"}}]
            IGNORE
    """
    loud = _score_of(base.replace("IGNORE", ""))
    assert any(a.counts["error"] for a in loud.areas.values())
    quiet = _score_of(base.replace("IGNORE", "ignore: [{rule: level-inversion, reason: disengaja untuk uji}]"))
    assert quiet.areas["levels"].score > loud.areas["levels"].score


def test_an_area_whose_rules_did_not_run_is_not_scored():
    settings = config.default_settings().override(select=["level-inversion", "level-skip"])
    G = build_graph(
        cascade_from_yaml("""
        kinerja: 1
        organisation: {name: Kecamatan Uji}
        nodes:
          - {id: "1", statement: Meningkatnya kualitas layanan, level: intermediate outcome}
    """)
    )
    s = score.score_graph(G, _check(G, settings))
    assert s.areas["levels"].checked and s.areas["levels"].rounded == 100
    for area in ("structure", "redundancy", "ownership", "indicators"):
        assert s.areas[area].score is None and not s.areas[area].checked
    assert s.rounded == 100  # the missing owner and indicator were not checked, so they do not count

    nothing = score.compute([], score.Sizes(1, 1, 1), [])
    assert nothing.overall is None and nothing.rounded is None
