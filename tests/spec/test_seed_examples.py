"""Every example of the seed documentation pages is true to the spec and the generated client."""

from __future__ import annotations

import copy
import importlib
import re
from datetime import datetime
from typing import Any

import pytest

from tests.spec.seed_examples import SeedExample, all_seed_examples
from tests.spec.spec_tools import (
    json_schema_of,
    load_spec,
    operation,
    resolve,
    undeclared_keys,
    validator,
)

SEED_OPERATIONS = [
    ("GET", "/v2/issuers", "list_issuers"),
    ("POST", "/v2/issuers", "create_issuer"),
    ("GET", "/v2/issuers/{idOrEntityId}", "get_issuer"),
    ("PUT", "/v2/issuers/{idOrEntityId}", "update_issuer"),
    ("PATCH", "/v2/issuers/{idOrEntityId}", "patch_issuer"),
    ("DELETE", "/v2/issuers/{idOrEntityId}", "delete_issuer"),
    ("GET", "/v2/issuers/openBadgeId/{issuerOpenBadgeIdBase64}", "get_issuer_by_open_badge_id"),
    ("PUT", "/v2/issuers/openBadgeId/{issuerOpenBadgeIdBase64}", "update_issuer_by_open_badge_id"),
    ("PATCH", "/v2/issuers/openBadgeId/{issuerOpenBadgeIdBase64}", "patch_issuer_by_open_badge_id"),
    (
        "DELETE",
        "/v2/issuers/openBadgeId/{issuerOpenBadgeIdBase64}",
        "delete_issuer_by_open_badge_id",
    ),
    ("GET", "/v2/issuers/ref/{issuerOpenBadgeIdBase64}", "get_issuer_by_ref"),
    ("PUT", "/v2/issuers/ref/{issuerOpenBadgeIdBase64}", "update_issuer_by_ref"),
    ("PATCH", "/v2/issuers/ref/{issuerOpenBadgeIdBase64}", "patch_issuer_by_ref"),
    ("DELETE", "/v2/issuers/ref/{issuerOpenBadgeIdBase64}", "delete_issuer_by_ref"),
    ("POST", "/v2/issuers/{idOrEntityId}/staff", "add_issuer_staff"),
    ("PUT", "/v2/issuers/{idOrEntityId}/staff", "update_issuer_staff"),
    ("PATCH", "/v2/issuers/{idOrEntityId}/staff", "patch_issuer_staff"),
    ("DELETE", "/v2/issuers/{idOrEntityId}/staff/{emailBase64}", "remove_issuer_staff"),
    ("POST", "/v2/issuers/{idOrEntityId}/staff/invitations", "invite_issuer_staff"),
    ("GET", "/v2/issuers/{idOrEntityId}/badgeclasses", "list_issuer_badgeclasses"),
    ("POST", "/v2/issuers/{idOrEntityId}/badgeclasses", "create_issuer_badgeclass"),
    ("GET", "/v2/issuers/{idOrEntityId}/pathways", "list_issuer_pathways"),
    ("GET", "/v2/{scope}/{idOrEntityId}/assertions", "list_assertions"),
    ("POST", "/v2/{scope}/{idOrEntityId}/assertions", "award_assertion"),
    ("GET", "/v2/organizations/{id}/public-issuers", "list_organization_public_issuers"),
    ("GET", "/v2/users/{idOrEntityId}", "get_user"),
    ("PUT", "/v2/users/{idOrEntityId}", "update_user"),
    ("PATCH", "/v2/users/{idOrEntityId}", "patch_user"),
    ("GET", "/v2/users/self", "get_self"),
    ("PUT", "/v2/users/self", "update_self"),
    ("PATCH", "/v2/users/self", "patch_self"),
]
SEEDS = all_seed_examples()
# DELETEs documented as 204 *and* shown with a status-only envelope: the spec declares no body
# (RFC 9110 forbids one on 204), so those bodies are only checked against the base envelope.
BODY_ON_204 = {
    ("DELETE", "/v2/issuers/openBadgeId/{issuerOpenBadgeIdBase64}"),
    ("DELETE", "/v2/issuers/ref/{issuerOpenBadgeIdBase64}"),
    ("DELETE", "/v2/issuers/{idOrEntityId}/staff/{emailBase64}"),
}


# Placeholders of the docs' examples where servers validate the value: a URL field shown as
# "text" (README: decisions where the documentation is silent or contradicts itself).
PLACEHOLDERS = {
    ("POST", "/v2/issuers/{idOrEntityId}/badgeclasses"): {
        ("alignments", 0, "targetUrl"): "https://example.com/standards/math"
    },
}


