"""YAML read safely and within budgets: the one reader of cascades, rule packs, vocabularies and words.

PyYAML's safe composer (the C one when libyaml is present) turns the text into a node tree; no object
is ever constructed from a tag. `to_data` then turns the tree into dicts, lists and scalars without
recursion, and refuses what would make the rest of the run hang or exhaust memory:

- aliases that expand too much: more than ``2 × distinct + ALIAS_NODES`` nodes (a billion laughs), or
  more than ``2 × distinct + ALIAS_CHARACTERS`` characters of text (a few thousand aliases of one long
  string: few nodes, but hundreds of megabytes once written out or compared);
- values nested deeper than `max_depth` containers (the depth counts afresh inside the keys given as
  `fresh_depth_keys`: a cascade's nested ``children`` may go as deep as its tree);
- anything tagged with another than YAML's own scalar, sequence and mapping tags.

A file's size is its reader's budget (cascades: loaders.MAX_FILE; policy files: policy.MAX_POLICY_FILE).
Problems are raised as `YamlRefused` (line, message); each reader turns it into its own error.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml refuses a surrogate escape ("\\ud800"); PyYAML's own scanner lets one through (its readers check)
REFUSES_SURROGATES = _Loader is not yaml.SafeLoader

ALIAS_NODES = 100_000  # nodes aliases may add beyond twice the distinct ones
ALIAS_CHARACTERS = 2_000_000  # characters of text aliases may add beyond twice the distinct ones

_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"


class YamlRefused(Exception):
    """The text is not valid YAML, or is refused (a tag, an alias bomb, too deep): line (1-based) or None."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text (None for an empty document); YamlRefused when it is not YAML."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlRefused(mark.line + 1 if mark else None, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlRefused(None, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlRefused(None, "YAML nested too deeply; use the flat form with parent ids") from None


def to_data(
    root: yaml.Node,
    scalar: Callable[[yaml.ScalarNode], object],
    *,
    on_mapping: Callable[[dict, yaml.Node], None] | None = None,
    max_depth: int | None = None,
    fresh_depth_keys: Collection[str] = (),
) -> object:
    """Turn a composed node tree into dicts, lists and scalars (`scalar` converts one scalar node)
    without recursion, within the budgets of the module docstring. `on_mapping(mapping, node)` is
    called for every mapping made (to remember where it stood)."""
    distinct: set[int] = set()
    expanded = expanded_chars = distinct_chars = 0
    holder: list = []
    # (node, container, key or index or None, depth, the nearest mapping key above: for messages)
    stack: list = [(root, holder, None, 1, "")]
    while stack:
        node, container, slot, depth, field = stack.pop()
        expanded += 1
        value: object
        if type(node) is yaml.ScalarNode:
            size = len(node.value)
            expanded_chars += size
            if id(node) not in distinct:
                distinct.add(id(node))
                distinct_chars += size
            elif expanded_chars > 2 * distinct_chars + ALIAS_CHARACTERS:
                raise YamlRefused(_line(node), "YAML aliases repeat too much text; write the data out")
            value = scalar(node)
        else:
            distinct.add(id(node))
            if max_depth is not None and depth > max_depth:
                named = _short(field, 40)[1:-1] + ": " if field else ""
                raise YamlRefused(_line(node), f"{named}a value nested more than {max_depth} levels deep")
            if type(node) is yaml.SequenceNode:
                if node.tag != _SEQ:
                    raise YamlRefused(_line(node), f"unsupported YAML tag {node.tag!r}; tags are not allowed")
                items: list[object] = [None] * len(node.value)
                value = items
                for i in range(len(node.value) - 1, -1, -1):
                    stack.append((node.value[i], items, i, depth + 1, field))
            else:
                if node.tag != _MAP:
                    raise YamlRefused(_line(node), f"unsupported YAML tag {node.tag!r}; tags are not allowed")
                mapping: dict[str, object] = {}
                value = mapping
                if on_mapping is not None:
                    on_mapping(mapping, node)
                pending: list[tuple[yaml.Node, dict, str, int, str]] = []
                for key_node, value_node in node.value:
                    if type(key_node) is not yaml.ScalarNode:
                        raise YamlRefused(_line(key_node), "a mapping key must be plain text")
                    k = key_node.value if key_node.tag != _NULL else ""
                    if k in mapping:
                        raise YamlRefused(_line(key_node), f"key {_short(k)} appears twice in one mapping")
                    mapping[k] = None
                    pending.append((value_node, mapping, k, 1 if k in fresh_depth_keys else depth + 1, k))
                stack.extend(reversed(pending))
        if expanded > 2 * len(distinct) + ALIAS_NODES:
            raise YamlRefused(_line(node), "YAML aliases expand too much (an alias bomb?); write the data out")
        if slot is None:
            container.append(value)
        else:
            container[slot] = value
    return holder[0]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _short(text: str, limit: int = 60) -> str:
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 4] + "…" + text[-3:]
