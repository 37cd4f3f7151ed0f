"""Findings stay the same: every sample and a 10^4-goal Pemda-like cascade give exactly the findings recorded in
tests/golden/findings_fingerprint.json (per cascade: the number of findings, the count per rule and the sha256
of the sorted canonical findings: rule, node, related, severity, message arguments or else message). Work that
must not change what the tool finds (optimisation, restructuring) is held to it.

When a change of findings is intended (a rule was changed or added), see what changed and regenerate the
fingerprint (benchmarks/findings.py explains the commands; docs/performance.md too):

    .venv/bin/python benchmarks/findings.py dump /tmp/after      # and the same from the old tree into /tmp/before
    .venv/bin/python benchmarks/findings.py compare /tmp/before /tmp/after
    .venv/bin/python benchmarks/findings.py fingerprint --write  # then commit tests/golden/findings_fingerprint.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import findings  # noqa: E402
import gen_pemda  # noqa: E402

RECORDED = json.loads(findings.FINGERPRINT.read_text(encoding="utf-8"))
HINT = "findings changed; if intended: .venv/bin/python benchmarks/findings.py fingerprint --write (and review)"


def assert_recorded(name: str, found: list[dict]) -> None:
    assert name in RECORDED, f"{name} has no recorded fingerprint: {HINT}"
    now, then = findings.fingerprint(found), RECORDED[name]
    assert now["by_rule"] == then["by_rule"], f"{name}: {HINT}"
    assert now == then, f"{name}: same counts, other findings: {HINT}"


def test_every_sample_finds_what_is_recorded():
    found = findings.samples()
    assert {n for n in RECORDED if n.startswith("samples/")} == set(found)
    for name, listed in found.items():
        assert_recorded(name, listed)


@pytest.mark.slow
def test_pemda_cascade_finds_what_is_recorded(tmp_path):
    found = findings.pemda(folder=tmp_path)
    ((name, listed),) = found.items()
    assert len(listed) > 5000  # the generated cascade is full of genuine duplicates: a check that ran
    assert_recorded(name, listed)


def test_canonical_form_prefers_message_arguments():
    finding = {"rule": "r", "node": "1", "related": ["2"], "severity": "warning", "message": "m", "line": 3}
    assert findings.canonical(finding) == {
        "rule": "r",
        "node": "1",
        "related": ["2"],
        "severity": "warning",
        "message": "m",
    }
    with_args = {**finding, "args": {"count": 2}}
    assert findings.canonical(with_args)["args"] == {"count": 2}
    assert "message" not in findings.canonical(with_args)
    assert findings.canonical({**finding, "reason": "why"}, silenced=True)["silenced"] == "why"


def test_fingerprint_ignores_order_but_not_content():
    a = {"rule": "r", "node": "1", "related": [], "severity": "info", "message": "x"}
    b = {**a, "node": "2"}
    assert findings.fingerprint([a, b]) == findings.fingerprint([b, a])
    assert findings.fingerprint([a, b])["sha256"] != findings.fingerprint([a, {**b, "severity": "warning"}])["sha256"]
    assert findings.fingerprint([a, b])["by_rule"] == {"r": 2}


@pytest.mark.slow
def test_generator_is_deterministic_and_writes_what_convert_writes(tmp_path):
    """The same arguments give the same files; the JSON and the CSV are what `kinerja convert` writes for them."""
    first, stats = gen_pemda.write(300, 5, tmp_path / "a", ("csv", "json"))
    again, _ = gen_pemda.write(300, 5, tmp_path / "b", ("csv", "json"))
    for fmt in ("csv", "json"):
        assert first[fmt].read_bytes() == again[fmt].read_bytes()
    assert stats["goals"] == 300
    for fmt in ("csv", "json"):
        target = tmp_path / f"converted.{fmt}"
        gen_pemda.convert(first["json"], target)
        assert target.read_bytes() == first[fmt].read_bytes(), fmt


def test_generated_cascade_has_the_pemda_shape():
    doc, stats, orgs = gen_pemda.generate(2_000, seed=3, organisations=4)
    goals = [n for n in doc["nodes"] if "statement" in n]
    assert len(goals) == stats["goals"] == 2_000
    depth = {n["id"].count(".") for n in goals}
    assert depth == {0, 1, 2, 3, 4}  # five levels under one tujuan
    assert len(orgs) == 4 and {o.type for o in orgs} >= {"kecamatan"}
    assert all(o.goals for o in orgs)  # every organisation holds at least one sasaran strategis
    # organisations repeat standard wording: statements repeat, one of them on many goals
    statements = Counter(n["statement"] for n in goals)
    assert len(statements) < 0.8 * len(goals)
    assert statements.most_common(1)[0][1] >= 10
