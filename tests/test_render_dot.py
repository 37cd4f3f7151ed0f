"""The diagram description (DOT) built from the graph: bands, boxes, edges, crosscutting, findings,
escaping, determinism, and which goals go into which picture. Needs no Graphviz."""

from __future__ import annotations

import html
from types import SimpleNamespace

import pytest
from helpers import graph_from_yaml
from test_render_support import (
    HOSTILE,
    flat,
    generated_graph,
    hostile_document,
    parse_dot,
    sample_graph,
    where_drawn,
    write_yaml,
)

from kinerja_graph import api, policy
from kinerja_graph.render import DiagramOptions, RenderError, build_diagram, load_style, plan
from kinerja_graph.render.labels import esc, wrap
from kinerja_graph.render.plan import slug

STYLE = load_style()
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot on pyparsing 3.3


def dot_of(G, findings=None, **options):
    return build_diagram(G, None, findings, DiagramOptions(**options)).source


def goals_of(G):
    return [n for n, d in G.nodes(data=True) if d["kind"] in ("goal", "indicator")]


def name(G, n):
    return f"g{G.nodes[n]['order']}"


@pytest.fixture(scope="module")
def praya():
    return sample_graph("praya")


@pytest.fixture(scope="module")
def sokaraja():
    return sample_graph("sokaraja")


# ------------------------------------------------------------------ every goal, once, on its band


@pytest.mark.slow
@pytest.mark.parametrize("sample", ["praya", "sokaraja", "pino-raya", "pujon", "batumandi"])
def test_every_goal_is_drawn_exactly_once(sample):
    G = sample_graph(sample)
    model = parse_dot(dot_of(G))
    for n in goals_of(G):
        assert len(where_drawn(model, G, n)) == 1, f"{sample}: goal {n} drawn {where_drawn(model, G, n)}"


@pytest.mark.slow
def test_each_level_is_one_rank_with_its_band_caption(praya):
    model = parse_dot(dot_of(praya))
    levels = policy.levels()
    assert len(model.ranks) == 5
    for names in model.ranks:
        bands = [x for x in names if x.startswith("band")]
        assert len(bands) == 1, names
        rank = int(bands[0][4:])
        for ref in names:
            if ref.startswith("g"):
                goal = next(n for n in goals_of(praya) if name(praya, n) == ref)
                assert praya.nodes[goal]["rank"] == rank
            elif ref.startswith("s"):  # a column of leaves: all of one level
                label = model.label(ref)
                members = [n for n in goals_of(praya) if f'PORT="{name(praya, n)}"' in label]
                assert members and {praya.nodes[m]["rank"] for m in members} == {rank}
    # every goal with a level sits on the rank of its level
    on_rank = {ref: names for names in model.ranks for ref in names}
    for n in goals_of(praya):
        ref = where_drawn(model, praya, n)[0]
        band = [x for x in on_rank[ref] if x.startswith("band")][0]
        assert int(band[4:]) == praya.nodes[n]["rank"] == levels.by_id(praya.nodes[n]["level"]).rank
    # the captions are chained top to bottom so that the bands keep their order
    chain = [(t, h) for t, h, a in model.edges if t.startswith("band") and h.startswith("band")]
    assert chain == [("band0", "band1"), ("band1", "band2"), ("band2", "band3"), ("band3", "band4")]
    assert all(a.get("style") == "invis" for t, h, a in model.edges if t.startswith("band"))


@pytest.mark.slow
def test_band_captions_name_tier_and_level_in_both_languages(praya):
    id_model = parse_dot(dot_of(praya, lang="id"))
    en_model = parse_dot(dot_of(praya, lang="en"))
    band = {k: flat(id_model.label(k)) for k in id_model.nodes if k.startswith("band")}
    assert (
        "Kinerja Strategis —" in band["band0"] and "Ultimate Outcome" in band["band0"] and "(Tujuan)" in band["band0"]
    )
    assert "Kinerja Strategis" not in band["band1"] and "Intermediate Outcome" in band["band1"]
    assert "Kinerja Taktikal —" in band["band2"] and "Immediate Outcome" in band["band2"]
    assert "Kinerja Operasional —" in band["band3"] and "Proses" in band["band4"]
    assert "Strategic performance —" in flat(en_model.label("band0")) and "Process" in en_model.label("band4")
    assert "Pohon Kinerja Kecamatan Praya" in id_model.attrs["label"]
    assert "Performance Tree of Kecamatan Praya" in en_model.attrs["label"]


