"""near-duplicate quotes each variant's text through _quote_texts, which takes a shortcut for texts whose first
characters are plain words set apart by single spaces: it must quote every text as quote() does."""

import random

from kinerja_graph.checks._quote import quote, quote_many
from kinerja_graph.checks.near_duplicate import _quote_texts

# white space of every kind str.split knows (tab, line breaks, separators, no-break and wide spaces), and letters
_PIECES = ["a", "b", "Z", " ", "  ", "\t", "\n", "\r\n", "\xa0", "\u2003", "\x1c", "\u3000", "\x85", "é", "…", ".", "-"]


def _texts() -> list[str]:
    rng = random.Random(15)
    texts = []
    for _ in range(20000):
        size = rng.choice([0, 1, 5, 20, 55, 59, 60, 61, 62, 63, 70, 120])
        text = "".join(rng.choice(_PIECES) for _ in range(size))
        texts.append(text[: rng.choice([size, 58, 59, 60, 61, 62])])
    # the edges: exactly at the limit, one over, a space or a run of spaces just at or past it
    texts += ["", " ", "a" * 60, "a" * 61, "a" * 62, "a" * 59 + " b", "a" * 59 + "  b", "a" * 60 + " ", "a" * 60 + "  "]
    texts += ["a" * 58 + " " + "b" * 5, "x " * 40, " leading", "trailing ", "a" * 60 + "\t" + "b", "a" * 61 + "\n"]
    return texts


def test_quote_texts_is_quote():
    texts = _texts()
    for limit in (60, 70, 10):
        assert _quote_texts(texts, limit) == [quote(text, limit) for text in texts]


def test_quote_texts_not_all_strings():
    texts = [None, "a  b", "Indeks Kepuasan Masyarakat"]
    assert _quote_texts(texts, 60) == quote_many(texts, 60) == ["", "a b", "Indeks Kepuasan Masyarakat"]
