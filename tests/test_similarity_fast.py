"""The fast paths of kinerja_graph.similarity give what the plain algorithms they replace give.

- edit_distance is rapidfuzz's optimal-string-alignment distance with a cutoff (in C); `_reference_distance`
  below is the dynamic programme in Python it replaced, kept here as the definition.
- slip_representatives finds the slips between words once per run (_SlipIndex, shared by every call with
  one text vocabulary); `_reference_representatives` below is the per-call search in Python it replaced, kept
  here as the definition, also of what it does once a deletion key is shared by more than BUCKET_LIMIT words
  (_SlipIndex.slips_among, in arrays).
"""

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_graph import config, similarity
from kinerja_graph.similarity import (
    BUCKET_LIMIT,
    TextVocabulary,
    deletion_keys,
    edit_distance,
    slip_distance,
    slip_representatives,
)

PACK = config.load_default_pack()


def _reference_representatives(words: set[str], tv: TextVocabulary) -> dict[str, str]:
    """slip_representatives() among these words alone, in Python: words sharing a deletion key compared (only the
    first two words, in sorting order, of a key shared by more than BUCKET_LIMIT words with the others), slips
    united, each word's representative the first in sorting order of its component."""
    parent: dict[str, str] = {w: w for w in words}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    buckets: dict[str, list[str]] = {}
    for w in words:
        for key in deletion_keys(w, tv):
            buckets.setdefault(key, []).append(w)
    for bucket in buckets.values():
        bucket.sort()
        head = bucket if len(bucket) <= BUCKET_LIMIT else bucket[:2]
        for i, a in enumerate(head):
            for b in bucket[i + 1 :]:
                if slip_distance(a, b, tv) is not None:
                    ra, rb = find(a), find(b)
                    parent[max(ra, rb)] = min(ra, rb)
    return {w: find(w) for w in words}


def _fresh() -> TextVocabulary:
    """A text vocabulary with a memo of its own (the slip index lives in it)."""
    return TextVocabulary.from_data(PACK.vocabulary.get("text"))


def _reference_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or limit+1 once it is certain to exceed `limit` (the Python
    programme edit_distance used before rapidfuzz)."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    start, shorter = 0, min(la, lb)
    while start < shorter and a[start] == b[start]:
        start += 1
    end = 0
    while end < shorter - start and a[la - 1 - end] == b[lb - 1 - end]:
        end += 1
    if start or end:
        a, b = a[start : la - end], b[start : lb - end]
        la, lb = la - start - end, lb - start - end
        if not la or not lb:
            return min(la + lb, limit + 1)
    previous2: list[int] | None = None
    previous = list(range(lb + 1))
    for i in range(1, la + 1):
        current = [i] + [0] * lb
        best = current[0]
        ca = a[i - 1]
        for j in range(1, lb + 1):
            cb = b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[lb], limit + 1)


def _slipped(word: str, rnd: random.Random, alphabet: str, edits: int) -> str:
    """word with a few typing slips: a letter replaced, inserted, dropped, or two swapped."""
    letters = list(word)
    for _ in range(edits):
        op, i = rnd.randrange(4), rnd.randrange(max(1, len(letters)))
        if op == 0 and letters:
            letters[i] = rnd.choice(alphabet)
        elif op == 1:
            letters.insert(i, rnd.choice(alphabet))
        elif op == 2 and letters:
            del letters[i]
        elif op == 3 and i + 1 < len(letters):
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters)


ALPHABETS = st.sampled_from(["ab", "abc", "aeinrst", "abcdefghijklmnopqrstuvwxyz", "aé😀ß1"])


