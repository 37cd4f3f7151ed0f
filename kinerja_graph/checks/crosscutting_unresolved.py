"""crosscutting-unresolved: a crosscutting link that names nothing, the organisation itself, or a node
that does not exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kinerja_graph.checks._quote import quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.graph import crosscutting_key
from kinerja_graph.model import Cascade
from kinerja_graph.similarity import TextVocabulary, organisation_keys, text_vocabulary


class CrosscuttingUnresolved(Rule):
    id = "crosscutting-unresolved"
    area = "structure"
    lke = "1.b.9"
    summary = {
        "id": "Tautan crosscutting yang tidak menunjuk apa pun, menunjuk organisasi sendiri, atau menunjuk kinerja "
        "yang tidak ada",
        "en": "A crosscutting link that names nothing, the organisation itself, or a goal that does not exist",
    }
    rationale = {
        "id": "LKE 1.b.9 (PermenPANRB 88/2021) menilai apakah dokumen perencanaan menunjukkan keterkaitan kinerja "
        "dengan bidang atau organisasi lain (crosscutting). Tautan yang kosong, yang menunjuk organisasi "
        "sendiri, atau yang menunjuk kinerja yang tidak terdapat dalam pohon kinerja mitra tidak menunjukkan "
        "keterkaitan apa pun.",
        "en": "LKE 1.b.9 (PermenPANRB 88/2021) scores whether planning documents show how performance relates to "
        "other fields or organisations (crosscutting). A link that is empty, names the organisation itself, or "
        "names a goal missing from the partner's tree shows no relation at all.",
    }
    messages = {
        "empty": {
            "id": 'Tautan crosscutting "{link}" pada kinerja "{statement}" tidak menyebut organisasi mitra',
            "en": 'Crosscutting link "{link}" on goal "{statement}" names no partner organisation',
        },
        "self": {
            "id": 'Tautan crosscutting "{link}" pada kinerja "{statement}" menunjuk organisasi ini sendiri '
            "({organisation}), sedangkan crosscutting merupakan keterkaitan dengan organisasi lain",
            "en": 'Crosscutting link "{link}" on goal "{statement}" names this organisation itself ({organisation}); '
            "crosscutting relates to other organisations",
        },
        "missing-own": {
            "id": 'Tautan crosscutting "{link}" pada kinerja "{statement}" menunjuk kinerja {target} yang tidak '
            "terdapat dalam pohon kinerja ini",
            "en": 'Crosscutting link "{link}" on goal "{statement}" names goal {target}, which is not in this cascade',
        },
        "missing-other": {
            "id": 'Tautan crosscutting "{link}" pada kinerja "{statement}" menunjuk kinerja {target} yang tidak '
            "terdapat dalam pohon kinerja {organisation}",
            "en": 'Crosscutting link "{link}" on goal "{statement}" names goal {target}, which is not in the cascade '
            "of {organisation}",
        },
    }
    options_schema = {}
    doc = """\
## What it does
Checks every crosscutting link of every goal. A link names another body ("BKPSDM", "Satpol PP") or a
goal of another organisation's cascade ("ORG#NODE"). It is reported when it

- names no organisation ("#1.2");
- names the organisation whose cascade this is: compared on its `id`, its name, and its name without
  the words that name a kind of organisation (rules/vocabulary/text.yaml `organisation_kinds`,
  `organisation_words`), so "Kecamatan Praya", "praya" and "Kantor Camat Praya" are one (a link to a
  goal of the own cascade is an internal link, not crosscutting);
- names a goal ("ORG#NODE") that the named cascade does not have: checked for the own organisation
  always, and for another organisation only when its cascade is loaded in the same run.

Other cascades: the checker (kinerja_graph/engine.py) puts every cascade read in one run into
`G.graph["cascades"]`, keyed by organisation key (`Organisation.key`, its id or else its name). A link
to an organisation matched by id, name or name without kind words is resolved there; a link to an
organisation that is not loaded is not judged (it may be fine). Checking one file alone therefore
never reports links to other organisations' goals.

## Why it matters
Crosscutting shows which results the organisation shares with others (LKE 1.b.9). A link that
resolves to nothing, or back to the organisation itself, is counted by nobody: the partner's plan
will not carry the shared result.

## Example
```yaml
organisation: {name: Kecamatan Praya, id: praya}
nodes:
  - id: "1"
    statement: Terwujudnya ketenteraman dan ketertiban umum
    level: intermediate outcome
    crosscutting: ["Kecamatan Praya", "praya#9.9"]
```

