"""The page description (DOT) built from the graph: bands, boxes, edges, orphans and trays, the
findings overlay, the structure layout, escaping, determinism, and which goals go on which page.
Needs no Graphviz."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path
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
from kinerja_graph.render.labels import esc, tag, wrap
from kinerja_graph.render.layout import place
from kinerja_graph.render.pages import Fit, paginate
from kinerja_graph.render.plan import Part, slug

STYLE = load_style()
RELIABILITY = Path(__file__).parent / "reproducers"  # the hostile-input reproducers, vendored
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot on pyparsing 3.3
ALL = ["praya", "sokaraja", "pino-raya", "pujon", "batumandi", "clean"]


def dot_of(G, findings=None, **options):
    return build_diagram(G, None, findings, DiagramOptions(**options)).source


def goals_of(G):
    return [n for n, d in G.nodes(data=True) if d["kind"] in ("goal", "indicator")]


def name(G, n):
    return f"g{G.nodes[n]['order']}"


def rank_of(model, ref):
    """The band key of the rank=same subgraph holding `ref`."""
    for names in model.ranks:
        if ref in names:
            return int(next(x for x in names if x.startswith("band"))[4:])
    return None


def finding(node, severity, rule="goal-is-activity", related=(), text="pesan"):
    return SimpleNamespace(
        node=node, severity=severity, rule=rule, related=tuple(related), message=lambda lang, t=text: f"{t} ({lang})"
    )


@pytest.fixture(scope="module")
def praya():
    return sample_graph("praya")


@pytest.fixture(scope="module")
def sokaraja():
    return sample_graph("sokaraja")


# ------------------------------------------------------------------ every goal, once, on its band


@pytest.mark.parametrize("sample", ALL)
def test_every_goal_is_its_own_box_drawn_exactly_once(sample):
    G = sample_graph(sample)
    model = parse_dot(dot_of(G))
    for n in goals_of(G):
        assert where_drawn(model, G, n) == [name(G, n)], f"{sample}: goal {n}"
    assert not [k for k in model.nodes if k.startswith("s")], "no column of stacked siblings"


def test_each_level_is_one_rank_with_its_band_caption(praya):
    model = parse_dot(dot_of(praya))
    levels = policy.levels()
    assert len(model.ranks) == 5
    for names in model.ranks:
        assert len([x for x in names if x.startswith("band")]) == 1, names
    for n in goals_of(praya):
        assert rank_of(model, name(praya, n)) == praya.nodes[n]["rank"] == levels.by_id(praya.nodes[n]["level"]).rank
    chain = [(t, h) for t, h, a in model.edges if t.startswith("band") and h.startswith("band")]
    assert chain == [("band0", "band1"), ("band1", "band2"), ("band2", "band3"), ("band3", "band4")]
    assert all(model.nodes[b].get("group") == "bands" for b in model.nodes if b.startswith("band"))


@pytest.mark.parametrize("sample", ALL)
def test_each_band_row_starts_at_its_caption_and_follows_the_tree(sample):
    """The caption is tied to the first box of its rank, and each box to the next, by invisible
    edges inside the rank (dot keeps such an edge's tail left of its head): the captions form the
    left column and siblings stand side by side in document order."""
    G = sample_graph(sample)
    model = parse_dot(dot_of(G))
    invisible = {(t, h) for t, h, a in model.edges if a.get("style") == "invis"}
    order = {name(G, n): G.nodes[n]["order"] for n in goals_of(G)}
    for names in model.ranks:
        band = next(x for x in names if x.startswith("band"))
        row = [x for x in names if x != band]
        chain = [band, *row]
        assert all((a, b) in invisible for a, b in zip(chain, chain[1:], strict=False)), band
        parents = place(G).parents
        for n in goals_of(G):  # siblings keep their document order within the row
            kids = [name(G, v) for v in place(G).kids.get(n, ()) if name(G, v) in row]
            assert [row.index(k) for k in kids] == sorted(row.index(k) for k in kids)
        assert parents is not None and order is not None


def test_band_captions_name_tier_and_level_in_both_languages(praya):
    id_model = parse_dot(dot_of(praya, lang="id"))
    en_model = parse_dot(dot_of(praya, lang="en"))
    band = {k: flat(id_model.label(k)) for k in id_model.nodes if k.startswith("band")}
    assert "Kinerja Strategis —" in band["band0"] and "Ultimate" in band["band0"] and "(Tujuan)" in band["band0"]
    assert "Kinerja Strategis" not in band["band1"] and "Intermediate" in band["band1"]
    assert "Kinerja Taktikal —" in band["band2"] and "Proses" in band["band4"]
    assert "Strategic performance —" in flat(en_model.label("band0")) and "Process" in en_model.label("band4")
    assert "Pohon Kinerja Kecamatan Praya" in id_model.attrs["label"]
    assert "Performance Tree of Kecamatan Praya" in en_model.attrs["label"]


def test_goal_box_holds_statement_indicators_owner_and_tier_fill(praya):
    model = parse_dot(dot_of(praya))
    label = model.label(name(praya, "1.2"))
    assert "<B>Meningkatnya</B><BR/><B>kualitas" in label  # wrapped and bold
    assert "<I>Indikator:</I>" in label and "Persentase desa dan kelurahan cepat" in flat(label)
    assert "<I>PJ:</I><B> Camat</B>" in label
    assert f'BGCOLOR="{STYLE.colours["tiers"]["strategic"]}"' in label
    assert f'BGCOLOR="{STYLE.colours["tiers"]["tactical"]}"' in model.label(name(praya, "1.2.1"))


def test_missing_data_is_a_grey_dashed_patch(praya):
    model = parse_dot(dot_of(praya))
    output = model.label(name(praya, "1.1.1.1"))  # outputs of the Praya chart carry neither
    assert 'STYLE="dashed"' in output and STYLE.colours["missing_border"] in output
    assert "belum ada: Indikator, PJ" in output
    assert "belum ada" not in model.label(name(praya, "1.1.1"))
    assert "missing: Indicator, Owner" in parse_dot(dot_of(praya, lang="en")).label(name(praya, "1.1.1.1"))


def test_year_shows_each_indicators_target_and_marks_a_missing_one():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Uji}
        nodes:
          - {id: A, statement: Tujuan, level: tujuan, owner: Camat,
             indicators: [{name: IKM, unit: "%", targets: {2024: "80", 2025: "85"}},
                          {name: Lain, targets: {2025: "3 Dokumen"}}]}
    """)
    label = flat(parse_dot(dot_of(G, year=2024)).label("g0"))
    assert "<I>Target 2024:</I> 80 %" in label
    assert "belum ada: Target 2024" in label  # the second indicator has no 2024 target
    assert "Target" not in parse_dot(dot_of(G)).label("g0")


