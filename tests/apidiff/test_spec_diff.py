"""SchemaDiff on small schemas: a `$ref` wrapped in an `anyOf`/`oneOf` (what `badgr proxy
suggest` writes) and unwrapped again is judged by the alternatives that came or went, never as
the referenced schema's properties removed or added (the corpus runs the same on the real specs)."""

from __future__ import annotations

from typing import Any

import pytest

from scripts.apidiff.spec_diff import SchemaDiff

REF = {"$ref": "#/components/schemas/Recipient"}
RECIPIENT = {"type": "object", "properties": {"identity": {"type": "string"}}}
NULL = {"type": "null"}


def _facts(old: Any, new: Any, schemas: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    spec = {"components": {"schemas": {"Recipient": RECIPIENT, **(schemas or {})}}}
    return [(f.name, f.effect) for f in SchemaDiff(spec, spec).compare(old, new, "/x")]


@pytest.mark.parametrize(
    ("old", "new", "facts"),
    [
        (REF, {"anyOf": [REF, NULL]}, [("became-nullable", "widened")]),
        ({"anyOf": [REF, NULL]}, REF, [("became-not-nullable", "narrowed")]),
        (REF, {"anyOf": [REF, {"type": "string"}]}, [("any-of-added", "widened")]),
        ({"anyOf": [{"type": "string"}, REF]}, REF, [("any-of-removed", "narrowed")]),
        (REF, {"oneOf": [{"type": "string"}, REF]}, [("one-of-added", "widened")]),
        (
            REF,
            {"anyOf": [REF, NULL, {"type": "string"}]},
            [("became-nullable", "widened"), ("any-of-added", "widened")],
        ),
        # the member is the old schema inline, or refers to it
        (RECIPIENT, {"anyOf": [REF, NULL]}, [("became-nullable", "widened")]),
        # a description that moved into the member is no change; one the wrapper dropped is
        (
            {"type": "string", "description": "A"},
            {"anyOf": [{"type": "string", "description": "A"}, NULL]},
            [("became-nullable", "widened")],
        ),
        (
            {"description": "A", "anyOf": [{"type": "string"}, NULL]},
            {"type": "string"},
            [("docs-changed", "docs"), ("became-not-nullable", "narrowed")],
        ),
    ],
)
def test_a_ref_wrapped_in_a_union_and_unwrapped(
    old: Any, new: Any, facts: list[tuple[str, str]]
) -> None:
    assert _facts(old, new) == facts


def test_null_added_beside_a_schema_that_already_allows_it_is_no_change() -> None:
    maybe = {"$ref": "#/components/schemas/Maybe"}
    schemas = {"Maybe": {"type": ["object", "null"]}}
    assert _facts(maybe, {"anyOf": [maybe, NULL]}, schemas) == []


def test_among_alternatives_the_one_of_the_same_type_is_compared_with_the_old_schema() -> None:
    old = {"type": "string", "maxLength": 10}
    new = {"anyOf": [{"type": "string", "maxLength": 5}, {"type": "integer"}]}
    assert next(SchemaDiff({}, {}).compare(old, new, "/x")).pointer == "/x/anyOf/0"
    assert _facts(old, new) == [("max-length-decreased", "narrowed"), ("any-of-added", "widened")]
    nullable = {"type": ["string", "null"], "maxLength": 10}
    wider = {"anyOf": [{"type": "string", "maxLength": 10}, {"type": "integer"}, NULL]}
    assert _facts(nullable, wider) == [("any-of-added", "widened")]
