"""Context.findings: many findings made at once are those Context.finding makes one by one."""

import pytest
from helpers import context

from kinerja_graph.model import Location

RULE = "near-duplicate"
CASCADE = """\
organisation: {name: Kecamatan Uji}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pemerintahan, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terselenggaranya urusan pemerintahan umum, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Terseleenggaranya Urusan Pemerintahan Umum, level: immediate outcome}
"""


def _fields(finding) -> tuple:
    return (
        finding.rule,
        finding.severity,
        finding.node,
        finding.args,
        finding.key,
        finding.related,
        finding.file,
        finding.location,
        finding.area,
        finding.lke,
        finding.basis,
    )


def test_findings_made_together_are_those_made_one_by_one():
    ctx = context(RULE, CASCADE)
    elsewhere = Location(file="x.yaml", line=9, kind="line")
    nodes = ["1.1", "1.2", None, "no such node", "1"]
    related = [("1.2",), ["1.1", "1"], (), iter(["1.1"]), ()]
    locations = [None, elsewhere, None, None, elsewhere]
    args = [{"variants": [["a", ["1.1"]]], "field": "statement", "extra": k} for k in range(len(nodes))]
    together = ctx.findings("statements", nodes, related=related, locations=locations, args=args)
    related = [("1.2",), ["1.1", "1"], (), ["1.1"], ()]
    one_by_one = [
        ctx.finding(node, "statements", related=r, location=loc, **a)
        for node, r, loc, a in zip(nodes, related, locations, args)
    ]
    assert list(map(_fields, together)) == list(map(_fields, one_by_one))
    assert together[0].location.line == 4  # where node 1.1 stands
    assert type(together[1].related) is tuple
    assert together[0].args is args[0]


def test_findings_made_together_need_every_argument_and_as_many_of_each():
    ctx = context(RULE, CASCADE)
    with pytest.raises(KeyError, match="needs the argument\\(s\\) variants"):
        ctx.findings("statements", ["1.1"], related=[()], locations=[None], args=[{"field": "statement"}])
    with pytest.raises(KeyError, match="has no message"):
        ctx.findings("no such message", ["1.1"], related=[()], locations=[None], args=[{}])
    with pytest.raises(ValueError, match="as many"):
        ctx.findings("statements", ["1.1", "1.2"], related=[()], locations=[None], args=[{"variants": [], "field": ""}])
    assert ctx.findings("statements", [], related=[], locations=[], args=[]) == []
