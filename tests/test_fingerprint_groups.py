"""Many findings' fingerprints are keyed with node identities read per group of the checked graph's Index
(fingerprint._GroupIdentities: group findings' least and greatest identity over whole columns); fewer with
each node's identity found when asked for. Both must give the same fingerprints and fallback keys."""

import dataclasses

import pytest
from helpers import SAMPLES

from kinerja_graph import fingerprint, pipeline
from kinerja_graph.checks import _index

CASCADES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".yaml", ".csv", ".xlsx"})


def _reports(name):
    return [result.report for result in pipeline.run([str(SAMPLES / name)]).results]


@pytest.mark.parametrize("name", CASCADES)
def test_identities_per_group_give_the_fingerprints_found_node_by_node(name, monkeypatch):
    for fr in _reports(name):
        everything = fingerprint._in_order(fr)
        wanted = {id(f) for f in everything[::2]}
        monkeypatch.setattr(fingerprint, "FILL_FROM", 10**9)  # each identity when asked for
        one_by_one = (fingerprint.file_keys(fr), fingerprint.file_fingerprints(fr, wanted))
        monkeypatch.setattr(fingerprint, "FILL_FROM", 0)  # every identity at once, per group of the Index
        assert isinstance(fingerprint._identities(fr.graph, everything), fingerprint._GroupIdentities)
        per_group = (fingerprint.file_keys(fr), fingerprint.file_fingerprints(fr, wanted))
        assert {k: dataclasses.astuple(v) for k, v in per_group[0].items()} == {
            k: dataclasses.astuple(v) for k, v in one_by_one[0].items()
        }
        assert per_group[1] == one_by_one[1]
        assert len(per_group[1]) == len(wanted)


MIXED = """id,parent,level,statement,owner,indicator,formula,unit
1,,Tujuan,Meningkatnya tata kelola pemerintahan,Sekretaris Daerah,Persentase laporan keuangan tepat waktu,a / b x 100%,%
1.1,1,Sasaran,Meningkatnya akuntabilitas keuangan,Kepala BPKAD,Persentase laporan keuangan tepat waktu,a / b x 100%,%
1.2,1,Sasaran,Meningkatnya kualitas perencanaan,Kepala Bappeda,Persentase laporan keuangan tepat waktu,a / b x 100%,%
L1,,,,Pengadministrasi Umum,Persentase laporan keuangan tepat waktu,a / b x 100%,%
L2,,,,Pengelola Data,Persentase laporan keuangan tepat waktu,a / b x 100%,%
"""


def test_a_group_of_goals_and_nodes_that_are_no_goal_keys_on_the_least_and_greatest_of_all(tmp_path, monkeypatch):
    """A group finding whose members are goals and indicators without a goal: its least and greatest identity
    are the least and greatest of both kinds."""
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    (fr,) = [result.report for result in pipeline.run([str(path)]).results]
    G = fr.graph
    mixed = [
        f
        for f in fr.findings
        if f.related and {G._node[n]["kind"] for n in (f.node, *f.related)} == {"goal", "indicator"}
    ]
    assert mixed
    identities = fingerprint._GroupIdentities(G, _index.cached(G), mixed)
    for f in mixed:
        members = [fingerprint.node_identity(G, n) for n in f.related]
        assert identities.extremes(f.related) == (min(members), max(members))
        assert identities._groups[id(f.related)][0] is f.related  # found with the others, not when asked for
    monkeypatch.setattr(fingerprint, "FILL_FROM", 10**9)
    one_by_one = fingerprint.file_fingerprints(fr)
    monkeypatch.setattr(fingerprint, "FILL_FROM", 0)
    assert fingerprint.file_fingerprints(fr) == one_by_one
