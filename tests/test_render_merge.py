"""The page planner's merging of nearly empty pages does bounded work: each small page tries at most
MERGE_TRIES other pages (each try is a Graphviz layout), nearest first, so a cascade of thousands of pages
is planned in time linear in its pages; a few pages are tried in order, as before."""

from __future__ import annotations

from kinerja_graph.render import pages as pages_module
from kinerja_graph.render.pages import MERGE_TRIES, Fit, _Planner


def planner(fits) -> _Planner:
    return _Planner(None, [], fits)  # type: ignore[arg-type]  # merge() reads no placement


def test_many_small_pages_try_a_bounded_number_of_joins():
    asked: list[tuple[str, ...]] = []

    def fits(nodes, kind):
        asked.append(tuple(nodes))
        return Fit(ok=False, fill=0.1 if len(nodes) == 1 else 0.9)  # every page small, no join fits

    pages = [([f"g{i}"], "branch") for i in range(300)]
    merged = planner(fits).merge(pages)
    assert merged == pages
    joins = [a for a in asked if len(a) > 1]
    assert len(joins) <= 300 * MERGE_TRIES  # without the bound: 300 × 299
    assert len(joins) >= 300  # every small page still tried to join another


def test_a_small_page_joins_its_nearest_fitting_neighbour():
    def fits(nodes, kind):
        if len(nodes) == 1:
            return Fit(ok=True, fill=0.1 if nodes == ["g150"] else 0.9)
        return Fit(ok=True, fill=0.9)  # any join fits

    pages = [([f"g{i}"], "branch") for i in range(300)]
    merged = planner(fits).merge(pages)
    assert len(merged) == 299
    assert (["g149", "g150"], "branch") in merged  # the page next to it, not the first page of the run


def test_a_few_pages_are_tried_in_order_as_before():
    def fits(nodes, kind):
        if len(nodes) == 1:
            return Fit(ok=True, fill=0.1 if nodes == ["g5"] else 0.9)
        return Fit(ok=True, fill=0.9)

    pages = [([f"g{i}"], "branch") for i in range(6)]
    assert len(pages) < pages_module.MERGE_TRIES
    merged = planner(fits).merge(pages)
    assert merged[0] == (["g0", "g5"], "branch")  # the first page it fits on
