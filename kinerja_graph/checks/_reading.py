"""One reading of each distinct indicator name, shared by every indicator rule (not a rule: the registry skips
modules whose name starts with an underscore).

10^5 Pemda indicators hold about 36,000 distinct names, and half a dozen rules read each one: its normalised
text, its words, the words a measure phrase is matched on, the head it opens with, what a "Jumlah ..." name
counts. Each is worked out here once per graph, for every distinct name at once, as a column by name number
(the number of the name in Index.indicator_groups(("name",))), mostly by C-level operations over the whole
column; a rule then reads the columns at the name numbers of the groups it judges.

    names = name_reading(ctx.index, tv)
    names.words()[number], names.measure_words()[number], names.heads(reader)[number], ...
"""

from __future__ import annotations

import collections
import operator
from itertools import compress, repeat
from typing import Any

from kinerja_graph.checks._index import Grouping, Index
from kinerja_graph.checks._measures import HeadReader, counted, normalised_names
from kinerja_graph.checks._quote import QUOTE_LIMIT, quote_many
from kinerja_graph.similarity import (
    TextVocabulary,
    content_words_of,
    count_class,
    normalised_texts_split,
    words_of_normalised,
)

_NAME = operator.attrgetter("name")


class NameReading:
    """What the indicator rules read of each distinct indicator name, by name number.

    texts     the names themselves
    norms     normalised(name, tv) (_measures.normalised_names)
    The other columns are worked out when first asked for, and kept."""

    __slots__ = (
        "texts",
        "norms",
        "tv",
        "_words",
        "_measure_words",
        "_spelled",
        "_heads",
        "_counted",
        "_firsts",
        "_content",
        "_splits",
    )

    def __init__(self, ix: Index, tv: TextVocabulary) -> None:
        objects = ix.indicators.objects
        self.tv = tv
        self.texts: list = list(map(_NAME, map(objects.__getitem__, ix.indicator_groups(("name",)).first)))
        # the normalised names (_measures.normalised_names, unless a rule asked for them before) with the words of
        # each, split once for both: words() reads them
        splits: list = []
        self.norms: list[str] = normalised_names(ix, tv, _Splitting(splits), self.texts)
        self._splits: list | None = splits[0] if splits else None
        self._words: list[tuple] | None = None
        self._measure_words: list[tuple] | None = None
        self._spelled: list[tuple] | None = None
        self._firsts: list[str] | None = None
        self._heads: dict = {}
        self._counted: dict = {}
        self._content: dict = {}

    def __len__(self) -> int:
        return len(self.texts)

    def __getstate__(self) -> dict:
        """What a graph carries of the reading to another process (a worker's graph comes back with its Index):
        the columns, not the text vocabulary, whose memo refers to the graph weakly; name_reading() gives it
        back."""
        state = {name: getattr(self, name) for name in self.__slots__ if name != "tv"}
        state["_splits"] = None  # (words() splits the normalised names again)
        return state

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self.tv = None  # type: ignore[assignment]

    def words(self) -> list[tuple]:
        """similarity.text_words(name, tv) of each name (the remembered tuples themselves: not to be changed)."""
        if self._words is None:
            splits, self._splits = self._splits, None
            self._words = words_of_normalised(self.texts, self.norms, self.tv, splits)
        return self._words

    def firsts(self) -> list[str]:
        """The first of words() of each name, "" for a name without words."""
        if self._firsts is None:
            self._firsts = [found[0] if found else "" for found in self.words()]
        return self._firsts

    def measure_words(self) -> list[tuple]:
        """_measures.words(name, tv) of each name: its words with a leading numbering ("1.", "a.") dropped."""
        if self._measure_words is None:
            found = list(self.words())
            firsts = self.firsts()
            numbered = [first.isdigit() or len(first) == 1 for first in firsts]  # ("" is no numbering: no words)
            for number in compress(range(len(found)), numbered):
                found[number] = _unnumbered(found[number])
            self._measure_words = found
        return self._measure_words

    def spelled(self) -> list[tuple]:
        """_measures.spelled_out(measure_words) of each name: a leading abbreviation spelled out."""
        if self._spelled is None:
            found = list(self.measure_words())
            abbreviations = self.tv.abbreviations
            if abbreviations:
                firsts = [words[0] if words else "" for words in found]
                for number in compress(range(len(found)), map(abbreviations.__contains__, firsts)):
                    words = found[number]
                    found[number] = abbreviations[words[0]] + words[1:]
            self._spelled = found
        return self._spelled

    def heads(self, reader: HeadReader) -> list[str]:
        """reader(name, tv) of each name (the head it opens with), by map over the first words: the reader
        decides once per distinct first word."""
        found = self._heads.get(id(reader))
        if found is None or found[0] is not reader:
            # the first word stands for the name: the reader reads nothing else of it
            stand_in = dict(zip(reversed(self.firsts()), reversed(self.texts)))
            column = list(map(_Heads(reader, self.tv, stand_in).__getitem__, self.firsts()))
            found = self._heads[id(reader)] = (reader, column)
        return found[1]

    def content_words(self, extra: frozenset) -> list[tuple]:
        """similarity.content_words(name, tv, extra) of each name (as tuples), worked out as
        similarity.remember_content_words does, from words(), and kept here (not in the text vocabulary's memo:
        formula-mismatch, which asks, reads them from this column)."""
        found = self._content.get(extra)
        if found is None:
            found = self._content[extra] = content_words_of(self.texts, self.words(), self.tv, extra, remember=False)
        return found

    def counted(self, units) -> list[tuple | None]:
        """_measures.counted(name, tv, units) of each name: (noun, count class) of what a "Jumlah ..." name
        counts, else None. A name whose first word is a count head and whose next word is no quantifier
        counts that word: its class is looked up once per distinct word; the few others (a head glued to
        the next word, a quantifier after the head) are read one at a time, as counted() reads them."""
        found = self._counted.get(id(units))
        if found is None or found[0] is not units:
            found = self._counted[id(units)] = (units, self._count(units))
        return found[1]

    def _count(self, units) -> list[tuple | None]:
        tv, texts = self.tv, self.texts
        words, firsts = self.words(), self.firsts()
        heads, quantifiers = units.count_heads, units.quantifiers
        column: list[tuple | None] = [None] * len(words)
        opens = _CountOpener(heads)  # first word -> 1: a count head, 2: may hold one glued to the next word
        classes = _CountClass(tv, units)
        for number in compress(range(len(words)), map(opens.__getitem__, firsts)):
            found = words[number]
            if opens[firsts[number]] == 1 and len(found) > 1 and found[1] not in quantifiers:
                noun = found[1]
                klass = classes[noun]
                column[number] = (noun, klass) if klass else None
            else:
                column[number] = counted(texts[number], tv, units)
        return column


