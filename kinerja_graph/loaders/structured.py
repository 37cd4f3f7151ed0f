"""YAML and JSON cascade documents, read into plain data with the line of every mapping.

YAML is read with PyYAML's safe composer (the C one when libyaml is present): no object is ever
constructed from a tag, and aliases may not expand beyond a budget (no alias bombs). The composed
node tree is converted iteratively, so no depth of nesting reaches Python's recursion limit.
"""

from __future__ import annotations

import json
import re

import yaml

from kinerja_graph.errors import InputError
from kinerja_graph.loaders.raw import RawDocument, RawFloat, RawInt
from kinerja_graph.model import Location

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = {"true", "yes", "on"}


def read_yaml(text: str, file: str) -> RawDocument:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{file}:{mark.line + 1}" if mark else file
        raise InputError.one(where, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise InputError.one(file, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise InputError.one(file, "YAML nested too deeply; use the flat form with parent ids") from None
    if root is None:
        raise InputError.one(file, "the file is empty")
    locations: dict[int, Location] = {}
    data = _convert(root, file, locations)
    return RawDocument(data, locations, file, "yaml")


def _scalar(node: yaml.ScalarNode, file: str):
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() in _BOOL
    if tag == "tag:yaml.org,2002:int":
        try:
            return RawInt.of(value)
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:float":
        return RawFloat.of(value)
    if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return value
    raise InputError.one(f"{file}:{node.start_mark.line + 1}", f"unsupported YAML tag {tag!r}; tags are not allowed")


def _convert(root, file: str, locations: dict[int, Location]):
    """Turn a composed YAML node tree into dicts, lists and scalars without recursion."""
    distinct: set[int] = set()
    expanded = 0
    result_holder: list = []
    stack = [(root, result_holder, None)]  # (node, container, key-or-None)
    while stack:
        node, container, slot = stack.pop()
        expanded += 1
        distinct.add(id(node))
        if expanded > 2 * len(distinct) + 100_000:
            raise InputError.one(file, "YAML aliases expand too much (an alias bomb?); write the data out")
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node, file)
        elif isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise InputError.one(f"{file}:{node.start_mark.line + 1}", f"unsupported YAML tag {node.tag!r}")
            value = [None] * len(node.value)
            for i in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[i], value, i))
        else:
            if node.tag != "tag:yaml.org,2002:map":
                raise InputError.one(f"{file}:{node.start_mark.line + 1}", f"unsupported YAML tag {node.tag!r}")
            value = {}
            locations[id(value)] = Location(file, node.start_mark.line + 1)
            pending = []
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise InputError.one(f"{file}:{key_node.start_mark.line + 1}", "a mapping key must be plain text")
                k = key_node.value if key_node.tag != "tag:yaml.org,2002:null" else ""
                if k in value:
                    raise InputError.one(
                        f"{file}:{key_node.start_mark.line + 1}", f"key {k!r} appears twice in one mapping"
                    )
                value[k] = None
                pending.append((value_node, value, k))
            stack.extend(reversed(pending))
        if slot is None:
            container.append(value)
        else:
            container[slot] = value
    return result_holder[0]


_END = object()
_KEY = re.compile(r'"(?:id|name)"\s*:')


def read_json(text: str, file: str) -> RawDocument:
    try:
        data = json.loads(text, parse_float=RawFloat.of, parse_int=RawInt.of)
    except json.JSONDecodeError as exc:
        raise InputError.one(f"{file}:{exc.lineno}", f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError.one(file, "JSON nested too deeply; use the flat form with parent ids") from None
    locations: dict[int, Location] = {}
    _locate_json(text, data, file, locations)
    return RawDocument(data, locations, file, "json")


def _owners_recursive(item, owners: list) -> None:
    """Append, in text order, the object owning each "id"/"name" key (fast path)."""
    if type(item) is dict:
        for k, v in item.items():
            if k == "id" or k == "name":
                owners.append(item)
            t = type(v)
            if t is dict or t is list:
                _owners_recursive(v, owners)
    else:
        for v in item:
            t = type(v)
            if t is dict or t is list:
                _owners_recursive(v, owners)


def _owners_iterative(data) -> list:
    owners = []
    stack = [iter([data])]
    while stack:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
        elif isinstance(item, tuple):  # (key, value, owning dict) in key order
            k, v, owner = item
            if k in ("id", "name"):
                owners.append(owner)
            if isinstance(v, (dict, list)):
                stack.append(iter([v]))
        elif isinstance(item, dict):
            stack.append(iter([(k, v, item) for k, v in item.items()]))
        elif isinstance(item, list):
            stack.append(iter(item))
    return owners


def _locate_json(text: str, data, file: str, locations: dict[int, Location]) -> None:
    """Give every object holding an "id" or "name" key the line of that key.

    json.loads keeps key order, so walking the data in key order meets the "id"/"name" keys in the
    order they stand in the text; a key is never preceded by a backslash, a quote inside a string
    always is. If the counts disagree (duplicate keys), lines are left out rather than guessed.
    """
    owners: list = []
    try:
        _owners_recursive(data, owners)
    except RecursionError:  # a pathologically deep document: the same walk without recursion
        owners = _owners_iterative(data)
    # a key's quote is never escaped; a quote inside a string always is
    positions = [p for p in (m.start() for m in _KEY.finditer(text)) if p == 0 or text[p - 1] != "\\"]
    if len(positions) != len(owners):
        return
    line, last = 1, 0
    for pos, owner in zip(positions, owners):  # lines counted between keys: one pass over the text, in C
        line += text.count("\n", last, pos)
        last = pos
        key = id(owner)
        if key not in locations:
            locations[key] = Location(file, line)
