"""What a message names (not a rule: the registry skips modules whose name starts with an underscore).

A message quotes the offending text on one line, shortened to QUOTE_LIMIT characters: a finding's
arguments carry the quoted text, never a whole value (a statement may hold 100 kB).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from itertools import compress, repeat

from kinerja_graph.model import Location

QUOTE_LIMIT = 70


def quote(text: object, limit: int = QUOTE_LIMIT) -> str:
    """A user's text on one line, shortened: what a message quotes."""
    s = " ".join(str(text or "").split())  # whitespace runs as one space, none at the ends
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def quote_many(texts: Sequence, limit: int = QUOTE_LIMIT) -> list[str]:
    """quote(text, limit) of each of `texts`, many at once: the names a finding lists by the thousand. Texts
    run on one line in C; Python shortens only the few longer than `limit`."""
    if not set(map(type, texts)) <= {str}:  # None, or something else a hand-built model holds
        return [quote(text, limit) for text in texts]
    found = list(map(" ".join, map(str.split, texts)))
    for i in compress(range(len(found)), map(operator.gt, map(len, found), repeat(limit))):
        found[i] = found[i][: limit - 1].rstrip() + "…"
    return found


def label(data: Mapping) -> str:
    """What to call a node in a message: its statement, else its first indicator, else its id (quoted)."""
    if data.get("statement"):
        return quote(data["statement"])
    indicators = data.get("indicators") or []
    if indicators:
        return quote(indicators[0].name)
    model = data.get("node")
    return quote(model.id if model is not None else "?")


def indicator_location(indicator: object, data: Mapping) -> Location | None:
    """Where an indicator stands: its own row/line when known, else its node's (`data`)."""
    loc = getattr(indicator, "location", None)
    if loc is not None and loc.line is not None:
        return loc
    return data.get("location")
