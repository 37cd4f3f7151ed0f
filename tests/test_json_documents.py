"""JSON documents that are not objects are read as data, for the schema to refuse."""

from __future__ import annotations

from kinerja_graph.loaders import structured


def test_a_document_that_is_a_number_is_said_to_be_no_object() -> None:
    """A number is read as data (the schema then says it is no object), not an internal error."""
    assert structured.read_json("5", "c.json").data == 5
