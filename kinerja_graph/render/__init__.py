"""The pohon kinerja diagram: graph (+ findings) -> printed pages -> DOT / SVG / PNG / PDF.

    from kinerja_graph import api
    from kinerja_graph.render import DiagramOptions, draw
    G = api.load_graph("samples/praya.yaml")
    drawing, pictures = draw(G, "output/praya.pdf", options=DiagramOptions(year=2024), paper="A3")

Modules: layout.py decides each box's band (by level or by place in the tree), orphans and trays;
pages.py which goals go on which printed page; dot.py builds each page as a ``graphviz.Digraph``;
overlay.py puts the checker's findings on it; output.py runs Graphviz with a time limit; paper.py
measures how small a page's text prints; pdf.py binds the pages into one PDF; plan.py selects
(--root/--depth) and splits the HTML report's on-screen picture; command.py is ``kinerja render``.
Words, colours, paper and limits are in rules/render.yaml.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kinerja_graph.render import labels
from kinerja_graph.render.dot import (
    UNKNOWN_PAGE,
    BoxCache,
    Diagram,
    DiagramOptions,
    Estimates,
    Lines,
    build_diagram,
    estimated_diagram,
    fill_numbers,
    least_size,
)
from kinerja_graph.render.errors import RenderError
from kinerja_graph.render.layout import LAYOUTS, Placement, place
from kinerja_graph.render.output import (
    ENGINES,
    FORMATS,
    Graphviz,
    has_dot,
    has_pygraphviz,
    page_size_pt,
    render_source,
    write_bytes,
)
from kinerja_graph.render.overlay import Overlay
from kinerja_graph.render.pages import Fit, Pagination, number_pages, paginate
from kinerja_graph.render.paper import ORIENTATIONS, Calibration, Measure, Paper, estimate, measure_svg, paper
from kinerja_graph.render.pdf import Sheet, combine
from kinerja_graph.render.plan import Part, Plan, plan, select
from kinerja_graph.render.style import Style, load_style

__all__ = [
    "DiagramOptions",
    "ENGINES",
    "Graphviz",
    "FORMATS",
    "LAYOUTS",
    "ORIENTATIONS",
    "Drawing",
    "Part",
    "Picture",
    "Plan",
    "RenderError",
    "build_diagram",
    "describe",
    "draw",
    "page_path",
    "page_placeholder",
    "plan",
    "render_source",
    "load_style",
]


@dataclass
class Picture:
    """One printed page: what was drawn and how it prints."""

    path: Path  # the file holding it (a PDF holds every page)
    part: Part
    source: str  # the DOT text
    data: bytes  # the page as drawn (for a PDF: the page alone, before binding)
    goals: int
    size_pt: tuple[float, float] | None = None
    measure: Measure | None = None
    warnings: list[str] = field(default_factory=list)
    caption: str = ""  # what the page holds, in a few words


@dataclass
class Drawing:
    pages: list[Part]
    paper: Paper
    files: list[Path]
    split: bool = False
    automatic: bool = False
    whole: Measure | None = None  # how the single picture would have printed (when split automatically)
    layout: str = "level"
    mismatches: int = 0  # goals whose declared level differs from their place in the tree
    pdf: bytes | None = None  # the pages bound into one PDF (pdf format)

    @property
    def parts(self) -> list[Part]:
        return self.pages


def page_path(out: Path, number: int, total: int) -> Path:
    """The file of a page: `out` itself for a single page, else "pohon-2.svg"."""
    return out if total <= 1 else out.with_name(f"{out.stem}-{number}{out.suffix}")


def page_placeholder(nodes: int) -> int:
    """The page number a candidate page carries while pages are planned: as wide as the largest number a
    run drawing `nodes` boxes can reach (a page holds a box at least; the lists of pages add a page per
    hundred or so), and at least two digits."""
    return max(UNKNOWN_PAGE, 10 ** len(str(nodes + nodes // 50 + 2)) - 1)


def _page_key(
    page: Part,
    total: int,
    contents: list[tuple[int, str]] | None,
    placement: Placement,
    named: dict[tuple[str, ...], list[str]] | None = None,
) -> tuple:
    """What a printed page's picture depends on, besides what stays the same through a drawing (the graph, the
    options, the findings): its goals, what it is, its number among how many, the list it prints, and the pages of
    every goal its notes may name (its goals' parents, children and the goals their indicators hang on) and of its
    own goals (an overview draws a goal continued on another page without its indicators). `named`: those goals of
    each list of goals seen so far (`_named`), kept between the rounds of a drawing."""
    nodes = tuple(page.nodes)
    home = page.home
    if home is None:
        homes: tuple | None = None
    else:
        flat = named.get(nodes) if named is not None else None
        if flat is None:
            flat = _named(nodes, placement)
            if named is not None:
                named[nodes] = flat
        # the goals are the key's first part: the same goals name the same goals in the same order
        homes = tuple(map(home.get, flat))
    return (
        nodes,
        page.kind,
        page.focus,
        page.depth,
        page.number,
        page.total,
        total,
        None if contents is None else tuple(contents),
        homes,
    )


def _named(nodes: tuple[str, ...], placement: Placement) -> list[str]:
    """The goals whose pages `_page_key` holds for a page of `nodes`, in order: each goal, the goal its indicators
    hang on (if any), its parents, its children."""
    parents, kids, attached = placement.parents, placement.kids, placement.attached
    flat: list[str] = []
    for n in nodes:
        flat.append(n)
        if n in attached:
            flat.append(attached[n])
        flat += parents.get(n, ())
        flat += kids.get(n, ())
    return flat


def _caption(G: nx.DiGraph, page: Part, lang: str, style: Style, placement: Placement) -> str:
    if page.kind == "overview":
        return style.t("overview", lang).split(";")[0]
    if page.kind == "contents":
        return style.t("contents", lang)
    if page.kind == "loose":
        return (
            style.t("loose_page", lang)
            if any(n in placement.tray for n in page.nodes)
            else style.t("orphans_frame", lang)
        )
    drawn = set(page.nodes)
    tops = [n for n in page.nodes if n in placement.kids and not any(u in drawn for u in placement.parents[n])]
    if len(tops) == 1:
        statement = G.nodes[tops[0]].get("statement") or ""
        return f"{labels.shorten(tops[0], 30)} {labels.shorten(statement, 60)}"
    return ", ".join(labels.shorten(n, 20) for n in tops[:8]) + (f" (+{len(tops) - 8})" if len(tops) > 8 else "")


def draw(
    G: nx.DiGraph,
    out,
    fmt: str | None = None,
    *,
    findings=None,
    options: DiagramOptions | None = None,
    root: str | None = None,
    depth: int | None = None,
    split: bool | None = None,
    engine: str = "auto",
    timeout: float | None = None,
    dpi: int | None = None,
    write: bool = True,
    style: Style | None = None,
    paper_name: str | None = None,
    orientation: str | None = None,
) -> tuple[Drawing, list[Picture]]:
    """Draw G into `out` as printed pages (one file per page next to `out`, or one PDF). `fmt`
    defaults to the suffix of `out`. Pages are planned so that each prints on `paper_name` with
    its smallest text at least rules/render.yaml's print/min_text_pt, unless `split` is False."""
    style = style or load_style()
    options = options or DiagramOptions()
    if orientation is not None:
        options = dataclasses.replace(options, orientation=orientation)
    lang = options.lang
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".") or "svg").lower()
    if fmt not in FORMATS:
        raise RenderError(style.t("err_format", lang, format=fmt))
    sheet = paper(style, paper_name, orientation, lang)
    placement = place(G, options.layout)
    chosen = select(G, style, lang, root=root, depth=depth)
    inside = set(chosen)
    chosen += [i for i, goal in placement.attached.items() if goal in inside and i not in inside]
    selection = placement.sort(set(chosen))
    overlay = Overlay(findings, style, lang, include_info=options.include_info)
    graphviz = fmt != "dot" or has_dot() or has_pygraphviz()
    # one Graphviz process for all the pictures of the run (no Graphviz at all: said before planning)
    session = Graphviz(engine, timeout=timeout, dpi=dpi, lang=lang, style=style) if graphviz else None
    try:
        measured: dict[bytes, tuple[Measure, bytes]] = {}
        # the final pages sent to Graphviz ahead of measuring them (`send_ahead`): their digests in the order sent
        sending: deque[tuple[bytes, str, bool | None]] = deque()
        sent: set[bytes] = set()

        def store(key: bytes, data: bytes, what: str, keep: bool | None) -> None:
            found = measure_svg(data, sheet)
            if found is None:  # pragma: no cover - Graphviz always writes the size
                raise RenderError(style.t("err_failed", lang, file=what, message="no size in the SVG"))
            kept = keep or (keep is None and found.smallest_text >= limit)
            measured[key] = (found, data if kept else b"")

        def send_ahead(diagram: Diagram, what: str, goals: int) -> None:
            """A final page's picture sent to Graphviz now, measured when `run_svg` asks for it (kept): Graphviz
            draws the pages one after the other while they are built."""
            key = diagram.digest
            if key in sent or (key in measured and measured[key][1]):
                return
            assert session is not None
            session.submit(diagram.source, "svg", what=what, goals=goals)
            sent.add(key)
            sending.append((key, what, True))

        def run_svg(diagram: Diagram, what: str, goals: int, keep: bool | None = True) -> tuple[Measure, bytes]:
            """The SVG of `source` and how it prints, drawn once; the cache is keyed by a digest, not by the
            DOT text. `keep`: the SVG is kept (a final page, or a candidate that fits: candidates carry
            placeholders for their page numbers, so a candidate that fits is drawn again as a final page
            only to fill its numbers in); None: kept only when it prints readably; False: forgotten."""
            key = diagram.digest
            if key not in sent and (key not in measured or (keep and not measured[key][1])):
                assert session is not None
                if not sending:
                    store(key, session.render(diagram.source, "svg", what=what, goals=goals).data, what, keep)
                    return measured[key]
                session.submit(diagram.source, "svg", what=what, goals=goals)  # after the pictures sent ahead
                sent.add(key)
                sending.append((key, what, keep))
            while key in sent:
                got, got_what, got_keep = sending.popleft()
                assert session is not None
                store(got, session.receive().data, got_what, got_keep)
                sent.discard(got)
            return measured[key]

        # a candidate page's numbers ("page 99 of 99", "continued on page 99") are not known yet: a number as
        # wide as the largest the run can reach stands for them, so that a candidate measured is what prints
        unknown = page_placeholder(len(selection))
        planning_home = {n: unknown for n in selection}
        limit = style.min_text_pt
        first_whole: list[Measure] = []

        boxes: BoxCache = {}
        lines = Lines()
        estimates = Estimates()  # what the candidate pages' estimates share
        drawn: dict[tuple, Diagram] = {}  # the final pages built with placeholders, by what they print
        places: dict[tuple, tuple | None] = {}  # where their placeholders stand (fill_numbers)
        asked: dict[tuple[tuple[str, ...], str], Fit] = {}
        calibration = Calibration(limit)
        # candidates found to fit, by their goals (verified on the final pages); those accepted on the estimate alone
        accepted: dict[frozenset[str], list[tuple[tuple[str, ...], str]]] = {}
        trusted: set[tuple[tuple[str, ...], str]] = set()

        def fits(nodes: list[str], kind: str) -> Fit:
            key = (tuple(nodes), kind)
            if key not in asked:
                fit = measure(nodes, kind)
                assert fit is not None
                asked[key] = fit
            return asked[key]

        def ahead(nodes: list[str], kind: str) -> Fit | None:
            """`fits` when the page need not be laid out to tell; else None (and nothing is kept)."""
            key = (tuple(nodes), kind)
            if key not in asked:
                fit = measure(nodes, kind, ahead=True)
                if fit is None:
                    return None
                asked[key] = fit
            return asked[key]

        def candidate(nodes: list[str], kind: str) -> Diagram:
            part = Part("", nodes, kind, focus=root if kind in ("whole", "subtree") else None, depth=depth)
            if kind not in ("whole", "subtree"):
                part.number, part.total, part.home = unknown, unknown, planning_home
            # estimated without writing its boxes' tables: its DOT is written only if it is laid out or drawn
            return estimated_diagram(
                G,
                part,
                options=options,
                style=style,
                placement=placement,
                overlay=overlay,
                boxes=boxes,
                lines=lines,
                numbers=unknown,
                estimates=estimates,
            )

        def too_big(guess: Measure, verify: bool) -> bool:
            """Decided by the estimate alone: far below the minimum, or surely below it (see Calibration)."""
            return guess.smallest_text < limit * 0.7 or (not verify and calibration.sure(guess) is False)

        def estimated_fill(nodes: list[str], kind: str) -> float:
            diagram = candidate(nodes, kind)
            return estimate(diagram.estimated_size, diagram.smallest_font, sheet).fill(sheet, diagram.tree_size)

        def laid_out(diagram: Diagram, nodes: list[str], guess: Measure) -> Measure:
            """A candidate laid out, and the calibration taught by it."""
            result = run_svg(diagram, str(out), len(nodes), keep=None)[0]
            calibration.learn(guess, result)
            return result

        def closed_fill(nodes: list[str], kind: str) -> float:
            """The fill of a candidate turned down unbuilt by its least size while the calibration closes pages: what
            `measure` would have said of it built (estimated when too big, else laid out)."""
            diagram = candidate(nodes, kind)
            guess = estimate(diagram.estimated_size, diagram.smallest_font, sheet)
            if too_big(guess, False):
                return guess.fill(sheet, diagram.tree_size)
            return laid_out(diagram, nodes, guess).fill(sheet, diagram.tree_size)

        def measured_fill(nodes: list[str], kind: str) -> float:
            """The fill of a candidate turned down unlaid, as Graphviz draws it (built again: the planner keeps no
            candidate page it turned down)."""
            diagram = candidate(nodes, kind)
            guess = estimate(diagram.estimated_size, diagram.smallest_font, sheet)
            return laid_out(diagram, nodes, guess).fill(sheet, diagram.tree_size)

        def measure(nodes: list[str], kind: str, verify: bool = False, ahead: bool = False) -> Fit | None:
            """Whether a candidate page prints readably (`verify`: a final page found too small, its candidate laid
            out unless far too big). Once the calibration has learnt from CALIBRATION_PAGES layouts that the estimate
            misses little (`Calibration.narrow`), a candidate it cannot decide is taken as not fitting, unlaid: the
            page closes before it (the block starts the next page, or is cut below its top goal), and Graphviz lays
            out little more than the final pages. Every final page is still measured, and one that prints too small
            is planned again (`unsure`). `ahead`: None instead of a layout."""
            if kind not in ("whole", "subtree"):
                # a page whose least possible estimate is already too big is not built (unless its fill is asked)
                least = estimate(least_size(placement, nodes, options, style), float(style.small_font_size), sheet)
                if too_big(least, verify):
                    return Fit(False, lambda: estimated_fill(nodes, kind))
                if not verify and graphviz and calibration.narrow and not calibration.sure(least):
                    # a candidate closes its page unless the calibration is sure it fits, and the estimate of the page
                    # built prints no larger than its least size: turned down unbuilt, as it would be built
                    return Fit(False, lambda: closed_fill(nodes, kind))
            diagram = candidate(nodes, kind)
            guess = estimate(diagram.estimated_size, diagram.smallest_font, sheet)
            sure = None if verify else calibration.sure(guess)
            if not graphviz or too_big(guess, verify):
                result = guess
            elif sure:  # decided by the estimate: the final page is measured when drawn (see `unsure`)
                result = guess
                trusted.add((tuple(nodes), kind))
            elif not verify and kind not in ("whole", "subtree") and calibration.narrow:
                # not decided by a calibrated estimate that misses little: the page closes before it, unlaid; laid out
                # only if its fill is asked (a page of one box too big for a sheet)
                return Fit(False, lambda: measured_fill(nodes, kind))
            elif ahead:
                return None
            else:
                result = laid_out(diagram, nodes, guess)
            if kind in ("whole", "subtree") and not first_whole:
                first_whole.append(result)
            ok = result.smallest_text >= limit
            if ok:
                accepted.setdefault(frozenset(nodes), []).append((tuple(nodes), kind))
            return Fit(ok, result.fill(sheet, diagram.tree_size))

        def unsure(pictures: list[Picture]) -> bool:
            """Final pages that print too small although their candidate fit: a candidate the estimate decided
            is laid out and its verdict replaced; one that was laid out (its final numbers or notes came out
            wider than the placeholders) is taken as not fitting. True: the pages must be planned again. A page
            of one box too big for a sheet is what it is (its candidate never fit)."""
            again = False
            for picture in pictures:
                m = picture.measure
                if m is None or m.estimated or m.smallest_text >= limit or picture.part.kind == "contents":
                    continue
                for key in accepted.pop(frozenset(picture.part.nodes), []):
                    if key in trusted:
                        trusted.discard(key)
                        fit = measure(list(key[0]), key[1], verify=True)
                        assert fit is not None
                        asked[key] = fit
                    else:
                        asked[key] = Fit(False, asked[key].fill)
                    again = True
            return again

        def prints(diagram: Diagram, what: str, goals: int, keep: bool | None = True) -> tuple[Measure, bytes]:
            if graphviz:
                return run_svg(diagram, what, goals, keep)
            return estimate(diagram.estimated_size, diagram.smallest_font, sheet), b""

        def fits_print(diagram: Diagram) -> bool:
            return prints(diagram, str(out), 0, keep=None)[0].smallest_text >= limit

        def contents_page(entries: list[tuple[int, str]]) -> Diagram:
            part = Part("", [], "contents")
            part.number, part.total, part.home = unknown, unknown, {}
            return build_diagram(
                G,
                part,
                options=options,
                style=style,
                placement=placement,
                overlay=overlay,
                contents=entries,
                numbers=unknown,  # the same DOT whatever the numbers: measured once, and drawn as the final page
            )

        captions_of: dict[tuple[tuple[str, ...], str], str] = {}

        def caption(page: Part) -> str:
            """`_caption`, worked out once per page content (the list of pages and the pages' loop ask for it, in every
            planning round)."""
            key = (tuple(page.nodes), page.kind)
            got = captions_of.get(key)
            if got is None:
                got = captions_of[key] = _caption(G, page, lang, style, placement)
            return got

        listings: dict[tuple[str, ...], bool] = {}

        def listing_fits(entries: list[tuple[int, str]]) -> bool:
            """Whether a page of the list of pages prints readably: its DOT has placeholders for the numbers, so
            it depends on the captions alone (the pages planned again ask the same again). A list far too long by
            its estimate (below the planner's own bound: the first questions of halving a list of a thousand pages)
            is not laid out."""
            key = tuple(caption for _, caption in entries)
            if key not in listings:
                diagram = contents_page(entries)
                guess = estimate(diagram.estimated_size, diagram.smallest_font, sheet)
                listings[key] = guess.smallest_text >= limit * 0.7 and fits_print(diagram)
            return listings[key]

        def portions(items: list, fit: Callable[[int, list], bool], even: bool = False) -> list[list]:
            """`items` cut into pages in order, each page taking as many as still print readably (`fit(page
            index, items)`; one item always goes): the first by halving, the others starting from the length
            before (their items look alike). `even`: as many pages, evenly filled, when they fit."""
            out_portions: list[list] = []
            i, n = 0, 0
            while i < len(items):
                rest, j = len(items) - i, len(out_portions)
                if not n:
                    if fit(j, items[i:]):
                        n = rest
                    else:
                        lo, hi = 1, rest  # lo: taken to fit; hi: does not fit
                        while hi - lo > 1:
                            mid = (lo + hi) // 2
                            lo, hi = (mid, hi) if fit(j, items[i : i + mid]) else (lo, mid)
                        n = lo
                else:
                    n = min(n, rest)
                    while n > 1 and not fit(j, items[i : i + n]):
                        n = max(1, n * 9 // 10)
                out_portions.append(items[i : i + n])
                i += n
            if even and len(out_portions) > 1:  # not a last page of two entries
                per = -(-len(items) // len(out_portions))
                spread = [items[k : k + per] for k in range(0, len(items), per)]
                if len(spread) == len(out_portions) and all(fit(j, c) for j, c in enumerate(spread)):
                    return spread
            return out_portions

        def overview_pages(pagination: Pagination) -> tuple[Pagination, dict[int, list[tuple[int, str]]]]:
            """The overview and the list of pages. The list goes on the overview when the overview still
            prints readably with it; otherwise on pages of its own ("Daftar halaman") after the overview.
            An overview whose goals starting the branches do not fit on one sheet continues on the next
            pages, as many of those goals on each as print readably. The first page lists the others."""
            pages = pagination.pages
            if not pagination.split or pages[0].kind != "overview":
                return pagination, {}
            overview, rest = pages[0], pages[1:]
            captions = [caption(p) for p in rest]
            entries = [(p.number, c) for p, c in zip(rest, captions, strict=True)]
            diagram = build_diagram(
                G,
                overview,
                options=options,
                style=style,
                placement=placement,
                overlay=overlay,
                contents=entries,
                boxes=boxes,
                lines=lines,
            )
            # a list far too long for the overview (an estimate below the planner's own bound) is not laid out
            guess = estimate(diagram.estimated_size, diagram.smallest_font, sheet)
            if guess.smallest_text >= limit * 0.7 and fits_print(diagram):
                return pagination, {1: entries}
            on = set(overview.nodes)
            chain = {n for n in overview.nodes if any(v in on for v in placement.kids.get(n, ()))}
            chain |= {n for n in overview.nodes if placement.attached.get(n) in chain}
            heads = [n for n in overview.nodes if n not in chain]
            # numbers while planning: every page after the overview moved by as many pages as can come before
            # it (at most one overview page per head, and the list's pages): as wide as the final ones, or wider
            count, cut = 1, [entries]
            for _ in range(4):  # the number of list pages shifts the numbers it lists (their width, rarely)
                moved = [(p.number + len(heads) - 1 + count, c) for p, c in zip(rest, captions, strict=True)]
                cut = portions(moved, lambda _j, c: listing_fits(c), even=True)
                if len(cut) == count:
                    break
                count = len(cut)
            home = overview.home or {}
            shift = len(heads) - 1 + len(cut)
            moved_home = {n: h + shift if h > 1 else 1 for n, h in home.items()}
            note = [(unknown, f"{style.t('contents', lang)} {unknown}–{unknown}")] * (len(cut) + 1)

            def overview_fits(j: int, group: list[str]) -> bool:
                part = Part("", placement.sort([*chain, *group] if j == 0 else group), "overview")
                part.number, part.total = 1 + j, unknown
                part.home = {**moved_home, **{h: 1 + j for h in group if home.get(h, 1) <= 1}}
                diagram = build_diagram(
                    G,
                    part,
                    options=options,
                    style=style,
                    placement=placement,
                    overlay=overlay,
                    contents=note if j == 0 else None,
                    boxes=boxes,
                    lines=lines,
                )
                return fits_print(diagram)

            groups = portions(heads, overview_fits)
            tops = [Part("", placement.sort([*chain, *g] if j == 0 else g), "overview") for j, g in enumerate(groups)]
            listing = [Part("", [], "contents") for _ in cut]
            numbered = number_pages([*tops, *listing, *rest], split=True, automatic=pagination.automatic)
            # the top goal on the first page continues on the overview's next pages (where the goals starting the
            # branches that did not fit on it are drawn), not directly on those branches' pages
            tops[0].home = {**(tops[0].home or {}), **{h: p.number for p in tops[1:] for h in p.nodes}}
            first = style.t("overview", lang).split(";")[0]
            lists = {1: [(p.number, f"{first} · {caption(Part('', p.nodes, 'branch'))}") for p in tops[1:]]}
            done = 0
            for p, c in zip(listing, cut, strict=True):
                lists[p.number] = [(q.number, captions[done + k]) for k, q in enumerate(rest[done : done + len(c)])]
                done += len(c)
            for p in listing:
                got = lists[p.number]
                lists[1].append((p.number, f"{style.t('contents', lang)} {got[0][0]}–{got[-1][0]}"))
            return numbered, lists

        def final_page(page: Part, numbers: int | None) -> Diagram:
            return build_diagram(
                G,
                page,
                options=options,
                style=style,
                placement=placement,
                overlay=overlay,
                contents=lists.get(page.number),
                boxes=boxes,
                lines=lines,
                numbers=numbers,
                drawn=drawn,
            )

        previous: dict[tuple, Picture] = {}  # the pictures of the round before, by what they print (`_page_key`)
        named: dict[tuple[str, ...], list[str]] = {}  # `_page_key`'s goals named by each list of goals
        while True:
            pagination: Pagination = paginate(
                placement, selection, fits, split=split, focus=root, depth=depth, ahead=ahead
            )
            pagination, lists = overview_pages(pagination)
            pages = pagination.pages
            total = len(pages)
            pictures: list[Picture] = []
            # each page built with placeholders for its page numbers (the same DOT as the candidate that fit, laid
            # out once), its picture sent to Graphviz at once; then, in order, measured and its numbers written in.
            # The overview's list names pages in its own words ("Daftar halaman 4–10"): drawn with its numbers.
            # (A candidate that fit is not handed over: it was only estimated, and its page built here has the same
            # DOT, whose layout `measured` keeps when the candidate was laid out.)
            built: list[tuple[Part, Path, int, Diagram | None, Picture | None]] = []
            keys: list[tuple | None] = []  # each page's `_page_key`, when there is a round before to look in
            for page in pages:
                # a page the round before drew with the same goals, number, total, list and the same pages for
                # the goals its notes name prints the same: its picture is kept, not built and filled in again
                key = _page_key(page, total, lists.get(page.number), placement, named) if previous else None
                before = previous.get(key) if key is not None else None
                path = out if fmt == "pdf" else page_path(out, page.number, total)
                keys.append(key)
                if before is not None:
                    built.append((page, path, 0, None, before))
                    continue
                goals = sum(1 for n in page.nodes if G.nodes[n]["kind"] in ("goal", "indicator"))
                diagram = final_page(page, unknown if page.kind != "overview" else None)
                if graphviz:
                    send_ahead(diagram, str(path), goals)
                built.append((page, path, goals, diagram, None))
            for page, path, goals, first, before in built:
                if before is not None:
                    pictures.append(dataclasses.replace(before, part=page))
                    continue
                assert first is not None
                diagram = first
                found, svg = prints(diagram, str(path), goals)
                filled = fill_numbers(
                    diagram.source, svg if graphviz else None, diagram.numbers or {}, places, diagram.digest
                )
                if filled is None:  # the numbers do not fit their placeholders: drawn with its numbers
                    diagram = final_page(page, None)
                    found, svg = prints(diagram, str(path), goals)
                    filled = fill_numbers(
                        diagram.source, svg if graphviz else None, diagram.numbers or {}, places, diagram.digest
                    )
                assert filled is not None  # drawn with its numbers: nothing to fill in
                source, svg = filled[0], filled[1] or b""
                pictures.append(Picture(path, page, source, svg, goals, measure=found, caption=caption(page)))
            if not unsure(pictures):
                break
            previous = {
                _page_key(p.part, total, lists.get(p.part.number), placement, named) if key is None else key: p
                for p, key in zip(pictures, keys, strict=True)
            }
            # planned again: the candidates still to measure carry the numbers the pages came out with (their
            # "continued on page" notes, as long as the final ones will be, or nearly)
            planning_home.update({n: h + (unknown + 1) // 10 for n, h in (pages[-1].home or {}).items()})
        files: list[Path] = []
        written: set[Path] = set()
        sheets: list[tuple[bytes, Sheet]] = []
        folders: set[Path] = set()  # made for the files written so far
        for picture in pictures:
            path, source, printed = picture.path, picture.source, picture.measure
            assert printed is not None
            if fmt == "dot" or not graphviz:
                data = source.encode("utf-8")
            elif fmt != "svg":
                assert session is not None
                rendered = session.render(source, fmt, what=str(path), goals=picture.goals)
                data, picture.warnings = rendered.data, rendered.warnings
            else:
                data = picture.data
            picture.data = data
            picture.size_pt = page_size_pt(data, fmt, dpi or style.png_dpi) if fmt != "pdf" else printed.size
            if fmt == "pdf":
                w, h = sheet.sheet(printed.orientation)
                sheets.append((data, Sheet(w, h, printed.scale, sheet.margin)))
            elif write:
                write_bytes(path, data, lang, style, folders)
            if path not in written:  # a PDF: one file for every page
                written.add(path)
                files.append(path)
        bound = None
        if fmt == "pdf":
            bound = combine(sheets)
            if write:
                write_bytes(out, bound, lang, style)
    finally:
        if session is not None:
            session.close()
    drawing = Drawing(
        pages,
        sheet,
        files,
        split=pagination.split,
        automatic=pagination.automatic,
        whole=first_whole[0] if pagination.automatic and first_whole else None,
        layout=options.layout,
        mismatches=placement.misplaced,
        pdf=bound,
    )
    return drawing, pictures


def describe(drawing: Drawing, pictures: list[Picture], lang: str, style: Style, shown: str | None = None) -> list[str]:
    """What `kinerja render` says after drawing: why it split, each page, the total, what is still
    too small. `shown`: the name to give the output instead of the files ("-": standard output)."""

    def t(key: str, **params) -> str:
        return style.t(key, lang, **params)

    paper_name, limit = drawing.paper.name, style.min_text_pt
    out: list[str] = []
    if drawing.automatic and drawing.whole is not None:
        out.append(t("msg_split", size=_pt(drawing.whole), paper=paper_name, min=_num(limit), pages=len(pictures)))
    for picture in pictures:
        out.extend(t("msg_graphviz", message=w) for w in picture.warnings)
    if len(pictures) > 1:
        for picture in pictures:
            m = picture.measure
            out.append(
                t(
                    "msg_page",
                    number=picture.part.number,
                    file=shown or str(picture.path),
                    what=picture.caption,
                    goals=picture.goals,
                    size=_pt(m) if m else "-",
                    orientation=t(m.orientation) if m else "-",
                )
            )
    files = [shown] if shown else [str(f) for f in drawing.files]
    where = files[0] if len(files) == 1 else f"{files[0]} … {files[-1]}"
    goals = len({n for p in pictures for n in p.part.nodes})
    measured = [p.measure for p in pictures if p.measure is not None and not p.measure.estimated]
    if measured:
        smallest = min(m.smallest_text for m in measured)
        out.append(t("msg_drawn", file=where, pages=len(pictures), goals=goals, size=_num(smallest), paper=paper_name))
    else:
        out.append(t("msg_drawn_dot", file=where, pages=len(pictures), goals=goals))
    for picture in pictures:
        m = picture.measure
        if m is not None and not m.estimated and m.smallest_text < limit:
            why = t("why_one_box") if drawing.split else t("why_no_split")
            out.append(
                t("msg_too_small", number=picture.part.number, size=_pt(m), paper=paper_name, min=_num(limit), why=why)
            )
    if drawing.layout == "level" and drawing.mismatches:
        out.append(t("msg_layout_hint", count=drawing.mismatches))
    return out


def _pt(m: Measure) -> str:
    return _num(m.smallest_text)


def _num(x: float) -> str:
    return f"{x:.1f}"
