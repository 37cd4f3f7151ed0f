"""How long, and how much memory, reading and checking a large cascade takes.

    .venv/bin/python benchmarks/bench_check.py [--sizes 1000,10000,100000] [--seed 7] [--keep DIR] [--no-memory]

For each size it generates a realistic kecamatan-style cascade (five levels, Indonesian statements and
indicators built from templates and objects, so that near-duplicates occur naturally, plus about one
percent of planted defects: missing owners, placeholder sources, dangling parents, missing target
years, indicators without a goal, a small circle), writes it as JSON (indented, as `kinerja convert`
writes it) and as CSV into a temporary folder, and prints two tables.

In this process (times without tracing and with the garbage collector paused, as `kinerja check` runs;
"peak MiB" is the peak of memory Python allocated during that phase alone, measured by tracemalloc in a
second, traced run):

    load json / load csv   read + validate + normalise (kinerja_graph.loaders.load)
    graph build            kinerja_graph.graph.build_graph
    rule <id> (n)          each registered rule on its own, n = its findings (whatever rules exist)
    check (all rules)      engine.check_graph with the default pack: every rule, silences, sorting

In a fresh process each (wall-clock seconds including start-up, and the process's peak resident set
size in MiB, interpreter and imports included):

    python: import only    the baseline
    load json / load csv   loaders.load alone
    kinerja check …        the whole command, `kinerja check FILE --format json` on the JSON and on the
                           CSV file, output discarded

Target: 10^5 nodes checked by every rule in < 5 s and < 1 GiB.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx  # noqa: E402

from kinerja_graph import checks, config, engine, loaders  # noqa: E402
from kinerja_graph.checks.base import Context  # noqa: E402
from kinerja_graph.gcpause import gc_paused  # noqa: E402
from kinerja_graph.graph import build_graph  # noqa: E402

PERIOD = list(range(2022, 2027))
LEVELS = ["Ultimate Outcome", "Intermediate Outcome", "Immediate Outcome", "Output", "Proses"]

OBJECTS = [
    "kualitas pelayanan publik",
    "tata kelola pemerintahan desa",
    "pemberdayaan masyarakat desa",
    "ketenteraman dan ketertiban umum",
    "akuntabilitas kinerja kecamatan",
    "pelayanan administrasi kependudukan",
    "kualitas aparatur desa",
    "pendapatan asli desa",
    "partisipasi masyarakat dalam musrenbang",
    "pengelolaan keuangan desa",
    "penyelenggaraan urusan pemerintahan umum",
    "kesejahteraan sosial masyarakat",
    "pelayanan perizinan",
    "pengelolaan aset desa",
    "penanganan pengaduan masyarakat",
    "kinerja lembaga kemasyarakatan",
    "ketepatan waktu pelaporan",
    "sarana dan prasarana kantor",
    "disiplin aparatur",
    "ketahanan pangan keluarga",
    "pencegahan stunting",
    "kebersihan lingkungan",
    "penanggulangan bencana",
    "pemanfaatan teknologi informasi",
]
QUALIFIERS = [
    "",
    "yang berkualitas",
    "sesuai standar pelayanan",
    "secara tepat waktu",
    "yang akuntabel",
    "yang transparan",
    "sesuai SOP",
    "yang efektif dan efisien",
    "secara partisipatif",
    "yang terintegrasi",
]
PLACES = ["", "", "", "di wilayah kecamatan", "di desa", "di kelurahan", "tingkat kecamatan"]
OPENERS = {
    0: ["Meningkatnya", "Terwujudnya"],
    1: ["Meningkatnya", "Terwujudnya", "Membaiknya"],
    2: ["Meningkatnya", "Terkendalinya", "Optimalnya"],
    3: ["Tersedianya dokumen", "Terlaksananya", "Terselenggaranya", "Terfasilitasinya"],
    4: ["Penyusunan", "Pelaksanaan", "Fasilitasi", "Koordinasi", "Pembinaan", "Monitoring"],
}
# (indicator name, unit, formula): each formula fits its indicator, as in a well-kept Manual IKU
INDICATORS = {
    "outcome": [
        ("Persentase {o} yang memenuhi standar", "%", "Jumlah {o} yang memenuhi standar / jumlah seluruh {o} x 100%"),
        ("Indeks {o}", "indeks", "Rata-rata tertimbang nilai unsur {o} hasil survei indeks {o}"),
        ("Nilai {o}", "nilai", "Nilai {o} hasil evaluasi Inspektorat atas {o}"),
        ("Tingkat {o}", "%", "Capaian {o} tahun berjalan / target {o} x 100%"),
    ],
    "output": [
        ("Jumlah dokumen {o} yang disusun", "Dokumen", "Jumlah dokumen {o} yang disahkan dalam satu tahun"),
        ("Jumlah laporan {o}", "Laporan", "Jumlah laporan {o} yang disampaikan tepat waktu dalam satu tahun"),
        (
            "Persentase kegiatan {o} yang terlaksana",
            "%",
            "Jumlah kegiatan {o} yang terlaksana / jumlah kegiatan {o} yang direncanakan x 100%",
        ),
        (
            "Jumlah desa yang difasilitasi dalam {o}",
            "Desa",
            "Jumlah desa yang menerima fasilitasi {o} dalam satu tahun",
        ),
    ],
}
OWNERS = {
    0: ["Camat"],
    1: ["Camat"],
    2: ["Sekretaris Kecamatan", "Kasi Pemerintahan", "Kasi PMD", "Kasi Trantib"],
    3: ["Kasi Pelayanan Umum", "Kasubbag Umum dan Kepegawaian", "Kasubbag Perencanaan dan Keuangan", "Kasi Kesos"],
    4: ["Pengadministrasi Umum", "Pengelola Data", "Bendahara", "Pengadministrasi Keuangan"],
}
SOURCES = [
    "Laporan kinerja kecamatan",
    "Aplikasi SIPD",
    "Laporan survei kepuasan masyarakat",
    "Data desa",
    "Laporan keuangan",
    "Register pelayanan",
]


def generate(n: int, seed: int) -> dict:
    """A cascade document (the canonical flat form) with about n nodes."""
    rng = random.Random(seed)
    branching = max(2.0, (n / 1.2) ** 0.25)
    sizes = [1]
    while sum(sizes) < n and len(sizes) < 5:
        sizes.append(max(1, round(sizes[-1] * branching)))
    sizes[-1] += n - sum(sizes)
    nodes = []
    by_level: list[list[str]] = []
    counter = 0
    for rank, size in enumerate(sizes):
        ids = []
        for _ in range(size):
            counter += 1
            node_id = f"n{counter}"
            parent = rng.choice(by_level[rank - 1]) if rank else None
            obj = rng.choice(OBJECTS)
            statement = " ".join(
                filter(None, [rng.choice(OPENERS[rank]), obj, rng.choice(QUALIFIERS), rng.choice(PLACES)])
            )
            kind = "outcome" if rank <= 2 else "output"
            indicators = []
            for _ in range(rng.choice([1, 1, 2])):
                template, unit, formula = rng.choice(INDICATORS[kind])
                base = rng.randint(40, 80)
                step = rng.randint(1, 5)
                indicators.append(
                    {
                        "name": template.format(o=obj),
                        "formula": formula.format(o=obj),
                        "unit": unit,
                        "calculation": rng.choice(["kumulatif", "non-kumulatif"]),
                        "source": rng.choice(SOURCES),
                        "targets": {str(y): str(base + i * step) for i, y in enumerate(PERIOD)},
                    }
                )
            node = {
                "id": node_id,
                "statement": statement,
                "level": LEVELS[rank],
                "owner": rng.choice(OWNERS[rank]),
                "indicators": indicators,
            }
            if parent:
                node["parent"] = parent
            nodes.append(node)
            ids.append(node_id)
        by_level.append(ids)
    _plant_defects(nodes, rng)
    return {
        "kinerja": 1,
        "organisation": {"name": "Kecamatan Sintetis", "type": "kecamatan", "id": "sintetis"},
        "period": [PERIOD[0], PERIOD[-1]],
        "nodes": nodes,
    }


def _plant_defects(nodes: list[dict], rng: random.Random) -> None:
    """About one percent of nodes get a defect a real cascade has."""
    count = max(1, len(nodes) // 100)
    picks = rng.sample(range(1, len(nodes)), min(len(nodes) - 1, count * 5))
    chunks = [picks[i::5] for i in range(5)]
    for i in chunks[0]:
        nodes[i].pop("owner", None)
    for i in chunks[1]:
        nodes[i]["indicators"][0]["source"] = "-"
    for i in chunks[2]:
        nodes[i]["parent"] = f"hilang{i}"
    for i in chunks[3]:
        nodes[i]["indicators"][0]["targets"].pop(str(PERIOD[2]), None)
    for i in chunks[4]:
        nodes[i].pop("statement", None)
        nodes[i].pop("level", None)  # an indicator without a goal
    a, b = nodes[-1], nodes[-2]
    if a.get("statement") and b.get("statement"):
        a["parent"], b["parent"] = b["id"], a["id"]  # a small circle


CSV_FIELDS = ["id", "parent", "level", "statement", "owner", "indicator", "formula", "unit", "calculation", "source"]


def write_csv(doc: dict, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Organisasi", doc["organisation"]["name"]])
        writer.writerow(["Periode", f"{PERIOD[0]}-{PERIOD[-1]}"])
        writer.writerow(CSV_FIELDS + [f"target_{y}" for y in PERIOD])
        for node in doc["nodes"]:
            head = [
                node["id"],
                node.get("parent", ""),
                node.get("level", ""),
                node.get("statement", ""),
                node.get("owner", ""),
            ]
            for ind in node["indicators"]:
                row = head + [ind["name"], ind["formula"], ind["unit"], ind["calculation"], ind["source"]]
                row += [ind["targets"].get(str(y), "") for y in PERIOD]
                writer.writerow(row)


def timed(fn):
    """fn() and its wall-clock seconds, with the garbage collector paused as `kinerja check` pauses it."""
    gc.collect()
    with gc_paused():
        started = time.perf_counter()
        value = fn()
        return value, time.perf_counter() - started


def traced(fn):
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# The peak is written by an exit handler: `kinerja` ends with os._exit after running the exit handlers
_PEAK = """
import atexit, sys

