"""Commands of `kinerja` that live in their own modules, each a click command that kinerja_graph/cli.py
adds to the group (``cli.add_command(...)``), plus what they share:

    ci.py           what `kinerja check` does for CI: baselines, --exit-zero
    diff.py         `kinerja diff OLD NEW` / `kinerja diff --git REV PATH`
    options.py      options shared by the commands (--lang, --select/--ignore, --fail-on, --stdin-filename,
                    -o/--output-file, --quiet, ...)
    output.py       the one registry of output formats (name -> formatter), how a report is written
                    (stdout or -o, --quiet, --statistics, colour) and the stderr error lines
    render.py       `kinerja render FILE` (the diagram)
    report.py       `kinerja report FILE... -o page.html` (the HTML report)
    settings.py     `kinerja check --show-settings FILE...` (the configuration a file is checked with)

Every command that checks goes through kinerja_graph/pipeline.py (paths -> settings -> cascade ->
graph -> findings); the commands only parse options, print and choose the exit code.

Nothing here imports kinerja_graph.cli (which imports these modules at its end).
"""
