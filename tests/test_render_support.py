"""Helpers for the render tests (no tests here): reading DOT and SVG, cascades to draw."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pydot
import pytest
import yaml

from kinerja_graph import api
from kinerja_graph.graph import build_graph
from kinerja_graph.model import Cascade, Crosscut, Indicator, Node, Organisation, Target
from kinerja_graph.render import output

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SVG = "{http://www.w3.org/2000/svg}"
LEVELS = ["ultimate_outcome", "intermediate_outcome", "immediate_outcome", "output", "process"]


# ------------------------------------------------------------------ cascades


# both Graphviz engines, each skipped where it is not installed
ENGINES = [
    pytest.param(
        "dot", marks=pytest.mark.skipif(not output.has_dot(), reason="the Graphviz `dot` program is not installed")
    ),
    pytest.param(
        "pygraphviz",
        marks=pytest.mark.skipif(
            not output.has_pygraphviz(), reason="pygraphviz is not installed (pip install -e '.[render]')"
        ),
    ),
]


def sample_graph(name: str):
    return api.load_graph(str(SAMPLES / f"{name}.yaml"))


def generated_graph(fanout=(3, 3, 2, 2), roots=1, *, crosscut_every=0, indicator_only=0):
    """A regular cascade: `roots` top goals, each level's goals having fanout[level] children."""
    nodes = []

    def add(node_id, depth, parent):
        cross = [Crosscut("BKPSDM")] if crosscut_every and len(nodes) % crosscut_every == 0 else []
        nodes.append(
            Node(
                id=node_id,
                statement=f"Meningkatnya kinerja bagian {node_id}",
                level=LEVELS[depth],
                parents=[parent] if parent else [],
                owner=f"Pejabat tingkat {depth}",
                indicators=[
                    Indicator(
                        name=f"Persentase capaian {node_id}",
                        targets={2024: Target("80", 80.0, None, "number")},
                        unit="%",
                    )
                ],
                crosscutting=cross,
            )
        )
        if depth < len(fanout):
            for i in range(fanout[depth]):
                add(f"{node_id}.{i + 1}", depth + 1, node_id)

    for r in range(roots):
        add(str(r + 1), 0, None)
    for i in range(indicator_only):
        nodes.append(Node(id=f"lepas-{i + 1}", level="output", indicators=[Indicator(name=f"Indikator lepas {i + 1}")]))
    return build_graph(Cascade(Organisation("Kecamatan Uji"), nodes, period=[2024, 2025]))


def write_yaml(path: Path, document: dict) -> Path:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


HOSTILE = {
    "quotes": "Kutip \"ganda\" dan 'tunggal'",
    "dot": 'Kurawal {a} [b]; digraph { x -> y } -- "q"',
    "markup": "<b>tebal</b> <script>alert(1)</script> <!-- komentar --> ]]> <![CDATA[x]]>",
    "entities": "Dan & &amp; &lt;tag&gt; &#65; &nbsp; &unknown;",
    "backslash": "Garis\\miring \\N \\G \\E \\H \\T \\L \\n \\l \\\\ akhir\\",
    "format": "Format {0} {name} %s %(x)d",
    "emoji": "Emoji 😀 🇮🇩 ✔ ≥ 90%",
    "newline": "Baris satu\nbaris dua",
    "tab": "Kolom\tberikutnya",
    "long": ("Meningkatnya kualitas layanan publik yang prima " * 45)[:2000],
    "nospace": "x" * 300,
}


