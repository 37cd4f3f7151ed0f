"""`kinerja report`: the HTML page and the index, read as HTML (the browser tests are in
test_report_browser.py). Real samples, hostile input, the command's files and exit codes."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SAMPLES, graph_from_yaml, register_broken_rule

from kinerja_graph import checks, config, engine, evaluation, loaders
from kinerja_graph.cli import cli
from kinerja_graph.graph import build_graph
from kinerja_graph.render.output import has_dot, has_pygraphviz
from kinerja_graph.report import evaluation_layout, html, html_build, html_diagram, html_evaluation, html_views
from kinerja_graph.report.html_markup import esc, markdown, tag

HAS_GRAPHVIZ = has_dot() or has_pygraphviz()
needs_graphviz = pytest.mark.skipif(not HAS_GRAPHVIZ, reason="Graphviz (dot or pygraphviz) is not installed")

# Everything a user may type, written to break out of HTML, attributes, scripts, SVG and DOT.
HOSTILE = textwrap.dedent("""\
    kinerja: 1
    organisation: {name: "Kecamatan <marquee>Uji</marquee> & \\"Co\\"", type: kecamatan, id: uji}
    period: [2024, 2025]
    nodes:
      - id: "1"
        statement: "<script>window.__pwned = 1</script> Meningkatnya kualitas layanan"
        level: intermediate outcome
        owner: "\\"><img src=x onerror=\\"window.__pwned = 2\\">"
        crosscutting: ["<script>window.__pwned = 5</script>"]
        indicators:
          - name: "Indeks </script><script>window.__pwned = 3</script>"
            formula: "a < b && c > d"
            unit: "<marquee>persen</marquee>"
            source: "javascript:window.__pwned = 4"
            targets: {2024: "<svg onload=\\"window.__pwned = 6\\">", 2025: "90"}
      - id: "1.1\\" onmouseover=\\"window.__pwned = 7"
        parent: "1"
        statement: "Tersusunnya {SOP} \\\\N ${x} </title><script>window.__pwned = 8</script>]]>"
        level: output
        owner: "Kasi <b onclick=\\"window.__pwned = 9\\">Pelayanan</b>"
        indicators:
          - name: "Jumlah SOP <!-- komentar --> yang disusun"
            targets: {2024: "-"}
