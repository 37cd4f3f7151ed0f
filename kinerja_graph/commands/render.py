"""`kinerja render`: draw the pohon kinerja. Thin: parse options, read the file through the pipeline
(checked too with --findings), call kinerja_graph.render, report.

Messages go to stderr, in Indonesian or English (--lang). Exit codes: 0 drawn; 2 bad input, bad
options, no Graphviz, or Graphviz stopped at the time limit (all raised as KinerjaError, which the
`kinerja` group turns into a message).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kinerja_graph import terminal
from kinerja_graph.commands.options import no_config_option, rules_option, sheet_option

FORMAT_CHOICES = ["svg", "png", "pdf", "dot"]


@click.command("render")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="Where to write the diagram ('-' for standard output). [default: output/<FILE name>.<format>]",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default=None,
    help="svg, png, pdf, or dot (DOT text, needs no Graphviz). [default: from the --output suffix, else svg]",
)
@click.option("--year", type=int, metavar="YEAR", help="Show each indicator's target for this year.")
@click.option("--root", metavar="ID", help="Draw only the goal ID and the goals under it.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="Draw only N levels below the root (or below the top goals).",
)
@click.option(
    "--split/--no-split",
    default=None,
    help="Print on several pages (an overview, then the branches) even when one page would do; "
    "--no-split forces one picture. [default: split when one page would print below the smallest "
    "text size of rules/render.yaml]",
)
@click.option(
    "--paper",
    type=click.Choice(["A3", "A4"], case_sensitive=False),
    default=None,
    help="Paper the pages are planned for (PDF pages have its size). [default: A3, rules/render.yaml]",
)
@click.option(
    "--orientation",
    type=click.Choice(["landscape", "portrait"]),
    default=None,
    help="Orientation of every page. [default: whichever suits each page]",
)
@click.option(
    "--layout",
    type=click.Choice(["level", "structure"]),
    default="level",
    show_default=True,
    help="level: one band per declared level; structure: boxes by their place in the tree, "
    "coloured by their declared level, marked where the two disagree.",
)
@click.option(
    "--direction",
    type=click.Choice(["TB", "LR"], case_sensitive=False),
    default="TB",
    show_default=True,
    help="TB: top-down bands; LR: left to right, for trees that are deep rather than wide.",
)
@click.option(
    "--wrap",
    type=click.IntRange(8, 200),
    metavar="CHARS",
    help="Characters per line in a box. [default: from rules/render.yaml]",
)
@click.option(
    "--findings",
    type=click.Choice(["marked", "all"]),
    is_flag=False,
    flag_value="marked",
    default=None,
    help="Check the cascade first: numbered codes on the boxes with errors and warnings, keyed to a list "
    "on each page; missing data as grey 'belum ada' patches. '--findings all' includes info findings.",
)
@rules_option
@no_config_option
@click.option(
    "--engine",
    type=click.Choice(["auto", "dot", "pygraphviz"]),
    default="auto",
    show_default=True,
    help="Graphviz to run: the `dot` program, or pygraphviz (pip install 'pygraphviz>=2.0'); "
    "auto prefers pygraphviz when installed.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop Graphviz after this long, per diagram. [default: from rules/render.yaml]",
)
@click.option(
    "--dpi",
    type=click.IntRange(36, 1200),
    metavar="DPI",
    help="Pixels per inch of PNG output. [default: from rules/render.yaml]",
)
@sheet_option
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of the diagram's captions and of the messages.",
)
def render(
    file,
    output,
    fmt,
    year,
    root,
    depth,
    split,
    paper,
    orientation,
    layout,
    direction,
    wrap,
    findings,
    rules_file,
    no_config,
    engine,
    timeout,
    dpi,
    sheet,
    lang,
):
    """Draw the pohon kinerja in FILE for print: one band per level, a box per goal with its
    indicators and owner, crosscutting bodies beside the tree.

    A tree that would print too small on --paper is drawn on several pages (an overview, then the
    branches, with "continued on page" references): one PDF, or one SVG/PNG/DOT file per page
    (NAME-1.svg, NAME-2.svg, ...). The command says how many pages and the smallest text size.
    """
    from kinerja_graph import pipeline
    from kinerja_graph.render import DiagramOptions, describe, draw, load_style
    from kinerja_graph.render.dot import period_text

    style = load_style()

    say = terminal.say

    to_stdout = output == "-"
    if to_stdout:
        fmt = fmt or "svg"
        if split and fmt != "pdf":
            raise click.UsageError("--split writes several files: give --output a file name (or use -f pdf)")
        if fmt != "pdf":
            split = False
        out = Path(f"stdout.{fmt}")
    else:
        if output is None:
            fmt = fmt or "svg"
            out = Path("output") / f"{Path(file).stem}.{fmt}"
        else:
            out = Path(output)
            suffix = out.suffix.lower().lstrip(".")
            if fmt is None:
                fmt = suffix or "svg"
            if not suffix:
                out = out.with_name(f"{out.name}.{fmt}")

    # read (with the level labels of its configuration) and, with --findings, checked as `kinerja check` does
    reading = pipeline.Options(rules=rules_file, use_project=not no_config, sheet=sheet)
    (result,) = pipeline.run([file], reading, check=bool(findings)).results
    result.raise_if_unreadable()
    cascade, G = result.cascade, result.graph
    assert cascade is not None and G is not None
    found = None
    if findings:
        for line in (line for error in result.report.errors for line in error.lines()):
            say(line)  # a rule that broke: the drawing goes on without its findings
        found = result.report.findings
    if year is not None and not any(year in ind.targets for n in cascade.nodes for ind in n.indicators):
        say(style.t("msg_no_targets", lang, year=year, period=period_text(G.graph.get("period")) or "-"))

    options = DiagramOptions(
        lang=lang, year=year, wrap=wrap, direction=direction.upper(), layout=layout, include_info=findings == "all"
    )
    drawing, pictures = draw(
        G,
        out,
        fmt,
        findings=found,
        options=options,
        root=root,
        depth=depth,
        split=split,
        engine=engine,
        timeout=timeout,
        dpi=dpi,
        write=not to_stdout,
        style=style,
        paper_name=paper,
        orientation=orientation,
    )
    for line in describe(drawing, pictures, lang, style, shown="-" if to_stdout else None):
        say(line)
    if to_stdout:
        sys.stdout.buffer.write(drawing.pdf if drawing.pdf is not None else pictures[0].data)
        sys.stdout.buffer.flush()
