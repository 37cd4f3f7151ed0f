"""ambiguous-owner: an owner that names no one in particular ("Kasi/Jafung/Analis", a bare "Kasi")."""

from __future__ import annotations

from collections.abc import Iterator

from kinerja_graph.checks._owners import owner_groups
from kinerja_graph.checks._quote import quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.classify import OwnerParts, OwnerResolver, required_vocabulary
from kinerja_graph.findings import Finding


class AmbiguousOwner(Rule):
    id = "ambiguous-owner"
    area = "ownership"
    lke = "1.b.11"
    summary = {
        "id": "Penanggung jawab yang tidak menunjuk jabatan tertentu",
        "en": "An owner that names no position in particular",
    }
    rationale = {
        "id": "Setiap kinerja dalam pohon kinerja diperjanjikan oleh satu jabatan dalam Perjanjian Kinerja dan SKP "
        "(PermenPANRB 89/2021), dan LKE 1.b.11 (PermenPANRB 88/2021) menilai apakah rencana kinerja setiap "
        'pegawai mengikuti cascading. Penanggung jawab yang ditulis sebagai pilihan ("Kasi/Jafung/Analis") '
        'atau hanya sebagai jenis jabatan ("Kasi", sedangkan kecamatan memiliki beberapa seksi) belum menunjuk '
        "jabatan yang memperjanjikan kinerja tersebut.",
        "en": "Every goal of the performance tree is signed for by one position in its Perjanjian Kinerja and SKP "
        "(PermenPANRB 89/2021), and LKE 1.b.11 (PermenPANRB 88/2021) scores whether every employee's plan "
        'follows the cascade. An owner written as a choice ("Kasi/Jafung/Analis") or only as a kind of '
        'position ("Kasi", when a kecamatan has several sections) names no position that signs for the goal.',
    }
    messages = {
        "alternatives": {
            "id": 'Penanggung jawab "{owner}" (kinerja {nodes:ids}) ditulis sebagai pilihan di antara '
            "{count} jabatan ({holders:quoted-all}), sehingga belum menunjuk jabatan tertentu; perlu ditetapkan satu "
            "jabatan yang memperjanjikan kinerja tersebut",
            "en": 'Owner "{owner}" (goals {nodes:ids}) is written as a choice between {count} positions '
            "({holders:quoted-all}), so no position in particular holds them; name the one position that signs for "
            "them",
        },
        "generic": {
            "id": 'Penanggung jawab "{owner}" (kinerja {nodes:ids}) hanya menyebut jenis jabatan '
            "({position:term}) tanpa seksi, subbagian, atau bidangnya, sehingga belum jelas jabatan mana yang "
            "dimaksud; jabatannya perlu disebutkan secara lengkap",
            "en": 'Owner "{owner}" (goals {nodes:ids}) names only a kind of position ({position:term}) '
            "without its section or field, so it is unclear which position is meant; name the position in full",
        },
    }
    options_schema = {
        "generic": {
            "description": 'Also report an owner written only as a kind of position (a bare "Kasi", "Staf").',
            "type": "boolean",
        },
    }
    doc = """\
## What it does
Reads each distinct owner (penanggung jawab) text once and reports the texts that name no position in
particular:

- a choice between positions, written with "/" or "atau": "Kasi/Jafung/Analis" (Batumandi's
  "pk kasi/jafung/analisis"), "Kasi Pem / Kasi Trantib";
- with `generic: true`, a kind of position written alone, without its section or field: "Kasi",
  "Kasubag", "Staf", "Jafung", "Plt. Kasi" — a kecamatan has several Kasi. Written with its section
  ("Kasi Pemerintahan", "Staf Umum", "Pengadministrasi Keuangan"), or with a person's name in brackets
  ("Kasi (Budi)"), the position is named.

Each owner text is reported once, on the first goal holding it, with the others related. Positions
joined together ("Kasi Pem & Lurah") are `joint-owner`'s. The separators and the generic position
words are data: `separators` (`alternative`) and `generic_positions` in rules/vocabulary/owners.yaml.

## Why it matters
The cascade is translated into the Perjanjian Kinerja of each position and from there into each
employee's SKP (PermenPANRB 89/2021); the evaluator checks that every employee's plan follows the tree
(LKE 1.b.11, PermenPANRB 88/2021). An owner that could be any of several positions leaves the goal in
no one's agreement.

## Example
```yaml
organisation: {name: Kecamatan Contoh, type: kecamatan}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi sesuai standar, level: immediate outcome, owner: Kasi}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan administrasi, level: output, owner: Kasi/Jafung/Analis}
```

## Fix
```yaml
organisation: {name: Kecamatan Contoh, type: kecamatan}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi sesuai standar, level: immediate outcome, owner: Kasi Pelayanan Umum}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan administrasi, level: output, owner: Analis Pelayanan}
```

## Options
- `generic` (boolean, default true): also report an owner written only as a kind of position. With
  false, only choices between positions are reported.
"""
    doc_id = """\
## Apa yang diperiksa
Membaca setiap teks penanggung jawab yang berbeda satu kali, lalu melaporkan teks yang tidak menunjuk
jabatan tertentu:

- pilihan di antara beberapa jabatan, ditulis dengan "/" atau "atau": "Kasi/Jafung/Analis"
  ("pk kasi/jafung/analisis" pada Batumandi), "Kasi Pem / Kasi Trantib";
- dengan `generic: true`, jenis jabatan yang ditulis tanpa seksi atau bidangnya: "Kasi", "Kasubag",
  "Staf", "Jafung", "Plt. Kasi" — kecamatan memiliki beberapa Kasi. Bila ditulis dengan seksinya
  ("Kasi Pemerintahan", "Staf Umum", "Pengadministrasi Keuangan") atau dengan nama pejabat dalam kurung
  ("Kasi (Budi)"), jabatannya sudah disebut.

Setiap teks penanggung jawab dilaporkan satu kali, pada kinerja pertama yang memilikinya, dengan
kinerja lainnya sebagai kinerja terkait. Beberapa jabatan yang digabungkan ("Kasi Pem & Lurah")
merupakan urusan `joint-owner`. Pemisah dan kata jenis jabatan merupakan data: `separators`
(`alternative`) dan `generic_positions` dalam rules/vocabulary/owners.yaml.

## Mengapa penting
Cascading diterjemahkan ke Perjanjian Kinerja setiap jabatan dan selanjutnya ke SKP setiap pegawai
(PermenPANRB 89/2021); evaluator memeriksa apakah rencana kinerja setiap pegawai mengikuti pohon
kinerja (LKE 1.b.11, PermenPANRB 88/2021). Penanggung jawab yang dapat berarti beberapa jabatan membuat
kinerja tersebut tidak tercantum dalam perjanjian kinerja siapa pun.

## Contoh
## Perbaikan
## Opsi
- `generic` (boolean, bawaan true): juga melaporkan penanggung jawab yang hanya ditulis sebagai jenis
  jabatan. Bila false, hanya pilihan di antara beberapa jabatan yang dilaporkan.
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        resolver = OwnerResolver(required_vocabulary(ctx.vocabulary, "owners", self.id))
        generic = bool(ctx.options.get("generic", True))

        def judge(owner: str) -> OwnerParts | None:
            parts = resolver.parts(owner)
            if parts.join == "alternative" or (generic and parts.generic is not None):
                return parts
            return None

        for parts, nodes, _ in owner_groups(ctx.index, judge):
            owner = quote(parts.text)
            if parts.join == "alternative":
                yield ctx.finding(
                    nodes[0],
                    "alternatives",
                    related=nodes[1:],
                    rests_on=("owner",),
                    holders=[quote(holder, 40) for holder in parts.holders],
                    count=len(parts.holders),
                    owner=owner,
                    goals=len(nodes),
                )
            else:
                name = resolver.positions[parts.generic or ""].name
                yield ctx.finding(
                    nodes[0],
                    "generic",
                    related=nodes[1:],
                    rests_on=("owner",),
                    position={"id": name["id"], "en": name["en"]},
                    owner=owner,
                    goals=len(nodes),
                )
