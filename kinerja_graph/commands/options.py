"""Command-line options shared by several commands, defined once."""

from __future__ import annotations

import click

FAIL_ON = ("error", "warning", "info")


def rule_ids(ctx, param, values):
    """--select/--ignore: ids or areas, comma-separated or repeated; unknown ids are a usage error."""
    if not values:
        return None
    from kinerja_graph import config

    ids, unknown = config.expand_rule_ids(values)
    if unknown:
        raise click.BadParameter("; ".join(config.unknown_rule_message(u) for u in unknown))
    return ids


lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of messages: Indonesian or English.",
)
sheet_option = click.option("--sheet", metavar="NAME", help="Sheet of an .xlsx file to read (default: the first).")
rules_option = click.option(
    "--rules",
    "rules_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="A rule pack (YAML) to use instead of the project configuration.",
)
no_config_option = click.option(
    "--no-config", is_flag=True, help="Ignore kinerja.toml and [tool.kinerja] in pyproject.toml."
)
select_option = click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    callback=rule_ids,
    help="Run only these rules: ids or areas, comma-separated or repeated.",
)
ignore_option = click.option(
    "--ignore",
    multiple=True,
    metavar="IDS",
    callback=rule_ids,
    help="Do not run these rules: ids or areas, comma-separated or repeated.",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding of this severity or a worse one remains. [default: error]",
)