@pytest.mark.slow
def test_goal_box_holds_statement_indicators_owner_and_tier_fill(praya):
    model = parse_dot(dot_of(praya))
    label = model.label(name(praya, "1.2"))
    assert "<B>Meningkatnya<BR/>kualitas" in label  # wrapped and bold
    assert "<I>Indikator:</I>" in label and "Persentase desa dan kelurahan cepat" in flat(label)
    assert "<I>PJ:</I><B> Camat</B>" in label
    assert f'BGCOLOR="{STYLE.colours["tiers"]["strategic"]}"' in label
    tactical = model.label(name(praya, "1.2.1"))
    assert f'BGCOLOR="{STYLE.colours["tiers"]["tactical"]}"' in tactical
    assert "<B> Kasi Pem &amp;</B> <B>Lurah</B>" in flat(tactical)


@pytest.mark.slow
def test_missing_indicator_and_owner_are_marked(praya):
    model = parse_dot(dot_of(praya))
    output = model.label(name(praya, "1.1.1.1"))  # outputs of the Praya chart carry neither
    assert f'BGCOLOR="{STYLE.colours["missing"]}"' in output and "belum ada: Indikator, PJ" in output
    complete = model.label(name(praya, "1.1.1"))
    assert "belum ada" not in complete
    en = parse_dot(dot_of(praya, lang="en")).label(name(praya, "1.1.1.1"))
    assert "missing: Indicator, Owner" in en


def test_year_shows_each_indicators_target_and_marks_a_missing_one():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Uji}
        nodes:
          - {id: A, statement: Tujuan, level: tujuan, owner: Camat,
             indicators: [{name: IKM, unit: "%", targets: {2024: "80", 2025: "85"}}, {name: Lain, targets: {2025: "3 Dokumen"}}]}
    """)
    label = flat(parse_dot(dot_of(G, year=2024)).label("g0"))
    assert "<I>Target 2024:</I> 80 %" in label
    assert "belum ada: Target 2024" in label  # the second indicator has no 2024 target
    assert "Target" not in parse_dot(dot_of(G)).label("g0")


# ------------------------------------------------------------------ edges


def test_contribution_edges_run_parent_to_child_with_the_arrow_at_the_parent(sokaraja):
    model = parse_dot(dot_of(sokaraja))
    edges = {(t.split(":")[0], h.split(":")[0]): a for t, h, a in model.edges if "box" in t}
    for u, v, d in sokaraja.edges(data=True):
        if d["kind"] != "contribution":
            continue
        head = where_drawn(model, sokaraja, v)[0]
        assert (name(sokaraja, u), head) in edges, (u, v)
        attrs = edges[(name(sokaraja, u), head)]
        assert attrs["dir"] == "back" and attrs["arrowtail"] == "normal" and "style" not in attrs
    # tails leave the bottom of the parent's box and enter the top of the child's
    for t, h, a in model.edges:
        if a.get("dir") == "back":
            assert t.endswith(":box:s") and h.endswith(":box:n")


@pytest.mark.slow
def test_sibling_leaves_form_one_column_with_one_edge(praya):
    model = parse_dot(dot_of(praya))
    column = where_drawn(model, praya, "1.2.1.1.1")[0]
    assert column.startswith("s")
    members = [f"1.2.1.1.{i}" for i in range(1, 7)]
    assert all(where_drawn(model, praya, m) == [column] for m in members)
    label = model.label(column)
    assert [label.index(f'PORT="{name(praya, m)}"') for m in members] == sorted(
        label.index(f'PORT="{name(praya, m)}"') for m in members
    )  # document order, top to bottom
    into = [(t, h) for t, h, a in model.edges if h.split(":")[0] == column]
    assert into == [(f"{name(praya, '1.2.1.1')}:box:s", f"{column}:box:n")]
    # --no-stack: every leaf its own box
    flat = parse_dot(dot_of(praya, stack_leaves=0))
    assert not [k for k in flat.nodes if k.startswith("s")]
    assert all(where_drawn(flat, praya, m) == [name(praya, m)] for m in members)


@pytest.mark.slow
def test_crosscutting_bodies_are_hexagons_joined_by_dashed_labelled_edges(praya):
    model = parse_dot(dot_of(praya))
    hexagons = {k: a for k, a in model.nodes.items() if a.get("shape") == "hexagon"}
    labels = " ".join(a["label"] for a in hexagons.values())
    for body in ("BKPSDM", "Satpol PP", "TNI", "POLRI"):
        assert labels.count(f">{body}<") == 1, body  # each body drawn once
    # Satpol PP, TNI and POLRI are named by the same goal: one box, as the Praya chart draws them
    assert len(hexagons) == 2
    dashed = [(t, h, a) for t, h, a in model.edges if a.get("style") == "dashed"]
    assert len(dashed) == 2
    for _, h, a in dashed:
        assert h in hexagons and a["label"] == "<Cross Cutting>" and a["dir"] == "none" and a["constraint"] == "false"
    tails = {t.split(":")[0] for t, h, a in dashed}
    assert tails == {name(praya, "1.3.2.1"), name(praya, "1.4.4.1")}
    # beside the tree: on the rank of the goal naming them
    for hexagon in hexagons:
        rank = next(names for names in model.ranks if hexagon in names)
        assert "band3" in rank


def test_crosscutting_from_a_goal_inside_a_column_leaves_from_its_row():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Uji}
        nodes:
          - {id: A, statement: Tujuan, level: tujuan}
          - {id: B, parent: A, statement: Satu, level: sasaran, crosscutting: [BKPSDM]}
          - {id: C, parent: A, statement: Dua, level: sasaran}
    """)
    model = parse_dot(dot_of(G))
    dashed = [(t, h) for t, h, a in model.edges if a.get("style") == "dashed"]
    assert dashed == [("s1:g1", "x3")]