def test_program_kegiatan_and_sub_kegiatan_names_are_drawn_from_the_notes():
    G = sample_graph("pino-raya")
    model = parse_dot(dot_of(G))
    assert "Program: Program Penunjang Urusan" in flat(model.label(name(G, "1a")))
    assert "Kegiatan: Perencanaan, Penganggaran, dan Evaluasi" in flat(model.label(name(G, "1.1")))
    assert "Sub kegiatan: Penyusunan Dokumen Perencanaan" in flat(model.label(name(G, "S1")))
    assert "Programme: Program Penunjang" in flat(parse_dot(dot_of(G, lang="en")).label(name(G, "1a")))


# ------------------------------------------------------------------ edges


def test_contribution_edges_run_parent_to_child_with_the_arrow_at_the_parent(sokaraja):
    model = parse_dot(dot_of(sokaraja))
    edges = {(t.split(":")[0], h.split(":")[0]): (t, h, a) for t, h, a in model.edges if "box" in t}
    for u, v, d in sokaraja.edges(data=True):
        if d["kind"] != "contribution":
            continue
        t, h, attrs = edges[(name(sokaraja, u), name(sokaraja, v))]
        assert attrs["dir"] == "back" and attrs["arrowtail"] == "normal" and "style" not in attrs
        assert t.endswith(":box:s") and h.endswith(":box:n")  # bottom of the parent to the top of the child


def test_edges_between_goals_of_one_band_or_upwards_leave_from_the_side_that_faces():
    G = sample_graph("batumandi")
    model = parse_dot(dot_of(G))
    ports = {(t.split(":")[0], h.split(":")[0]): (t.split(":")[-1], h.split(":")[-1]) for t, h, a in model.edges}
    assert ports[(name(G, "1.1.1"), name(G, "1.1.1.3"))] == ("e", "w")  # both intermediate: side by side
    assert ports[(name(G, "1.1.1.2"), name(G, "1.1.1.2.1"))] == ("n", "s")  # the child is drawn above


