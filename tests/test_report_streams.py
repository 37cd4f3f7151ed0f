"""The JSON and text reports are written as they are made, a batch of findings at a time
(report/json_format.chunks, report/text.chunks): the pieces make the very document the formatter makes
whole, on standard output and in a file alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import HOSTILE, hostile_report

from kinerja_graph import api
from kinerja_graph.cli import cli
from kinerja_graph.engine import Report
from kinerja_graph.report import json_format, text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "samples/pino-raya.yaml"  # a hundred findings and more


def test_pieces_make_the_whole_document(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(json_format, "_BATCH", 7)  # many pieces from a sample
    report = api.check([SAMPLE], use_project=False)
    assert len(report.findings) > 50
    pieces = list(json_format.chunks(report, "en"))
    assert len(pieces) > 10
    text = "".join(pieces)
    assert text == json_format.dumps(json_format.to_data(report, "en"))
    data = json.loads(text)
    assert [f["node"] for f in data["findings"]] == [f.node for f in report.findings]
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith('    {"rule": ')) == len(report.findings)  # one a line


def test_an_empty_list_is_written_as_one(monkeypatch):
    monkeypatch.chdir(ROOT)
    report = api.check(["samples/clean.yaml"], use_project=False)
    text = json_format.format_report(report)
    assert json.loads(text)["errors"] == []
    assert '\n  "errors": [],\n' in text or '\n  "errors": []\n' in text


@pytest.mark.parametrize("fmt, module", [("json", json_format), ("text", text)])
def test_stdout_and_file_get_the_same_bytes(monkeypatch, tmp_path, fmt, module):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(module, "_BATCH", 5)
    args = ["check", "--no-config", "--exit-zero", "--format", fmt, SAMPLE]
    shown = CliRunner().invoke(cli, args)
    assert shown.exit_code == 0, shown.output
    target = tmp_path / f"report.{fmt}"
    written = CliRunner().invoke(cli, [*args, "-o", str(target)])
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == shown.output
    if fmt == "json":
        assert json.loads(shown.output)["summary"]["files"] == 1
    else:
        assert shown.output.count("\n") > 50  # a line per finding, in more pieces than one


def test_entries_joined_from_pieces_are_the_encoders_own_text():
    """The findings' entries are joined from pieces (a rule's, a file's text encoded once, each finding's own
    values encoded alone): the same text as the encoder writes for to_dict, whatever the values hold —
    quotes, backslashes, line breaks, control and non-ASCII characters, no node, no line, a cell, a basis, a
    criterion of None, numbers and nested lists in the args — and for silenced findings with their reason."""
    report = hostile_report()
    odd = HOSTILE
    for lang in ("id", "en"):
        text = json_format.format_report(report, lang)
        assert text == json_format.dumps(json_format.to_data(report, lang))
        assert json.loads(text)["silenced"][0]["reason"] == odd


def test_text_pieces_make_the_whole_report(monkeypatch):
    monkeypatch.chdir(ROOT)
    report = api.check([SAMPLE, "samples/clean.yaml"], use_project=False)
    whole = text.format_report(report, "en")
    monkeypatch.setattr(text, "_BATCH", 7)  # many pieces from a sample
    pieces = list(text.chunks(report, "en"))
    assert len(pieces) > 10
    assert "".join(pieces) == whole
    lines = whole.split("\n")
    assert lines[-1] == "" and lines[-2] == text.summary_line(report, "en")  # one newline ends each line
    findings = [line for line in lines if line.startswith(f"  {SAMPLE}")]
    assert len(findings) == len(report.files[0].findings)
    assert lines[-3] == ""  # each file's lines end with a blank one, the summary after it


def test_text_without_summary_ends_with_no_blank_line(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(text, "_BATCH", 3)
    report = api.check([SAMPLE, "samples/clean.yaml"], use_project=False)
    quiet = text.format_report(report, "en", summary=False)
    assert quiet.endswith("\n") and not quiet.endswith("\n\n")
    assert quiet == text.format_report(report, "en").rsplit("\n\n", 1)[0] + "\n"  # all but the summary
    assert "\n\n" in quiet  # the blank line between the two files stays
    assert text.format_report(Report([]), "en", summary=False) == ""


def test_text_cleans_node_ids_at_once_or_one_by_one():
    """The text report cleans its node ids for a terminal all at once when every one is printable (text.cleaned
    gives the very list back) and id by id when one is not; a hostile finding among plain ones has its control
    characters escaped (place, node, message), the plain texts stay as they are."""
    from kinerja_graph.messages import render
    from kinerja_graph.terminal import clean

    plain = ["1.1", "Kinerja “a” → b …"]
    assert text.cleaned(plain) is plain
    assert text.cleaned(["1.1", HOSTILE]) == ["1.1", clean(HOSTILE)] != ["1.1", HOSTILE]
    report = hostile_report()
    out = text.format_report(report, "en")
    assert "\x1b" not in out and "\u202e" not in out
    for f in report.findings:
        assert clean(render(f, "en")) in out


def test_places_of_a_list_are_each_findings_own_place():
    """text.places(findings) gives place(f) of each finding (cleaned: clean(place(f))), a workbook's cell, a
    finding without a line and a hostile file name included."""
    from kinerja_graph.terminal import clean

    findings = hostile_report().findings
    assert any(f.location is not None and f.location.kind == "cell" for f in findings)
    assert any(f.location is None or f.location.line is None for f in findings)
    assert text.places(findings) == [text.place(f) for f in findings]
    assert text.places(findings, cleaned=True) == [clean(text.place(f)) for f in findings]
    assert text.places(findings, cleaned=True) != text.places(findings)  # the hostile file name, escaped


@pytest.mark.parametrize(
    "related",
    [
        ("1.1", "1.2", "1.2.3"),
        ("1",),
        ("",),
        ('a"b', "c"),
        ("x\\y", "z"),
        ("\x1b[31m", "1.1"),
        ('", "',),  # the very text put between two ids
        ("é ✓ \u202e", "\U0001d538"),
        (HOSTILE, "1.1"),
        (1, "2"),
        (None, "1.1"),
    ],
)
def test_related_ids_are_the_encoders_own_text(related):
    """A finding's related ids, joined in quotes at once when none needs escaping (json_format.related_ids, the
    JSON report's and the SARIF log's), are the text the encoder writes for the list, between its brackets."""
    encode = json_format.compact_encoder()
    assert json_format.related_ids(related, encode) == encode(list(related))[1:-1]


def test_pieces_on_stdout_lose_terminal_colours_only_where_they_have_some(capsys):
    """output.write_text writes a piece without an escape character as it is; a piece with colours is left to
    click, which strips them from what does not go to a terminal unless colour is asked for."""
    import click

    from kinerja_graph.commands import output

    red = click.style("red", fg="red")
    output.write_text(iter(["plain “x” → y\n", red + "\n"]), None, None)
    assert capsys.readouterr().out == "plain “x” → y\nred\n"
    output.write_text(iter([red, "\n"]), None, False)
    assert capsys.readouterr().out == "red\n"
    output.write_text(iter([red, "\n"]), None, True)
    assert capsys.readouterr().out == red + "\n"
    output.write_text(red, None, None)  # one text rather than pieces
    assert capsys.readouterr().out == "red"


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_on_stdout_are_the_formatters_text(capsys, fmt):
    """The JSON report and the SARIF log are written on stdout as they are made, not searched for terminal colours
    (OutputFormat.escaped): their strings escape every control character, so nothing in them is for click to
    strip, even when the findings' texts hold terminal colours."""
    from kinerja_graph.commands import output
    from kinerja_graph.report import sarif

    assert {name for name, spec in output.FORMATS.items() if spec.escaped} == {"json", "sarif"}
    report = hostile_report()
    output.write_report(report, fmt, "en")
    shown = capsys.readouterr().out
    made = json_format.format_report(report, "en") if fmt == "json" else "".join(sarif.chunks(report, "en"))
    assert shown == made
    assert "\x1b" not in shown and "\\u001b[31m" in shown


def test_a_finding_without_an_argument_of_its_message_is_said_so():
    """The JSON report words each rule's findings with the message's function it keeps beside the rule's texts
    (messages.wording); a finding that lacks an argument of its message fails as render() says it."""
    from kinerja_graph.findings import Finding
    from kinerja_graph.messages import wording

    assert wording("no-such-rule", "default", "id") is None
    assert wording("missing-indicator", "no-such-message", "id") is None
    lacking = Finding("missing-indicator", "error", "1.1", {"level": "output"}, key="one", file="a.csv")
    with pytest.raises(KeyError, match=r"needs the argument .*label"):
        json_format.format_report(_report(lacking))


def _report(*findings):
    from kinerja_graph.engine import FileReport

    return Report([FileReport("a.csv", findings=list(findings))])
