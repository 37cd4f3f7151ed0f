"""The pohon kinerja diagram: graph (+ findings) -> Graphviz object model -> DOT / SVG / PNG / PDF.

    from kinerja_graph import api
    from kinerja_graph.render import DiagramOptions, draw
    G = api.load_graph("samples/praya.yaml")
    plan, pictures = draw(G, "output/praya.svg", options=DiagramOptions(year=2024))

Modules: plan.py decides which goals go into which picture (--root, --depth, --split); dot.py
builds each picture as a ``graphviz.Digraph``; output.py runs Graphviz with a time limit;
command.py is the ``kinerja render`` command. Words, colours and limits are in rules/render.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kinerja_graph.render.dot import DiagramOptions, build_diagram
from kinerja_graph.render.errors import RenderError
from kinerja_graph.render.output import ENGINES, FORMATS, page_size_pt, render_source, write_bytes
from kinerja_graph.render.plan import Part, Plan, plan
from kinerja_graph.render.style import Style, load_style

__all__ = [
    "DiagramOptions",
    "ENGINES",
    "FORMATS",
    "Part",
    "Picture",
    "Plan",
    "RenderError",
    "build_diagram",
    "draw",
    "part_path",
    "plan",
    "render_source",
    "load_style",
]


@dataclass
class Picture:
    path: Path
    part: Part
    source: str  # the DOT text
    data: bytes  # what was (or would be) written
    goals: int
    size_pt: tuple[float, float] | None = None
    warnings: list[str] = field(default_factory=list)


def part_path(out: Path, key: str) -> Path:
    """The file of a part: the main picture keeps `out`, a branch "1.2" becomes "pohon-1.2.svg"."""
    return out if not key else out.with_name(f"{out.stem}-{key}{out.suffix}")


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
) -> tuple[Plan, list[Picture]]:
    """Draw G into `out` (and, when split, files next to it). `fmt` defaults to the suffix of `out`."""
    style = style or load_style()
    options = options or DiagramOptions()
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".") or "svg").lower()
    if fmt not in FORMATS:
        raise RenderError(style.t("err_format", options.lang, format=fmt))
    the_plan = plan(G, style, options.lang, root=root, depth=depth, split=split)
    files = {p.key: part_path(out, p.key) for p in the_plan.parts}
    pictures = []
    for part in the_plan.parts:
        links = {n: files[key].name for n, key in part.links.items()}
        diagram = build_diagram(G, part, findings, options, links=links, style=style)
        source = diagram.source
        path = files[part.key]
        rendered = render_source(
            source,
            fmt,
            engine=engine,
            timeout=timeout,
            dpi=dpi,
            lang=options.lang,
            what=str(path),
            goals=len(part.nodes),
            style=style,
        )
        if write:
            write_bytes(path, rendered.data, options.lang, style)
        size = page_size_pt(rendered.data, fmt, dpi or style.png_dpi)
        pictures.append(Picture(path, part, source, rendered.data, len(part.nodes), size, rendered.warnings))
    return the_plan, pictures