## Fix
```yaml
organisation: {name: Kecamatan Praya, id: praya}
nodes:
  - id: "1"
    statement: Terwujudnya ketenteraman dan ketertiban umum
    level: intermediate outcome
    crosscutting: ["Satpol PP", "TNI", "POLRI"]
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini memeriksa setiap tautan crosscutting pada setiap kinerja. Tautan menyebut instansi lain
("BKPSDM", "Satpol PP") atau kinerja dalam pohon kinerja organisasi lain ("ORG#NODE"). Tautan dilaporkan
apabila

- tidak menyebut organisasi apa pun ("#1.2");
- menyebut organisasi pemilik pohon kinerja itu sendiri: dibandingkan menurut `id`-nya, namanya, dan
  namanya tanpa kata yang menyatakan jenis organisasi (rules/vocabulary/text.yaml `organisation_kinds`,
  `organisation_words`), sehingga "Kecamatan Praya", "praya" dan "Kantor Camat Praya" dianggap satu
  organisasi (tautan ke kinerja dalam pohon kinerja sendiri merupakan tautan internal, bukan
  crosscutting);
- menyebut kinerja ("ORG#NODE") yang tidak terdapat dalam pohon kinerja yang disebut: selalu diperiksa
  untuk organisasi sendiri, dan untuk organisasi lain hanya apabila pohon kinerjanya dimuat dalam
  pemeriksaan yang sama.

Pohon kinerja lain: pemeriksa (kinerja_graph/engine.py) menempatkan setiap pohon kinerja yang dibaca
dalam satu pemeriksaan ke dalam `G.graph["cascades"]`, dengan kunci organisasi (`Organisation.key`, yaitu
id-nya atau, apabila tidak ada, namanya). Tautan ke organisasi yang cocok menurut id, nama, atau nama
tanpa kata jenis organisasi ditelusuri di sana; tautan ke organisasi yang pohon kinerjanya tidak dimuat
tidak dinilai (tautan tersebut mungkin benar). Karena itu, pemeriksaan satu berkas saja tidak pernah
melaporkan tautan ke kinerja organisasi lain.

## Mengapa penting
Crosscutting menunjukkan hasil yang dicapai bersama organisasi lain (LKE 1.b.9). Tautan yang tidak
menunjuk apa pun, atau yang kembali ke organisasi itu sendiri, tidak diperhitungkan oleh pihak mana pun:
rencana kinerja mitra tidak akan memuat hasil bersama tersebut.

## Contoh
## Perbaikan
## Opsi
Tidak ada.
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        G = ctx.graph
        tv = text_vocabulary(ctx.vocabulary, G)
        org = G.graph.get("organisation")
        own_name = getattr(org, "name", None)
        own_keys = organisation_keys(tv, own_name, getattr(org, "id", None))
        peers = _peers(G.graph.get("cascades") or {}, tv)

        for n, d in ctx.index.having("crosscutting"):
            if d["kind"] != "goal":
                continue
            model = d.get("node")
            for link in getattr(model, "crosscutting", None) or ():
                target_keys = organisation_keys(tv, link.target)
                problem: str | None = None
                params: dict[str, Any] = {}
                if not target_keys:
                    problem = "empty"
                elif target_keys & own_keys:
                    if link.node and link.node not in G:
                        problem, params = "missing-own", {"target": link.node}
                    else:
                        problem, params = "self", {"organisation": own_name or link.target}
                elif link.node:
                    other = peers.find(target_keys, own_keys)
                    if other is not None and link.node not in peers.node_ids(other):
                        problem, params = (
                            "missing-other",
                            {"target": link.node, "organisation": other.organisation.name},
                        )
                if problem is None:
                    continue
                key = crosscutting_key(str(link))
                yield ctx.finding(
                    n,
                    problem,
                    related=(key,) if key in G else (),
                    link=quote(str(link), 60),
                    statement=quote(d.get("statement")),
                    **{k: quote(v, 60) for k, v in params.items()},  # type: ignore[arg-type]  # texts, not locations
                )


class _Peers:
    """The cascades of a run by every key their organisation may be named by, built once per run (and text
    vocabulary): each file's links are looked up in it, so a folder of F files costs F, not F * F."""

    def __init__(self, cascades: Iterable[Cascade], tv: TextVocabulary) -> None:
        self.by_key: dict[str, list[tuple[set[str], Cascade]]] = {}
        for cascade in cascades:
            keys = organisation_keys(tv, cascade.organisation.name, cascade.organisation.id)
            for k in keys:
                self.by_key.setdefault(k, []).append((keys, cascade))
        self._ids: dict[int, set[str]] = {}

    def find(self, target_keys: set[str], own_keys: set[str]) -> Cascade | None:
        """The first cascade (in the run's order) named by the first of the keys (in sorted order) that does
        not share a key with the organisation itself."""
        for k in sorted(target_keys):
            for keys, cascade in self.by_key.get(k, ()):
                if not keys & own_keys:
                    return cascade
        return None

    def node_ids(self, cascade: Cascade) -> set[str]:
        found = self._ids.get(id(cascade))
        if found is None:
            found = self._ids[id(cascade)] = {node.id for node in cascade.nodes}
        return found


def _peers(cascades: Mapping[str, Cascade], tv: TextVocabulary) -> _Peers:
    """The run's _Peers, kept in the run's Cascades memo (a plain mapping gets its own each time)."""
    memo = getattr(cascades, "memo", None)
    if memo is None:
        return _Peers(cascades.values(), tv)
    key = ("crosscutting-unresolved", id(tv))
    found = memo.get(key)
    if found is None or found[0] is not tv:
        found = memo[key] = (tv, _Peers(cascades.values(), tv))
    return found[1]
