"""Near-duplicate texts without comparing all pairs.

Two statements (or indicator names) are *near-duplicates* when they differ only by what a typist
gets wrong: spelling slips ("Terselenggaranya" / "Terseleenggaranya"), spacing ("dokumenLaporan" /
"dokumen Laporan"), case, punctuation, function words ("dan" / "dengan"), known variant spellings
("Presentase" / "Persentase"), word order, or an abbreviation written out or not ("IKM" / "Indeks
Kepuasan Masyarakat (IKM)", text.yaml ``abbreviations``). Statements built on one template that name different
things ("Terfasilitasinya pengelolaan keuangan desa" / "Terfasilitasinya penyusunan peraturan desa")
are not: every word must be accounted for by an equal word or by a slip of it.

What a slip is (text.yaml ``slips``): two words of at least ``min_word_length`` letters (and at most
``SLIP_WORD_LIMIT``: a longer run of letters is a pasted blob, not a word), starting with the same
letter, without digits, that are one edit apart (two for words of ``long_word_length`` letters or
more; an edit inserts, deletes, replaces or swaps one letter), and that are not both
correctly spelled words (``words``: "pengadaan" / "pengaduan") nor listed as ``distinct`` ("siswa" /
"siswi"). Short words, numbers ("2022" / "2023", "I" / "II") and acronyms
("APBDes" / "RAPBDes") must match exactly.

Cost. ``NearDuplicateIndex.clusters`` never compares all pairs. It

1. reduces each text to canonical words (normalised, spelling variants fixed, function words dropped)
   and keeps one *variant* per distinct normalised text (exact duplicates are one variant);
2. finds slips between *words*, not texts: each distinct word of the whole vocabulary is indexed by
   its deletion neighbourhood (the word with one letter removed, or two for long words), so that two
   words one or two edits apart share a key; only words sharing a key are compared (the edit distance
   by rapidfuzz, in C), and words that are slips of each other are united (union-find) under one
   representative. The words and their slips are kept for the run (`_SlipIndex`): the statements and
   the indicators of a cascade share most of their words, which are compared once;
3. blocks variants by two keys: the sorted representatives of their words (equal for texts that
   differ by slips, word order, function words or spelling variants) and their compact canonical
   text (equal for texts that differ only by spacing); and, where a text holds an abbreviation, by
   the set of its words with every abbreviation spelled out (`expanded_words`);
4. verifies candidate pairs inside each block with `similarity` against the threshold, or by equal
   spelled-out words for a pair one of which holds an abbreviation (a block of k variants costs
   k^2/2 comparisons when small, 2k when large), and unites the variants that pass; two variants
   with the same words in another order, or whose words only run together differently, pass without
   their words being compared one by one.

`Containment` finds, among the texts of one family (the goals under one parent), texts whose spelled-out
words all stand in another's ("Musrenbang Desa" / "Musrenbang Desa / Kelurahan"), looking only at the
members holding each text's rarest word: no pair of a family is compared for nothing, and every family
is read in one pass.

Per-text results (normalised text, canonical words, content words) are remembered in the text
vocabulary's memo, so that the several rules reading one text in a run compute them once.

Many texts at once. `near_duplicate_clusters` gives what a NearDuplicateIndex of the texts gives, for all
of a cascade's distinct texts at once, in integer arrays (numpy): words numbered once, each text's words a
run of one flat array; the slip search's deletion keys are 64-bit hashes made from the letters' prefix
sums; blocks are runs of equal integer keys; the candidate pairs alike by construction (the same words
spelled out, run together or in another order) and those one or two words apart are judged at once, and
`similarity` is asked only about the few pairs left. `Containment` works on the same numbers. Hashes only
ever propose: what is equal is compared exactly, and a pair brought together by a collision is judged
like any other. tests/test_similarity_arrays.py holds each array path to the plain programme it replaces.

The cost is linear in the total number of words (times the size of a word's deletion neighbourhood)
plus the size of the blocks, which near-duplicates keep small. Clusters, not pairs, are returned: a
statement repeated with slips across thirty organisations is one cluster, not 435 pairs.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import operator
import sys
import weakref
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz.distance.OSA import distance as _osa_distance

from kinerja_graph.text import normalise, stems

if TYPE_CHECKING:
    import numpy as np
else:

    class _Numpy:
        """numpy, imported when first used (by near-duplicate's arrays): importing it costs 0.1 s of CPU, which
        every other command would pay at start-up."""

        def __getattr__(self, name: str):
            import numpy

            globals()["np"] = numpy
            return getattr(numpy, name)

    np = _Numpy()

# a block with more variants than this is verified against a chain, not pairwise
PAIRWISE_LIMIT = 40
# the most (word, length) pairs Containment marks in a table of booleans (one byte each) rather than sorting them
_TABLE_LIMIT = 1 << 25
# a deletion-neighbourhood bucket with more words than this is compared with its first words only
BUCKET_LIMIT = 64
# most words that may differ between two texts for them to still count as near-duplicates
DIFFERING_WORDS_LIMIT = 6
# longest word that may be a slip of another: a longer one (a URL, a pasted blob without spaces) must match
# exactly; it is never expanded into its deletion neighbourhood, which grows with the cube of its length
SLIP_WORD_LIMIT = 40


@dataclass(frozen=True)
class TextVocabulary:
    """rules/vocabulary/text.yaml, ready to use (see that file for what each part means)."""

    stop_words: frozenset = frozenset()
    spelling: dict = field(default_factory=dict)  # word -> tuple of words
    distinct: frozenset = frozenset()  # frozensets of two words
    lexicon: frozenset = frozenset()  # correctly spelled words: two of them are never slips of each other
    generic: frozenset = frozenset()  # single words; phrases are split into words
    synonyms: dict = field(default_factory=dict)  # word -> group number
    abbreviations: dict = field(default_factory=dict)  # word -> tuple of words
    division_markers: tuple = ()
    percentage_markers: tuple = ()
    method_words: frozenset = frozenset()
    polarity_ambiguous: frozenset = frozenset()
    organisation_kinds: dict = field(default_factory=dict)  # kind -> tuple of normalised phrases
    organisation_words: frozenset = frozenset()
    min_word_length: int = 5
    long_word_length: int = 9
    max_slips: int = 2
    # memo of per-text results (canonical words, count classes): texts repeat a lot in one run
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, data: dict | None) -> TextVocabulary:
        data = data or {}

        def words(items) -> frozenset:
            return frozenset(w for item in items or () for w in normalise(item).split())

        synonyms: dict = {}
        for number, group in enumerate(data.get("synonyms") or ()):
            for item in group:
                for w in normalise(item).split():
                    synonyms.setdefault(w, number)
        slips = data.get("slips") or {}
        return cls(
            stop_words=words(data.get("stop_words")),
            spelling={normalise(k): tuple(normalise(v).split()) for k, v in (data.get("spelling") or {}).items()},
            distinct=frozenset(frozenset(normalise(w) for w in pair) for pair in data.get("distinct") or ()),
            lexicon=words(data.get("words")),
            generic=words(data.get("generic")),
            synonyms=synonyms,
            abbreviations={
                normalise(k): tuple(normalise(v).split()) for k, v in (data.get("abbreviations") or {}).items()
            },
            division_markers=tuple(str(m).lower() for m in data.get("division_markers") or ()),
            percentage_markers=tuple(str(m).lower() for m in data.get("percentage_markers") or ()),
            method_words=words(data.get("method_words")),
            polarity_ambiguous=frozenset(normalise(w) for w in data.get("polarity_ambiguous") or ()),
            organisation_kinds={
                normalise(k): tuple(normalise(w) for w in v) for k, v in (data.get("organisation_kinds") or {}).items()
            },
            organisation_words=words(data.get("organisation_words")),
            min_word_length=int(slips.get("min_word_length", cls.min_word_length)),
            long_word_length=int(slips.get("long_word_length", cls.long_word_length)),
            max_slips=int(slips.get("max_slips", cls.max_slips)),
        )


_CACHE: dict[int, tuple[dict, TextVocabulary]] = {}
# per-text results are remembered (texts repeat a lot: standard wording, one formula on many rows);
# the memo is kept per cascade (see text_vocabulary); past this many entries it starts afresh anyway
CACHE_LIMIT = 2_000_000
_GRAPH_KEY = ("graph",)
# a plain ASCII text byte by byte: letters in lower case, digits kept, anything else a space
_ASCII_WORDS_ONLY = bytes(ord(c.lower()) if c.isascii() and c.isalnum() else 32 for c in map(chr, range(256)))


def _ascii_words(text: str) -> list[str]:
    """The runs of [a-z0-9] in a plain ASCII text, lower-cased: the words text.normalise keeps (a regex
    finds the same words, more slowly)."""
    return text.encode("ascii").translate(_ASCII_WORDS_ONLY).decode("ascii").split()


def remember(tv: TextVocabulary, key, value):
    cache = tv.cache
    if len(cache) >= CACHE_LIMIT:
        graph = cache.get(_GRAPH_KEY)
        cache.clear()
        if graph is not None:
            cache[_GRAPH_KEY] = graph
    cache[key] = value
    return value


def normalised(text: str | None, tv: TextVocabulary) -> str:
    """text.normalise(text), remembered; plain ASCII text (the usual case) takes a shortcut with the
    same result."""
    key = ("normalised", text)
    found = tv.cache.get(key)
    if found is None:
        if not text:
            found = ""
        elif text.isascii():
            found = " ".join(_ascii_words(text))
        else:
            found = normalise(text)
        remember(tv, key, found)
    return found


# the same table keeping NUL, which separates the texts normalised_texts reads as one
_ASCII_WORDS_AND_NUL = b"\0" + _ASCII_WORDS_ONLY[1:]


def normalised_texts(texts: Sequence, tv: TextVocabulary) -> list[str]:
    """normalised(text, tv) of each of `texts`, in order ("" for None or an empty text), many at once.

    A Pemda cascade holds 10^5 distinct statements and indicator names: read as one text, the plain ASCII
    ones (nearly all) cost three calls in all instead of a few each. These are not remembered in tv one by one;
    the last texts of each length are, as a whole: duplicate-statement and near-duplicate both normalise every
    distinct statement, which is done once."""
    key = ("normalised texts", len(texts))
    last = tv.cache.get(key)
    if last is not None and type(texts) is list and last[0] == texts:
        return list(last[1])
    found = _normalised_texts(texts, tv)
    remember(tv, key, (list(texts), found))
    return list(found)


def remembered_normalised_texts(texts: list, G) -> list[str] | None:
    """normalised_texts(texts, tv) as a rule checking the graph `G` left it in its text vocabulary's memo, found
    without normalising anything (duplicate-statement normalises the statement of every (kind, statement) group of
    the Index, which a SARIF log's fingerprints read again); None when no memo of `G` holds them. The list is the
    memo's own: read it, do not change it."""
    for _data, tv in list(_CACHE.values()):
        graph = tv.cache.get(_GRAPH_KEY)
        if graph is None or graph() is not G:
            continue
        last = tv.cache.get(("normalised texts", len(texts)))
        if last is not None and last[0] == texts:
            return last[1]
    return None


def _normalised_texts(texts: Sequence, tv: TextVocabulary) -> list[str]:
    # the usual case first: every text a string (or None, normalised as ""), all of them plain ASCII without
    # NUL, judged on the texts joined, not text by text
    whole: str | None
    try:
        whole = "\0".join(texts)
    except TypeError:  # a text that is not a string: None (a group without a statement), or another value
        try:
            whole = "\0".join(["" if t is None else t for t in texts])
        except TypeError:
            whole = None
    if whole is not None and whole.isascii() and whole.count("\0") == len(texts) - 1:
        return list(map(" ".join, map(str.split, _ascii_pieces(whole))))
    plain = [type(t) is str and t.isascii() and "\0" not in t for t in texts]
    ascii_texts = list(compress(texts, plain))
    out: list[str] = []
    if ascii_texts:
        out = list(map(" ".join, map(str.split, _ascii_pieces("\0".join(ascii_texts)))))
    if len(ascii_texts) == len(texts):  # the usual case
        return out
    words = iter(out)
    return [next(words) if p else normalised(t, tv) if t else "" for t, p in zip(texts, plain)]


def normalised_texts_split(texts: Sequence, tv: TextVocabulary) -> tuple[list[str], list[list[str]]]:
    """normalised_texts(texts, tv), remembered alike, with the words of each normalised text (its str.split):
    the normalised text is made from those words, so a caller that reads the words (words_of_normalised's
    `splits`) need not split them again."""
    plain = [type(t) is str and t.isascii() and "\0" not in t for t in texts]
    ascii_texts = list(compress(texts, plain))
    splits: list[list[str]] = list(map(str.split, _ascii_pieces("\0".join(ascii_texts)))) if ascii_texts else []
    if len(ascii_texts) != len(texts):
        words = iter(splits)
        splits = [next(words) if p else (normalised(t, tv) if t else "").split() for t, p in zip(texts, plain)]
    found = list(map(" ".join, splits))
    remember(tv, ("normalised texts", len(texts)), (list(texts), found))  # as normalised_texts() does
    return list(found), splits


def _ascii_pieces(whole: str) -> list[str]:
    """Plain ASCII texts joined by NUL, each made lower case with what is no letter or digit a blank, apart again."""
    return whole.encode("ascii").translate(_ASCII_WORDS_AND_NUL).decode("ascii").split("\0")


def text_vocabulary(vocabulary: Mapping, G=None) -> TextVocabulary:
    """The `text` vocabulary of a rule context (ctx.vocabulary), parsed once per pack.

    With the graph being checked (ctx.graph), the memo of per-text results is kept for that graph only:
    it is emptied when another graph comes, so it never holds more than one cascade's texts, and the
    several rules checking one cascade share it.
    """
    data = (vocabulary or {}).get("text") or {}
    cached = _CACHE.get(id(data))
    if cached is None or cached[0] is not data:
        cached = (data, TextVocabulary.from_data(data))
        _CACHE[id(data)] = cached
    tv = cached[1]
    if G is not None:
        current = tv.cache.get(_GRAPH_KEY)
        if current is None or current() is not G:
            tv.cache.clear()
            tv.cache[_GRAPH_KEY] = weakref.ref(G)
    return tv


def canonical_words(text: str | None, tv: TextVocabulary) -> list[str]:
    """Normalised words, variant spellings written the standard way, function words dropped."""
    return list(_canonical(text, tv))


def text_words(text: str | None, tv: TextVocabulary) -> tuple:
    """canonical_words(text), as the remembered tuple itself (shared: not to be changed)."""
    return _canonical(text, tv)


def text_words_many(texts: Sequence, tv: TextVocabulary) -> list[tuple]:
    """text_words(text, tv) of each of `texts`, many at once, remembered as text_words() remembers them: the
    remembered ones looked up, the others normalised together (normalised_texts) and read word by word through
    one table of their distinct words (in C); a text with a word spelled another way is read as text_words()
    reads it."""
    cache = tv.cache
    found: list = list(map(cache.get, zip(repeat("canonical"), texts)))
    missing = [i for i, words in enumerate(found) if words is None]
    if not missing:
        return found
    wanted = list(map(texts.__getitem__, missing))
    for i, words in zip(missing, words_of_normalised(wanted, normalised_texts(wanted, tv), tv)):
        found[i] = words
    return found


def words_of_normalised(
    texts: Sequence, norms: Sequence[str], tv: TextVocabulary, splits: list[list[str]] | None = None
) -> list[tuple]:
    """text_words(text, tv) of each text, its normalised form (normalised_texts) at hand: most texts need only
    their words split, function words dropped and each word replaced by its one shared string, word by word
    through one table of the distinct words (_words_read, in C); a text with a word spelled another way is read
    through the spelling table, and texts that are not all texts one by one as text_words() reads them.
    Remembered in tv as text_words() remembers them. `splits`: the words of each of `norms`, if at hand
    (normalised_texts_split)."""
    if not set(map(type, texts)) <= {str}:
        return [text_words(text, tv) for text in texts]
    made = _words_read(list(map(str.split, norms)) if splits is None else splits, tv)
    _remember_words(tv, texts, made)
    return made


def _remember_words(tv: TextVocabulary, texts: Sequence, words: Sequence) -> None:
    """Remember the canonical words of these texts (those that are texts) as text_words() remembers them, while
    the memo has room for them."""
    cache = tv.cache
    if len(cache) + len(texts) < CACHE_LIMIT:
        plain = [type(t) is str for t in texts]
        cache.update(zip(zip(repeat("canonical"), compress(texts, plain)), compress(words, plain)))


def _words_read(splits: list[list[str]], tv: TextVocabulary) -> list[tuple]:
    """The canonical words (_canonical) of texts already normalised and split: each distinct word looked up once
    (_WordTable, in C through map); a text holding a word spelled another way read through the spelling table."""
    table = _WordTable(tv.stop_words)
    made = list(map(tuple, map(filter, repeat(None), map(map, repeat(table.__getitem__), splits))))
    spelling, stop = tv.spelling, tv.stop_words
    if spelling:
        for k in compress(range(len(made)), map(operator.not_, map(spelling.keys().isdisjoint, splits))):
            made[k] = tuple(v for w in splits[k] for v in spelling.get(w, (w,)) if v not in stop)
    return made


class _WordTable(dict):
    """word -> its one shared string (sys.intern, as _canonical keeps words), or "" for a function word: worked
    out once per distinct word."""

    __slots__ = ("stop",)

    def __init__(self, stop: frozenset) -> None:
        super().__init__()
        self.stop = stop

    def __missing__(self, word: str) -> str:
        found = self[word] = "" if word in self.stop else sys.intern(word)
        return found


def _canonical(text: str | None, tv: TextVocabulary, norm: str | None = None) -> tuple:
    key = ("canonical", text)
    found = tv.cache.get(key)
    if found is None:
        spelling, stop = tv.spelling, tv.stop_words
        if norm is None:
            norm = tv.cache.get(("normalised", text))  # when another rule normalised the text already
        if norm is not None:
            words = norm.split()
        elif text and text.isascii():  # the words of text.normalise, without building the text
            words = _ascii_words(text)
        else:
            words = normalised(text, tv).split()
        if not spelling.keys().isdisjoint(words):
            words = [v for w in words for v in spelling.get(w, (w,))]
        if not stop.isdisjoint(words):
            words = [w for w in words if w not in stop]
        # one string per distinct word, shared by every text holding it: a cascade's vocabulary is small
        found = remember(tv, key, tuple(map(sys.intern, words)))
    return found


# ------------------------------------------------------------------------------------------------
# word-level slips


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (insert, delete, replace, swap neighbours), or limit+1 once it
    is certain to exceed `limit`.

    Computed by rapidfuzz in C (bit-parallel, stopping at the limit): the same numbers as the dynamic
    programme over the two words in Python it replaces (tests/test_similarity.py holds it to that
    programme on many word pairs), at a hundredth of the cost."""
    return _osa_distance(a, b, score_cutoff=limit)


def allowed_edits(a: str, b: str, tv: TextVocabulary) -> int:
    """How many edits may separate two words for one to be a slip of the other (0: must be equal)."""
    shorter = min(len(a), len(b))
    if shorter < tv.min_word_length or max(len(a), len(b)) > SLIP_WORD_LIMIT:
        return 0
    if a[0] != b[0] or any(map(str.isdigit, a)) or any(map(str.isdigit, b)):
        return 0
    if (a in tv.lexicon and b in tv.lexicon) or frozenset((a, b)) in tv.distinct:
        return 0
    return 2 if shorter >= tv.long_word_length else 1


def slip_distance(a: str, b: str, tv: TextVocabulary) -> int | None:
    """0 for equal words, the number of edits when one is a slip of the other, else None."""
    if a == b:
        return 0
    limit = allowed_edits(a, b, tv)
    if limit == 0:
        return None
    d = edit_distance(a, b, limit)
    return d if d <= limit else None


def deletion_keys(word: str, tv: TextVocabulary) -> set[str]:
    """The keys a word is indexed by to find its slips (its deletion neighbourhood); none for a word that
    cannot be a slip (too short, too long, or holding a digit)."""
    if not tv.min_word_length <= len(word) <= SLIP_WORD_LIMIT or any(c.isdigit() for c in word):
        return set()
    return _deletions(word, 2 if len(word) >= tv.long_word_length else 1)


def _deletions(word: str, depth: int) -> set[str]:
    if depth == 2:  # each pair of letters deleted once (the later one counted in the shortened word)
        n = len(word)
        ones = [word[:i] + word[i + 1 :] for i in range(n)]
        found = {word, *ones}
        found.update(one[:j] + one[j + 1 :] for i, one in enumerate(ones) for j in range(i, n - 1))
        return found
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def slip_representatives(words: Iterable[str], tv: TextVocabulary) -> dict[str, str]:
    """For each word, one representative shared by all words linked to it by slips: the first in sorting
    order of the words so linked.

    The slips between words are found once per run (the text vocabulary's memo keeps a _SlipIndex of every
    word asked about so far): the statements and the indicators of a cascade share most of their words. Once a
    deletion key is shared by more than BUCKET_LIMIT words, the slips are searched among these words alone
    (_SlipIndex.slips_among), each word of a crowded key compared with its first words only."""
    words = set(words)
    index = tv.cache.get(_SLIP_INDEX)
    if index is None:
        index = remember(tv, _SLIP_INDEX, _SlipIndex(tv))
    index.add(words)
    ordered = sorted(words)
    rank = np.full(len(index.words), -1, dtype=np.int64)
    rank[np.fromiter(map(index.numbers.__getitem__, ordered), dtype=np.int64, count=len(ordered))] = np.arange(
        len(ordered), dtype=np.int64
    )
    if index.crowded:
        first, second = index.slips_among(rank)
    else:
        first, second = rank[index.first], rank[index.second]
        among = (first >= 0) & (second >= 0)  # the slips between these words
        first, second = first[among], second[among]
    roots = _joined(len(ordered), first, second).tolist()  # the lowest rank: the first word
    return dict(zip(ordered, map(ordered.__getitem__, roots)))


_SLIP_INDEX = ("slip index",)


def forget_slips(tv: TextVocabulary) -> None:
    """Let go of the words and slips kept for the run (slip_representatives): about a hundred deletion keys
    per word, tens of megabytes at 10^5 goals, of no use once the texts are clustered."""
    tv.cache.pop(_SLIP_INDEX, None)


class _SlipIndex:
    """The slips between the words seen so far: each word is indexed by its deletion keys (deletion_keys), and
    compared once with every word sharing one of them (the pairs that are slips are kept as edges).

    With no key shared by more than BUCKET_LIMIT words, the slips among any set of these words are the edges
    between them: what slips_among finds among that set alone.

    In arrays (numpy): each deletion key is a 64-bit hash of the shortened word, worked out for all the words of
    one length at once from their letters' prefix sums; the (key, word) rows are sorted, and the pairs of words
    sharing a key are made from the runs of equal keys. Two keys hashed alike only make a pair compared for
    nothing (the edit distance decides)."""

    __slots__ = ("tv", "words", "numbers", "keys", "owners", "first", "second", "crowded")

    def __init__(self, tv: TextVocabulary) -> None:
        self.tv = tv
        self.words: list[str] = []  # every word seen, in the order numbered
        self.numbers: dict[str, int] = {}
        self.keys = np.zeros(0, dtype=np.uint64)  # the (key, word number) rows, sorted
        self.owners = np.zeros(0, dtype=np.int64)
        self.first = np.zeros(0, dtype=np.int64)  # the slips: (first[k], second[k]), word numbers
        self.second = np.zeros(0, dtype=np.int64)
        self.crowded = False

    @property
    def edges(self) -> list[tuple[str, str]]:
        """The slips found, as pairs of words."""
        words = self.words
        return [(words[a], words[b]) for a, b in zip(self.first.tolist(), self.second.tolist())]

    def add(self, words: set[str]) -> None:
        new = sorted(words.difference(self.numbers))
        if not new:
            return
        tv, base = self.tv, len(self.words)
        self.words += new
        self.numbers.update(zip(new, itertools.count(base)))
        keys, owners = _deletion_hashes(new, tv)
        keys = np.concatenate((self.keys, keys))
        owners = np.concatenate((self.owners, owners + base))
        # by key; a word's rows are consecutive, and stay so among the rows of one key
        order = np.argsort(keys, kind="stable")
        keys, owners = keys[order], owners[order]
        repeated = np.zeros(len(keys), dtype=bool)  # one word holding one key twice ("aab": either "a" deleted)
        repeated[1:] = (keys[1:] == keys[:-1]) & (owners[1:] == owners[:-1])
        keys, owners = keys[~repeated], owners[~repeated]
        self.keys, self.owners = keys, owners
        if self.crowded:  # slips_among answers from now on, per call: no need to compare
            return
        cuts = np.flatnonzero(keys[1:] != keys[:-1]) + 1
        starts = np.concatenate(([0], cuts))
        sizes = np.diff(np.concatenate((starts, [len(keys)])))
        if len(sizes) and sizes.max() > BUCKET_LIMIT:
            self.crowded = True
            return
        # the pairs of words sharing a key, one of them new
        bucket_of = np.repeat(np.arange(len(sizes)), sizes)
        fresh = np.bincount(bucket_of, weights=owners >= base, minlength=len(sizes)) > 0
        rows = np.flatnonzero(((sizes > 1) & fresh)[bucket_of])
        if not len(rows):
            return
        later = sizes[bucket_of[rows]] - 1 - (rows - starts[bucket_of[rows]])  # the rows after each in its bucket
        one = np.repeat(rows, later)
        other = one + 1 + np.arange(len(one)) - np.repeat(np.cumsum(later) - later, later)
        a, b = owners[one], owners[other]
        a, b = np.minimum(a, b), np.maximum(a, b)
        fresh_pairs = b >= base
        a, b = self._slips(a[fresh_pairs], b[fresh_pairs])
        self.first = np.concatenate((self.first, a))
        self.second = np.concatenate((self.second, b))

    def slips_among(self, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The slips among some of the words seen (those with rank[word number] >= 0, ranked in sorting order), as
        pairs of ranks, found among these words alone: each word compared with every later word (in sorting
        order) sharing one of its deletion keys, only the first two words of a key shared by more than
        BUCKET_LIMIT of these words with the others. Two keys hashed alike would be one key here (a 64-bit hash
        of each: not met in practice)."""
        mine = rank[self.owners]
        kept = mine >= 0
        keys, mine, owners = self.keys[kept], mine[kept], self.owners[kept]
        if not len(keys):
            return mine, mine
        # the rows are sorted by key already: by key (its run), then by rank
        runs = _run_starts(keys)
        starts = np.flatnonzero(runs)
        bucket = np.cumsum(runs) - 1
        order = lex_order(bucket, mine)
        mine, owners = mine[order], owners[order]
        sizes = np.diff(np.append(starts, len(keys)))
        place = np.arange(len(keys)) - starts[bucket]
        size = sizes[bucket]
        # each row paired with the later rows of its key: every row of a key of at most BUCKET_LIMIT words, the
        # first two rows of a larger one
        later = np.where((size <= BUCKET_LIMIT) | (place < 2), size - 1 - place, 0)
        one = np.repeat(np.arange(len(keys)), later)
        other = one + 1 + np.arange(len(one)) - np.repeat(np.cumsum(later) - later, later)
        a, b = self._slips(owners[one], owners[other])
        return rank[a], rank[b]

    def _slips(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The pairs of words (a[k], b[k]) (numbers, both with deletion keys) that are slips of each other
        (slip_distance), each once."""
        # what allowed_edits asks of two words that may be slips (both are 5 to SLIP_WORD_LIMIT letters without a
        # digit, having deletion keys): the same first letter, not both correctly spelled, not `distinct`
        tv, count = self.tv, len(self.words)
        firsts = np.fromiter((ord(w[0]) if w else -1 for w in self.words), dtype=np.int64, count=count)
        lengths = np.fromiter(map(len, self.words), dtype=np.int64, count=count)
        known = np.fromiter(map(tv.lexicon.__contains__, self.words), dtype=bool, count=count)
        a, b = np.minimum(a, b), np.maximum(a, b)
        fits = (firsts[a] == firsts[b]) & (np.abs(lengths[a] - lengths[b]) <= 2) & ~(known[a] & known[b])
        pairs = sorted_distinct(a[fits] * count + b[fits])  # a pair sharing several keys, once
        a, b = pairs // count, pairs % count
        if tv.distinct:
            apart = _distinct_pairs(self.words, a, b, tv)
            a, b = a[~apart], b[~apart]
        left = list(map(self.words.__getitem__, a.tolist()))
        right = list(map(self.words.__getitem__, b.tolist()))
        limit = np.where(np.minimum(lengths[a], lengths[b]) >= tv.long_word_length, 2, 1)
        distance = np.fromiter(
            map(functools.partial(_osa_distance, score_cutoff=2), left, right), dtype=np.int64, count=len(left)
        )
        slips = distance <= limit
        return a[slips], b[slips]


# the hash of a word's letters c_0 ... c_(n-1): sum of (c_t + 1) * P^t, plus n * Q (mod 2^64); deleting letter i
# shifts the letters after it one place down, a multiple of P's inverse
_P = 0x100000001B3
_P_INVERSE = pow(_P, -1, 2**64)
_Q = 0x9E3779B97F4A7C15


def _deletion_hashes(words: list[str], tv: TextVocabulary) -> tuple[np.ndarray, np.ndarray]:
    """(keys, owners): a hash of each deletion key of each word (deletion_keys: the word, and the word with one
    letter deleted, or one or two for long words) and the word's number in `words`, for all the words at once,
    length by length. A key may come twice for one word (a doubled letter)."""
    keys: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    by_length: dict[int, list[int]] = defaultdict(list)
    low = tv.min_word_length
    for k, w in enumerate(words):
        if low <= len(w) <= SLIP_WORD_LIMIT and not any(map(str.isdigit, w)):
            by_length[len(w)].append(k)
    inverse, inverse2 = np.uint64(_P_INVERSE), np.uint64(pow(_P_INVERSE, 2, 2**64))
    for n, numbers in by_length.items():
        letters = np.array([list(map(ord, words[k])) for k in numbers], dtype=np.uint64).reshape(len(numbers), n)
        powers = np.array([pow(_P, t, 2**64) for t in range(n)], dtype=np.uint64)
        sums = np.zeros((len(numbers), n + 1), dtype=np.uint64)
        np.cumsum((letters + np.uint64(1)) * powers, axis=1, out=sums[:, 1:])
        whole = sums[:, n]
        found = [whole[:, None] + np.uint64(n * _Q % 2**64)]
        # one letter deleted
        i = np.arange(n)
        found.append(sums[:, i] + (whole[:, None] - sums[:, i + 1]) * inverse + np.uint64((n - 1) * _Q % 2**64))
        if n >= tv.long_word_length:  # two letters deleted, i < j
            i, j = np.triu_indices(n, 1)
            found.append(
                sums[:, i]
                + (sums[:, j] - sums[:, i + 1]) * inverse
                + (whole[:, None] - sums[:, j + 1]) * inverse2
                + np.uint64((n - 2) * _Q % 2**64)
            )
        block = np.concatenate(found, axis=1)
        keys.append(block.ravel())
        owners.append(np.repeat(np.array(numbers, dtype=np.int64), block.shape[1]))
    if not keys:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.concatenate(keys), np.concatenate(owners)


# ------------------------------------------------------------------------------------------------
# text-level comparison


def similarity(a: Sequence[str], b: Sequence[str], tv: TextVocabulary) -> float | None:
    """How alike two texts' canonical words are (1.0: the same words), when every word of one is an
    equal word or a slip of a word of the other (at most ``max_slips`` slipped words); None when they
    differ by more than that.

    Word order does not count. Texts whose words only run together differently ("dokumenLaporan" /
    "dokumen Laporan") are equal; a word more or less makes a different text.
    """
    if a == b:
        return 1.0
    ja, jb = "".join(a), "".join(b)
    if ja == jb:
        return 1.0
    if len(a) != len(b):  # a word more or less is a different text, unless only spacing differs (above)
        return None
    max_slips = tv.max_slips
    if abs(len(ja) - len(jb)) > 2 * max_slips:  # more letters than slips can add
        return None
    set_b = set(b)
    missing = [w for w in a if w not in set_b]
    if len(missing) > max_slips:
        return None
    set_a = set(a)
    if len(set_a) == len(a) and len(set_b) == len(b):  # no word written twice (the usual text): sets will do
        if not missing:  # as many distinct words, all of them in b: the same words
            return 1.0
        left, right = sorted(missing), sorted(set_b - set_a)
    else:
        rest = list(b)  # the words of b not matched yet by a word of a (a few words: a list will do)
        left = []
        for w in a:
            if w in rest:
                rest.remove(w)
            else:
                left.append(w)
        if not left:  # the same words, some written twice
            return 1.0
        left.sort()
        right = sorted(rest)
    longest = max(len(ja), len(jb)) or 1
    if len(left) > min(max_slips, DIFFERING_WORDS_LIMIT):
        return None
    if len(left) == 1:  # one word apart (the usual slip): no pairing to choose
        d = slip_distance(left[0], right[0], tv)
        return None if d is None else 1.0 - d / longest
    best: int | None = None
    for perm in itertools.permutations(right):
        total = 0
        for x, y in zip(left, perm, strict=False):
            d = slip_distance(x, y, tv)
            if d is None:
                break
            total += d
        else:
            if best is None or total < best:
                best = total
    if best is None:
        return None
    return 1.0 - best / longest


def near_equal(a: str | None, b: str | None, tv: TextVocabulary, threshold: float) -> bool:
    """Are two texts equal up to case, spacing, punctuation, function words, spelling and slips?"""
    sa, sb = text_shape(a, tv), text_shape(b, tv)
    if sa[0] == sb[0]:  # also when the normalised texts are equal: canonical words derive from them
        return True
    if not may_be_near(sa, sb, tv):
        return False
    score = similarity(list(sa[1]), list(sb[1]), tv)
    return score is not None and score >= threshold


def text_shape(text: str | None, tv: TextVocabulary) -> tuple[str, tuple, frozenset]:
    """(canonical words run together, canonical words, the set of them) of a text, remembered: what
    near_equal compares first."""
    key = ("shape", text)
    found = tv.cache.get(key)
    if found is None:
        words = _canonical(text, tv)
        found = remember(tv, key, ("".join(words), words, frozenset(words)))
    return found


def may_be_near(a: tuple, b: tuple, tv: TextVocabulary) -> bool:
    """False when texts of these shapes (text_shape) cannot be near_equal: equal texts aside, they need as
    many words, about as many letters, and at most max_slips words of one missing from the other (as
    similarity counts them, a word written twice missing twice). A test that costs next to nothing, for
    pairs by the thousand."""
    if a[0] == b[0]:
        return True
    return (
        len(a[1]) == len(b[1]) and abs(len(a[0]) - len(b[0])) <= 2 * tv.max_slips and len(a[2] - b[2]) <= tv.max_slips
    )


# ------------------------------------------------------------------------------------------------
# the index


def expanded_words(words: tuple, tv: TextVocabulary) -> frozenset:
    """A text's canonical words (text_words) as a set, with every abbreviation of text.yaml `abbreviations`
    spelled out instead ("IKM" and "Indeks Kepuasan Masyarakat (IKM)" both give {indeks, kepuasan,
    masyarakat}), remembered per words."""
    key = ("expanded", words)
    found = tv.cache.get(key)
    if found is None:
        abbreviations, stop = tv.abbreviations, tv.stop_words
        if abbreviations.keys().isdisjoint(words):
            found = frozenset(words)
        else:
            found = frozenset(v for w in words for v in abbreviations.get(w, (w,)) if v not in stop)
        remember(tv, key, found)
    return found


def expanded_words_many(texts_words: Sequence[tuple], tv: TextVocabulary) -> list[frozenset]:
    """expanded_words(words, tv) of each of these texts' canonical words, many at once: each distinct word's
    spelled-out words worked out once (_Expansions), each text's set made from them in C. Not remembered: that
    costs more than making them again."""
    abbreviations = tv.abbreviations.keys()
    table = _Expansions(tv)
    return [
        frozenset(itertools.chain.from_iterable(map(table.__getitem__, words)))
        if not abbreviations.isdisjoint(words)
        else frozenset(words)
        for words in texts_words
    ]


class _Expansions(dict):
    """word -> its spelled-out words (text.yaml `abbreviations`; the word itself if it is none), function words
    dropped, as expanded_words spells a text out: worked out once per distinct word."""

    __slots__ = ("tv",)

    def __init__(self, tv: TextVocabulary) -> None:
        super().__init__()
        self.tv = tv

    def __missing__(self, word: str) -> tuple:
        stop = self.tv.stop_words
        found = self[word] = tuple(v for v in self.tv.abbreviations.get(word, (word,)) if v not in stop)
        return found


def has_abbreviation(words: tuple, tv: TextVocabulary) -> bool:
    return not tv.abbreviations.keys().isdisjoint(words)


_F = TypeVar("_F", bound=Hashable)  # a family's key
_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)


class Containment:
    """Which texts stand whole in another text of the same family (the texts under one parent): every word of
    the one, spelled out (`expanded_words`), among the words of the other, which adds at most `max_extra`
    words; texts of fewer than `min_words` words contain nothing worth saying.

    word_sets  the words of each distinct text, by number (the distinct texts of the whole cascade)

    Built once per cascade, from the distinct texts only: each text's *signature* is its rarest word over
    them, which any text containing it must hold too; a text `may_be_contained` when some text of a fitting
    length holds its signature, and each text keeps the signatures of shorter texts it holds. `within` then
    reads every family at once, in one pass over its (family, text) entries: it looks, for each text that
    may be contained, only at the members of its family holding its signature (at most `limit`) — never at
    the pairs of a family — and a cascade where no text may be contained costs nothing more.

    Everything is worked out in integer arrays (numpy): each distinct word is a number (in sorting order), the
    texts' words one flat array cut by offsets; (family, word) and (text, word) pairs are single integers, joined
    by sorting and binary search, and each candidate pair's subset test is a count of its matched words.
    """

    def __init__(self, word_sets: list[frozenset], *, min_words: int, max_extra: int, limit: int = 64) -> None:
        every = list(itertools.chain.from_iterable(word_sets))
        vocabulary = sorted(set(every))
        numbers = dict(zip(vocabulary, itertools.count()))
        flat = np.fromiter(map(numbers.__getitem__, every), dtype=np.int64, count=len(every))
        sizes = np.fromiter(map(len, word_sets), dtype=np.int64, count=len(word_sets))
        self._word_sets: list[frozenset] | None = word_sets
        self._build(vocabulary, flat, sizes, min_words, max_extra, limit)

    @classmethod
    def of_arrays(
        cls,
        vocabulary: list[str],
        flat: np.ndarray,
        sizes: np.ndarray,
        *,
        min_words: int,
        max_extra: int,
        limit: int = 64,
    ) -> Containment:
        """Containment of the texts whose words are given as numbers: vocabulary in sorting order, each text's
        distinct words as numbers in it (flat, one text after another, sizes[i] of text i)."""
        self = cls.__new__(cls)
        self._word_sets = None
        self._build(
            vocabulary, np.asarray(flat, dtype=np.int64), np.asarray(sizes, dtype=np.int64), min_words, max_extra, limit
        )
        return self

    @property
    def word_sets(self) -> list[frozenset]:
        """The words of each text, as sets."""
        if self._word_sets is None:
            words, flat, starts = self._vocabulary, self._flat.tolist(), self._starts.tolist()
            self._word_sets = [frozenset(words[w] for w in flat[a:b]) for a, b in zip(starts, starts[1:])]
        return self._word_sets

    def _build(
        self, vocabulary: list[str], flat: np.ndarray, sizes: np.ndarray, min_words: int, max_extra: int, limit: int
    ) -> None:
        self.max_extra = max_extra
        self.limit = limit
        count = len(sizes)
        owner = np.repeat(np.arange(count, dtype=np.int64), sizes)
        starts = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(sizes, out=starts[1:])
        width = len(vocabulary)
        # each word's rank by (frequency, word): a text's signature is its word of the lowest rank
        frequency = np.bincount(flat, minlength=width)
        ranked = np.lexsort((np.arange(width), frequency))
        rank = np.empty(width, dtype=np.int64)
        rank[ranked] = np.arange(width)
        signature = np.full(count, -1, dtype=np.int64)
        filled = sizes > 0
        if filled.any():
            lowest = np.minimum.reduceat(rank[flat], starts[:-1][filled])
            signature[filled] = ranked[lowest]
        signature[sizes < min_words] = -1
        # (word, length of a text holding it) as one number, for every word of every text
        span = int(sizes.max(initial=0)) + max_extra + 1
        posted = flat * span + sizes[owner]
        signed = signature >= 0
        maybe = np.zeros(count, dtype=bool)
        # (word, length) of a text holding the signature of a shorter text that may stand in it: the keys below
        longer = [signature * span + sizes + d for d in range(1, max_extra + 1)]
        if 0 < width * span <= _TABLE_LIMIT:  # as a table of every (word, length)
            table = np.zeros(width * span, dtype=bool)
            table[posted] = True
            for keys in longer:
                maybe |= table[np.where(signed, keys, 0)]
            maybe &= signed
            table[:] = False
            for keys in longer:
                table[keys[maybe]] = True
            held = table[posted]
        else:  # as sorted keys
            held_at = sorted_distinct(posted)
            for keys in longer:
                maybe |= _among(held_at, keys)
            maybe &= signed
            holding = sorted_distinct(np.concatenate([keys[maybe] for keys in longer] or [posted[:0]]))
            held = _among(holding, posted)
        # the signatures of shorter texts each text holds (what it may contain), as a flat array cut by offsets
        self._held = flat[held]
        self._held_count = np.bincount(owner[held], minlength=count)
        self._held_start = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(self._held_count, out=self._held_start[1:])
        self._vocabulary = vocabulary
        self._flat, self._starts, self._sizes, self._owner, self._width = flat, starts, sizes, owner, width
        self._signature, self._maybe = signature, maybe
        named = np.array([*vocabulary, None], dtype=object)
        self.signature: list[str | None] = named[signature].tolist()  # -1: the last, None
        self.may_be_contained: list[bool] = maybe.tolist()
        # a text that may stand in another, or that holds the signature of a shorter text: what `within` reads
        # first (every relevant text is one; see within); as an array and as a list
        self.is_candidate: np.ndarray = maybe | (self._held_count > 0)
        self.candidates: list[bool] = self.is_candidate.tolist()
        self._relevant: list[bool] | None = None

    @property
    def holds(self) -> list[tuple[str, ...]]:
        """The signatures of shorter texts each text holds (the words, by text number)."""
        words, flat, starts = self._vocabulary, self._held.tolist(), self._held_start.tolist()
        return [tuple(words[w] for w in flat[a:b]) for a, b in zip(starts, starts[1:])]

    @property
    def relevant(self) -> list[bool]:
        """Whether each text stands whole in another text anywhere in the cascade, or holds one that does (see
        _involved); worked out when first asked for."""
        if self._relevant is None:
            self._relevant = self._involved(self.limit * 4, np.arange(len(self._sizes))).tolist()
        return self._relevant

    def _involved(self, cap: int, texts: np.ndarray) -> np.ndarray:
        """Whether each of `texts` stands whole in another text anywhere in the cascade, or holds one that does
        (a boolean array over all texts, meaningful at `texts`): the only texts `within` needs to read. A text's
        signature held by more than `cap` texts is not checked: the text and every holder count as involved.
        Each of `texts` is tested, all at once, against the texts a little longer holding its signature and
        against the texts a little shorter whose signature it holds."""
        count, width, sizes, extra = len(self._sizes), self._width, self._sizes, self.max_extra
        involved = np.zeros(count, dtype=bool)
        maybe = np.flatnonzero(self._maybe)
        if not len(maybe):
            return involved
        mine = np.zeros(count, dtype=bool)
        mine[texts] = True
        # the signatures held by more than `cap` texts: their texts and every holder are in
        held_owner = np.repeat(np.arange(count, dtype=np.int64), self._held_count)
        held_word = self._held
        signature = self._signature[maybe]
        crowded = np.bincount(held_word, minlength=width)[signature] > cap
        involved[maybe[crowded]] = True
        crowded_words = np.zeros(width, dtype=bool)
        crowded_words[signature[crowded]] = True
        involved[held_owner[crowded_words[held_word]]] = True
        maybe, signature = maybe[~crowded], signature[~crowded]
        span = int(sizes.max(initial=0)) + extra + 1
        # each of `texts` that may stand in another, against the texts 1 to max_extra words longer holding its
        # signature
        posted = held_word * span + sizes[held_owner]
        order = stable_order(posted)
        posted, posted_owner = posted[order], held_owner[order]
        asking = mine[maybe]
        wanted = signature[asking] * span + sizes[maybe[asking]]
        low = sorted_search(posted, wanted + 1, "left")
        pairs, at = spread_ranges(low, sorted_search(posted, wanted + extra, "right") - low)
        inner, outer = [maybe[asking][pairs]], [posted_owner[at]]
        # each of `texts`, against the texts 1 to max_extra words shorter whose signature it holds
        signed = signature * span + sizes[maybe]
        order = stable_order(signed)
        signed, signed_text = signed[order], maybe[order]
        holding = mine[held_owner] & ~crowded_words[held_word]
        wanted = held_word[holding] * span + sizes[held_owner[holding]]
        low = sorted_search(signed, wanted - extra, "left")
        pairs, at = spread_ranges(low, sorted_search(signed, wanted - 1, "right") - low)
        inner.append(signed_text[at])
        outer.append(held_owner[holding][pairs])
        inner_all, outer_all = np.concatenate(inner), np.concatenate(outer)
        inside = self._subsets(inner_all, outer_all)
        involved[inner_all[inside]] = involved[outer_all[inside]] = True
        return involved

    def _subsets(self, inner: np.ndarray, outer: np.ndarray) -> np.ndarray:
        """Whether every word of text inner[k] is a word of text outer[k], for each k: the pairs of texts of the same
        sizes compared at once, each word of the one with each of the other (_word_matches)."""
        flat, starts, sizes = self._flat, self._starts, self._sizes
        found = np.zeros(len(inner), dtype=bool)
        for rows, s, t in _by_sizes(sizes[inner], sizes[outer]):
            matches = _word_matches(flat, starts[inner[rows]], s, starts[outer[rows]], t)
            found[rows] = np.all(np.any(matches, axis=2), axis=1)
        return found

    def __bool__(self) -> bool:
        """Whether any text may stand whole in another at all."""
        return bool(self._maybe.any())

    def within(self, entries: Iterable[tuple[_F, int]]) -> list[tuple[_F, int, list[int]]]:
        """(family, i, [j, ...]) for each text i standing whole in texts j of the same family. entries: (family
        key, text number) pairs, in document order (repeats are read once); the containing texts j in the order
        of their first entry, at most `limit` looked at per text: the first `limit` of the family's `relevant`
        texts holding i's signature.

        The entries of the `candidates` are read first, without working out which texts are relevant: a text
        that is not stands in no text and holds none that stands in it within the length allowed, so it adds
        nothing to what is found unless it pushes a relevant text past the first `limit`. Where a family holds
        more than `limit` candidates with one signature, the entries of the relevant texts are read instead."""
        if not self:
            return []
        codes: dict = {}
        families, numbers = [], []
        for family, number in entries:
            families.append(codes.setdefault(family, len(codes)))
            numbers.append(number)
        keys = list(codes)
        found = self.within_arrays(np.array(families, dtype=np.int64), np.array(numbers, dtype=np.int64))
        return [(keys[family], number, inside) for family, number, inside in found]

    def within_arrays(self, families: np.ndarray, numbers: np.ndarray) -> list[tuple[int, int, list[int]]]:
        """within() of the entries (families[k], numbers[k]), the families numbered (0 or more)."""
        found_families, found_numbers, holders, at = self.within_columns(families, numbers)
        inside = holders.tolist()
        bounds = at.tolist()
        return [
            (family, number, inside[a:b])
            for family, number, a, b in zip(found_families.tolist(), found_numbers.tolist(), bounds, bounds[1:])
        ]

    def within_columns(
        self, families: np.ndarray, numbers: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """within_arrays() as columns (families, numbers, holders, at): the k-th text found is numbers[k] of family
        families[k], the texts containing it holders[at[k] : at[k + 1]]."""
        if not self or not len(numbers):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty, np.zeros(1, dtype=np.int64)
        families = np.asarray(families, dtype=np.int64)
        numbers = np.asarray(numbers, dtype=np.int64)
        # the entries in order of their first occurrence, each once
        keys = families * len(self._sizes) + numbers
        order = stable_order(keys)
        first = np.sort(order[_run_starts(keys[order])])
        families, numbers = families[first], numbers[first]
        return self._within(families, numbers)

    def _within(
        self, families: np.ndarray, numbers: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """within_columns() reading the entries of the candidates: where a family holds more than `limit` of them with
        the signature of a text, only the relevant ones among these (_involved) are looked at, the first `limit`."""
        read = self.is_candidate[numbers]
        families, numbers = families[read], numbers[read]
        sizes = self._sizes
        # the (family, word) holdings: each entry once per signature its text holds, in entry order
        rows, held = spread_ranges(self._held_start[numbers], self._held_count[numbers])
        held_keys = families[rows] * self._width + self._held[held]
        order = stable_order(held_keys)
        held_keys, holders = held_keys[order], numbers[rows[order]]
        # each entry that may be contained looks up the holders of its signature in its family
        asking = np.flatnonzero(self._maybe[numbers])
        wanted = families[asking] * self._width + self._signature[numbers[asking]]
        low, high = sorted_ranges(held_keys, wanted)
        counts = high - low
        pairs, at = spread_ranges(low, counts)
        asked, holder = asking[pairs], holders[at]
        over = counts > self.limit
        if over.any():  # there, the first `limit` relevant holders only
            crowd = over[pairs]
            relevant = self._involved(self.limit * 4, sorted_distinct(holder[crowd]))[holder]
            taken = np.cumsum(crowd & relevant)
            before = np.concatenate(([0], taken))[(np.cumsum(counts) - counts)[pairs]]
            kept = ~crowd | (relevant & (taken - before <= self.limit))
            asked, holder = asked[kept], holder[kept]
        # a holder longer by 1 to max_extra words, holding every word of the text asking (a proper subset)
        inner, outer = sizes[numbers[asked]], sizes[holder]
        fits = (outer > inner) & (outer <= inner + self.max_extra)
        asked, holder, inner = asked[fits], holder[fits], inner[fits]
        inside = self._subsets(numbers[asked], holder)
        asked, holder = asked[inside], holder[inside]
        starts = np.flatnonzero(_run_starts(asked))
        heads = asked[starts]
        return families[heads], numbers[heads], holder, np.append(starts, len(asked))


def sorted_search(ordered: np.ndarray, keys: np.ndarray, side: str = "left") -> np.ndarray:
    """np.searchsorted(ordered, keys, side), the keys looked up in their own sorted order. Where `ordered` is larger
    than the processor's caches, binary searches in random order miss the cache at nearly every step, and in sorted
    order they walk the array forwards: for 3·10^6 keys in 5·10^6, six times faster, the sort of the keys
    included."""
    order = _packed_order(keys)
    if order is None:
        order = np.argsort(keys)
    found = np.empty(len(keys), dtype=np.int64)
    found[order] = np.searchsorted(ordered, keys[order], side=side)  # type: ignore[call-overload]
    return found


def sorted_ranges(ordered: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(low, high): where each of `keys` starts and ends in `ordered` (np.searchsorted, left and right), the keys
    sorted once for both (sorted_search)."""
    order = _packed_order(keys)
    if order is None:
        order = np.argsort(keys)
    ordered_keys = keys[order]
    low = np.empty(len(keys), dtype=np.int64)
    high = np.empty(len(keys), dtype=np.int64)
    low[order] = np.searchsorted(ordered, ordered_keys, side="left")
    high[order] = np.searchsorted(ordered, ordered_keys, side="right")
    return low, high


def _among(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Whether each of `keys` is in `sorted_keys` (sorted), as a boolean array."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = sorted_search(sorted_keys, keys)
    at[at == len(sorted_keys)] = 0
    return sorted_keys[at] == keys


def spread_ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ranges [starts[k], starts[k] + counts[k]): (k, position) for every position of every range, in order."""
    total = int(counts.sum())
    rows = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    if not total:
        return rows, rows
    offsets = np.cumsum(counts) - counts
    return rows, np.arange(total, dtype=np.int64) - offsets[rows] + starts[rows]


class _Variant:
    __slots__ = ("words", "block", "items")

    def __init__(self, words: tuple, block: Hashable) -> None:
        self.words = words
        self.block = block
        self.items: list = []


class NearDuplicateIndex:
    """Texts added with a key (a node id, or (node id, indicator number)) and an optional block
    (texts in different blocks are never compared). `clusters()` gives the groups of near-duplicate
    texts that are not all exactly equal, each as a list of (key, text) in the order added."""

    def __init__(self, tv: TextVocabulary, threshold: float) -> None:
        self.tv = tv
        self.threshold = threshold
        self._variants: dict[tuple, _Variant] = {}
        self._order: list[tuple] = []

    def add(self, key: Hashable, text: str | None, block: Hashable = None) -> None:
        norm = normalised(text, self.tv)
        if not norm:
            return
        vid = (block, norm)
        variant = self._variants.get(vid)
        if variant is None:
            variant = _Variant(_canonical(text, self.tv, norm), block)
            self._variants[vid] = variant
            self._order.append(vid)
        variant.items.append((key, text))

    def __len__(self) -> int:
        return sum(len(v.items) for v in self._variants.values())

    def clusters(self) -> list[list[tuple]]:
        variants = [self._variants[vid] for vid in self._order]
        return [[item for i in members for item in variants[i].items] for members in self._groups(variants)]

    def variant_clusters(self) -> list[list[list]]:
        """clusters(), each cluster as its variants (texts equal once normalised), each the keys of its texts in
        the order added."""
        variants = [self._variants[vid] for vid in self._order]
        return [[[key for key, _ in variants[i].items] for i in members] for members in self._groups(variants)]

    def _groups(self, variants: list[_Variant]) -> list[list[int]]:
        """The clusters, as the numbers of their variants (in order), clusters in order of their first variant."""
        tv = self.tv
        threshold = self.threshold
        reps = slip_representatives(set().union(*(v.words for v in variants)), tv)
        rep = reps.__getitem__
        # keys are hashed: equal keys always meet; the rare hash collision only adds a candidate pair,
        # which the verification below rejects
        blocks: dict[int, list[int]] = defaultdict(list)
        # texts holding an abbreviation meet the texts that spell it out by their spelled-out words
        abbreviated = [has_abbreviation(v.words, tv) for v in variants]
        spelled = [expanded_words(v.words, tv) if a else None for v, a in zip(variants, abbreviated)]
        spelled_keys = {hash(("a", v.block, tuple(sorted(e)))) for v, e in zip(variants, spelled) if e}
        joined = ["".join(v.words) for v in variants]
        for i, variant in enumerate(variants):
            words = variant.words
            if not words:
                continue
            blocks[hash(("w", variant.block, tuple(sorted(map(rep, words)))))].append(i)
            blocks[hash(("c", variant.block, joined[i]))].append(i)
            if spelled_keys:
                spelled_out = spelled[i]
                if spelled_out is None:
                    key = hash(("a", variant.block, tuple(sorted(set(words)))))
                    if key in spelled_keys:  # a text that spells out what another abbreviates
                        spelled[i] = frozenset(words)
                        blocks[key].append(i)
                elif spelled_out:
                    blocks[hash(("a", variant.block, tuple(sorted(spelled_out))))].append(i)
        # union-find over the variants' numbers
        parent = list(range(len(variants)))

        def find(x: int) -> int:
            root = x
            while parent[root] != root:
                root = parent[root]
            while parent[x] != root:
                parent[x], x = root, parent[x]
            return root

        # texts with the same words in another order, or whose words only run together differently, are
        # alike (similarity 1.0) without looking at their words one by one
        alike = threshold <= 1.0
        ordered: list[tuple | None] = [None] * len(variants)
        linked = []
        for members in blocks.values():
            if len(members) < 2:
                continue
            pairs: Iterable[tuple[int, int]]
            if len(members) <= PAIRWISE_LIMIT:
                pairs = itertools.combinations(members, 2)
            else:  # a large block: each variant against the first and against its predecessor
                pairs = itertools.chain(
                    ((members[0], m) for m in members[1:]), zip(members[1:], members[2:], strict=False)
                )
            for i, j in pairs:
                ri, rj = parent[i], parent[j]  # a root, or next to it, mostly: find() only when not
                if parent[ri] != ri:
                    ri = find(ri)
                if parent[rj] != rj:
                    rj = find(rj)
                if ri == rj:
                    continue
                a, b = variants[i], variants[j]
                if a.block != b.block:
                    continue
                if (abbreviated[i] or abbreviated[j]) and spelled[i] is not None and spelled[i] == spelled[j]:
                    pass  # the same words once the abbreviation is spelled out
                elif alike and joined[i] == joined[j]:
                    pass
                else:
                    oi, oj = ordered[i], ordered[j]
                    if oi is None:
                        oi = ordered[i] = tuple(sorted(a.words))
                    if oj is None:
                        oj = ordered[j] = tuple(sorted(b.words))
                    if not (alike and oi == oj):
                        score = similarity(a.words, b.words, tv)
                        if score is None or score < threshold:
                            continue
                parent[rj] = ri
                linked.append(i)
                linked.append(j)
        groups: dict[int, list[int]] = {}
        for i in sorted(set(linked)):
            root = find(i)
            found = groups.get(root)
            if found is None:
                groups[root] = [i]
            else:
                found.append(i)
        return [members for members in groups.values() if len(members) > 1]


# ------------------------------------------------------------------------------------------------
# many texts at once


@dataclass
class TextClusters:
    """near_duplicate_clusters(): the clusters, and each text's canonical words (text_words: `words`, made when asked
    from its variant's); and, for spelled_out(), the texts' variants (variant_of[text], -1 for none), each variant's canonical words, the distinct
    canonical words (vocabulary, in sorting order) and each variant's words as numbers in it (flat). What the
    clustering worked out that spelled_out() needs too, when it did (_variant_groups): each variant's distinct words
    (rows of variant, word number, by variant then word), and the variants writing an abbreviation with their
    expanded_words(). clustered: the clusters' texts as arrays (texts, sizes): the texts of every variant of every
    cluster, variant after variant in cluster order, each variant's in order; sizes[v] of the v-th variant so listed.
    """

    clusters: list[list[list[int]]]
    variant_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    variant_words: list[tuple] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    flat: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    distinct: tuple[np.ndarray, np.ndarray] | None = None
    abbreviated: tuple[np.ndarray, list[frozenset]] | None = None
    clustered: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def words(self) -> list[tuple]:
        """Each text's canonical words (text_words), () for none: its variant's (a list of 10^6 at 10^6 goals that
        the rule itself does not read)."""
        by_text = [*self.variant_words, ()]  # -1: no text
        return list(map(by_text.__getitem__, self.variant_of.tolist()))

    def spelled_out(self, tv: TextVocabulary) -> tuple[list[str], np.ndarray, np.ndarray]:
        """(vocabulary, flat, sizes): each text's expanded_words() as numbers in `vocabulary` (sorting order), the
        distinct words of text i at flat[sum(sizes[:i]) : sum(sizes[: i + 1])] — what Containment.of_arrays reads."""
        words, vocabulary = self.variant_words, self.vocabulary
        count, width = len(words), max(len(vocabulary), 1)
        if not count:
            return vocabulary, np.zeros(0, dtype=np.int64), np.zeros(len(self.variant_of), dtype=np.int64)
        # each variant's distinct words, by variant then word
        if self.distinct is not None:
            owner, flat = self.distinct
        else:
            sizes = np.fromiter(map(len, words), dtype=np.int64, count=count)
            owner = np.repeat(np.arange(count, dtype=np.int64), sizes)
            unique = sorted_distinct(owner * width + self.flat)
            owner, flat = unique // width, unique % width
        if self.abbreviated is not None:
            spelled, sets = self.abbreviated
        else:
            abbreviations = tv.abbreviations.keys()
            spelled = np.flatnonzero(
                np.fromiter(map(operator.not_, map(abbreviations.isdisjoint, words)), dtype=bool, count=count)
            )
            sets = expanded_words_many(list(map(words.__getitem__, spelled.tolist())), tv) if len(spelled) else []
        if len(spelled):  # the variants holding an abbreviation: their words spelled out instead
            vocabulary = sorted(set(vocabulary).union(*sets))
            number = dict(zip(vocabulary, itertools.count()))
            renumbered = np.fromiter(
                map(number.__getitem__, self.vocabulary), dtype=np.int64, count=len(self.vocabulary)
            )
            kept = ~np.isin(owner, spelled)
            lengths = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
            added = np.fromiter(
                map(number.__getitem__, itertools.chain.from_iterable(sets)), dtype=np.int64, count=int(lengths.sum())
            )
            owner = np.concatenate((owner[kept], np.repeat(spelled, lengths)))
            flat = np.concatenate((renumbered[flat[kept]], added))
            order = stable_order(owner)
            owner, flat = owner[order], flat[order]
        per_variant = np.bincount(owner, minlength=count)
        # each text's variant's words
        texts = self.variant_of
        text_sizes = np.where(texts >= 0, per_variant[texts], 0)
        _, at = spread_ranges((np.cumsum(per_variant) - per_variant)[texts], text_sizes)
        return vocabulary, flat[at], text_sizes


def near_duplicate_clusters(
    texts: Sequence,
    tv: TextVocabulary,
    threshold: float,
    norms: list[str] | None = None,
    text_words: Sequence[tuple] | None = None,
) -> TextClusters:
    """The clusters of near-duplicates among `texts` (None or "" for none): what a NearDuplicateIndex(tv,
    threshold) with texts[k] added under the key k gives as variant_clusters(), worked out for all the texts at
    once, and each text's canonical words.

    The texts are normalised together (normalised_texts), each distinct normalised text (a variant) split into
    canonical words through one table of its distinct words; the blocks are found by sorting integer keys
    (numpy): the sorted slip representatives of a variant's words hashed to one integer, the variant's
    words run together and, where an abbreviation is written, its spelled-out words numbered exactly. The
    candidate pairs of each block (NearDuplicateIndex._groups: every pair of a small block, a chain through a
    large one) are verified at once where they are alike by construction (the same words spelled out, run
    together or in another order); `similarity` is asked only about the pairs left whose variants are not yet
    joined. A hash collision of two blocks only adds candidate pairs, which the verification rejects.

    norms, text_words: the texts' normalised_texts() and text_words(), where a caller has them at hand (the
    indicator names' shared reading): they are not looked up again."""
    if norms is None:
        norms = _normalised_many(texts, tv)
    seen = _first_seen(norms)
    heads = sorted_distinct(seen)  # variants in order of their first text
    variant_of = np.searchsorted(heads, seen)
    head_list = heads.tolist()
    variant_norms = list(map(norms.__getitem__, head_list))
    variant_texts = list(map(texts.__getitem__, head_list))
    known = None if text_words is None else list(map(text_words.__getitem__, head_list))
    if "" in variant_norms:  # no text: no variant
        empty = variant_norms.index("")
        del variant_norms[empty], variant_texts[empty]
        if known is not None:
            del known[empty]
        variant_of = np.where(variant_of == empty, -1, variant_of - (variant_of > empty))
    words, vocabulary, flat, computed = _canonical_words(variant_norms, tv, variant_texts, known)
    if computed:  # for the rules that ask text_words() of these texts later
        read = np.zeros(len(words) + 1, dtype=bool)  # -1: no text
        read[computed] = True
        chosen = np.flatnonzero(read[variant_of])
        by_text = [*words, ()]
        _remember_words(
            tv,
            list(map(texts.__getitem__, chosen.tolist())),
            list(map(by_text.__getitem__, variant_of[chosen].tolist())),
        )
    found = TextClusters([], variant_of, words, vocabulary, flat)
    clusters = _variant_groups(words, vocabulary, flat, tv, threshold, found)
    if not clusters:
        return found
    # the clustered variants numbered in cluster order, and the texts of each, in order: only the clustered ones
    clustered = np.fromiter(itertools.chain.from_iterable(clusters), dtype=np.int64)
    rank = np.full(len(words) + 1, -1, dtype=np.int64)  # (the last: -1, no text)
    rank[clustered] = np.arange(len(clustered), dtype=np.int64)
    ranked = rank[variant_of]
    held = np.flatnonzero(ranked >= 0)
    held = held[stable_order(ranked[held])]
    sizes = np.bincount(ranked[held], minlength=len(clustered))
    found.clustered = (held, sizes)
    cuts = [0, *itertools.accumulate(sizes.tolist())]
    listed: list[int] = held.tolist()
    texts_of = iter([listed[a:b] for a, b in zip(cuts, cuts[1:])])
    found.clusters = [list(itertools.islice(texts_of, len(cluster))) for cluster in clusters]
    return found


def _normalised_many(texts: Sequence, tv: TextVocabulary) -> list[str]:
    """normalised_texts(texts, tv), the texts whose normalised form is remembered (another rule normalised them
    already: the indicator names) looked up, the others normalised together."""
    if not _remembered(texts, "normalised", tv):
        return normalised_texts(texts, tv)
    found: list = list(map(tv.cache.get, zip(repeat("normalised"), texts)))
    missing = [i for i, norm in enumerate(found) if norm is None]
    if missing:
        for i, norm in zip(missing, normalised_texts(list(map(texts.__getitem__, missing)), tv)):
            found[i] = norm
    return found


def _remembered(texts: Sequence, kind: str, tv: TextVocabulary) -> bool:
    """Whether the memo holds (kind, text) of most of the first texts: whether to look them up one by one (another
    rule worked them out) rather than work them all out at once. Either way gives the same results."""
    probe = texts[:64]
    return sum(map(tv.cache.__contains__, zip(repeat(kind), probe))) * 2 > len(probe)


def _canonical_words(
    norms: list[str], tv: TextVocabulary, texts: Sequence | None = None, known: list[tuple] | None = None
) -> tuple[list[tuple], list[str], np.ndarray, list[int]]:
    """(words, vocabulary, flat, computed): the canonical words (_canonical) of each of these normalised texts, the
    distinct canonical words in sorting order, every text's words as numbers in it, one text after another, and
    the texts whose words were worked out here. texts: the texts so normalised, whose remembered words
    (text_words) are taken as they are when most are; the others are read word by word through one table of the
    distinct words (spelling variants, function words). known: the texts' words, if at hand (taken as they are)."""
    words: list
    if known is not None:
        words = known
    elif texts is None or not _remembered(texts, "canonical", tv):
        words = [None] * len(norms)
    else:
        words = list(map(tv.cache.get, zip(repeat("canonical"), texts)))
    missing = [i for i, found in enumerate(words) if found is None]
    if missing:
        made = _words_read(list(map(str.split, map(norms.__getitem__, missing))), tv)
        for i, found in zip(missing, made):
            words[i] = found
    every = list(itertools.chain.from_iterable(words))
    vocabulary = sorted(set(every))
    number = dict(zip(vocabulary, itertools.count()))
    flat = np.fromiter(map(number.__getitem__, every), dtype=np.int64, count=len(every))
    return words, vocabulary, flat, missing


def _variant_groups(
    words: list[tuple],
    vocabulary: list[str],
    flat: np.ndarray,
    tv: TextVocabulary,
    threshold: float,
    shared: TextClusters | None = None,
) -> list[list[int]]:
    """NearDuplicateIndex._groups() of variants with these canonical words (one block), in arrays; vocabulary and
    flat as _canonical_words gives them. shared: where to keep what TextClusters.spelled_out() reads too (each
    variant's distinct words, the variants writing an abbreviation and their spelled-out words)."""
    count = len(words)
    if count < 2:
        return []
    number = dict(zip(vocabulary, itertools.count()))
    sizes = np.fromiter(map(len, words), dtype=np.int64, count=count)
    reps = slip_representatives(vocabulary, tv)
    rep = np.array([number[reps[w]] for w in vocabulary], dtype=np.int64)
    filled = np.flatnonzero(sizes)
    # the sorted representatives of each variant's words, hashed to one integer per variant
    owner = np.repeat(np.arange(count, dtype=np.int64), sizes)
    starts = np.cumsum(sizes) - sizes
    width = len(vocabulary) + 1
    pairs = [_block_pairs(_sequence_hashes(owner, rep[flat], width, starts, sizes, filled), filled)]
    # each variant's distinct words
    distinct = sorted_distinct(owner * width + flat)
    distinct_owner, distinct_words = distinct // width, distinct % width
    # the words run together
    joined = list(map("".join, words))
    joined_id = _first_seen(joined)
    pairs.append(_block_pairs(joined_id[filled], filled))
    # texts holding an abbreviation meet the texts that spell it out by their spelled-out words
    abbreviations = tv.abbreviations.keys()
    abbreviated = np.fromiter(map(operator.not_, map(abbreviations.isdisjoint, words)), dtype=bool, count=count)
    spelled_id = np.full(count, -1, dtype=np.int64)
    holding_at = np.flatnonzero(abbreviated)
    expanded = expanded_words_many(list(map(words.__getitem__, holding_at.tolist())), tv) if len(holding_at) else []
    if shared is not None:
        shared.distinct = (distinct_owner, distinct_words)
        shared.abbreviated = (holding_at, expanded)
    if len(holding_at):
        spelled: list[frozenset | None] = [None] * count
        for i, made in zip(holding_at.tolist(), expanded):
            spelled[i] = made
        spelled_sets = {e for e in spelled if e}
        if spelled_sets:  # a text that spells out what another abbreviates
            # the variants without one whose words, as a set, hash like a spelled-out set: compared as sets
            known = [e for e in spelled_sets if number.keys() >= e]
            lengths = np.fromiter(map(len, known), dtype=np.int64, count=len(known))
            ids = np.fromiter(
                map(number.__getitem__, itertools.chain.from_iterable(known)), dtype=np.int64, count=int(lengths.sum())
            )
            wanted = np.sort(_set_hashes(np.repeat(np.arange(len(known)), lengths), ids, len(known)))
            mine = _set_hashes(distinct_owner, distinct_words, count)
            plain = np.flatnonzero(~abbreviated & (sizes > 0) & _among(wanted, mine)).tolist()
            for i in plain:
                found = frozenset(words[i])
                if found in spelled_sets:
                    spelled[i] = found
        named = np.flatnonzero(np.fromiter(map(operator.is_not, spelled, repeat(None)), dtype=bool, count=count))
        spelled_id[named] = _first_seen(list(map(spelled.__getitem__, named.tolist())))
        # the blocks: the non-empty spelled-out sets of the variants with words
        blocked = np.flatnonzero((spelled_id >= 0) & (sizes > 0))
        blocked = blocked[[bool(spelled[i]) for i in blocked.tolist()]] if len(blocked) else blocked
        pairs.append(_block_pairs(spelled_id[blocked], blocked))
    first = np.concatenate([p[0] for p in pairs])
    second = np.concatenate([p[1] for p in pairs])
    if not len(first):
        return []
    unique = sorted_distinct(first * count + second)
    first, second = unique // count, unique % count
    # alike by construction: the same words once abbreviations are spelled out; the same words run together
    # or in another order
    alike = threshold <= 1.0
    free = (
        (abbreviated[first] | abbreviated[second])
        & (spelled_id[first] >= 0)
        & (spelled_id[first] == spelled_id[second])
    )
    if alike:
        free |= joined_id[first] == joined_id[second]
        # the same words in another order: the sorted words hashed, the pairs hashed alike compared
        ordered = _sequence_hashes(owner, flat, width, starts, sizes, filled)
        ordered_at = np.zeros(count, dtype=np.int64)
        ordered_at[filled] = ordered
        asked = np.flatnonzero(~free & (ordered_at[first] == ordered_at[second]))
        same = [sorted(words[i]) == sorted(words[j]) for i, j in zip(first[asked].tolist(), second[asked].tolist())]
        free[asked[np.array(same, dtype=bool)]] = True
    parent = _joined(count, first[free], second[free])
    rest_first, rest_second = first[~free], second[~free]
    keep = parent[rest_first] != parent[rest_second]
    rest_first, rest_second = rest_first[keep], rest_second[keep]
    linked = np.zeros(count, dtype=bool)
    linked[first[free]] = linked[second[free]] = True
    if alike:  # the pairs similarity decides without pairing words: judged at once
        joined_length = np.bincount(owner, weights=_lengths(vocabulary)[flat], minlength=count).astype(np.int64)
        # in two rounds: each variant with its first partner, then the pairs not joined by then (a block's variants
        # mostly join in the first, and a pair inside one component changes nothing)
        order = lex_order(rest_second, rest_first)
        lead = np.zeros(len(order), dtype=bool)
        lead[order[_run_starts(rest_second[order])]] = True
        undecided = []
        written = _word_tokens(owner, flat, np.bincount(distinct_owner, minlength=count) < sizes)
        for round_pairs in (lead, ~lead):
            pair_first, pair_second = rest_first[round_pairs], rest_second[round_pairs]
            keep = parent[pair_first] != parent[pair_second]
            pair_first, pair_second = pair_first[keep], pair_second[keep]
            decided, passed = _judged(
                vocabulary, flat, starts, sizes, joined_length, written, pair_first, pair_second, tv, threshold
            )
            parent = _joined(count, pair_first[passed], pair_second[passed], parent)
            linked[pair_first[passed]] = linked[pair_second[passed]] = True
            undecided.append((pair_first[~decided], pair_second[~decided]))
        rest_first = np.concatenate([f for f, _ in undecided])
        rest_second = np.concatenate([s for _, s in undecided])
        keep = parent[rest_first] != parent[rest_second]  # not joined yet
        rest_first, rest_second = rest_first[keep], rest_second[keep]
    roots = parent.tolist()

    def find(x: int) -> int:
        root = x
        while roots[root] != root:
            root = roots[root]
        while roots[x] != root:
            roots[x], x = root, roots[x]
        return root

    united: list[int] = []
    for i, j in zip(rest_first.tolist(), rest_second.tolist()):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        score = similarity(words[i], words[j], tv)
        if score is None or score < threshold:
            continue
        if ri < rj:
            roots[rj] = ri
        else:
            roots[ri] = rj
        united += (i, j)
    linked[united] = True
    members = np.flatnonzero(linked)
    root_of = _rooted(np.array(roots, dtype=np.int64))[members]
    # components of two or more, in order of their first variant (their root: the lowest), members in order
    order = lex_order(root_of, members)
    members, root_of = members[order], root_of[order]
    cuts = np.flatnonzero(root_of[1:] != root_of[:-1]) + 1
    bounds = [0, *cuts.tolist(), len(members)]
    member_list = members.tolist()
    return [member_list[a:b] for a, b in zip(bounds, bounds[1:]) if b - a > 1]


def _judged(
    vocabulary: list[str],
    flat: np.ndarray,
    starts: np.ndarray,
    sizes: np.ndarray,
    joined_length: np.ndarray,
    written: np.ndarray,
    first: np.ndarray,
    second: np.ndarray,
    tv: TextVocabulary,
    threshold: float,
) -> tuple[np.ndarray, np.ndarray]:
    """(decided, passed) of the pairs of variants (first[k], second[k]) whose words run together differently and
    are not the same words in another order: what similarity() decides without pairing words, for all the pairs
    at once. Decided: as many words or not; letters too many apart; too many words missing from the other; or,
    one or two words apart, the verdict the slips of those words (slip_distance, once per distinct word pair; a
    word written twice is missing from a text writing it once, as similarity pairs words). Passed: the decided
    pairs whose similarity reaches the threshold. written: the texts' words as tokens (_word_tokens), as flat holds
    them."""
    max_slips = tv.max_slips
    apart = (sizes[first] != sizes[second]) | (np.abs(joined_length[first] - joined_length[second]) > 2 * max_slips)
    decided = apart.copy()
    passed = np.zeros(len(first), dtype=bool)
    asked = np.flatnonzero(~apart)
    if not len(asked) or not len(flat):
        return decided, passed
    width = len(vocabulary)
    a, b = first[asked], second[asked]
    # the words of a missing from b, and of b missing from a: the same count on both sides, as both have as many
    # words; of each side, the lowest and the highest missing word (word numbers follow sorting order, as
    # similarity sorts them): one word apart, the word; two, both, lowest first
    counts, left_low, left_high, right_low, right_high = _missing_words(flat, written, starts, sizes, a, b)
    too_many = counts > min(max_slips, DIFFERING_WORDS_LIMIT)
    decided[asked[too_many]] = True
    one = np.flatnonzero((counts == 1) & ~too_many)
    two = np.flatnonzero((counts == 2) & ~too_many)
    # the words paired: one word apart, its pair; two, both pairings
    l1, r1 = left_low[one], right_low[one]
    x1, y1 = left_low[two], left_high[two]
    u1, v1 = right_low[two], right_high[two]
    keys = np.concatenate((l1 * width + r1, x1 * width + u1, y1 * width + v1, x1 * width + v1, y1 * width + u1))
    if not len(keys):
        return decided, passed
    pairs = sorted_distinct(keys)
    found = _slip_distances(vocabulary, pairs // width, pairs % width, tv)[np.searchsorted(pairs, keys)]
    n1, n2 = len(one), len(two)
    # one word apart: its slip's edits; two: the pairing of fewer edits among those where both words are slips
    edits = [found[:n1]]
    straight, crossed = (
        found[n1 : n1 + n2] + found[n1 + n2 : n1 + 2 * n2],
        found[n1 + 2 * n2 : n1 + 3 * n2] + found[n1 + 3 * n2 :],
    )
    straight_ok = (found[n1 : n1 + n2] >= 0) & (found[n1 + n2 : n1 + 2 * n2] >= 0)
    crossed_ok = (found[n1 + 2 * n2 : n1 + 3 * n2] >= 0) & (found[n1 + 3 * n2 :] >= 0)
    best = np.where(
        straight_ok & crossed_ok,
        np.minimum(straight, crossed),
        np.where(straight_ok, straight, np.where(crossed_ok, crossed, -1)),
    )
    edits.append(best)
    judged = np.concatenate((one, two))
    distance = np.concatenate(edits)
    longest = np.maximum(np.maximum(joined_length[a[judged]], joined_length[b[judged]]), 1)
    score = 1.0 - distance / longest
    decided[asked[judged]] = True
    passed[asked[judged]] = (distance >= 0) & (score >= threshold)
    return decided, passed


def _word_tokens(owner: np.ndarray, flat: np.ndarray, repeating: np.ndarray) -> np.ndarray:
    """Each writing of a word in its text (owner: the text of each word of flat) as its own token: the word, and how
    many times the text wrote it before (the n-th writing of word w is token w * times + n). Compared token by token,
    the words of one text missing from another are counted as similarity() counts them (a word written twice is
    missing from a text writing it once). repeating: whether each text writes a word twice (only their words are
    counted); where none does (the usual case), each word is its own token."""
    if not repeating.any():
        return flat
    rows = np.flatnonzero(repeating[owner])
    keys = owner[rows] * (int(flat.max(initial=0)) + 1) + flat[rows]
    order = stable_order(keys)
    run_starts = np.flatnonzero(_run_starts(keys[order]))
    run_of = np.repeat(run_starts, np.diff(np.append(run_starts, len(keys))))
    writing = np.zeros(len(flat), dtype=np.int64)
    writing[rows[order]] = np.arange(len(keys), dtype=np.int64) - run_of
    times = int(writing.max(initial=0)) + 1
    return flat * times + writing


def _missing_words(
    flat: np.ndarray, token: np.ndarray, starts: np.ndarray, sizes: np.ndarray, a: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(counts, left_low, left_high, right_low, right_high) of the pairs of texts (a[k], b[k]) of as many words each
    (sizes; a text's words flat[starts[i] : starts[i] + sizes[i]], its tokens at the same places of `token`): how many
    tokens of a[k] are missing from b[k], and the lowest and highest word of those of a[k] missing from b[k], and
    of those of b[k] missing from a[k] (no word missing: low above every word, high -1). The pairs of one size are
    compared at once, each token of the one with each of the other (_word_matches)."""
    count = len(a)
    none = np.iinfo(np.int64).max
    counts = np.zeros(count, dtype=np.int64)
    left_low, right_low = np.full(count, none, dtype=np.int64), np.full(count, none, dtype=np.int64)
    left_high, right_high = np.full(count, -1, dtype=np.int64), np.full(count, -1, dtype=np.int64)
    size = sizes[a]
    for rows, s, _ in _by_sizes(size, size):
        at_a, at_b = starts[a[rows]], starts[b[rows]]
        matches = _word_matches(token, at_a, s, at_b, s)
        left, right = ~matches.any(axis=2), ~matches.any(axis=1)
        counts[rows] = left.sum(axis=1)
        words_a, words_b = _words_at(flat, at_a, s), _words_at(flat, at_b, s)
        left_low[rows] = np.where(left, words_a, none).min(axis=1, initial=none)
        left_high[rows] = np.where(left, words_a, -1).max(axis=1, initial=-1)
        right_low[rows] = np.where(right, words_b, none).min(axis=1, initial=none)
        right_high[rows] = np.where(right, words_b, -1).max(axis=1, initial=-1)
    return counts, left_low, left_high, right_low, right_high


# the most word comparisons _word_matches makes at once (a boolean array of as many bytes)
_MATCHES_AT_ONCE = 1 << 21


def _by_sizes(left: np.ndarray, right: np.ndarray):
    """The pairs k, grouped by their sizes (left[k], right[k]): (rows, s, t) for each group of pairs of sizes s and t,
    in pieces of at most _MATCHES_AT_ONCE // (s * t) pairs."""
    if not len(left):
        return
    span = int(right.max()) + 1
    shape = left * span + right
    order = stable_order(shape)
    shape = shape[order]
    bounds = [0, *(np.flatnonzero(shape[1:] != shape[:-1]) + 1).tolist(), len(shape)]
    for start, end in zip(bounds, bounds[1:]):
        s, t = divmod(int(shape[start]), span)
        step = max(1, _MATCHES_AT_ONCE // max(s * t, 1))
        for at in range(start, end, step):
            yield order[at : min(at + step, end)], s, t


def _words_at(values: np.ndarray, starts: np.ndarray, size: int) -> np.ndarray:
    """values[starts[k] : starts[k] + size] of each k, as the rows of a matrix."""
    return values[starts[:, None] + np.arange(size, dtype=np.int64)]


def _word_matches(values: np.ndarray, first: np.ndarray, s: int, second: np.ndarray, t: int) -> np.ndarray:
    """For the pairs of runs (values[first[k] : first[k] + s], values[second[k] : second[k] + t]): whether the i-th
    value of the one equals the j-th of the other, at [k, i, j]."""
    return _words_at(values, first, s)[:, :, None] == _words_at(values, second, t)[:, None, :]


def _slip_distances(vocabulary: list[str], first: np.ndarray, second: np.ndarray, tv: TextVocabulary) -> np.ndarray:
    """slip_distance() of the different words (vocabulary[first[k]], vocabulary[second[k]]), -1 for None: what
    allowed_edits rules out (length, first letter, digits, both correctly spelled, `distinct`) at once, the rest
    measured (rapidfuzz, up to two edits) against the edits allowed. Only the words paired are looked at."""
    used = sorted_distinct(np.concatenate((first, second)))
    words = list(map(vocabulary.__getitem__, used.tolist()))
    first, second = np.searchsorted(used, first), np.searchsorted(used, second)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    firsts = np.fromiter((ord(w[0]) if w else -1 for w in words), dtype=np.int64, count=len(words))
    digits = np.fromiter((any(map(str.isdigit, w)) for w in words), dtype=bool, count=len(words))
    known = np.fromiter(map(tv.lexicon.__contains__, words), dtype=bool, count=len(words))
    shorter = np.minimum(lengths[first], lengths[second])
    longer = np.maximum(lengths[first], lengths[second])
    may = np.flatnonzero(
        (shorter >= tv.min_word_length)
        & (longer <= SLIP_WORD_LIMIT)
        & (firsts[first] == firsts[second])
        & ~digits[first]
        & ~digits[second]
        & ~(known[first] & known[second])
    )
    if tv.distinct:
        may = may[~_distinct_pairs(words, first[may], second[may], tv)]
    left = list(map(words.__getitem__, first[may].tolist()))
    right = list(map(words.__getitem__, second[may].tolist()))
    limit = np.where(shorter[may] >= tv.long_word_length, 2, 1)
    measured = np.fromiter(
        map(functools.partial(_osa_distance, score_cutoff=2), left, right), dtype=np.int64, count=len(left)
    )
    distance = np.full(len(first), -1, dtype=np.int64)
    distance[may] = np.where(measured <= limit, measured, -1)
    return distance


def _distinct_pairs(words: list[str], first: np.ndarray, second: np.ndarray, tv: TextVocabulary) -> np.ndarray:
    """Whether each pair of words (words[first[k]], words[second[k]]) is one of text.yaml `distinct` (never slips of
    each other): only the pairs of two words named there are looked up."""
    named = frozenset().union(*tv.distinct)
    listed = np.fromiter(map(named.__contains__, words), dtype=bool, count=len(words))
    found = np.zeros(len(first), dtype=bool)
    asked = np.flatnonzero(listed[first] & listed[second])
    pairs = map(
        frozenset, zip(map(words.__getitem__, first[asked].tolist()), map(words.__getitem__, second[asked].tolist()))
    )
    found[asked] = np.fromiter(map(tv.distinct.__contains__, pairs), dtype=bool, count=len(asked))
    return found


def _first_seen(values: list) -> np.ndarray:
    """For each of `values` (hashable), the position of the first value equal to it: equal values, equal numbers."""
    first: dict = {}
    return np.fromiter(map(first.setdefault, values, itertools.count()), dtype=np.int64, count=len(values))


def _run_starts(ordered: np.ndarray) -> np.ndarray:
    """Whether each value of a sorted array differs from the one before it (the first of each run of equal values)."""
    starts = np.ones(len(ordered), dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    return starts


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique, by one sort: several times faster on 10^5 integers)."""
    ordered = np.sort(values)
    return ordered[_run_starts(ordered)]


@contextlib.contextmanager
def ordinary_pages():
    """numpy's new arrays on the system's ordinary memory pages while the block runs, not advised as huge pages (as
    numpy does for arrays of 4 MiB and more where the kernel's transparent huge pages are set to `madvise`). There,
    a fault on such an array may stop to compact memory for a huge page, and near-duplicate makes and drops
    hundreds of arrays of tens of megabytes at 10^6 goals: the system time of its arrays was several times the
    time of its work on them (1.55 s against 0.4 s for containment alone). The setting is numpy's
    (NUMPY_MADVISE_HUGEPAGE at start-up); where this numpy has no switch for it, nothing changes."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:  # numpy before 2.0
        try:
            from numpy.core.multiarray import _set_madvise_hugepage
        except ImportError:
            _set_madvise_hugepage = None
    before = _set_madvise_hugepage(False) if _set_madvise_hugepage is not None else None
    try:
        yield
    finally:
        if _set_madvise_hugepage is not None:
            _set_madvise_hugepage(before)


def stable_order(keys: np.ndarray) -> np.ndarray:
    """np.argsort(keys, kind="stable") of integer keys: _packed_order where the keys allow, else the indirect sort."""
    order = _packed_order(keys)
    return np.argsort(keys, kind="stable") if order is None else order


def _packed_order(keys: np.ndarray) -> np.ndarray | None:
    """np.argsort(keys, kind="stable") of integer keys, where every key (less the lowest) and its position fit in 63
    bits together (else None): the keys shifted left, their positions written into the low bits, and the whole
    sorted by value (np.sort). Equal keys stay in order of position, as a stable sort keeps them, and a sort of
    values is several times faster than an indirect sort (for 2.5·10^6 keys, 0.05 s against 0.34 s)."""
    count = len(keys)
    if count < 2 or keys.dtype.kind not in "iu":
        return None
    low, high = int(keys.min()), int(keys.max())
    bits = (count - 1).bit_length()
    if (high - low) >> (63 - bits) or high >> 63:
        return None
    packed = keys.astype(np.int64)
    if low:
        packed -= low
    packed <<= bits
    packed |= np.arange(count, dtype=np.int64)
    packed.sort()
    packed &= (1 << bits) - 1
    return packed


def lex_order(major: np.ndarray, minor: np.ndarray) -> np.ndarray:
    """np.lexsort((minor, major)) of integer arrays: the positions by major, then minor, then position; one
    stable_order of the two made one key, where they fit in 63 bits together."""
    if len(major) < 2 or major.dtype.kind not in "iu" or minor.dtype.kind not in "iu":
        return np.lexsort((minor, major))
    low, high = int(minor.min()), int(minor.max())
    bottom, top = int(major.min()), int(major.max())
    span = high - low + 1
    if ((top - bottom + 1) * span) >> 62 or high >> 63 or top >> 63:
        return np.lexsort((minor, major))
    key = major.astype(np.int64)
    if bottom:
        key -= bottom
    key *= span
    key += minor.astype(np.int64)
    if low:
        key -= low
    return stable_order(key)


def _rooted(parent: np.ndarray) -> np.ndarray:
    """Each item's root in a forest given by parent links (a root is its own parent)."""
    while True:
        up = parent[parent]
        if np.array_equal(up, parent):
            return parent
        parent = up


def _lengths(words: list[str]) -> np.ndarray:
    return np.fromiter(map(len, words), dtype=np.int64, count=len(words))


def _sequence_hashes(
    owner: np.ndarray, values: np.ndarray, width: int, starts: np.ndarray, sizes: np.ndarray, filled: np.ndarray
) -> np.ndarray:
    """A 64-bit hash of each non-empty (filled) segment's values (0 <= value < width) once sorted: equal multisets
    hash alike. owner: each value's segment, in order; starts, sizes: the segments."""
    ordered = np.sort(owner * width + values) - owner * width
    place = np.arange(len(values), dtype=np.int64) - starts[owner]
    terms = (ordered.astype(np.uint64) + np.uint64(1)) * _powers(int(sizes.max(initial=1)))[place]
    hashed = np.add.reduceat(terms, starts[filled]) if len(filled) else np.zeros(0, dtype=np.uint64)
    return (hashed * np.uint64(_ODD) + sizes[filled].astype(np.uint64)).view(np.int64)


def _set_hashes(owner: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    """A 64-bit hash of each of `count` sets given as (owner, value) rows, each value once per set, rows by owner:
    the sum of a mixed value per member (order does not matter)."""
    z = values.astype(np.uint64) + np.uint64(_ODD)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    sizes = np.bincount(owner, minlength=count)
    filled = np.flatnonzero(sizes)
    found = np.zeros(count, dtype=np.uint64)
    if len(filled):
        found[filled] = np.add.reduceat(z, (np.cumsum(sizes) - sizes)[filled])
    return (found + sizes.astype(np.uint64)).view(np.int64)


_ODD = 0x9E3779B97F4A7C15  # an odd multiplier: a hashed key's length spread over the 64 bits


@functools.lru_cache(maxsize=8)
def _powers(longest: int) -> np.ndarray:
    """1, P, P^2 ... (mod 2^64) for hashing sequences of integers up to `longest` long."""
    return np.array([pow(1_000_003, k, 2**64) for k in range(max(longest, 1))], dtype=np.uint64)


def _block_pairs(keys: np.ndarray, members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs (i, j), i < j, of the blocks of `members` (ascending) with equal `keys`: every pair of
    a block of at most PAIRWISE_LIMIT members; in a larger block, each member against the first and against its
    predecessor."""
    if len(members) < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    order = stable_order(keys)
    keys, members = keys[order], members[order]
    cuts = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = np.concatenate(([0], cuts))
    sizes = np.diff(np.concatenate((starts, [len(keys)])))
    block = np.repeat(np.arange(len(sizes)), sizes)
    place = np.arange(len(keys)) - starts[block]
    size = sizes[block]
    small = size <= PAIRWISE_LIMIT
    # small blocks: each member with every later one
    later = np.where(small, size - 1 - place, 0)
    rows = np.repeat(np.arange(len(keys)), later)
    offsets = np.cumsum(later) - later
    partners = rows + 1 + np.arange(len(rows)) - offsets[rows]
    # large blocks: each later member with the first, and with its predecessor (not the first again)
    large = np.flatnonzero(~small & (place > 0))
    heads = starts[block[large]]
    chained = large[place[large] > 1]
    first = np.concatenate((members[rows], members[heads], members[chained - 1]))
    second = np.concatenate((members[partners], members[large], members[chained]))
    return first, second


def _joined(count: int, first: np.ndarray, second: np.ndarray, parent: np.ndarray | None = None) -> np.ndarray:
    """The lowest-numbered member of the component of each of `count` items joined by the pairs (first[k],
    second[k]) (union-find in arrays: each root hooked under the lowest root it meets, paths halved); parent: the
    components joined so far (what _joined gave), or none."""
    parent = np.arange(count, dtype=np.int64) if parent is None else parent.copy()
    while len(first):
        a, b = parent[first], parent[second]
        apart = a != b
        if not apart.any():
            break
        first, second, a, b = first[apart], second[apart], a[apart], b[apart]
        np.minimum.at(parent, np.maximum(a, b), np.minimum(a, b))
        while True:
            up = parent[parent]
            if np.array_equal(up, parent):
                break
            parent = up
    return parent


# ------------------------------------------------------------------------------------------------
# content words (formula-mismatch)


def content_words(text: str | None, tv: TextVocabulary, extra_generic: Iterable[str] = ()) -> list[str]:
    """The words of a text that say what is measured: canonical words with abbreviations also spelled
    out, generic words (jumlah, persentase, x, 100 ...) and numbers dropped, and a generic head glued to
    the next word split off ("Jumlahmengemudi" -> "mengemudi"). Remembered per text (a fresh list each time)."""
    extra = frozenset(extra_generic)
    key = ("content", text, extra)
    found = tv.cache.get(key)
    if found is None:
        found = remember(tv, key, tuple(_content_words(text, tv, extra)))
    return list(found)


def _content_words(text: str | None, tv: TextVocabulary, extra: frozenset[str]) -> list[str]:
    generic, abbreviations, stop = tv.generic, tv.abbreviations, tv.stop_words
    words = list(_canonical(text, tv))
    if words and words[0] not in generic:  # a head glued to the next word: "Jumlahmengemudi"
        for g in _GLUED_HEADS:
            if words[0].startswith(g) and len(words[0]) - len(g) >= 3:
                words[0] = words[0][len(g) :]
                break
    out = [w for w in words if w not in generic and not w.isdigit() and len(w) > 1]
    if not abbreviations.keys().isdisjoint(words):
        out += [v for w in words for v in abbreviations.get(w, ()) if v not in generic and v not in stop and len(v) > 1]
    if extra:
        out = [w for w in out if w not in extra]
    return out


_GLUED_HEADS = ("jumlah", "persentase", "total")


@functools.lru_cache(maxsize=65536)
def _stems(word: str) -> frozenset:
    return stems(word)


def related_words(a: str, b: str, tv: TextVocabulary) -> bool:
    """Do two content words speak of the same thing: equal, synonyms, sharing a stem, one a slip of the
    other, or one containing the other (words run together)?"""
    if a == b:
        return True
    key = ("related", a, b) if a < b else ("related", b, a)
    found = tv.cache.get(key)
    if found is None:
        found = remember(tv, key, _related(a, b, tv))
    return found


def _related(a: str, b: str, tv: TextVocabulary) -> bool:
    ga, gb = tv.synonyms.get(a), tv.synonyms.get(b)
    if ga is not None and ga == gb:
        return True
    if _stems(a) & _stems(b):
        return True
    if slip_distance(a, b, tv) is not None:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 5 and shorter in longer


def share_content(a: Iterable[str], b: Iterable[str], tv: TextVocabulary) -> bool:
    """Does any content word of `a` relate to one of `b`?"""
    a, b = list(a), list(b)
    if not set(a).isdisjoint(b):  # a word in common: the usual case, decided at once
        return True
    return any(related_words(x, y, tv) for x in a for y in b)


def head_word(text: str | None, tv: TextVocabulary, heads: Iterable[str] = ()) -> str:
    """The first canonical word of an indicator name ("Presentase ..." -> "persentase"); a known head
    glued to the next word is split off ("Jumlahmengemudi" -> "jumlah")."""
    words = canonical_words(text, tv)
    if not words:
        return ""
    first = words[0]
    heads = tuple(heads)
    if first in heads:
        return first
    for h in sorted(heads, key=len, reverse=True):
        if first.startswith(h) and len(first) - len(h) >= 3:
            return h
    return first


def organisation_keys(tv: TextVocabulary, *names: str | None) -> set[str]:
    """The keys an organisation may be referred to by: each name (or id) run together, and run together
    without its kind and generic words ("Kecamatan Praya", "Kantor Camat Praya", "praya" -> "praya")."""
    dropped = set(tv.organisation_words)
    for phrases in tv.organisation_kinds.values():
        for phrase in phrases:
            dropped.update(phrase.split())
    keys = set()
    for name in names:
        words = normalise(name).split()
        if not words:
            continue
        keys.add("".join(words))
        core = [w for w in words if w not in dropped]
        if core:
            keys.add("".join(core))
    return keys


def counted_noun(text: str | None, tv: TextVocabulary, units, anywhere: bool = False) -> tuple[str, str] | None:
    """(noun, count class) of what a "Jumlah ..." text counts ("Jumlah seluruh ASN ..." -> ("asn", "orang")),
    the noun matched to units.yaml `count_nouns` allowing a spelling slip; None when the text does not
    start with a count head (or, with `anywhere`, hold one) or counts something the vocabulary does not
    class."""
    words = canonical_words(text, tv)
    heads = units.count_heads
    start = None
    for i, w in enumerate(words if anywhere else words[:1]):
        if w in heads:
            start, rest = i + 1, words[i + 1 :]
            break
        glued = next((h for h in heads if w.startswith(h) and len(w) - len(h) >= 3), None)
        if glued:
            start, rest = i + 1, [w[len(glued) :], *words[i + 1 :]]
            break
    if start is None:
        return None
    noun = next((w for w in rest if w not in units.quantifiers), None)
    if noun is None:
        return None
    klass = count_class(noun, tv, units)
    return (noun, klass) if klass else None


# ------------------------------------------------------------------------------------------------
# content words of many texts at once (formula-mismatch)


def remember_content_words(texts: Sequence, tv: TextVocabulary, extra_generic: Iterable[str] = ()) -> None:
    """Work out content_words(text, tv, extra_generic) of each of `texts` at once and remember them in tv, where
    content_words() then finds them: 10^5 indicators hold 36,000 distinct names. Most texts need only their
    canonical words filtered, word by word through one table of the distinct words (in C); the few whose
    first word may be a glued head, or that hold an abbreviation or an extra generic word, are read one at a
    time (_content_words). Nothing is remembered when tv's memo would overflow (CACHE_LIMIT)."""
    if not texts or len(tv.cache) + len(texts) >= CACHE_LIMIT:
        return
    content_words_of(texts, [_canonical(text, tv) for text in texts], tv, frozenset(extra_generic))


class _ContentWord(dict):
    """word -> is it a content word (_content_words: not generic, not a number, longer than one letter),
    worked out once per distinct word."""

    __slots__ = ("generic",)

    def __init__(self, generic: frozenset) -> None:
        super().__init__()
        self.generic = generic

    def __missing__(self, word: str) -> bool:
        found = self[word] = word not in self.generic and not word.isdigit() and len(word) > 1
        return found


class _SpelledContent(dict):
    """word -> the content words of what it stands for when it is an abbreviation, as _content_words appends them
    (not generic, no function word, longer than one letter; no extra word), () for any other word: worked out
    once per distinct word."""

    __slots__ = ("tv", "extra")

    def __init__(self, tv: TextVocabulary, extra: frozenset) -> None:
        super().__init__()
        self.tv, self.extra = tv, extra

    def __missing__(self, word: str) -> tuple:
        tv, extra = self.tv, self.extra
        found = self[word] = tuple(
            v
            for v in tv.abbreviations.get(word, ())
            if v not in tv.generic and v not in tv.stop_words and len(v) > 1 and v not in extra
        )
        return found


class _GluedHead(dict):
    """first word -> may _content_words split a head glued to the next word off it, once per distinct word."""

    __slots__ = ("generic",)

    def __init__(self, generic: frozenset) -> None:
        super().__init__()
        self.generic = generic

    def __missing__(self, word: str) -> bool:
        found = self[word] = (
            bool(word)
            and word not in self.generic
            and any(word.startswith(g) and len(word) - len(g) >= 3 for g in _GLUED_HEADS)
        )
        return found


def count_class(noun: str, tv: TextVocabulary, units) -> str | None:
    """The count class of a noun (units.yaml `count_nouns`, allowing a spelling slip), as counted_noun() finds
    it, and remembered alike: for the rules that read what many names count at once (checks/_reading.py)."""
    key = ("count class", noun, units)  # the vocabulary object itself: another pack's units never collide
    if key not in tv.cache:
        klass = units.count_nouns.get(noun)
        if klass is None:
            klass = next(
                (c for known, c in units.count_nouns.items() if slip_distance(noun, known, tv) is not None), None
            )
        remember(tv, key, klass)
    return tv.cache[key]


def content_words_of(
    texts: Sequence, words: Sequence, tv: TextVocabulary, extra: frozenset, remember: bool = True
) -> list[tuple]:
    """content_words(text, tv, extra) of each of `texts` (as tuples), their canonical words (text_words) at
    hand, worked out as remember_content_words() does and remembered alike (unless not `remember`: a caller
    that keeps the column itself and asks content_words() of none of these texts, as formula-mismatch of the
    names, saves adding one memo entry per text, 240,000 at 10^6 goals): each text's words filtered through
    one table of the distinct words (in C); the few whose first word may be a glued head, that hold an
    abbreviation or an extra generic word, read one at a time."""
    cache = tv.cache
    kept = _ContentWord(tv.generic)
    found = list(map(tuple, map(compress, words, map(map, repeat(kept.__getitem__), words))))
    heads = _GluedHead(tv.generic)
    irregular = list(map(heads.__getitem__, [w[0] if w else "" for w in words]))
    if extra:
        irregular = list(map(operator.or_, irregular, map(operator.not_, map(extra.isdisjoint, found))))
    abbreviations = tv.abbreviations
    if abbreviations:
        # a text holding an abbreviation: the content words of what each one stands for appended, as _content_words
        # appends them, worked out once per distinct abbreviation (and the extra words left out of them)
        spelled = _SpelledContent(tv, extra)
        held = map(operator.not_, map(abbreviations.keys().isdisjoint, words))
        for i in compress(range(len(texts)), map(operator.and_, held, map(operator.not_, irregular))):
            found[i] += tuple(itertools.chain.from_iterable(map(spelled.__getitem__, words[i])))
    for i in compress(range(len(texts)), irregular):
        found[i] = tuple(_content_words(texts[i], tv, extra))
    if remember and len(cache) + len(texts) < CACHE_LIMIT:  # as remember_content_words() keeps them
        cache.update(zip(zip(repeat("content"), texts, repeat(extra)), found))
    return found
