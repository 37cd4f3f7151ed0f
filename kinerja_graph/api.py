"""The library's front door: what the CLI (and any other program) calls."""

from __future__ import annotations

import os

import networkx as nx

from kinerja_graph import loaders, writers
from kinerja_graph.graph import build_graph
from kinerja_graph.model import Cascade
from kinerja_graph.summary import Summary, summarise


def load(path: str, sheet: str | None = None) -> Cascade:
    return loaders.load(path, sheet)


def load_graph(path: str, sheet: str | None = None) -> nx.DiGraph:
    return build_graph(loaders.load(path, sheet))


def show(path: str, sheet: str | None = None) -> Summary:
    return summarise(load_graph(path, sheet))


def convert(source: str, target: str, sheet: str | None = None, headers: str = "en") -> Cascade:
    """Read `source` in its format and write it to `target` in the format its name says."""
    fmt = loaders.format_of(target)
    cascade = loaders.load(source, sheet)
    if os.path.abspath(source) == os.path.abspath(target):
        from kinerja_graph.errors import InputError

        raise InputError.one(target, "the output would overwrite the input; choose another name")
    writers.write(cascade, target, fmt, headers)
    return cascade
