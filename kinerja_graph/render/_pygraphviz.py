"""Child process that draws DOT text (stdin) with pygraphviz's bundled Graphviz (stdout).

Run as ``python .../kinerja_graph/render/_pygraphviz.py FORMAT DPI`` by render/output.py, so that
the parent can stop it when the time limit runs out (a thread running Graphviz cannot be stopped).
It imports nothing of kinerja_graph: starting it stays cheap.
Exit codes: 0 drawn, 3 Graphviz failed (its message on stderr).
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    fmt, dpi = argv[0], argv[1]
    source = sys.stdin.buffer.read().decode("utf-8")
    import pygraphviz

    try:
        graph = pygraphviz.AGraph(string=source)
        if fmt == "png":
            graph.graph_attr["dpi"] = dpi
        data = graph.draw(format=fmt, prog="dot")
    except Exception as exc:  # noqa: BLE001 - any Graphviz failure becomes a message for the parent
        print(str(exc).strip() or type(exc).__name__, file=sys.stderr)
        return 3
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
