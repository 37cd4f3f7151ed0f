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
    help="One diagram per intermediate outcome plus an overview of the top levels. "
    "[default: automatic above the limit in rules/render.yaml]",
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
@click.option("--no-stack", is_flag=True, help="Draw every leaf as its own box instead of one column per parent.")
@click.option(
    "--findings", is_flag=True, help="Check the cascade first and mark goals with errors (red) and warnings (amber)."
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
    direction,
    wrap,
    no_stack,
    findings,
    rules_file,
    no_config,
    engine,
    timeout,
    dpi,
    sheet,
    lang,
):
    """Draw the pohon kinerja in FILE: one band per level, a box per goal with its indicators and
    owner, crosscutting bodies beside the tree.

    Big trees are split (one file per intermediate outcome, next to --output) when one picture would
    hold more goals than rules/render.yaml allows; --root, --depth and --direction LR help too.
    """
    from kinerja_graph import pipeline
    from kinerja_graph.render import DiagramOptions, draw, load_style
    from kinerja_graph.render.dot import period_text
    from kinerja_graph.render.output import print_scale

    style = load_style()

    def say(text: str) -> None:
        click.echo(f"kinerja: {text}", err=True)

    to_stdout = output == "-"
    if to_stdout:
        if split:
            raise click.UsageError("--split writes several files: give --output a file name")
        split = False
        fmt = fmt or "svg"
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
    (result,) = pipeline.run([file], reading, check=findings).results
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
        lang=lang, year=year, wrap=wrap, direction=direction.upper(), stack_leaves=0 if no_stack else None
    )
    plan, pictures = draw(
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
    )
    if plan.automatic:
        say(style.t("msg_auto_split", lang, goals=plan.total, limit=style.auto_split_goals, parts=len(pictures)))
    paper = style.print_check
    for pic in pictures:
        for warning in pic.warnings:
            say(style.t("msg_graphviz", lang, message=warning))
        where = "-" if to_stdout else str(pic.path)
        line = style.t("msg_written", lang, file=where, goals=pic.goals)
        if pic.size_pt:
            size = round(style.font_size * print_scale(pic.size_pt, (paper["width_mm"], paper["height_mm"])), 1)
            key = "msg_print_small" if size < paper["min_text_pt"] else "msg_print"
            line += "; " + style.t(key, lang, paper=paper["paper"], size=size)
        say(line)
        if plan.split and pic.goals > style.auto_split_goals:
            say(style.t("msg_big_part", lang, file=where, goals=pic.goals, limit=style.auto_split_goals))
    if to_stdout:
        sys.stdout.buffer.write(pictures[0].data)
        sys.stdout.buffer.flush()
