"""The indicator-quality vocabulary, ready to use (not a rule: the registry skips modules whose name starts
with an underscore).

rules/vocabulary/indicators.yaml says how an indicator name states a measure, which measures have names of
their own, what a goal delivers, which indicators cannot be summed, what says more is better, and how a
data source names something an evaluator can ask for. `measures(ctx)` reads it once per pack, its phrases
written the way texts are read: normalised words, text.yaml spellings fixed, function words dropped
(similarity.canonical_words). The rules then ask, once per distinct text:

    words(text, tv)             the words a phrase is matched on
    Phrases.at / starts / find  a phrase of a list at a place, at the start, anywhere
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from kinerja_graph.checks._index import Index
from kinerja_graph.classify import required_vocabulary
from kinerja_graph.similarity import (
    CACHE_LIMIT,
    TextVocabulary,
    canonical_words,
    counted_noun,
    normalised_texts,
    remember,
    text_vocabulary,
    text_words,
)
from kinerja_graph.text import normalise

Phrase = tuple[str, ...]


class Phrases:
    """Phrases (word tuples), each with a label (a group id, or the phrase itself), matched on word lists."""

    __slots__ = ("_by_first", "labels")

    def __init__(self, entries: Iterable[tuple[Phrase, str]]) -> None:
        self.labels: dict[Phrase, str] = {}
        for phrase, label in entries:
            if phrase:
                self.labels.setdefault(phrase, label)
        by_first: dict[str, list[Phrase]] = {}
        for phrase in self.labels:
            by_first.setdefault(phrase[0], []).append(phrase)
        for found in by_first.values():
            found.sort(key=len, reverse=True)  # the longest phrase first
        self._by_first = by_first

    def __bool__(self) -> bool:
        return bool(self.labels)

    def at(self, words: tuple | list, i: int) -> Phrase | None:
        """The longest phrase that starts at words[i], or None."""
        if i >= len(words):
            return None
        for phrase in self._by_first.get(words[i], ()):
            n = len(phrase)
            if n == 1 or tuple(words[i : i + n]) == phrase:  # one word: the word itself (it is the key)
                return phrase
        return None

    def first_words(self) -> frozenset[str]:
        """The words phrases start with."""
        return frozenset(self._by_first)

    def single_heads(self) -> dict[str, Phrase]:
        """first word -> the one-word phrase it is, for the words that open no longer phrase: at() finds that
        phrase wherever such a word stands, whatever follows it."""
        return {first: found[0] for first, found in self._by_first.items() if len(found) == 1 and len(found[0]) == 1}

    def opens(self, word: str) -> bool:
        """Does some phrase start with this word?"""
        return word in self._by_first

    def starts(self, words: tuple | list) -> Phrase | None:
        """The longest phrase the words start with, or None."""
        return self.at(words, 0) if words else None

    def find(self, words: tuple | list) -> Iterator[tuple[int, Phrase]]:
        """(position, phrase) of every phrase in the words, left to right, occurrences not overlapping."""
        by_first = self._by_first
        if by_first.keys().isdisjoint(words):  # no word opens a phrase: most texts, decided at once
            return
        i, size = 0, len(words)
        while i < size:
            phrase = self.at(words, i) if words[i] in by_first else None  # most words start no phrase
            if phrase is None:
                i += 1
            else:
                yield i, phrase
                i += len(phrase)

    def label_set(self, words: tuple | list) -> frozenset[str]:
        """The labels of the phrases found in the words."""
        labels = self.labels
        return frozenset(labels[phrase] for _, phrase in self.find(words))

    def covers(self, words: tuple | list, also: frozenset = frozenset()) -> bool:
        """Is every word one of a phrase found in them, or one of `also`?"""
        by_first = self._by_first
        i = 0
        while i < len(words):
            phrase = self.at(words, i) if words[i] in by_first else None
            if phrase is not None:
                i += len(phrase)
            elif words[i] in also:
                i += 1
            else:
                return False
        return True


@dataclass(frozen=True)
class IndicatorVocabulary:
    """rules/vocabulary/indicators.yaml, its phrases canonicalised (see that file for what each part means)."""

    measure_heads: Phrases
    uncountable: Phrases
    openers: frozenset
    opener_forms: tuple
    existence: Phrases
    method_heads: Phrases
    judgements: Phrases
    target_words: Phrases  # on plain normalised words (function words kept)
    joiners: Phrases  # on plain normalised words
    named_measures: Phrases  # labelled by measure id
    appraisal_heads: Phrases
    appraisal_phrases: Phrases
    subjects: Phrases  # labelled by kind
    not_summable_heads: Phrases
    not_summable_families: frozenset
    more_is_better: Phrases
    opposites: Phrases
    broad_subjects: frozenset
    vague_sources: Phrases
    record_sources: Phrases
    document_words: Phrases
    unit_words: Phrases

    @classmethod
    def from_data(cls, data: Mapping[str, Any], tv: TextVocabulary) -> IndicatorVocabulary:
        def canonical(text: str) -> Phrase:
            return tuple(canonical_words(text, tv))

        def phrases(items: Iterable[str] | None) -> Phrases:
            return Phrases((canonical(item), item) for item in items or ())

        def plain(items: Iterable[str] | None) -> Phrases:
            return Phrases((tuple(normalise(item).split()), item) for item in items or ())

        def groups(mapping: Mapping[str, Iterable[str]] | None) -> Phrases:
            return Phrases((canonical(item), str(label)) for label, items in (mapping or {}).items() for item in items)

        def words(items: Iterable[str] | None) -> frozenset:
            return frozenset(w for item in items or () for w in canonical(item))

        openers = data.get("goal_openers") or {}
        appraisal = data.get("appraisal") or {}
        summable = data.get("not_summable") or {}
        sources = data.get("sources") or {}
        return cls(
            measure_heads=phrases(data.get("measure_heads")),
            uncountable=phrases(data.get("uncountable")),
            openers=words(openers.get("openers")),
            opener_forms=tuple((str(a), str(b)) for a, b in openers.get("forms") or ()),
            existence=phrases(data.get("existence")),
            method_heads=phrases(data.get("method_heads")),
            judgements=phrases(data.get("judgements")),
            target_words=plain(data.get("target_words")),
            joiners=plain(data.get("joiners")),
            named_measures=groups(data.get("named_measures")),
            appraisal_heads=phrases(appraisal.get("heads")),
            appraisal_phrases=phrases(appraisal.get("phrases")),
            subjects=groups(data.get("subjects")),
            not_summable_heads=phrases(summable.get("heads")),
            not_summable_families=frozenset(summable.get("families") or ()),
            more_is_better=phrases(data.get("more_is_better")),
            opposites=phrases(data.get("opposites")),
            broad_subjects=words(data.get("broad_subjects")),
            vague_sources=phrases(sources.get("vague")),
            record_sources=phrases(sources.get("records")),
            document_words=phrases(sources.get("documents")),
            unit_words=phrases(sources.get("units")),
        )

    def opens_goal(self, word: str) -> bool:
        """Does a first word open a goal statement ("Meningkatnya", "Terpeliharanya")?"""
        if word in self.openers:
            return True
        return any(
            word.startswith(prefix) and word.endswith(suffix) and len(word) >= len(prefix) + len(suffix) + 3
            for prefix, suffix in self.opener_forms
        )


_CACHE: dict[int, tuple[Mapping, TextVocabulary, IndicatorVocabulary]] = {}


def measures(vocabulary: Mapping, rule_id: str, G=None) -> tuple[IndicatorVocabulary, TextVocabulary]:
    """The `indicators` vocabulary of a rule context (ctx.vocabulary), parsed once per pack, with the text
    vocabulary it was read with (similarity.text_vocabulary, its memo kept for graph G)."""
    tv = text_vocabulary(vocabulary, G)
    data = required_vocabulary(vocabulary, "indicators", rule_id)
    cached = _CACHE.get(id(data))
    if cached is None or cached[0] is not data or cached[1] is not tv:
        cached = (data, tv, IndicatorVocabulary.from_data(data, tv))
        _CACHE[id(data)] = cached
    return cached[2], tv


def normalised_names(ix: Index, tv: TextVocabulary, normalise=normalised_texts, names: list | None = None) -> list[str]:
    """normalised(name, tv) of each distinct indicator name, by its number in ix.indicator_groups(("name",)):
    worked out once per graph for every rule that reads names, all at once (similarity.normalised_texts: 10^5
    indicators hold about 36,000 distinct names), and remembered in tv, where normalised() and text_words()
    find them. normalise: normalised_texts, or what gives the same (asked only when the names are not read yet);
    names: the distinct names by number, if at hand (else read from the indicators: 10^5 scattered objects at
    10^6 goals)."""
    return ix.shared(f"normalised names {id(tv)}", lambda: _normalised_names(ix, tv, normalise, names))


def _normalised_names(
    ix: Index, tv: TextVocabulary, normalise=normalised_texts, names: list | None = None
) -> list[str]:
    """normalise(names, tv) of the distinct names (normalised_texts, or what gives the same), remembered in tv."""
    if names is None:
        objects = ix.indicators.objects
        names = list(map(_NAME, map(objects.__getitem__, ix.indicator_groups(("name",)).first)))
    found = normalise(names, tv)
    if len(tv.cache) + len(names) < CACHE_LIMIT:  # as remember() would keep them
        tv.cache.update(zip(zip(repeat("normalised"), names), found))
    return found


_NAME = operator.attrgetter("name")


def words(text: str | None, tv: TextVocabulary) -> tuple:
    """The words phrases are matched on: normalised, spellings fixed, function words dropped, leading
    numbering ("1.", "a.") dropped."""
    found = text_words(text, tv)  # the remembered tuple, not a copy
    start = 0
    while start < len(found) and (found[start].isdigit() or len(found[start]) == 1):
        start += 1
    return found[start:] if start else found


def spelled_out(found: tuple, tv: TextVocabulary) -> tuple:
    """The words with a leading abbreviation spelled out ("IKM ..." -> "indeks kepuasan masyarakat ...")."""
    if found and found[0] in tv.abbreviations:
        return tv.abbreviations[found[0]] + found[1:]
    return found


class HeadReader:
    """similarity.head_word(text, tv, heads) for one list of heads, each first word read once: the first
    canonical word of a name, or the head it opens with glued to the next word ("Jumlahmengemudi" ->
    "jumlah"; the longest head first)."""

    __slots__ = ("_heads", "_longest_first", "_memo")

    def __init__(self, heads: Iterable[str]) -> None:
        self._heads = frozenset(heads)
        self._longest_first = sorted(heads, key=len, reverse=True)  # stable: equal lengths in the given order
        self._memo: dict[str, str] = {}

    def __call__(self, text: str | None, tv: TextVocabulary) -> str:
        found = text_words(text, tv)
        if not found:
            return ""
        first = found[0]
        head = self._memo.get(first)
        if head is None:
            head = first
            if first not in self._heads:
                head = next((h for h in self._longest_first if first.startswith(h) and len(first) - len(h) >= 3), first)
            self._memo[first] = head
        return head


def counted(text: str | None, tv: TextVocabulary, units, anywhere: bool = False) -> tuple[str, str] | None:
    """similarity.counted_noun(text, tv, units, anywhere), remembered per text for the graph being checked (the
    rules that read what a name counts share it)."""
    key = ("counted", text, anywhere, units)
    cache = tv.cache
    found = cache.get(key, _UNSET)
    if found is _UNSET:
        found = remember(tv, key, counted_noun(text, tv, units, anywhere))
    return found


_UNSET = object()
_OPEN, _CLOSE = "([", ")]"


def without_brackets(text: str) -> str:
    """The text with its bracketed parts taken out ("Pengadministrasi Keuangan (Umum, ...)" -> "... Keuangan "),
    nested brackets included, in one pass (an unclosed bracket takes the rest of the text out)."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                out.append(text[start:i])
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append(" ")
                start = i + 1
    if depth == 0:
        out.append(text[start:])
    return "".join(out)
