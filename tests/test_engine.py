"""The checker engine: frozen graph, silences, broken rules, several files, exit codes, order."""

import networkx as nx
import pytest
from helpers import SAMPLES, graph_from_yaml

from kinerja_graph import checks, config, engine, pipeline
from kinerja_graph.checks.base import Rule
from kinerja_graph.config import RuleSetting
from kinerja_graph.messages import render

DOC = """
organisation: {name: Kecamatan Uji, id: uji}
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat,
     indicators: [{name: IKM, formula: rata-rata nilai survei, source: Laporan survei}]}
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya layanan sesuai SOP
    level: immediate outcome
    indicators: [{name: Persentase layanan sesuai SOP, formula: a / b x 100%, source: Register layanan}]
    ignore: [{rule: missing-owner, reason: PJ masih ditetapkan}]
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output,
     indicators: [{name: Jumlah SOP, formula: jumlah SOP yang disahkan, source: Arsip}]}
  - {id: "1.1.2", parent: "9", statement: Terlaksananya pelayanan sesuai SOP, level: output, owner: Kasi,
     indicators: [{name: Jumlah layanan, formula: jumlah layanan tercatat, source: Register}]}
"""


def check_paths(paths, settings_for):
    """The pipeline's report over these files, each checked with settings_for(path)."""
    return pipeline.run(paths, settings_for=settings_for).report


def settings(**changes):
    return config.default_settings().override(**changes)


def test_findings_are_sorted_by_line_and_silences_are_counted_with_their_reason():
    report = engine.check_graph(graph_from_yaml(DOC), settings(select=["missing-owner", "orphan-node", "stale-ignore"]))
    assert [(f.rule, f.node, f.line) for f in report.findings] == [
        ("missing-owner", "1.1.1", 12),
        ("orphan-node", "1.1.2", 14),
    ]
    assert [(s.finding.rule, s.finding.node, s.reason) for s in report.silenced] == [
        ("missing-owner", "1.1", "PJ masih ditetapkan")
    ]
    assert report.rules == ["missing-owner", "orphan-node", "stale-ignore"]
    assert set(report.timings) == set(report.rules)


def test_the_graph_given_to_rules_is_frozen():
    G = graph_from_yaml(DOC)
    engine.check_graph(G, settings(select=["cycle"]))
    assert nx.is_frozen(G)


class _Boom(Rule):
    id = "boom"
    area = "structure"
    summary = rationale = {"id": "x", "en": "x"}
    messages = {"default": {"id": "x {label}", "en": "x {label}"}}

    def check(self, ctx):
        yield ctx.finding("1", label="x")
        raise ZeroDivisionError("division by zero in a rule")


class _Mutator(Rule):
    id = "mutator"
    area = "structure"
    summary = rationale = {"id": "x", "en": "x"}
    messages = {"default": {"id": "x", "en": "x"}}

    def check(self, ctx):
        ctx.graph.add_node("sneaky")  # a frozen graph refuses
        yield from ()


@pytest.fixture
def broken_rules(monkeypatch):
    registry = {**checks.all_rules(), "boom": _Boom(), "mutator": _Mutator()}
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    pack = config.load_default_pack()
    pack.rules["boom"] = RuleSetting(True, "error", {})
    pack.rules["mutator"] = RuleSetting(True, "error", {})
    return config.Settings(pack, select=("boom", "mutator", "orphan-node"))


def test_a_rule_that_raises_is_an_internal_error_naming_it_and_the_others_still_run(broken_rules, monkeypatch):
    monkeypatch.delenv(engine.DEBUG_ENV, raising=False)
    G = graph_from_yaml(DOC)
    report = engine.check_graph(G, broken_rules)
    errors = {e.rule: e for e in report.errors}
    assert set(errors) == {"boom", "mutator"}
    assert errors["boom"].kind == "internal"
    assert errors["boom"].message == "internal error in rule boom: ZeroDivisionError: division by zero in a rule"
    assert errors["boom"].lines() == [f"{G.graph['file']}: {errors['boom'].message}"]  # the user's file, no code path
    assert "Frozen graph" in errors["mutator"].message
    assert "sneaky" not in G
    assert [f.rule for f in report.findings] == ["orphan-node"]  # boom's half-finished findings are dropped
    monkeypatch.setenv(engine.DEBUG_ENV, "1")  # where in the code, for a bug report
    again = {e.rule: e for e in engine.check_graph(graph_from_yaml(DOC), broken_rules).errors}
    assert "test_engine.py" in again["boom"].message
    whole = engine.Report([report])
    assert whole.exit_code() == 2 and whole.summary()["internal_errors"] == 2


