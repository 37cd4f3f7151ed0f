"""`kinerja check --format sarif`: valid SARIF 2.1.0 for every sample, with rules, places, node paths and
stable fingerprints."""

import json
import shutil
from collections import Counter

import pytest
from click.testing import CliRunner
from helpers import HOSTILE, ROOT, SAMPLES, hostile_report

from kinerja_graph import api, checks, config
from kinerja_graph.cli import cli
from kinerja_graph.report import sarif as sarif_format
from kinerja_graph.report.sarif import FINGERPRINT_KEY, LEVELS

# the official OASIS schema, vendored unchanged (tests/schemas/README.md): the tests never skip for want of it
SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".yaml", ".csv", ".xlsx"})


def _validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def validator():
    """The official SARIF 2.1.0 schema (Draft 4)."""
    return _validator()


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # artifact URIs are relative to the working folder


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def sarif(*args):
    result = run("check", "--format", "sarif", *args)
    assert result.exit_code in (0, 1, 2), result.output
    return result, json.loads(result.stdout)


def assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, f"{list(errors[0].absolute_path)}: {errors[0].message}"


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_sarif_of_every_sample_validates_and_holds_every_finding(sample, validator):
    result, log = sarif(sample.relative_to(ROOT), "--lang", "en")
    assert_valid(validator, log)
    as_json = run("check", "--format", "json", "--lang", "en", sample.relative_to(ROOT))
    assert result.exit_code == as_json.exit_code
    findings = json.loads(as_json.stdout)["findings"]
    (the_run,) = log["runs"]
    results = [r for r in the_run["results"] if "suppressions" not in r]
    assert [(r["ruleId"], r["properties"]["node"], r["message"]["text"]) for r in results] == [
        (f["rule"], f["node"], f["message"]) for f in findings
    ]
    assert [r["level"] for r in results] == [LEVELS[f["severity"]] for f in findings]
    rules = the_run["tool"]["driver"]["rules"]
    for r in the_run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        (location,) = r["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == str(sample.relative_to(ROOT))
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert physical["region"]["startLine"] >= 1
        assert location["logicalLocations"]
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in the_run["results"]]
    assert all(len(p) == 32 for p in prints)
    assert len(set(prints)) == len(prints), "two results of one file share a fingerprint"
    assert the_run["invocations"][0]["executionSuccessful"] is True


def test_the_driver_lists_every_rule_with_its_descriptions_and_default_level():
    _, log = sarif(SAMPLES / "clean.yaml", "--lang", "en")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "kinerja-graph"
    pack = config.load_default_pack()
    registry = checks.all_rules()
    assert [r["id"] for r in driver["rules"]] == list(registry)
    for descriptor in driver["rules"]:
        rule = registry[descriptor["id"]]
        assert descriptor["name"] == "".join(p.capitalize() for p in rule.id.split("-"))
        assert descriptor["shortDescription"]["text"] == rule.summary["en"]
        assert descriptor["fullDescription"]["text"] == rule.rationale["en"]
        assert "## What it does" in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[pack.rules[rule.id].severity]
        assert descriptor["properties"]["area"] == rule.area
    # Indonesian by default
    _, log_id = sarif(SAMPLES / "clean.yaml")
    first = log_id["runs"][0]["tool"]["driver"]["rules"][0]
    assert first["shortDescription"]["text"] == registry[first["id"]].summary["id"]
    assert "## Apa yang diperiksa" in first["help"]["markdown"] and "## What it does" not in first["help"]["markdown"]


def _results(log, rule, node=None):
    return [r for r in log["runs"][0]["results"] if r["ruleId"] == rule and r["properties"]["node"] == node]


