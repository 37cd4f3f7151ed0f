"""`kinerja check --format json`: the stable, documented machine form (docs/json-output.md).

    {"version": 1,
     "summary": {"files", "error", "warning", "info", "silenced", "unreadable", "internal_errors"},
     "findings": [{"rule", "severity", "node", "related", "file", "line", "message", ["cell"], "area", "lke",
                   "args", "basis"}],
     "silenced": [{... the finding ..., "reason"}],
     "errors": [{"kind": "input" | "internal", "file", "rule", "message"}],
     ["statistics": [{"rule", "severity", "count", "summary"}]]}    # with --statistics only

Findings keep the engine's order: file by file as given, then by line. Keys never disappear: a value
that is unknown is null. New keys may be added within version 1; removing or renaming one raises it.

Layout: the top level indented, each finding (silenced finding, error) on a line of its own. A cascade of
10^5 nodes has 10^4 findings: one line each is written by json's C encoder, many times faster than
indenting every key, and greps and diffs well.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from itertools import islice

from kinerja_graph.engine import Report
from kinerja_graph.findings import Finding
from kinerja_graph.messages import renderer, to_dict, wording

VERSION = 1


def to_data(report: Report, lang: str = "id", *, statistics: bool = False) -> dict:
    """The whole document as plain data (for a program that wants it so; the command streams it: chunks)."""
    data = _lazy_data(report, lang, statistics=statistics)
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in data.items()}


def _lazy_data(report: Report, lang: str = "id", *, statistics: bool = False, texts: bool = False) -> dict:
    """to_data() with its lists of findings as iterators: each finding becomes a dict when it is written
    (`texts`: its JSON text, an Encoded, made without the dict)."""
    words = renderer(lang)
    data: dict = {
        "version": VERSION,
        "summary": report.summary(),
        "findings": _texts(report.findings, words, lang)
        if texts
        else (to_dict(f, lang, words) for f in report.findings),
        "silenced": _texts([s.finding for s in report.silenced], words, lang, [s.reason for s in report.silenced])
        if texts
        else ({**to_dict(s.finding, lang, words), "reason": s.reason} for s in report.silenced),
        "errors": [e.to_dict() for e in report.errors],
    }
    if statistics:  # the counts per rule, most first (report/statistics.py)
        from kinerja_graph.report import statistics as stats

        data["statistics"] = stats.to_data(report, lang)
    return data


_ONE_LINE = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder


class Encoded(Iterator[str]):
    """A list's entries given as their JSON texts, already encoded: written as they are."""

    def __init__(self, texts: Iterator[str]) -> None:
        self._texts = texts

    def __iter__(self) -> Iterator[str]:
        return self._texts

    def __next__(self) -> str:
        return next(self._texts)


def _texts(
    findings: list[Finding], words: Callable[[Finding], str], lang: str, reasons: list[str] | None = None
) -> Encoded:
    """The JSON text of each finding, as the compact encoder writes to_dict(f) (with its silence's "reason"
    after it, when `reasons` are given): the keys, a rule's severity, area and criterion and a file's name are
    encoded once and joined with each finding's own values; only its args go through the encoder."""
    return Encoded(_finding_texts(findings, words, lang, reasons))


_Fixed = tuple[str, str, str, str, "Callable[..., str] | None"]


def _finding_texts(
    findings: list[Finding], words: Callable[[Finding], str], lang: str, reasons: list[str] | None
) -> Iterator[str]:
    encode, string = compact_encoder(), json.encoder.encode_basestring
    # (rule, key, severity, area, lke, file) -> the texts that stand between a finding's own values (up to the node;
    # from the related ids' end to the line, and the same after ids joined in quotes, with the closing quote; from
    # the message's end to the args) and the function that words the rule's message: one look-up per finding (a
    # report has 7·10^5 at 10^6 goals), not one for each of these and two more in `words`
    fixed: dict[tuple, _Fixed] = {}
    for number, f in enumerate(findings):
        texts = fixed.get((f.rule, f.key, f.severity, f.area, f.lke, f.file))
        if texts is None:
            file = f'], "file": {encode(f.file)}, "line": '
            texts = fixed[f.rule, f.key, f.severity, f.area, f.lke, f.file] = (
                f'{{"rule": {encode(f.rule)}, "severity": {encode(f.severity)}, "node": ',
                file,
                '"' + file,
                f', "area": {encode(f.area)}, "lke": {encode(f.lke)}, "args": ',
                wording(f.rule, f.key, lang),
            )
        head, file, quoted_file, kind, worded = texts
        node, related, location, args, basis = f.node, f.related, f.location, f.args, f.basis
        line = location.line if location else None
        cell = location.cell() if location and location.kind == "cell" else None  # (only a cell has one)
        if worded is None:
            message = words(f)
        else:
            try:
                message = worded(args, lang, f)
            except KeyError:  # an argument missing: said by `words` as render() says it
                message = words(f)
        if not related:
            opening, ids = ', "related": [', ""
        else:  # node ids, nearly always texts JSON writes as they are: joined in quotes at once (related_ids)
            joined = _joined_ids(related)
            if joined is None:
                opening, ids = ', "related": [', encode(list(related))[1:-1]
            else:
                opening, ids, file = ', "related": ["', joined, quoted_file
        yield "".join(
            (
                head,
                "null" if node is None else string(node) if type(node) is str else encode(node),
                opening,
                ids,
                file,
                "null" if line is None else str(line) if type(line) is int else encode(line),
                ', "message": ',
                string(message),
                f', "cell": {encode(cell)}' if cell else "",
                kind,
                encode(args if type(args) is dict else dict(args)),
                ', "basis": ',
                "null" if basis is None else encode(basis),
                "}" if reasons is None else f', "reason": {encode(reasons[number])}}}',
            )
        )


