"""What the indicator rules work out for many items or texts at once holds to its one-at-a-time definition: the
shared Index's numbering, bulk quoting, the content words of many names."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from kinerja_graph import config
from kinerja_graph.checks._index import _firsts, _numbered, index
from kinerja_graph.checks._quote import quote, quote_many
from kinerja_graph.similarity import TextVocabulary, content_words, remember_content_words

PACK = config.load_default_pack()


def _numbered_slowly(values: list) -> list[int]:
    seen: dict = {}
    return [seen.setdefault(value, len(seen)) for value in values]


@given(st.lists(st.one_of(st.integers(0, 5), st.text(max_size=2), st.none(), st.tuples(st.integers(0, 3)))))
def test_values_are_numbered_by_first_occurrence(values: list) -> None:
    assert _numbered(values) == _numbered_slowly(values)
    assert _numbered(iter(values)) == _numbered_slowly(values)  # any iterable, numbered as it is read


@given(st.lists(st.integers(0, 6)))
def test_first_positions_are_the_first_occurrence_of_each_number(values: list) -> None:
    of = _numbered(values)
    expected = [of.index(number) for number in range(len(set(of)))]
    assert _firsts(of) == expected
    assert _firsts(of, len(expected)) == expected


@given(st.lists(st.one_of(st.text(alphabet=" \tab\n…é", max_size=90), st.none())), st.integers(2, 80))
def test_many_texts_are_quoted_as_one_at_a_time(texts: list, limit: int) -> None:
    assert quote_many(texts, limit) == [quote(text, limit) for text in texts]
    strings = [text for text in texts if text is not None]
    assert quote_many(strings, limit) == [quote(text, limit) for text in strings]


# words the shipped vocabulary treats specially: generic and function words, glued heads, abbreviations, numbers
_WORDS = [
    "jumlah",
    "jumlahdokumen",
    "persentase",
    "totalan",
    "dan",
    "yang",
    "ATK",
    "PNS",
    "100",
    "x",
    "a",
    "dokumen",
    "laporan",
    "desa",
    "Kecamatan",
    "Praya",
    "pegawai",
    "asset",
    "é",
    "1.",
]


@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join), max_size=12), st.booleans())
def test_content_words_of_many_names_are_those_of_each(names: list, own: bool) -> None:
    extra = frozenset({"praya", "dokumen"}) if own else frozenset()
    fresh = TextVocabulary.from_data(PACK.vocabulary.get("text"))
    expected = [content_words(name, fresh, extra) for name in names]
    tv = TextVocabulary.from_data(PACK.vocabulary.get("text"))
    remember_content_words(list(dict.fromkeys(names)), tv, extra)
    assert all(("content", name, extra) in tv.cache for name in names)
    assert [content_words(name, tv, extra) for name in names] == expected


@given(
    st.lists(st.tuples(st.sampled_from(["Camat", "Sekcam", None, ""]), st.sampled_from(["a", "b", "b "])), min_size=1),
    st.booleans(),
)
def test_nodes_grouped_by_several_fields_are_grouped_by_their_values(rows: list, owner_first: bool) -> None:
    # the owners' column numbered before (and so shared) or not: the same groups, numbered by first occurrence of
    # the combination
    G = nx.DiGraph()
    for i, (owner, statement) in enumerate(rows):
        G.add_node(str(i), kind="goal", order=i, statement=statement, level=None, owner=owner, tier=None)
    ix = index(G)
    if owner_first:
        ix.node_groups(("owner",))
    grouping = ix.node_groups(("statement", "owner"))
    assert grouping.of == _numbered_slowly([(owner, statement) for owner, statement in rows])
    assert grouping.first == [grouping.of.index(number) for number in range(len(grouping.first))]