# ------------------------------------------------------------------ findings overlay


def finding(node, severity):
    return SimpleNamespace(node=node, severity=severity)


def test_findings_give_red_or_amber_borders_and_counts(praya):
    findings = [
        finding("1.1", "error"),
        finding("1.1", "warning"),
        finding("1.1", "error"),
        finding("1.2", "warning"),
        finding("1.3", "info"),
        finding(None, "error"),
        finding("crosscutting:BKPSDM", "warning"),
    ]
    model = parse_dot(dot_of(praya, findings))
    c = STYLE.colours
    one = model.label(name(praya, "1.1"))
    assert f'BORDER="3" COLOR="{c["error"]}"' in one and "■ 2" in one and "▲ 1" in one
    two = model.label(name(praya, "1.2"))
    assert f'BORDER="3" COLOR="{c["warning"]}"' in two and "▲ 1" in two and "■" not in two
    three = model.label(name(praya, "1.3"))  # info is not marked
    assert f'BORDER="1" COLOR="{c["border"]}"' in three and "■" not in three and "▲" not in three
    hexagon = next(a for a in model.nodes.values() if a.get("shape") == "hexagon" and "BKPSDM" in a["label"])
    assert hexagon["color"] == c["warning"] and "▲ 1" in hexagon["label"]
    legend = flat(model.attrs["label"])
    assert "galat (error)" in legend and "peringatan (warning)" in legend
    assert "1 temuan tentang cascading secara keseluruhan" in legend


@pytest.mark.slow
def test_without_findings_no_marks_and_no_findings_legend(praya):
    source = dot_of(praya)
    assert "■" not in source and "▲" not in source and STYLE.colours["error"] not in source
    # an empty list means "checked, nothing found": the legend still explains the marks
    assert "galat (error)" in flat(parse_dot(dot_of(praya, [])).attrs["label"])


# ------------------------------------------------------------------ odd cascades


def test_unknown_level_and_indicators_without_goal_are_drawn_and_said():
    from kinerja_graph.graph import build_graph
    from kinerja_graph.model import Cascade, Indicator, Node, Organisation

    # the loaders refuse a goal without a level; the graph (and so the diagram) must still cope
    G = build_graph(
        Cascade(
            Organisation("Uji"),
            [
                Node("A", "Tujuan", "ultimate_outcome", owner="Camat", indicators=[Indicator("IKM")]),
                Node("B", "Tanpa level", None, parents=["A"], owner="Kasi", indicators=[Indicator("X")]),
                Node("L", None, "output", indicators=[Indicator("Indikator yatim")]),
            ],
        )
    )
    model = parse_dot(dot_of(G))
    b = model.label(name(G, "B"))
    assert "level tidak dikenal" in b and f'BGCOLOR="{STYLE.colours["no_level"]}"' in b
    assert not any(name(G, "B") in names for names in model.ranks)  # floats between the bands
    loose = model.label(name(G, "L"))
    assert "Indikator tanpa sasaran" in loose and "Indikator yatim" in loose and 'STYLE="rounded,dashed"' in loose
    assert any(name(G, "L") in names and "band3" in names for names in model.ranks)