""")


class _Collect(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag_name, attrs):
        a = dict(attrs)
        self.tags.append((tag_name, a))
        if tag_name == "script":
            self._in_script, self._buf = a, []

    def handle_data(self, data):
        if self._in_script is not None:
            self._buf.append(data)

    def handle_endtag(self, tag_name):
        if tag_name == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buf)))
            self._in_script = None


def parse(text: str) -> _Collect:
    p = _Collect()
    p.feed(text)
    p.close()
    return p


def page_for(path_or_text, lang="id", diagram=True, file="hostile.yaml") -> tuple[str, html.PageInput]:
    if isinstance(path_or_text, Path):
        cascade = loaders.load(str(path_or_text))
        G = build_graph(cascade)
    else:
        G = graph_from_yaml(path_or_text, file)
    G.graph["cascades"] = {G.graph["organisation"].key: G.graph["cascade"]}
    settings = config.default_settings()
    fr = engine.check_graph(G, settings)
    drawing = html_diagram.build(G, fr.findings, lang) if diagram else None
    page = html.PageInput(
        G,
        fr,
        evaluation.evaluate(fr, lang),
        drawing,
        settings.pack.vocabulary.get("owners"),
        sha256="0" * 64,
    )
    return html.render_page(page, lang), page


@pytest.fixture(scope="module")
def batumandi():
    return page_for(SAMPLES / "batumandi.yaml", diagram=HAS_GRAPHVIZ)


# ------------------------------------------------------------------------------------------ safety


def test_markup_helpers_escape_text_and_attributes():
    assert tag("td", "<b>x</b>", title='"><script>') == '<td title="&quot;&gt;&lt;script&gt;">&lt;b&gt;x&lt;/b&gt;</td>'
    assert esc("a\x00b") == "a\ufffdb"
    out = markdown('Text with `<code>` and <b>tags</b>\n\n```yaml\n- {a: "<script>"}\n```\n')
    assert "<b>" not in out and "<script>" not in out
    assert "&lt;script&gt;" in out and "<pre><code" in out


@needs_graphviz
def test_user_text_never_becomes_markup():
    text, page = page_for(HOSTILE)
    doc = parse(text)
    names = [t for t, _ in doc.tags]
    assert "marquee" not in names and "img" not in names and "iframe" not in names
    # exactly the page's own two scripts: its data (JSON, not run) and its code (the asset, unchanged)
    assert [a.get("type") for a, _ in doc.scripts] == ["application/json", None]
    assert doc.scripts[1][1] == html.asset("report.js")
    for tag_name, attrs in doc.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag_name, name, value)
            if name in ("href", "src", "xlink:href"):
                assert not (value or "").strip().lower().startswith("javascript:"), (tag_name, value)
    # the typed text is there, as text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt; Meningkatnya" in text
    assert "&lt;marquee&gt;persen&lt;/marquee&gt;" in text
    # the data island cannot be closed from inside
    import json

    data = json.loads(doc.scripts[0][1])
    assert data["goals"]["0"]["statement"].startswith("<script>window.__pwned = 1")
    assert "</script>" not in doc.scripts[0][1]
    # the diagram was drawn and holds the hostile text escaped too
    assert page.diagram is not None and page.diagram.parts and not page.diagram.problem
    assert html.diagram_problem(page.diagram) is None and 'class="kg-canvas"' in text and '<g id="a_kgn0">' in text
    assert html_diagram.svg_is_inert(page.diagram.parts[0].svg)


def test_an_svg_with_active_content_is_refused():
    good = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><text>onload=x javascript: &lt;script&gt;</text></g></svg>'
    )
    assert html_diagram.svg_is_inert(good)
    for bad in (
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><g onclick="alert(1)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<a xlink:href=" JavaScript:alert(1)"><text>x</text></a></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>',
        "<svg><g>unclosed</svg>",
    ):
        assert not html_diagram.svg_is_inert(bad), bad
        page = html_diagram.Diagram([html_diagram.DiagramPart("", "", bad, [0])])
        assert html.diagram_problem(page) is not None


def test_page_loads_nothing_and_allows_only_its_own_script(batumandi):
    text, _ = batumandi
    doc = parse(text)
    for tag_name, attrs in doc.tags:
        assert tag_name not in ("link", "img", "iframe", "object", "embed")
        for name in ("src", "href", "xlink:href", "action"):
            value = (attrs.get(name) or "").strip()
            assert not re.match(r"(?i)^(https?:|//|ftp:|file:)", value), (tag_name, name, value)
    assert "@import" not in text and "url(" not in html.asset("report.css")
    csp = next(a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(html.asset("report.js").encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


# ------------------------------------------------------------------------------------------ content


def test_the_page_follows_the_evaluation_criteria_first(batumandi):
    text, page = batumandi
    ev = evaluation.evaluate(page.report, "id")
    assert "<h1>Kecamatan Batumandi</h1>" in text
    m = re.search(r'id="kg-score" data-score="(\d+)"', text)
    assert m and int(m.group(1)) == ev.score.rounded
    # the caveat sits in the score card, next to the number: the tool's estimate, not a nilai SAKIP
    card = text[text.index('class="kg-card kg-scorecard"') : text.index('class="kg-card kg-criteria-card"')]
    assert "bukan nilai SAKIP" in card and 'id="kg-caveat"' in card
    # evaluation first (summary with the criteria, their notes, strengths), then the diagram, then the detail
    order = ("summary", "kg-criteria-table", "criteria", "strengths", "diagram", "detail")
    positions = [text.index(f'id="{s}"') for s in (*order, "findings", "owners", "indicators")]
    assert positions == sorted(positions)
    # one row per criterion in the table, in the evaluation's order, with its answer
    rows = re.findall(r'<tr data-criterion="([^"]+)" data-answer="(\w+)"', text)
    assert rows == [(c.id, evaluation_layout.answer_class(c.answer)) for c in ev.criteria]
    # each criterion's block holds the notes bearing on it, each with its message and recommendation
    for c in ev.criteria:
        start = text.index(f'id="{html_evaluation.criterion_anchor(c.id)}"')
        block = text[start : text.index("</article>", start)]
        assert esc(c.title) in block
        for note_id in c.notes:
            note = ev.note(note_id)
            assert f'id="kg-n-{note_id}"' in block and esc(note.message) in block
            assert esc(note.recommendation) in block
            assert f'href="#kg-r-{note.rule}"' in block  # to its findings in the detail
    # every note appears once, under its criterion or under "other notes"
    assert sorted(re.findall(r'class="kg-note" id="kg-n-(N\d+)"', text)) == sorted(n.id for n in ev.notes)
    strengths = text[text.index('id="kg-strengths"') : text.index('id="kg-weaknesses"')]
    assert ev.strengths and all(esc(x) in strengths for x in ev.strengths)
    # its doubtful level labels: one note, under cascading (1.b.8)
    cascading = text[text.index(f'id="{html_evaluation.criterion_anchor("1.b.8")}"') :]
    assert 'href="#kg-r-level-label-conflict"' in cascading[: cascading.index("</article>")]


def test_the_detail_is_collapsed(batumandi):
    text, page = batumandi
    detail = text[text.index('id="detail"') :]
    groups = re.findall(r"<details([^>]*)>", detail)
    rules = {f.rule for f in page.report.findings}
    assert sum('class="kg-rule"' in g for g in groups) == len(rules)
    assert sum('class="kg-owner"' in g for g in groups) >= 3
    assert any('id="kg-indicator-details"' in g for g in groups)
    # none is open: the printout is the evaluation and the diagram, plus what the reader opens
    assert not any(re.search(r"\bopen\b", g) for g in groups if 'id="kg-silenced"' not in g)


def test_every_finding_is_listed_once_with_its_rule_rationale_fix_and_lke(batumandi):
    text, page = batumandi
    fr = page.report
    rows = re.findall(r'<tr class="kg-f" id="kg-f(\d+)"', text)
    assert sorted(map(int, rows)) == list(range(1, len(fr.findings) + 1))
    registry = checks.all_rules()
    for rule_id in {f.rule for f in fr.findings}:
        rule = registry[rule_id]
        start = text.index(f'id="kg-r-{rule_id}"')
        ends = [i for i in (text.find('class="kg-rule"', start + 1), text.find('id="owners"', start)) if i > 0]
        group = text[start : min(ends)]
        assert esc(rule.rationale["id"]) in group
        if rule.lke:
            assert f"LKE {rule.lke}" in group
        assert "<h4>Perbaikan</h4>" in group and "<pre><code" in group
        # the example and the fix in Indonesian: the rule's doc_id, its YAML as the English doc's
        fix_start = group.index("<h4>Perbaikan</h4>")
        fix = group[fix_start : group.index("</div>", fix_start)]
        assert markdown(rule.doc_section("fix", "id")) in fix
        assert "bahasa Inggris" not in group
        assert group.count('class="kg-f"') == sum(1 for f in fr.findings if f.rule == rule_id)
    # each finding names its LKE criterion
    cells = re.findall(r'<tr class="kg-f" id="kg-f(\d+)".*?<td class="kg-lke-cell"[^>]*>([^<]*)</td>', text, re.S)
    numbered = dict(html_views.numbered(html_views.group_findings(fr.findings)))
    assert len(cells) == len(fr.findings)
    for number, lke in cells:
        assert lke == (numbered[int(number)].lke or "—")
    # each row carries what the filters need
    for sev, area in re.findall(r'<tr class="kg-f" [^>]*data-severity="(\w+)" data-area="(\w+)"', text):
        assert sev in ("error", "warning", "info") and area in (
            "structure",
            "levels",
            "redundancy",
            "ownership",
            "indicators",
        )


def test_english_page(tmp_path):
    text, _ = page_for(SAMPLES / "batumandi.yaml", lang="en", diagram=False)
    assert '<html lang="en">' in text
    assert "not a nilai SAKIP" in text and "bukan nilai SAKIP" not in text
    assert "Answers to the evaluation criteria" in text and "Jawaban atas Kriteria" not in text
    assert "Strengths and weaknesses" in text
    assert "No diagram: turned off with --no-diagram" in text


def test_silenced_findings_are_counted_with_their_reason():
    text, page = page_for(
        """
        kinerja: 1
        organisation: {name: Kecamatan Uji, type: kecamatan}
        nodes:
          - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat,
             indicators: [{name: Indeks Kepuasan Masyarakat}]}
          - id: "1.1"
            parent: "1"
            statement: Meningkatnya kepatuhan pada SOP
            level: immediate outcome
            owner: Kasi Pelayanan
            indicators: [{name: Persentase layanan sesuai SOP}]
            ignore: [{rule: single-child, reason: "satu-satunya program <kecamatan>"}]
          - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output, owner: Staf,
             indicators: [{name: Jumlah SOP}]}
    """,
        diagram=False,
    )
    assert page.report.silenced
    block = text[text.index('id="kg-silenced"') :]
    assert "satu-satunya program &lt;kecamatan&gt;" in block
    assert f'data-count="silenced"><b>{len(page.report.silenced)}</b> dikecualikan</li>' in text


def test_owner_view_orders_positions_and_lists_their_goals(batumandi):
    text, page = batumandi
    owners = re.findall(r'class="kg-owner" data-owner="([^"]*)"', text)
    assert owners[0] == "Camat"
    assert owners.index("Kasi") < owners.index("Staf Umum")
    G = page.G
    for owner in set(owners):
        start = text.index(f'data-owner="{owner}"')
        block = text[start : text.index("</table>", start)]
        mine = [n for n in G if G.nodes[n].get("kind") == "goal" and (G.nodes[n].get("owner") or "") == owner]
        assert len(re.findall(r"<tr data-n=", block)) == len(mine)


def test_owner_view_names_unknown_positions_and_goals_without_owner():
    text, _ = page_for(
        """
        kinerja: 1
        organisation: {name: Kecamatan Uji, type: kecamatan}
        nodes:
          - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat}
          - {id: "1.1", parent: "1", statement: Meningkatnya ketertiban umum, level: immediate outcome, owner: Tukang Kebun Istana}
          - {id: "1.2", parent: "1", statement: Meningkatnya kepatuhan pada SOP, level: immediate outcome}
    """,
        diagram=False,
    )
    owners = re.findall(r'class="kg-owner" data-owner="([^"]*)"', text)
    assert owners == ["Camat", "Tukang Kebun Istana", ""]
    assert "jabatan tidak dikenali" in text and "Tanpa penanggung jawab" in text


INDICATORS = """
    kinerja: 1
    organisation: {name: Kecamatan Uji, type: kecamatan}
    period: [2024, 2025]
    nodes:
      - id: "1"
        statement: Meningkatnya kualitas layanan publik
        level: intermediate outcome
        owner: Camat
        indicators:
          - {name: Indeks Kepuasan Masyarakat, formula: rata-rata nilai survei kepuasan, unit: indeks,
             source: Laporan survei kepuasan masyarakat, calculation: non-kumulatif, targets: {2024: "80", 2025: "82"}}
          - {name: Persentase pengaduan yang diselesaikan, unit: persen, source: Register pengaduan,
             targets: {2024: "90%"}}
      - {id: "1.1", parent: "1", statement: Meningkatnya kepatuhan pada SOP, level: immediate outcome, owner: Kasi Pelayanan}
