"""The rule registry: every module in this package (except base) holds exactly one Rule subclass.

Adding a rule means adding one module (named after its id: `orphan-node` -> orphan_node.py), its
entry in the default pack (rules/default.yaml) and its tests. A test checks all three agree.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja_graph.checks.base import Rule


def _rule_modules() -> list[str]:
    """The names of the modules that hold a rule, in name order."""
    names = (info.name for info in pkgutil.iter_modules(__path__))
    return sorted(name for name in names if name != "base" and not name.startswith("_"))


@functools.cache
def rule_ids() -> frozenset[str]:
    """The id of every rule, from its module's name (all_rules holds the two to each other), without importing
    the rules: what a run's settings need to know of the shipped rule pack, whose options are trusted."""
    return frozenset(name.replace("_", "-") for name in _rule_modules())


@functools.cache
def all_rules() -> dict[str, Rule]:
    """Every rule, keyed by id, in id order."""
    from kinerja_graph.checks.base import Rule

    found: dict[str, Rule] = {}
    for name in _rule_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        classes = [
            c
            for _, c in inspect.getmembers(module, inspect.isclass)
            if issubclass(c, Rule) and c is not Rule and c.__module__ == module.__name__
        ]
        if len(classes) != 1:
            raise RuntimeError(f"{module.__name__} must define exactly one Rule subclass, found {len(classes)}")
        rule = classes[0]()
        if rule.id.replace("-", "_") != name:
            raise RuntimeError(f"{module.__name__}: rule id {rule.id!r} does not match the module name")
        found[rule.id] = rule
    return dict(sorted(found.items()))


def get(rule_id: str) -> Rule:
    rules = all_rules()
    if rule_id not in rules:
        raise KeyError(rule_id)
    return rules[rule_id]
