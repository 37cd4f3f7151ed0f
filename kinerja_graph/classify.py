"""Reading what a text says: does an indicator or a goal statement name an outcome, an output or an
activity, and which position does an owner (penanggung jawab) name?

The words live in the rule pack's vocabularies (rules/vocabulary/cues.yaml and owners.yaml); this
module only compiles them into lookups. Each reader caches its answers by text, so a rule that asks
about 10^5 indicators classifies every distinct text once, each in time linear in its length.

    IndicatorClassifier(vocabulary["cues"]).classify("Jumlah dokumen perencanaan", unit="Dokumen")
        -> Classification(kind="output", evidence=(('head', 'Jumlah'), ('object', 'dokumen')))
    StatementClassifier(vocabulary["cues"]).classify("Penyusunan dokumen perencanaan")
        -> Classification(kind="activity", evidence=(('opener', 'Penyusunan'),))
    OwnerResolver(vocabulary["owners"]).resolve("Plt. Kasi Pem & Lurah (Budi, S.IP)")
        -> OwnerResolution(positions=(kasi, lurah)), tiers in a kecamatan: {tactical, operational}

Kinds: ``outcome`` (a changed condition), ``output`` (a product or service delivered), ``activity``
(work done: a process or an input measure) and ``unknown``; statements may also be ``effort``
("Meningkatkan …": a direction of change phrased as what the organisation does).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph import policy
from kinerja_graph.errors import PolicyError

KIND_NAMES = {
    "outcome": {"id": "outcome", "en": "outcome"},
    "output": {"id": "output", "en": "output"},
    "activity": {"id": "kegiatan (proses)", "en": "activity (process)"},
    "effort": {"id": "upaya", "en": "effort"},
    "unknown": {"id": "tidak dikenali", "en": "unknown"},
}
_UNIT_WORD = {"id": "satuan", "en": "unit"}
_FUZZY_MIN = 8  # words this long may match a vocabulary word one typing slip away
_OPENING = 120  # characters of a statement that hold its opening words
_WORD = re.compile(r"[A-Za-z0-9]+")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


# ---------------------------------------------------------------------------------------------- words


def words(text: object) -> list[tuple[str, str]]:
    """(normalised, as written) for every word of a text: accents dropped, punctuation as spaces."""
    if text is None:
        return []
    s = str(text)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    found = _WORD.findall(s)
    return list(zip(map(str.lower, found), found))


_PLAIN_WORD = re.compile(r"[a-z0-9]+")
# a plain ASCII text byte by byte: letters and digits as written, NUL kept (it separates texts), anything else a
# blank; split() then gives the words _WORD finds
_ASCII_WORDS_AS_WRITTEN = bytes(c if c == 0 or chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def _find_words(whole: str, words: list[str], starts: list[int], found: list[bool]) -> None:
    """found[i] = True for each text i of `whole` (ASCII texts joined by line breaks, text i starting at
    starts[i]) that holds one of `words` (plain ASCII letters and digits) as a word of its own: what the
    pattern \\b(?:word|...)\\b finds, by str.find (the words are rare in a cascade's names; the pattern tries
    every alternative at every position)."""
    end_of_text = len(whole)
    for word in words:
        at = whole.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not _is_word_char(whole[at - 1])) and (end == end_of_text or not _is_word_char(whole[end])):
                i = bisect.bisect_right(starts, at) - 1
                found[i] = True
                at = whole.find(word, starts[i + 1])  # on to the next text
            else:
                at = whole.find(word, at + 1)


def _is_word_char(c: str) -> bool:
    """What \\w matches in ASCII text."""
    return c.isalnum() or c == "_"


def _is_numbering(token: str) -> bool:
    """Leading list markers: "1.", "a)", "2.1"."""
    return token.isdigit() or len(token) == 1


def _within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


class Lexicon:
    """Word sequences mapped to a label, matched at a token position (longest first).

    Single words of _FUZZY_MIN letters or more also match a word one typing slip away
    ("terseleenggaranya" -> "terselenggaranya"), when exactly one label is that close.
    """

    def __init__(self, entries: dict[str, list[str]] | None, what: str = "vocabulary"):
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._single: dict[str, str] = {}
        self._fuzzy_cache: dict[str, str | None] = {}
        for label, phrases in (entries or {}).items():
            for phrase in phrases or []:
                toks = tuple(w for w, _ in words(phrase))
                if not toks:
                    continue
                bucket = self._by_first.setdefault(toks[0], [])
                for other, other_label in bucket:
                    if other == toks and other_label != label:
                        raise PolicyError(f"{what}: {phrase!r} is listed both as {other_label} and as {label}")
                bucket.append((toks, label))
                if len(toks) == 1:
                    self._single[toks[0]] = label
        for bucket in self._by_first.values():
            bucket.sort(key=lambda e: -len(e[0]))
        # the most words an entry holds: match_at(toks, i) reads no further than toks[i + longest - 1]
        self.longest = max((len(bucket[0][0]) for bucket in self._by_first.values()), default=1)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def first_words(self) -> list[str]:
        return list(self._by_first)

    def match_at(self, toks: list[str], i: int, fuzzy: bool = True) -> tuple[str | None, int]:
        """(label, number of words) of the longest entry starting at toks[i], or (None, 0)."""
        if i >= len(toks):
            return None, 0
        for entry, label in self._by_first.get(toks[i], ()):
            n = len(entry)
            if tuple(toks[i : i + n]) == entry:
                return label, n
        if fuzzy and len(toks[i]) >= _FUZZY_MIN:
            guess = self._fuzzy(toks[i])
            if guess:
                return guess, 1
        return None, 0

    def find(self, toks: list[str], fuzzy: bool = False) -> tuple[str | None, int, int]:
        """(label, start, length) of the first entry found anywhere in toks."""
        by_first = self._by_first
        for i in range(len(toks)):
            if not fuzzy and toks[i] not in by_first:  # no entry starts with this word
                continue
            label, n = self.match_at(toks, i, fuzzy)
            if label:
                return label, i, n
        return None, -1, 0

    def _fuzzy(self, token: str) -> str | None:
        if token in self._fuzzy_cache:
            return self._fuzzy_cache[token]
        labels = {
            label
            for word, label in self._single.items()
            if len(word) >= _FUZZY_MIN - 1 and word[0] == token[0] and _within_one_edit(token, word)
        }
        found = labels.pop() if len(labels) == 1 else None
        self._fuzzy_cache[token] = found
        return found


# -------------------------------------------------------------------------------- classification


@dataclass(frozen=True)
class Classification:
    """What a text is, and the words that say so: (role, word as written), role being head, object,
    phrase, unit or opener."""

    kind: str
    evidence: tuple[tuple[str, str], ...] = ()
    organisation_wide: bool = False  # an organisation-wide outcome (IKM, Nilai SAKIP, ...)

    def explain(self, lang: str = "id") -> str:
        """The evidence as a message fragment: "'Jumlah' + 'dokumen'", "'Persentase' + satuan 'Dokumen'"."""
        parts = []
        for role, word in self.evidence:
            quoted = f"'{word}'"
            parts.append(f"{_UNIT_WORD.get(lang, _UNIT_WORD['en'])} {quoted}" if role == "unit" else quoted)
        return " + ".join(parts)

    def kind_name(self, lang: str = "id") -> str:
        names = KIND_NAMES[self.kind]
        return names.get(lang) or names["en"]

    def words(self) -> list[str]:
        return [word for _, word in self.evidence]


UNKNOWN = Classification("unknown")


def _span(written: list[str], start: int, length: int) -> str:
    return " ".join(written[start : start + length])


def _drop_numbering(ws: list[tuple[str, str]]) -> list[tuple[str, str]]:
    i = 0
    while i < len(ws) - 1 and _is_numbering(ws[i][0]):
        i += 1
    return ws[i:]


class IndicatorClassifier:
    """Classifies an indicator by its head word, its object and its unit, together.

    Order: a fixed phrase anywhere ("serapan anggaran": activity) -> the head ("Indeks": outcome;
    "Jumlah": output, refined by its object or by what "yang ..." says of it; "Persentase": decided
    by its object — a product meeting a standard is its quality, left unknown — else by what
    "yang ..." says of it, else by the unit, else unknown) -> with no head, an object word at the
    start ("Laporan ...") -> the unit alone ("Dokumen"). A name that does not count products or work
    and holds an organisation-wide outcome phrase (IKM, Nilai SAKIP) is such an outcome.
    """

    def __init__(self, cues: dict):
        data = (cues or {}).get("indicator") or {}
        self.organisation = Lexicon({"outcome": data.get("organisation_outcomes") or []}, "cues: organisation_outcomes")
        self.phrases = Lexicon(data.get("phrases"), "cues: indicator phrases")
        self.heads = Lexicon(data.get("heads"), "cues: indicator heads")
        self.objects = Lexicon(data.get("objects"), "cues: indicator objects")
        self.qualifiers = Lexicon(data.get("qualifiers"), "cues: indicator qualifiers")
        self.filler = {w for phrase in data.get("filler") or [] for w, _ in words(phrase)}
        self.units = Lexicon(data.get("units"), "cues: indicator units")
        self._cache: dict[tuple, Classification] = {}  # by the text as written, then as normalised
        firsts = sorted(self.organisation.first_words(), key=len, reverse=True)
        self._organisation_hint = re.compile(r"\b(?:" + "|".join(map(re.escape, firsts)) + r")\b") if firsts else None
        # the same words, looked for one by one with str.find when each is plain ASCII letters and digits
        self._organisation_firsts = firsts if all(map(_PLAIN_WORD.fullmatch, firsts)) else None

    def may_be_organisation_wide(self, name: object) -> bool:
        """A quick test: False when `name` cannot be an organisation-wide outcome (none of the first
        words of those phrases occurs in it), so most output and process indicators are never tokenised."""
        if self._organisation_hint is None or name is None:
            return False
        s = str(name)
        if not s.isascii():
            s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
        return self._organisation_hint.search(s.lower()) is not None

    @staticmethod
    def name_key(name: object) -> str:
        """The name as classify() knows it: texts of one key are classified alike, and the words its
        evidence quotes are those of the first text of that key classified (as written)."""
        return " ".join(w for w, _ in _drop_numbering(words(name)))

    @staticmethod
    def unit_key(unit: object) -> str:
        """The unit as classify() knows it (see name_key)."""
        return " ".join(w for w, _ in words(unit))

    def organisation_wide_hints(self, names: list) -> list[bool]:
        """may_be_organisation_wide() of each name, the vocabulary's pattern run once over all of them (one
        text of the names a line apart: a line break is no word, so the pattern's word boundaries fall where
        they fall in each name alone)."""
        if self._organisation_hint is None:
            return [False] * len(names)
        texts: list = []
        if set(map(type, names)) <= {str} and all(map(str.isascii, names)):  # the usual case: taken as written
            texts = names
        for name in names if texts is not names else ():
            if type(name) is str and name.isascii():
                texts.append(name)
            elif name is None:
                texts.append("")
            else:
                s = str(name)
                if not s.isascii():
                    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
                texts.append(s)
        # where each name starts
        starts = list(itertools.accumulate(map((1).__add__, map(len, texts)), initial=0))
        found = [False] * len(names)
        whole = "\n".join(texts).lower()  # ASCII: the same lengths
        if self._organisation_firsts is not None and whole.isascii():
            _find_words(whole, self._organisation_firsts, starts, found)
        else:
            for match in self._organisation_hint.finditer(whole):
                found[bisect.bisect_right(starts, match.start()) - 1] = True
        if texts is not names and None in names:
            for i, name in enumerate(names):
                if name is None:
                    found[i] = False
        return found

    def classify(self, name: object, unit: object = None) -> Classification:
        raw = (name, unit)
        found = self._cache.get(raw)
        if found is None:
            ws = _drop_numbering(words(name))
            key = (" ".join(w for w, _ in ws), " ".join(w for w, _ in words(unit)))
            found = self._cache.get(key)
            if found is None:
                found = self._classify(ws, unit)
                self._cache[key] = found
            self._cache[raw] = found
        return found

    def _classify(self, ws: list[tuple[str, str]], unit: object) -> Classification:
        toks = [w for w, _ in ws]
        written = [w for _, w in ws]
        if not toks:
            return UNKNOWN
        found = self._measure(toks, written, unit)
        if found.kind in ("output", "activity"):
            return found  # "Jumlah draf dokumen SKM" counts documents, whatever they are about
        label, start, n = self.organisation.find(toks)
        if label:
            return Classification("outcome", (("phrase", _span(written, start, n)),), organisation_wide=True)
        return found

    def _measure(self, toks: list[str], written: list[str], unit: object) -> Classification:
        head, hn = self.heads.match_at(toks, 0)
        label, start, n = self.phrases.find(toks)
        if label and not (label == "outcome" and head in ("output", "activity")):
            return Classification(label, (("phrase", _span(written, start, n)),))
        head_ev = ("head", _span(written, 0, hn))
        obj_at = hn
        while obj_at < len(toks) and toks[obj_at] in self.filler:
            obj_at += 1
        obj, on = self.objects.match_at(toks, obj_at)
        obj_ev = ("object", _span(written, obj_at, on))
        unit_kind, unit_ev = self._unit(unit)
        if head == "outcome":
            return Classification("outcome", (head_ev,))
        if head in ("output", "activity", "neutral"):
            if obj:
                if head == "neutral" and obj == "output":
                    quality, q_at, qn = self._quality(toks, obj_at + on)
                    if quality:  # "Persentase dokumen ... yang sesuai standar": the products' quality
                        return Classification("unknown", (head_ev, obj_ev, ("object", _span(written, q_at, qn))))
                return Classification(obj, (head_ev, obj_ev))
            qualifier, q_at, qn = self._qualifier(toks, hn, obj_at)
            if qualifier:
                return Classification(qualifier, (head_ev, ("object", _span(written, q_at, qn))))
            if head != "neutral":
                return Classification(head, (head_ev,))
            if unit_kind and unit_ev:
                return Classification(unit_kind, (head_ev, unit_ev))
            return Classification("unknown", (head_ev,))
        obj, on = self.objects.match_at(toks, 0)
        if obj:
            return Classification(obj, (("object", _span(written, 0, on)),))
        if unit_kind and unit_ev:
            return Classification(unit_kind, (unit_ev,))
        return UNKNOWN

    def _qualifier(self, toks: list[str], start: int, obj_at: int) -> tuple[str | None, int, int]:
        """(class, start, length) of what is said of the object: the first "yang" + a listed word
        ("… yang dikoordinasikan"), else an outcome word right after the object ("desa mandiri")."""
        for i in range(start, len(toks) - 1):
            if toks[i] == "yang":
                label, n = self.qualifiers.match_at(toks, i + 1, fuzzy=False)
                if label:
                    return label, i, n + 1
        label, n = self.qualifiers.match_at(toks, obj_at + 1, fuzzy=False)
        if label == "outcome":
            return label, obj_at + 1, n
        return None, -1, 0

    def _quality(self, toks: list[str], start: int) -> tuple[str | None, int, int]:
        for i in range(start, len(toks)):
            label, n = self.qualifiers.match_at(toks, i, fuzzy=False)
            if label == "quality":
                return label, i, n
        return None, -1, 0

    def _unit(self, unit: object) -> tuple[str | None, tuple[str, str] | None]:
        ws = words(unit)
        if not ws:
            return None, None
        label, n = self.units.match_at([w for w, _ in ws], 0)
        if not label:
            return None, None
        return label, ("unit", _span([w for _, w in ws], 0, n))


class StatementClassifier:
    """Classifies a goal statement by its opening word ("Meningkatnya" / "Tersusunnya" / "Penyusunan").

    An effort verb ("Meningkatkan", "Memastikan") is judged by the word after it: an activity or a
    product there makes the statement one ("Meningkatkan pembinaan …"), else it stays `effort`.
    """

    def __init__(self, cues: dict):
        self.openers = Lexicon((cues or {}).get("statement"), "cues: statement openers")
        self._cache: dict[object, Classification] = {}
        # _classify reads an opener and the entry after it: no more than this many words
        self._reads = 2 * self.openers.longest
        self._by_opening: dict[tuple, Classification] = {}  # by those words as written

    def classify(self, statement: object) -> Classification:
        found = self._cache.get(statement)
        if found is None:
            # only the opening words count: a long statement is not read to its end
            ws = _drop_numbering(words(None if statement is None else str(statement)[:_OPENING]))[: self._reads]
            opening = tuple(w for _, w in ws)  # statements opening alike (most do) are classified once
            found = self._by_opening.get(opening)
            if found is None:
                found = self._by_opening[opening] = self._classify(ws)
            self._cache[statement] = found
        return found

    def classify_many(self, statements: Iterable) -> None:
        """classify() each of `statements`, remembered for classify() to give: at 10^6 goals some 50,000 distinct
        statements are judged. Plain ASCII statements have their opening words read off them joined as one text
        (the characters that are no letter or digit made blanks, as words() finds the words), not one by one by
        the pattern; any other statement is classified by classify() itself."""
        cache = self._cache
        todo = [s for s in dict.fromkeys(s for s in statements if type(s) is str) if s not in cache]
        openings = [s[:_OPENING] for s in todo]
        whole = "\0".join(openings)
        if not whole.isascii() or whole.count("\0") != len(openings) - 1:
            for statement in todo:
                self.classify(statement)
            return
        pieces = whole.encode("ascii").translate(_ASCII_WORDS_AS_WRITTEN).decode("ascii").split("\0")
        by_opening, reads = self._by_opening, self._reads
        for statement, written in zip(todo, map(str.split, pieces)):
            start = 0  # _drop_numbering (its test reads no case)
            while start < len(written) - 1 and _is_numbering(written[start]):
                start += 1
            opening = tuple(written[start : start + reads])
            found = by_opening.get(opening)
            if found is None:
                found = by_opening[opening] = self._classify(list(zip(map(str.lower, opening), opening)))
            cache[statement] = found

    def _classify(self, ws: list[tuple[str, str]]) -> Classification:
        toks = [w for w, _ in ws]
        written = [w for _, w in ws]
        label, n = self.openers.match_at(toks, 0)
        if not label:
            return UNKNOWN
        opener = ("opener", _span(written, 0, n))
        if label == "effort":
            nxt, m = self.openers.match_at(toks, n)
            if nxt in ("activity", "output"):
                return Classification(nxt, (opener, ("object", _span(written, n, m))))
        return Classification(label, (opener,))


# ------------------------------------------------------------------------------------------ owners


@dataclass(frozen=True)
class Position:
    id: str
    name: dict


@dataclass(frozen=True)
class OwnerResolution:
    """The positions an owner text names, in the order written, with the words that named each."""

    text: str
    positions: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return bool(self.positions)


@dataclass(frozen=True)
class OwnerParts:
    """Who an owner text says holds the goal: the holders it names, how they are joined, and whether the one
    holder it names is only a kind of position.

    holders   each holder as written (a part between separators that names a position), in order; a part
              naming no position belongs to the holder before it ("Kasubbag Perencanaan dan Keuangan")
    positions the position ids each holder names
    join      "joint" ("Kasi Pem & Lurah"), "alternative" ("Kasi/Jafung/Analis"), or None for one holder
    generic   for a single holder written only as a kind of position ("Kasi", "Plt. Staf"): its id
    """

    text: str
    holders: tuple[str, ...] = ()
    positions: tuple[tuple[str, ...], ...] = ()
    join: str | None = None
    generic: str | None = None


@dataclass(frozen=True)
class ProfileChoice:
    """Which owner profile judges an organisation, and how it was chosen: "option" (the rule's option),
    "type" (the organisation's stated type), "name" (a word of its name), "positions" (the position holding
    the top of the cascade, `head`), or "fallback" (nothing known: the default profile)."""

    profile: str
    basis: str
    head: str | None = None

    @property
    def stated(self) -> bool:
        return self.basis in ("option", "type")


@dataclass
class OwnerResolver:
    """Resolves owner texts to positions and positions to tiers, per organisation profile."""

    vocabulary: dict
    positions: dict[str, Position] = field(init=False)
    profiles: dict[str, dict[str, frozenset]] = field(init=False)
    default_profile: str = field(init=False)

    def __post_init__(self):
        data = self.vocabulary or {}
        tiers = set(policy.levels().tier_order())
        self.positions = {}
        aliases: dict[str, list[str]] = {}
        self._exact: dict[str, str] = {}
        for entry in data.get("positions") or []:
            pid = entry["id"]
            if pid in self.positions:
                raise PolicyError(f"owners vocabulary: position {pid!r} is listed twice")
            self.positions[pid] = Position(pid, entry.get("name") or {"id": pid, "en": pid})
            aliases[pid] = list(entry.get("aliases") or [])
            for phrase in entry.get("exact") or []:
                self._exact[" ".join(w for w, _ in words(phrase))] = pid
        self._aliases = Lexicon(aliases, "owners vocabulary: aliases")
        self.profiles = {}
        for name, mapping in (data.get("profiles") or {}).items():
            compiled = {}
            for pid, position_tiers in (mapping or {}).items():
                if pid not in self.positions:
                    raise PolicyError(f"owners vocabulary: profile {name!r} names unknown position {pid!r}")
                unknown = set(position_tiers) - tiers
                if unknown:
                    raise PolicyError(
                        f"owners vocabulary: profile {name!r}, position {pid!r}: unknown tier "
                        f"{sorted(unknown)[0]!r} (tiers are {', '.join(sorted(tiers))})"
                    )
                compiled[pid] = frozenset(position_tiers)
            self.profiles[name] = compiled
        self.default_profile = data.get("default_profile") or "default"
        if self.default_profile not in self.profiles:
            raise PolicyError(f"owners vocabulary: default profile {self.default_profile!r} is not defined")
        type_names: dict[str, list[str]] = {}
        for entry in data.get("organisation_types") or []:
            if entry["profile"] not in self.profiles:
                raise PolicyError(f"owners vocabulary: organisation type names unknown profile {entry['profile']!r}")
            type_names.setdefault(entry["profile"], []).extend(entry["names"])
        self._type_words = Lexicon(type_names, "owners vocabulary: organisation_types")
        self._head_profiles: dict[str, str] = {}
        for entry in data.get("organisation_types") or []:
            for pid in entry.get("heads") or []:
                if pid not in self.positions:
                    raise PolicyError(f"owners vocabulary: organisation type names unknown head position {pid!r}")
                self._head_profiles.setdefault(pid, entry["profile"])
        self.profile_names = {
            name: (data.get("profile_names") or {}).get(name) or {"id": name, "en": name} for name in self.profiles
        }
        separators = data.get("separators") or {}
        self._separators = {
            sign.lower() if sign[0].isalnum() else sign: kind
            for kind in ("joint", "alternative")
            for sign in separators.get(kind) or ()
        }
        signs = sorted({sign for sign in self._separators if not sign[0].isalnum()}, key=len, reverse=True)
        self._tokens = re.compile(r"[A-Za-z0-9]+" + "".join(f"|{re.escape(sign)}" for sign in signs))
        self._generic = Lexicon({"generic": list(data.get("generic_positions") or ())}, "owners: generic_positions")
        self._fillers = frozenset(w for phrase in data.get("owner_fillers") or () for w, _ in words(phrase))
        self.own_units = frozenset(data.get("own_units") or ())
        unknown = self.own_units - set(self.positions)
        if unknown:
            raise PolicyError(f"owners vocabulary: own_units names unknown position {sorted(unknown)[0]!r}")
        self._cache: dict[str, OwnerResolution] = {}
        self._parts: dict[str, OwnerParts] = {}

    # -- owner text -> positions
    def resolve(self, owner: object) -> OwnerResolution:
        text = "" if owner is None else str(owner)
        found = self._cache.get(text)
        if found is None:
            found = self._resolve(text, _BRACKETS.sub(" ", text))
            if not found.resolved and _BRACKETS.search(text):  # "(Kasi Pem)": the position is in brackets
                found = self._resolve(text, text)
            self._cache[text] = found
        return found

    def _resolve(self, text: str, cleaned: str) -> OwnerResolution:
        ws = words(cleaned)
        toks = [w for w, _ in ws]
        whole = " ".join(toks)
        if whole in self._exact:
            return OwnerResolution(text, (self._exact[whole],), (" ".join(w for _, w in ws),))
        positions, matched = [], []
        i = 0
        while i < len(toks):
            pid, n = self._aliases.match_at(toks, i)
            if pid:
                if pid not in positions:
                    positions.append(pid)
                    matched.append(_span([w for _, w in ws], i, n))
                i += n
            else:
                i += 1
        return OwnerResolution(text, tuple(positions), tuple(matched))

    # -- owner text -> holders
    def parts(self, owner: object) -> OwnerParts:
        """The holders an owner text names and how they are joined (OwnerParts), remembered by text."""
        text = "" if owner is None else str(owner)
        found = self._parts.get(text)
        if found is None:
            found = self._parts[text] = self._split(text)
        return found

    def _split(self, text: str) -> OwnerParts:
        cleaned = _BRACKETS.sub(" ", text)
        qualified = bool(words(" ".join(_BRACKETS.findall(text))))  # a name or a unit in brackets
        if not cleaned.isascii():
            cleaned = unicodedata.normalize("NFKD", cleaned).encode("ascii", "ignore").decode("ascii")
        # parts between separators: [start, end (in `cleaned`), normalised words, the separator before it]
        parts: list[list] = [[None, None, [], None]]
        for match in self._tokens.finditer(cleaned):
            token = match.group()
            kind = self._separators.get(token.lower() if token[0].isalnum() else token)
            if kind is not None:
                parts.append([None, None, [], kind])
                continue
            part = parts[-1]
            if part[0] is None:
                part[0] = match.start()
            part[1] = match.end()
            part[2].append(token.lower())
        holders: list[list] = []  # [start, end, normalised words, the separator before, position ids]
        for start, end, toks, before in parts:
            if not toks:
                continue
            found = self._mentions(toks)
            if found or not holders:
                holders.append([start, end, list(toks), before, found])
            else:  # names no position: part of the holder before ("Kasubbag Perencanaan dan Keuangan")
                holders[-1][1] = end
                holders[-1][2] += toks
        named = [h for h in holders if h[4]]
        written = tuple(cleaned[h[0] : h[1]] for h in named)
        positions = tuple(tuple(h[4]) for h in named)
        if len(named) < 2:
            generic = None
            if len(named) == 1 and not qualified:
                toks = [w for w in named[0][2] if w not in self._fillers]
                label, n = self._generic.match_at(toks, 0, fuzzy=False)
                if label and n == len(toks):
                    generic = named[0][4][0]
            return OwnerParts(text, written, positions, None, generic)
        join = "alternative" if any(h[3] == "alternative" for h in named[1:]) else "joint"
        return OwnerParts(text, written, positions, join)

    def _mentions(self, toks: list[str]) -> list[str]:
        """The position ids named in these words, in order (the longest alias first, as resolve reads them)."""
        whole = " ".join(toks)
        if whole in self._exact:
            return [self._exact[whole]]
        found: list[str] = []
        i = 0
        while i < len(toks):
            pid, n = self._aliases.match_at(toks, i)
            if pid:
                if pid not in found:
                    found.append(pid)
                i += n
            else:
                i += 1
        return found

    # -- organisation -> profile
    def choose_profile(
        self, organisation: object, top_owners: Callable[[], Iterable[Iterable[object]]] | None = None, option=None
    ) -> ProfileChoice:
        """The profile that judges an organisation, and how it was chosen: the rule's option, else the
        organisation's type, else a word of its name, else the position holding the top of its cascade, else
        the default profile. `top_owners()` gives the owners of the cascade's top goals (goals without a parent)
        level by level, the most strategic first: the first level whose owners name a position heading a kind
        of organisation (a Camat: a kecamatan) decides, when they name one kind only."""
        if option:
            return ProfileChoice(option, "option")
        otype = getattr(organisation, "type", None)
        if otype:
            toks = [w for w, _ in words(otype)]
            if "_".join(toks) in self.profiles:
                return ProfileChoice("_".join(toks), "type")
            label, _, _ = self._type_words.find(toks)
            if label:
                return ProfileChoice(label, "type")
        label, _, _ = self._type_words.find([w for w, _ in words(getattr(organisation, "name", None))])
        if label:
            return ProfileChoice(label, "name")
        for owners in top_owners() if top_owners is not None else ():
            heads: dict[str, str] = {}  # profile -> the head position that names it
            for owner in owners:
                for pid in self.resolve(owner).positions:
                    if pid in self._head_profiles:
                        heads.setdefault(self._head_profiles[pid], pid)
            if len(heads) == 1:
                ((profile, head),) = heads.items()
                return ProfileChoice(profile, "positions", head)
            if heads:  # heads of several kinds of organisation at the top: no guess
                break
        return ProfileChoice(self.default_profile, "fallback")

    def profile_for(self, organisation: object) -> str:
        """The profile of an organisation by its type, else by a word of its name, else the default (without
        looking at its cascade: see choose_profile)."""
        return self.choose_profile(organisation).profile

    # -- positions -> tiers
    def position_tiers(self, position: str, profile: str) -> frozenset:
        mapping = self.profiles.get(profile, {})
        if position in mapping:
            return mapping[position]
        return self.profiles[self.default_profile].get(position, frozenset())

    def tiers(self, resolution: OwnerResolution, profile: str) -> frozenset:
        """The union of the tiers every named position may hold."""
        out: frozenset = frozenset()
        for position in resolution.positions:
            out |= self.position_tiers(position, profile)
        return out

    def holders(self, tier: str, profile: str) -> list[Position]:
        """Positions that may hold `tier` in `profile` (that profile's own list), for messages."""
        mapping = self.profiles.get(profile) or self.profiles[self.default_profile]
        return [self.positions[p] for p, tiers in mapping.items() if tier in tiers]


# -------------------------------------------------------------------- defaults, for report writers


def required_vocabulary(vocabulary: Mapping, name: str, rule_id: str) -> dict:
    """The vocabulary a rule needs from its pack, or a PolicyError saying which one is missing."""
    found = (vocabulary or {}).get(name)
    if not isinstance(found, dict):
        raise PolicyError(
            f"{rule_id} needs the {name!r} vocabulary, which the rule pack does not register "
            f"(rules/default.yaml registers vocabulary/{name}.yaml)"
        )
    return found


def default_vocabulary(name: str) -> dict:
    """A vocabulary of the default rule pack ("cues", "owners")."""
    return policy.shipped_vocabulary(name)


def indicator_unit(indicator) -> str | None:
    """The indicator's unit, or else the unit its targets are written in (earliest year first)."""
    if getattr(indicator, "unit", None):
        return str(indicator.unit)
    for year in sorted(getattr(indicator, "targets", None) or {}):
        unit = indicator.targets[year].unit
        if unit:
            return unit
    return None


def unresolved_owners(G: nx.DiGraph, owners: dict | None = None) -> list[tuple[str, str]]:
    """(node id, owner as written) for every node whose owner names no known position, in document
    order — for a report to list, since owner-level-mismatch stays silent about them."""
    resolver = OwnerResolver(owners if owners is not None else default_vocabulary("owners"))
    out = []
    nodes = sorted(
        (n for n, d in G.nodes(data=True) if d.get("kind") in ("goal", "indicator")), key=lambda n: G.nodes[n]["order"]
    )
    for n in nodes:
        owner = G.nodes[n].get("owner")
        if owner and str(owner).strip() and not resolver.resolve(owner).resolved:
            out.append((n, str(owner)))
    return out
