"""The array paths of kinerja_graph.similarity give what the plain algorithms they replace give.

- Containment works in integer arrays (numpy): `ReferenceContainment` below is the set-and-dict programme it
  replaced (round 4), kept here as the definition; both must find the same texts, in the same order, on random
  and hostile inputs: empty texts, one-word texts, families of thousands, words in any script.
"""

import itertools
import operator
import random
from collections import Counter
from collections.abc import Hashable, Iterable
from itertools import compress, repeat
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st
from test_similarity_fast import _reference_representatives

from kinerja_graph.similarity import Containment

_F = TypeVar("_F", bound=Hashable)
_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)


class ReferenceContainment:
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
    """

    def __init__(self, word_sets: list[frozenset], *, min_words: int, max_extra: int, limit: int = 64) -> None:
        self.word_sets = word_sets
        self.max_extra = max_extra
        self.limit = limit
        sizes = list(map(len, word_sets))
        frequency: Counter = Counter(itertools.chain.from_iterable(word_sets))
        # each word's rank by (frequency, word): a text's signature is its word of the lowest rank
        ranked = sorted(frequency, key=lambda w: (frequency[w], w))
        rank = dict(zip(ranked, itertools.count())).__getitem__
        self.signature: list[str | None] = [
            ranked[min(map(rank, words))] if size >= min_words else None for words, size in zip(word_sets, sizes)
        ]
        # (word, length of a text holding it), for every word of every text
        held_at: set = set(
            zip(itertools.chain.from_iterable(word_sets), itertools.chain.from_iterable(map(repeat, sizes, sizes)))
        )
        longer = range(1, max_extra + 1)
        self.may_be_contained = [
            sig is not None and any((sig, size + d) in held_at for d in longer)
            for sig, size in zip(self.signature, sizes)
        ]
        signed_at = {(sig, size) for sig, size, maybe in zip(self.signature, sizes, self.may_be_contained) if maybe}
        words_at = {w for w, _ in signed_at}
        # (word, length) of a text holding the signature of a shorter text that may stand in it
        holding = {(w, size + d) for w, size in signed_at for d in longer}
        # the signatures of shorter texts each text holds: what it may contain
        self.holds = [
            () if words_at.isdisjoint(words) else tuple(w for w in words & words_at if (w, size) in holding)
            for words, size in zip(word_sets, sizes)
        ]
        self._sizes = sizes
        self._relevant: list[bool] | None = None
        # a text that may stand in another, or that holds the signature of a shorter text: what `within` reads
        # first (every relevant text is one; see within)
        self.candidates = list(map(operator.or_, self.may_be_contained, map(bool, self.holds)))

    @property
    def relevant(self) -> list[bool]:
        """Whether each text stands whole in another text anywhere in the cascade, or holds one that does (see
        _involved); worked out when first asked for."""
        if self._relevant is None:
            self._relevant = self._involved(self._sizes, self.limit * 4)
        return self._relevant

    def _involved(self, sizes: list[int], cap: int) -> list[bool]:
        """Whether each text stands whole in another text anywhere in the cascade, or holds one that does: the
        only texts `within` needs to read. A text's signature held by more than `cap` texts is not checked here:
        the text and every holder stay in (`within` reads them, family by family)."""
        sets, signature, maybe, extra = self.word_sets, self.signature, self.may_be_contained, self.max_extra
        holders: dict[str, list[int]] = {}  # signature -> the texts holding it
        postings: dict[tuple[str, int], list[int]] = {}  # (signature, length of the text holding it) -> texts
        for j, held in enumerate(self.holds):
            size = sizes[j]
            for word in held:
                found = postings.get((word, size))
                if found is None:
                    postings[(word, size)] = [j]
                else:
                    found.append(j)
                found = holders.get(word)
                if found is None:
                    holders[word] = [j]
                else:
                    found.append(j)
        involved = [False] * len(sets)
        crowded: set = set()  # signatures whose every holder is in already
        at = sets.__getitem__
        for i in compress(range(len(sets)), maybe):
            sig = signature[i]
            crowd = holders.get(sig, ())  # type: ignore[arg-type]
            if len(crowd) > cap:
                involved[i] = True
                if sig not in crowded:
                    crowded.add(sig)
                    for j in crowd:
                        involved[j] = True
                continue
            # the texts a little longer holding every word of this one (a subset test per candidate, in C)
            size, words = sizes[i], sets[i]
            for d in range(1, extra + 1):
                candidates = postings.get((sig, size + d))  # type: ignore[arg-type]
                if candidates:
                    for j in compress(candidates, map(words.__lt__, map(at, candidates))):
                        involved[i] = involved[j] = True
        return involved

    def __bool__(self) -> bool:
        """Whether any text may stand whole in another at all."""
        return any(self.may_be_contained)

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
        unique = list(dict.fromkeys(entries))
        if self._relevant is None:
            found = self._within(unique, self.candidates, exact=False)
            if found is not None:
                return found
        return self._within(unique, self.relevant, exact=True) or []

    def _within(self, unique: list, relevant: list[bool], exact: bool) -> list | None:
        """within() reading the entries of the texts marked in `relevant`; None when not `exact` and a family
        holds more than `limit` of them with the signature of a text."""
        holds = self.holds
        read = list(compress(unique, map(relevant.__getitem__, map(_SECOND, unique))))
        members = Counter(map(_FIRST, read))  # a text alone in its family stands in no other of that family
        if len(members) != len(read):
            read = list(compress(read, map(operator.gt, map(members.__getitem__, map(_FIRST, read)), repeat(1))))
        else:
            read = []
        numbers = list(map(_SECOND, read))
        holders: dict[tuple, list[int]] = {}
        for family, number in compress(read, map(holds.__getitem__, numbers)):  # the entries holding something
            for word in holds[number]:
                found = holders.get((family, word))
                if found is None:
                    holders[(family, word)] = [number]
                else:
                    found.append(number)
        sets, signature, extra, limit = self.word_sets, self.signature, self.max_extra, self.limit
        at, get = sets.__getitem__, holders.get
        out = []
        for family, number in compress(read, map(self.may_be_contained.__getitem__, numbers)):
            candidates = get((family, signature[number]))
            if not candidates:
                continue
            if len(candidates) > limit:
                if not exact:
                    return None
                candidates = candidates[:limit]
            words = sets[number]
            # the candidates holding every word of this text and more (a text is never a proper subset of itself),
            # then those few by their length
            inside = list(compress(candidates, map(words.__lt__, map(at, candidates))))
            if inside:
                bound = len(words) + extra
                inside = [other for other in inside if len(sets[other]) <= bound]
                if inside:
                    out.append((family, number, inside))
        return out


def _same(sets, entries, *, min_words=2, extra=3, limit=64):
    new = Containment(sets, min_words=min_words, max_extra=extra, limit=limit)
    old = ReferenceContainment(sets, min_words=min_words, max_extra=extra, limit=limit)
    assert new.signature == old.signature
    assert new.may_be_contained == old.may_be_contained
    assert new.candidates == old.candidates
    assert [set(h) for h in new.holds] == [set(h) for h in old.holds]
    assert bool(new) == bool(old)
    assert new.within(entries) == old.within(entries)
    assert new.relevant == old.relevant
    # the same texts found as columns: each text found, its family, and the texts containing it
    codes: dict = {}
    families = [codes.setdefault(f, len(codes)) for f, _ in entries]
    numbers = [n for _, n in entries]
    found_families, found_numbers, holders, at = new.within_columns(families, numbers)
    bounds = at.tolist()
    columns = [
        (f, n, holders[a:b].tolist())
        for f, n, a, b in zip(found_families.tolist(), found_numbers.tolist(), bounds, bounds[1:])
    ]
    assert columns == new.within_arrays(families, numbers)
    return new


WORDS = st.sampled_from(
    ["desa", "musrenbang", "kelurahan", "dokumen", "w", "é", "ÿü", "日本", "İ", "ß", "a" * 300, "x1"]
)

# texts as word sets, family entries (a family number, a text), min_words, extra, limit
CONTAINMENT_CASES = (
    st.lists(st.frozensets(WORDS, max_size=6), min_size=0, max_size=60),
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 10**6)), max_size=200),
    st.integers(1, 4),
    st.integers(0, 4),
    st.integers(1, 5),
)


@settings(max_examples=300, deadline=None)
@given(*CONTAINMENT_CASES)
def test_containment_in_arrays_is_the_reference_on_hostile_inputs(sets, entries, min_words, extra, limit):
    """Empty texts, one-word texts, repeated entries, words in any script, limits of one."""
    entries = [(f"family {f}", n % len(sets)) for f, n in entries] if sets else []
    _same(sets, entries, min_words=min_words, extra=extra, limit=limit)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 400), st.integers(1, 70), st.integers(1, 3))
def test_containment_in_arrays_is_the_reference_on_random_cascades(seed, texts, limit, extra):
    rnd = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(rnd.randint(3, 40))]
    sets = [frozenset(rnd.sample(vocabulary, rnd.randint(0, min(7, len(vocabulary))))) for _ in range(texts)]
    entries = [(rnd.randrange(max(1, texts // 5)), rnd.randrange(texts)) for _ in range(texts * 3)]
    _same(sets, entries, extra=extra, limit=limit)


def test_containment_in_arrays_is_the_reference_in_a_huge_family():
    """One family of 5,000 texts sharing their words: the limit is reached, the relevant texts are read."""
    rnd = random.Random(7)
    vocabulary = ["musrenbang", "desa"] + [f"w{i}" for i in range(60)]
    sets = [frozenset({"musrenbang", "desa"})]
    sets += [frozenset({"musrenbang", "desa", *rnd.sample(vocabulary, rnd.randint(0, 3))}) for _ in range(5000)]
    entries = [(0, n) for n in range(len(sets))] + [(1, n) for n in range(0, len(sets), 7)]
    found = _same(sets, entries, limit=64)
    assert found.within(entries)


# ------------------------------------------------------------------------------------------------
# near-duplicate clusters of many texts at once


def _fresh_tv():
    from kinerja_graph import config
    from kinerja_graph.similarity import TextVocabulary

    return TextVocabulary.from_data(config.load_default_pack().vocabulary.get("text"))


def _index_clusters(texts, tv, threshold):
    from kinerja_graph.similarity import NearDuplicateIndex

    index = NearDuplicateIndex(tv, threshold)
    for k, text in enumerate(texts):
        index.add(k, text)
    return index.variant_clusters()


def _same_clusters(texts, threshold=0.85):
    from kinerja_graph.similarity import expanded_words, near_duplicate_clusters, text_words

    expected = _index_clusters(texts, _fresh_tv(), threshold)
    apart = _fresh_tv()
    expected_words = [text_words(t, apart) for t in texts]
    tv = _fresh_tv()
    found = near_duplicate_clusters(texts, tv, threshold)
    assert found.clusters == expected
    assert found.words == expected_words
    # the words it remembered are the words text_words() works out on its own
    assert [text_words(t, tv) for t in texts] == expected_words
    # and with the memo partly filled by another rule, the same clusters and words
    tv = _fresh_tv()
    for t in texts[::2]:
        text_words(t, tv)
    again = near_duplicate_clusters(texts, tv, threshold)
    assert again.clusters == expected and again.words == expected_words
    # each text's words spelled out, as numbers, for containment
    vocabulary, flat, sizes = found.spelled_out(tv)
    assert vocabulary == sorted(vocabulary)
    cuts = [0, *itertools.accumulate(sizes.tolist())]
    spelled = [[vocabulary[w] for w in flat[a:b].tolist()] for a, b in zip(cuts, cuts[1:])]
    expected_sets = [expanded_words(text_words(t, tv), tv) for t in texts]
    assert [len(s) for s in spelled] == [len(set(s)) for s in spelled]  # distinct
    assert list(map(frozenset, spelled)) == expected_sets
    entries = [(k % 5, k) for k in range(len(texts))] + [(0, k) for k in range(len(texts))]
    arrays = Containment.of_arrays(vocabulary, flat, sizes, min_words=2, max_extra=3, limit=4)
    sets = Containment(expected_sets, min_words=2, max_extra=3, limit=4)
    assert arrays.signature == sets.signature and arrays.candidates == sets.candidates
    assert arrays.within(entries) == sets.within(entries)
    assert arrays.word_sets == expected_sets
    return found


STEMS = [
    "Terselenggaranya",
    "Terseleenggaranya",
    "urusan",
    "pemerintahan",
    "pemerintahn",
    "umum",
    "dan",
    "dengan",
    "Presentase",
    "Persentase",
    "IKM",
    "Indeks Kepuasan Masyarakat",
    "(IKM)",
    "dokumen",
    "dokumenLaporan",
    "Laporan",
    "Musrenbang",
    "Desa",
    "desa/kelurahan",
    "siswa",
    "siswi",
    "2022",
    "2023",
    "ÉTÉ",
    "日本語",
    "İstanbul",
    "straße",
    "x" * 45,
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.just(""),
            st.lists(st.sampled_from(STEMS), min_size=1, max_size=7).map(" ".join),
            st.text(alphabet="abcé İ-/.", max_size=12),
        ),
        max_size=60,
    ),
    st.sampled_from([0.0, 0.5, 0.85, 0.95, 1.0]),
)
def test_clusters_of_many_texts_are_the_index_clusters_on_hostile_texts(texts, threshold):
    _same_clusters(texts, threshold)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.just(""),
            st.lists(st.sampled_from([*STEMS, "yang", "di", "prosentase", "ke"]), min_size=1, max_size=7).map(" ".join),
            st.text(alphabet="abcé İ-/.", max_size=12),
        ),
        max_size=60,
    ),
    st.integers(0, 3),
)
def test_canonical_words_of_many_texts_are_each_texts_words(texts, step):
    """text_words_many gives text_words() of each text, whatever the memo holds already, and remembers them."""
    from kinerja_graph.similarity import text_words, text_words_many

    apart = _fresh_tv()
    expected = [text_words(t, apart) for t in texts]
    tv = _fresh_tv()
    if step:
        for t in texts[::step]:  # some remembered already, as another rule leaves them
            text_words(t, tv)
    assert text_words_many(texts, tv) == expected
    assert [text_words(t, tv) for t in texts] == expected


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 600))
def test_clusters_of_many_texts_are_the_index_clusters_on_random_cascades(seed, count):
    """Standard wording repeated with slips, word order changed, words run together: blocks of every size,
    large ones (more than PAIRWISE_LIMIT variants) verified along a chain."""
    rnd = random.Random(seed)
    base = [" ".join(rnd.sample(STEMS[:20], rnd.randint(1, 5))) for _ in range(rnd.randint(1, 30))]
    texts = []
    for _ in range(count):
        words = rnd.choice(base).split()
        roll = rnd.random()
        if roll < 0.3 and words:
            k = rnd.randrange(len(words))
            w = words[k]
            if len(w) > 3:
                i = rnd.randrange(1, len(w))
                words[k] = w[:i] + rnd.choice("aeiouxy") + w[i:]
        elif roll < 0.45:
            rnd.shuffle(words)
        elif roll < 0.55 and len(words) > 1:
            words[0:2] = [words[0] + words[1]]
        texts.append(" ".join(words) + rnd.choice(["", ".", " ", "  dan"]))
    _same_clusters(texts, rnd.choice([0.8, 0.85, 0.9, 1.0]))


def test_clusters_of_many_texts_in_a_large_block():
    """Hundreds of variants with the same slip representatives: a block verified along a chain."""
    texts = [f"Terselenggaranya urusan pemerintahan {'umum' if k % 2 else 'umun'} {'x' * (k % 7)}" for k in range(300)]
    texts += [f"urusan Terseleenggaranya pemerintahan umum {k}" for k in range(200)]
    found = _same_clusters(texts)
    assert found.clusters


# ------------------------------------------------------------------------------------------------
# the slip index


def _reference_slips(words, tv):
    """Every pair of words sharing a deletion key (deletion_keys, in Python) that are slips of each other."""
    from kinerja_graph.similarity import deletion_keys, slip_distance

    keys = {w: deletion_keys(w, tv) for w in words}
    return {
        frozenset((a, b))
        for a, b in itertools.combinations(sorted(words), 2)
        if keys[a] & keys[b] and slip_distance(a, b, tv) is not None
    }


SLIPPY = st.text(alphabet="aabeinrstéİßx1", min_size=0, max_size=14)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sets(SLIPPY, max_size=40), min_size=1, max_size=3))
def test_slip_index_in_arrays_finds_every_slip_sharing_a_deletion_key(calls):
    """Words of any script, doubled letters, digits, too short and too long; the index grown over several calls."""
    from kinerja_graph import similarity
    from kinerja_graph.similarity import slip_representatives

    tv = _fresh_tv()
    seen: set = set()
    calls[0].add("")  # not a word: no keys, no slips
    for words in calls:
        assert slip_representatives(words, tv) == _reference_representatives(set(words), tv)
        seen |= words
        index = tv.cache[similarity._SLIP_INDEX]
        if not index.crowded:
            assert {frozenset(e) for e in index.edges} == _reference_slips(seen, tv)


def test_slip_index_of_long_words():
    """Words of 9 to 40 letters (two deletions) and longer (none)."""
    from kinerja_graph import similarity
    from kinerja_graph.similarity import slip_representatives

    rnd = random.Random(3)
    words = set()
    for n in (9, 12, 25, 40, 41, 60):
        stem = "".join(rnd.choice("aeiklmnprstu") for _ in range(n))
        words.add(stem)
        for _ in range(6):
            w = list(stem)
            for _ in range(rnd.randint(1, 3)):
                k = rnd.randrange(1, len(w))
                w[k] = rnd.choice("aeiklmnprstu")
            words.add("".join(w))
    tv = _fresh_tv()
    reps = slip_representatives(words, tv)
    assert {frozenset(e) for e in tv.cache[similarity._SLIP_INDEX].edges} == _reference_slips(words, tv)
    assert len(set(reps.values())) < len(words)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["ikm", "indeks", "kepuasan", "dan", "opd", "desa", "", "é"]), max_size=6)))
def test_expanded_words_of_many_texts_are_those_of_each(texts):
    """Abbreviations spelled out (IKM, OPD), function words among the words, empty texts and words."""
    from kinerja_graph.similarity import expanded_words, expanded_words_many

    tv = _fresh_tv()
    words = [tuple(t) for t in texts]
    assert expanded_words_many(words, tv) == [expanded_words(w, _fresh_tv()) for w in words]


def test_normalised_texts_of_the_same_texts_again_are_the_same():
    """The last texts normalised are remembered as a whole: the same texts again give the same normalised forms,
    however the lists given or returned are changed afterwards; other texts of the same length their own."""
    from kinerja_graph.similarity import normalised, normalised_texts

    tv = _fresh_tv()
    texts = ["Meningkatnya  Kualitas", None, "Ümit dan ÇALIŞMA", "", "Desa\0Kota"]
    expected = [normalised(t, _fresh_tv()) if t else "" for t in texts]
    first = normalised_texts(texts, tv)
    assert first == expected
    first[0] = "changed"
    given = list(texts)
    assert normalised_texts(given, tv) == expected
    given[0] = "Menurunnya kualitas"
    assert normalised_texts(given, tv)[0] == "menurunnya kualitas"
    assert normalised_texts(tuple(texts), tv) == expected


def test_clusters_of_texts_writing_a_word_twice():
    """A word written twice is missing from a text writing it once (each writing its own token), and no text
    writing a word twice leaves each word its own token: both give the index's clusters."""
    once = [
        "Terselenggaranya urusan pemerintahan umum",
        "Terseleenggaranya urusan pemerintahan umum",
        "Terselenggaranya urusan pemerintahan umun",
        "urusan pemerintahan umum Terselenggaranya",
    ]
    twice = [
        "Terselenggaranya urusan urusan pemerintahan umum",
        "Terselenggaranya urusan urusaan pemerintahan umum",
        "Terselenggaranya urusan pemerintahan pemerintahan",
        "Terselenggaranya urusan pemerintahan pemerintahn",
    ]
    assert _same_clusters(once).clusters
    assert _same_clusters(once + twice).clusters


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-5, 40), max_size=60), st.lists(st.integers(-10, 50), max_size=60))
def test_sorted_search_is_numpys_search(values, keys):
    """The keys looked up in their sorted order give np.searchsorted's answers, in the keys' order: repeated
    values and keys, keys outside the values, none at all."""
    import numpy as np

    from kinerja_graph.similarity import sorted_ranges, sorted_search

    ordered = np.sort(np.array(values, dtype=np.int64))
    wanted = np.array(keys, dtype=np.int64)
    low, high = sorted_ranges(ordered, wanted)
    assert low.tolist() == sorted_search(ordered, wanted).tolist() == np.searchsorted(ordered, wanted).tolist()
    assert high.tolist() == sorted_search(ordered, wanted, "right").tolist()
    assert high.tolist() == np.searchsorted(ordered, wanted, side="right").tolist()