class _Splitting:
    """similarity.normalised_texts(texts, tv) that also keeps the words of each normalised text in `out`
    (normalised_texts_split), so that they need not be split again."""

    __slots__ = ("out",)

    def __init__(self, out: list) -> None:
        self.out = out

    def __call__(self, texts: list, tv: TextVocabulary) -> list[str]:
        found, splits = normalised_texts_split(texts, tv)
        self.out.append(splits)
        return found


class _Heads(dict):
    """first word -> reader(a name opening with it), once per distinct first word."""

    __slots__ = ("reader", "tv", "stand_in")

    def __init__(self, reader: HeadReader, tv: TextVocabulary, stand_in: dict) -> None:
        super().__init__()
        self.reader, self.tv, self.stand_in = reader, tv, stand_in

    def __missing__(self, first: str) -> str:
        found = self[first] = self.reader(self.stand_in[first], self.tv)
        return found


class _CountOpener(dict):
    """first word -> 1 when it is a count head, 2 when a count head may be glued to the next word in it, else
    0 (similarity.counted_noun reads nothing else of a name that opens with neither)."""

    __slots__ = ("heads",)

    def __init__(self, heads) -> None:
        super().__init__()
        self.heads = heads

    def __missing__(self, word: str) -> int:
        heads = self.heads
        found = self[word] = (
            1 if word in heads else 2 if any(word.startswith(h) and len(word) - len(h) >= 3 for h in heads) else 0
        )
        return found


