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

`load` is what readers call: it builds the data straight from the parser's events (no node tree: a
third of the time and a fraction of the memory on a large cascade) as long as the text is plain —
no alias, no tag, no key twice, nothing too deep, valid YAML — and otherwise, on the first thing it
does not take, reads the text again the thorough way (`compose` then `to_data`), so every refusal and
its message and line are the ones that way gives.

A file's size is its reader's budget (cascades: loaders.MAX_FILE; policy files: policy.MAX_POLICY_FILE).
Problems are raised as `YamlRefused` (line, message); each reader turns it into its own error.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

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


def load(
    text: str,
    scalar: Callable[[yaml.ScalarNode], object],
    *,
    on_mapping: Callable[[dict, int], None] | None = None,
    max_depth: int | None = None,
    fresh_depth_keys: Collection[str] = (),
) -> object:
    """The data of a YAML text, as `to_data` gives it from `compose`'s tree; YamlRefused as they refuse,
    Empty when the text holds no document. `scalar` converts a scalar node other than plain text (text is kept as
    it is); `on_mapping(mapping, line)` is called for every mapping made (line 1-based)."""
    try:
        return _from_events(text, scalar, on_mapping, max_depth, frozenset(fresh_depth_keys))
    except _NotPlain:
        pass
    root = compose(text)
    if root is None:
        raise Empty
    located = None if on_mapping is None else (lambda mapping, node: on_mapping(mapping, _line(node)))
    return to_data(root, scalar, on_mapping=located, max_depth=max_depth, fresh_depth_keys=fresh_depth_keys)


class Empty(Exception):
    """The text holds no YAML document (nothing, or comments only)."""


class _NotPlain(Exception):
    """What `_from_events` does not take: the thorough way reads the text."""


_STR = "tag:yaml.org,2002:str"


def _from_events(
    text: str,
    scalar: Callable[[yaml.ScalarNode], object],
    on_mapping: Callable[[dict, int], None] | None,
    max_depth: int | None,
    fresh: frozenset[str],
) -> object:
    """The data built from the parser's events, for a text without aliases, tags, repeated keys or
    values nested too deep: with any of them, or if the text is not YAML, _NotPlain."""
    resolvers = _Loader.yaml_implicit_resolvers
    if None in resolvers:  # a resolver for any first character (PyYAML has none)
        raise _NotPlain
    resolve = yaml.resolver.Resolver().resolve
    tags: dict[str, str] = {}  # plain text -> the tag YAML gives it (most texts repeat)
    scalar_kind = yaml.ScalarNode
    limit = max_depth if max_depth is not None else float("inf")
    holder: list = []
    # the container being filled: a list, or a dict with the key its next value goes to (None: a key is next)
    container: object = holder
    key: str | None = None
    depth = 0  # of the container being filled (the holder: 0)
    stack: list = []  # the containers above it: (container, key, depth)
    documents = 0
    mappings: list[tuple[dict, int]] = []  # handed to on_mapping once the whole text is read
    try:
        event: Any
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is ScalarEvent:
                if event.tag is not None:
                    raise _NotPlain
                value = event.value
                tag = _STR
                if event.implicit[0] and value[:1] in resolvers:
                    tag = tags.get(value) or tags.setdefault(value, resolve(scalar_kind, value, (True, False)))
                if type(container) is list:
                    container.append(value if tag == _STR else scalar(_node(tag, event)))
                elif key is None:  # a key: its text as it stands (an empty or null key: "")
                    if tag == _NULL:
                        value = ""
                    if value in container:  # type: ignore[operator]
                        raise _NotPlain
                    container[value] = None  # type: ignore[index]
                    key = value
                else:
                    container[key] = value if tag == _STR else scalar(_node(tag, event))  # type: ignore[index]
                    key = None
                continue
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.tag is not None:
                    raise _NotPlain
                if type(container) is dict and key is None:
                    raise _NotPlain  # a mapping or list as a key
                inner = 1 if key is not None and key in fresh else depth + 1
                if inner > limit:
                    raise _NotPlain
                made: Any = {} if kind is MappingStartEvent else []
                if type(container) is list:
                    container.append(made)
                else:
                    container[key] = made  # type: ignore[index]
                stack.append((container, key, depth))
                container, key, depth = made, None, inner
                if kind is MappingStartEvent:
                    mappings.append((made, event.start_mark.line + 1))
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                container, key, depth = stack.pop()
                if type(container) is dict:
                    key = None
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _NotPlain
            elif kind is not DocumentEndEvent and kind is not StreamStartEvent and kind is not StreamEndEvent:
                raise _NotPlain  # an alias: its budget is counted the thorough way
    except (yaml.YAMLError, YamlRefused, RecursionError):
        raise _NotPlain from None
    if not holder:
        raise _NotPlain  # no document: as the thorough way says
    if on_mapping is not None:
        for made, line in mappings:
            on_mapping(made, line)
    return holder[0]


def _node(tag: str, event: Any) -> yaml.ScalarNode:
    return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)


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
