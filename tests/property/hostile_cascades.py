"""Hypothesis strategies for hostile cascades, and the helpers the property suite shares.

A generated cascade is a document in the schema's shape (kinerja_graph/schemas/cascade.schema.json)
whose texts mix ordinary Indonesian planning words with what breaks tools: markup, quotes, Graphviz
escapes, control characters, formula prefixes, long words without spaces, emoji and bidi controls,
YAML look-alikes and list separators; whose shape is a chain, a fan, a tree, a DAG, with now and then a
dangling parent or a circle; and which is now and then wrong (an unknown level, a number where a
list belongs) so that the refusal paths run too.

How many inputs: a fast, derandomised slice of FAST_EXAMPLES per property runs with every test run;
KINERJA_PROPERTY_EXAMPLES=N generates N inputs in all, shared among the properties (`examples`).
The long run, documented in docs/contributing.md:

    KINERJA_PROPERTY_EXAMPLES=10000 ./run test tests/property
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from kinerja_graph import writers
from kinerja_graph.cli import cli

FAST_EXAMPLES = 3  # per property in the fast slice (every test run)
# the long run: this many generated inputs in all, shared among the properties (see examples())
EXAMPLES = int(os.environ.get("KINERJA_PROPERTY_EXAMPLES") or 0)
RUN_SECONDS = 60  # one command on a generated cascade (tens of nodes) takes well under a second
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)


def examples(share: float, *, fast: int = FAST_EXAMPLES) -> settings:
    """Hypothesis settings for a property that takes `share` of the long run's inputs (the shares of all
    properties add up to 1), or `fast` in the fast slice. The fast slice is derandomised (the same
    on every run) and reports a failing example as found; the long run explores and shrinks a failing
    example to a small one."""
    return settings(
        max_examples=max(fast, round(EXAMPLES * share)),
        deadline=None,
        derandomize=not EXAMPLES,
        database=None,
        phases=tuple(Phase) if EXAMPLES else NO_SHRINK,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


# ------------------------------------------------------------------------------------------------
# texts

WORDS = [
    "Meningkatnya",
    "Terwujudnya",
    "Terlaksananya",
    "kualitas",
    "pelayanan",
    "publik",
    "kecamatan",
    "desa",
    "persentase",
    "jumlah",
    "dokumen",
    "laporan",
    "akuntabilitas",
    "kinerja",
    "indeks",
    "kepuasan",
    "masyarakat",
    "ketenteraman",
    "dan",
    "yang",
]
MARKER = "kinerjaPWN"  # markup carrying it must never reach an HTML, SVG or Markdown output raw
HOSTILE = [
    f"<script>{MARKER}()</script>",
    f"<img src=x onerror={MARKER}()>",
    "</td></tr></table><b>",
    "&amp; &lt; &#x41;",
    "]]>",
    "<!--",
    '"',
    "'",
    '\\"',
    "`",
    "\\N",
    "\\G",
    "\\L",
    "\\n",
    "\\",
    f'"]; {MARKER} [label="x',
    "{",
    "}",
    "|",
    "<>",
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x1b]8;;http://example.invalid\x07link",
    "\x7f",
    "\x85",
    "\r\n",
    "\r",
    "\t",
    "\u202e",
    "\u2066",
    "=1+1",
    "+62 812",
    "-5",
    "@SUM(A1)",
    '=HYPERLINK("http://example.invalid")',
    "**x**",
    "[a](javascript:alert(1))",
    "# x",
    "> quote",
    "```",
    "😀",
    "👩‍👩‍👧",
    "🇮🇩",
    "e\u0301",
    "\u200b",
    "\ufeff",
    "\xa0",
    "~",
    "null",
    "yes",
    "- x",
    ": x",
    "&a",
    "*a",
    "!!str",
    "%",
    "{a: b}",
    "[1]",
    "0x1F",
    "1e3",
    ".inf",
    "01",
    "1.10",
    "#",
    "x#",
    "#y",
    "a#b#c",
    ";",
    ",",
    "a; b",
    "a\nb",
    "%0A",
    "::error::",
]


def long_word(draw_length: int) -> str:
    return "M" + "x" * (draw_length - 1)


printable = st.characters(exclude_categories=("Cs",))  # a lone surrogate cannot be written to a file
piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(HOSTILE),
    st.text(printable, min_size=1, max_size=10),
    st.integers(30, 3_000).map(long_word),
    st.just("https://example.invalid/" + "a" * 300),
)
text = st.lists(piece, min_size=1, max_size=5).map(" ".join)
short_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE)), min_size=1, max_size=3).map(" ".join)

LEVELS = [
    "Tujuan",
    "Sasaran Strategis",
    "Sasaran Program",
    "Sasaran Kegiatan",
    "Proses",
    "Output",
    "Intermediate Outcome",
]
level = st.sampled_from(LEVELS * 12 + ["Entah", " tujuan ", "TUJUAN"])
CALCULATIONS = ["kumulatif", "non-kumulatif", "kumulatif-negatif", "Non Kumulatif"]
year = st.integers(2019, 2031)
target_value = st.one_of(
    st.sampled_from(["75", "77,5", "4 Dokumen", "85 %", "1.500", "-", "", "80–85", "Tersedia", "=1+1"]), short_text
)
indicator = st.fixed_dictionaries(
    {"name": text},
    optional={
        "formula": text,
        "unit": st.one_of(st.sampled_from(["persen", "%", "dokumen", "indeks", "orang"]), short_text),
        "calculation": st.sampled_from(CALCULATIONS * 6 + ["entah"]),
        "polarity": st.sampled_from(["higher", "lower", "semakin tinggi semakin baik"]),
        "source": text,
        "targets": st.dictionaries(year.map(str), target_value, max_size=4),
        "notes": short_text,
    },
)
RULES = ["single-child", "missing-owner", "near-duplicate", "missing-unit", "level-skip"]
silence = st.fixed_dictionaries({"rule": st.sampled_from(RULES)}, optional={"reason": short_text})
note_key = st.one_of(st.sampled_from(["tahap", "catatan", "keterangan"]), short_text)
notes = st.one_of(short_text, st.dictionaries(note_key, short_text, min_size=1, max_size=2))
crosscutting = st.lists(
    st.one_of(st.sampled_from(["BKPSDM", "Satpol PP", "#", "x#", "#1.2", "kec#1", "Satpol PP; TNI"]), short_text),
    min_size=1,
    max_size=3,
)
ID_PREFIX = ["", "", "", "n", "1.", "a b ", "=", "\x1b", "x#", "😀", "<b>", '"']


def now_and_then(one_in: int) -> st.SearchStrategy[bool]:
    """True about once in `one_in` draws (sampled, not a small integer: Hypothesis favours zero)."""
    return st.sampled_from([False] * (one_in - 1) + [True])


@st.composite
def cascades(draw, max_nodes: int = 16) -> dict:
    """A cascade document (plain data) of up to max_nodes goals in one of several shapes."""
    n = draw(st.integers(1, max_nodes))
    prefix = draw(st.sampled_from(ID_PREFIX))
    ids = [f"{prefix}{i}" for i in range(n)]
    shape = draw(st.sampled_from(["chain", "fan", "tree", "dag", "flat"]))
    nodes = []
    for i, node_id in enumerate(ids):
        node: dict = {"id": node_id, "statement": draw(text), "level": draw(level)}
        if i:
            if shape == "chain":
                node["parent"] = ids[i - 1]
            elif shape == "fan":
                node["parent"] = ids[0]
            elif shape == "tree":
                node["parent"] = ids[draw(st.integers(0, i - 1))]
            elif shape == "dag":
                node["parent"] = sorted({ids[draw(st.integers(0, i - 1))] for _ in range(2)})
        if draw(now_and_then(10)):  # a dangling parent or a circle
            node["parent"] = draw(st.sampled_from(["nowhere", ids[-1]]))
        for key, strategy in (
            ("owner", short_text),
            ("indicators", st.lists(indicator, max_size=2)),
            ("crosscutting", crosscutting),
            ("notes", notes),
            ("ignore", st.lists(silence, max_size=1)),
        ):
            if draw(st.booleans()):
                node[key] = draw(strategy)
        nodes.append(node)
    if draw(now_and_then(15)):  # a number where a list belongs
        nodes[0]["indicators"] = 5
    doc: dict = {"kinerja": 1, "organisation": {"name": draw(text)}, "nodes": nodes}
    if draw(st.booleans()):
        doc["organisation"]["type"] = draw(st.sampled_from(["kecamatan", "dinas", "badan", "kelurahan"]))
    if draw(st.booleans()):
        doc["organisation"]["id"] = draw(st.sampled_from(["kec", "praya", "x-1"]))
    if draw(st.booleans()):
        first = draw(year)
        doc["period"] = draw(st.sampled_from([[first, first + 4], [first + 4, first], [first]]))
    if draw(st.booleans()):
        doc["notes"] = draw(notes)
    return doc


@st.composite
def deep_or_wide(draw) -> dict:
    """A plain, valid cascade of a few hundred goals in a chain or a fan (deep and wide shapes)."""
    n = draw(st.integers(50, 400))
    fan = draw(st.booleans())
    nodes = [{"id": "0", "statement": "Meningkatnya kinerja kecamatan", "level": "Tujuan", "owner": "Camat"}]
    for i in range(1, n):
        nodes.append(
            {
                "id": str(i),
                "parent": "0" if fan else str(i - 1),
                "statement": f"Meningkatnya {draw(st.sampled_from(WORDS))} {i}",
                "level": "Output" if fan else "Sasaran Strategis",
                "indicators": [{"name": f"Persentase layanan {i}", "targets": {"2024": str(i % 100)}}],
            }
        )
    return {"kinerja": 1, "organisation": {"name": "Besar", "id": "besar"}, "period": [2022, 2026], "nodes": nodes}


# ------------------------------------------------------------------------------------------------
# running within bounds


class Hang(Exception):
    """A command ran past RUN_SECONDS: a hang, whatever the input."""


@contextlib.contextmanager
def bounded(seconds: int = RUN_SECONDS) -> Iterator[None]:
    """Raise Hang in the running code when it takes longer than `seconds` (main thread, POSIX)."""

    def expire(signum, frame):
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------------------------------------
# commands

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MESSAGE_LIMIT = 2_000


def write_document(doc: dict, folder: Path, fmt: str, name: str = "cascade") -> Path:
    path = folder / f"{name}.{fmt}"
    path.write_text(writers.dumps_yaml(doc) if fmt == "yaml" else writers.dumps_json(doc), encoding="utf-8")
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    """One command in-process within bounded time: (exit code, stdout, stderr), checked for the basics."""
    with bounded():
        result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"kinerja {' '.join(args)} raised {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1, 2), (args, result.exit_code)
    out, err = result.stdout, result.stderr
    assert "Traceback" not in err and "internal error" not in err, err[-2000:]
    assert not RAW_CONTROL.search(err), ("raw control character on stderr", args, err[-500:])
    assert all(len(line) <= MESSAGE_LIMIT for line in err.splitlines()), ("long message", args)
    return result.exit_code, out, err
