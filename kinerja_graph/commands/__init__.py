"""Commands of `kinerja` that live in their own modules, each a click command that kinerja_graph/cli.py
adds to the group (``cli.add_command(...)``), plus what they share:

    ci.py           what `kinerja check` does for CI: folders, baselines, --exit-zero, CI formats
    diff.py         `kinerja diff OLD NEW` / `kinerja diff --git REV PATH`
    diff_format.py  the diff's text, JSON and Markdown output
    files.py        cascade files found in the folders given on the command line
    options.py      options shared by the commands (--lang, --select/--ignore, --fail-on, ...)
    report.py       `kinerja report FILE... -o page.html` (the HTML report)

Nothing here imports kinerja_graph.cli (which imports these modules at its end).
"""