class _Unprepared(Rule):
    id = "unprepared"
    area = "structure"
    summary = rationale = {"id": "x", "en": "x"}
    messages = {"default": {"id": "x", "en": "x"}}

    def prepare(self, ctx):
        raise ValueError("cannot prepare")

    def check(self, ctx):  # never reached: its prepare broke
        yield ctx.finding("1")


def test_prepare_runs_before_any_check_and_a_broken_one_is_one_internal_error(monkeypatch):
    seen = []

    class _Reader(Rule):
        id = "reader"
        area = "structure"
        summary = rationale = {"id": "x", "en": "x"}
        messages = {"default": {"id": "x", "en": "x"}}

        def check(self, ctx):
            seen.append(ctx.index.doubtful_levels)
            yield from ()

    class _Doubter(_Reader):
        id = "zz-doubter"  # its check runs after "reader"'s, its prepare before any check

        def prepare(self, ctx):
            ctx.index._memo["doubtful levels"] = frozenset({"1"})

    registry = {**checks.all_rules(), "unprepared": _Unprepared(), "reader": _Reader(), "zz-doubter": _Doubter()}
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    pack = config.load_default_pack()
    for rule_id in ("unprepared", "reader", "zz-doubter"):
        pack.rules[rule_id] = RuleSetting(True, "error", {})
    report = engine.check_graph(
        graph_from_yaml(DOC), config.Settings(pack, select=("unprepared", "reader", "zz-doubter"))
    )
    assert [(e.rule, e.message) for e in report.errors] == [
        ("unprepared", "internal error in rule unprepared: ValueError: cannot prepare")
    ]
    assert seen == [frozenset({"1"}), frozenset({"1"})]  # "reader" checks first, and sees what was prepared


def test_exit_codes_follow_fail_on():
    G = graph_from_yaml(DOC)
    only_info = settings(select=["single-child"])
    assert engine.Report([engine.check_graph(G, only_info)]).exit_code() == 0  # info does not reach error
    assert engine.Report([engine.check_graph(G, only_info.override(fail_on="info"))]).exit_code() == 1
    assert engine.Report([engine.check_graph(G, only_info.override(fail_on="warning"))]).exit_code() == 0
    errors = settings(select=["orphan-node"])
    assert engine.Report([engine.check_graph(G, errors)]).exit_code() == 1


def test_several_files_an_unreadable_one_is_reported_and_the_others_checked(tmp_path):
    good = tmp_path / "uji.yaml"
    good.write_text(DOC, encoding="utf-8")
    bad = tmp_path / "rusak.yaml"
    bad.write_text("organisation: {name: X}\nnodes: [\n", encoding="utf-8")
    missing = tmp_path / "tidak-ada.csv"
    report = check_paths([str(bad), str(good), str(missing)], lambda p: settings(select=["orphan-node"]))
    assert [r.file for r in report.files] == [str(bad), str(good), str(missing)]
    assert [r.readable for r in report.files] == [False, True, False]
    assert "not valid YAML" in report.files[0].errors[0].message
    assert "no such file" in report.files[2].errors[0].message
    assert [f.node for f in report.files[1].findings] == ["1.1.2"]
    assert report.exit_code() == 2
    assert report.summary() == {
        "files": 3,
        "error": 1,
        "warning": 0,
        "info": 0,
        "silenced": 0,
        "unreadable": 2,
        "internal_errors": 0,
    }


def test_every_cascade_of_the_run_is_visible_to_the_rules(tmp_path, monkeypatch):
    seen = {}

    class _Spy(Rule):
        id = "spy"
        area = "structure"
        summary = rationale = {"id": "x", "en": "x"}
        messages = {"default": {"id": "x", "en": "x"}}

        def check(self, ctx):
            seen[ctx.graph.graph["file"]] = sorted(ctx.graph.graph["cascades"])
            yield from ()

    registry = {**checks.all_rules(), "spy": _Spy()}
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(DOC, encoding="utf-8")
    b.write_text(DOC.replace("id: uji", "id: lain"), encoding="utf-8")
    check_paths([str(a), str(b)], lambda p: settings(select=["spy"]))
    assert seen == {str(a): ["lain", "uji"], str(b): ["lain", "uji"]}


def test_each_file_gets_the_settings_that_apply_to_it(tmp_path):
    (tmp_path / "ketat").mkdir()
    (tmp_path / "ketat" / "kinerja.toml").write_text('fail-on = "info"\nselect = ["single-child"]\n', encoding="utf-8")
    strict, plain = tmp_path / "ketat" / "a.yaml", tmp_path / "b.yaml"
    strict.write_text(DOC, encoding="utf-8")
    plain.write_text(DOC, encoding="utf-8")
    report = check_paths([str(strict), str(plain)], config.Resolver())
    assert report.files[0].rules == ["single-child"] and report.files[0].fail_on == "info"
    assert report.files[0].failed()
    assert "single-child" in report.files[1].rules and report.files[1].fail_on == "error"


