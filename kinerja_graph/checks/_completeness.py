"""Helpers shared by the structure, completeness and shape rules (not a rule: the registry skips
modules whose name starts with an underscore).

Quoting: a message names the offending text, shortened to QUOTE_LIMIT characters on one line.
Placeholders: "-", "n/a", "tidak ada" and the like count as empty (the list is each rule's option).
Absent everywhere: when *no* item of a cascade has a field (a drawn pohon kinerja carries no
formulas at all), the completeness rules say so once for the cascade instead of once per item.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import networkx as nx

from kinerja_graph import policy
from kinerja_graph.text import normalise

QUOTE_LIMIT = 70
LIST_LIMIT = 3
_SPACE = re.compile(r"\s+")

# option schemas shared by several rules
PLACEHOLDERS_SCHEMA = {
    "description": "Texts that count as empty (compared ignoring case and surrounding spaces).",
    "type": "array", "items": {"type": "string"},
}
MIN_LENGTH_SCHEMA = {
    "description": "A text with fewer letters and digits than this counts as empty (\"s\" is not a data source).",
    "type": "integer", "minimum": 0,
}
SUMMARISE_SCHEMA = {
    "description": "When no item of the whole cascade has the field, report it once for the cascade instead of once per item.",
    "type": "boolean",
}


@functools.lru_cache(maxsize=None)
def level_ids() -> tuple[str, ...]:
    return tuple(level.id for level in policy.levels().levels)


def levels_schema(description: str) -> dict:
    return {"description": description, "type": "array", "items": {"enum": list(level_ids())}, "uniqueItems": True}


def quote(text: object, limit: int = QUOTE_LIMIT) -> str:
    """A user's text on one line, shortened: what a message quotes."""
    s = _SPACE.sub(" ", str(text or "")).strip()
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def quoted_list(texts, limit: int = LIST_LIMIT) -> str:
    """'"a", "b", "c" (+2)'."""
    texts = list(texts)
    shown = ", ".join(f'"{quote(t)}"' for t in texts[:limit])
    return shown + (f" (+{len(texts) - limit})" if len(texts) > limit else "")


def level_name(level_id: str | None, lang: str) -> str:
    level = policy.levels().by_id(level_id)
    if level is None:
        return "?" if level_id is None else str(level_id)
    return level.name[lang]


def label(data: dict) -> str:
    """What to call a node in a message: its statement, else its first indicator, else its id."""
    if data.get("statement"):
        return quote(data["statement"])
    indicators = data.get("indicators") or []
    if indicators:
        return quote(indicators[0].name)
    return quote(data.get("node").id if data.get("node") is not None else "?")


@dataclass(frozen=True)
class Index:
    """What the structure rules ask of a graph, computed in one linear pass and shared between rules.

    goals, loose   (id, data) of goals and of indicators without a goal, in document order
    nodes          both, in document order
    indicators     (node id, node data, indicator) for every indicator of both, in document order
    children       goal -> the goals contributing to it (contribution edges), in document order
    parents        goal -> the goals it contributes to
    All read-only: rules share them.
    """

    goals: list
    loose: list
    nodes: list
    indicators: list
    children: dict
    parents: dict


_CACHE = "_kinerja_index"  # where a frozen graph keeps its Index: an attribute of the graph object


def _by_order(pairs: list) -> list:
    """(id, data) pairs in document order; graphs built by graph.py are already, and are not re-sorted."""
    last = -1
    for _, d in pairs:
        order = d.get("order", 0)
        if order < last:
            return sorted(pairs, key=lambda nd: nd[1].get("order", 0))
        last = order
    return pairs


def index(G: nx.DiGraph) -> Index:
    """The Index of G; kept on the graph once it is frozen and so can no longer change."""
    cached = getattr(G, _CACHE, None)
    if cached is not None:
        return cached
    # G._node / G._adj are networkx's own dicts behind G.nodes / G.adj: the same data without the view
    # objects, which matters at 10^5 nodes.
    nodes = _by_order([(n, d) for n, d in G._node.items() if d.get("kind") in ("goal", "indicator")])
    goals = [(n, d) for n, d in nodes if d["kind"] == "goal"]
    loose = [(n, d) for n, d in nodes if d["kind"] == "indicator"]
    children: dict = {n: [] for n, _ in goals}
    parents: dict = {n: [] for n, _ in goals}
    unsorted = False
    for u, kids in children.items():
        for v, attr in G._adj[u].items():
            if attr.get("kind") == "contribution" and v in parents:
                kids.append(v)
                parents[v].append(u)
        unsorted = unsorted or len(kids) > 1
    if unsorted:
        order = {n: i for i, (n, _) in enumerate(goals)}
        for kids in children.values():
            if len(kids) > 1:
                kids.sort(key=order.__getitem__)
    indicators = [(n, d, indicator) for n, d in nodes for indicator in d.get("indicators") or ()]
    built = Index(goals, loose, nodes, indicators, children, parents)
    if nx.is_frozen(G):
        setattr(G, _CACHE, built)
    return built


