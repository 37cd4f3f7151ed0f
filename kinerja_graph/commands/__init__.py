"""Commands of `kinerja` that live in their own modules, each a click command that kinerja_graph/cli.py
adds to the group (``cli.add_command(...)``), plus what they share:

    ci.py           what `kinerja check` does for CI: baselines, --exit-zero
    diff.py         `kinerja diff OLD NEW` / `kinerja diff --git REV PATH`
    options.py      options shared by the commands (--lang, --select/--ignore, --fail-on, ...)
    output.py       the one registry of output formats (name -> formatter) and the stderr error lines
    render.py       `kinerja render FILE` (the diagram)
    report.py       `kinerja report FILE... -o page.html` (the HTML report)

Every command that checks goes through kinerja_graph/pipeline.py (paths -> settings -> cascade ->
graph -> findings); the commands only parse options, print and choose the exit code.

Nothing here imports kinerja_graph.cli (which imports these modules at its end).
"""
