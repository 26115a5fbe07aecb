"""A scripted tour through every resource (in-process and over HTTP) covering all operations."""

from __future__ import annotations

import base64

import pytest

from badgr_mock.testing import PNG_DATA_URI

from .conftest import ALICE, BOB, Api

SVG_DATA_URI = (
    "data:image/svg+xml;base64,"
    + base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg"/>').decode()
)


def b64(text: str, *, padded: bool = False) -> str:
    encoded = base64.urlsafe_b64encode(text.encode()).decode()
    return encoded if padded else encoded.rstrip("=")


def _issuers_and_staff(api: Api) -> tuple[str, str]:
    assert api.ok("GET", "/v2/issuers")["result"] == []
    issuer = api.create_issuer()
    issuer_id = issuer["entityId"]
    assert issuer["staff"][0]["role"] == "owner"
    assert issuer["openBadgeId"].endswith(f"/public/issuers/{issuer_id}")
    assert len(issuer["id"]) == 24 and len(issuer_id) == 22

    by_hex = api.ok("GET", f"/v2/issuers/{issuer['id']}")["result"][0]
    assert by_hex["entityId"] == issuer_id
    no_staff = api.ok("GET", f"/v2/issuers/{issuer_id}", params={"include_staff": "false"})
    assert "staff" not in no_staff["result"][0]

    update = {
        "name": "Renamed Academy",
        "email": ALICE,
        "url": "https://renamed.example.com",
        "description": "Teaches things",
        "image": SVG_DATA_URI,
    }
    updated = api.ok("PUT", f"/v2/issuers/{issuer_id}", json=update)["result"][0]
    assert updated["name"] == "Renamed Academy"
    assert updated["image"].endswith(f"/public/issuers/{issuer_id}/image")
    api.ok("PATCH", f"/v2/issuers/{issuer_id}", json={**update, "name": "Patched"})

    open_badge_ref = b64(issuer["openBadgeId"])
    padded_ref = b64(issuer["openBadgeId"], padded=True)
    for prefix in ("openBadgeId", "ref"):
        path = f"/v2/issuers/{prefix}/{open_badge_ref}"
        assert api.ok("GET", path)["result"][0]["name"].startswith("Patched")
        api.ok("GET", f"/v2/issuers/{prefix}/{padded_ref}")
        api.ok("PUT", path, json={**update, "name": f"Via {prefix}"})
        api.ok("PATCH", path, json={**update, "name": f"Patched via {prefix}"})

    staff_url = f"/v2/issuers/{issuer_id}/staff"
    added = api.ok("POST", staff_url, 201, json={"email": BOB, "role": "staff"})["result"][0]
    assert added["role"] == "staff" and added["userProfile"]["emails"][0]["email"] == BOB
    api.ok("PUT", staff_url, json={"email": BOB, "role": "editor"})
    assert api.ok("PATCH", staff_url, json={"email": BOB, "role": "staff"})["result"][0][
        "role"
    ] == ("staff")
    api.ok("DELETE", f"{staff_url}/{b64(BOB)}", 204)
    invitation = api.ok(
        "POST", f"{staff_url}/invitations", json={"email": "carol@example.com", "role": "editor"}
    )["result"][0]
    assert invitation == {"email": "carol@example.com", "role": "editor", "status": "PENDING"}
    assert [item["entityId"] for item in api.ok("GET", "/v2/issuers")["result"]] == [issuer_id]
    return issuer_id, issuer["openBadgeId"]