def test_cycles_and_missing_parents_do_not_break_the_drawing():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Uji}
        nodes:
          - {id: A, parent: C, statement: Satu, level: tujuan}
          - {id: B, parent: A, statement: Dua, level: sasaran}
          - {id: C, parent: B, statement: Tiga, level: program}
          - {id: D, parent: NOPE, statement: Empat, level: output}
    """)
    model = parse_dot(dot_of(G))
    assert all(len(where_drawn(model, G, n)) == 1 for n in goals_of(G))
    for split in (True, None):
        p = plan(G, STYLE, split=split)
        assert set(goals_of(G)) <= {n for part in p.parts for n in part.nodes}


def test_empty_cascade_gives_a_titled_empty_diagram():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Kosong}
        nodes: []
    """)
    model = parse_dot(dot_of(G))
    assert "Pohon Kinerja Kosong" in model.attrs["label"] and not model.ranks


# ------------------------------------------------------------------ safety and determinism


def test_hostile_text_is_escaped_in_the_dot(tmp_path):
    G = api.load_graph(str(write_yaml(tmp_path / "hostile.yaml", hostile_document())))
    source = dot_of(G, year=2024)
    model = parse_dot(source)  # still exactly one well-formed graph
    assert "<script>" not in source and "<b>tebal" not in source and "<![CDATA" not in source
    assert esc(HOSTILE["markup"].split(" ")[1]) in source  # &lt;script&gt;alert(1)&lt;/script&gt;
    assert "\\\\N" in source and "\\\\G" in source  # every backslash doubled: Graphviz shows one
    assert "&amp;amp;" in source and "&amp;#65;" in source
    assert not any("\t" in a.get("label", "") for a in model.nodes.values())
    # user text never names a Graphviz node or becomes a plain attribute
    assert all(k.startswith(("g", "s", "x", "band")) for k in model.nodes)
    for n in goals_of(G):
        assert len(where_drawn(model, G, n)) == 1


def test_control_characters_become_replacement_characters():
    G = generated_graph((1,))
    G.nodes["1"]["statement"] = "Bel\x07 dan NUL\x00 dan \ufffe akhir"
    source = dot_of(G)
    assert "\x07" not in source and "\x00" not in source and "\ufffe" not in source
    assert "Bel\ufffd dan" in source


def test_wrap_keeps_every_character_and_cuts_only_giant_words():
    text = HOSTILE["long"]
    lines = wrap(text, 16)
    assert max(map(len, lines)) <= 16 and " ".join(lines) == " ".join(text.split(" ")).strip()
    giant = wrap("x" * 100, 10)
    assert "".join(giant) == "x" * 100 and max(map(len, giant)) == 20
    assert wrap("satu\ndua", 40) == ["satu", "dua"]
    assert html.unescape(esc('<a href="x">&</a>')) == '<a href="x">&</a>'


def test_dot_is_identical_on_every_build(sokaraja):
    first = dot_of(sokaraja, year=2021, findings=[finding("1.1", "error")])
    again = dot_of(sample_graph("sokaraja"), year=2021, findings=[finding("1.1", "error")])
    assert first == again
    assert "\\N" not in first.replace("\\\\", "")  # nothing Graphviz would substitute


@pytest.mark.slow
def test_direction_lr_turns_the_bands_into_columns(praya):
    model = parse_dot(dot_of(praya, direction="LR"))
    assert model.attrs["rankdir"] == "LR"
    assert all(t.endswith(":box:e") and h.endswith(":box:w") for t, h, a in model.edges if a.get("dir") == "back")
    with pytest.raises(ValueError):
        dot_of(praya, direction="BT")


@pytest.mark.slow
def test_wrap_option_changes_the_line_length(praya):
    narrow = parse_dot(dot_of(praya, wrap=10)).label(name(praya, "1.2"))
    wide = parse_dot(dot_of(praya, wrap=60)).label(name(praya, "1.2"))
    assert narrow.count("<BR/>") > wide.count("<BR/>")
    assert "Meningkatnya kualitas pembangunan dan penyelenggaraan" in wide


# ------------------------------------------------------------------ what goes into which picture