def hostile_document() -> dict:
    """A cascade whose every user-typed field carries text that could break DOT, HTML or SVG."""
    h = HOSTILE
    return {
        "kinerja": 1,
        "organisation": {"name": 'Kec. <i>"Uji"</i> & {Org} \\N'},
        "period": [2024],
        "nodes": [
            {
                "id": "1",
                "statement": h["markup"],
                "level": "tujuan",
                "owner": h["quotes"],
                "indicators": [{"name": h["entities"], "targets": {"2024": '<80> & "90"'}}],
            },
            {
                "id": "1.1",
                "parent": "1",
                "statement": h["dot"],
                "level": "sasaran",
                "owner": h["backslash"],
                "indicators": [{"name": h["format"]}],
                "crosscutting": ['Satpol <PP> & "TNI"'],
            },
            {
                "id": "1.1.1",
                "parent": "1.1",
                "statement": h["backslash"],
                "level": "program",
                "owner": h["emoji"],
                "indicators": [{"name": h["newline"]}],
            },
            {
                "id": "1.1.2",
                "parent": "1.1",
                "statement": h["emoji"],
                "level": "program",
                "owner": h["dot"],
                "indicators": [{"name": h["tab"]}],
            },
            {"id": "1.1.1.1", "parent": "1.1.1", "statement": h["long"], "level": "kegiatan", "owner": h["markup"]},
            {"id": "1.1.1.2", "parent": "1.1.1", "statement": h["newline"], "level": "kegiatan"},
            {"id": "1.1.2.1", "parent": "1.1.2", "statement": h["nospace"], "level": "kegiatan"},
            {"id": "1.1.2.2", "parent": "1.1.2", "statement": h["format"], "level": "kegiatan"},
            {"id": "1.1.2.3", "parent": "1.1.2", "statement": h["quotes"], "level": "kegiatan"},
            {"id": "1.1.2.4", "parent": "1.1.2", "statement": h["entities"], "level": "kegiatan"},
            {"id": "1.1.2.5", "parent": "1.1.2", "statement": h["tab"], "level": "kegiatan"},
        ],
    }


# ------------------------------------------------------------------ DOT


@dataclass
class DotModel:
    """The parts of a DOT text the tests look at."""

    graph: pydot.Dot
    attrs: dict  # the graph's own attributes (graph [...])
    nodes: dict  # name -> attributes (top-level node statements)
    edges: list  # (tail, head, attributes)
    ranks: list  # list of node-name lists, one per rank=same subgraph
    clusters: dict = None  # cluster name -> (node names inside it, its attributes)

    def label(self, name: str) -> str:
        return self.nodes[name].get("label", "")


@functools.lru_cache(maxsize=64)
def parse_dot(source: str) -> DotModel:
    """The DOT text's graph (memoised: pydot parses a sample's DOT in seconds; treat it as read-only)."""
    graphs = pydot.graph_from_dot_data(source)
    assert graphs and len(graphs) == 1, "the DOT text must parse as exactly one graph"
    g = graphs[0]
    nodes, graph_attrs = {}, {}
    for n in g.get_nodes():
        name = n.get_name()
        if name == "graph":
            graph_attrs.update(_unquote(n.get_attributes()))
        if name in ("node", "edge", "graph"):
            continue
        assert name not in nodes, f"node {name} is defined twice"
        nodes[name] = _unquote(n.get_attributes())
    edges = [(e.get_source(), e.get_destination(), _unquote(e.get_attributes())) for e in g.get_edges()]
    ranks = []
    clusters = {}

    def walk(sub):
        members = []
        for n in sub.get_nodes():
            name = n.get_name()
            if name in ("node", "edge", "graph"):
                continue
            members.append(name)
            if n.get_attributes():  # defined here, not only placed on the rank
                assert name not in nodes, f"node {name} is defined twice"
                nodes[name] = _unquote(n.get_attributes())
        edges.extend((e.get_source(), e.get_destination(), _unquote(e.get_attributes())) for e in sub.get_edges())
        if sub.get_attributes().get("rank") == "same":
            ranks.append(members)
        name = sub.get_name().strip('"')
        inner = [members]
        for child in sub.get_subgraphs():
            inner.append(walk(child))
        flat = [m for group in inner for m in group]
        if name.startswith("cluster"):
            clusters[name] = (flat, _unquote(sub.get_attributes()))
        return flat

    for sub in g.get_subgraphs():
        walk(sub)
    return DotModel(g, graph_attrs, nodes, edges, ranks, clusters)


def _unquote(attrs: dict) -> dict:
    out = {}
    for k, v in attrs.items():
        v = str(v)
        if len(v) >= 2 and v[0] == v[-1] == '"':
            v = v[1:-1].replace('\\"', '"')
        out[k] = v
    return out


