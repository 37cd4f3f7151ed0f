"""foreign-organisation: a statement, indicator, formula or data source naming another organisation of
the cascade's own kind ("Kecamatan Somagede" in Kecamatan Sokaraja's cascade)."""

from __future__ import annotations

import bisect
import itertools
import re
from operator import attrgetter

from kinerja_graph.checks._quote import indicator_location, label, quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import edit_distance, organisation_keys, text_vocabulary
from kinerja_graph.text import fold, normalise

_NAME_WORD = r"[A-Z][A-Za-z'-]*"


def _mentioning(texts: list, whole: str | None, lowered: str | None, words: tuple[str, ...]) -> set | None:
    """The texts whose lower case holds one of `words` (lower case themselves), found by reading them as one
    text (`whole`: the texts joined by line breaks, None when one is not a string; `lowered`: its lower case):
    a Pemda cascade holds 10^5 distinct texts, and a few hundred mention an organisation's kind. None when the
    texts cannot be read so (one is not a string, or lower case changes a text's length)."""
    if whole is None or lowered is None or any("\n" in w or not w for w in words):
        return None
    if len(lowered) != len(whole):
        return None
    found: set = set()
    # a text holding a word holds every shorter word inside it ("kab" in "kabupaten"): only the words holding
    # no other are looked for (each is a pass over all the texts)
    looked_for = dict.fromkeys(w for w in words if not any(other in w for other in words if other != w))
    if whole.count("\n") == len(texts) - 1:  # no text holds a line break: a text found is the line around it
        for word in looked_for:
            at = lowered.find(word)
            while at != -1:
                end = lowered.find("\n", at)
                if end == -1:
                    end = len(lowered)
                found.add(whole[lowered.rfind("\n", 0, at) + 1 : end])
                at = lowered.find(word, end + 1)  # on from the next text
        return found
    starts = list(itertools.accumulate(map((1).__add__, map(len, texts)), initial=0))  # where each text begins
    for word in looked_for:
        at = lowered.find(word)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            found.add(texts[i])
            at = lowered.find(word, starts[i + 1])  # on from the next text
    return found


