"""Printed pages: which goals go on which sheet so that every sheet prints readably.

The whole picture (or the part --root/--depth selects) is one page when it fits: when its smallest
text, shrunk to fit the paper, still reaches the minimum (rules/render.yaml, ``print``). Otherwise:

1. an **overview** page draws the top of the cascade: the top goals, down the chain of single
   children, and the goals below it that start the branches (Praya: the ultimate outcome and its
   four intermediate outcomes; Pino Raya, which has no top goal: its eight programs);
2. each **branch** (the goal that starts it and everything under it) goes on the following pages,
   in document order; small branches share a page as long as it still fits, so that no sheet is
   nearly empty; a branch too big for one sheet is split the same way below its top goal (the
   top goal's page takes as many of its sub-branches as fit; the rest continue on later pages);
3. orphans (and the goals under them) and indicators without a place share the last pages.

Every goal is drawn on exactly one page besides the overview; the overview repeats the goals that
start a branch, each saying on which page it continues. Whether a candidate page fits is asked of
`fits(nodes, kind)`, which draws it (render/__init__.py): what is measured is what prints. A page
that fills less than `SMALL_PAGE` of its sheet joins another page it fits on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kinerja_graph.render.layout import Placement
from kinerja_graph.render.plan import Part

SMALL_PAGE = 0.3  # a page filling less of its sheet than this joins another page where it fits
# how many other pages a nearly empty page tries to join, nearest first (each try lays a page out): without a
# bound, a cascade of thousands of pages would lay out pages × small pages candidates
MERGE_TRIES = 12


class Fit:
    """Whether a candidate page prints readably, and how much of its sheet it fills (0-1). `fill` may be given
    as a function, called the first time it is asked for: a page the planner can tell does not fit without
    building it is built only if its fill is wanted (a page of one box too big for a sheet)."""

    __slots__ = ("ok", "_fill")

    def __init__(self, ok: bool, fill: float | Callable[[], float]):
        self.ok = ok
        self._fill = fill

    @property
    def fill(self) -> float:
        if callable(self._fill):
            self._fill = self._fill()
        return self._fill


@dataclass
class Block:
    """Goals that belong together: a goal with everything under it (one head), or several such."""

    nodes: list[str]
    heads: list[str]
    lonely: bool = False  # a top goal cut from its branches (see _Planner.pack)


@dataclass
class Pagination:
    pages: list[Part]
    split: bool = False
    automatic: bool = False  # split because one picture would print too small


def paginate(
    placement: Placement,
    selection: list[str],
    fits: Callable[[list[str], str], Fit],
    *,
    split: bool | None = None,
    focus: str | None = None,
    depth: int | None = None,
    ahead: Callable[[list[str], str], Fit | None] | None = None,
) -> Pagination:
    """The pages drawing `selection` (document order). `split`: True forces pages, False forbids
    them, None splits when one page does not fit. `ahead`: as `fits`, or None when it cannot tell
    without laying the page out: a page growing block by block is first asked whether it takes the
    next two blocks at once (a page far from full takes both with one question)."""
    kind = "subtree" if focus is not None or depth is not None else "whole"
    whole = Part("", list(selection), kind, focus=focus, depth=depth)
    if split is False or (split is None and fits(whole.nodes, kind).ok):
        return number_pages([whole])
    planner = _Planner(placement, selection, fits, ahead)
    pages = planner.pages(focus)
    if len(pages) <= 1:
        return number_pages([whole])
    return number_pages(pages, split=True, automatic=split is None)


def number_pages(pages: list[Part], *, split: bool = False, automatic: bool = False) -> Pagination:
    home: dict[str, int] = {}
    for number, page in enumerate(pages, 1):
        page.number, page.total = number, len(pages)
        page.key = str(number) if len(pages) > 1 else ""
        page.home = home
        for n in page.nodes:
            if page.kind != "overview" or n not in home:
                home[n] = number
    return Pagination(pages, split, automatic)


class _Planner:
    def __init__(
        self,
        placement: Placement,
        selection: list[str],
        fits: Callable[[list[str], str], Fit],
        ahead: Callable[[list[str], str], Fit | None] | None = None,
    ):
        self.p = placement
        self.selected = set(selection)
        self.selection = selection
        self.fits = fits
        self.ahead = ahead
        self.assigned: set[str] = set()

    def kids(self, n: str) -> list[str]:
        return [v for v in self.p.kids.get(n, ()) if v in self.selected]

    def with_attachments(self, n: str) -> list[str]:
        return [n, *(i for i in self.p.attachments(n) if i in self.selected)]

    def subtree(self, head: str) -> list[str]:
        """`head`, the goals under it and their indicators without a goal, not yet on a page."""
        out: list[str] = []
        stack = [head]
        while stack:
            n = stack.pop()
            if n in self.assigned:
                continue
            for m in self.with_attachments(n):
                if m not in self.assigned:
                    self.assigned.add(m)
                    out.append(m)
            stack.extend(reversed(self.kids(n)))
        return self.p.sort(out)

    def pages(self, focus: str | None) -> list[Part]:
        p = self.p
        if focus is not None:
            tops = [focus]
        else:
            tops = [r for r in p.roots if r in self.selected]
            if not tops:  # no intended top inside the selection (a cycle): its parentless goals
                tops = [
                    n
                    for n in self.selection
                    if n in p.kids and not any(u in self.selected for u in p.parents[n]) and n not in p.orphan_group
                ]
        chain: list[str] = []
        heads = tops
        while len(heads) == 1 and self.kids(heads[0]):
            chain.append(heads[0])
            heads = self.kids(heads[0])
        overview_nodes: list[str] = []
        for n in chain:
            overview_nodes.extend(self.with_attachments(n))
        self.assigned.update(overview_nodes)
        blocks: list[Block] = []
        for h in heads:
            if h in self.assigned:
                continue
            nodes = self.subtree(h)
            overview_nodes.append(h)
            if len(nodes) > 1:
                blocks.append(Block(nodes, [h]))
        loose_blocks = [Block(self.subtree(h), [h]) for h in p.orphans if h in self.selected and h not in self.assigned]
        tray = [n for n in p.tray if n in self.selected and n not in self.assigned]
        self.assigned.update(tray)
        loose_blocks += [Block([n], [n]) for n in tray]
        rest = [n for n in self.selection if n not in self.assigned]
        if rest:  # goals no top reaches (a cycle)
            loose_blocks.append(Block(rest, []))

        pages = [(nodes, "branch") for nodes in self.pack(blocks)]
        pages += [(nodes, "loose") for nodes in self.pack(loose_blocks)]
        pages = self.merge(pages)
        return [Part("", p.sort(overview_nodes), "overview")] + [Part("", p.sort(n), k) for n, k in pages]

    def merge(self, pages: list[tuple[list[str], str]]) -> list[tuple[list[str], str]]:
        """A nearly empty page joins another page it fits on (the last page of a branch, a few
        orphans): no sheet is printed for three boxes."""
        pages = list(pages)
        loose_pages = sum(1 for _, k in pages if k == "loose")  # kept up to date as pages join
        for i in range(len(pages) - 1, -1, -1):
            nodes, kind = pages[i]
            if self.fits(nodes, kind).fill >= SMALL_PAGE:
                continue
            tries = 0
            # a few pages: in order; many: the nearest first (the one before first), MERGE_TRIES of them
            for j in range(len(pages)) if len(pages) <= MERGE_TRIES else _nearest(i, len(pages)):
                other, other_kind = pages[j]
                if j == i or (kind == "loose" and other_kind != "loose" and loose_pages > 1):
                    continue  # orphans stay together: a part of them joins only the rest of them
                tries += 1
                if tries > MERGE_TRIES:
                    break
                joined = kind if kind == other_kind else "branch"
                if self.fits(other + nodes, joined).ok:
                    pages[j] = (other + nodes, joined)
                    del pages[i]
                    loose_pages += (joined == "loose") - (kind == "loose") - (other_kind == "loose")
                    break
        return pages

    def subtree_of(self, head: str, inside: set[str]) -> list[str]:
        out: list[str] = []
        stack, seen = [head], set()
        while stack:
            n = stack.pop()
            if n in seen or n not in inside:
                continue
            seen.add(n)
            out.extend(m for m in self.with_attachments(n) if m in inside)
            stack.extend(self.kids(n))
        return list(dict.fromkeys(out))

    def expand(self, block: Block) -> list[Block]:
        """A block that does not fit, cut below its head: the head alone, then one block per child."""
        inside = set(block.nodes)
        if len(block.heads) != 1:
            out, taken = [], set()
            for h in block.heads:
                nodes = [n for n in self.subtree_of(h, inside) if n not in taken]
                taken.update(nodes)
                out.append(Block(self.p.sort(nodes), [h]))
            left = [n for n in block.nodes if n not in taken]
            out.extend(Block([n], [n]) for n in left)
            return out if len(out) > 1 else []
        head = block.heads[0]
        first = [n for n in self.with_attachments(head) if n in inside]
        out = [Block(first, [], lonely=True)]
        taken = set(first)
        for c in self.kids(head):
            if c not in inside or c in taken:
                continue
            nodes = [n for n in self.subtree_of(c, inside) if n not in taken]
            taken.update(nodes)
            out.append(Block(self.p.sort(nodes), [c]))
        left = [n for n in block.nodes if n not in taken]
        if left:
            out[0] = Block(out[0].nodes + left, [], lonely=True)
        return out if len(out) > 1 else []

    def pack(self, blocks: list[Block]) -> list[list[str]]:
        """Blocks onto pages in order, each page taking blocks while it fits. A block too big for
        a page is cut below its top goal (`expand`); the top goal then waits for the start of its
        first branch rather than standing alone on a sheet. A last page left nearly empty takes
        blocks from the end of the page before it (`balance`)."""
        pages: list[list[Block]] = []
        current: list[Block] = []
        lonely = False  # `current` ends with a top goal whose branches are still to come
        queue = deque(blocks)
        while queue:
            block = queue.popleft()
            if current and queue and self.ahead is not None and not block.lonely and not queue[0].lonely:
                both = self.ahead(_nodes(current) + block.nodes + queue[0].nodes, "branch")
                if both is not None and both.ok:
                    current += [block, queue.popleft()]
                    lonely = False
                    continue
            if current and self.fits(_nodes(current) + block.nodes, "branch").ok:
                current.append(block)
                lonely = block.lonely
                continue
            if current and lonely:
                smaller = self.expand(block)
                if smaller:
                    queue.extendleft(reversed(smaller))
                    continue
            if current:
                pages.append(current)
                current, lonely = [], False
            if self.fits(block.nodes, "branch").ok:
                current, lonely = [block], block.lonely
                continue
            smaller = self.expand(block)
            if not smaller:  # one box with its indicators: a page of its own, however small it prints
                pages.append([block])
                continue
            queue.extendleft(reversed(smaller))
        if current:
            pages.append(current)
        self.balance(pages)
        return [_nodes(page) for page in pages]

    def balance(self, pages: list[list[Block]]) -> None:
        """The last page, when it fills less than SMALL_PAGE of its sheet, takes whole blocks from the
        end of the page before it while it holds fewer goals than that page and both still print
        readably: two pages of 6 and 5 orphans, not 9 and 2."""
        if len(pages) < 2:
            return
        before, last = pages[-2], pages[-1]
        if self.fits(_nodes(last), "branch").fill >= SMALL_PAGE:
            return
        while len(before) > 1 and not before[-1].lonely and not before[-2].lonely:
            block = before[-1]
            moved = [block, *last]
            if len(_nodes(moved)) > len(_nodes(before[:-1])) or not self.fits(_nodes(moved), "branch").ok:
                break
            before.pop()
            last.insert(0, block)


def _nearest(i: int, count: int) -> Iterator[int]:
    """0..count-1 but `i`, nearest to `i` first, the one before `i` before the one after it (the order of
    sorting by distance, then position, without sorting every page for each nearly empty one)."""
    for d in range(1, max(i, count - 1 - i) + 1):
        if i - d >= 0:
            yield i - d
        if i + d < count:
            yield i + d


def _nodes(blocks: list[Block]) -> list[str]:
    return [n for b in blocks for n in b.nodes]
