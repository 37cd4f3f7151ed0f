"""`kinerja check` on Pemda-like cascades against the floor of reading the same CSV, each in a fresh process.

    .venv/bin/python benchmarks/bench_pemda.py [--sizes 1e4,1e5,2e5] [--million] [--formats text,json,...]
        [--runs 3] [--sections table,readme,inputs,dir,render] [--profile 1e5] [--out benchmarks/out]

Sections (each prints its table as soon as it is measured; --sections chooses them):

table    For each size (goals) and each output format (text, json, sarif, github, markdown, junit):
         `kinerja check FILE.csv --format F` against the floor (benchmarks/floor_csv.py: the same CSV read with
         the csv module into a networkx DiGraph), --runs times each, alternating floor, tool, floor, tool, ...;
         the medians of CPU (user + sys) and of the tool's peak resident memory, and the ratio of the medians.
         Then the growth: the cost per goal at each size and the ratio of per-goal cost between the smallest
         and every larger size (1.0 = linear). --million adds 10^6 goals (--million-formats, --million-runs:
         minutes per run and several GiB).
readme   The same measurement on the README's generator (benchmarks/bench_check.py, about 1 % planted
         defects and a few hundred distinct texts) at --readme-sizes, so both generators' figures are printed.
inputs   Reading the same cascade as CSV, JSON, YAML and XLSX (YAML and XLSX written by `kinerja convert`):
         `kinerja show FILE` (reading alone) and `kinerja check FILE --format json`, against the floor.
dir      `kinerja check DIR --format F` (F in --dir-formats: json, sarif, text) on a folder of --dir-orgs
         organisation cascades (--dir-goals goals in all): --jobs 1 and --jobs 2 alternating, CPU and wall-clock
         time, the wall of --jobs 2 against --jobs 1 (the target: about one half on two free cores), and the
         floor reading every file of the folder in one process.
render   `kinerja render` (DOT only; SVG with the default engine; SVG with --engine dot) and `kinerja report`
         (with and without its diagram) at --render-goals (10^4 and 10^3), against Graphviz `dot -Tsvg` alone on
         the DOT of the pictures each draws: the pages `kinerja render -f dot` writes, the report's diagram parts
         (none above its size limit) — each file in its own `dot` process, and all in one; the tool's own share
         (its CPU minus dot's) and that share against dot's.
profile  (--profile SIZE) cProfile of `kinerja check FILE --format json` at SIZE goals: the top entries by
         cumulative time (the .prof file is kept in --out).

Every measured command runs in a fresh process under /usr/bin/time (CPU = user + sys of the process and of
the processes it waited for, peak = its maximum resident set size); without /usr/bin/time, os.wait4 gives
the same figures. Generated files are kept in --out (benchmarks/out, ignored by git) and reused: the
generators are deterministic. The machine is shared and noisy: medians are quoted, and each section prints
the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
PY = sys.executable
TIME = "/usr/bin/time"
FORMATS = ("text", "json", "sarif", "github", "markdown", "junit")


@dataclass
class Run:
    cpu: float  # user + sys seconds
    wall: float
    peak: float  # MiB
    code: int


def measure(cmd: list[str], stdout: Path | None = None, timeout: float | None = None, stdin: Path | None = None) -> Run:
    """CPU, wall-clock time and peak memory of `cmd` in a fresh process (stdout to a file or discarded, stdin
    from a file or empty)."""
    with open(stdout or os.devnull, "wb") as out, open(stdin or os.devnull, "rb") as given:
        if os.path.exists(TIME):
            with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
                started = time.perf_counter()
                done = subprocess.run(
                    [TIME, "-f", "%U %S %M", "-o", tf.name, *cmd],
                    stdin=given,
                    stdout=out,
                    stderr=subprocess.PIPE,
                    cwd=ROOT,
                    timeout=timeout,
                )
                wall = time.perf_counter() - started
                user, system, kib = tf.read().split()[-3:]  # after "Command exited with non-zero status N"
            return _checked(cmd, done.returncode, done.stderr, float(user) + float(system), wall, int(kib) / 1024)
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=given, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        cpu = usage.ru_utime + usage.ru_stime
        return _checked(cmd, proc.returncode, err, cpu, wall, usage.ru_maxrss / 1024)


def _checked(cmd: list[str], code: int, err: bytes, cpu: float, wall: float, peak: float) -> Run:
    if code not in (0, 1):  # 1: findings reached --fail-on; anything else is a failure worth seeing
        sys.stderr.write(f"\n! exit {code}: {' '.join(cmd)}\n{err.decode(errors='replace')[-2000:]}\n")
    return Run(cpu, wall, peak, code)


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def kinerja(*args: str) -> list[str]:
    return [PY, "-m", "kinerja_graph", *args]


# The loaders refuse files above a size (loaders.MAX_FILE, 512 MiB): a 10^6-goal cascade is bigger in every
# format. To measure it at all, the command runs with that limit raised; nothing else changes.
LIFTED = (
    "import sys; import kinerja_graph.loaders as loaders; loaders.MAX_FILE = max(loaders.MAX_FILE, {size}); "
    "from kinerja_graph.cli import main; sys.argv[0] = 'kinerja'; main()"
)


def kinerja_big(path: Path, *args: str) -> list[str]:
    """kinerja(*args), with the loaders' file-size limit lifted when `path` is above it."""
    sys.path.insert(0, str(ROOT))
    import kinerja_graph.loaders as loaders

    if path.stat().st_size <= getattr(loaders, "MAX_FILE", 1 << 62):
        return kinerja(*args)
    size = path.stat().st_size
    print(f"({path.name}: {size / 2**20:,.0f} MiB, above the loaders' limit: measured with the limit raised)")
    return [PY, "-c", LIFTED.format(size=size + 1), *args]