def test_crosscutting_bodies_are_hexagons_joined_by_dashed_labelled_edges(praya):
    model = parse_dot(dot_of(praya))
    hexagons = {k: a for k, a in model.nodes.items() if a.get("shape") == "hexagon"}
    labels = " ".join(a["label"] for a in hexagons.values())
    for body in ("BKPSDM", "Satpol PP", "TNI", "POLRI"):
        assert labels.count(f">{body}<") == 1, body
    assert len(hexagons) == 2
    dashed = [(t, h, a) for t, h, a in model.edges if a.get("style") == "dashed"]
    assert len(dashed) == 2
    for _t, h, a in dashed:
        assert h in hexagons and a["label"] == "<Cross Cutting>" and a["constraint"] == "false"
    assert {t for t, h, a in dashed} == {name(praya, "1.3.2.1"), name(praya, "1.4.4.1")}
    for hexagon in hexagons:
        assert rank_of(model, hexagon) == 3


# ------------------------------------------------------------------ messy cascades


def test_pujon_indicators_without_a_goal_hang_below_their_goal_never_in_the_top_band():
    G = sample_graph("pujon")
    model = parse_dot(dot_of(G))
    p = place(G)
    loose = [n for n in goals_of(G) if G.nodes[n]["kind"] == "indicator"]
    assert len(loose) == 5
    dashed = {(t.split(":")[0], h.split(":")[0]) for t, h, a in model.edges if a.get("style") == "dashed"}
    for n in loose:
        goal = G.nodes[n]["node"].parents[0]
        assert p.attached[n] == goal
        assert rank_of(model, name(G, n)) == rank_of(model, name(G, goal)) + 1
        assert (name(G, goal), name(G, n)) in dashed
        assert "Indikator tanpa sasaran" in model.label(name(G, n))
        assert 'STYLE="rounded,dashed"' in model.label(name(G, n))


def test_orphans_are_gathered_after_the_tree_and_marked():
    G = sample_graph("pujon")
    model = parse_dot(dot_of(G))
    orphans = [str(i) for i in range(2, 13)]
    row = next(names for names in model.ranks if name(G, "2") in names)
    assert row[-len(orphans) :] == [name(G, n) for n in orphans]  # together, right of the tree
    assert all("⊘ tanpa induk" in model.label(name(G, n)) for n in orphans)
    assert "⊘" not in model.label(name(G, "1"))  # the top of the cascade is not an orphan
    pino = place(sample_graph("pino-raya"))
    assert pino.roots == ["1a", "1b", "1c", "1d", "2", "3", "4", "5"] and pino.orphans == ["S13", "S16", "S18"]


def test_a_goal_without_a_known_level_is_placed_by_its_position_and_says_so():
    from kinerja_graph.graph import build_graph
    from kinerja_graph.model import Cascade, Indicator, Node, Organisation

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
    assert rank_of(model, name(G, "B")) == 1  # one band below its parent, inside the bands
    assert place(G).tray == ["L"]  # no parent, no goal of its owner: the tray, in the lowest band
    assert rank_of(model, name(G, "L")) == 1 and "Indikator yatim" in model.label(name(G, "L"))


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
    for layout in ("level", "structure"):
        model = parse_dot(dot_of(G, layout=layout))
        assert all(where_drawn(model, G, n) == [name(G, n)] for n in goals_of(G))
    assert "induk NOPE tidak ada" in parse_dot(dot_of(G)).label(name(G, "D"))


def test_structure_layout_places_batumandi_by_its_tree_and_marks_the_disagreements():
    G = sample_graph("batumandi")
    model = parse_dot(dot_of(G, layout="structure"))
    for n in goals_of(G):
        depth = n.count(".")  # outline numbers: the depth in the tree
        assert rank_of(model, name(G, n)) == depth, n
    # colour by the declared level, a mark where it differs from the place
    inverted = model.label(name(G, "1.1.1.2.1"))  # "kinerja strategis skpd" five levels down
    assert f'BGCOLOR="{STYLE.colours["tiers"]["strategic"]}"' in inverted
    assert "◆ tertulis Ultimate Outcome; posisinya Proses" in flat(inverted)
    assert "◆" not in model.label(name(G, "1")) and "◆" not in model.label(name(G, "1.1"))
    assert "Tingkat 3 menurut pohon" in flat(model.label("band2")) and "posisi Immediate Outcome" in flat(
        model.label("band2")
    )
    assert "level tertulis berbeda" in flat(model.attrs["label"])
    # every arrow points up one band
    for t, h, a in model.edges:
        if a.get("dir") == "back" and a.get("arrowtail") == "normal":
            assert rank_of(model, h.split(":")[0]) == rank_of(model, t.split(":")[0]) + 1
    # the level layout counts the goals the structure layout marks (its hint to use it), without placing them again
    assert place(G, "level").misplaced == place(G, "structure").misplaced == len(place(G, "structure").mismatch) == 20


