"""What the indicator rules work out for many items or texts at once holds to its one-at-a-time definition: the
shared Index's numbering, bulk quoting, the content words of many names, the shared reading of the names."""

from __future__ import annotations

import json

import networkx as nx
from helpers import graph_from_yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kinerja_graph import config
from kinerja_graph.checks._index import _firsts, _numbered, index
from kinerja_graph.checks._measures import HeadReader, spelled_out, words
from kinerja_graph.checks._quote import quote, quote_many
from kinerja_graph.checks._reading import chosen_positions, combined, group_column, item_column, name_reading
from kinerja_graph.similarity import TextVocabulary, content_words, counted_noun, remember_content_words, text_words
from kinerja_graph.text import unit_vocabulary

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


# words the shared reading of names treats specially besides those: count heads and a slip of one, quantifiers,
# numbering, a spelling variant, a head glued to the next word, an abbreviation that spells out a head
_NAME_WORDS = [*_WORDS, "Jumlah", "jumlh", "banyaknya", "seluruh", "total", "2.", "b.", "Presentase", "IKM", "tidak"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=6).map(" ".join), min_size=1, max_size=10))
@example(["Jumlah seluruh dokumen laporan", "2. Jumlahdokumen desa", "IKM pegawai", "jumlh PNS", "b. Presentase ATK"])
def test_the_shared_reading_of_names_is_each_name_read_alone(names: list) -> None:
    indicators = "\n".join(f"      - name: {json.dumps(name)}" for name in names)
    G = graph_from_yaml(
        f"organisation: {{name: Kecamatan Praya}}\nnodes:\n  - id: '1'\n    statement: Meningkatnya pelayanan\n    level: output\n    indicators:\n{indicators}\n"
    )
    ix = index(G)
    tv = TextVocabulary.from_data(PACK.vocabulary.get("text"))
    units = unit_vocabulary(PACK.vocabulary)
    reading = name_reading(ix, tv)
    texts = [ix.indicators.objects[p].name for p in ix.indicator_groups(("name",)).first]
    assert reading.texts == texts
    fresh = TextVocabulary.from_data(PACK.vocabulary.get("text"))  # nothing remembered from the reading
    reader = HeadReader(("persentase", *units.count_heads))
    extra = frozenset({"praya"})
    assert reading.words() == [text_words(text, fresh) for text in texts]
    assert reading.measure_words() == [words(text, fresh) for text in texts]
    assert reading.spelled() == [spelled_out(words(text, fresh), fresh) for text in texts]
    assert reading.heads(reader) == [HeadReader(("persentase", *units.count_heads))(text, fresh) for text in texts]
    assert reading.counted(units) == [counted_noun(text, fresh, units) for text in texts]
    assert reading.content_words(extra) == [tuple(content_words(text, fresh, extra)) for text in texts]


@settings(deadline=None)  # (the first example imports numpy)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 40)), max_size=60), st.integers(0, 60))
def test_combinations_numbered_at_once_are_the_distinct_combinations(rows: list, shift: int) -> None:
    # (a large first column makes combined() number its keys afresh before they could overflow)
    columns = [[row[0] << shift for row in rows], [row[1] for row in rows], [row[2] for row in rows]]
    if not rows:
        columns = [[], [], []]
    first, key_of = combined(*columns)
    numbers = key_of.tolist()
    keys = list(zip(*columns))
    assert len(first) == len(set(keys))
    # equal combinations, equal numbers; the first position of each number is its first occurrence
    assert all((keys[a] == keys[b]) == (numbers[a] == numbers[b]) for a in range(len(keys)) for b in range(len(keys)))
    assert all(keys.index(keys[p]) == p and numbers[p] == n for n, p in enumerate(first))
    chosen = [n % 2 == 0 for n in range(len(first))]
    assert chosen_positions(chosen, key_of) == [p for p in range(len(keys)) if chosen[numbers[p]]]


def test_the_shared_indicator_columns_are_the_owners_and_name_numbers() -> None:
    G = graph_from_yaml(
        "organisation: {name: Kecamatan Praya}\nnodes:\n"
        "  - id: '1'\n    statement: Meningkatnya pelayanan\n    level: output\n    indicators:\n"
        "      - name: Jumlah dokumen\n      - name: IKM pegawai\n"
        "  - id: '2'\n    statement: Tertibnya arsip\n    level: output\n    indicators:\n"
        "      - name: IKM pegawai\n      - name: Jumlah arsip\n"
    )
    ix = index(G)
    owners, names = item_column(ix, "owners"), item_column(ix, "names")
    assert owners.tolist() == ix.indicators.owners == [0, 0, 1, 1]
    assert names.tolist() == ix.indicator_groups(("name",)).of == [0, 1, 1, 2]
    assert item_column(ix, "owners") is owners  # made once per graph, and shared read-only
    assert not owners.flags.writeable and not names.flags.writeable


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Jumlah dokumen", "IKM", "IKM ", "Indeks"]),
            st.sampled_from([None, "", "a / b", "Dokumen"]),
            st.sampled_from([None, "Dokumen", "%"]),
        ),
        min_size=1,
        max_size=12,
    ),
    st.booleans(),
)
def test_indicators_paired_by_name_and_formula_are_grouped_as_by_both_fields(rows: list, name_first: bool) -> None:
    # Index.indicator_pairs: the (name, formula) groups made from the two fields' own groups, numbered as
    # indicator_groups numbers them; Grouping.array: each indicator's group as an array
    from kinerja_graph.model import Indicator

    G = nx.DiGraph()
    for i, (name, formula, unit) in enumerate(rows):
        indicator = Indicator(name=name, formula=formula, unit=unit)
        G.add_node(str(i), kind="goal", order=i, statement=f"s{i % 3}", level=None, owner=None, indicators=[indicator])
    ix = index(G)
    if name_first:
        ix.indicator_groups(("unit",))
    paired = ix.indicator_pairs("name", "formula")
    expected = _numbered_slowly([(name, formula) for name, formula, _ in rows])
    assert paired.of == expected
    assert paired.first == [expected.index(number) for number in range(len(paired.first))]
    assert group_column(ix, paired).tolist() == expected
    assert ix.indicator_groups(("formula", "name")) is paired  # one grouping for both