def _request_of(example: SeedExample) -> Any:
    request = copy.deepcopy(example.request)
    for where, value in PLACEHOLDERS.get((example.method, example.path), {}).items():
        *parents, last = where
        target: Any = request
        for step in parents:
            target = target[step]
        assert target[last] == "text", (example.path, where)  # still the docs' placeholder
        target[last] = value
    return request


def _id(example: SeedExample) -> str:
    return f"{example.method} {example.path}"


def _success(op: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    status = next(code for code in op["responses"] if code.startswith("2"))
    return status, resolve(op["responses"][status])


def _embedded_examples(container: dict[str, Any]) -> list[Any]:
    media = resolve(container).get("content", {}).get("application/json", {})
    found = [resolve(e)["value"] for e in media.get("examples", {}).values()]
    return found + ([media["example"]] if "example" in media else [])


@pytest.mark.parametrize(("method", "path", "operation_id"), SEED_OPERATIONS)
def test_every_seed_operation_is_in_the_spec(method: str, path: str, operation_id: str) -> None:
    assert operation(method, path)["operationId"] == operation_id


def test_the_seeds_yield_their_examples() -> None:
    assert len(SEEDS) == 29  # 23 on the Issuers page, 6 on the Users page
    assert sum(example.request is not None for example in SEEDS) == 17


@pytest.mark.parametrize("example", [e for e in SEEDS if e.request is not None], ids=_id)
def test_seed_request_example_matches_its_schema(example: SeedExample) -> None:
    op = operation(example.method, example.path)
    schema = json_schema_of(op["requestBody"])
    assert schema is not None
    request = _request_of(example)
    errors = [e.message for e in validator(schema).iter_errors(request)]
    assert errors == []
    assert undeclared_keys(request, schema) == []
    assert request in _embedded_examples(op["requestBody"])


@pytest.mark.parametrize("example", [e for e in SEEDS if e.response is not None], ids=_id)
def test_seed_response_example_matches_its_schema(example: SeedExample) -> None:
    op = operation(example.method, example.path)
    status, response = _success(op)
    if (example.method, example.path) in BODY_ON_204:
        assert status == "204" and "content" not in response
        schema = {"$ref": "#/components/schemas/Envelope"}
    else:
        found = json_schema_of(response)
        assert found is not None
        schema = found
        assert example.response in _embedded_examples(response)
    errors = [e.message for e in validator(schema).iter_errors(example.response)]
    assert errors == []
    assert undeclared_keys(example.response, schema) == []


def test_undeclared_key_detection_works() -> None:
    issuer_input = {"$ref": "#/components/schemas/IssuerInput"}
    assert undeclared_keys({"name": "x", "nickname": "y"}, issuer_input) == ["$.nickname"]
    envelope = {"$ref": "#/components/schemas/IssuerEnvelope"}
    body = {"status": {"success": True}, "result": [{"entityId": "x", "colour": "red"}]}
    assert undeclared_keys(body, envelope) == ["$.result[0].colour"]


def _generated_model(schema: dict[str, Any]) -> Any:
    name = schema["$ref"].rsplit("/", 1)[-1]
    module = importlib.import_module(
        "badgr_api.models." + "".join(f"_{c.lower()}" if c.isupper() else c for c in name)[1:]
    )
    return getattr(module, name)


@pytest.mark.parametrize(
    "example",
    [e for e in SEEDS if e.response is not None and (e.method, e.path) not in BODY_ON_204],
    ids=_id,
)
def test_seed_response_parses_into_generated_models_and_round_trips(example: SeedExample) -> None:
    _, response = _success(operation(example.method, example.path))
    schema = json_schema_of(response)
    assert schema is not None
    model = _generated_model(schema)
    parsed = model.from_dict(example.response)
    assert parsed.status.success is True
    assert _same_instants(parsed.to_dict()) == _same_instants(example.response)


ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _same_instants(value: Any) -> Any:
    """Datetimes come back in Python's ISO form (`+00:00`, microseconds): compare instants."""
    if isinstance(value, dict):
        return {key: _same_instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_same_instants(item) for item in value]
    if isinstance(value, str) and ISO_DATETIME.match(value):
        return datetime.fromisoformat(value)
    return value


def test_spec_embeds_no_example_that_the_seeds_do_not_have() -> None:
    seeds = [_request_of(e) for e in SEEDS] + [e.response for e in SEEDS]
    for name, example in load_spec()["components"]["examples"].items():
        assert example["value"] in seeds, name