# ------------------------------------------------------------------ findings overlay


def test_findings_are_numbered_codes_keyed_to_the_list_on_the_page(praya):
    findings = [
        finding("1.1", "error", "level-skip", text="galat satu"),
        finding("1.1", "warning", text="peringatan satu"),
        finding("1.2", "warning", "duplicate-statement", related=["1.3"], text="kembar"),
        finding("1.3", "info", "single-child", text="catatan"),
        finding(None, "error", "multiple-roots", text="umum"),
        finding("1.1.1.1", "error", "missing-indicator"),
        finding("1.1.1.1", "warning", "missing-formula"),
    ]
    model = parse_dot(dot_of(praya, findings))
    c = STYLE.colours
    one = model.label(name(praya, "1.1"))
    assert f'BORDER="3" COLOR="{c["error"]}"' in one and "■T2" in one and "▲T3" in one
    two = model.label(name(praya, "1.2"))
    assert f'BORDER="3" COLOR="{c["warning"]}"' in two and "▲T4" in two
    assert "▲T4" in model.label(name(praya, "1.3"))  # related goal: the same code
    assert "●" not in model.label(name(praya, "1.3"))  # info only with --findings all
    foot = flat(model.clusters["cluster_page"][1]["label"])
    assert "■ T1</B></FONT> multiple-roots · seluruh cascading: umum (id)" in foot
    assert "T2</B></FONT> level-skip · 1.1: galat satu (id)" in foot
    assert "T4</B></FONT> duplicate-statement · 1.2: kembar (id)" in foot and "T5" not in foot
    # missing data is no code: it is the grey patch, naming the field
    missing = model.label(name(praya, "1.1.1.1"))
    assert '<TD ALIGN="RIGHT"></TD>' in missing  # no code
    assert "belum ada: Indikator, PJ, Formula" in flat(missing)
    assert f'BORDER="1" COLOR="{c["border"]}"' in missing
    everything = parse_dot(dot_of(praya, findings, include_info=True))
    assert "●T5" in everything.label(name(praya, "1.3"))
    assert "single-child · 1.3: catatan (id)" in flat(everything.clusters["cluster_page"][1]["label"])


def test_without_findings_no_marks_and_no_findings_legend(praya):
    source = dot_of(praya)
    assert "■" not in source and "▲" not in source and STYLE.colours["error"] not in source
    assert "cluster_page" not in source
    assert "galat (error)" in flat(parse_dot(dot_of(praya, [])).attrs["label"])  # checked, nothing found


# ------------------------------------------------------------------ safety and determinism


def test_hostile_text_is_escaped_in_the_dot(tmp_path):
    G = api.load_graph(str(write_yaml(tmp_path / "hostile.yaml", hostile_document())))
    source = dot_of(G, year=2024)
    model = parse_dot(source)
    assert "<script>" not in source and "<b>tebal" not in source and "<![CDATA" not in source
    assert esc(HOSTILE["markup"].split(" ")[1]) in source
    assert "\\\\N" in source and "\\\\G" in source
    assert "&amp;amp;" in source and "&amp;#65;" in source
    assert not any("\t" in a.get("label", "") for a in model.nodes.values())
    assert all(k.startswith(("g", "x", "band")) for k in model.nodes)
    for n in goals_of(G):
        assert where_drawn(model, G, n) == [name(G, n)]


@pytest.mark.parametrize("case, file", [("manual-crosscut-empty-label", "cc.yaml"), ("injection-03", "g-chain.json")])
def test_a_crosscutting_body_without_a_name_gets_a_label_graphviz_accepts(case, file):
    path = RELIABILITY / case / file
    G = api.load_graph(str(path))
    source = dot_of(G)
    assert "<B></B>" not in source and "<FONT></FONT>" not in source and "<I></I>" not in source
    hexagons = [line for line in source.splitlines() if "shape=hexagon" in line]
    assert hexagons and all("(tanpa nama)" in line for line in hexagons)
    # Graphviz itself is the judge of what it accepts (pydot's parser differs from one version to the next)
    done = subprocess.run(["dot", "-Tsvg"], input=source.encode("utf-8"), capture_output=True, timeout=120)
    assert done.returncode == 0 and b"<svg" in done.stdout, done.stderr[-500:]