def related_ids(related: Sequence, encode: Callable[[object], str]) -> str:
    """A finding's related ids as JSON writes them between the list's brackets ('"1.1", "1.2"', as
    `encode(list(related))[1:-1]`)."""
    joined = _joined_ids(related)
    return encode(list(related))[1:-1] if joined is None else f'"{joined}"'


def _joined_ids(related: Sequence) -> str | None:
    """The related ids joined by '", "' when JSON writes each of them as it is: then, in quotes, they are the
    list's JSON text; else None. Node ids, nearly always texts with nothing JSON escapes (no quote, backslash or
    control character), are joined at once, and their join is checked as one text: escaping it escapes only the
    quotes put between the ids when none of them needs it, two characters more per id. Checked here, finding by
    finding, rather than over every id of the report beforehand: a 10^6-goal report relates 6.2 million ids, and
    another pass over all of them costs a second (each id a read of its own, far apart in memory)."""
    try:
        joined = _between_ids(related)
    except TypeError:  # not all texts
        return None
    return joined if len(_encode_string(joined)) == len(joined) + 2 * len(related) else None


_between_ids = '", "'.join
_encode_string = json.encoder.encode_basestring


def compact_encoder() -> Callable[[object], str]:
    """json.dumps(value, ensure_ascii=False) as a function, its C encoder made once rather than per call (a
    report encodes 10^5 findings one by one). Values must not refer to themselves (no check for circles)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # another Python: the encoder's own method, the same text
        return _ONE_LINE.encode
    encoder = make(
        None,  # no markers: plain data, made by this program
        _ONE_LINE.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,  # no indent
        _ONE_LINE.key_separator,
        _ONE_LINE.item_separator,
        False,  # sort_keys
        False,  # skipkeys
        True,  # allow_nan
    )
    join = "".join
    encode_string = json.encoder.encode_basestring

    def encode(value: object) -> str:
        if isinstance(value, str):  # the C encoder is called on containers and scalars alike by json.dumps
            return encode_string(value)
        return join(encoder(value, 0))

    return encode


_BATCH = 400  # pieces (entries and what stands between them) joined into one chunk of text


def format_report(report: Report, lang: str = "id", *, statistics: bool = False) -> str:
    return "".join(chunks(report, lang, statistics=statistics))


def chunks(report: Report, lang: str = "id", *, statistics: bool = False) -> Iterator[str]:
    """format_report()'s text, in pieces of a few thousand findings: written as it is made, the report never
    holds every finding's dict and text at once (10^6 goals: half a million findings)."""
    return _chunks(_lazy_data(report, lang, statistics=statistics, texts=True))


def dumps(data: dict) -> str:
    """`data` as JSON text: its keys indented, each entry of a list on one line (joined once: 10 MB of text)."""
    return "".join(_chunks(data))


def _chunks(data: dict) -> Iterator[str]:
    """dumps(data) in pieces; a list may be given as an iterator, encoded entry by entry."""
    encode = compact_encoder()
    out = ["{"]
    for number, (key, value) in enumerate(data.items()):
        out.append(f"{',' if number else ''}\n  {encode(key)}: ")
        if isinstance(value, (list, Iterator)):
            entries = iter(value if type(value) is Encoded else map(encode, value))
            between = "[\n    "  # before the first entry, then between two
            while batch := list(islice(entries, _BATCH // 2)):  # a batch of entries joined at once
                out.append(between)
                yield "".join(out)  # what stands before the batch, then the batch as it is (not copied again)
                out.clear()
                yield ",\n    ".join(batch)
                between = ",\n    "
            out.append("[]" if between == "[\n    " else "\n  ]")
        elif isinstance(value, dict) and value:
            out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        else:
            out.append(encode(value))
    out.append("\n}\n")
    yield "".join(out)
