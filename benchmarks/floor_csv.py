"""The floor the benchmarks compare `kinerja check` with: read a cascade table with the csv module into a networkx
DiGraph, and nothing else.

    python benchmarks/floor_csv.py FILE.csv [FILE.csv | DIR ...]

For each CSV file (a folder: every *.csv under it, each into its own graph): skip the rows above the header
(the one holding an `id` column), then one node per id with its fields (id, parent, level, statement, owner)
and the list of its indicators (every other column, by header), and one edge parent -> id for each parent
named. What any reader
of such a table must do at least; a process doing it is the least that reading and holding a cascade costs in
Python. Prints the number of nodes and edges read (so the work cannot be skipped).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import networkx as nx

NODE_FIELDS = ("parent", "level", "statement", "owner")


def read(path: Path, G: nx.DiGraph) -> None:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        delimiter = ";" if first.count(";") >= first.count(",") else ","
        fh.seek(0)
        rows = csv.reader(fh, delimiter=delimiter)
        for header in rows:
            if header and header[0].strip().lower() == "id":
                break
        else:
            return
        column = {name: i for i, name in enumerate(header)}
        at = [column.get(f) for f in NODE_FIELDS]
        rest = [(name, i) for name, i in column.items() if name not in NODE_FIELDS and name != "id"]
        for row in rows:
            if not row:
                continue
            node = row[0]
            if node not in G:
                G.add_node(node)
            data = G.nodes[node]
            if "indicators" not in data:  # also a node met first as another's parent
                data["indicators"] = []
            for field, i in zip(NODE_FIELDS, at, strict=True):
                if i is not None and i < len(row) and row[i]:
                    data[field] = row[i]
            data["indicators"].append({name: row[i] for name, i in rest if i < len(row) and row[i]})
            parent = row[at[0]] if at[0] is not None and at[0] < len(row) else ""
            if parent:
                for p in parent.split("; "):
                    G.add_edge(p, node)


def main(argv: list[str]) -> int:
    graphs = []  # one graph per file, all held to the end (as a checker holds every cascade of a run)
    for arg in argv:
        path = Path(arg)
        for file in sorted(path.rglob("*.csv")) if path.is_dir() else [path]:
            G = nx.DiGraph()
            read(file, G)
            graphs.append(G)
    print(sum(G.number_of_nodes() for G in graphs), sum(G.number_of_edges() for G in graphs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