def flat(label: str) -> str:
    """A label's text with line breaks as spaces (to look for phrases the wrapping split)."""
    return re.sub(r"<BR[^>]*>", " ", label).replace("\u00a0", " ")


def where_drawn(model: DotModel, G, n) -> list[str]:
    """The Graphviz nodes drawing goal n (its own node "g<order>"; never a shared column)."""
    name = f"g{G.nodes[n]['order']}"
    port = f'PORT="{name}"'
    found = [name] if name in model.nodes else []
    return found + [k for k, attrs in model.nodes.items() if k != name and port in attrs.get("label", "")]


# ------------------------------------------------------------------ SVG


@dataclass
class SvgNode:
    title: str
    box: tuple[float, float, float, float]  # min x, min y, max x, max y of what is drawn
    texts: list[tuple[float, float, str]]


_NUM = re.compile(r"-?\d+(?:\.\d+)?")


def _points(element) -> list[tuple[float, float]]:
    raw = element.get("points") or element.get("d") or ""
    nums = [float(x) for x in _NUM.findall(raw)]
    return list(zip(nums[0::2], nums[1::2], strict=False))


def svg_nodes(svg: bytes) -> tuple[list[SvgNode], list[tuple[float, float, str]]]:
    """Every Graphviz node of an SVG (with the box of its drawn shapes and its texts), and the
    texts of the edges (their labels)."""
    root = ET.fromstring(svg)
    nodes, edge_texts = [], []
    for g in root.iter(f"{SVG}g"):
        cls = g.get("class")
        texts = [(float(t.get("x")), float(t.get("y")), t.text or "") for t in g.iter(f"{SVG}text")]
        if cls == "node":
            pts = [
                p for el in g.iter() if el.tag in (f"{SVG}polygon", f"{SVG}path", f"{SVG}polyline") for p in _points(el)
            ]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            box = (min(xs), min(ys), max(xs), max(ys)) if pts else (0.0, 0.0, 0.0, 0.0)
            nodes.append(SvgNode(g.find(f"{SVG}title").text, box, texts))
        elif cls == "edge":
            edge_texts.extend(texts)
    return nodes, edge_texts


def overlapping(boxes: list[tuple[str, tuple]], tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (sweep over x, so it stays fast on big pictures)."""
    items = sorted(boxes, key=lambda b: b[1][0])
    active: list[tuple[str, tuple]] = []
    out = []
    for name, (x0, y0, x1, y1) in items:
        active = [a for a in active if a[1][2] > x0 + tolerance]
        for other, (a0, b0, a1, b1) in active:
            if min(x1, a1) - max(x0, a0) > tolerance and min(y1, b1) - max(y0, b0) > tolerance:
                out.append((other, name))
        active.append((name, (x0, y0, x1, y1)))
    return out


def all_text(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def squash(text: str) -> str:
    """Text without any whitespace (wrapping moves spaces and line breaks, nothing else)."""
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


ODD = """\
kinerja: 1
organisation: {name: Aneh}
nodes:
  - {id: A, parent: C, statement: Satu siklus, level: tujuan, owner: Camat, indicators: [{name: X}]}
  - {id: B, parent: A, statement: Dua, level: sasaran, crosscutting: [BKPSDM]}
  - {id: C, parent: B, statement: Tiga, level: program}
  - {id: D, parent: [A, B], statement: Dua induk, level: program, crosscutting: [BKPSDM, TNI]}
  - {id: E, parent: D, statement: Terbalik, level: tujuan}
  - {id: F, parent: F, statement: Diri sendiri, level: output}
  - {id: G, parent: B, statement: Sama level, level: sasaran}
  - {id: H, parent: NOPE, statement: Yatim, level: proses}
  - {id: I, level: output, indicators: [{name: Indikator yatim}]}
"""
"""A cascade with every structural defect at once: a cycle, two parents, a child above its parent,
a goal its own parent, a parent of the same level, a missing parent, an indicator without a goal."""
