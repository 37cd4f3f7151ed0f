"""Work on many distinct texts at once (not a rule: the registry skips modules whose name starts with an
underscore).

A Pemda cascade holds 10^5 distinct statements and indicator names. A rule that needs each one's
normalised form pays for a few calls per text; read as one text, the plain ASCII ones (nearly all) cost
three calls in all.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from kinerja_graph.similarity import TextVocabulary, normalised

# a plain ASCII text byte by byte: letters in lower case, digits kept, NUL kept (it separates the texts read
# as one), anything else a space: the words text.normalise keeps
_WORDS_AND_NUL = bytes(
    0 if i == 0 else ord(c.lower()) if c.isascii() and c.isalnum() else 32 for i, c in enumerate(map(chr, range(256)))
)


def normalised_texts(texts: Sequence, tv: TextVocabulary) -> list[str]:
    """similarity.normalised(text, tv) of each of `texts`, in order ("" for None or an empty text)."""
    plain = [type(t) is str and t.isascii() and "\0" not in t for t in texts]
    ascii_texts = list(compress(texts, plain))
    out: list[str] = []
    if ascii_texts:
        pieces = "\0".join(ascii_texts).encode("ascii").translate(_WORDS_AND_NUL).decode("ascii").split("\0")
        out = list(map(" ".join, map(str.split, pieces)))
    if len(ascii_texts) == len(texts):  # the usual case
        return out
    words = iter(out)
    return [next(words) if p else normalised(t, tv) if t else "" for t, p in zip(texts, plain)]
