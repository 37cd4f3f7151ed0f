"""Small text helpers shared by rules: normalisation and tokens of Indonesian statements."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str | None) -> str:
    """Lower case, accents dropped, punctuation to spaces, spaces collapsed."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(_WORD.findall(s))


def tokens(text: str | None) -> list[str]:
    return normalise(text).split()


# ------------------------------------------------------------------------------------------------
# Helpers for the redundancy and indicator rules (similarity.py builds on these).

_FOLD_WORD = re.compile(r"[A-Za-z0-9]+")


def fold(text: str | None) -> str:
    """Accents dropped, case and punctuation kept: for patterns that need capitals ("Kecamatan Sokaraja")."""
    if not text:
        return ""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")


# Indonesian affixes, for a light stemmer. Each prefix lists what its nasal may stand for
# ("pemeliharaan" -> "pelihara": pe + m(p) + elihara + an). Order matters: longest first.
_PREFIXES = (
    ("memper", ("",)),
    ("diper", ("",)),
    ("keber", ("",)),
    ("meng", ("", "k")),
    ("peng", ("", "k")),
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("mem", ("", "p")),
    ("pem", ("", "p")),
    ("men", ("", "t")),
    ("pen", ("", "t")),
    ("ber", ("",)),
    ("ter", ("",)),
    ("per", ("",)),
    ("me", ("",)),
    ("pe", ("",)),
    ("di", ("",)),
    ("ke", ("",)),
    ("se", ("",)),
    ("be", ("",)),
)
# a second prefix only follows a first one in these forms ("di-per-", "ke-pen-", "ke-ber-")
_INNER_PREFIXES = frozenset({"per", "ber", "peng", "peny", "pem", "pen", "pe"})
_SUFFIXES = ("nya", "kan", "an", "i")
MIN_STEM = 4


def stems(word: str) -> frozenset:
    """Candidate stems of one normalised Indonesian word, the word itself included.

    A deliberately loose stemmer: it proposes every plausible stem ("pelaksanaan" -> "laksana",
    "dilaksanakan" -> "laksana"), so that two words sharing a stem can be recognised as related. It
    over-generates; use it to find what two texts share, never to rewrite a text. Stems shorter than
    MIN_STEM letters are dropped.
    """
    found = {word}
    bases = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            bases.add(word[: -len(suffix)])
    for allowed in (None, _INNER_PREFIXES):  # up to two prefixes: "kependudukan" = ke + pen + duduk + an
        more: set[str] = set()
        for base in bases:
            for prefix, replacements in _PREFIXES:
                if allowed is not None and prefix not in allowed:
                    continue
                if base.startswith(prefix) and len(base) - len(prefix) >= MIN_STEM - 1:
                    rest = base[len(prefix) :]
                    more.update(r + rest for r in replacements)
        bases |= more
    for base in bases:
        for suffix in _SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= MIN_STEM:
                found.add(base[: -len(suffix)])
    found |= bases
    return frozenset(s for s in found if len(s) >= MIN_STEM or s == word)


# ------------------------------------------------------------------------------------------------
# Units of measure (rules/vocabulary/units.yaml), for the indicator rules.


