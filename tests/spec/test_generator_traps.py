"""Regression tests for the openapi-python-client 0.29.1 traps this spec is written around.

In the style of the generator's own functional tests: a small spec snippet is generated, imported
and exercised, next to the same check on our real generated package.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from badgr_api.models.badge_class import BadgeClass
from badgr_api.models.envelope import Envelope
from badgr_api.models.issuer import Issuer
from badgr_api.models.issuer_staff import IssuerStaff
from tests.spec.generator_tools import generate, importable
from tests.spec.spec_tools import ROOT


def _snippet(schemas: dict[str, Any], media_type: str = "application/json") -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "trap", "version": "1"},
        "paths": {
            "/thing": {
                "post": {
                    "operationId": "make_thing",
                    "requestBody": {
                        "content": {media_type: {"schema": {"$ref": "#/components/schemas/Thing"}}}
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {"schemas": schemas},
    }


@pytest.fixture(scope="module")
def trap_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    tmp = tmp_path_factory.mktemp("traps")
    inner = {"type": "object", "properties": {"amount": {"type": "integer"}}}
    schemas = {
        "Inner": inner,
        "Kind": {"type": "string", "enum": ["a", "b"]},
        "Thing": {
            "type": "object",
            "properties": {
                # OpenAPI 3.0 habit: a $ref with a sibling `nullable` (the generator drops it).
                "ref_with_nullable": {"$ref": "#/components/schemas/Inner", "nullable": True},
                # What this spec uses instead.
                "any_of_null": {
                    "anyOf": [{"$ref": "#/components/schemas/Inner"}, {"type": "null"}]
                },
                "kind": {"$ref": "#/components/schemas/Kind"},
                "kind_or_text": {
                    "oneOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "integer"}]
                },
            },
        },
    }
    result = generate(
        tmp, _snippet(schemas), "trap_client", settings={"post_hooks": []}, fail_on_warning=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with importable(tmp):
        yield importlib.import_module("trap_client.models.thing")


def test_ref_with_sibling_nullable_crashes_on_null(trap_package: ModuleType) -> None:
    with pytest.raises((TypeError, AttributeError)):
        trap_package.Thing.from_dict({"ref_with_nullable": None})


def test_any_of_null_accepts_null(trap_package: ModuleType) -> None:
    thing = trap_package.Thing.from_dict({"any_of_null": None})
    assert thing.any_of_null is None
    assert trap_package.Thing.from_dict({"any_of_null": {"amount": 2}}).any_of_null.amount == 2


def test_closed_enum_rejects_a_new_server_value(trap_package: ModuleType) -> None:
    with pytest.raises((TypeError, ValueError)):
        trap_package.Thing.from_dict({"kind": "c"})


def test_union_swallows_an_unknown_enum_value(trap_package: ModuleType) -> None:
    # Inside oneOf the failed branch is silently skipped and the raw value kept: the reason open
    # server-owned sets are plain strings in this spec, not enums inside unions.
    assert trap_package.Thing.from_dict({"kind_or_text": "c"}).kind_or_text == "c"


def test_unsupported_media_type_fails_generation_instead_of_dropping_the_operation(
    tmp_path: Path,
) -> None:
    schemas = {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}}}
    result = generate(
        tmp_path,
        _snippet(schemas, media_type="application/xml"),
        "xml_client",
        settings={"post_hooks": []},
        fail_on_warning=True,
    )
    assert result.returncode != 0
    assert "make_thing" in result.stdout + result.stderr or "xml" in result.stdout.lower()


def test_our_nullable_fields_accept_null() -> None:
    badge = BadgeClass.from_dict(
        {
            "entityType": "BadgeClass",
            "entityId": "x",
            "name": "n",
            "issuer": "i",
            "expires": None,
            "ob3Properties": None,
            "preferences": None,
            "criteriaUrl": None,
        }
    )
    assert badge.expires is None and badge.criteria_url is None
    staff = IssuerStaff.from_dict({"role": "owner", "user": "u", "userProfile": None})
    assert staff.user_profile is None


def test_our_open_sets_accept_new_server_values() -> None:
    issuer = Issuer.from_dict(
        {"entityType": "IssuerV3", "entityId": "x", "name": "n", "source": "imported-lti"}
    )
    assert (issuer.entity_type, issuer.source) == ("IssuerV3", "imported-lti")


@pytest.mark.parametrize(
    "field_errors",
    [
        {"email": ["Enter a valid email address."]},
        'Method "PATCH" not allowed.',
        {"recipient": {"non_field_errors": ["Enter a valid email address."]}},
        [{}, {"recipient": {"identity": ["required"]}}],
    ],
    ids=["map-of-lists", "bare-string", "nested", "per-item-list"],
)
def test_field_errors_of_any_shape_parse_and_round_trip(field_errors: Any) -> None:
    body = {"status": {"success": False, "description": "bad request"}, "result": []}
    body["fieldErrors"] = field_errors
    envelope = Envelope.from_dict(body)
    assert envelope.field_errors == field_errors
    assert envelope.to_dict()["fieldErrors"] == field_errors


def test_generated_package_is_typed() -> None:
    assert (ROOT / "generated" / "badgr_api" / "py.typed").exists()
