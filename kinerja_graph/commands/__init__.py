"""The commands of `kinerja`, each a click command in its own module, which kinerja_graph/cli.py lists (COMMANDS:
module, attribute, the first sentence of its help) and imports only when it runs, plus what they share:

    check.py        `kinerja check FILE...`, and its runs in worker processes (each writing its files' part)
    ci.py           what `kinerja check` does for CI: baselines, --exit-zero
    convert.py      `kinerja convert SOURCE TARGET`
    diff.py         `kinerja diff OLD NEW` / `kinerja diff --git REV PATH`
    evaluate.py     `kinerja evaluate FILE...`
    export.py       `kinerja export pk FILE`
    hook.py         `kinerja check --only-cascades` (the pre-commit hook)
    options.py      options shared by the commands (--lang, --select/--ignore, --fail-on, --stdin-filename,
                    -o/--output-file, --quiet, ...)
    output.py       the one registry of output formats (name -> formatter), how a report is written
                    (stdout or -o, --quiet, --statistics, colour) and the stderr error lines
    render.py       `kinerja render FILE` (the diagram)
    report.py       `kinerja report FILE... -o page.html` (the HTML report)
    rules.py        `kinerja rules [ID]`
    schema.py       `kinerja schema`
    settings.py     `kinerja check --show-settings FILE...` (the configuration a file is checked with)
    show.py         `kinerja show FILE`
    template.py     `kinerja template` (an empty workbook to fill in)

Every command that checks goes through kinerja_graph/pipeline.py (paths -> settings -> cascade ->
graph -> findings); the commands only parse options, print and choose the exit code.

Nothing here imports kinerja_graph.cli.
"""
