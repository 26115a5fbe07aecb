"""Award semantics: hashing, duplicates, revocation, filters and the recipient's backpack."""

from __future__ import annotations

import hashlib

from .conftest import BOB, Api


def _setup(api: Api) -> tuple[str, str]:
    issuer = api.create_issuer()
    badgeclass = api.create_badgeclass(issuer["entityId"])
    return issuer["entityId"], badgeclass["entityId"]


def test_recipients_are_hashed_like_open_badges(api: Api) -> None:
    _, bc_id = _setup(api)
    award = api.award(bc_id, "Jane.Doe@Example.com")
    recipient = award["recipient"]
    expected = hashlib.sha256(("jane.doe@example.com" + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${expected}"
    assert recipient["hashed"] is True and recipient["plaintextIdentity"] == "jane.doe@example.com"
    url_award = api.ok(
        "POST",
        f"/v2/badgeclasses/{bc_id}/assertions",
        201,
        json={"recipient": {"identity": "https://example.com/u/1", "type": "url"}},
    )["result"][0]
    assert url_award["recipient"]["hashed"] is False
    assert url_award["recipient"]["identity"] == "https://example.com/u/1"


def test_duplicate_awards_are_refused_on_request(api: Api) -> None:
    _, bc_id = _setup(api)
    first = api.award(bc_id, BOB, allowDuplicateAwards=False)
    again = api.call(
        "POST",
        f"/v2/badgeclasses/{bc_id}/assertions",
        json={"recipient": {"identity": BOB.upper()}, "allowDuplicateAwards": False},
    )
    assert again.status_code == 400
    assert again.json()["errorCode"] == "DUPLICATE_AWARD"
    assert first["entityId"] in again.json()["validationErrors"][0]
    api.award(bc_id, BOB)  # duplicates are allowed by default
    api.ok("DELETE", f"/v2/assertions/{first['entityId']}", json={"revocation_reason": "x"})


def test_revocation_single_and_batch(api: Api) -> None:
    _, bc_id = _setup(api)
    one = api.award(bc_id, "a@example.com")
    two = api.award(bc_id, "b@example.com")
    api.ok("DELETE", f"/v2/assertions/{one['entityId']}", json={"revocation_reason": "Why"})
    twice = api.call("DELETE", f"/v2/assertions/{one['entityId']}", json={"revocation_reason": "x"})
    assert twice.status_code == 400
    assert twice.json()["validationErrors"] == ["Assertion is already revoked"]
    batch = api.ok(
        "POST",
        "/v2/assertions/revoke",
        json=[
            {"entityId": two["entityId"], "revocationReason": "batch"},
            {"entityId": "doesNotExist", "revocationReason": "x"},
            {"id": one["id"], "revocationReason": "x"},
            {"revocationReason": "no id"},
        ],
    )
    assert batch["status"]["description"] == "revoked badges"
    assert [item["revoked"] for item in batch["result"]] == [True, False, False, False]
    assert batch["result"][1]["reason"] == "permission denied or object not found"
    assert batch["result"][2]["reason"] == "Assertion is already revoked"
    # Revoked awards remain readable.
    assert api.ok("GET", f"/v2/assertions/{one['entityId']}")["result"][0]["revoked"] is True


def test_list_filters_and_backpack(api: Api) -> None:
    issuer_id, bc_id = _setup(api)
    live = api.award(bc_id, BOB)
    expired = api.award(bc_id, BOB, issuedOn="2020-01-01T00:00:00Z", expires="2021-01-01T00:00:00Z")
    revoked = api.award(bc_id, "c@example.com")
    api.ok("DELETE", f"/v2/assertions/{revoked['entityId']}", json={"revocation_reason": "x"})

    def ids(**params: str) -> set[str]:
        body = api.ok("GET", f"/v2/issuers/{issuer_id}/assertions", params=params)
        return {item["entityId"] for item in body["result"]}

    assert ids() == {live["entityId"]}
    assert ids(include_expired="true") == {live["entityId"], expired["entityId"]}
    assert ids(include_revoked="true") == {live["entityId"], revoked["entityId"]}
    assert ids(recipient=BOB, include_expired="true") == {live["entityId"], expired["entityId"]}
    assert ids(recipient=live["recipient"]["identity"]) == {live["entityId"]}
    assert expired["expires"] == "2021-01-01T00:00:00Z"  # echoed at the precision given

    backpack = api.ok("GET", "/v2/backpack/assertions", user=BOB)["result"]
    assert [item["entityId"] for item in backpack] == [live["entityId"]]
    # Alice sees neither Bob's backpack item nor can Bob read the award on the issuer route.
    assert api.call("GET", f"/v2/backpack/assertions/{live['entityId']}").status_code == 404
    assert api.call("GET", f"/v2/assertions/{live['entityId']}", user=BOB).status_code == 404


def test_badgeclass_hard_delete_needs_revoked_awards(api: Api) -> None:
    _, bc_id = _setup(api)
    award = api.award(bc_id, BOB)
    refused = api.call("DELETE", f"/v2/badgeclasses/{bc_id}", params={"hard_delete": "true"})
    assert refused.status_code == 400
    api.ok("DELETE", f"/v2/assertions/{award['entityId']}", json={"revocation_reason": "x"})
    api.ok("DELETE", f"/v2/badgeclasses/{bc_id}", 204, params={"hard_delete": "true"})
    assert api.call("GET", f"/v2/assertions/{award['entityId']}").status_code == 404