@settings(max_examples=150, deadline=None)
@given(*CONTAINMENT_CASES)
def test_containment_without_a_table_is_the_reference(sets, entries, min_words, extra, limit):
    """The (word, length) pairs sorted and searched, as for a vocabulary too large for a table of them."""
    from unittest import mock

    from kinerja_graph import similarity

    entries = [(f"family {f}", n % len(sets)) for f, n in entries] if sets else []
    with mock.patch.object(similarity, "_TABLE_LIMIT", 0):
        _same(sets, entries, min_words=min_words, extra=extra, limit=limit)


_EXTREMES = st.sampled_from([0, 1, -1, 2**31, 2**40, 2**62, 2**63 - 1, -(2**63), -(2**62)])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.integers(-8, 8), st.integers(-(2**63), 2**63 - 1), _EXTREMES), max_size=80),
    st.sampled_from(["int64", "int32", "uint64"]),
)
def test_stable_order_is_numpys_stable_sort(values, dtype):
    """The keys sorted with their positions packed in (or by numpy where they do not fit) give np.argsort's stable
    order: repeated keys, negative keys, keys near the ends of 64 bits, unsigned keys, none at all."""
    import numpy as np

    from kinerja_graph.similarity import stable_order

    info = np.iinfo(dtype)
    keys = np.array([min(max(v, info.min), info.max) for v in values], dtype=dtype)
    assert stable_order(keys).tolist() == np.argsort(keys, kind="stable").tolist()
    wide = np.array([v % 2**64 for v in values], dtype=np.uint64)  # unsigned keys above 2^63 too
    assert stable_order(wide).tolist() == np.argsort(wide, kind="stable").tolist()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.integers(-4, 4), st.integers(-(2**63), 2**63 - 1), _EXTREMES),
            st.one_of(st.integers(-4, 4), st.integers(0, 2**40), _EXTREMES),
        ),
        max_size=80,
    )
)
def test_lex_order_is_numpys_lexsort(pairs):
    """Two columns made one key (or sorted by numpy where they do not fit) give np.lexsort's order: ties in either
    column or both, negative values, values near the ends of 64 bits."""
    import numpy as np

    from kinerja_graph.similarity import lex_order

    major = np.array([a for a, _ in pairs], dtype=np.int64)
    minor = np.array([b for _, b in pairs], dtype=np.int64)
    assert lex_order(major, minor).tolist() == np.lexsort((minor, major)).tolist()