def _badgeclasses(api: Api, issuer_id: str) -> str:
    badgeclass = api.create_badgeclass(issuer_id)
    bc_id = badgeclass["entityId"]
    assert badgeclass["issuer"] == issuer_id
    other = api.ok(
        "POST",
        "/v2/badgeclasses",
        201,
        json={
            "issuer": issuer_id,
            "name": "Rust",
            "image": "https://images.example.com/rust.png",
            "description": "Knows Rust",
            "criteriaUrl": "https://example.com/criteria",
            "expires": {"amount": 2, "duration": "years"},
        },
    )["result"][0]
    assert other["image"] == "https://images.example.com/rust.png"
    names = {item["name"] for item in api.ok("GET", "/v2/badgeclasses")["result"]}
    assert names == {"Python", "Rust"}
    listed = api.ok("GET", f"/v2/issuers/{issuer_id}/badgeclasses")["result"]
    assert len(listed) == 2

    body = {
        "name": "Python 2",
        "image": PNG_DATA_URI,
        "description": "Knows more Python",
        "criteriaNarrative": "Pass",
    }
    assert api.ok("PUT", f"/v2/badgeclasses/{bc_id}", json=body)["result"][0]["name"] == "Python 2"
    ref = b64(badgeclass["openBadgeId"])
    api.ok("GET", f"/v2/badgeclasses/ref/{ref}")
    api.ok("PUT", f"/v2/badgeclasses/ref/{ref}", json={**body, "name": "Python 3"})

    copy = api.ok("POST", f"/v2/badgeclasses/{bc_id}/duplicate", 201, json={"newName": "Copy"})
    copy_id = copy["result"][0]["entityId"]
    api.ok("DELETE", f"/v2/badgeclasses/{copy_id}", 204, params={"archivalNote": "old"})
    assert api.call("GET", f"/v2/badgeclasses/{copy_id}").status_code == 404
    archived = api.ok("GET", f"/v2/badgeclasses/{copy_id}", params={"include_archived": "true"})
    assert archived["result"][0]["archived"] is True
    assert archived["result"][0]["archivalNote"] == "old"
    assert (
        api.ok("POST", f"/v2/badgeclasses/reactivate/{copy_id}")["result"][0]["archived"] is False
    )
    copy_ref = b64(copy["result"][0]["openBadgeId"])
    api.ok("DELETE", f"/v2/badgeclasses/ref/{copy_ref}", 204)
    api.ok("POST", f"/v2/badgeclasses/reactivate/ref/{copy_ref}")
    api.ok("DELETE", f"/v2/badgeclasses/{copy_id}", 204, params={"hard_delete": "true"})
    archived_lookup = api.call(
        "GET", f"/v2/badgeclasses/{copy_id}", params={"include_archived": "true"}
    )
    assert archived_lookup.status_code == 404

    codes = f"/v2/badgeclasses/{bc_id}/claim-codes"
    code = api.ok(
        "POST",
        codes,
        201,
        json={"label": "Event", "limit": 5, "expirationDate": "2999-01-01T00:00:00Z"},
    )["result"][0]
    assert code["limit"] == 5 and code["enabled"] is True and code["claimCount"] == 0
    listed_codes = api.ok("GET", codes, params={"includeClaimCodeCount": "true"})["result"]
    assert [item["code"] for item in listed_codes] == [code["code"]]
    assert api.ok("PUT", f"{codes}/{code['code']}", json={"limit": 9})["result"][0]["limit"] == 9
    assert api.ok("POST", f"{codes}/{code['code']}/disable")["result"][0]["enabled"] is False
    assert api.ok("POST", f"{codes}/{code['code']}/enable")["result"][0]["enabled"] is True
    api.ok("DELETE", f"{codes}/{code['code']}", 204)
    assert api.ok("GET", codes)["result"] == []
    return str(bc_id)


def _assertions(api: Api, issuer_id: str, bc_id: str) -> str:
    award = api.award(bc_id, BOB, narrative="Did it")
    assert award["recipient"]["plaintextIdentity"] == BOB
    assert award["recipient"]["identity"].startswith("sha256$")
    second = api.ok(
        "POST",
        f"/v2/issuers/{issuer_id}/assertions",
        201,
        json={"badgeclass": bc_id, "recipient": {"identity": "dave@example.com"}},
    )["result"][0]
    listed = api.ok("GET", f"/v2/issuers/{issuer_id}/assertions")["result"]
    assert {item["entityId"] for item in listed} == {award["entityId"], second["entityId"]}
    api.ok("GET", f"/v2/assertions/{award['id']}")
    updated = api.ok("PUT", f"/v2/assertions/{second['entityId']}", json={"narrative": "Edited"})
    assert updated["result"][0]["narrative"] == "Edited"
    revoked = api.ok(
        "DELETE", f"/v2/assertions/{second['entityId']}", json={"revocation_reason": "Oops"}
    )["result"][0]
    assert revoked["revoked"] is True and revoked["revocationReason"] == "Oops"
    third = api.award(bc_id, "erin@example.com")
    batch = api.ok(
        "POST",
        "/v2/assertions/revoke",
        json=[{"entityId": third["entityId"], "revocationReason": "Batch"}],
    )
    assert batch["result"][0]["revoked"] is True
    return str(award["entityId"])


def _backpack(api: Api, award_id: str) -> None:
    mine = api.ok("GET", "/v2/backpack/assertions", user=BOB)["result"]
    assert [item["entityId"] for item in mine] == [award_id]
    api.ok("GET", f"/v2/backpack/assertions/{award_id}", user=BOB)
    accepted = api.ok(
        "PUT", f"/v2/backpack/assertions/{award_id}", user=BOB, json={"acceptance": "Accepted"}
    )
    assert accepted["result"][0]["acceptance"] == "Accepted"
    imported = api.ok(
        "POST",
        "/v2/backpack/import",
        201,
        user=BOB,
        json={"url": "https://other.example.com/assertions/1"},
    )["result"][0]
    assert imported["source"] == "imported"

    collection = api.ok(
        "POST",
        "/v2/backpack/collections",
        201,
        user=BOB,
        json={"name": "Mine", "published": False, "assertions": [award_id]},
    )["result"][0]
    assert collection["assertions"] == [award_id] and collection["share_url"] is None
    collection_url = f"/v2/backpack/collections/{collection['entityId']}"
    assert len(api.ok("GET", "/v2/backpack/collections", user=BOB)["result"]) == 1
    api.ok("GET", collection_url, user=BOB)
    published = api.ok("PUT", collection_url, user=BOB, json={"published": True})["result"][0]
    assert published["share_url"]
    api.ok("DELETE", collection_url, 204, user=BOB)

    api.ok("DELETE", f"/v2/backpack/assertions/{award_id}", 204, user=BOB)
    api.ok("DELETE", f"/v2/backpack/assertions/{imported['entityId']}", 204, user=BOB)
    assert api.ok("GET", "/v2/backpack/assertions", user=BOB)["result"] == []
    # A local award removed from the backpack is rejected, not deleted.
    assert api.ok("GET", f"/v2/assertions/{award_id}")["result"][0]["acceptance"] == "Rejected"


