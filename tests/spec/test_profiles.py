"""One spec, two profiles: the badgr-server overlay, the derived spec and the union the client
is generated from stay consistent with each other and with the old server's real answers."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from scripts.generate import (
    DERIVED_SPEC,
    OVERLAY,
    apply_actions,
    badgr_server_spec,
    dump_spec,
    overlay_errors,
    union_spec,
)
from tests.spec.spec_tools import HTTP_METHODS, load_spec

PROFILES = {"documented", "badgr-server"}


@functools.cache
def _overlay() -> dict[str, Any]:
    overlay: dict[str, Any] = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    return overlay


@functools.cache
def _derived() -> dict[str, Any]:
    derived: dict[str, Any] = yaml.safe_load(DERIVED_SPEC.read_text(encoding="utf-8"))
    return derived


@functools.cache
def _union() -> dict[str, Any]:
    return union_spec(load_spec(), _overlay())


def _operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        op["operationId"]: op
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    }


def test_overlay_is_a_valid_overlay_1_0_document() -> None:
    assert _overlay()["overlay"] == "1.0.0"
    assert overlay_errors(_overlay()) == []
    assert overlay_errors({"overlay": "1.0.0", "actions": [{"remove": True}]}) != []


def test_every_overlay_action_applies_and_the_committed_derived_spec_is_its_result() -> None:
    # apply_actions refuses an action whose target matches nothing: none may go stale.
    assert DERIVED_SPEC.read_text(encoding="utf-8") == dump_spec(
        badgr_server_spec(load_spec(), _overlay())
    )


def test_an_action_whose_target_is_gone_is_refused() -> None:
    stale = {"target": "$.paths['/v2/no-such-route']", "remove": True}
    with pytest.raises(SystemExit, match="matches nothing"):
        apply_actions(load_spec(), [stale])


@pytest.mark.parametrize("spec", [_derived, _union], ids=["badgr-server", "union"])
def test_derived_and_union_specs_are_valid_openapi_31(spec: Any) -> None:
    validate_openapi(spec())


def test_operations_only_one_profile_has_are_marked_with_that_profile() -> None:
    documented, server = _operations(load_spec()), _operations(_derived())
    for operation_id, op in documented.items():
        expected = None if operation_id in server else ["documented"]
        assert op.get("x-profiles") == expected, operation_id
    for operation_id, op in server.items():
        expected = None if operation_id in documented else ["badgr-server"]
        assert op.get("x-profiles") == expected, operation_id
    assert {"batch_award_assertions", "list_changed_assertions"} <= set(server) - set(documented)


def test_profile_markers_name_known_profiles_only() -> None:
    for spec in (load_spec(), _derived(), _union()):
        for operation_id, op in _operations(spec).items():
            assert set(op.get("x-profiles", [])) <= PROFILES, operation_id


def test_union_has_every_operation_of_both_profiles_and_the_client_all_of_them() -> None:
    union = _operations(_union())
    assert set(_operations(load_spec())) | set(_operations(_derived())) == set(union)
    for operation_id, op in _operations(_derived()).items():
        assert union[operation_id].get("x-profiles") == op.get("x-profiles"), operation_id
    from pathlib import Path

    from scripts.generate import PACKAGE, missing_operations

    assert missing_operations(_union(), Path(PACKAGE)) == []


def test_the_union_only_adds_to_the_documented_operations() -> None:
    documented = _operations(load_spec())
    union = _operations(_union())
    for operation_id, op in documented.items():
        assert union[operation_id] == op, operation_id


def test_badgr_server_profile_paginates_with_cursor_and_deletes_badge_classes_for_good() -> None:
    paths = _derived()["paths"]
    params = _derived()["components"]["parameters"]
    names = {
        params[p["$ref"].rsplit("/", 1)[-1]]["name"] if "$ref" in p else p["name"]
        for p in paths["/v2/badgeclasses"]["get"]["parameters"]
    }
    assert {"num", "cursor"} <= names and not {"after", "before"} & names
    assert "parameters" not in paths["/v2/badgeclasses/{idOrEntityId}"]["delete"]
    # the view, not the parser, asks for a revocation reason (and a PUT may keep the image)
    assert "required" not in paths["/v2/assertions/{idOrEntityId}"]["delete"]["requestBody"]
    schemas = _derived()["components"]["schemas"]
    assert "required" not in schemas["RevokeInput"]
    assert set(schemas["BadgeClassUpdateInput"]["required"]) == {"name", "description"}
    assert set(schemas["BadgeClassInput"]["required"]) == {"name", "image", "description"}
    content = _derived()["components"]["responses"]["Issuer"]["content"]
    assert set(content) == {"application/json", "application/ld+json"}


# ---- the old server's real answers (badgr-server-observed.md §10) --------------------------------

ALICE = "N6_4MIqcSDSR8qBnXemYBQ"
ISSUER_ID = "157-_2huTlS_Ucbe8hKxuQ"
BADGE_ID = "OyfdDCl2RbqDdenm4ng-Cg"
BASE = "http://127.0.0.1:8765"
OK = {"success": True, "description": "ok"}

ISSUER: dict[str, Any] = {
    "entityType": "Issuer",
    "entityId": ISSUER_ID,
    "openBadgeId": f"{BASE}/public/issuers/{ISSUER_ID}",
    "createdAt": "2026-11-22T22:21:19.987494Z",
    "createdBy": ALICE,
    "name": "Alice Academy",
    "image": None,
    "email": "alice@example.com",
    "description": "Test issuer",
    "url": "https://alice.example.org",
    "extensions": {},
    "badgrDomain": "localhost:4200",
}
BADGE_CLASS: dict[str, Any] = {
    "entityType": "BadgeClass",
    "entityId": BADGE_ID,
    "openBadgeId": f"{BASE}/public/badges/{BADGE_ID}",
    "createdAt": "2026-11-22T22:21:25.112233Z",
    "createdBy": ALICE,
    "issuer": ISSUER_ID,
    "issuerOpenBadgeId": f"{BASE}/public/issuers/{ISSUER_ID}",
    "name": "Python Basics",
    "image": f"{BASE}/media/uploads/badges/b8ec.png",
    "description": "Knows Python",
    "criteriaUrl": None,
    "criteriaNarrative": "Complete the course",
    "alignments": [
        {
            "targetName": "X",
            "targetUrl": "https://example.org/x",
            "targetDescription": None,
            "targetFramework": None,
            "targetCode": None,
        }
    ],
    "tags": ["python"],
    "expires": {"amount": 2, "duration": "years"},
    "extensions": {},
}
ASSERTION: dict[str, Any] = {
    "entityType": "Assertion",
    "entityId": "DhW7e4p6RQSr0ZemwBiXIw",
    "openBadgeId": f"{BASE}/public/assertions/DhW7e4p6RQSr0ZemwBiXIw",
    "createdAt": "2026-11-22T22:21:30.393313Z",
    "createdBy": ALICE,
    "badgeclass": BADGE_ID,
    "badgeclassOpenBadgeId": f"{BASE}/public/badges/{BADGE_ID}",
    "issuer": ISSUER_ID,
    "issuerOpenBadgeId": f"{BASE}/public/issuers/{ISSUER_ID}",
    "image": f"{BASE}/media/uploads/badges/assertion-DhW7.png",
    "recipient": {
        "identity": "sha256$5ba7",
        "hashed": True,
        "type": "email",
        "plaintextIdentity": "rec1@example.com",
        "salt": "fe18",
    },
    "issuedOn": "2026-11-22T22:21:30.393313Z",
    "narrative": "Did it",
    "evidence": [{"url": "https://example.org/ev1", "narrative": "evidence text"}],
    "revoked": False,
    "revocationReason": None,
    "acceptance": "Unaccepted",
    "expires": None,
    "extensions": {},
}
URL_RECIPIENT: dict[str, Any] = {
    "identity": "https://example.org/u4",
    "hashed": False,
    "type": "url",
    "plaintextIdentity": "https://example.org/u4",
}
USER: dict[str, Any] = {
    "entityType": "BadgeUser",
    "entityId": ALICE,
    "firstName": "Alice",
    "lastName": "Issuer",
    "emails": [
        {"email": "alice@example.com", "verified": True, "primary": True, "caseVariants": []}
    ],
    "url": [],
    "telephone": [],
    "agreedTermsVersion": 0,
    "hasAgreedToLatestTermsVersion": False,
    "marketingOptIn": False,
    "badgrDomain": None,
    "hasPasswordSet": True,
    "recipient": {"type": "email", "identity": "alice@example.com"},
}
# §10 elides the staff profile; §12 gives its keys (fewer than the user's own profile has)
STAFF_PROFILE = {
    key: USER[key]
    for key in ("entityType", "entityId", "firstName", "lastName", "emails", "url", "telephone")
}
ISSUER["staff"] = [
    {
        "userProfile": {**STAFF_PROFILE, "badgrDomain": "localhost:4200"},
        "user": ALICE,
        "role": "owner",
    }
]
FEED_PAGINATION = {
    "hasNext": True,
    "nextResults": f"{BASE}/v2/assertions/changed?cursor=cD0y&num=2",
    "hasPrevious": False,
    "previousResults": None,
}

# (operationId, status, body): each as the old server sent it.
EXCHANGES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "get_self",
        "200",
        {
            "status": OK,
            "result": [USER],
            "latestTermsVersion": 1,
            "latestTermsDescription": "terms v1",
        },
    ),
    ("create_issuer", "201", {"status": OK, "result": [ISSUER]}),
    ("create_issuer_badgeclass", "201", {"status": OK, "result": [BADGE_CLASS]}),
    (
        "get_badgeclass",
        "200",
        {"status": OK, "result": [{**BADGE_CLASS, "expires": {"amount": None, "duration": None}}]},
    ),
    ("award_assertion", "201", {"status": OK, "result": [ASSERTION]}),
    (
        "batch_award_assertions",
        "201",
        {
            "status": OK,
            "result": [
                ASSERTION,
                {**ASSERTION, "entityId": "u4u4u4u4u4u4u4u4u4u4u4", "recipient": URL_RECIPIENT},
            ],
        },
    ),
    (
        "revoke_assertion",
        "200",
        {
            "status": OK,
            "result": [
                {**ASSERTION, "revoked": True, "revocationReason": "Issued in error", "image": None}
            ],
        },
    ),
    (
        "revoke_assertions",
        "200",
        {
            "status": {"success": True, "description": "revoked badges"},
            "result": [
                {"revoked": True, "entityId": "rsHN", "revocationReason": "batch"},
                {
                    "revoked": False,
                    "entityId": "nonexistent",
                    "revocationReason": "x",
                    "reason": "permission denied or object not found",
                },
                {"revoked": False, "entityId": "VY4z", "reason": "revocationReason is required"},
            ],
        },
    ),
    (
        "list_changed_assertions",
        "200",
        {
            "status": OK,
            "result": [ASSERTION, ASSERTION],
            "pagination": FEED_PAGINATION,
            "timestamp": "2026-11-22T22:21:41.632519+00:00",
        },
    ),
    (
        "create_issuer",
        "400",
        {
            "status": {"success": False, "description": "bad request"},
            "result": [],
            "fieldErrors": {
                "name": ["This field may not be blank."],
                "email": ["Enter a valid email address."],
                "url": ["Enter a valid URL."],
            },
            "validationErrors": [],
        },
    ),
    (
        "revoke_assertion",
        "400",
        {
            "status": {"success": False, "description": "bad request"},
            "result": [],
            "fieldErrors": {"revocation_reason": "This field is required"},
            "validationErrors": [],
        },
    ),
    (
        "list_issuers",
        "401",
        {
            "status": {"success": False, "description": "no valid auth token found"},
            "result": [],
            "fieldErrors": {},
            "validationErrors": [],
        },
    ),
]


def _response_schema(spec: dict[str, Any], operation_id: str, status: str) -> dict[str, Any]:
    response = _operations(spec)[operation_id]["responses"][status]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    schema: dict[str, Any] = response["content"]["application/ld+json"]["schema"]
    return schema


@functools.cache
def _registry() -> Registry:
    resource = Resource.from_contents(_derived(), default_specification=DRAFT202012)
    registry: Registry = Registry().with_resource("urn:badgr-server", resource)
    return registry


@pytest.mark.parametrize(("operation_id", "status", "body"), EXCHANGES, ids=lambda v: str(v)[:30])
def test_the_old_servers_answers_match_the_derived_spec(
    operation_id: str, status: str, body: dict[str, Any]
) -> None:
    schema = _response_schema(_derived(), operation_id, status)
    validator = jsonschema.Draft202012Validator(
        {"$ref": "urn:badgr-server" + schema["$ref"]},
        registry=_registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert errors == []


@pytest.mark.parametrize(
    ("operation_id", "status", "body"),
    [e for e in EXCHANGES if e[1] < "300"],
    ids=lambda v: str(v)[:30],
)
def test_the_generated_client_parses_the_old_servers_answers(
    operation_id: str, status: str, body: dict[str, Any]
) -> None:
    import importlib

    schema = _response_schema(_derived(), operation_id, status)
    name = schema["$ref"].rsplit("/", 1)[-1]
    module_name = "".join(f"_{c.lower()}" if c.isupper() else c for c in name)[1:]
    model = getattr(importlib.import_module(f"badgr_api.models.{module_name}"), name)
    parsed = model.from_dict(body)
    assert parsed.status.success is True
    assert len(parsed.result) == len(body["result"])
    assert parsed.to_dict()["result"][0].keys() == body["result"][0].keys()


def test_a_badge_class_without_expiry_parses_as_the_empty_expiration() -> None:
    from badgr_api.models import BadgeClass, EmptyExpiration, Expiration

    empty = BadgeClass.from_dict({**BADGE_CLASS, "expires": {"amount": None, "duration": None}})
    assert isinstance(empty.expires, EmptyExpiration)
    assert isinstance(BadgeClass.from_dict(BADGE_CLASS).expires, Expiration)


def test_validation_only_rules_reach_the_servers_specs_but_not_the_generator() -> None:
    """The badge class criteria rule: both specs hold it (the mock and the fuzz kit validate
    with it); the union the client is generated from does not (the generator cannot model it)."""
    for spec in (load_spec(), _derived()):
        for name in ("BadgeClassInput", "BadgeClassUpdateInput"):
            rule = spec["components"]["schemas"][name]["anyOf"]
            assert [branch["required"] for branch in rule] == [
                ["criteriaNarrative"],
                ["criteriaUrl"],
            ]
    for name in ("BadgeClassInput", "BadgeClassUpdateInput"):
        schema = _union()["components"]["schemas"][name]
        assert "anyOf" not in schema and "x-validation-only" not in schema
    marked = [
        (name, key)
        for name, schema in load_spec()["components"]["schemas"].items()
        for key in schema.get("x-validation-only", [])
    ]
    assert all(key in load_spec()["components"]["schemas"][name] for name, key in marked)