class ForeignOrganisation(Rule):
    id = "foreign-organisation"
    area = "indicators"
    lke = "1.b.4"
    summary = {
        "id": "Teks yang menyebut organisasi lain sejenis (salin-tempel dari dokumen organisasi lain)",
        "en": "Text naming another organisation of the same kind (pasted from another organisation's document)",
    }
    rationale = {
        "id": "Rumusan kinerja, formula dan sumber data harus menggambarkan organisasi itu sendiri (LKE 1.b.4 dan "
        "2.a, PermenPANRB 88/2021). Nama kecamatan lain dalam dokumen sebuah kecamatan hampir selalu menandakan "
        "salin-tempel: data diambil dari wilayah yang salah atau dokumen belum disesuaikan.",
        "en": "Goals, formulas and data sources must describe the organisation itself (LKE 1.b.4 and 2.a, "
        "PermenPANRB 88/2021). Another kecamatan's name in a kecamatan's document is almost always a paste: "
        "data taken from the wrong area, or a document never adapted.",
    }
    messages = {
        "default": {
            "id": '{fields:Fields} pada "{label}" menyebut "{phrase}", sedangkan pohon kinerja ini milik {organisation}',
            "en": 'The {fields:fields} of "{label}" names "{phrase}", but this cascade belongs to {organisation}',
        },
    }
    options_schema = {
        "words": {
            "description": "Organisation type -> the words that introduce an organisation's name of that type "
            '("Kecamatan X", "Kec. X"). Only names of the cascade\'s own type are checked.',
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
        "not-names": {
            "description": 'Capitalised words that follow a kind word without being a name ("Kecamatan Sehat").',
            "type": "array",
            "items": {"type": "string"},
        },
    }
    doc = """\
## What it does
Looks in every goal statement, indicator name, formula and data source for "Kecamatan X" (or the
words the option `words` gives for the cascade's organisation type: "Kec. X", "Kelurahan X",
"Kabupaten X", "Kota X") where X is a capitalised name that is not the cascade's own organisation.
The own organisation is recognised by its name and id, also truncated ("Kecamatan Sokaraj") or with
one or two slips ("SOKAAJA"). Only organisations of the cascade's own type are looked for: a
kecamatan's cascade legitimately names its kabupaten, its villages (Desa X) and its partners (Dinas
X). The type is `organisation.type`, or else the first word of the organisation's name.

What follows the kind word counts as a name only when capitalised, and not a function word, a generic
word, a word listed in `not-names` ("Kecamatan Sehat", "Kecamatan Layak Anak") or a word the cascade
also writes in lower case elsewhere; "di Kecamatan" with no name is nothing. One finding per node and
name, listing the fields.

Dinas and badan are not in the default `words`: their cascades name other dinas as partners and data
sources as a matter of course.

## Why it matters
A formula counting "desa di Kecamatan Somagede" in Kecamatan Sokaraja's cascade measures the wrong
area, or was pasted without being adapted: the indicator's data cannot be what the document says.

## Example
```yaml
organisation: {name: Kecamatan Sokaraja, type: kecamatan}
nodes:
  - id: "1"
    statement: Terlaksananya koordinasi kegiatan pemberdayaan desa
    level: output
    indicators:
      - name: Jumlah desa yang aktif dalam kegiatan pemberdayaan masyarakat
        formula: Jumlah desa di Kecamatan Somagede yang memiliki dokumen perencanaan yang baik
```

## Fix
```yaml
organisation: {name: Kecamatan Sokaraja, type: kecamatan}
nodes:
  - id: "1"
    statement: Terlaksananya koordinasi kegiatan pemberdayaan desa
    level: output
    indicators:
      - name: Jumlah desa yang aktif dalam kegiatan pemberdayaan masyarakat
        formula: Jumlah desa di Kecamatan Sokaraja yang memiliki dokumen perencanaan yang baik
```

## Options
- `words` (mapping type -> words): the words that introduce a name, per organisation type.
- `not-names` (list of words): capitalised words after a kind word that are not names.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari, dalam setiap pernyataan kinerja, nama indikator, formula dan sumber data, frasa
"Kecamatan X" (atau kata yang diberikan opsi `words` untuk jenis organisasi pemilik pohon kinerja:
"Kec. X", "Kelurahan X", "Kabupaten X", "Kota X") dengan X berupa nama berhuruf kapital yang bukan nama
organisasi pemilik pohon kinerja. Organisasi sendiri dikenali dari nama dan id-nya, juga dalam bentuk
terpotong ("Kecamatan Sokaraj") atau dengan satu atau dua salah ketik ("SOKAAJA"). Hanya organisasi yang
sejenis dengan pemilik pohon kinerja yang dicari: pohon kinerja kecamatan wajar menyebut kabupatennya,
desa-desanya (Desa X) dan mitranya (Dinas X). Jenis organisasi diambil dari `organisation.type`, atau
apabila tidak ada, dari kata pertama nama organisasi.

Kata yang mengikuti kata jenis organisasi dianggap nama hanya apabila berhuruf kapital dan bukan kata
tugas, kata umum, kata yang tercantum dalam `not-names` ("Kecamatan Sehat", "Kecamatan Layak Anak"),
atau kata yang di bagian lain pohon kinerja yang sama ditulis dengan huruf kecil; "di Kecamatan" tanpa
nama tidak dilaporkan. Satu temuan dibuat untuk setiap kinerja dan nama, dengan menyebut isian yang
memuatnya.

Dinas dan badan tidak termasuk dalam `words` bawaan: pohon kinerja dinas lazim menyebut dinas lain
sebagai mitra dan sumber data.

## Mengapa penting
Formula yang menghitung "desa di Kecamatan Somagede" dalam pohon kinerja Kecamatan Sokaraja mengukur
wilayah yang salah, atau disalin tanpa disesuaikan: data indikator tersebut tidak mungkin sesuai dengan
yang dinyatakan dokumen.

## Contoh
## Perbaikan
## Opsi
- `words` (pemetaan jenis organisasi -> daftar kata): kata yang mengawali nama, per jenis organisasi.
- `not-names` (daftar kata): kata berhuruf kapital sesudah kata jenis organisasi yang bukan nama.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        tv = text_vocabulary(ctx.vocabulary, G)
        org = G.graph.get("organisation")
        if org is None:
            return
        words_by_type = {normalise(k): v for k, v in (ctx.options.get("words") or {}).items()}
        org_type = normalise(org.type) if org.type else None
        if org_type not in words_by_type:
            first = normalise(org.name).split()[:1]
            org_type = next(
                (t for t, ws in words_by_type.items() if first and first[0] in {normalise(w) for w in ws}), None
            )
        if org_type is None:
            return
        kind_words = sorted({fold(w).strip() for w in words_by_type[org_type] if w.strip()}, key=len, reverse=True)
        pattern = re.compile(
            r"(?<![A-Za-z])(?i:"
            + "|".join(re.escape(w) for w in kind_words)
            + r")\.?[ \t.]*"
            + r"("
            + _NAME_WORD
            + r"(?:[ \t]+"
            + _NAME_WORD
            + r"){0,3})"
        )
        own = organisation_keys(tv, org.name, org.id)
        stop = set(tv.stop_words) | set(tv.generic) | {normalise(w) for w in ctx.options.get("not-names") or ()}
        for phrases in tv.organisation_kinds.values():
            for phrase in phrases:
                stop.update(phrase.split())

        quick = tuple(w.lower() for w in kind_words)
        named: dict = {}  # text -> [(kind word as written, name words)]: names that are not the own organisation

        def names_in(text: str) -> list:
            """Looked for once per distinct text: texts repeat massively."""
            found = named.get(text)
            if found is None:
                found = named[text] = []
                lowered = text.lower()
                if any(w in lowered for w in quick):
                    for m in pattern.finditer(text if text.isascii() else fold(text)):
                        name = self._name(m.group(1).split(), stop, set())
                        if name and not self._is_own(name, own):
                            found.append((m.group(0)[: m.start(1) - m.start(0)].strip(), name))
            return found

        # every text that may name an organisation: statements, and indicators' names, formulas and sources
        ix = ctx.index
        # the distinct statements, one per group of the (kind, statement) grouping the statement rules share
        statement_groups = ix.node_groups(("kind", "statement"))
        group_statements = ix.group_statements()
        objects = ix.indicators.objects
        by_field = {}  # field -> (its grouping, the distinct texts: each group's)
        for field in ("name", "formula", "source"):
            grouping = ix.indicator_groups((field,))
            by_field[field] = grouping, list(map(attrgetter(field), map(objects.__getitem__, grouping.first)))
        indicator_texts = [text for _, texts in by_field.values() for text in texts]  # every distinct one
        # the few texts that mention a kind word at all, found in all of them at once; then looked at one by one.
        # Each statement and each field's texts are distinct already: a text standing in two of them (rarely) is read
        # twice rather than every text hashed into one set, and the texts are read in the order they were made
        distinct = list(filter(None, itertools.chain(group_statements, indicator_texts)))
        try:
            whole: str | None = "\n".join(distinct)  # all of them as one text
        except TypeError:  # one is not a string (a hand-built model)
            whole = None
        lowered = None if whole is None else whole.lower()  # read by _mentioning and _written_lower
        mentioning = _mentioning(distinct, whole, lowered, quick)
        if mentioning is not None:
            naming = {text for text in mentioning if names_in(text)}
            hit_statements = naming.intersection(group_statements)
        else:  # texts that are not all strings (a hand-built model): each looked at apart
            hit_statements = {text for text in set(group_statements) if text and names_in(text)}
        hit_nodes: set[int] = set()  # positions in ix.nodes
        if hit_statements:
            hit_nodes.update(statement_groups.positions(list(map(hit_statements.__contains__, group_statements))))
        owners = ix.indicator_nodes()
        for grouping, texts in by_field.values():
            if mentioning is not None:
                hit = list(map(naming.__contains__, texts))
            else:
                hit = [bool(text) and bool(names_in(text)) for text in texts]
            if any(hit):
                hit_nodes.update(map(owners.__getitem__, grouping.positions(hit)))
        if not hit_nodes:
            return

        # (node, field, kind word as written, name words, location), not the own organisation
        candidates: list[tuple] = []
        for n, d in map(ix.nodes.__getitem__, sorted(hit_nodes)):
            texts = [("statement", d.get("statement"), None)]
            for indicator in d.get("indicators") or ():
                loc = indicator_location(indicator, d)
                texts += [
                    ("indicator", indicator.name, loc),
                    ("formula", indicator.formula, loc),
                    ("source", indicator.source, loc),
                ]
            for field, text, loc in texts:
                if text:
                    candidates.extend((n, field, kind, name, loc) for kind, name in names_in(text))
        if not candidates:
            return
        # a capitalised word the cascade also writes in lower case is a common word ("Kecamatan Sehat")
        lower = self._written_lower(
            {normalise(w) for *_, name, _ in candidates for w in name},
            "\n".join(map(str, distinct)) if whole is None else whole,
            lowered,
        )
        found: dict[tuple, dict] = {}
        for n, field, kind, name, loc in candidates:
            name = self._name(name, stop, lower)
            if not name or self._is_own(name, own):
                continue
            phrase = kind + " " + " ".join(name)
            entry = found.setdefault((n, normalise(phrase)), {"phrase": phrase, "fields": [], "location": loc})
            if field not in entry["fields"]:
                entry["fields"].append(field)
        for (n, _), entry in found.items():
            yield ctx.finding(
                n,
                location=entry["location"],
                fields=entry["fields"],
                label=label(G.nodes[n]),
                phrase=quote(entry["phrase"], 50),
                organisation=org.name,
            )

    @staticmethod
    def _written_lower(words: set[str], texts: str, lowered: str | None = None) -> set[str]:
        """Those of `words` (normalised) that some text writes as a word of its own in lower case: a run of
        letters of the folded text that begins with a small letter. `texts`: the texts as one, joined by line
        breaks (every text that repeats is there once): only the few words of the candidate names are looked
        for. `lowered`: texts.lower(), if already made."""
        words = {w for w in words if w.isalpha() and w.isascii()}  # a letter run is nothing else
        if not words:
            return set()
        if lowered is not None and texts.isascii():  # (the usual case: folding changes nothing)
            whole = texts
        else:
            whole = fold(texts)  # plain ASCII: its lower case has the same length
            lowered = whole.lower()
        out = set()
        for word in words:
            at = lowered.find(word)
            while at != -1:
                end = at + len(word)
                if (
                    whole[at].islower()
                    and (at == 0 or not lowered[at - 1].isalpha())
                    and (end == len(lowered) or not lowered[end].isalpha())
                ):
                    out.add(word)
                    break
                at = lowered.find(word, at + 1)
        return out

    @staticmethod
    def _name(words: list[str], stop: set, lower: set) -> list[str]:
        """The leading words that can be a proper name: not function, generic or kind words, and not words
        the cascade also writes in lower case (then they are common words: "Kecamatan Sehat")."""
        out = []
        for w in words:
            k = normalise(w)
            if not k or k in lower or any(part in stop for part in k.split()):  # "Se-Kabupaten"
                break
            out.append(w)
        return out

    @staticmethod
    def _is_own(name: list[str], own: set[str]) -> bool:
        for i in range(1, len(name) + 1):
            c = "".join(normalise(w) for w in name[:i]).replace(" ", "")
            for o in own:
                if c == o or (len(c) >= 4 and (o.startswith(c) or c.startswith(o))):
                    return True
                if len(c) >= 5 and len(o) >= 5 and c[0] == o[0] and edit_distance(c, o, 2) <= 2:
                    return True
        return False