def floor(*paths: Path) -> list[str]:
    return [PY, str(BENCH / "floor_csv.py"), *map(str, paths)]


def pemda(out: Path, goals: int, seed: int, formats: str = "csv", organisations: int = 0, split: bool = False):
    """The generated files (made once, in a subprocess so that this process stays small) and their statistics."""
    cmd = [PY, str(BENCH / "gen_pemda.py"), "--goals", str(goals), "--seed", str(seed), "--out", str(out)]
    cmd += ["--formats", formats] + (["--organisations", str(organisations)] if organisations else [])
    cmd += ["--split"] if split else []
    printed = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    paths, _, stats = printed.partition("{")
    files = {line.split()[0]: Path(line.split(None, 1)[1]) for line in paths.splitlines() if line.strip()}
    return files, json.loads("{" + stats)


def readme_csv(out: Path, nodes: int, seed: int = 7) -> Path:
    """A cascade of benchmarks/bench_check.py's generator (the README's figures), as CSV."""
    path = out / f"readme-{nodes}-s{seed}.csv"
    if not path.exists():
        code = (
            "import sys; from pathlib import Path; sys.path.insert(0, 'benchmarks'); import bench_check as b; "
            f"b.write_csv(b.generate({nodes}, {seed}), Path({str(path)!r}))"
        )
        subprocess.run([PY, "-c", code], check=True, cwd=ROOT)
    return path


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def alternate(tool: list[str], base: list[str], runs: int, report: Path | None, timeout: float | None):
    """floor, tool, floor, tool, ...: the medians (floor runs, tool runs)."""
    floors, tools = [], []
    for _ in range(runs):
        floors.append(measure(base, timeout=timeout))
        tools.append(measure(tool, stdout=report, timeout=timeout))
    return floors, tools


def size_label(n: int) -> str:
    for exp in range(7, 2, -1):
        for lead in (1, 2, 5):
            if n == lead * 10**exp:
                return f"10^{exp}" if lead == 1 else f"{lead}·10^{exp}"
    return f"{n:,}"


def mib(x: float) -> str:
    return f"{x / 1024:.1f} GiB" if x >= 1024 else f"{x:.0f} MiB"


