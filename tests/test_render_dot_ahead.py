"""The system `dot` program and the pictures sent ahead (`Graphviz.submit`): dot draws them one after the other
while the caller builds the next ones, instead of waiting for each to be received. dot does not mark where one
picture's messages end, so messages that may belong to a picture sent later have the pictures drawn again one by
one; a syntax error, a label dot rejects and the time limit fail the picture they happened to."""

from __future__ import annotations

import os
import select
import time

import pytest
from test_render_support import generated_graph

from kinerja_graph.render import RenderError, build_diagram, output

pytestmark = pytest.mark.skipif(not output.has_dot(), reason="the Graphviz `dot` program is not installed")

CLEAN = "digraph t { a -> b }"
WARNS = "digraph w { a [shape=nosuchshape]; a -> c }"  # drawn, with a warning (a box instead)
BROKEN = "digraph { a -> }"  # a syntax error: dot draws nothing and waits for more input to recover


def _until(done) -> None:
    """Wait until `done()` (dot works on its own; a minute is far more than it needs)."""
    deadline = time.monotonic() + 60
    while not done():
        assert time.monotonic() < deadline
        time.sleep(0.005)


def test_dot_draws_the_pictures_sent_ahead_before_they_are_received():
    sources = [CLEAN, "digraph u { x -> y -> z }", CLEAN]
    with output.Graphviz("dot") as graphviz:
        alone = [graphviz.render(s, "svg").data for s in sources]
    with output.Graphviz("dot") as graphviz:
        for i, s in enumerate(sources):
            graphviz.submit(s, "svg", what=f"p-{i}.svg")
        assert graphviz.started == 1  # dot has the pictures already
        process = graphviz._processes["svg"]
        assert process.proc.stdout is not None
        readable, _, _ = select.select([process.proc.stdout], [], [], 60)
        assert readable  # an answer written before anything is received
        assert [graphviz.receive().data for _ in sources] == alone
        assert graphviz.started == 1 and graphviz.pictures == len(sources)


def test_messages_dot_wrote_for_a_later_picture_are_not_given_to_an_earlier_one():
    sources = [CLEAN, WARNS, CLEAN, WARNS]
    with output.Graphviz("dot") as graphviz:
        alone = [graphviz.render(s, "svg") for s in sources]
    with output.Graphviz("dot") as graphviz:
        for s in sources:
            graphviz.submit(s, "svg")
        process = graphviz._processes["svg"]
        _until(lambda: b"nosuchshape" in os.pread(process.errors.fileno(), 4096, 0))  # dot is past the warning
        ahead = [graphviz.receive() for _ in sources]
        assert graphviz.started == 2  # the first picture's messages could not be told apart: drawn again
    assert [r.data for r in ahead] == [r.data for r in alone]
    assert [r.warnings for r in ahead] == [r.warnings for r in alone]
    assert [bool(r.warnings) for r in ahead[:3]] == [False, True, False]


BIG = build_diagram(generated_graph((4, 5, 5, 6))).source  # 745 goals: a few of them fill the pipe


@pytest.mark.parametrize(
    "after", [[], [CLEAN], [BIG] * 8], ids=["last sent", "before another", "before more than the pipe holds"]
)
def test_a_syntax_error_among_pictures_sent_ahead_fails_its_picture_not_the_time_limit(after):
    with output.Graphviz("dot", lang="en", timeout=600) as graphviz:
        graphviz.submit(CLEAN, "svg", what="good.svg")
        graphviz.submit(BROKEN, "svg", what="broken.svg")
        for s in after:
            graphviz.submit(s, "svg", what="next.svg")
        assert b"</svg>" in graphviz.receive().data
        with pytest.raises(RenderError, match="Graphviz failed to draw broken.svg"):
            graphviz.receive()
        graphviz.submit(CLEAN, "svg", what="again.svg")  # a new process: what was sent after the failure is gone
        assert b"</svg>" in graphviz.receive().data


def test_the_time_limit_holds_for_a_picture_sent_ahead_to_dot():
    with output.Graphviz("dot", timeout=0.01) as graphviz:
        graphviz.submit(BIG, "svg", what="besar.svg", goals=745)
        graphviz.submit(CLEAN, "svg", what="kecil.svg")
        with pytest.raises(RenderError, match="745"):
            graphviz.receive()
        graphviz.timeout = 60.0
        graphviz.submit(CLEAN, "svg")
        assert b"</svg>" in graphviz.receive().data
