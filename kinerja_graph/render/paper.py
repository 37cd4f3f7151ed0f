"""Paper: how large a drawn page prints, and how small its smallest text comes out.

A page is drawn at its own size (the font sizes of rules/render.yaml, in points) and printed shrunk
to fit the sheet inside its margins, never enlarged. The smallest text of a printed page is the
smallest font size Graphviz actually wrote into the page's SVG times that scale: measured on what
was drawn, not estimated. Without Graphviz (DOT output only) the size is estimated from the boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja_graph.render.errors import RenderError
from kinerja_graph.render.style import Style

ORIENTATIONS = ("landscape", "portrait")
MM = 72.0 / 25.4
_SVG_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_FONT_SIZE = re.compile(rb'font-size="([\d.]+)"')
_SCALE = re.compile(rb'transform="scale\(([\d.]+)(?: ([\d.]+))?\)')


@dataclass(frozen=True)
class Paper:
    name: str
    width: float  # points, portrait
    height: float
    margin: float
    orientation: str | None = None  # None: whichever suits the page

    def sheet(self, orientation: str) -> tuple[float, float]:
        """Width and height of the sheet in points."""
        return (self.height, self.width) if orientation == "landscape" else (self.width, self.height)

    def fit(self, size: tuple[float, float]) -> tuple[float, str]:
        """The scale (at most 1) at which a page of `size` points prints, and the orientation."""
        w, h = size
        best = (-1.0, "landscape")
        for orientation in (self.orientation,) if self.orientation else ORIENTATIONS:
            sw, sh = self.sheet(orientation)
            pw, ph = max(sw - 2 * self.margin, 1.0), max(sh - 2 * self.margin, 1.0)
            scale = min(1.0, pw / max(w, 1.0), ph / max(h, 1.0))
            if scale > best[0] + 1e-9:
                best = (scale, orientation)
        return best


def paper(style: Style, name: str | None = None, orientation: str | None = None, lang: str = "id") -> Paper:
    name = name or style.print["paper"]
    papers = style.print["papers"]
    match = next((k for k in papers if k.casefold() == str(name).casefold()), None)
    if match is None:
        raise RenderError(style.t("err_paper", lang, paper=name, choices=", ".join(papers)))
    if orientation not in (None, *ORIENTATIONS):
        raise ValueError(f"orientation must be one of {ORIENTATIONS}")
    size = papers[match]
    return Paper(match, size["width_mm"] * MM, size["height_mm"] * MM, style.print["margin_mm"] * MM, orientation)


@dataclass(frozen=True)
class Measure:
    """A drawn page: its size in points, its smallest font, and how it prints."""

    size: tuple[float, float]
    smallest_font: float
    scale: float
    orientation: str
    estimated: bool = False

    def fill(self, sheet: Paper, content: tuple[float, float] | None = None) -> float:
        """How much of the printable part of its sheet the page covers (0-1) when printed: the
        whole page, or its `content` (points at the drawing's size)."""
        sw, sh = sheet.sheet(self.orientation)
        area = max(sw - 2 * sheet.margin, 1.0) * max(sh - 2 * sheet.margin, 1.0)
        w, h = content or self.size
        return min(1.0, w * h * self.scale**2 / area)

    @property
    def smallest_text(self) -> float:
        """The smallest text as printed, in points (rounded down to a tenth, never flattering)."""
        return int(self.smallest_font * self.scale * 10 + 1e-6) / 10


def measure_svg(svg: bytes, sheet: Paper) -> Measure | None:
    """The size and smallest font of a Graphviz SVG, and how it prints on `sheet`."""
    m = _SVG_SIZE.search(svg[:4000])
    if not m:
        return None
    size = (float(m.group(1)), float(m.group(2)))
    zoom = 1.0
    s = _SCALE.search(svg[:6000])
    if s:
        zoom = float(s.group(1))
    # each size written once (a page writes a few sizes in hundreds of texts)
    fonts = [float(x) * zoom for x in set(_FONT_SIZE.findall(svg))]
    if not fonts:
        fonts = [0.0]
    scale, orientation = sheet.fit(size)
    return Measure(size, min(fonts), scale, orientation)


def estimate(size: tuple[float, float], smallest_font: float, sheet: Paper) -> Measure:
    scale, orientation = sheet.fit(size)
    return Measure(size, smallest_font, scale, orientation, estimated=True)


# The estimate decides a candidate page alone only once the run has measured this many pages with Graphviz
# and only by this margin beyond the worst misses measured so far (see Calibration)
CALIBRATION_PAGES = 24
CALIBRATION_MARGIN = 0.03
# a candidate the calibration cannot decide closes its page without a layout only when the estimate's misses seen
# span at most this ratio (highest over lowest): then the page lost to closing is small
CLOSING_SPREAD = 1.08


class Calibration:
    """How far a run's estimates (`estimate`, from the boxes) miss what Graphviz draws, learnt from the
    pages it measures: the smallest printed text measured over estimated, at its lowest and highest.
    Once CALIBRATION_PAGES pages are measured, a candidate whose estimate, moved by the worst miss seen and a
    margin, is still on one side of the minimum text size is decided without Graphviz (`sure`). A run whose
    estimates miss widely (few pages, another direction, findings lists) keeps laying pages out; a
    Pemda-wide cascade, whose pages look alike, lays out only the candidates near the limit."""

    def __init__(self, limit: float, pages: int = CALIBRATION_PAGES, margin: float = CALIBRATION_MARGIN):
        self.limit = limit
        self.pages = pages
        self.margin = margin
        self.measured = 0
        self.low = 1.0
        self.high = 1.0

    def learn(self, guess: Measure, found: Measure) -> None:
        """One candidate measured with Graphviz: how far its estimate was off."""
        estimated = guess.smallest_font * guess.scale
        if estimated <= 0:
            return
        ratio = found.smallest_font * found.scale / estimated
        self.measured += 1
        self.low = min(self.low, ratio)
        self.high = max(self.high, ratio)

    @property
    def narrow(self) -> bool:
        """Learnt, and its misses within CLOSING_SPREAD: a candidate it cannot decide may close its page unlaid."""
        return self.measured >= self.pages and self.high <= self.low * CLOSING_SPREAD

    def sure(self, guess: Measure) -> bool | None:
        """True: the page prints readably however far (within what was seen) the estimate misses; False:
        it cannot; None: only Graphviz can tell."""
        if self.measured < self.pages:
            return None
        estimated = guess.smallest_font * guess.scale
        if _printed(estimated * self.low * (1 - self.margin)) >= self.limit:
            return True
        if _printed(estimated * self.high * (1 + self.margin)) < self.limit:
            return False
        return None


def _printed(points: float) -> float:
    """A text size as printed (Measure.smallest_text: rounded down to a tenth)."""
    return int(points * 10 + 1e-6) / 10