"""


def test_indicator_table_places_each_problem_on_its_cell():
    G = graph_from_yaml(INDICATORS)
    fr = engine.check_graph(G, config.default_settings())
    items = html_views.numbered(html_views.group_findings(fr.findings))
    table = html_views.indicator_table(G, items)
    assert table.years == [2024, 2025]
    by_rule = {f.rule: n for n, f in items if f.node == "1"}
    rows = {(r.node, r.indicator.name if r.indicator else None): r for r in table.rows}
    second = rows[("1", "Persentase pengaduan yang diselesaikan")]
    first = rows[("1", "Indeks Kepuasan Masyarakat")]
    assert by_rule["missing-formula"] in second.marks["formula"] and not first.marks.get("formula")
    assert by_rule["missing-target"] in second.target_marks[2025] and not second.target_marks.get(2024)
    bare = rows[("1.1", None)]
    missing = next(n for n, f in items if f.rule == "missing-indicator" and f.node == "1.1")
    assert missing in bare.marks["name"]

    text, _ = page_for(INDICATORS, diagram=False)
    section = text[text.index('id="kg-indicator-table"') :]
    assert f'href="#kg-f{by_rule["missing-formula"]}"' in section
    assert "Target 2024" in section and "Target 2025" in section and "non-kumulatif" in section


def test_a_duplicated_indicator_is_marked_on_every_goal_holding_it(batumandi):
    _, page = batumandi
    items = html_views.numbered(html_views.group_findings(page.report.findings))
    table = html_views.indicator_table(page.G, items)
    number = next(n for n, f in items if f.rule == "duplicate-indicator" and f.node == "1")
    marked = {r.node for r in table.rows if number in r.marks.get("name", [])}
    assert marked == {"1", "1.1"}


# ------------------------------------------------------------------------------------------ diagram


@needs_graphviz
def test_every_drawn_goal_is_addressable_in_the_svg(batumandi):
    _, page = batumandi
    svg = "".join(p.svg for p in page.diagram.parts)
    orders = {page.G.nodes[n]["order"] for n in page.G if page.G.nodes[n].get("kind") == "goal"}
    found = {int(x) for x in re.findall(r'<g id="a_kgn(\d+)"', svg)}
    assert found == orders  # stacked leaves (one Graphviz node per column) included
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg and "<title>" not in svg


def test_add_anchors_touches_only_generated_markup():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Kecamatan Uji}
        nodes:
          - {id: "1", statement: "Meningkatnya <TD PORT=\\"box\\"> layanan", level: intermediate outcome}
    """)
    from kinerja_graph.render import build_diagram

    source = build_diagram(G).source
    out = html_diagram.add_anchors(source, G)
    assert out.count('ID="kgn0"') == 1
    assert (
        out.replace(' ID="kgn0" HREF="#kgn0" TOOLTIP="1: Meningkatnya &lt;TD PORT=&quot;box&quot;&gt; layanan"', "")
        == source
    )


