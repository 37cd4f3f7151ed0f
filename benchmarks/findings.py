"""Findings before and after: dump, fingerprint and compare the findings of every sample and of a 10^4-goal
Pemda-like cascade, so that work meant to change nothing (optimisation) can show that it changed nothing.

    .venv/bin/python benchmarks/findings.py dump DIR            # one canonical JSON file of findings per cascade
    .venv/bin/python benchmarks/findings.py compare BEFORE AFTER # what differs between two dumps
    .venv/bin/python benchmarks/findings.py fingerprint [--write] # the compact fingerprint (--write: into
                                                                  # tests/golden/findings_fingerprint.json)

What is compared is read from `kinerja check --format json --no-config` (docs/json-output.md), the tool's public
output, so the harness does not depend on how the rules and the pipeline are built. Each finding is reduced to
its canonical form: rule, node, related, severity, and its message's arguments ("args") when the JSON has them,
else its message; a silenced finding also carries the silencing reason. A cascade's findings are the sorted
list of the canonical findings, one JSON object a line (sorted keys). Its fingerprint: the number of findings,
the count per rule, and the sha256 of that list.

The cascades: every sample (samples/*.yaml, *.csv, *.xlsx, checked together as `kinerja check samples/`) and
the Pemda-like cascade of benchmarks/gen_pemda.py with 10^4 goals and seed 1 (--goals, --seed).

Before and after a change (the script runs the package of the tree it sits in):
    git worktree add /tmp/before-tree main                # the code before the change
    .venv/bin/python /tmp/before-tree/benchmarks/findings.py dump /tmp/before
    .venv/bin/python benchmarks/findings.py dump /tmp/after
    .venv/bin/python benchmarks/findings.py compare /tmp/before /tmp/after
When a change of findings is intended (a rule changed), review that comparison, then regenerate the committed
fingerprint that tests/test_findings_stable.py holds the code to:
    .venv/bin/python benchmarks/findings.py fingerprint --write
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FINGERPRINT = ROOT / "tests" / "golden" / "findings_fingerprint.json"
PEMDA_GOALS, PEMDA_SEED = 10_000, 1


def canonical(finding: dict, silenced: bool = False) -> dict:
    out = {
        "rule": finding["rule"],
        "node": finding.get("node"),
        "related": list(finding.get("related") or ()),
        "severity": finding["severity"],
    }
    if finding.get("args") is not None:
        out["args"] = finding["args"]
    else:
        out["message"] = finding.get("message")
    if silenced:
        out["silenced"] = finding.get("reason")
    return out


def check(paths: list[Path]) -> dict[str, list[dict]]:
    """`kinerja check --format json` on paths: the canonical findings of each file, by file name."""
    proc = subprocess.run(
        [sys.executable, "-m", "kinerja_graph", "check", "--no-config", "--format", "json", "--exit-zero"]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"kinerja check failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    data = json.loads(proc.stdout)
    if data.get("errors"):
        raise RuntimeError(f"kinerja check reported errors: {data['errors'][:3]}")
    by_file: dict[str, list[dict]] = {}
    for key, silenced in (("findings", False), ("silenced", True)):
        for f in data.get(key) or ():
            by_file.setdefault(Path(f.get("file") or "").name, []).append(canonical(f, silenced))
    return by_file


def lines(findings: list[dict]) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in findings)


def fingerprint(findings: list[dict]) -> dict:
    listed = lines(findings)
    return {
        "findings": len(listed),
        "by_rule": dict(sorted(Counter(f["rule"] for f in findings).items())),
        "sha256": hashlib.sha256("\n".join(listed).encode("utf-8")).hexdigest(),
    }


def samples() -> dict[str, list[dict]]:
    found = check([ROOT / "samples"])
    names = sorted(p.name for p in (ROOT / "samples").iterdir() if p.suffix in (".yaml", ".csv", ".xlsx"))
    return {f"samples/{name}": found.get(name, []) for name in names}


def pemda(goals: int = PEMDA_GOALS, seed: int = PEMDA_SEED, folder: Path | None = None) -> dict[str, list[dict]]:
    """The findings of the Pemda-like cascade (generated into `folder`, or a temporary one)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import gen_pemda

    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = gen_pemda.write(goals, seed, folder or Path(tmp), ("csv",))
        found = check([paths["csv"]])
    return {f"pemda-{goals}-s{seed}.csv": found.get(paths["csv"].name, [])}


def everything(goals: int, seed: int) -> dict[str, list[dict]]:
    return {**samples(), **pemda(goals, seed)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump", help="write each cascade's canonical findings into DIR")
    dump.add_argument("dir", type=Path)
    compare = sub.add_parser("compare", help="compare two dumps")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    compare.add_argument("--show", type=int, default=10, help="differing findings shown per cascade")
    fp = sub.add_parser("fingerprint", help="print (or --write) the fingerprint")
    fp.add_argument("--write", action="store_true", help=f"write {FINGERPRINT.relative_to(ROOT)}")
    for p in (dump, fp):
        p.add_argument("--goals", type=int, default=PEMDA_GOALS)
        p.add_argument("--seed", type=int, default=PEMDA_SEED)
    args = parser.parse_args(argv)

    if args.command == "dump":
        args.dir.mkdir(parents=True, exist_ok=True)
        for name, findings in everything(args.goals, args.seed).items():
            path = args.dir / (name.replace("/", "__") + ".findings.jsonl")
            path.write_text("".join(line + "\n" for line in lines(findings)), encoding="utf-8")
            print(f"{path}: {len(findings)} findings")
        return 0
    if args.command == "compare":
        differ = 0
        names = sorted({p.name for p in args.before.glob("*.findings.jsonl")} | {p.name for p in args.after.glob("*")})
        for name in (n for n in names if n.endswith(".findings.jsonl")):
            a, b = args.before / name, args.after / name
            left = a.read_text(encoding="utf-8").splitlines() if a.exists() else []
            right = b.read_text(encoding="utf-8").splitlines() if b.exists() else []
            if left == right:
                print(f"same   {name} ({len(left)} findings)")
                continue
            differ += 1
            gone, new = sorted(set(left) - set(right)), sorted(set(right) - set(left))
            print(f"DIFFER {name}: {len(left)} -> {len(right)} findings, {len(gone)} gone, {len(new)} new")
            for line in gone[: args.show]:
                print(f"  - {line}")
            for line in new[: args.show]:
                print(f"  + {line}")
        return 1 if differ else 0
    prints = {name: fingerprint(findings) for name, findings in everything(args.goals, args.seed).items()}
    text = json.dumps(prints, indent=1, ensure_ascii=False) + "\n"
    if args.write:
        FINGERPRINT.write_text(text, encoding="utf-8")
        print(f"written: {FINGERPRINT}")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