def test_a_yaml_finding_points_at_its_line_with_the_node_path_as_logical_location():
    _, log = sarif("samples/praya.yaml", "--lang", "en")
    findings = json.loads(run("check", "--format", "json", "samples/praya.yaml").stdout)["findings"]
    line = next(f["line"] for f in findings if f["rule"] == "missing-indicator" and f["node"] == "1.1.1.1")
    (result,) = _results(log, "missing-indicator", "1.1.1.1")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": line}
    (logical,) = result["locations"][0]["logicalLocations"]
    assert logical["name"] == "1.1.1.1"
    assert logical["fullyQualifiedName"] == (
        "Goal 1 › Strategic objective 1.1 › Programme objective 1.1.1 › Activity objective 1.1.1.1"
    )
    _, log_id = sarif("samples/praya.yaml")
    (result_id,) = _results(log_id, "missing-indicator", "1.1.1.1")
    assert (
        result_id["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        == "Tujuan 1 › Sasaran Strategis 1.1 › Sasaran Program 1.1.1 › Sasaran Kegiatan 1.1.1.1"
    )


def test_an_excel_finding_points_at_line_1_and_names_its_cell(validator):
    _, log = sarif("samples/praya.xlsx")
    assert_valid(validator, log)
    (result,) = _results(log, "missing-indicator", "1.1.1.1")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    names = [x["name"] for x in result["locations"][0]["logicalLocations"]]
    assert names == ["1.1.1.1", "'Pohon Kinerja'!B10"]
    assert result["properties"]["cell"] == "'Pohon Kinerja'!B10"


def test_a_finding_about_the_whole_cascade_points_at_line_1_and_the_organisation():
    _, log = sarif("samples/praya.yaml")
    (result,) = _results(log, "missing-formula", None)
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert result["locations"][0]["logicalLocations"][0]["name"] == "Kecamatan Praya"


def test_group_findings_carry_the_other_nodes_as_related_locations():
    _, log = sarif("samples/pino-raya.yaml")
    (result,) = _results(log, "multiple-roots", "1a")
    related = result["relatedLocations"]
    assert [x["logicalLocations"][0]["name"] for x in related] == ["1b", "1c", "1d", "2", "3", "4", "5"]
    assert all(x["physicalLocation"]["region"]["startLine"] > 1 for x in related)


def test_fingerprints_depend_on_what_goals_say_not_on_format_ids_or_lines():
    """praya.xlsx holds praya.yaml's tree in another format, other places and rebuilt ids."""
    _, yaml_log = sarif("samples/praya.yaml")
    _, xlsx_log = sarif("samples/praya.xlsx")
    by_yaml = Counter((r["ruleId"], r["partialFingerprints"][FINGERPRINT_KEY]) for r in yaml_log["runs"][0]["results"])
    by_xlsx = Counter((r["ruleId"], r["partialFingerprints"][FINGERPRINT_KEY]) for r in xlsx_log["runs"][0]["results"])
    assert by_yaml == by_xlsx


def test_fingerprints_survive_shifted_lines(tmp_path, validator):
    shifted = tmp_path / "praya.yaml"
    shifted.write_text(
        "# a comment\n# and another\n\n" + (SAMPLES / "praya.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _, before = sarif("samples/praya.yaml")
    _, after = sarif(shifted)
    assert_valid(validator, after)
    lines_before = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before["runs"][0]["results"]]
    lines_after = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"]]
    assert lines_before != lines_after
    assert [r["fingerprints"] for r in before["runs"][0]["results"]] == [
        r["fingerprints"] for r in after["runs"][0]["results"]
    ]
    # outside the working folder the artifact is an absolute file URI
    uri = after["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/praya.yaml")


def test_silenced_findings_are_kept_as_in_source_suppressions(tmp_path, validator):
    text = (SAMPLES / "clean.yaml").read_text(encoding="utf-8")
    marker = '    statement: "Terfasilitasinya penyusunan peraturan desa"\n'
    assert marker in text
    path = tmp_path / "sukamaju.yaml"
    path.write_text(
        text.replace(marker, marker + "    ignore: [{rule: single-child, reason: cukup satu kegiatan}]\n"),
        encoding="utf-8",
    )
    result, log = sarif(path)
    assert_valid(validator, log)
    suppressed = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    assert len(suppressed) == 1
    assert suppressed[0]["ruleId"] == "single-child"
    assert suppressed[0]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "cukup satu kegiatan"}
    ]


def test_hostile_text_stays_valid_sarif(tmp_path, validator):
    path = tmp_path / "jahat.yaml"
    path.write_text(
        'organisation: {name: "Kecamatan <script>alert(1)</script>"}\n'
        "nodes:\n"
        '  - id: "1"\n'
        '    statement: "Meningkatnya \\"layanan\\"\\u0007 | <b>publik</b> %0A ::error::x"\n'
        "    level: intermediate outcome\n"
        '  - id: "1.1"\n'
        '    parent: "9"\n'
        '    statement: "Yatim\\npiatu"\n'
        "    level: output\n",
        encoding="utf-8",
    )
    result, log = sarif(path)
    assert result.exit_code == 1
    assert_valid(validator, log)
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert any('"9"' in t for t in texts)


