"""level-skip: a goal more than one level below its parent (an output straight under an intermediate outcome)."""

from __future__ import annotations

import operator
from itertools import repeat

from kinerja_graph import policy
from kinerja_graph.checks._completeness import levels_schema, link_names, ranked_links
from kinerja_graph.checks.base import Context, Rule


class LevelSkip(Rule):
    id = "level-skip"
    area = "levels"
    lke = "1.b.8"
    summary = {
        "id": "Kinerja yang melompati level di antara dirinya dan induknya",
        "en": "A goal more than one level below its parent",
    }
    rationale = {
        "id": "LKE 1.b.8 (PermenPANRB 88/2021) memberi nilai penuh bila cascading menyambung tanpa putus dari "
        "ultimate outcome sampai output; PermenPANRB 89/2021 menguraikan kondisi antara satu demi satu. Level "
        "yang dilompati (output langsung di bawah sasaran strategis, tanpa sasaran program) dibaca evaluator "
        "sebagai rantai yang terputus: tidak tampak kondisi antara yang menghubungkan keduanya, dan jabatan "
        "yang seharusnya memegangnya tidak punya kinerja.",
        "en": "LKE 1.b.8 (PermenPANRB 88/2021) gives full marks when the cascade runs unbroken from the ultimate "
        "outcome down to outputs; PermenPANRB 89/2021 breaks a result down one intermediate condition at a "
        "time. A skipped level (an output straight under a strategic objective, with no programme objective "
        "between) reads to an evaluator as a broken chain: the condition that links the two is missing, and "
        "the position that should hold it has no performance.",
    }
    message = {
        "id": 'Kinerja "{label}" ({level_id}) langsung di bawah "{parent}" ({parent_level_id}): level '
        "{missing_id} terlewati",
        "en": 'Goal "{label}" ({level_en}) stands straight under "{parent}" ({parent_level_en}): '
        "{missing_en} is skipped",
    }
    options_schema = {
        "optional-levels": levels_schema(
            "Levels a cascade may leave out between a goal and its parent without a finding "
            "(for example [output] when sub kegiatan hang directly under programme objectives by design)."
        ),
    }
    doc = """\
## What it does
Compares the level of every goal with the level of each goal it contributes to (its parent). A goal
two or more levels below its parent — an output straight under an intermediate outcome, a process
straight under an immediate outcome — is reported, on the child, with the parent in `related` and the
skipped levels named.

Only the links between goals are judged, never where the cascade starts: a kecamatan cascade whose top
goals are intermediate outcomes (no tujuan) skips nothing. A goal without a level is passed over.
Levels listed in `optional-levels` may be left out between a goal and its parent. A goal *above* its
parent's level is the business of `level-inversion`.

## Why it matters
Each level of the cascade is a condition someone is accountable for: the programme objective
(immediate outcome) is the Kasi's or Kabid's, the output the Kasubbag's or staff's. Skip one and the
chain loses the condition that explains how the lower goal causes the higher one, and the position
that should hold it has no performance to sign in its Perjanjian Kinerja — LKE 1.b.8 scores the
chain as broken.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan administrasi, level: output}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi sesuai SOP, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan administrasi, level: output}
```

## Options
- `optional-levels` (list of level ids, default `[]`): levels that may be left out between a goal and
  its parent. With `[output]`, a process directly under an immediate outcome passes; a process
  directly under an intermediate outcome still skips the immediate outcome and is reported (the
  message then names only the immediate outcome).
"""

    def check(self, ctx: Context):
        optional = set(ctx.options.get("optional-levels") or ())
        by_rank = {level.rank: level for level in policy.levels().levels}

        def picks(parent_ranks, child_ranks):  # two levels or more below the parent
            return map(operator.ge, map(operator.sub, child_ranks, parent_ranks), repeat(2))

        skipping = ranked_links(ctx.G, picks, lambda rank, parent_rank: rank >= 2 and rank - parent_rank >= 2)
        for n, d, p, pd, rank, parent_rank in skipping:
            missing = [
                by_rank[r] for r in range(parent_rank + 1, rank) if r in by_rank and by_rank[r].id not in optional
            ]
            if not missing:
                continue
            yield ctx.finding(
                n, related=(p,), **link_names(d, pd), missing_id=_names(missing, "id"), missing_en=_names(missing, "en")
            )


def _names(levels, lang: str) -> str:
    """'Immediate Outcome (Sasaran Program)', joined with "dan"/"and"."""
    parts = []
    for level in levels:
        planning = (level.planning or {}).get(lang)
        parts.append(f"{level.name[lang]} ({planning})" if planning else level.name[lang])
    joiner = " dan " if lang == "id" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1] if len(parts) > 1 else parts[0]