class _CountClass(dict):
    """noun -> its count class (similarity.count_class), once per distinct noun."""

    __slots__ = ("tv", "units")

    def __init__(self, tv: TextVocabulary, units) -> None:
        super().__init__()
        self.tv, self.units = tv, units

    def __missing__(self, noun: str) -> str | None:
        found = self[noun] = count_class(noun, self.tv, self.units)
        return found


def _unnumbered(found: tuple) -> tuple:
    start = 0
    while start < len(found) and (found[start].isdigit() or len(found[start]) == 1):
        start += 1
    return found[start:]


def combined(*columns) -> tuple[list[int], Any]:
    """Each item's combination of the values of `columns` (one small non-negative integer per item in each: a
    Grouping's `of`, a reading number by item, as lists or numpy arrays), numbered in numpy: (the position of
    the first item of each distinct combination, in order of the combinations' numbers; the number of each
    item's combination, as a numpy array). For a verdict made once per distinct combination of what decides
    it, and spread back over 10^5 indicators with one index into an array, instead of a grouping of tuples."""
    import numpy as np

    key = None
    for column in columns:
        values = np.asarray(column, dtype=np.int64)
        if key is None:
            key = values
            continue
        size = int(values.max()) + 1 if len(values) else 1
        if len(key) and int(key.max()) >= _LIMIT // size:  # numbered afresh before it could overflow
            key = np.unique(key, return_inverse=True)[1].reshape(-1).astype(np.int64)
        key = key * size + values
    if key is None:
        raise ValueError("combined() needs a column")
    if len(key) and int(key.max()) < max(_DENSE * len(key), 1 << 16):  # the usual case: few possible keys
        return _numbered_densely(key)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)  # (first: the first occurrence)
    return first.tolist(), inverse.reshape(-1)


def _numbered_densely(key) -> tuple[list[int], Any]:
    """What np.unique(key, return_index=True, return_inverse=True) gives of the distinct keys (their first
    positions as a list; each item's number among them in the order of their values), for keys that are
    small non-negative integers: by one table with a place for every possible key instead of a sort (np.unique
    sorts 10^6 keys stably, ten times slower)."""
    import numpy as np

    size = int(key.max()) + 1
    held = np.zeros(size, dtype=bool)
    held[key] = True
    number = np.cumsum(held) - 1  # each key's number among the keys held, in the order of their values
    first = np.full(size, len(key), dtype=np.int64)
    np.minimum.at(first, key, np.arange(len(key), dtype=np.int64))  # the first position of each key
    return first[held].tolist(), number[key]


_LIMIT = 1 << 62
_DENSE = 4  # combined() numbers keys by a table of every possible key when it is no larger than 4× the items


def chosen_positions(chosen: list[bool], key_of) -> list[int]:
    """The positions of the items whose combination (key_of, as combined() numbers them) is chosen
    (chosen[number]), in document order."""
    import numpy as np

    return np.flatnonzero(np.asarray(chosen, dtype=bool)[key_of]).tolist()


def picked(ix: Index, grouping: Grouping, chosen: list[bool]) -> tuple[list[int], list[int]]:
    """(positions, numbers): grouping.positions(chosen) and grouping.numbers(positions), the members of the groups
    chosen (chosen[number], a bool per group) in document order and their group numbers, picked in numpy over the
    grouping's columns (Grouping.items: each item's row, each row's group), each made an array once per graph for
    every rule that asks (the indicator table's rows are one column for all its groupings). At 10^6 goals a rule's
    Grouping.positions() walks 1.5 million items in Python: a dozen indicator rules ask it."""
    import numpy as np

    by, numbers = grouping.items()
    column = _column_array(ix, by)
    wanted = np.asarray(chosen, dtype=bool)
    if numbers is None:
        positions = np.flatnonzero(wanted[column])
        return positions.tolist(), column[positions].tolist()
    groups = _column_array(ix, numbers)
    positions = np.flatnonzero(wanted[groups][column])
    return positions.tolist(), groups[column[positions]].tolist()


