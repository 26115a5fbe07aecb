"""Every secured operation of the spec, called with a token of each single scope.

A token whose scopes satisfy none of the operation's alternatives must get exactly the
"entity not found or insufficient privileges" 404 (the real server's answer), before any
parameter or body is looked at; anything else is a violation. The addressed entities are real
and owned by the caller, so a missing check would show as a 2xx (or a 400 for the invalid
bodies sent), not as a 404.
"""

from __future__ import annotations

import base64
import re
from typing import Any

from badgr_mock.envelope import NOT_FOUND
from badgr_mock.spec import Operation
from badgr_mock.store import ALL_SCOPES, DEMO_PASSWORD

from .conftest import ALICE, BOB, Api

# Safe calls whose full-scope answer is legitimately a 404 in this world.
EXPECTED_NOT_FOUND = {"get_pathway_published"}


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _world(api: Api) -> dict[str, str]:
    """Alice's entities, one of each kind, keyed by the path prefix that addresses them."""
    issuer = api.create_issuer()
    badgeclass = api.create_badgeclass(issuer["entityId"])
    assertion = api.award(badgeclass["entityId"], ALICE)
    staff = f"/v2/issuers/{issuer['entityId']}/staff"
    api.ok("POST", staff, 201, json={"email": BOB, "role": "staff"})
    claim_code = api.ok(
        "POST", f"/v2/badgeclasses/{badgeclass['entityId']}/claim-codes", 201, json={}
    )["result"][0]
    collection = api.ok(
        "POST", "/v2/backpack/collections", 201, json={"name": "Mine", "published": False}
    )["result"][0]
    pathway = api.ok("POST", "/v2/pathways", json={"issuerId": issuer["entityId"], "name": "P"})
    me = api.ok("GET", "/v2/users/self")["result"][0]
    return {
        "issuers": issuer["entityId"],
        "issuer_ref": _b64(issuer["openBadgeId"]),
        "badgeclasses": badgeclass["entityId"],
        "badgeclass_ref": _b64(badgeclass["openBadgeId"]),
        "assertions": assertion["entityId"],
        "backpack/assertions": assertion["entityId"],
        "backpack/collections": collection["entityId"],
        "claimCode": claim_code["code"],
        "emailBase64": _b64(BOB),
        "users": me["entityId"],
        "pathways": pathway["result"][0]["id"],
    }


def _url(operation: Operation, world: dict[str, str]) -> str:
    path = operation.path
    path = path.replace("{scope}", "badgeclasses")
    path = path.replace("{issuerOpenBadgeIdBase64}", world["issuer_ref"])
    path = path.replace("{ref}", world["badgeclass_ref"])
    path = path.replace("{claimCode}", world["claimCode"])
    path = path.replace("{emailBase64}", world["emailBase64"])
    prefix = re.sub(r"^/v2/(reactivate/)?", "", path.split("/{", 1)[0]).replace("reactivate", "")
    prefix = prefix.rstrip("/")
    if "{" in path:
        kind = next((key for key in world if prefix == key or prefix.startswith(f"{key}/")), prefix)
        path = re.sub(r"\{(idOrEntityId|id)\}", world[kind], path, count=1)
    assert "{" not in path, path
    return path


def _token(api: Api, scope: str) -> str:
    response = api.client.post(
        "/o/token", data={"username": ALICE, "password": DEMO_PASSWORD, "scope": scope}
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def _allowed(operation: Operation, scopes: set[str]) -> bool:
    return any(
        all(set(required) <= scopes for required in alternative.values())
        for alternative in operation.security
    )


def _send(api: Api, operation: Operation, url: str, token: str) -> Any:
    body: dict[str, Any] = {}
    if operation.body is not None:
        # Invalid for every operation that requires a body: a 400 proves validation ran.
        body["json"] = [] if operation.operation_id != "revoke_assertions" else {}
    return api.client.request(
        operation.method, url, headers={"Authorization": f"Bearer {token}"}, **body
    )


def test_every_secured_operation_refuses_tokens_without_its_scopes(api: Api) -> None:
    world = _world(api)
    tokens = {scope: _token(api, scope) for scope in ALL_SCOPES}
    operations = [op for op in api.app.spec.operations.values() if op.security]
    assert len(operations) >= 60
    checked = 0
    violations = []
    open_to_every_scope = []
    for operation in operations:
        url = _url(operation, world)
        if all(_allowed(operation, {scope}) for scope in tokens):
            open_to_every_scope.append(operation.operation_id)
        for scope, token in tokens.items():
            if _allowed(operation, {scope}):
                continue
            response = _send(api, operation, url, token)
            checked += 1
            refused = (
                response.status_code == 404
                and response.json()["status"]["description"] == NOT_FOUND
            )
            if not refused:
                violations.append((operation.operation_id, scope, response.status_code))
    assert violations == []
    assert open_to_every_scope == []
    assert checked > 300


def test_the_matrix_addresses_real_entities(api: Api) -> None:
    """Control for the matrix: with every scope, the same safe calls and invalid bodies get past
    authorization (200 for reads, 400 for the invalid bodies), so its 404s mean "refused"."""
    world = _world(api)
    token = _token(api, " ".join(ALL_SCOPES))
    not_found = []
    for operation in api.app.spec.operations.values():
        if not operation.security:
            continue
        if operation.method != "GET" and operation.body is None:
            continue  # would change the world (delete, publish, …)
        response = _send(api, operation, _url(operation, world), token)
        if response.status_code == 404 and operation.operation_id not in EXPECTED_NOT_FOUND:
            not_found.append(operation.operation_id)
    assert not_found == []