def test_root_and_depth_select_a_subtree(praya):
    p = plan(praya, STYLE, root="1.2")
    assert p.parts[0].nodes[0] == "1.2" and all(n.startswith("1.2") for n in p.parts[0].nodes)
    assert len(p.parts[0].nodes) == 1 + 4 + 4 + 15
    shallow = plan(praya, STYLE, root="1.2", depth=1).parts[0]
    assert shallow.nodes == ["1.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4"]
    top = plan(praya, STYLE, depth=1).parts[0]
    assert top.nodes == ["1", "1.1", "1.2", "1.3", "1.4"]
    # goals cut off say how many goals are below them
    model = parse_dot(build_diagram(praya, shallow).source)
    assert "▼ 7 kinerja di bawahnya" in flat(model.label(name(praya, "1.2.1")))  # its output and 6 processes
    assert "Bagian: 1.2 Meningkatnya kualitas pembangunan" in flat(model.attrs["label"])
    with pytest.raises(RenderError, match="tidak ada kinerja dengan id itu"):
        plan(praya, STYLE, root="9.9")
    with pytest.raises(RenderError, match="no goal has that id"):
        plan(praya, STYLE, "en", root="9.9")


def test_split_draws_an_overview_and_one_picture_per_intermediate_outcome(praya):
    p = plan(praya, STYLE, split=True)
    assert p.split and not p.automatic
    keys = [part.key for part in p.parts]
    assert keys == ["", "1.1", "1.2", "1.3", "1.4"]
    overview = p.parts[0]
    assert overview.kind == "overview" and overview.nodes == ["1", "1.1", "1.2", "1.3", "1.4"]
    assert overview.links == {"1.1": "1.1", "1.2": "1.2", "1.3": "1.3", "1.4": "1.4"}
    for part in p.parts[1:]:
        assert part.focus == part.key and all(n == part.key or n.startswith(part.key + ".") for n in part.nodes)
    assert set(goals_of(praya)) == {n for part in p.parts for n in part.nodes}
    model = parse_dot(build_diagram(praya, overview, links={"1.2": "pohon-1.2.svg"}).source)
    assert "▼ 23 kinerja di bawahnya · lihat pohon-1.2.svg" in flat(model.label(name(praya, "1.2")))
    assert all(len(where_drawn(model, praya, n)) == 1 for n in overview.nodes)  # not stacked: they have more below


def test_split_is_automatic_above_the_limit_and_every_goal_is_drawn():
    G = generated_graph((4, 4, 4, 5), indicator_only=2)  # 1 + 4 + 16 + 64 + 320 goals, 2 loose indicators
    total = len(goals_of(G))
    p = plan(G, STYLE)
    assert total > STYLE.auto_split_goals and p.automatic and p.total == total
    assert max(len(part.nodes) for part in p.parts) <= STYLE.auto_split_goals
    assert set(goals_of(G)) == {n for part in p.parts for n in part.nodes}
    assert p.parts[-1].kind == "rest" and p.parts[-1].nodes == ["lepas-1", "lepas-2"]
    assert len({part.key for part in p.parts}) == len(p.parts)
    assert not plan(G, STYLE, split=False).split
    small = plan(G, STYLE, root="1.1")
    assert not small.split and len(small.parts[0].nodes) == 1 + 4 + 16 + 80


def test_a_branch_still_too_big_is_split_again():
    G = generated_graph((2, 30, 10))  # each intermediate outcome holds 331 goals
    p = plan(G, STYLE)
    assert p.split
    assert max(len(part.nodes) for part in p.parts) <= STYLE.auto_split_goals
    assert set(goals_of(G)) == {n for part in p.parts for n in part.nodes}
    branch = next(part for part in p.parts if part.key == "1.1")
    assert branch.kind == "branch" and len(branch.links) == 30 and len(branch.nodes) == 31


def test_slugs_are_safe_file_names_and_unique():
    assert slug("1.2") == "1.2"
    assert slug("../../etc/passwd") == "etc_passwd"
    assert slug("a/b c") == "a_b_c" and slug("...") == "part"
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Uji}
        nodes:
          - {id: R, statement: Tujuan, level: tujuan}
          - {id: "a/b", parent: R, statement: Satu, level: sasaran}
          - {id: "a b", parent: R, statement: Dua, level: sasaran}
          - {id: "a/b.1", parent: "a/b", statement: Tiga, level: program}
          - {id: "a b.1", parent: "a b", statement: Empat, level: program}
    """)
    keys = [part.key for part in plan(G, STYLE, split=True).parts]
    assert keys == ["", "a_b", "a_b-2"]
