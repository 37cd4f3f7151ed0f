"""Many findings' fingerprints are keyed with node identities read per group of the checked graph's Index
(fingerprint._GroupIdentities: group findings' least and greatest identity over whole columns); fewer with
each node's identity found when asked for. Both must give the same fingerprints and fallback keys."""

import dataclasses

import pytest
from helpers import SAMPLES

from kinerja_graph import fingerprint, pipeline, similarity
from kinerja_graph.checks import _index

CASCADES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".yaml", ".csv", ".xlsx"})


def _reports(name):
    return [result.report for result in pipeline.run([str(SAMPLES / name)]).results]


@pytest.mark.parametrize("name", CASCADES)
@pytest.mark.parametrize("addresses", [True, False])
def test_identities_per_group_give_the_fingerprints_found_node_by_node(name, addresses, monkeypatch):
    if addresses:  # the members' positions found by their addresses (_positions), as for a large report
        monkeypatch.setattr(fingerprint, "ADDRESSES_FROM", -(10**9))
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


def test_positions_by_address_are_the_dicts():
    """_positions finds a key by its address among the dict's own key objects; a key that is another object (an
    equal text made anew), or no key at all, is looked up in the dict: the same positions either way."""
    ids = [f"1.{i}" for i in range(3000)]
    position = {n: 2 * k for k, n in enumerate(ids)}
    keys = [ids[k] for k in range(0, 3000, 3)] + ["".join(["1.", "7"]), "none", ids[0], "".join(["1.", "2999"])]
    keys = keys * 3
    assert "".join(["1.", "7"]) is not ids[7]
    expected = [position.get(k, -5) for k in keys]
    assert len(keys) >= len(position) // 10 + fingerprint.ADDRESSES_FROM  # by address
    assert fingerprint._positions(position, keys, -5).tolist() == expected
    assert fingerprint._positions(position, keys[:10], -5).tolist() == expected[:10]  # few: the dict
    assert fingerprint._positions({}, keys, -5).tolist() == [-5] * len(keys)


ODD = """id,parent,level,statement,owner,indicator,formula,unit
1,,Tujuan,Meningkatnya tata kelola pemerintahan,Sekretaris Daerah,Persentase laporan keuangan tepat waktu,a / b x 100%,%
1.1,1,Sasaran,Meningkatnya kualitas pelayanan publik di Kecamatan Praya,Camat,Indeks kepuasan masyarakat,a / b x 100%,%
1.2,1,Sasaran,Meningkatnya kualitas pelayanan publik di Kecamatan Praya,Camat,Indeks kepuasan masyarakat,a / b x 100%,%
1.3,1,Sasaran,Terwujudnya  pelayanan   RÉSUMÉ « terpadu »,Camat,Indeks pelayanan terpadu,a / b x 100%,%
1.4,1,Sasaran,…,Camat,Indeks pelayanan terpadu,a / b x 100%,%
1.5,1,Sasaran,- / -,Camat,Indeks pelayanan terpadu,a / b x 100%,%
"""


@pytest.mark.parametrize("name", [*CASCADES, "odd.csv"])
def test_group_statements_read_from_the_rules_memo_are_those_normalised_anew(name, tmp_path, monkeypatch):
    """The (kind, statement) groups' normalised statements are read from what duplicate-statement left in the text
    vocabulary's memo; normalised anew (no memo) they are the same, and each is its goals' node identity."""
    if name == "odd.csv":
        path = tmp_path / name
        path.write_text(ODD, encoding="utf-8")
        reports = [result.report for result in pipeline.run([str(path)]).results]
    else:
        reports = _reports(name)
    for fr in reports:
        G = fr.graph
        built = _index.cached(G)
        groups = built.node_groups(("kind", "statement"))
        kinds, statements = built.values("kind"), built.values("statement")
        texts = [statements[i] if kinds[i] == "goal" else None for i in groups.first]
        assert similarity.remembered_normalised_texts(texts, G) is not None  # (the rule ran on G and left them)
        remembered = fingerprint._group_statements(G, built, groups)
        with monkeypatch.context() as m:
            m.setattr(fingerprint, "remembered_normalised_texts", lambda texts, G: None)
            fingerprint._NORMALISED.clear()
            anew = fingerprint._group_statements(G, built, groups)
        assert remembered == anew
        ids = built.ids()
        for first, statement in zip(groups.first, remembered, strict=True):
            identity = fingerprint.node_identity(G, ids[first])
            if statement is not None:
                assert identity == "g:" + statement
            else:
                assert not identity.startswith("g:") or G._node[ids[first]].get("kind") != "goal"


def test_findings_and_silenced_ones_are_keyed_in_the_order_of_their_sort_key():
    """A file's findings and silenced findings are numbered together in Finding.sort_key's order (a stable sort);
    many of them (a baseline silencing thousands) are put in that order over columns (findings.sorted_findings)."""
    from kinerja_graph.engine import Silenced

    (fr,) = _reports("praya.yaml")
    many = fr.findings * (5000 // len(fr.findings) + 1)
    shown, silenced = many[::2], [Silenced(f, "baseline: b.json") for f in many[1::2]]
    fr = dataclasses.replace(fr, findings=shown, silenced=silenced)
    expected = sorted([*shown, *(s.finding for s in silenced)], key=lambda f: f.sort_key())
    ordered = fingerprint._in_order(fr)
    assert len(ordered) >= 4096
    assert list(map(id, ordered)) == list(map(id, expected))