def nodes_in_order(G: nx.DiGraph, kinds=("goal", "indicator")):
    """(id, data) of goal and loose-indicator nodes, in document order (a new list: yours to change)."""
    ix = index(G)
    if kinds == ("goal",):
        return list(ix.goals)
    if kinds == ("indicator",):
        return list(ix.loose)
    return list(ix.nodes)


def goals_in_order(G: nx.DiGraph):
    """(id, data) of the goals, in document order (a new list)."""
    return list(index(G).goals)


def indicators_in_order(G: nx.DiGraph):
    """(node id, node data, indicator) for every indicator, goals' and loose ones, in document order (a new list)."""
    return list(index(G).indicators)


def placeholder_set(options: dict) -> frozenset:
    return frozenset(str(p).strip().lower() for p in options.get("placeholders") or ())


def is_blank(value: str | None, placeholders: frozenset, min_length: int = 0, symbols_count: bool = False) -> bool:
    """Empty, a placeholder ("-", "n/a"), only punctuation, or shorter than min_length letters/digits.

    symbols_count: a text of symbols only is not blank (a unit of "%" is a unit).
    """
    if value is None:
        return True
    s = str(value).strip()
    if not s:
        return True
    if s.lower() in placeholders:
        return True
    if symbols_count:
        return False
    need = max(min_length, 1)
    count = 0
    for ch in s:  # stops as soon as enough letters and digits are seen
        if ch.isalnum():
            count += 1
            if count >= need:
                return False
    return True


def contribution_children(G: nx.DiGraph, n) -> list:
    """The goals contributing to n, in document order (read-only)."""
    return index(G).children.get(n, [])


def contribution_parents(G: nx.DiGraph, n) -> list:
    """The goals n contributes to (read-only)."""
    return index(G).parents.get(n, [])


def indicator_location(G: nx.DiGraph, n, indicator):
    """Where an indicator stands: its own row/line when known, else its goal's."""
    loc = getattr(indicator, "location", None)
    if loc is not None and loc.line is not None:
        return loc
    return G.nodes[n].get("location")


_PARENTHESES = re.compile(r"\([^()]*\)")


def _core(text: str) -> str:
    """A text for "does the formula only repeat the name?": normalised, abbreviations in brackets dropped."""
    return normalise(_PARENTHESES.sub(" ", str(text)))


def _ends(s: str) -> tuple[str, str]:
    """The first and the last letter or digit of s, lower case ("", "") when it has none."""
    i, j = 0, len(s) - 1
    while i <= j and not s[i].isalnum():
        i += 1
    while j >= i and not s[j].isalnum():
        j -= 1
    return (s[i].lower(), s[j].lower()) if i <= j else ("", "")


def same_text(a: str, b: str) -> bool:
    """Do a and b say the same words (case, accents, punctuation and bracketed abbreviations aside)?

    Plain ASCII texts without brackets that begin or end with different letters cannot be the same:
    that check costs next to nothing and spares normalising almost every formula ("… x 100%").
    """
    if a.isascii() and b.isascii() and "(" not in a and "(" not in b and _ends(a) != _ends(b):
        return False
    return _core(a) == _core(b)


def missing_field(rule, ctx, field: str):
    """Findings for indicators whose `field` (formula, source) is absent or a placeholder.

    Variants of rule.messages: "one" (absent), "placeholder" (written but empty in meaning), "same"
    (only repeats the indicator's name; used when the option same-as-name is true) and "none" (no
    indicator of the cascade has the field at all).
    """
    options = ctx.options
    placeholders = placeholder_set(options)
    min_length = int(options.get("min-length", 0) or 0)
    same_as_name = bool(options.get("same-as-name", False))
    need = max(min_length, 1)
    lacking = []
    items = index(ctx.G).indicators
    total = len(items)
    for n, _, indicator in items:
        value = getattr(indicator, field)
        text = value.strip() if value is not None else ""
        if not text:
            lacking.append((n, indicator, "one", value))
            continue
        if text.lower() in placeholders:
            lacking.append((n, indicator, "placeholder", value))
            continue
        count = 0
        for ch in text:  # enough letters and digits? (stops as soon as there are)
            if ch.isalnum():
                count += 1
                if count >= need:
                    break
        else:
            lacking.append((n, indicator, "placeholder", value))
            continue
        if same_as_name:
            name = indicator.name
            last_a, last_b = text[-1], name[-1:]
            if (last_a.isalnum() and last_b.isalnum() and last_a.lower() != last_b.lower()
                    and text.isascii() and name.isascii()):
                continue  # different last letters: cannot be the same words (the common case, cheaply)
            if same_text(text, name):
                lacking.append((n, indicator, "same", value))
    if not lacking:
        return
    if (options.get("summarise-absent", True) and total > 1
            and sum(1 for *_, variant, _ in lacking if variant == "one") == total):
        yield ctx.finding(None, rule.messages["none"], count=total)
        return
    for n, indicator, variant, value in lacking:
        yield ctx.finding(n, rule.messages[variant], location=indicator_location(ctx.G, n, indicator),
                          indicator=quote(indicator.name), value=quote(value or "", 30))
