"""Text a user typed, made safe for Graphviz HTML-like labels, and wrapped into lines.

Every user string that reaches the diagram goes through `esc` (or `lines`, which calls it):

* characters XML 1.0 cannot carry (NUL and other C0 controls, U+FFFE/U+FFFF, lone surrogates)
  become U+FFFD, so the SVG stays well-formed; a tab becomes a space (Graphviz drops tabs);
* ``& < > " '`` become entities (`html.escape`), so no text can open a tag of the label;
* every backslash is doubled: Graphviz expands ``\\N``, ``\\G``, ``\\E``, ``\\H``, ``\\T`` and
  ``\\L`` even inside HTML-like labels (and even when written ``&#92;N``), and reads ``\\\\`` as one
  backslash, so doubling is what makes a typed backslash appear as itself.

Newlines a user typed start a new line of the box; long lines wrap at word boundaries.
"""

from __future__ import annotations

import html
import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """The text with line ends unified, tabs as spaces and XML-illegal characters as U+FFFD."""
    s = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _NOT_XML.sub("\ufffd", s)


# what `esc` and `wrap` made of each text so far: a drawing's pages repeat the same texts (a box on every
# candidate page the planner builds, the same notes and captions); forgotten when they grow past _MEMO
_MEMO = 1 << 17
_escaped: dict[str, str] = {}
_wrapped: dict[tuple[str, int], list[str]] = {}


def esc(text: object) -> str:
    """One line of user text, safe inside a Graphviz HTML-like label (no wrapping)."""
    if type(text) is not str:
        return _esc(text)
    got = _escaped.get(text)
    if got is None:
        if len(_escaped) >= _MEMO:
            _escaped.clear()
        got = _escaped[text] = _esc(text)
    return got


def _esc(text: object) -> str:
    return html.escape(clean(text), quote=True).replace("\\", "\\\\")


def esc_lines(lines: list[str]) -> list[str]:
    """`esc` of each line (of `wrap`: no line end in it), escaped at once: a line of a box is seldom escaped twice
    (each goal's statement, each indicator's name), and escaping works character by character."""
    joined = "\n".join(lines)
    if "\r" in joined or joined.count("\n") != len(lines) - 1:  # a line end in a line: each on its own
        return [esc(x) for x in lines]
    return _esc(joined).split("\n")


def wrap(text: object, width: int) -> list[str]:
    """Lines of at most `width` characters, broken at spaces (greedy, like textwrap but linear and
    several times faster); a word longer than twice the width is cut. A newline in the text always
    starts a new line; spaces inside a line are kept as typed."""
    if type(text) is not str:
        return _wrap(text, width)
    key = (text, width)
    got = _wrapped.get(key)
    if got is None:
        if len(_wrapped) >= _MEMO:
            _wrapped.clear()
        got = _wrapped[key] = _wrap(text, width)
    return list(got)


def _wrap(text: object, width: int) -> list[str]:
    out: list[str] = []
    for paragraph in clean(text).split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                out.extend(_cut(line.rstrip(" "), 2 * width))
                line = word
        out.extend(_cut(line.rstrip(" "), 2 * width))
    return out


def _cut(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    return [line[i : i + limit] for i in range(0, len(line), limit)]


def lines(text: object, width: int) -> str:
    """Wrapped, escaped text joined by Graphviz line breaks (a cell's BALIGN aligns them)."""
    return "<BR/>".join(esc(line) for line in wrap(text, width))


def shorten(text: object, limit: int) -> str:
    """The text on one line, cut to `limit` characters with an ellipsis (for titles)."""
    s = " ".join(clean(text).split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def tag(name: str, inner: str, attrs: str = "") -> str:
    """`inner` (already escaped label text) inside an HTML-like element, or nothing when it is
    empty: Graphviz rejects an empty <B></B>, <I></I> or <FONT></FONT> as a syntax error (and then
    draws the node's internal name instead of its label)."""
    if not inner:
        return ""
    return f"<{name}{' ' + attrs if attrs else ''}>{inner}</{name}>"
