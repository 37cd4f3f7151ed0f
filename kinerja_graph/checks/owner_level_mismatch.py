"""owner-level-mismatch: an owner whose position is two tiers away from the goal it holds."""

from __future__ import annotations

from typing import Any

from kinerja_graph.checks._judge import judged_nodes
from kinerja_graph.checks._quote import label, quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.classify import OwnerResolver, required_vocabulary
from kinerja_graph.errors import PolicyError


class OwnerLevelMismatch(Rule):
    id = "owner-level-mismatch"
    area = "ownership"
    lke = "1.b.10"
    summary = {
        "id": "Penanggung jawab yang jenjang jabatannya jauh dari jenjang kinerjanya",
        "en": "An owner whose position is two tiers away from the goal it holds",
    }
    rationale = {
        "id": "PermenPANRB 89/2021 menerjemahkan pohon kinerja ke kinerja jabatan: kinerja strategis dipegang "
        "pimpinan organisasi, kinerja taktis oleh administrator, kinerja operasional oleh pengawas, pelaksana "
        "dan pejabat fungsional. Camat yang memegang sub kegiatan, atau staf yang memegang sasaran strategis, "
        "membuat Perjanjian Kinerja dan SKP tidak mengikuti cascade (LKE 1.b.10–1.b.11, PermenPANRB 88/2021): "
        "pimpinan menandatangani pekerjaan teknis, atau staf memikul hasil yang di luar kendalinya.",
        "en": "PermenPANRB 89/2021 translates the performance tree into positions: strategic performance is held by "
        "the head of the organisation, tactical by administrators, operational by supervisors, executing "
        "staff and functional officials. A Camat holding a sub-activity, or a staff member holding a "
        "strategic objective, leaves the performance agreements (PK) and SKP out of step with the cascade "
        "(LKE 1.b.10–1.b.11, PermenPANRB 88/2021): the head signs for technical work, or staff carry a "
        "result beyond their control.",
    }
    messages = {
        "type": {
            "id": 'Penanggung jawab "{owner}" ({owner_tiers:tiers}) memegang kinerja "{label}" ({level:level}, '
            "{tier:tier}), terpaut {distance} jenjang, sedangkan {tier:tier} lazimnya dipegang oleh {holders:terms} "
            "(profil {profile:term}, menurut jenis organisasi)",
            "en": 'Owner "{owner}" ({owner_tiers:tiers}) holds goal "{label}" ({level:level}, {tier:tier}), '
            "{distance} tiers away; {tier:tier} is usually held by {holders:terms} "
            "(profile {profile:term}, by the organisation's type)",
        },
        "option": {
            "id": 'Penanggung jawab "{owner}" ({owner_tiers:tiers}) memegang kinerja "{label}" ({level:level}, '
            "{tier:tier}), terpaut {distance} jenjang, sedangkan {tier:tier} lazimnya dipegang oleh {holders:terms} "
            "(profil {profile:term}, sesuai opsi aturan)",
            "en": 'Owner "{owner}" ({owner_tiers:tiers}) holds goal "{label}" ({level:level}, {tier:tier}), '
            "{distance} tiers away; {tier:tier} is usually held by {holders:terms} "
            "(profile {profile:term}, set by the rule's option)",
        },
        "name": {
            "id": 'Penanggung jawab "{owner}" ({owner_tiers:tiers}) memegang kinerja "{label}" ({level:level}, '
            "{tier:tier}), terpaut {distance} jenjang, sedangkan {tier:tier} lazimnya dipegang oleh {holders:terms} "
            "(profil {profile:term}, disimpulkan dari nama organisasi)",
            "en": 'Owner "{owner}" ({owner_tiers:tiers}) holds goal "{label}" ({level:level}, {tier:tier}), '
            "{distance} tiers away; {tier:tier} is usually held by {holders:terms} "
            "(profile {profile:term}, inferred from the organisation's name)",
        },
        "positions": {
            "id": 'Penanggung jawab "{owner}" ({owner_tiers:tiers}) memegang kinerja "{label}" ({level:level}, '
            "{tier:tier}), terpaut {distance} jenjang, sedangkan {tier:tier} lazimnya dipegang oleh {holders:terms} "
            "(profil {profile:term}, disimpulkan dari {head:term} di puncak pohon kinerja)",
            "en": 'Owner "{owner}" ({owner_tiers:tiers}) holds goal "{label}" ({level:level}, {tier:tier}), '
            "{distance} tiers away; {tier:tier} is usually held by {holders:terms} "
            "(profile {profile:term}, inferred from the {head:term} at the top of the cascade)",
        },
        "fallback": {
            "id": 'Penanggung jawab "{owner}" ({owner_tiers:tiers}) memegang kinerja "{label}" ({level:level}, '
            "{tier:tier}), terpaut {distance} jenjang, sedangkan {tier:tier} lazimnya dipegang oleh {holders:terms} "
            "(profil {profile:term}: jenis organisasi tidak diketahui)",
            "en": 'Owner "{owner}" ({owner_tiers:tiers}) holds goal "{label}" ({level:level}, {tier:tier}), '
            "{distance} tiers away; {tier:tier} is usually held by {holders:terms} "
            "(profile {profile:term}: the kind of organisation is unknown)",
        },
    }
    options_schema = {
        "max-tier-distance": {
            "description": "How many tiers (strategic, tactical, operational) an owner may stand from its goal's "
            "tier; 1 accepts adjacent tiers.",
            "type": "integer",
            "minimum": 1,
        },
        "profile": {
            "description": "The owner profile to use (a key of `profiles` in the owners vocabulary: kecamatan, "
            "kelurahan, dinas, default); null chooses it by the organisation's type, its name, or the position "
            "holding the top of its cascade.",
            "type": ["string", "null"],
        },
    }
    doc = """\
## What it does
Reads each goal's owner (penanggung jawab), finds the positions it names and the performance tiers
those positions may hold, and compares them with the goal's tier (strategic for ultimate and
intermediate outcomes, tactical for immediate outcomes, operational for outputs and processes). An
owner every one of whose tiers stands two tiers away from the goal's tier — a Camat owning a process,
a staff member owning an intermediate outcome — is reported. Adjacent tiers (a Kasi owning an output,
a Sekcam owning an immediate outcome) are normal and raise nothing.

Which tiers a position may hold depends on the organisation. The profile is chosen by the rule's
`profile` option, else by the organisation's `type` (kecamatan, kelurahan, dinas, badan, …), else by a
word of its name ("Kecamatan Praya"), else by the position holding the top of the cascade — the owners
of the goals without a parent, the most strategic first: a Camat at the top means a kecamatan, a
Kepala Dinas or Kepala Badan a dinas, a Lurah a kelurahan (`heads` in the owners vocabulary) — else
the lenient default profile. The message says which profile judged the owner and how it was chosen
(stated: the type or the option; inferred: the name or the top of the cascade; or unknown):

- kecamatan: the Camat heads the organisation and is strategic although eselon IIIa; the Sekcam is
  strategic or tactical; Kasi, Kasubbag and Lurah tactical or operational; staff operational;
- dinas (also badan, inspektorat, satpol PP, sekretariat): the Kepala is strategic; Sekretaris,
  Kabid and Kabag tactical; Kasi, Kasubbag, Kasubbid and Ketua Tim operational; a Camat is an
  administrator there (tactical), not the head;
- staff and functional positions (pengadministrasi, pengelola, pranata, analis, bendahara, pengurus
  barang, caraka, pengemudi, petugas, pramu, staf, JF, …) are operational everywhere.

Owners are read generously: "Plt." / "Plh." / "pk" and other words that name no position are passed
over, a person's name in brackets is ignored ("Kasi Trantib (Budi, S.IP)"), spelling variants resolve
("Kasubag", "Kasubbag", "SEKRETARIS KECAMATAN", "Sekcam"), and combined owners ("Kasi Pem & Lurah",
"Kasi/Jafung/Analis") hold the union of their positions' tiers here (that they name several positions
is `joint-owner`'s and `ambiguous-owner`'s). An owner that names no known position
is not judged here (nothing is guessed); `kinerja_graph.classify.unresolved_owners` lists such owners
for a report. The positions, aliases and profiles are data: rules/vocabulary/owners.yaml.

## Why it matters
The cascade is translated into the Perjanjian Kinerja of each position (PermenPANRB 89/2021) and from
there into each employee's SKP; evaluators check that every unit and employee plans performance that
follows the tree (LKE 1.b.10–1.b.11, PermenPANRB 88/2021). A head holding a sub kegiatan signs a
technical task instead of the organisation's result; a staff member holding a strategic objective is
accountable for a result only the organisation as a whole can reach.

## Example
```yaml
organisation: {name: Kecamatan Contoh, type: kecamatan}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Pengadministrasi Umum}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai standar, level: immediate outcome, owner: Kasi Pelayanan}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output, owner: Kasi Pelayanan}
  - {id: "1.1.1.1", parent: "1.1.1", statement: Penyusunan rancangan SOP, level: process, owner: Camat}
```

## Fix
```yaml
organisation: {name: Kecamatan Contoh, type: kecamatan}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai standar, level: immediate outcome, owner: Kasi Pelayanan}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output, owner: Kasi Pelayanan}
  - {id: "1.1.1.1", parent: "1.1.1", statement: Penyusunan rancangan SOP, level: process, owner: Pengadministrasi Umum}
```

## Options
- `max-tier-distance` (integer, default 1): how far an owner's tier may stand from its goal's tier.
  With 1, adjacent tiers pass and only a two-tier gap (strategic against operational) is reported.
- `profile` (string or null, default null): force one profile of the owners vocabulary instead of
  choosing it by the organisation's type, name or the top of its cascade.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini membaca penanggung jawab setiap kinerja, mengenali jabatan yang disebutnya dan jenjang
kinerja yang dapat dipegang jabatan tersebut, lalu membandingkannya dengan jenjang kinerja itu
(strategis untuk ultimate dan intermediate outcome, taktikal untuk immediate outcome, operasional untuk
output dan proses). Penanggung jawab yang setiap jenjangnya terpaut dua jenjang dari jenjang kinerjanya
— Camat yang memegang proses, staf yang memegang intermediate outcome — dilaporkan. Jenjang yang
bersebelahan (Kasi yang memegang output, Sekcam yang memegang immediate outcome) adalah wajar dan tidak
dilaporkan.

Jenjang yang dapat dipegang suatu jabatan bergantung pada organisasinya. Profil dipilih menurut opsi
`profile` aturan ini, atau apabila tidak ada, menurut `type` organisasi (kecamatan, kelurahan, dinas,
badan, …), atau menurut kata dalam namanya ("Kecamatan Praya"), atau menurut jabatan yang memegang
puncak pohon kinerja — penanggung jawab kinerja yang tidak memiliki induk, yang paling strategis
terlebih dahulu: Camat di puncak menunjukkan kecamatan, Kepala Dinas atau Kepala Badan menunjukkan
dinas, Lurah menunjukkan kelurahan (`heads` dalam kosakata penanggung jawab) —, atau apabila semuanya
tidak ada, profil bawaan yang longgar. Pesan temuan menyebutkan profil yang digunakan dan cara
memilihnya (dinyatakan: jenis organisasi atau opsi; disimpulkan: nama organisasi atau puncak pohon
kinerja; atau tidak diketahui):

- kecamatan: Camat memimpin organisasi dan berjenjang strategis meskipun bereselon IIIa; Sekcam
  strategis atau taktikal; Kasi, Kasubbag dan Lurah taktikal atau operasional; staf operasional;
- dinas (juga badan, inspektorat, Satpol PP, sekretariat): Kepala berjenjang strategis; Sekretaris,
  Kabid dan Kabag taktikal; Kasi, Kasubbag, Kasubbid dan Ketua Tim operasional; Camat dalam profil ini
  adalah administrator (taktikal), bukan pimpinan organisasi;
- jabatan staf dan fungsional (pengadministrasi, pengelola, pranata, analis, bendahara, pengurus
  barang, caraka, pengemudi, petugas, pramu, staf, JF, …) berjenjang operasional dalam setiap profil.

Penanggung jawab dibaca secara longgar: "Plt." / "Plh." / "pk" dan kata lain yang tidak menyebut
jabatan dilewati, nama orang dalam kurung diabaikan ("Kasi Trantib (Budi, S.IP)"), varian ejaan dikenali
("Kasubag", "Kasubbag", "SEKRETARIS KECAMATAN", "Sekcam"), dan penanggung jawab gabungan ("Kasi Pem &
Lurah", "Kasi/Jafung/Analis") memegang gabungan jenjang jabatan-jabatannya. Penanggung jawab yang tidak
menyebut jabatan yang dikenal tidak dinilai di sini (tidak ada yang ditebak);
`kinerja_graph.classify.unresolved_owners` mencantumkan penanggung jawab seperti itu untuk laporan.
Jabatan, alias dan profil merupakan data: rules/vocabulary/owners.yaml.

## Mengapa penting
Pohon kinerja diterjemahkan ke dalam Perjanjian Kinerja setiap jabatan (PermenPANRB 89/2021) dan
selanjutnya ke dalam SKP setiap pegawai; evaluator memeriksa bahwa setiap unit dan pegawai merencanakan
kinerja yang mengikuti pohon kinerja (LKE 1.b.10–1.b.11, PermenPANRB 88/2021). Pimpinan yang memegang
sub kegiatan menandatangani tugas teknis alih-alih hasil organisasi; staf yang memegang sasaran strategis
dimintai pertanggungjawaban atas hasil yang hanya dapat dicapai oleh organisasi secara keseluruhan.

## Contoh
## Perbaikan
## Opsi
- `max-tier-distance` (bilangan bulat, bawaan 1): selisih jenjang terjauh yang diterima antara jenjang
  penanggung jawab dan jenjang kinerjanya. Dengan nilai 1, jenjang yang bersebelahan diterima dan hanya
  selisih dua jenjang (strategis terhadap operasional) yang dilaporkan.
- `profile` (teks atau null, bawaan null): menetapkan satu profil dari kosakata penanggung jawab,
  alih-alih memilihnya menurut jenis organisasi, namanya, atau puncak pohon kinerjanya.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        resolver = OwnerResolver(required_vocabulary(ctx.vocabulary, "owners", self.id))
        profile = ctx.options.get("profile")
        if profile and profile not in resolver.profiles:
            raise PolicyError(
                f"owner-level-mismatch: option profile: unknown profile {profile!r} "
                f"(the owners vocabulary defines {', '.join(sorted(resolver.profiles))})"
            )
        ix = ctx.index

        def tops():
            """The owners of the top goals (goals without a parent), level by level, the most strategic first
            (read only when neither the option nor the organisation says which profile)."""
            ranks = ix.goal_values("rank")
            by_rank: dict = {}
            for i in ix.roots():
                by_rank.setdefault(ranks[i], []).append(ix.goals[i][1].get("owner"))
            return [by_rank[rank] for rank in sorted(by_rank, key=lambda r: (r is None, r or 0))]

        choice = resolver.choose_profile(G.graph.get("organisation"), tops, option=profile)
        profile = choice.profile
        named: dict[str, Any] = {
            "profile": dict(resolver.profile_names[profile]),
            "profile_basis": choice.basis,
            "head": dict(resolver.positions[choice.head].name) if choice.head else None,
        }
        limit = int(ctx.options.get("max-tier-distance") or 1)
        order = {tier: i for i, tier in enumerate(ctx.levels.tier_order())}

        def judge(d):
            """The message's parts about the owner and the goal's tier, or None: decided by those alone."""
            owner, tier = d.get("owner"), d.get("tier")
            if not owner or tier not in order:
                return None
            resolution = resolver.resolve(owner)
            tiers = resolver.tiers(resolution, profile)
            if not tiers:
                return None  # unresolved, or only outside the organisation: nothing to judge
            distance = min(abs(order[t] - order[tier]) for t in tiers)
            if distance <= limit:
                return None
            return {
                "owner": quote(owner),
                "owner_tiers": sorted(tiers, key=order.__getitem__),
                "tier": tier,
                "distance": distance,
                "holders": [{"id": p.name["id"], "en": p.name["en"]} for p in resolver.holders(tier, profile)],
            }

        for n, d, parts in judged_nodes(ix, ("owner", "tier"), judge):
            yield ctx.finding(
                n, choice.basis, rests_on=("owner", "level"), label=label(d), level=d.get("level"), **parts, **named
            )
