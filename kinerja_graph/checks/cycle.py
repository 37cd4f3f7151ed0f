"""cycle: contribution links that go round in a circle."""

from __future__ import annotations

from typing import Any

import networkx as nx

from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule


def knots(children: Any, parents: Any, among=None):
    """Each set of goals linked in a circle (a strongly connected component with a circle), any order;
    with `among`, the circles of those goals alone (a set holding every circle's goals gives them all).

    Goals no circle can pass through are peeled off first, linearly: those with no parent left (from
    the top) and those with no child left (from the bottom). A tree peels away entirely; only what
    remains, the circles and the goals between them, goes to networkx's (iterative) component search.
    """
    remaining = set(children if among is None else among)
    for forward in (True, False):
        edges_in = parents if forward else children
        edges_out = children if forward else parents
        if forward and among is None:  # everything remains: no membership test needed
            waiting = {n: len(edges_in[n]) for n in remaining}
        else:  # only some goals remain, usually nothing or a handful
            waiting = {n: sum(1 for m in edges_in[n] if m in remaining) for n in remaining}
        ready = [n for n, k in waiting.items() if k == 0]
        while ready:
            n = ready.pop()
            remaining.discard(n)
            for m in edges_out[n]:
                if m in remaining:
                    waiting[m] -= 1
                    if waiting[m] == 0:
                        ready.append(m)
    if not remaining:
        return
    H = nx.DiGraph()
    H.add_nodes_from(remaining)
    H.add_edges_from((u, v) for u in remaining for v in children[u] if v in remaining)
    for component in nx.strongly_connected_components(H):
        if len(component) > 1:
            yield component
        else:
            (only,) = component
            if H.has_edge(only, only):
                yield component


def reached(starts: set, links: Any) -> set:
    """The goals reached from `starts` (included) following `links` (children, or parents), linearly."""
    seen = set(starts)
    stack = list(seen)
    while stack:
        for m in links[stack.pop()]:
            if m not in seen:
                seen.add(m)
                stack.append(m)
    return seen


def one_cycle(children: Any, component: set, start) -> list:
    """One circle inside a knot, found by walking children inside it until a goal repeats."""
    seen: dict = {}
    path: list = []
    node = start
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(v for v in children[node] if v in component)
    return path[seen[node] :]


class _Children:
    """children[n] for the few goals a search for circles visits, without gathering every goal's children."""

    def __init__(self, ix) -> None:
        self._of = ix.children_of

    def __getitem__(self, n):
        return self._of(n)


class Cycle(Rule):
    id = "cycle"
    area = "structure"
    lke = "1.b.8"
    summary = {
        "id": "Tautan kontribusi yang membentuk lingkaran",
        "en": "Contribution links that go round in a circle",
    }
    rationale = {
        "id": "Pohon kinerja menurut PermenPANRB 89/2021 menjaga logika sebab-akibat dari kondisi paling operasional "
        "sampai outcome; apabila sebuah kinerja (melalui kinerja lain) menjadi penyebab dirinya sendiri, rantai "
        "tersebut tidak memiliki titik awal dan evaluator tidak dapat menelusurinya pada LKE 1.b.8 (cascading).",
        "en": "A pohon kinerja under PermenPANRB 89/2021 keeps the cause-and-effect logic from the most operational "
        "condition up to the outcome; when a goal is (through others) its own cause, the chain has no start and "
        "an evaluator cannot follow it for LKE 1.b.8 (cascading).",
    }
    messages = {
        "default": {
            "id": 'Kinerja "{label}" ({level:level}) berada dalam tautan kontribusi yang melingkar: {path:circle}',
            "en": 'Goal "{label}" ({level:level}) is part of a circle of contribution links: {path:circle}',
        },
    }
    options_schema = {}
    doc = """\
## What it does
Finds goals whose contribution links (child -> parent) go round in a circle: a goal that contributes,
directly or through other goals, to itself. One finding per knot of goals linked in a circle; the
message shows one circle (ids, parent first), `related` holds the other goals of the knot. The search
is linear and iterative, so a circle through 10,000 goals is found as quickly as one through two.

## Why it matters
A cascade is a tree of causes: each goal is achieved by the goals below it. In a circle none of the
goals has a cause outside the circle, so the chain cannot be read from output to outcome; evaluators
score such a cascade as not causal (LKE 1.b.8, PermenPANRB 88/2021).

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, parent: "1.1"}
  - {id: "1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, parent: "1"}
```

## Fix
Give the top goal no parent (or its real parent):
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, parent: "1"}
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari kinerja yang tautan kontribusinya (kinerja bawahan -> induk) membentuk lingkaran:
kinerja yang, secara langsung atau melalui kinerja lain, berkontribusi pada dirinya sendiri. Satu temuan
dibuat untuk setiap kelompok kinerja yang saling terhubung secara melingkar; pesannya menampilkan satu
lingkaran (kode kinerja, dimulai dari induk), dan `related` memuat kinerja lain dalam kelompok tersebut.
Pencarian berjalan secara linear dan iteratif, sehingga lingkaran yang melalui 10.000 kinerja ditemukan
secepat lingkaran yang melalui dua kinerja.

## Mengapa penting
Pohon kinerja adalah pohon sebab: setiap kinerja dicapai melalui kinerja di bawahnya. Dalam sebuah
lingkaran, tidak satu pun kinerja memiliki penyebab di luar lingkaran tersebut, sehingga rantai tidak
dapat dibaca dari output sampai outcome; evaluator menilai pohon kinerja seperti ini tidak menunjukkan
hubungan sebab-akibat (LKE 1.b.8, PermenPANRB 88/2021).

## Contoh
## Perbaikan
Kinerja puncak tidak diberi induk (atau diberi induknya yang sebenarnya):

## Opsi
Tidak ada.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        ix = ctx.index
        if not ix.backward:  # every link goes down the graph's own order: nothing can go round
            return
        # a circle holds a link going back up, and every goal of it lies below that link's child and above
        # its parent: the circles are those of these goals alone
        children = _Children(ix)
        below = reached({v for _, v in ix.backward}, children)
        above = reached({u for u, _ in ix.backward}, ix.parents)
        order = lambda n: G.nodes[n]["order"]  # noqa: E731
        found = []
        for component in knots(children, ix.parents, below & above):
            start = min(component, key=order)
            circle = one_cycle(children, component, start)
            first = min(range(len(circle)), key=lambda i: order(circle[i]))
            circle = circle[first:] + circle[:first]
            found.append((order(circle[0]), circle, component))
        for _, circle, component in sorted(found, key=lambda x: x[0]):
            head = circle[0]
            in_circle = set(circle)
            rest = sorted((n for n in component if n not in in_circle), key=order)
            data = G.nodes[head]
            yield ctx.finding(
                head,
                related=[*circle[1:], *rest],
                rests_on=("parent",),
                label=label(data),
                level=data.get("level"),
                path=circle,
            )
