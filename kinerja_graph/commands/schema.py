"""`kinerja schema`: the JSON Schema of the cascade document."""

from __future__ import annotations

import json

import click

from kinerja_graph import policy


@click.command()
def schema():
    """Print the JSON Schema of the cascade document."""
    click.echo(json.dumps(policy.load_schema("cascade.schema.json"), indent=2, ensure_ascii=False))