def test_stable_order_of_many_keys_with_few_values():
    """A million keys of a hundred values: the positions packed below the keys keep each value's keys in order."""
    import numpy as np

    from kinerja_graph.similarity import lex_order, stable_order

    rng = np.random.default_rng(7)
    keys = rng.integers(0, 100, 1_000_000)
    assert np.array_equal(stable_order(keys), np.argsort(keys, kind="stable"))
    major, minor = rng.integers(0, 1000, 1_000_000), rng.integers(0, 1000, 1_000_000)
    assert np.array_equal(lex_order(major, minor), np.lexsort((minor, major)))


def test_ordinary_pages_turns_numpys_huge_pages_off_for_the_block_only():
    """Inside the block numpy advises no huge pages; after it, numpy's own setting is back, whichever it was, even
    when the block fails."""
    import pytest
    from numpy._core.multiarray import _set_madvise_hugepage

    from kinerja_graph.similarity import ordinary_pages

    before = _set_madvise_hugepage(True)
    try:
        for setting in (True, False):
            _set_madvise_hugepage(setting)
            with ordinary_pages():
                assert _set_madvise_hugepage(False) is False  # was off inside
            assert _set_madvise_hugepage(setting) is setting
            with pytest.raises(ValueError), ordinary_pages():
                raise ValueError
            assert _set_madvise_hugepage(setting) is setting
    finally:
        _set_madvise_hugepage(before)