def test_the_run_is_deterministic():
    def run():
        report = check_paths(
            [str(SAMPLES / "pujon.yaml"), str(SAMPLES / "praya.yaml")], lambda p: config.default_settings()
        )
        return [(f.file, f.rule, f.node, f.related, render(f, "id")) for f in report.findings]

    first = run()
    assert first and first == run()


def test_all_samples_check_without_internal_errors():
    paths = sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in (".yaml", ".csv", ".json", ".xlsx"))
    report = check_paths(paths, lambda p: config.default_settings())
    assert report.errors == []
    assert all(r.findings for r in report.files)  # every sample keeps its authors' defects


def test_every_rule_survives_a_cascade_with_holes():
    """Goals without level or owner, loose indicators, self-parents, dangling and crosscutting links."""
    from kinerja_graph.graph import build_graph
    from kinerja_graph.model import Cascade, Crosscut, Indicator, Node, Organisation, Silence, Target

    nodes = [
        Node(id="1", statement="Meningkatnya kinerja", level=None, parents=["1"]),
        Node(
            id="2",
            statement="Meningkatnya layanan",
            level="intermediate_outcome",
            parents=["1", "hilang"],
            crosscutting=[Crosscut("BKPSDM"), Crosscut("lain", "9")],
            ignore=[Silence("tidak-ada"), Silence("cycle")],
        ),
        Node(
            id="3",
            statement=None,
            indicators=[Indicator(name="Jumlah laporan", targets={2024: Target("", kind="blank")})],
            parents=["2"],
        ),
        Node(
            id="4",
            statement="  Penyusunan SOP  ",
            level="process",
            parents=["3"],
            owner="",
            indicators=[Indicator(name="", formula="", unit="", source="", targets={})],
        ),
        Node(id="5", statement="x" * 5000, level="output", parents=["2", "2"], owner="-"),
    ]
    G = build_graph(Cascade(Organisation("Uji", "kecamatan"), nodes, period=[2024, 2025], file="lubang.yaml"))
    report = engine.check_graph(G, config.default_settings())
    assert report.errors == [], [e.message for e in report.errors]
    assert {"orphan-node", "orphan-indicator", "cycle", "stale-ignore"} <= {f.rule for f in report.findings}
    assert all(len(render(f, "id")) < 2000 for f in report.findings)  # long statements are quoted short


def test_the_garbage_collector_is_paused_during_the_run_and_restored_after(monkeypatch):
    import gc

    states = []

    class _Probe(Rule):
        id = "probe"
        area = "structure"
        summary = rationale = {"id": "x", "en": "x"}
        messages = {"default": {"id": "x", "en": "x"}}

        def check(self, ctx):
            states.append(gc.isenabled())
            yield from ()

    registry = {**checks.all_rules(), "probe": _Probe()}
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    assert gc.isenabled()
    engine.check_graph(graph_from_yaml(DOC), settings(select=["probe"]))
    assert states == [False] and gc.isenabled()
    gc.disable()
    try:
        engine.check_graph(graph_from_yaml(DOC), settings(select=["probe"]))
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()


def test_a_silence_of_a_node_whose_id_is_given_twice_still_silences():
    """The engine reads the silences off the models its rules' Index read only when they are the cascade's own
    nodes; an id given twice leaves the graph one node, and the earlier model's silence still counts."""
    from kinerja_graph.graph import build_graph
    from kinerja_graph.model import Cascade, Node, Organisation, Silence

    statement = "Meningkatnya kualitas layanan publik"
    nodes = [
        Node("1", statement, "intermediate_outcome", ignore=[Silence("missing-owner", "PJ masih ditetapkan")]),
        Node("1", statement, "intermediate_outcome"),
        Node(
            "2", "Meningkatnya ketertiban umum", "intermediate_outcome", owner="Camat", ignore=[Silence("cycle", "-")]
        ),
    ]
    report = engine.check_graph(
        build_graph(Cascade(Organisation("Uji"), nodes), indexed=True),
        settings(select=["missing-owner", "stale-ignore", "cycle"]),
    )
    assert [(f.rule, f.node) for f in report.findings] == [("stale-ignore", "2")]
    assert [(s.finding.rule, s.finding.node, s.reason) for s in report.silenced] == [
        ("missing-owner", "1", "PJ masih ditetapkan")
    ]