def test_no_diagram_when_the_cascade_is_too_big():
    G = graph_from_yaml("""
        kinerja: 1
        organisation: {name: Kecamatan Uji}
        nodes:
          - {id: "1", statement: Meningkatnya layanan, level: intermediate outcome}
          - {id: "2", statement: Meningkatnya ketertiban, level: intermediate outcome}
    """)
    d = html_diagram.build(G, [], "id", max_goals=1)
    assert (
        not d.parts
        and "2" in html.diagram_problem(d, "id")
        and "kinerja render --split" in html.diagram_problem(d, "id")
    )


# ------------------------------------------------------------------------------------------ command


def _run(args, cwd=None):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_report_command_writes_one_page(tmp_path):
    out = tmp_path / "batumandi.html"
    result = _run(["report", str(SAMPLES / "batumandi.yaml"), "-o", str(out), "--no-diagram"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<h1>Kecamatan Batumandi</h1>" in text
    assert "skor" in result.stderr and str(out) in result.stderr
    assert "bukan nilai SAKIP" in result.stderr


def test_report_command_fail_on_and_unreadable_file(tmp_path):
    out = tmp_path / "r.html"
    result = _run(["report", str(SAMPLES / "batumandi.yaml"), "-o", str(out), "--no-diagram", "--fail-on", "error"])
    assert result.exit_code == 0  # its errors rest on parents the transcription inferred: warnings
    result = _run(["report", str(SAMPLES / "batumandi.yaml"), "-o", str(out), "--no-diagram", "--fail-on", "warning"])
    assert result.exit_code == 1
    bad = tmp_path / "rusak.yaml"
    bad.write_text("kinerja: 1\nnodes: [\n", encoding="utf-8")
    result = _run(["report", str(bad), "-o", str(tmp_path / "x.html"), "--no-diagram"])
    assert result.exit_code == 2
    assert "rusak.yaml" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_several_files_give_one_page_each_and_an_index(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("kinerja: 1\nnodes: [\n", encoding="utf-8")
    index = tmp_path / "out" / "report.html"
    files = [str(SAMPLES / "batumandi.yaml"), str(SAMPLES / "batumandi.csv"), str(SAMPLES / "clean.yaml"), str(bad)]
    result = _run(["report", *files, "-o", str(index), "--no-diagram", "--lang", "en"])
    assert result.exit_code == 2  # one file could not be read; the others still got their pages
    pages = sorted(p.name for p in index.parent.glob("*.html"))
    assert pages == ["batumandi-csv.html", "batumandi-yaml.html", "clean.html", "report.html"]
    text = index.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">', text)
    assert links == ["batumandi-yaml.html", "batumandi-csv.html", "clean.html"]
    assert "rusak.yaml" in text and "could not be read" in text
    assert "not a nilai SAKIP" in text
    # each cascade's answer to every criterion, side by side
    header = re.findall(r'<th title="[^"]*" class="kg-lke-id">([^<]+)</th>', text)
    assert "1.b.8" in header and "2.a.3" in header
    row = text[text.index('href="clean.html"') :]
    row = row[: row.index("</tr>")]
    assert len(re.findall(r'<td data-criterion="([^"]+)">', row)) == len(header)
    # scores in the index are the pages' scores
    for name in ("batumandi-yaml.html", "clean.html"):
        page_score = re.search(r'data-score="(\d+)"', (index.parent / name).read_text(encoding="utf-8")).group(1)
        row = text[text.index(f'href="{name}"') :]
        assert re.search(r'class="num kg-score">(\d+)<', row).group(1) == page_score
    back = (index.parent / "clean.html").read_text(encoding="utf-8")
    assert 'href="report.html"' in back


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_batch_shows_a_progress_bar_on_a_terminal(tmp_path):
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kinerja_graph",
            "report",
            str(SAMPLES / "batumandi.yaml"),
            str(SAMPLES / "clean.yaml"),
            "-o",
            str(tmp_path / "r.html"),
            "--no-diagram",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        cwd=tmp_path,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=120) == 0
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "Menyusun laporan" in text and "2/2" in text and "#" in text


def test_a_folder_is_read_as_its_cascade_files(tmp_path):
    folder = tmp_path / "cascades"
    folder.mkdir()
    (folder / "a.yaml").write_text((SAMPLES / "clean.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.yaml").write_text((SAMPLES / "batumandi.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "notes.md").write_text("# not a cascade\n", encoding="utf-8")
    out = tmp_path / "site"
    result = _run(["report", str(folder), "-o", str(out) + "/", "--no-diagram"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.html")) == ["a.html", "b.html", "index.html"]


def test_output_names():
    index, pages = html_build.output_paths(["x/praya.yaml"], None)
    assert index is None and pages == [Path("output/praya.html")]
    index, pages = html_build.output_paths(["a/report.yaml", "b/report.yaml", "c/other.json"], "site/report.html")
    assert index == Path("site/report.html")
    assert [str(p) for p in pages] == ["site/report-yaml.html", "site/report-yaml-2.html", "site/other.html"]
    index, pages = html_build.output_paths(["a/report.yaml", "c/other.json"], "site/report.html")
    assert [p.name for p in pages] == ["report-2.html", "other.html"]  # never the index itself
    index, pages = html_build.output_paths(["a/x.yaml", "b/y.yaml"], None)
    assert index == Path("output/report.html")


@needs_graphviz
def test_year_shows_targets_in_the_diagram(tmp_path):
    src = tmp_path / "uji.yaml"
    src.write_text(textwrap.dedent(INDICATORS), encoding="utf-8")
    out = tmp_path / "uji.html"
    assert _run(["report", str(src), "-o", str(out), "--year", "2025"]).exit_code == 0
    svg = out.read_text(encoding="utf-8").split('class="kg-canvas">', 1)[1].split("</svg>", 1)[0]
    assert "Target 2025" in svg and ">82<" in svg.replace(" ", "")


@needs_graphviz
def test_report_with_diagram_from_the_command(tmp_path):
    out = tmp_path / "b.html"
    result = _run(["report", str(SAMPLES / "batumandi.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count('<g id="a_kgn') == 26


@pytest.mark.slow
def test_page_is_linear_enough_for_a_big_cascade():
    """A generated cascade of 2,000 goals: every goal in the owner view and the indicator table."""
    lines = [
        "kinerja: 1",
        "organisation: {name: Kecamatan Besar, type: kecamatan}",
        "period: [2024, 2024]",
        "nodes:",
        '  - {id: "r", statement: Meningkatnya kinerja, level: ultimate outcome, owner: Camat, '
        "indicators: [{name: Indeks Kepuasan Masyarakat}]}",
    ]
    for i in range(1999):
        lines.append(
            f'  - {{id: "g{i}", parent: "r", statement: "Meningkatnya layanan {i}", level: intermediate outcome, '
            f'owner: "Kasi {i % 7}", indicators: [{{name: "Persentase layanan {i}", targets: {{2024: "{i}"}}}}]}}'
        )
    text, page = page_for("\n".join(lines), diagram=False)
    assert len(re.findall(r'<tr (?:class="kg-first" )?data-n=', text)) == 2 * 2000  # owner view + indicator table
    assert len(page.report.findings) == text.count('class="kg-f"')


def test_a_broken_rule_is_named_on_the_page_and_its_criterion_not_assessed(monkeypatch, tmp_path):
    register_broken_rule(monkeypatch, area="redundancy", lke="1.b.4")
    out = tmp_path / "r.html"
    result = _run(["report", str(SAMPLES / "clean.yaml"), "-o", str(out), "--no-diagram", "--select", "boom,cycle"])
    assert result.exit_code == 2
    assert "internal error in rule boom" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Pemeriksaan tidak lengkap" in text and "Aturan boom gagal dijalankan" in text
    # the criterion the broken rule bears on, and one whose rules were not selected, are not assessed
    for criterion in ("1.b.4", "1.b.6"):
        row = re.search(rf'<tr data-criterion="{re.escape(criterion)}" data-answer="na">.*?</tr>', text, re.S).group(0)
        assert "Tidak dapat dinilai" in row


def test_findings_cite_the_auditees_document_and_say_what_rests_on_inferred_data():
    text, page = page_for(SAMPLES / "praya.yaml", diagram=False)
    # a finding on a goal the document places ("bagan, kolom 1") shows that place above the file's line
    assert re.search(r'<div class="kg-ref">bagan, kolom 1</div><div class="kg-sub">praya\.yaml:\d+</div>', text)
    softened = [f for f in page.report.findings if f.basis == "inferred"]
    assert softened and text.count('class="kg-basis kg-sub" data-basis="inferred"') == len(softened)
    assert "Bertumpu pada data yang disimpulkan oleh penyalin dokumen" in text