def findings_of(report: Path) -> tuple[int, dict[str, int]]:
    data = json.loads(report.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for f in data["findings"]:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    return len(data["findings"]), dict(sorted(counts.items(), key=lambda kv: -kv[1]))


HEADER = "| goals | format | `kinerja check` CPU | floor CPU | ratio | peak memory | findings |"
RULE = "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"


def row(label: str, fmt: str, floors: list[Run], tools: list[Run], findings: str = "") -> str:
    t, f = median(tools, "cpu"), median(floors, "cpu")
    return f"| {label} | {fmt} | {t:.1f} s | {f:.1f} s | {t / f:.1f}× | {mib(median(tools, 'peak'))} | {findings} |"


def section_table(args, sizes: list[int]) -> None:
    print(f"\n## Pemda-like cascades: `kinerja check FILE.csv --format F` against the floor ({load()})")
    print(f"median of {args.runs} runs each, alternating floor and tool; 10^6: {args.million_runs} run(s)\n")
    print(HEADER + "\n" + RULE, flush=True)
    per_goal: dict[str, list[tuple[int, float, float]]] = {}
    for n in sizes:
        files, stats = pemda(args.out, n, args.seed)
        big = n >= 1_000_000
        formats = args.million_formats if big else args.formats
        runs = args.million_runs if big else args.runs
        for fmt in formats:
            report = args.out / f"report-{n}.{fmt}"
            tool = kinerja_big(files["csv"], "check", str(files["csv"]), "--format", fmt)
            floors, tools = alternate(tool, floor(files["csv"]), runs, report, args.timeout)
            found = ""
            if fmt == "json" and report.exists() and tools[-1].code in (0, 1):
                total, by_rule = findings_of(report)
                top = ", ".join(f"{k} {v:,}" for k, v in list(by_rule.items())[:2])
                found = f"{total:,} ({top})"
            print(row(size_label(n), fmt, floors, tools, found), flush=True)
            per_goal.setdefault(fmt, []).append((n, median(tools, "cpu") / n, median(floors, "cpu") / n))
        print(
            f"|  | {size_label(n)}: {stats['goals']:,} goals, {stats['indicators']:,} indicators, "
            f"{stats['organisations']} organisations, {stats['distinct_groups']:,} distinct statements and "
            "indicator names |  |  |  |  |  |",
            flush=True,
        )
    print(f"\n### Growth: CPU per goal (µs) and its ratio to the smallest size ({load()})\n")
    print("(each run includes the start-up, 0.3-0.5 s; the marginal cost per goal between the two largest sizes")
    print("leaves it out)\n")
    print(
        "| format | "
        + " | ".join(size_label(n) for n in sizes)
        + " | per-goal cost, largest / smallest | marginal per goal, last step |"
    )
    print("| --- | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: |")
    for fmt, points in per_goal.items():
        at = {n: (t, f) for n, t, f in points}
        cells = [f"{at[n][0] * 1e6:.0f} (floor {at[n][1] * 1e6:.0f})" if n in at else "" for n in sizes]
        growth = marginal = ""
        if len(points) > 1:
            (n0, t0, f0), (n1, t1, f1) = points[-2], points[-1]
            growth = f"{t1 / points[0][1]:.2f} (floor {f1 / points[0][2]:.2f})"
            step_t, step_f = (t1 * n1 - t0 * n0) / (n1 - n0), (f1 * n1 - f0 * n0) / (n1 - n0)
            marginal = f"{step_t * 1e6:.0f} µs (floor {step_f * 1e6:.0f})"
        print(f"| {fmt} | " + " | ".join(cells) + f" | {growth} | {marginal} |", flush=True)


def section_readme(args) -> None:
    print(f"\n## The README's generator (benchmarks/bench_check.py), same measurement ({load()})\n")
    print(HEADER + "\n" + RULE, flush=True)
    for n in args.readme_sizes:
        path = readme_csv(args.out, n)
        for i, fmt in enumerate(args.formats):  # the same formats as the Pemda-like table
            report = args.out / f"report-readme-{n}.{fmt}"
            floors, tools = alternate(
                kinerja("check", str(path), "--format", fmt), floor(path), args.runs, report, args.timeout
            )
            counted = ""
            if fmt == "json" and report.exists():
                total, by_rule = findings_of(report)
                top = ", ".join(f"{k} {v:,}" for k, v in list(by_rule.items())[:2])
                counted = f"{total:,} ({top})"
            print(row(f"{size_label(n)} nodes" if i == 0 else "", fmt, floors, tools, counted), flush=True)


def section_inputs(args) -> None:
    n = args.inputs_size
    print(f"\n## Input formats at {size_label(n)} goals, against the floor (CSV) ({load()})\n")
    files, _ = pemda(args.out, n, args.seed, "csv,json,yaml,xlsx")
    print("| input | `kinerja show` CPU | ratio | peak | `kinerja check --format json` CPU | ratio | peak |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for fmt in ("csv", "json", "yaml", "xlsx"):
        path = files[fmt]
        floors, shows = alternate(kinerja("show", str(path)), floor(files["csv"]), args.input_runs, None, args.timeout)
        floors2, checks = alternate(
            kinerja("check", str(path), "--format", "json"), floor(files["csv"]), args.input_runs, None, args.timeout
        )
        f1, f2 = median(floors, "cpu"), median(floors2, "cpu")
        s, c = median(shows, "cpu"), median(checks, "cpu")
        size = f"{path.stat().st_size / 2**20:.0f} MB"
        print(
            f"| {fmt} ({size}) | {s:.1f} s | {s / f1:.1f}× | {mib(median(shows, 'peak'))} "
            f"| {c:.1f} s | {c / f2:.1f}× | {mib(median(checks, 'peak'))} |",
            flush=True,
        )
    print(f"\nfloor (CSV): {statistics.median([f1, f2]):.1f} s")


def jobs_supported() -> bool:
    helped = subprocess.run(kinerja("check", "--help"), capture_output=True, text=True, cwd=ROOT).stdout
    return "--jobs" in helped


def section_dir(args) -> None:
    """`kinerja check DIR` in each of --dir-formats: --jobs 1 and --jobs 2 alternating (j1, j2, j1, j2, ...),
    then the floor; the medians, and the wall-clock time of --jobs 2 against --jobs 1 (meaningful only on a
    machine whose two cores are free: the load average is printed)."""
    print(
        f"\n## `kinerja check DIR` on {args.dir_orgs} organisation cascades, {size_label(args.dir_goals)} goals "
        f"in all ({load()})\n"
    )
    files, stats = pemda(args.out, args.dir_goals, args.seed, "csv", args.dir_orgs, split=True)
    folder = files["orgs"]
    if not jobs_supported():
        floors, tools = alternate(
            kinerja("check", str(folder), "--format", "json"), floor(folder), args.runs, None, args.timeout
        )
        print(
            f"serial: CPU {median(tools, 'cpu'):.1f} s, wall {median(tools, 'wall'):.1f} s, floor CPU {median(floors, 'cpu'):.1f} s"
        )
        return
    print(
        "| format | `--jobs 1` CPU | wall | `--jobs 2` CPU | wall | wall, jobs 2 / jobs 1 | peak (j1 / j2) | floor CPU |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for fmt in args.dir_formats:
        one, two = [], []
        for _ in range(args.runs):
            one.append(measure(kinerja("check", str(folder), "--format", fmt, "--jobs", "1"), timeout=args.timeout))
            two.append(measure(kinerja("check", str(folder), "--format", fmt, "--jobs", "2"), timeout=args.timeout))
        floors = [measure(floor(folder), timeout=args.timeout)]
        w1, w2 = median(one, "wall"), median(two, "wall")
        print(
            f"| {fmt} | {median(one, 'cpu'):.1f} s | {w1:.1f} s | {median(two, 'cpu'):.1f} s | {w2:.1f} s "
            f"| {w2 / w1:.2f} | {mib(median(one, 'peak'))} / {mib(median(two, 'peak'))} | {median(floors, 'cpu'):.1f} s |",
            flush=True,
        )
    print(f"\n{len(list(folder.glob('*.csv')))} files, {stats['goals']:,} goals ({load()} at the end)")


REPORT_DOT = """
import sys
from pathlib import Path
from kinerja_graph import api
from kinerja_graph.render import DiagramOptions, build_diagram, load_style, plan
from kinerja_graph.report.html_diagram import add_anchors
style = load_style()
G = api.load_graph(sys.argv[1])
goals = sum(1 for _, k in G.nodes(data="kind") if k in ("goal", "indicator"))
if goals <= style.report_max_goals:
    for i, part in enumerate(plan(G, style, "id").parts, 1):
        source = add_anchors(build_diagram(G, part, None, DiagramOptions(), style=style).source, G)
        Path(sys.argv[2], f"part-{i:04d}.dot").write_text(source, encoding="utf-8")
"""


CHILD = ROOT / "kinerja_graph" / "render" / "_pygraphviz.py"


def dot_each(files: list[Path], timeout: float) -> float:
    """CPU of `dot -Tsvg` on each file in its own process (as one would run it by hand)."""
    program = shutil.which("dot")
    if not program or not files:
        return 0.0
    return sum(measure([program, "-Tsvg", str(f), "-o", os.devnull], timeout=timeout).cpu for f in files)


def graphviz_alone(files: list[Path], folder: Path) -> dict[str, tuple[list[str], Path | None]]:
    """The floors of a drawing: commands that only lay out and draw the same final DOT files as SVG, in one
    process. "system": the system's `dot -Tsvg` reading every file; "bundled": the Graphviz the tool runs by
    default (pygraphviz's, in render/_pygraphviz.py), fed every picture one request after the other, as the
    tool feeds it but with nothing to plan or build in between."""
    floors: dict[str, tuple[list[str], Path | None]] = {}
    if not files:
        return floors
    texts = [f.read_bytes() for f in files]
    program = shutil.which("dot")
    if program:
        joined = folder / "all-in-one.gv"
        joined.write_bytes(b"".join(t + b"\n" for t in texts))
        floors["system"] = ([program, "-Tsvg", str(joined), "-o", os.devnull], None)
    requests = folder / "requests.bin"
    requests.write_bytes(b"".join(b"svg 96 %d\n" % len(t) + t for t in texts))
    floors["bundled"] = ([PY, str(CHILD)], requests)
    return floors


def section_render(args, n: int) -> None:
    """`kinerja render` and `kinerja report` against Graphviz alone on the DOT of the pictures they draw.

    The floors lay out and draw the final pictures in one process and do nothing else: the system's `dot`, and the
    Graphviz the tool runs (the bundled one by default, the system's with `--engine dot`). The tool's own share
    is its CPU minus that floor: reading the cascade, building the DOT, and planning the printed pages, which
    lays out with Graphviz the candidate pages its calibrated estimate cannot decide. Each run of a command
    alternates with its floors (floor, floor, tool, ...)."""
    print(f"\n## `kinerja render` and `kinerja report` at {size_label(n)} goals, against Graphviz alone ({load()})\n")
    files, _ = pemda(args.out, n, args.seed)
    where = args.out / f"render-{n}"
    shutil.rmtree(where, ignore_errors=True)
    dots, report_dots = where / "dot", where / "report-dot"
    dots.mkdir(parents=True)
    report_dots.mkdir(parents=True)
    measure(kinerja("render", str(files["csv"]), "-f", "dot", "-o", str(dots / "pemda.dot")), timeout=args.timeout)
    measure([PY, "-c", REPORT_DOT, str(files["csv"]), str(report_dots)], timeout=args.timeout)
    render_files, report_files = sorted(dots.glob("*.dot")), sorted(report_dots.glob("*.dot"))
    (where / "floor-render").mkdir()
    (where / "floor-report").mkdir()
    render_floors = graphviz_alone(render_files, where / "floor-render")
    report_floors = graphviz_alone(report_files, where / "floor-report")
    print(
        f"`kinerja render`: {len(render_files)} pages; `dot -Tsvg` on their DOT, one process per file: "
        f"{dot_each(render_files, args.timeout):.1f} s CPU (the issue's first yardstick)"
    )
    if not report_files:
        print("`kinerja report`: no diagram (above the report's limit, rules/render.yaml report_max_goals)")
    print(
        f"\n(median of {args.render_runs} run(s) each; each run alternates with its floors, the system `dot` and the "
        "bundled Graphviz drawing the same final pictures in one process)\n"
    )
    print(
        "| command | CPU | wall | peak memory | Graphviz it runs, alone | against it | own share | own / Graphviz "
        "| system `dot` alone | against it |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    csv = str(files["csv"])
    commands = [
        (
            "render -f dot (pages planned with Graphviz, DOT written)",
            ["render", csv, "-f", "dot", "-o", str(where / "a" / "p.dot")],
            render_floors,
            "bundled",
        ),
        ("render -f svg", ["render", csv, "-f", "svg", "-o", str(where / "b" / "p.svg")], render_floors, "bundled"),
        (
            "render -f svg --engine dot",
            ["render", csv, "-f", "svg", "--engine", "dot", "-o", str(where / "c" / "p.svg")],
            render_floors,
            "system",
        ),
        ("report", ["report", csv, "-o", str(where / "d" / "p.html")], report_floors, "bundled"),
        (
            "report --engine dot",
            ["report", csv, "--engine", "dot", "-o", str(where / "e" / "p.html")],
            report_floors,
            "system",
        ),
        ("report --no-diagram", ["report", csv, "--no-diagram", "-o", str(where / "f" / "p.html")], {}, ""),
    ]
    for name, cmd, floors, runs_it in commands:
        runs: list[Run] = []
        floor_runs: dict[str, list[Run]] = {key: [] for key in floors}
        for _ in range(args.render_runs):
            for key, (floor_cmd, stdin) in floors.items():
                floor_runs[key].append(measure(floor_cmd, stdin=stdin, timeout=args.timeout))
            shutil.rmtree(Path(cmd[-1]).parent, ignore_errors=True)
            Path(cmd[-1]).parent.mkdir(parents=True)
            runs.append(measure(kinerja(*cmd), timeout=args.timeout))
        t = median(runs, "cpu")
        cells = ["", "", f"{t:.1f} s", "", "", ""]
        if runs_it in floor_runs:
            ref = median(floor_runs[runs_it], "cpu")
            own = t - ref
            cells[:4] = [f"{ref:.1f} s", f"{t / ref:.1f}×", f"{own:.1f} s", f"{own / ref:.2f}"]
        if "system" in floor_runs:
            ref = median(floor_runs["system"], "cpu")
            cells[4:] = [f"{ref:.1f} s", f"{t / ref:.1f}×"]
        wall, peak = median(runs, "wall"), mib(median(runs, "peak"))
        print(f"| {name} | {t:.1f} s | {wall:.1f} s | {peak} | {' | '.join(cells)} |", flush=True)
    for name, folder in (("render -f svg", "b"), ("render -f svg --engine dot", "c")):
        print(printed_pages(name, sorted((where / folder).glob("*.svg"))))


def printed_pages(name: str, pages: list[Path]) -> str:
    """Every page a run drew, measured as the planner measures it (render/paper.measure_svg): how small its
    text prints on the paper of rules/render.yaml, and how many pages print below the minimum (a page of
    one box too big for a sheet prints smaller: the planner cannot split it)."""
    from kinerja_graph.render import load_style
    from kinerja_graph.render.paper import measure_svg, paper

    style = load_style()
    sheet = paper(style)
    sizes = []
    for path in pages:
        found = measure_svg(path.read_bytes(), sheet)
        if found is not None:
            sizes.append((found.smallest_text, path.name))
    if not sizes:
        return f"\n`{name}`: no pages"
    small = [f for s, f in sorted(sizes) if s < style.min_text_pt]
    return (
        f"\n`{name}`: {len(sizes)} pages, smallest printed text {min(sizes)[0]:.1f} pt on {sheet.name}; "
        f"{len(small)} below {style.min_text_pt:g} pt" + (f" ({', '.join(small[:8])})" if small else "")
    )


PROFILE = """
import atexit, cProfile, sys
profile = cProfile.Profile()
atexit.register(lambda: (profile.disable(), profile.dump_stats({out!r})))  # kinerja ends with os._exit
sys.argv = ["kinerja", "check", {path!r}, "--format", "json"]
profile.enable()
from kinerja_graph.cli import main
main()
"""


def section_profile(args) -> None:
    n = args.profile
    files, _ = pemda(args.out, n, args.seed)
    out = args.out / f"profile-{n}.prof"
    code = PROFILE.format(out=str(out), path=str(files["csv"]))
    r = measure([PY, "-c", code], timeout=args.timeout)
    print(f"\n## Profile: `kinerja check FILE.csv --format json` at {size_label(n)} goals ({load()})\n")
    print(f"under cProfile: {r.cpu:.1f} s CPU (profiling slows Python code about twice); {out}\n")
    import pstats

    stats = pstats.Stats(str(out))
    stats.strip_dirs().sort_stats("cumulative").print_stats(args.profile_top)
    print("### by own time (tottime)")
    stats.sort_stats("tottime").print_stats(max(10, args.profile_top // 2))


def number(text: str) -> int:
    return int(float(text.replace("_", "")))


def compile_package() -> None:
    """Write the package's bytecode before timing it, as an installed wheel has it (pip compiles on install).
    An editable install run with PYTHONDONTWRITEBYTECODE=1 (set on some machines and CI images) would compile
    the ~80 modules a check imports again in every run, about 0.14 s that a user's installation does not pay;
    the floor's networkx comes with its bytecode already."""
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "kinerja_graph")], check=True, cwd=ROOT)
    print("(the package's bytecode written first, as an installed wheel has it; --no-compile leaves it alone)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1e4,1e5,2e5", help="goals, comma-separated (default 1e4,1e5,2e5)")
    parser.add_argument("--million", action="store_true", help="add 10^6 goals (minutes per run, several GiB)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--million-formats", default="text,json")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--million-runs", type=int, default=1)
    parser.add_argument("--sections", default="table,readme,inputs,dir,render")
    parser.add_argument("--readme-sizes", default="1e5")
    parser.add_argument("--inputs-size", type=number, default=100_000)
    parser.add_argument("--input-runs", type=int, default=3)
    parser.add_argument("--dir-goals", type=number, default=100_000)
    parser.add_argument("--dir-orgs", type=int, default=200)
    parser.add_argument("--dir-formats", default="json,sarif,text", help="the formats of the dir section")
    parser.add_argument("--render-goals", default="1e4,1e3", help="sizes, comma-separated")
    parser.add_argument("--render-runs", type=int, default=1)
    parser.add_argument("--profile", type=number, default=0, metavar="GOALS", help="profile check at this size")
    parser.add_argument("--profile-top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    parser.add_argument(
        "--no-compile", action="store_true", help="leave the package's bytecode alone (see compile_package)"
    )
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    args.formats = [f for f in args.formats.split(",") if f]
    args.dir_formats = [f for f in args.dir_formats.split(",") if f]
    args.million_formats = [f for f in args.million_formats.split(",") if f]
    args.readme_sizes = [number(s) for s in args.readme_sizes.split(",") if s]
    args.render_goals = [number(s) for s in args.render_goals.split(",") if s]
    sizes = [number(s) for s in args.sizes.split(",") if s] + ([1_000_000] if args.million else [])
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    print(f"# bench_pemda.py: {os.cpu_count()} CPUs, {sys.version.split()[0]}, {load()}")
    if not os.path.exists(TIME):
        print("(no /usr/bin/time: figures from os.wait4)")
    if not args.no_compile:
        compile_package()
    if "table" in sections and sizes:
        section_table(args, sizes)
    if "readme" in sections and args.readme_sizes:
        section_readme(args)
    if "inputs" in sections and args.inputs_size:
        section_inputs(args)
    if "dir" in sections and args.dir_goals:
        section_dir(args)
    if "render" in sections:
        for n in args.render_goals:
            section_render(args, n)
    if args.profile:
        section_profile(args)
    print(f"\n({load()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
