"""The HTML report in a real headless browser: Debian's chromium driven by Playwright.

Set-up: `./run test` installs chromium (apt) and the `test` extra installs playwright. Playwright's
own browser download is never used: the system chromium is launched with a fresh user-data-dir.
Every test records the page's console messages and network requests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import SAMPLES
from test_report_html import HAS_GRAPHVIZ, HOSTILE, page_for

from kinerja_graph import evaluation

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; ./run test does it)"
    ),
    pytest.mark.skipif(not HAS_GRAPHVIZ, reason="Graphviz is not installed: the report's diagram cannot be drawn"),
]


@pytest.fixture(scope="module")
def browser_context():
    profile = tempfile.mkdtemp(prefix="kinerja-chromium-")
    try:
        with sync_api.sync_playwright() as p:
            try:
                ctx = p.chromium.launch_persistent_context(
                    profile, executable_path=CHROMIUM, args=ARGS, headless=True, viewport={"width": 1400, "height": 900}
                )
            except Exception as exc:  # a chromium that cannot start here is an environment problem
                pytest.skip(f"chromium could not be started: {exc}")
            yield ctx
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    out = {}
    for name, source in (
        ("batumandi", SAMPLES / "batumandi.yaml"),
        ("praya", SAMPLES / "praya.yaml"),
        ("hostile", HOSTILE),
    ):
        text, page = page_for(source)
        path = folder / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        out[name] = (path, page)
    return out


class Opened:
    def __init__(self, ctx, path: Path):
        self.page = ctx.new_page()
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("document.documentElement.getAttribute('data-kg-ready') === '1'")

    def close(self):
        self.page.close()


def open_detail(page):
    """Open every group of the detail (closed on a fresh page), as a reader clicking each title would."""
    page.evaluate("() => document.querySelectorAll('#detail details').forEach(d => { d.open = true; })")


@pytest.fixture
def open_page(browser_context):
    opened = []

    def _open(path):
        o = Opened(browser_context, path)
        opened.append(o)
        return o

    yield _open
    for o in opened:
        o.close()


def test_page_loads_without_console_error_or_network_request(open_page, pages):
    o = open_page(pages["batumandi"][0])
    o.page.mouse.wheel(0, 400)
    open_detail(o.page)
    o.page.locator("tr.kg-f").first.click()
    o.page.wait_for_timeout(200)
    assert o.errors == []
    assert [m for m in o.console if m[0] in ("error", "warning")] == []
    assert o.requests == [o.url]  # the file itself, nothing else


def _halo_owner(page):
    return page.evaluate("""() => {
        const halo = document.querySelector('rect.kg-halo');
        if (!halo) return null;
        const sel = document.querySelector('.kg-selected');
        return {selected: sel ? sel.id : null, sibling: halo.previousElementSibling ? halo.previousElementSibling.id : null};
    }""")


def test_clicking_a_finding_highlights_and_scrolls_to_its_goal(open_page, pages):
    path, page = pages["batumandi"]
    o = open_page(path)
    p = o.page
    open_detail(p)
    row = p.locator("tr.kg-f[data-n]").nth(3)
    number, order = int(row.get_attribute("data-f")), int(row.get_attribute("data-n"))
    row.scroll_into_view_if_needed()
    row.click()
    p.wait_for_timeout(300)
    owner = _halo_owner(p)
    assert owner == {"selected": f"a_kgn{order}", "sibling": f"a_kgn{order}"}
    # the goal is in view inside the diagram's viewport, and the diagram section is on screen
    inside = p.evaluate(
        """(order) => {
        const v = document.querySelector('.kg-diagram-part:not([hidden]) .kg-viewport').getBoundingClientRect();
        const g = document.getElementById('a_kgn' + order).getBoundingClientRect();
        const cx = g.left + g.width / 2, cy = g.top + g.height / 2;
        return cx > v.left && cx < v.right && cy > v.top && cy < v.bottom && v.top < window.innerHeight && v.bottom > 0;
    }""",
        order,
    )
    assert inside
    node = next(n for n in page.G if page.G.nodes[n].get("order") == order)
    panel = p.locator("#kg-panel").inner_text()
    assert f"Kinerja {node}" in panel and f"#{number}" in panel
    assert p.locator(f"#kg-f{number}").get_attribute("class") == "kg-f kg-current"


def test_clicking_a_goal_lists_its_findings(open_page, pages):
    path, page = pages["batumandi"]
    o = open_page(path)
    p = o.page
    G = page.G
    node = "1.1.1.1"  # an ambiguous owner ("Kasi"), a vague indicator, a single child
    order = G.nodes[node]["order"]
    expected = [f for f in page.report.findings if f.node == node]
    assert len(expected) >= 3
    target = p.locator(f"g#a_kgn{order}")
    target.scroll_into_view_if_needed()
    target.click()
    p.wait_for_timeout(200)
    panel = p.locator("#kg-panel")
    assert f"Kinerja {node}" in panel.inner_text()
    assert panel.locator("li").count() == len(expected)
    assert sorted(panel.locator("li code").all_inner_texts()) == sorted(f.rule for f in expected)
    assert sorted(panel.locator("li .kg-lke").all_inner_texts()) == sorted(f"LKE {f.lke}" for f in expected if f.lke)
    assert _halo_owner(p)["selected"] == f"a_kgn{order}"
    assert p.url == o.url  # the goal's link did not navigate


def test_severity_filter_hides_and_shows_rows(open_page, pages):
    path, page = pages["batumandi"]
    p = open_page(path).page
    open_detail(p)
    counts = {s: sum(1 for f in page.report.findings if f.severity == s) for s in ("error", "warning", "info")}
    total = sum(counts.values())

    def visible(sev):
        return p.locator(f"tr.kg-f[data-severity='{sev}']:visible").count()

    assert [visible(s) for s in ("error", "warning", "info")] == [counts["error"], counts["warning"], counts["info"]]
    box = p.locator("input[data-filter='severity'][value='warning']")
    box.scroll_into_view_if_needed()
    box.uncheck()
    assert visible("warning") == 0 and visible("error") == counts["error"] and visible("info") == counts["info"]
    assert p.locator("#kg-showing").inner_text() == f"Menampilkan {total - counts['warning']} dari {total} temuan"
    # a rule group whose rows are all hidden disappears with them
    assert p.locator("details.kg-rule[data-rule='ambiguous-owner']").is_hidden()
    box.check()
    assert visible("warning") == counts["warning"]
    assert p.locator("details.kg-rule[data-rule='ambiguous-owner']").is_visible()
    # the area filter works the same way
    p.locator("input[data-filter='area'][value='levels']").uncheck()
    assert p.locator("tr.kg-f[data-area='levels']:visible").count() == 0
    assert p.locator("tr.kg-f[data-area='structure']:visible").count() > 0


def test_a_mark_in_the_indicator_table_opens_its_finding_even_when_filtered_out(open_page, pages):
    path, _ = pages["batumandi"]
    p = open_page(path).page
    p.locator("input[data-filter='severity'][value='warning']").uncheck()
    p.locator("#kg-indicator-details > summary").click()  # the rule groups stay closed
    mark = p.locator("#kg-indicator-table a.kg-mark-warning").first
    number = mark.get_attribute("data-f")
    mark.scroll_into_view_if_needed()
    mark.click()
    row = p.locator(f"#kg-f{number}")
    assert row.is_visible()
    assert "kg-current" in row.get_attribute("class")


def test_script_in_user_text_is_shown_as_text_and_not_run(open_page, pages):
    path, _ = pages["hostile"]
    o = open_page(path)
    p = o.page
    assert p.evaluate("() => window.__pwned") is None
    assert o.errors == [] and o.requests == [o.url]  # no request to "x" (the <img>), none anywhere
    open_detail(p)
    owner_table = p.locator("#owners").inner_text()
    assert "<script>window.__pwned = 1</script> Meningkatnya kualitas layanan" in owner_table
    assert '"><img src=x onerror="window.__pwned = 2">' in owner_table
    assert "Indeks </script><script>window.__pwned = 3</script>" in p.locator("#kg-indicator-table").inner_text()
    assert p.locator("h1").inner_text() == 'Kecamatan <marquee>Uji</marquee> & "Co"'
    assert p.locator("img, marquee, iframe").count() == 0
    # clicking the hostile goal puts its text in the panel as text
    p.locator("g#a_kgn0").click()
    assert "<script>window.__pwned = 1</script>" in p.locator("#kg-panel").inner_text()
    for goal in p.locator("g[id^='a_kgn']").all():
        goal.hover()
    assert p.evaluate("() => window.__pwned") is None


def test_pan_and_zoom(open_page, pages):
    path, _ = pages["batumandi"]
    p = open_page(path).page
    p.locator("#diagram").scroll_into_view_if_needed()

    def transform():
        m = re.match(
            r"translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)",
            p.locator(".kg-canvas").first.evaluate("e => e.style.transform"),
        )
        return tuple(float(x) for x in m.groups())

    x0, y0, s0 = transform()
    # drag, starting on a goal: the tree moves with the mouse, and the goal is not selected
    goal = p.locator("g#a_kgn1").bounding_box()
    gx, gy = goal["x"] + goal["width"] / 2, goal["y"] + goal["height"] / 2
    p.mouse.move(gx, gy)
    p.mouse.down()
    p.mouse.move(gx + 120, gy + 60, steps=5)
    p.mouse.up()
    x1, y1, s1 = transform()
    assert s1 == s0 and (x1 - x0, y1 - y0) == pytest.approx((120, 60), abs=1)
    assert p.locator("#kg-panel").inner_text().startswith("Klik sebuah kinerja") and _halo_owner(p) is None
    # the wheel zooms in around the mouse
    box = p.locator(".kg-viewport").first.bounding_box()
    p.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    p.mouse.wheel(0, -600)
    p.wait_for_timeout(100)
    assert transform()[2] > s0
    p.locator("button[data-zoom='out']").click()
    p.locator("button[data-zoom='fit']").click()
    assert transform() == pytest.approx((x0, y0, s0), abs=0.5)


def test_print_gives_a4_pages_without_the_controls(open_page, pages, tmp_path):
    path, _ = pages["batumandi"]
    p = open_page(path).page
    p.emulate_media(media="print")
    assert p.locator(".kg-top").is_hidden() and p.locator("#kg-filters").is_hidden()
    assert p.locator(".kg-panel").is_hidden()
    pdf = p.pdf(prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    sizes = {(round(float(w)), round(float(h))) for w, h in boxes}
    assert (595, 842) in sizes  # A4 portrait for the text
    assert (842, 595) in sizes  # A4 landscape for the diagram
    assert len(boxes) >= 4


def test_the_evaluation_is_read_first_and_the_detail_opens_on_demand(open_page, pages):
    path, page = pages["batumandi"]
    o = open_page(path)
    p = o.page
    tops = [p.locator(f"#{s}").bounding_box()["y"] for s in ("summary", "criteria", "strengths", "diagram", "detail")]
    assert tops == sorted(tops)
    assert p.locator("#kg-criteria-table tbody tr").count() == len(evaluation.evaluate(page.report, "id").criteria)
    # the detail is closed: no finding row shows until its rule is opened
    assert p.locator("details.kg-rule[open]").count() == 0
    assert p.locator("tr.kg-f:visible").count() == 0
    # a note's link to its findings opens its rule and brings it into view
    link = p.locator(".kg-note a.kg-to-rule").first
    rule = link.get_attribute("href").removeprefix("#kg-r-")
    link.click()
    group = p.locator(f"details.kg-rule[data-rule='{rule}']")
    assert group.evaluate("d => d.open") is True
    assert group.locator("tr.kg-f").first.is_visible()
    assert p.evaluate("() => location.hash") == f"#kg-r-{rule}"
    # a goal named in a note is shown in the diagram
    goal = p.locator(".kg-note a.kg-node-id[data-goto-n]").first
    goal.scroll_into_view_if_needed()
    node, order = goal.inner_text(), goal.get_attribute("data-goto-n")
    goal.click()
    p.wait_for_timeout(300)
    assert _halo_owner(p)["selected"] == f"a_kgn{order}"
    assert f"Kinerja {node}" in p.locator("#kg-panel").inner_text()
    assert o.errors == [] and o.requests == [o.url]


def test_printing_keeps_the_detail_closed_and_praya_prints_in_a_few_pages(open_page, pages):
    path, page = pages["praya"]
    p = open_page(path).page
    p.emulate_media(media="print")
    assert p.locator("#kg-criteria-table").is_visible() and p.locator(".kg-note").first.is_visible()
    assert p.locator("#detail details.kg-rule > summary").first.is_visible()
    assert p.locator("tr.kg-f:visible").count() == 0 and p.locator("#kg-indicator-table").is_hidden()
    pdf = p.pdf(prefer_css_page_size=True, print_background=True)
    pages_printed = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 3 <= pages_printed <= 10, pages_printed  # 9 now; 36 when every finding was a printed row
    # a group the reader opened is printed
    p.locator("details.kg-rule").first.evaluate("d => { d.open = true; }")
    assert p.locator("details.kg-rule").first.locator("tr.kg-f").first.is_visible()


def test_english_page_in_the_browser(open_page, tmp_path):
    text, _ = page_for(SAMPLES / "batumandi.yaml", lang="en")
    path = tmp_path / "en.html"
    path.write_text(text, encoding="utf-8")
    o = open_page(path)
    assert o.page.locator("html").get_attribute("lang") == "en"
    assert "not a nilai SAKIP" in o.page.locator("#kg-caveat").inner_text()
    open_detail(o.page)
    o.page.locator("tr.kg-f[data-n]").first.click()
    assert o.page.locator("#kg-panel h3").inner_text().startswith("Goal ")
    assert o.errors == []
    data = json.loads(o.page.locator("#kg-data").text_content())
    assert data["words"]["error"] == "error"


def _big_cascade() -> str:
    """Four branches of 73 goals: more than rules/render.yaml's auto_split_goals, so the diagram is split."""
    lines = [
        "kinerja: 1",
        "organisation: {name: Kecamatan Besar, type: kecamatan}",
        "period: [2024, 2024]",
        "nodes:",
        '  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome, owner: Camat, '
        "indicators: [{name: Indeks Kepuasan Masyarakat}]}",
    ]
    for a in range(1, 5):
        lines.append(
            f'  - {{id: "1.{a}", parent: "1", statement: "Meningkatnya layanan bidang {a}", '
            f'level: intermediate outcome, owner: Camat, indicators: [{{name: "Indeks layanan {a}"}}]}}'
        )
        for b in range(1, 9):
            lines.append(
                f'  - {{id: "1.{a}.{b}", parent: "1.{a}", statement: "Meningkatnya mutu program {a}.{b}", '
                f'level: immediate outcome, owner: "Kasi {a}", indicators: [{{name: "Persentase mutu {a}.{b}"}}]}}'
            )
            for c in range(1, 9):
                lines.append(
                    f'  - {{id: "1.{a}.{b}.{c}", parent: "1.{a}.{b}", statement: "Tersusunnya dokumen {a}.{b}.{c}", '
                    f'level: output, owner: "Staf {a}", indicators: [{{name: "Jumlah dokumen {a}.{b}.{c}"}}]}}'
                )
    return "\n".join(lines) + "\n"


