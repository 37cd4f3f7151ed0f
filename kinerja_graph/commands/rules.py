"""`kinerja rules [ID]`: the catalogue of rules, or one rule's documentation."""

from __future__ import annotations

import click

from kinerja_graph.commands.options import lang_option


@click.command("rules")
@click.argument("rule_id", required=False, metavar="[ID]")
@click.option(
    "--rules",
    "rules_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Show severities and options from this rule pack instead of the default one.",
)
@lang_option
def rules_command(rule_id, rules_file, lang):
    """List every rule (id, severity, area, LKE criterion, summary), or print the documentation of ID."""
    from kinerja_graph import checks, config
    from kinerja_graph.report import rules as rules_report

    settings = config.settings_from_pack(rules_file) if rules_file else config.default_settings()
    registry = checks.all_rules()
    if rule_id is None:
        click.echo(rules_report.format_catalogue(registry, settings, lang), nl=False)
        return
    if rule_id not in registry:
        raise click.BadParameter(config.unknown_rule_message(rule_id), param_hint="ID")
    click.echo(rules_report.format_rule(registry[rule_id], settings, lang), nl=False)
