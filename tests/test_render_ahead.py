"""Pictures sent ahead to one Graphviz process (`Graphviz.submit`, `Graphviz.receive`): the answers come
back in the order sent, each as `render` draws it alone, with its own messages; a failure or the time limit
names the picture it happened to; and `draw` writes the same pages as when it waited for each picture."""

from __future__ import annotations

import pytest
from test_render_support import ENGINES, generated_graph, sample_graph

from kinerja_graph.render import RenderError, build_diagram, draw, output

PYGRAPHVIZ = pytest.mark.skipif(not output.has_pygraphviz(), reason="pygraphviz is not installed")

CLEAN = "digraph t { a -> b }"
WARNS = "digraph w { a [shape=nosuchshape]; a -> c }"  # drawn, with a warning (a box instead)


@pytest.mark.parametrize("engine", ENGINES)
def test_pictures_sent_ahead_come_back_in_order_as_each_alone_with_its_own_messages(engine):
    sources = [CLEAN, WARNS, CLEAN, "digraph u { x -> y -> z }", WARNS]
    with output.Graphviz(engine) as graphviz:
        alone = [graphviz.render(s, "svg") for s in sources]
    with output.Graphviz(engine) as graphviz:
        for i, s in enumerate(sources):
            graphviz.submit(s, "svg", what=f"p-{i}.svg")
        ahead = [graphviz.receive() for _ in sources]
        assert graphviz.pictures == len(sources)
        assert graphviz.render(CLEAN, "svg").data == alone[0].data  # nothing left over for the next picture
    assert [r.data for r in ahead] == [r.data for r in alone]
    assert [r.warnings for r in ahead] == [r.warnings for r in alone]
    # the warning is the second picture's, not the third's (dot 2.43 says it once per process; Graphviz 14 each time)
    assert [bool(r.warnings) for r in ahead[:4]] == [False, True, False, False]


@PYGRAPHVIZ
def test_render_refuses_to_jump_the_pictures_sent_ahead():
    with output.Graphviz("pygraphviz") as graphviz:
        graphviz.submit(CLEAN, "svg")
        with pytest.raises(RuntimeError):
            graphviz.render(CLEAN, "svg")
        assert b"</svg>" in graphviz.receive().data


@pytest.mark.parametrize("engine", ENGINES)
def test_a_failure_among_pictures_sent_ahead_names_its_file_and_the_next_picture_is_drawn(engine):
    with output.Graphviz(engine, lang="en") as graphviz:
        graphviz.submit(CLEAN, "svg", what="good.svg")
        graphviz.submit("digraph { a [label=<<B></B>>] }", "svg", what="label.svg")
        assert b"</svg>" in graphviz.receive().data
        with pytest.raises(RenderError, match="Graphviz failed to draw label.svg"):
            graphviz.receive()
        graphviz.submit(CLEAN, "svg", what="again.svg")
        assert b"</svg>" in graphviz.receive().data


@PYGRAPHVIZ
def test_the_time_limit_holds_for_a_picture_sent_ahead():
    G = generated_graph((4, 5, 5, 6))  # 745 goals in one picture
    with output.Graphviz("pygraphviz", timeout=0.01) as graphviz:
        graphviz.submit(build_diagram(G).source, "svg", what="besar.svg", goals=745)
        graphviz.submit(CLEAN, "svg", what="kecil.svg")
        with pytest.raises(RenderError, match="745"):
            graphviz.receive()
        graphviz.timeout = 60.0  # the stopped process is replaced by a new one; what was sent after it is gone
        graphviz.submit(CLEAN, "svg")
        assert b"</svg>" in graphviz.receive().data


@pytest.mark.parametrize("engine", ENGINES)
def test_draw_sends_the_final_pages_ahead_and_writes_what_it_wrote_one_by_one(engine, monkeypatch):
    G = sample_graph("sokaraja")
    _d, ahead = draw(G, "unused.svg", "svg", engine=engine, write=False, paper_name="A4")
    assert len(ahead) > 2

    def one_by_one(self, source, fmt, *, what="", goals=0):  # each picture waited for, as before
        self._queued.append((source, fmt, what, goals, None))

    monkeypatch.setattr(output.Graphviz, "submit", one_by_one)
    _d, alone = draw(G, "unused.svg", "svg", engine=engine, write=False, paper_name="A4")
    assert [(p.path, p.source, p.data) for p in ahead] == [(p.path, p.source, p.data) for p in alone]


@PYGRAPHVIZ
def test_requests_beyond_what_the_pipe_holds_come_back_in_order():
    # more than the 1 MiB pipe to the child: a request larger than the pipe, and many requests after it that wait
    # to be written while answers come back
    padding = "// " + "x" * 1000 + "\n"
    large = "digraph big {\n" + padding * 3000 + "a -> b }"
    sources = [CLEAN, large] + [f"digraph n{i} {{\n{padding * 20}a{i} -> b{i} }}" for i in range(150)] + [WARNS]
    with output.Graphviz("pygraphviz") as graphviz:
        alone = [graphviz.render(s, "svg") for s in sources]
    with output.Graphviz("pygraphviz") as graphviz:
        for s in sources:
            graphviz.submit(s, "svg")
        ahead = [graphviz.receive() for _ in sources]
        assert graphviz.started == 1
    assert [r.data for r in ahead] == [r.data for r in alone]
    assert [r.warnings for r in ahead] == [r.warnings for r in alone]
