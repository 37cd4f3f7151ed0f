"""The page planner's second estimate packs each subtree against its neighbour band by band, as Graphviz draws
them (render/dot.py `_Builder.packed_width`, `Diagram.packed_size`), and a calibration of its own turns down
candidate pages the first estimate leaves to Graphviz: the pages stay the same, fewer candidates are laid out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kinerja_graph import api, render
from kinerja_graph.render import DiagramOptions, build_diagram, draw, load_style, output
from kinerja_graph.render.layout import place
from kinerja_graph.render.paper import Calibration
from kinerja_graph.render.plan import Part
from tests.test_render_calibration import count_layouts
from tests.test_render_least_size import candidates
from tests.test_render_support import generated_graph, sample_graph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import gen_pemda  # noqa: E402

STYLE = load_style()
ANY_ENGINE = pytest.mark.skipif(not (output.has_dot() or output.has_pygraphviz()), reason="no Graphviz installed")


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", ["praya", "pino-raya", "pujon", "sokaraja", "generated"])
def test_the_packed_size_is_never_more_than_the_estimate_and_differs_only_across_the_tree(name, direction):
    G = generated_graph((4, 3, 3, 2), crosscut_every=5, indicator_only=3) if name == "generated" else sample_graph(name)
    options = DiagramOptions(direction=direction)
    placement = place(G, options.layout)
    nodes = placement.sort({n for n in placement.order})
    across = 0 if direction == "TB" else 1  # the side the tree's width sets
    narrower = 0
    for page in candidates(placement, nodes):
        part = Part("", page, "branch")
        part.number, part.total, part.home = 999, 999, {n: 999 for n in nodes}
        built = build_diagram(G, part, options=options, style=STYLE, placement=placement, numbers=999)
        estimated, packed = built.estimated_size, built.packed_size
        assert packed[1 - across] == estimated[1 - across], page
        assert packed[across] <= estimated[across], page
        narrower += packed[across] < estimated[across]
    assert narrower > 0  # a subtree deep in one band and narrow in the next packs against its neighbour


def test_a_deep_subtree_and_its_shallow_neighbour_overlap_where_their_bands_differ():
    # 1.1 has four children, each with three under it (widest in the bottom band); 1.2 has two children and
    # nothing below them: 1.2's subtree stands beside 1.1's children, over 1.1's grandchildren's band
    G = generated_graph((2, 4, 3))
    drop = [n for n in G.nodes if n.startswith("1.2.") and n.count(".") == 3]
    G.remove_nodes_from(drop)
    options = DiagramOptions()
    placement = place(G, options.layout)
    nodes = placement.sort({n for n in placement.order if n != "1"})
    part = Part("", nodes, "branch")
    part.number, part.total, part.home = 99, 99, {n: 99 for n in nodes}
    built = build_diagram(G, part, options=options, style=STYLE, placement=placement, numbers=99)
    assert built.packed_size[0] < built.estimated_size[0]


@pytest.mark.slow
@ANY_ENGINE
def test_candidates_turned_down_by_the_packed_estimate_leave_the_pages_as_they_were(tmp_path, monkeypatch):
    # a Pemda-like cascade (benchmarks/gen_pemda.py): pages alike enough for the estimates to be calibrated, boxes
    # and branches unlike enough for the packing to matter
    files, _ = gen_pemda.write(1000, 1, tmp_path / "cascade", ("csv",))
    G = api.load_graph(str(files["csv"]))
    calls = count_layouts(monkeypatch)
    _, packed = draw(G, tmp_path / "a.svg", write=False)
    laid_out = len(calls)
    calls.clear()
    made: list[Calibration] = []

    def first_only(limit: float) -> Calibration:
        """The planner's first calibration as it is; the second (the packed estimate's) never sure."""
        made.append(Calibration(limit, pages=10**9) if made else Calibration(limit))
        return made[-1]

    monkeypatch.setattr(render, "Calibration", first_only)
    _, unpacked = draw(G, tmp_path / "b.svg", write=False)
    assert len(made) == 2 and len(packed) > 100
    assert [p.part.nodes for p in packed] == [p.part.nodes for p in unpacked]
    assert [p.data for p in packed] == [p.data for p in unpacked]
    assert laid_out < len(calls) * 0.9, (laid_out, len(calls))  # 210 against 256 when written