def group_column(ix: Index, grouping: Grouping):
    """Each item's group number in `grouping` as an int64 numpy array (read-only; Grouping.of as an array), from the
    grouping's columns made arrays once per graph (picked): without spelling `of` out as a list of 10^6 Python
    integers at 10^6 goals and turning it into an array."""
    by, numbers = grouping.items()
    column = _column_array(ix, by)
    if numbers is None:
        return column
    found = _column_array(ix, numbers)[column]
    found.flags.writeable = False
    return found


def _column_array(ix: Index, column: list[int]):
    """The list of small non-negative integers `column` (a grouping's, kept by the Index) as an int64 numpy array,
    read-only, made once per graph (keyed by the list itself, which the memo keeps alive)."""

    def made() -> tuple:
        import numpy as np

        found = np.asarray(column, dtype=np.int64)
        found.flags.writeable = False  # shared between rules
        return column, found

    kept, found = ix.shared(f"column array {id(column)}", made)
    if kept is not column:  # (cannot be: the memo holds the list, so no other object has its id)
        return made()[1]
    return found


def name_reading(ix: Index, tv: TextVocabulary) -> NameReading:
    """The reading of the graph's distinct indicator names with this text vocabulary, made once per graph."""
    reading = ix.shared(f"name reading {id(tv)}", lambda: NameReading(ix, tv))
    if reading.tv is None:  # come from another process (see __getstate__)
        reading.tv = tv
    return reading


def item_column(ix: Index, name: str):
    """A column over every indicator as one numpy array (int64, read-only), made once per graph for every rule that
    asks: "owners", the position in Index.nodes of each indicator's node (Index.indicators.owners), or "names",
    each indicator's name number (Index.indicator_groups(("name",)).of). Each is a list of 10^6 Python integers at
    10^6 goals, 15-25 ms to turn into an array: calculation-type, duplicate-indicator, formula-mismatch and
    unit-mismatch each turned them into one of their own."""
    if name not in _ITEM_COLUMNS:
        raise ValueError(f"no indicator column {name!r} (known: {', '.join(_ITEM_COLUMNS)})")

    def made():
        import numpy as np

        column = ix.indicators.owners if name == "owners" else ix.indicator_groups(("name",)).of
        found = np.asarray(column, dtype=np.int64)
        found.flags.writeable = False  # shared between rules
        return found

    return ix.shared(f"item column {name}", made)


_ITEM_COLUMNS = ("owners", "names")


def quoted_names(ix: Index, positions: list[int], limit: int = QUOTE_LIMIT) -> list[str]:
    """_quote.quote(name, limit) of the names of the indicators at these positions (in Index.indicators): each
    distinct name quoted once per graph, for every rule that quotes names in its findings (some 300,000 findings
    at 10^6 goals quote one), by its name number; a finding reads its name's quote by number instead of hashing
    and quoting the name again."""
    names = ix.indicator_groups(("name",))
    column: list = ix.shared(f"quoted names {limit}", lambda: [None] * len(names))
    numbers = names.numbers(positions)
    wanted = list(dict.fromkeys(numbers))
    missing = list(compress(wanted, map(operator.is_, map(column.__getitem__, wanted), repeat(None))))
    if missing:
        objects, first = ix.indicators.objects, names.first
        texts = list(map(_NAME, map(objects.__getitem__, map(first.__getitem__, missing))))
        collections.deque(map(column.__setitem__, missing, quote_many(texts, limit)), 0)
    return list(map(column.__getitem__, numbers))
