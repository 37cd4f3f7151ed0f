"""Empty in meaning (not a rule: the registry skips modules whose name starts with an underscore).

A field is blank when it is absent, a placeholder ("-", "n/a", "tidak ada": each rule's `placeholders`
option), only punctuation, or shorter than a rule's `min-length` letters and digits. Absent everywhere:
when *no* item of a cascade has a field (a drawn pohon kinerja carries no formulas at all), the
completeness rules say so once for the cascade instead of once per item.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Mapping
from itertools import compress, repeat
from typing import TYPE_CHECKING

from kinerja_graph.checks._batch import Batch
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks._reading import name_reading, picked, quoted_names
from kinerja_graph.findings import Finding
from kinerja_graph.similarity import text_vocabulary
from kinerja_graph.text import normalise

if TYPE_CHECKING:
    from kinerja_graph.checks.base import Context


def placeholder_set(options: Mapping) -> frozenset:
    """A rule's `placeholders` option, ready for blank_kind()."""
    return frozenset(str(p).strip().lower() for p in options.get("placeholders") or ())


def blank_kind(value: object, placeholders: frozenset, min_length: int = 0, symbols_count: bool = False) -> str | None:
    """Why `value` is blank: "empty" (absent, or only spaces), "placeholder" (a placeholder, only punctuation,
    or fewer than min_length letters and digits), or None when it is not blank.

    symbols_count: a text of symbols only is not blank (a unit of "%" is a unit).
    """
    if value is None:
        return "empty"
    s = str(value).strip()
    if not s:
        return "empty"
    if s.lower() in placeholders:
        return "placeholder"
    if symbols_count:
        return None
    need = max(min_length, 1)
    count = 0
    for ch in s:  # stops as soon as enough letters and digits are seen
        if ch.isalnum():
            count += 1
            if count >= need:
                return None
    return "placeholder"


def is_blank(value: object, placeholders: frozenset, min_length: int = 0, symbols_count: bool = False) -> bool:
    """blank_kind() is not None."""
    return blank_kind(value, placeholders, min_length, symbols_count) is not None


_PARENTHESES = re.compile(r"\([^()]*\)")


def _core(text: str) -> str:
    """A text for "does the formula only repeat the name?": normalised, abbreviations in brackets dropped."""
    return normalise(_PARENTHESES.sub(" ", str(text)))


def _ends(s: str) -> tuple[str, str]:
    """The first and the last letter or digit of s, lower case ("", "") when it has none."""
    i, j = 0, len(s) - 1
    while i <= j and not s[i].isalnum():
        i += 1
    while j >= i and not s[j].isalnum():
        j -= 1
    return (s[i].lower(), s[j].lower()) if i <= j else ("", "")


def same_text(a: str, b: str) -> bool:
    """Do a and b say the same words (case, accents, punctuation and bracketed abbreviations aside)?

    Plain ASCII texts that end with different letters, or (without brackets) begin or end with different
    letters, cannot be the same: those checks cost next to nothing and spare normalising almost every
    formula ("… x 100%").
    """
    if a.isascii() and b.isascii():
        last_a, last_b = a[-1:], b[-1:]
        if last_a.isalnum() and last_b.isalnum() and last_a.lower() != last_b.lower():
            return False
        if "(" not in a and "(" not in b and _ends(a) != _ends(b):
            return False
    return _core(a) == _core(b)


def missing_field(ctx: Context, field: str) -> Iterator[Finding]:
    """Findings for indicators whose `field` (formula, source) is absent or a placeholder.

    Message keys the rule declares: "one" (absent), "placeholder" (written but empty in meaning), "same"
    (only repeats the indicator's name; used when the option same-as-name is true) and "none" (no
    indicator of the cascade has the field at all).
    """
    options = ctx.options
    placeholders = placeholder_set(options)
    min_length = int(options.get("min-length", 0) or 0)
    same_as_name = bool(options.get("same-as-name", False))
    variants = {"empty": "one", "placeholder": "placeholder"}

    ix = ctx.index
    objects = ix.indicators.objects
    by_value = ix.indicator_groups((field,))
    values = [getattr(objects[p], field) for p in by_value.first]  # each distinct value, by its number
    # what the value alone decides, once per distinct value: "one", "placeholder", or None (written)
    decided = [variants.get(blank_kind(value, placeholders, min_length)) for value in values]  # type: ignore[arg-type]
    if not same_as_name:
        grouping, verdicts = by_value, decided
    else:
        grouping = ix.indicator_groups((field, "name"))
        verdicts = list(map(decided.__getitem__, by_value.numbers(grouping.first)))
        written = list(compress(range(len(verdicts)), map(operator.not_, verdicts)))
        if written:
            for number in compress(written, _repeats_name(ctx, grouping, written, values, by_value)):
                verdicts[number] = "same"
    chosen = [verdict is not None for verdict in verdicts]
    if not any(chosen):
        return
    positions, numbers = picked(ix, grouping, chosen)  # the indicators lacking the field, in document order
    found: list = list(map(verdicts.__getitem__, numbers))  # (none of them None)
    total = len(ctx.index.indicators)
    if options.get("summarise-absent", True) and total > 1 and found.count("one") == total:
        yield ctx.finding(None, "none", count=total)
        return
    # the findings made together, message by message (Context.findings), each name quoted once
    owners, nodes = ix.indicators.owners, ix.nodes
    batch = Batch()
    for position, variant, said in zip(positions, found, quoted_names(ix, positions)):
        indicator = objects[position]
        n, d = nodes[owners[position]]
        args = {"indicator": said}
        if variant == "placeholder":
            args["value"] = quote(getattr(indicator, field), 30)
        batch.add(variant, n, indicator_location(indicator, d), args)
    yield from batch.made(ctx)


def _repeats_name(ctx: Context, pairs, numbers: list[int], values: list, by_value) -> list[bool]:
    """same_text(value.strip(), name) for the groups of `pairs` (by value and name) at these numbers, whose
    values are written: what _core() makes of each value, once per distinct value, against what it makes of
    each name, once per distinct name (for a name without brackets its normalised words, which every rule
    reading names shares: _measures.normalised_names), compared in C."""
    ix = ctx.index
    firsts = list(map(pairs.first.__getitem__, numbers))
    value_of = by_value.numbers(firsts)
    names = ix.indicator_groups(("name",))
    name_of = names.numbers(firsts)
    texts = name_reading(ix, text_vocabulary(ctx.vocabulary, ctx.graph)).texts  # by name number
    if not set(map(type, texts)) <= {str}:  # a hand-built model: each pair as same_text() reads it
        return [same_text(values[v].strip(), texts[n]) for v, n in zip(value_of, name_of)]
    value_cores: dict[int, str] = {v: _core(values[v].strip()) for v in set(value_of)}
    name_cores = list(name_reading(ix, text_vocabulary(ctx.vocabulary, ctx.graph)).norms)
    for n in compress(range(len(texts)), map(operator.contains, texts, repeat("("))):
        name_cores[n] = _core(texts[n])
    return list(map(operator.eq, map(value_cores.__getitem__, value_of), map(name_cores.__getitem__, name_of)))