def test_empty_text_never_becomes_an_empty_element():
    assert tag("B", "") == "" and tag("B", "x") == "<B>x</B>"
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Uji}
        nodes:
          - {id: A, statement: "Satu\\n\\ndua", level: tujuan, owner: "Camat\\n\\nKasi"}
    """)
    source = dot_of(G)
    assert "<B></B>" not in source and "<FONT" in source


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
    assert "\\N" not in first.replace("\\\\", "")


def test_direction_lr_turns_the_bands_into_columns(praya):
    model = parse_dot(dot_of(praya, direction="LR"))
    assert model.attrs["rankdir"] == "LR"
    assert all(
        t.endswith(":box:e") and h.endswith(":box:w") for t, h, a in model.edges if a.get("arrowtail") == "normal"
    )
    with pytest.raises(ValueError):
        dot_of(praya, direction="BT")


def test_wrap_option_changes_the_line_length(praya):
    narrow = parse_dot(dot_of(praya, wrap=10)).label(name(praya, "1.2"))
    wide = parse_dot(dot_of(praya, wrap=60)).label(name(praya, "1.2"))
    assert narrow.count("<BR/>") > wide.count("<BR/>")
    assert "Meningkatnya kualitas pembangunan dan penyelenggaraan" in wide


# ------------------------------------------------------------------ printed pages


def pages_of(G, per_page: int, split=None, **kw):
    """Pages planned with a stand-in for the printed size: a page fits when it holds at most
    `per_page` goals (the real measure is Graphviz's, tested in test_render_output)."""

    def fits(nodes, kind):
        return Fit(len(nodes) <= per_page, len(nodes) / per_page)

    p = place(G, kw.pop("layout", "level"))
    return p, paginate(p, p.sort(goals_of(G)), fits, split=split, **kw)


@pytest.mark.parametrize("sample", ALL)
@pytest.mark.parametrize("per_page", [6, 15, 40])
def test_a_page_asked_two_blocks_ahead_comes_out_the_same_with_fewer_questions(sample, per_page):
    # `ahead` tells when it can (here: a page of up to half a sheet's goals), else None: the page takes both blocks
    # with one question, or asks as before
    G = sample_graph(sample)
    p = place(G, "level")
    questions: list[int] = []

    def fits(nodes, kind):
        questions.append(len(nodes))
        return Fit(len(nodes) <= per_page, len(nodes) / per_page)

    def ahead(nodes, kind):
        return fits(nodes, kind) if len(nodes) <= per_page // 2 else None

    plain = paginate(p, p.sort(goals_of(G)), fits, split=True)
    asked = len(questions)
    questions.clear()
    both = paginate(p, p.sort(goals_of(G)), fits, split=True, ahead=ahead)
    assert [q.nodes for q in both.pages] == [q.nodes for q in plain.pages]
    assert len(questions) <= asked, (len(questions), asked)  # pujon, 40 a page: 15 against 21
    accounting(G, both)


def accounting(G, pagination) -> None:
    """Every goal on exactly one page besides the overview; the overview repeats only branch tops."""
    pages = pagination.pages
    for n in goals_of(G):
        where = [p.number for p in pages if n in p.nodes and p.kind != "overview"]
        on_overview = any(n in p.nodes for p in pages if p.kind == "overview")
        assert len(where) == 1 or (not where and on_overview), (n, where)
    home = pages[0].home
    assert all(p.home is home for p in pages)
    for n in goals_of(G):
        assert n in p.nodes if (p := pages[home[n] - 1]) else False


@pytest.mark.parametrize("sample", ALL)
@pytest.mark.parametrize("per_page", [6, 15, 40])
def test_every_goal_is_on_exactly_one_page_besides_the_overview(sample, per_page):
    G = sample_graph(sample)
    _p, pagination = pages_of(G, per_page)
    accounting(G, pagination)
    if len(goals_of(G)) > per_page:
        assert pagination.split and pagination.automatic and pagination.pages[0].kind == "overview"


def test_the_overview_holds_the_top_and_the_goals_that_start_each_branch(praya):
    _p, pagination = pages_of(praya, 20)
    overview = pagination.pages[0]
    assert overview.nodes == ["1", "1.1", "1.2", "1.3", "1.4"]
    home = overview.home
    assert home["1"] == 1 and all(home[h] > 1 for h in ("1.1", "1.2", "1.3", "1.4"))
    model = parse_dot(build_diagram(praya, overview).source)
    assert "lanjut di halaman" in flat(model.label(name(praya, "1.2")))
    assert "Indikator" not in model.label(name(praya, "1.2"))  # repeated in short: its page has it whole
    branch = pagination.pages[home["1.2"] - 1]
    label = flat(parse_dot(build_diagram(praya, branch).source).label(name(praya, "1.2")))
    assert "▲ berkontribusi pada 1 (halaman 1)" in label and "Indikator" in label


def test_pino_raya_without_a_top_goal_is_split_by_program():
    G = sample_graph("pino-raya")
    _p, pagination = pages_of(G, 12)
    assert pagination.pages[0].nodes == ["1a", "1b", "1c", "1d", "2", "3", "4", "5"]
    accounting(G, pagination)
    # the orphans are gathered on one page
    assert len({p.number for p in pagination.pages for n in ("S13", "S16", "S18") if n in p.nodes}) == 1


def test_small_branches_share_a_page_and_a_big_one_continues(praya):
    _p, pagination = pages_of(praya, 14)
    sizes = [len(p.nodes) for p in pagination.pages[1:]]
    assert all(s <= 14 for s in sizes)
    assert min(sizes) > 14 * 0.3 or len(sizes) == 1  # no nearly empty sheet
    accounting(praya, pagination)
    # 1.2 holds 24 goals: its top goal's page says where the rest continues
    page = pagination.pages[pagination.pages[0].home["1.2"] - 1]
    label = flat(parse_dot(build_diagram(praya, page).source).label(name(praya, "1.2")))
    assert "lanjut di halaman" in label


def test_no_split_and_forced_split(praya):
    _p, one = pages_of(praya, 5, split=False)
    assert len(one.pages) == 1 and not one.split
    _p, forced = pages_of(praya, 1000, split=True)
    assert forced.split and not forced.automatic and forced.pages[0].kind == "overview"
    _p, whole = pages_of(praya, 1000)
    assert len(whole.pages) == 1 and whole.pages[0].key == ""


# ------------------------------------------------------------------ the on-screen picture (HTML report)


def test_root_and_depth_select_a_subtree(praya):
    p = plan(praya, STYLE, root="1.2")
    assert p.parts[0].nodes[0] == "1.2" and all(n.startswith("1.2") for n in p.parts[0].nodes)
    assert len(p.parts[0].nodes) == 1 + 4 + 4 + 15
    shallow = plan(praya, STYLE, root="1.2", depth=1).parts[0]
    assert shallow.nodes == ["1.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4"]
    assert plan(praya, STYLE, depth=1).parts[0].nodes == ["1", "1.1", "1.2", "1.3", "1.4"]
    model = parse_dot(build_diagram(praya, shallow).source)
    assert "▼ 7 kinerja di bawahnya" in flat(model.label(name(praya, "1.2.1")))
    assert "Bagian: 1.2 Meningkatnya kualitas pembangunan" in flat(model.attrs["label"])
    with pytest.raises(RenderError, match="tidak ada kinerja dengan id itu"):
        plan(praya, STYLE, root="9.9")
    with pytest.raises(RenderError, match="no goal has that id"):
        plan(praya, STYLE, "en", root="9.9")


def test_the_report_split_keeps_its_parts(praya):
    p = plan(praya, STYLE, split=True)
    assert [part.key for part in p.parts] == ["", "1.1", "1.2", "1.3", "1.4"]
    model = parse_dot(build_diagram(praya, p.parts[0], links={"1.2": "pohon-1.2.svg"}).source)
    assert "▼ 23 kinerja di bawahnya · lihat pohon-1.2.svg" in flat(model.label(name(praya, "1.2")))
    G = generated_graph((4, 4, 4, 5), indicator_only=2)
    big = plan(G, STYLE)
    assert big.automatic and set(goals_of(G)) == {n for part in big.parts for n in part.nodes}


def test_slugs_are_safe_file_names():
    assert slug("1.2") == "1.2"
    assert slug("../../etc/passwd") == "etc_passwd"
    assert slug("a/b c") == "a_b_c" and slug("...") == "part"
    assert Part("", [], "whole").home is None