def test_an_unreadable_file_is_a_notification_and_the_run_unsuccessful(tmp_path, validator):
    broken = tmp_path / "rusak.yaml"
    broken.write_text("nodes: [\n", encoding="utf-8")
    shutil.copy(SAMPLES / "clean.yaml", tmp_path / "clean.yaml")
    result, log = sarif(broken, tmp_path / "clean.yaml")
    assert result.exit_code == 2
    assert_valid(validator, log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "rusak.yaml" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/rusak.yaml")
    assert any(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/clean.yaml")
        for r in log["runs"][0]["results"]
    )


def test_node_paths_stay_short_in_a_deep_chain(tmp_path):
    """A 2,000-deep chain: each result's logical location holds at most PATH_LIMIT steps (the top goal,
    "…", the nearest ones), so the log grows with the number of results, not with results × depth."""
    from kinerja_graph.report.sarif import PATH_LIMIT

    n = 2_000
    lines = ["organisation: {name: Panjang}", "nodes:"]
    for i in range(n):
        parent = f", parent: n{i - 1}" if i else ""
        level = "tujuan" if i == 0 else "sasaran strategis"
        lines.append(f"  - {{id: n{i}, statement: Meningkatnya hal {i}, level: {level}{parent}}}")
    path = tmp_path / "chain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = api.check([str(path)], select=["single-child"])  # one finding on each goal with one child
    data = json.loads(sarif_format.format_report(report, "en"))
    names = {
        r["properties"]["node"]: r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        for r in data["runs"][0]["results"]
    }
    assert len(names) > n - 5
    assert max(name.count(" › ") + 1 for name in names.values()) == PATH_LIMIT
    deepest = names[f"n{n - 2}"].split(" › ")
    assert deepest[0].endswith("n0") and deepest[1] == "…" and deepest[-1].endswith(f"n{n - 2}")
    shallow = names["n3"].split(" › ")  # a node four steps deep: its whole path, as before
    assert [s.split()[-1] for s in shallow] == ["n0", "n1", "n2", "n3"]


def test_a_large_log_streamed_as_text_is_the_compact_json_of_its_data(monkeypatch, tmp_path):
    """Past INDENT_LIMIT results the log is written result by result, each encoded as text with its related
    locations spliced in (each encoded once per node): the very bytes json.dumps gives for the log's data,
    suppressions, cells and capped runs included."""
    sample = SAMPLES / "pino-raya.yaml"
    on_first = sorted({f.rule for f in api.check([sample], use_project=False).findings if f.node == "1a"})
    assert len(on_first) >= 2
    text = sample.read_text(encoding="utf-8")
    marker = "\n    statement: "
    silences = ", ".join(f"{{rule: {rule}, reason: dibahas}}" for rule in on_first[:-1]) + f", {{rule: {on_first[-1]}}}"
    silenced = tmp_path / "silenced.yaml"  # the findings on the first goal silenced in the file
    silenced.write_text(text.replace(marker, f"\n    ignore: [{silences}]" + marker, 1), encoding="utf-8")
    files = [SAMPLES / "praya.xlsx", SAMPLES / "pino-raya.yaml", silenced]
    report = api.check(files, use_project=False)
    assert report.silenced and any(f.related for f in report.findings) and any(f.cell for f in report.findings)
    monkeypatch.setattr(sarif_format, "INDENT_LIMIT", 0)
    monkeypatch.setattr(sarif_format, "_BATCH", 7)
    for limit in (None, 40):
        pieces = list(sarif_format.chunks(report, "en", limit=limit))
        assert len(pieces) > 3
        data = sarif_format.to_data(report, "en", limit=limit)
        assert "".join(pieces) == json.dumps(data, ensure_ascii=False) + "\n"
    capped = json.loads("".join(sarif_format.chunks(report, "en", limit=40)))
    assert len(capped["runs"][0]["results"]) == 40


def test_fingerprints_of_some_findings_are_those_they_have_among_all():
    """A capped log fingerprints only the results it keeps (file_fingerprints(fr, wanted)): each is numbered
    among every finding of its file all the same, so a finding keeps its fingerprint whether the log is
    capped or not."""
    import random

    from kinerja_graph import fingerprint

    report = api.check([SAMPLES / "pino-raya.yaml", SAMPLES / "praya.xlsx"], use_project=False)
    chooser = random.Random(15)
    numbered = 0
    for fr in report.files:
        every = fingerprint.file_fingerprints(fr)
        findings = fingerprint._in_order(fr)
        assert len(every) == len(findings) > 20
        keys = [fingerprint.finding_key(fr.graph, f) for f in findings]
        numbered += len(keys) - len(set(keys))  # findings numbered after an equal key ("#2")
        for share in (0.1, 0.5, 1.0):
            wanted = {id(f) for f in findings if chooser.random() < share}
            assert fingerprint.file_fingerprints(fr, wanted) == {i: fp for i, fp in every.items() if i in wanted}
        last = {id(findings[-1])}
        assert fingerprint.file_fingerprints(fr, last) == {id(findings[-1]): every[id(findings[-1])]}
        seen: set = set()
        repeats = set()  # only the findings numbered after an equal key, the ones before them not wanted
        for f, key in zip(findings, keys):
            if key in seen:
                repeats.add(id(f))
            seen.add(key)
        assert fingerprint.file_fingerprints(fr, repeats) == {i: fp for i, fp in every.items() if i in repeats}
    assert numbered  # the samples hold findings whose keys repeat


def test_results_joined_from_pieces_are_the_encoders_own_text(monkeypatch, tmp_path):
    """Past INDENT_LIMIT each result is joined from pieces (a rule's, an artifact's, a node's text encoded once,
    each finding's own values alone): the bytes json.dumps gives for the log's data, whatever the values hold
    (helpers.HOSTILE), for findings without a node or a line, with a cell, silenced, and with related nodes, with
    and without the graph's node paths."""
    monkeypatch.setattr(sarif_format, "INDENT_LIMIT", 0)
    report = hostile_report()
    graphs = api.check([SAMPLES / "pino-raya.yaml"], use_project=False)
    for both in (report, type(report)(report.files + graphs.files)):
        for lang in ("id", "en"):
            text = "".join(sarif_format.chunks(both, lang))
            assert text == json.dumps(sarif_format.to_data(both, lang), ensure_ascii=False) + "\n"
    results = json.loads("".join(sarif_format.chunks(report, "en")))["runs"][0]["results"]
    assert HOSTILE in [r["properties"]["node"] for r in results]