def peak():
    try:
        with open("/proc/self/status") as fh:
            peak = next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sys.stderr.write(f"\\nPEAK {{peak}}\\n")

atexit.register(peak)
{code}
"""


def in_child(code: str) -> tuple[float, float | None]:
    """(wall seconds, peak resident MiB) of a fresh Python process running `code` (stdout discarded).

    The peak is the child's own high-water mark (VmHWM): ru_maxrss of a child would also count this
    process's memory, which a fork copies.
    """
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK.format(code=code)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(Path(__file__).resolve().parent.parent),
    )
    seconds = time.perf_counter() - started
    peaks = [line.split()[1] for line in proc.stderr.splitlines() if line.startswith("PEAK ")]
    return seconds, float(peaks[-1]) if peaks else None


def bench(n: int, seed: int, folder: Path, memory: bool):
    doc = generate(n, seed)
    json_path, csv_path = folder / f"cascade-{n}.json", folder / f"cascade-{n}.csv"
    json_path.write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )  # as `kinerja convert` writes it
    write_csv(doc, csv_path)
    del doc
    settings = config.default_settings()
    registry = checks.all_rules()
    rows = []

    cascade, t_json = timed(lambda: loaders.load(str(json_path)))
    _, t_csv = timed(lambda: loaders.load(str(csv_path)))
    rows.append(("load json", t_json, None))
    rows.append(("load csv", t_csv, None))
    G, t_build = timed(lambda: build_graph(cascade))
    rows.append(("graph build", t_build, traced(lambda: build_graph(cascade)) if memory else None))
    nx.freeze(G)
    G.graph["cascades"] = {cascade.organisation.key: cascade}

    def run_rule(rule_id):
        setting = settings.setting(rule_id)
        ctx = Context.create(
            G,
            registry[rule_id],
            options=setting.options,
            severity=setting.severity,
            levels=settings.levels,
            vocabulary=settings.pack.vocabulary,
        )
        rule = registry[rule_id]
        if hasattr(rule, "check_silences"):
            return list(rule.check_silences(ctx, ran=frozenset(registry), matched=frozenset()))
        return list(rule.check(ctx))

    rule_total = 0.0
    for rule_id in settings.active_rules():
        found, t_rule = timed(functools.partial(run_rule, rule_id))
        rule_total += t_rule
        memo = traced(functools.partial(run_rule, rule_id)) if memory else None
        rows.append((f"rule {rule_id} ({len(found)})", t_rule, memo))
    rows.append(("sum of the rules", rule_total, None))
    fresh = build_graph(cascade)
    report, t_check = timed(lambda: engine.check_graph(fresh, settings))
    errors = [e.message for e in report.errors]
    if errors:
        print("\n".join(errors), file=sys.stderr)
    rows.append(
        (
            f"check (all rules, {len(report.findings)} findings)",
            t_check,
            traced(lambda: engine.check_graph(build_graph(cascade), settings)) if memory else None,
        )
    )
    report = fresh = G = cascade = None  # let the big objects go before the child processes run
    gc.collect()

    children = [
        ("python: import only", "import kinerja_graph.cli"),
        ("load json", f"from kinerja_graph.loaders import load; load({str(json_path)!r})"),
        ("load csv", f"from kinerja_graph.loaders import load; load({str(csv_path)!r})"),
    ] + [
        (
            f"kinerja check FILE.{kind} --format json",
            f"sys.argv = ['kinerja', 'check', {str(path)!r}, '--format', 'json']; from kinerja_graph.cli import main; main()",
        )
        for kind, path in (("json", json_path), ("csv", csv_path))
    ]
    measured = [(name, *in_child(code)) for name, code in children]
    return rows, measured


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="node counts, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="write the generated files here and keep them")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced (tracemalloc) runs")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            rows, measured = bench(n, args.seed, folder, not args.no_memory)
            print(f"\n{n:,} nodes: in this process")
            print(f"  {'phase':<52} {'seconds':>9} {'peak MiB':>9}")
            for name, seconds, peak in rows:
                print(f"  {name:<52} {seconds:>9.3f} {'' if peak is None else f'{peak:9.1f}':>9}")
            print(f"{n:,} nodes: each in a fresh process")
            print(f"  {'phase':<52} {'seconds':>9} {'peak RSS':>9}")
            for name, seconds, rss in measured:
                print(f"  {name:<52} {seconds:>9.3f} {'?' if rss is None else f'{rss:9.0f}':>9}")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
