"""Child process that draws DOT text with pygraphviz's bundled Graphviz, one picture after the other.

Run as ``python .../kinerja_graph/render/_pygraphviz.py`` by render/output.py (``Graphviz``), once
per run, so that the parent can stop it when the time limit of a picture runs out (a thread running
Graphviz cannot be stopped). It imports nothing of kinerja_graph: starting it stays cheap.

Protocol, on standard input and output: a request is the line ``FORMAT DPI LENGTH`` and LENGTH bytes
of DOT text (UTF-8); the answer is the line ``STATUS LENGTH`` and LENGTH bytes of the picture.
Status 0: drawn; 3: Graphviz failed (its message on standard error, which the parent reads after
each answer). After each picture's messages the line ``MARK`` goes to standard error, before the answer:
the parent may send several requests at once, and the messages of a picture are what comes before its
mark. The process ends at the end of its input.
"""

from __future__ import annotations

import os
import sys

MARK = b"\x1e\n"  # ends a picture's messages on standard error (render/output.py reads up to it)


def draw(source: str, fmt: str, dpi: str) -> bytes:
    import pygraphviz

    graph = pygraphviz.AGraph(string=source)
    if fmt == "png":
        graph.graph_attr["dpi"] = dpi
    return graph.draw(format=fmt, prog="dot")


def main() -> int:
    # the answers go to a private copy of standard output; what the C libraries print on standard output
    # (fontconfig's FC_DEBUG output, for one) joins the messages on standard error instead
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    while True:
        line = requests.readline()
        if not line.strip():
            return 0
        fmt, dpi, length = line.decode("ascii").split()
        source = requests.read(int(length)).decode("utf-8")
        status, data = 0, b""
        try:
            data = draw(source, fmt, dpi)
        except Exception as exc:  # noqa: BLE001 - any Graphviz failure becomes a message for the parent
            print(str(exc).strip() or type(exc).__name__, file=sys.stderr)
            status = 3
        sys.stderr.flush()
        os.write(2, MARK)
        answers.write(b"%d %d\n" % (status, len(data)) + data)  # one write: the parent reads it at once
        answers.flush()


if __name__ == "__main__":
    sys.exit(main())