def test_a_split_diagram_shows_the_part_holding_the_goal(open_page, tmp_path):
    text, page = page_for(_big_cascade(), file="besar.yaml")
    assert len(page.diagram.parts) > 2
    path = tmp_path / "besar.html"
    path.write_text(text, encoding="utf-8")
    o = open_page(path)
    p = o.page
    assert p.locator(".kg-diagram-part:visible").count() == 1
    overview = set(page.diagram.parts[0].orders)
    order = next(
        page.G.nodes[f.node]["order"]
        for f in page.report.findings
        if f.node is not None and page.G.nodes[f.node]["order"] not in overview
    )
    open_detail(p)
    row = p.locator(f"tr.kg-f[data-n='{order}']").first
    row.scroll_into_view_if_needed()
    row.click()
    p.wait_for_timeout(200)
    part = p.locator(".kg-diagram-part:visible")
    assert part.count() == 1 and part.locator(f"g#a_kgn{order}").count() == 1
    assert p.locator("#kg-part").input_value() == part.get_attribute("data-part") != "0"
    assert _halo_owner(p)["selected"] == f"a_kgn{order}"
    # choosing a part by hand shows it alone
    p.locator("#kg-part").select_option("0")
    assert p.locator(".kg-diagram-part:visible").get_attribute("data-part") == "0"
    assert o.errors == [] and o.requests == [o.url]