def _users_and_organizations(api: Api, issuer_id: str) -> None:
    me = api.ok("GET", "/v2/users/self")
    assert me["result"][0]["emails"][0]["email"] == ALICE and me["latestTermsVersion"] == 1
    user_id = me["result"][0]["entityId"]
    api.ok("PUT", "/v2/users/self", json={"firstName": "Alicia"})
    api.ok("PATCH", "/v2/users/self", json={"lastName": "Issuer"})
    assert api.ok("GET", f"/v2/users/{user_id}")["result"][0]["firstName"] == "Alicia"
    api.ok("PUT", f"/v2/users/{user_id}", json={"marketingOptIn": True})
    api.ok("PATCH", f"/v2/users/{user_id}", json={"firstName": "Alice"})
    assert api.call("GET", f"/v2/users/{user_id}", user=BOB).status_code == 404

    organizations = api.ok("GET", "/v2/organizations")["result"]
    assert [item["name"] for item in organizations] == ["Demo University"]
    org_id = organizations[0]["id"]
    api.ok(
        "POST",
        "/v2/issuers",
        201,
        json={
            "name": "Org Issuer",
            "email": ALICE,
            "url": "https://o.example",
            "organizationId": org_id,
        },
    )
    public = api.ok("GET", f"/v2/organizations/{org_id}/public-issuers", user=None)
    assert [item["name"] for item in public["result"]] == ["Org Issuer"]
    assert "staff" not in public["result"][0]
    assert api.ok("GET", "/v2/organizations", user=BOB)["result"] == []


def _pathways(api: Api, issuer_id: str) -> None:
    pathway = api.ok("POST", "/v2/pathways", json={"issuerId": issuer_id, "name": "Path"})
    pathway_id = pathway["result"][0]["id"]
    base = f"/v2/pathways/{pathway_id}/versions"
    assert api.call("GET", f"{base}/published").status_code == 404
    api.ok("GET", f"{base}/draft")
    api.ok("POST", f"{base}/published")
    api.ok("PUT", f"{base}/draft", json={"issuerId": issuer_id, "name": "Draft 2"})
    assert api.ok("GET", f"{base}/published")["result"][0]["name"] == "Path"
    assert api.ok("POST", f"{base}/draft/revert")["result"][0]["name"] == "Path"
    assert len(api.ok("GET", f"/v2/issuers/{issuer_id}/pathways")["result"]) == 1


def _deletes(api: Api, issuer_id: str, open_badge_id: str) -> None:
    refused = api.call("DELETE", f"/v2/issuers/{issuer_id}")
    assert refused.status_code == 400  # an unrevoked award remains
    for item in api.ok("GET", f"/v2/issuers/{issuer_id}/assertions")["result"]:
        api.ok("DELETE", f"/v2/assertions/{item['entityId']}", json={"revocation_reason": "End"})
    api.ok("DELETE", f"/v2/issuers/{issuer_id}", 204)
    assert api.call("GET", f"/v2/issuers/{issuer_id}").status_code == 404
    for prefix in ("openBadgeId", "ref"):
        other = api.create_issuer(name=f"Disposable {prefix}")
        api.ok("DELETE", f"/v2/issuers/{prefix}/{b64(other['openBadgeId'])}", 204)
    del open_badge_id


@pytest.mark.timeout(60)
def test_tour_covers_every_operation(any_api: Api) -> None:
    api = any_api
    issuer_id, open_badge_id = _issuers_and_staff(api)
    bc_id = _badgeclasses(api, issuer_id)
    award_id = _assertions(api, issuer_id, bc_id)
    _backpack(api, award_id)
    _users_and_organizations(api, issuer_id)
    _pathways(api, issuer_id)
    _deletes(api, issuer_id, open_badge_id)

    refreshed = api.ok(
        "POST", "/o/token", user=None, data={"username": ALICE, "password": "badgr-demo"}
    )
    assert refreshed["token_type"] == "Bearer"
    answered = api.app.answered_operations
    missing = sorted(set(api.app.spec.operations) - set(answered))
    assert missing == [], f"operations the tour never completed: {missing}"