class UnitVocabulary:
    """units.yaml, ready to use: what family and canonical unit a written unit is, what a counted noun
    is counted in, which families an indicator head allows, and the grade scales."""

    def __init__(self, data: dict | None) -> None:
        data = data or {}
        self.families: dict[str, dict] = {}
        self.spellings: dict[str, tuple[str, str]] = {}  # normalised spelling -> (family, canonical)
        for family, entry in (data.get("families") or {}).items():
            self.families[family] = entry
            for canonical, spellings in (entry.get("units") or {}).items():
                for spelling in [canonical, *spellings]:
                    k = "%" if str(spelling).strip() == "%" else normalise(spelling)
                    self.spellings.setdefault(k, (family, canonical))
        self.count_nouns: dict[str, str] = {}
        for canonical, nouns in (data.get("count_nouns") or {}).items():
            for noun in nouns:
                self.count_nouns.setdefault(normalise(noun), canonical)
        self.compatible: dict[str, int] = {}
        for number, group in enumerate(data.get("count_compatible") or ()):
            for canonical in group:
                self.compatible.setdefault(canonical, number)
        self.heads = {normalise(k): tuple(v) for k, v in (data.get("heads") or {}).items()}
        self.count_heads = tuple(h for h, families in self.heads.items() if families and families[0] == "count")
        self.quantifiers = frozenset(normalise(w) for w in data.get("quantifiers") or ())
        self.growth_words = frozenset(normalise(w) for w in data.get("growth_words") or ())
        self.grades = {name: entry for name, entry in (data.get("grades") or {}).items()}
        self._grade_values = {
            name: [normalise(v) for v in entry.get("values") or ()] for name, entry in self.grades.items()
        }
        self._grade_cues = {
            name: [f" {normalise(c)} " for c in entry.get("cues") or ()] for name, entry in self.grades.items()
        }
        self._all_grades = {v for values in self._grade_values.values() for v in values}
        self._read_memo: dict = {}

    def read(self, text: str | None) -> tuple[str | None, str] | None:
        """(family, canonical unit) of a written unit; (None, normalised text) for an unknown unit;
        None for no unit at all."""
        if text is None:
            return None
        try:
            return self._read_memo[text]
        except KeyError:
            pass
        if len(self._read_memo) > 100_000:
            self._read_memo.clear()
        found = self._read_memo[text] = self._read(text)
        return found

    def _read(self, text: str) -> tuple[str | None, str] | None:
        if not str(text).strip():
            return None
        s = str(text).strip()
        if "%" in s:
            return "percent", "%"
        k = normalise(s)
        if not k:
            return None
        if k in self.spellings:
            return self.spellings[k]
        first = k.split()[0]
        if first in self.spellings:
            return self.spellings[first]
        return None, k

    def family_name(self, family: str | None, lang: str) -> str:
        if family == "grade":
            return {"id": "predikat", "en": "grade"}[lang]
        entry = self.families.get(family or "") or {}
        return (entry.get("name") or {}).get(lang, family or "?")

    def same_count_class(self, a: str, b: str) -> bool:
        """Are two canonical count units the same kind of thing (a report is a document)?"""
        if a == b:
            return True
        ga, gb = self.compatible.get(a), self.compatible.get(b)
        return ga is not None and ga == gb

    def grade(self, indicator_name: str | None, target_text: str | None) -> tuple[str, int, int] | None:
        """(scale, rank, best rank) when the target is a value of a grade scale the indicator's name cues
        ("Opini BPK" with "WTP"); else None."""
        value = normalise(target_text)
        if not value or value not in self._all_grades:
            return None
        name = f" {normalise(indicator_name)} "
        for scale, values in self._grade_values.items():
            if value in values and any(c in name for c in self._grade_cues[scale]):
                return scale, values.index(value), len(values) - 1
        return None


_UNITS_CACHE: dict[int, tuple[dict, UnitVocabulary]] = {}


def unit_vocabulary(vocabulary: Mapping | None) -> UnitVocabulary:
    """The `units` vocabulary of a rule context (ctx.vocabulary), parsed once per pack."""
    data = (vocabulary or {}).get("units") or {}
    cached = _UNITS_CACHE.get(id(data))
    if cached is None or cached[0] is not data:
        cached = (data, UnitVocabulary(data))
        _UNITS_CACHE[id(data)] = cached
    return cached[1]


def close_matches(name: str, choices: Iterable[str]) -> list[str]:
    """The choices closest to a name that is not one of them (a misspelt rule id), at most three."""
    return difflib.get_close_matches(name, list(choices), n=3, cutoff=0.6)


def suggest(name: str, choices: Iterable[str]) -> str:
    """' (did you mean x, y?)' when there are close matches, else ''."""
    close = close_matches(name, choices)
    return f" (did you mean {', '.join(close)}?)" if close else ""