@settings(max_examples=100, deadline=None)
@given(ALPHABETS, st.integers(0, 2**32), st.integers(0, 4))
def test_edit_distance_is_the_optimal_string_alignment_programme(alphabet, seed, limit):
    rnd = random.Random(seed)
    for _ in range(100):
        a = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        b = (
            _slipped(a, rnd, alphabet, rnd.randint(0, 4))
            if rnd.random() < 0.7
            else "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        )
        assert edit_distance(a, b, limit) == _reference_distance(a, b, limit), (a, b, limit)


def test_edit_distance_on_the_words_of_real_cascades():
    tv = _fresh()
    text = Path("samples/praya.yaml").read_text(encoding="utf-8")
    words = sorted({w for line in text.splitlines() for w in similarity.normalised(line, tv).split()})
    rnd = random.Random(7)
    for _ in range(5000):
        a, b = rnd.choice(words), rnd.choice(words)
        if rnd.random() < 0.5:
            b = _slipped(a, rnd, "abcdefghijklmnopqrstuvwxyz", rnd.randint(1, 3))
        for limit in (1, 2):
            assert edit_distance(a, b, limit) == _reference_distance(a, b, limit)


def _vocabulary(seed: int, size: int, alphabet: str) -> list[str]:
    """Words and slips of them, as the texts of a Pemda-wide cascade hold them."""
    rnd = random.Random(seed)
    stems = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(4, 14))) for _ in range(max(1, size // 4))]
    words = list(stems)
    while len(words) < size:
        words.append(_slipped(rnd.choice(stems), rnd, alphabet, rnd.randint(1, 3)))
    return words


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 120), st.sampled_from(["aeinrst", "aenpt", "abcdefghijklmnopqrstuvwxyz"]))
def test_slip_representatives_across_calls_are_the_search_of_each_call_alone(seed, size, alphabet):
    tv = _fresh()
    rnd = random.Random(seed)
    words = _vocabulary(seed, size, alphabet)
    # two calls with one vocabulary, as the statements and the indicators of one cascade: overlapping sets
    first = {w for w in words if rnd.random() < 0.6}
    second = {w for w in words if rnd.random() < 0.6}
    assert slip_representatives(first, tv) == _reference_representatives(first, tv)
    assert slip_representatives(second, tv) == _reference_representatives(second, tv)
    assert slip_representatives(words, tv) == _reference_representatives(set(words), tv)


def test_slip_representatives_with_a_crowded_key_compare_as_the_search_of_each_call():
    """More than BUCKET_LIMIT words share the key "abcdefg": each word is compared with its first words only,
    so the result depends on the words of each call; the index gives way to the per-call search."""
    tv = _fresh()
    crowd = sorted({"abcdefg" + c + d for c in "hijklmnopqrstuvwxyz" for d in "hijk"})[: BUCKET_LIMIT + 10]
    assert len(crowd) > BUCKET_LIMIT
    some = set(crowd[::2])
    assert slip_representatives(some, tv) == _reference_representatives(some, tv)
    assert slip_representatives(set(crowd), tv) == _reference_representatives(set(crowd), tv)
    assert tv.cache[similarity._SLIP_INDEX].crowded
    assert slip_representatives(some, tv) == _reference_representatives(some, tv)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 300), st.integers(1, 8), st.integers(1, 3))
def test_containment_reading_candidates_first_finds_what_reading_relevant_texts_finds(seed, texts, limit, extra):
    """Containment.within reads the entries of its `candidates` unless a family holds more than `limit` of them
    with one signature; what it finds is what reading only the `relevant` texts finds."""
    from kinerja_graph.similarity import Containment

    rnd = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(rnd.randint(3, 40))]
    sets = [frozenset(rnd.sample(vocabulary, rnd.randint(1, min(6, len(vocabulary))))) for _ in range(texts)]
    entries = [(rnd.randrange(max(1, texts // 5)), rnd.randrange(texts)) for _ in range(texts * 3)]
    fast = Containment(sets, min_words=2, max_extra=extra, limit=limit)
    exact = Containment(sets, min_words=2, max_extra=extra, limit=limit)
    assert all(exact.candidates[i] for i, r in enumerate(exact.relevant) if r)  # candidates hold the relevant
    assert fast.within(entries) == exact.within(entries)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(alphabet="abcXYZ 09-,.\0éİß\t", max_size=30),
            st.sampled_from(["Persentase Desa Tertib", "Indeks Kepuasan Masyarakat (IKM)", "", "  "]),
        ),
        max_size=12,
    )
)
def test_normalised_texts_is_normalised_of_each_text(texts):
    tv = similarity.text_vocabulary(PACK.vocabulary)
    expected = [similarity.normalised(t, tv) if t else "" for t in texts]
    assert similarity.normalised_texts(texts, tv) == expected
