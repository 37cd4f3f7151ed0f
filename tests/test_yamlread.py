"""yamlread.load builds the data from the parser's events; it must give exactly what the thorough way
(compose, then to_data) gives — the same values, the same lines — and leave every refusal to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_graph import yamlread
from kinerja_graph.loaders import structured

ROOT = Path(__file__).resolve().parent.parent


def _thorough(text: str) -> tuple[object, list[tuple[str, int]]]:
    lines: list[tuple[dict, int]] = []
    root = yamlread.compose(text)
    if root is None:
        raise yamlread.Empty
    data = yamlread.to_data(
        root,
        structured._scalar,
        on_mapping=lambda mapping, node: lines.append((mapping, node.start_mark.line + 1)),
        max_depth=structured.MAX_DEPTH,
        fresh_depth_keys=("children",),
    )
    return data, sorted((repr(mapping), line) for mapping, line in lines)


def _events(text: str) -> tuple[object, list[tuple[str, int]]]:
    lines: list[tuple[dict, int]] = []
    data = yamlread._from_events(
        text,
        structured._scalar,
        lambda mapping, line: lines.append((mapping, line)),
        structured.MAX_DEPTH,
        frozenset({"children"}),
    )
    return data, sorted((repr(mapping), line) for mapping, line in lines)


PLAIN = [
    "a: 1\nb: [x, 'y', \"z\"]\n",
    "~: null key\n'~': quoted\nyes: true-ish key\n2025: 5\n",
    "- {id: a, n: ~}\n- id: b\n  v: [1, 2.5, 0x1F, 1_000, .inf, 12:30, 2025-01-01, on, No, '']\n",
    "---\nnodes:\n- id: '1'\n  children:\n  - id: '1.1'\n    statement: >\n      folded\n      text\n...\n",
    "scalar at the top\n",
    "x: &anchor {k: v}\n",  # an anchor without an alias adds nothing
    "=: value\n<<: {a: 1}\n",  # keys are their text, whatever YAML resolves them to
]

NOT_PLAIN = [
    ("a: &x [1]\nb: *x\n", None),  # an alias: its budget is counted the thorough way
    ("a: !!python/tuple [1]\n", "unsupported YAML tag"),
    ("a: 1\na: 2\n", "appears twice"),
    ("a: [" * 40 + "]" * 40 + "\n", "nested more than"),
    ("a: 1\n---\nb: 2\n", "not valid YAML"),
    ("a: [1\n", "not valid YAML"),
    ("? [k]\n: v\n", "plain text"),
]


@pytest.mark.parametrize("text", PLAIN)
def test_events_give_what_the_thorough_way_gives(text: str) -> None:
    assert repr(_events(text)) == repr(_thorough(text))


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.yaml")), ids=lambda p: p.name)
def test_samples_read_from_events_as_the_thorough_way_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert repr(_events(text)) == repr(_thorough(text))


@pytest.mark.parametrize(("text", "refused"), NOT_PLAIN)
def test_what_is_not_plain_is_read_the_thorough_way(text: str, refused: str | None) -> None:
    with pytest.raises(yamlread._NotPlain):
        _events(text)
    if refused is None:
        assert yamlread.load(text, structured._scalar) == {"a": [1], "b": [1]}
        return
    with pytest.raises(yamlread.YamlRefused) as caught:
        yamlread.load(text, structured._scalar, max_depth=structured.MAX_DEPTH)
    assert refused in caught.value.message
    with pytest.raises(yamlread.YamlRefused) as thorough:
        _thorough(text)
    assert (caught.value.line, caught.value.message) == (thorough.value.line, thorough.value.message)


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_no_document_is_empty(text: str) -> None:
    with pytest.raises(yamlread.Empty):
        yamlread.load(text, structured._scalar)


def test_a_refused_text_leaves_no_line_behind() -> None:
    """Lines are handed over only once the whole text is read: a text read again the thorough way
    does not keep lines of mappings the first pass made and dropped."""
    seen: list[int] = []
    text = "a: {k: 1}\nb: {k: 2}\nb: 3\n"
    with pytest.raises(yamlread.YamlRefused):
        yamlread.load(text, structured._scalar, on_mapping=lambda mapping, line: seen.append(line))
    assert seen == [1]  # the thorough way's: the top mapping, whose keys it reads before what they hold
