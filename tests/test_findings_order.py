"""findings.sorted_findings: the order of Finding.sort_key, the same findings (by identity) in the same order, on
lists large enough for its column-wise sort and on those it leaves to sort_key itself."""

import random

import pytest

from kinerja_graph.findings import SEVERITIES, Finding, sorted_findings
from kinerja_graph.model import Location

RULES = ("near-duplicate", "formula-mismatch", "unit-mismatch", "duplicate-statement", "level-label-conflict")


def _findings(seed: int, count: int, *, files=("a.csv",), lines=True, nodes=True) -> list[Finding]:
    """Many findings on few lines, nodes and related nodes, so that most of them tie on some part of the key."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        file = rnd.choice(files)
        if lines and rnd.random() < 0.97:
            location = Location(file, rnd.randrange(1, count // 8 + 2))
        elif lines:
            location = Location(file, None)
        else:
            location = None if rnd.random() < 0.5 else Location(file, rnd.randrange(1, 50))
        node = f"{rnd.randrange(count // 6 + 1)}" if nodes or rnd.random() < 0.5 else None
        related = tuple(f"{rnd.randrange(40)}" for _ in range(rnd.randrange(3)))
        out.append(
            Finding(rnd.choice(RULES), rnd.choice(SEVERITIES), node, {}, related=related, file=file, location=location)
        )
    return out


def _same(found, expected):
    return len(found) == len(expected) and all(map(lambda f, e: f is e, found, expected))


def _by_columns(findings, monkeypatch):
    """sorted_findings(findings), which must not fall back on sort_key."""

    def refused(self):
        raise AssertionError("sorted by sort_key")

    with monkeypatch.context() as patched:
        patched.setattr(Finding, "sort_key", refused)
        return sorted_findings(findings)


@pytest.mark.parametrize("seed", range(6))
def test_many_findings_of_one_file_in_sort_key_order(seed, monkeypatch):
    findings = _findings(seed, 9000)
    assert _same(_by_columns(findings, monkeypatch), sorted(findings, key=Finding.sort_key))


@pytest.mark.parametrize("seed", range(3))
def test_findings_without_a_location_or_a_node(seed, monkeypatch):
    findings = _findings(seed, 6000, lines=False, nodes=False)
    assert _same(_by_columns(findings, monkeypatch), sorted(findings, key=Finding.sort_key))


def test_findings_of_several_files_few_findings_and_none():
    several = _findings(7, 6000, files=("a.csv", "b.csv"))
    assert _same(sorted_findings(several), sorted(several, key=Finding.sort_key))
    few = _findings(8, 50)
    assert _same(sorted_findings(few), sorted(few, key=Finding.sort_key))
    assert sorted_findings([]) == []


def test_equal_findings_keep_their_order():
    findings = [Finding("missing-owner", "warning", "1", {}, file="a.csv", location=Location("a.csv", 3))] * 3
    findings += _findings(9, 5000)
    findings = [
        Finding(f.rule, f.severity, f.node, {"k": k}, related=f.related, file=f.file, location=f.location)
        for k, f in enumerate(findings)
    ]
    random.Random(9).shuffle(findings)
    assert _same(sorted_findings(findings), sorted(findings, key=Finding.sort_key))
