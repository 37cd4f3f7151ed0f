"""Building HTML safely: every string is text (escaped) unless it is an `Html` fragment built here.

    tag("td", user_text, class_="x", data_n=12)   ->  <td class="x" data-n="12">&lt;script&gt;…</td>
    Html("<br>")                                   ->  trusted markup, written as is

Attribute values are always escaped (quotes included); attribute names come from code only. Text a
user typed can therefore only reach the page through `esc` — it can never open a tag, close an
attribute or start a script. Characters HTML cannot carry (NUL and other C0 controls, lone
surrogates) become U+FFFD.

`markdown` renders the small Markdown subset of the rules' documentation (paragraphs, fenced code,
bullet lists, `code`, *emphasis*, **strong**), escaping first.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence

_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class Html(str):
    """Markup that is already safe: written to the page as is."""

    __slots__ = ()


def clean(text: object) -> str:
    return _NOT_TEXT.sub("\ufffd", str(text))


def esc(value: object) -> Html:
    """User (or any) text as HTML text; an Html fragment passes through unchanged."""
    if type(value) is not str:  # most calls: plain text, checked once
        if isinstance(value, Html):
            return value
        if value is None:
            return Html("")
        value = str(value)
    if _SPECIAL.search(value) is None:  # most text: nothing to escape
        return Html(value)
    return Html(html.escape(clean(value), quote=True))


def join(parts: Iterable[object], sep: str = "") -> Html:
    return Html(esc(sep).join([p if type(p) is Html else esc(p) for p in parts]))


def attrs(**values) -> Html:
    """` name="value"` pairs; `class_` -> class, `data_x_y` -> data-x-y; None and False are left out,
    True writes the bare attribute."""
    return _attrs(values)


_NAMES: dict[str, str] = {}  # keyword -> attribute name ("data_goto_n" -> "data-goto-n")


def _attrs(values: dict[str, object]) -> Html:
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = _NAMES.get(key)
        if name is None:
            name = _NAMES[key] = key.rstrip("_").replace("_", "-")
        if value is True:
            out.append(f" {name}")
        elif type(value) is int:  # a number: nothing to escape
            out.append(f' {name}="{value}"')
        else:
            out.append(f' {name}="{esc(value)}"')
    return Html("".join(out))


VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}


def tag(name: str, *content: object, **attributes) -> Html:
    """<name attrs>content</name>, each content item escaped unless it is Html."""
    opening = f"<{name}{_attrs(attributes)}>" if attributes else f"<{name}>"
    if name in VOID:
        return Html(opening)
    parts = [opening]
    for c in content:
        if c is not None:
            parts.append(c if type(c) is Html else esc(c))
    parts.append(f"</{name}>")
    return Html("".join(parts))


# A big section (the findings of 10^4 goals, the indicator table) is kept as a list of pieces: `wrap` and
# `pieces` do what `tag` and `join` do without joining, so its markup is joined once, when the page is
# written, and not again at every level of nesting (tens of megabytes copied each time).
Pieces = list[str]


def pieces(parts: Iterable[object], sep: str = "") -> Pieces:
    """`join(parts, sep)` as pieces: each part escaped unless it is Html, a list of pieces taken as it is."""
    out: Pieces = []
    separator = esc(sep)
    for i, part in enumerate(parts):
        if i and separator:
            out.append(separator)
        if isinstance(part, list):
            out.extend(part)
        else:
            out.append(esc(part))
    return out


def wrap(name: str, content: Sequence[str], **attributes) -> Pieces:
    """`tag(name, Html("".join(content)), **attributes)` as pieces (`content` already markup)."""
    opening = f"<{name}{_attrs(attributes)}>" if attributes else f"<{name}>"
    return [opening, *content, f"</{name}>"]


def json_for_script(data: object) -> Html:
    """JSON safe inside <script type="application/json">: no "<", ">" or "&" can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Html(clean(text))


# ------------------------------------------------------------------------------------------ markdown

_FENCE = re.compile(r"^```(\w*)\s*$")
_INLINE = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*")


def _inline(text: str) -> Html:
    out, last = [], 0
    for m in _INLINE.finditer(text):
        out.append(esc(text[last : m.start()]))
        if m.group(1) is not None:
            out.append(tag("code", m.group(1)))
        elif m.group(2) is not None:
            out.append(tag("strong", m.group(2)))
        else:
            out.append(tag("em", m.group(3)))
        last = m.end()
    out.append(esc(text[last:]))
    return Html("".join(out))


def markdown(text: str) -> Html:
    """The Markdown subset of the rule docs, as HTML (headings become <h4>)."""
    lines = (text or "").splitlines()
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []

    def flush():
        if para:
            out.append(tag("p", _inline(" ".join(para))))
            para.clear()
        if items:
            out.append(tag("ul", Html("".join(tag("li", _inline(i)) for i in items))))
            items.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line.strip())
        if fence:
            flush()
            code = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code.append(lines[i])
                i += 1
            out.append(
                tag("pre", tag("code", "\n".join(code), class_=f"lang-{fence.group(1)}" if fence.group(1) else None))
            )
        elif line.startswith("#"):
            flush()
            out.append(tag("h4", _inline(line.lstrip("#").strip())))
        elif re.match(r"^\s*[-*] ", line):
            if para:
                flush()
            items.append(re.sub(r"^\s*[-*] ", "", line))
        elif not line.strip():
            flush()
        elif items and line.startswith("  "):
            items[-1] += " " + line.strip()
        else:
            if items:
                flush()
            para.append(line.strip())
        i += 1
    flush()
    return Html("".join(out))


def doc_section(doc: str, heading: str) -> str:
    """The body of one "## heading" section of a rule's Markdown doc ("" when absent)."""
    m = re.search(rf"^## {re.escape(heading)}\s*$\n(.*?)(?=^## |\Z)", doc or "", re.S | re.M)
    return m.group(1).strip() if m else ""
