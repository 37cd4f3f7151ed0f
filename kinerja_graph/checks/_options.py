"""Option schemas several rules share (not a rule: the registry skips modules whose name starts with an
underscore). A rule's options are data in the rule pack (rules/default.yaml); a rule declares only their
JSON Schema, in `options_schema`, and these are the pieces that recur."""

from __future__ import annotations

import functools

from kinerja_graph import policy

PLACEHOLDERS_SCHEMA = {
    "description": "Texts that count as empty (compared ignoring case and surrounding spaces).",
    "type": "array",
    "items": {"type": "string"},
}
MIN_LENGTH_SCHEMA = {
    "description": 'A text with fewer letters and digits than this counts as empty ("s" is not a data source).',
    "type": "integer",
    "minimum": 0,
}
SUMMARISE_SCHEMA = {
    "description": "When no item of the whole cascade has the field, report it once for the cascade instead of once "
    "per item.",
    "type": "boolean",
}


@functools.cache
def level_ids() -> tuple[str, ...]:
    """The ids of the shipped levels (rules/levels.yaml): what a level option may name."""
    return tuple(level.id for level in policy.levels().levels)


def levels_schema(description: str) -> dict:
    """The schema of an option listing level ids."""
    return {"description": description, "type": "array", "items": {"enum": list(level_ids())}, "uniqueItems": True}
