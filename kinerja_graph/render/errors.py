"""The error a drawing problem reaches the user as: a message and exit code 2, never a traceback."""

from __future__ import annotations

from kinerja_graph.errors import KinerjaError


class RenderError(KinerjaError):
    """The diagram cannot be drawn or written (no Graphviz, time limit, unknown --root, ...)."""
