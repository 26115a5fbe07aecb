"""Per-issuer roles: staff may award, editors also edit badge classes, owners manage and delete."""

from __future__ import annotations

import pytest

from badgr_mock.testing import PNG_DATA_URI

from .conftest import ALICE, BOB, Api

ROLES = ["none", "staff", "editor", "owner"]


def _actions(api: Api, issuer_id: str, badgeclass_id: str) -> dict[str, int]:
    """Bob's status code for each action, in an order where earlier ones do not block later ones."""
    calls = {
        "read issuer": ("GET", f"/v2/issuers/{issuer_id}", None),
        "list awards": ("GET", f"/v2/issuers/{issuer_id}/assertions", None),
        "award": (
            "POST",
            f"/v2/badgeclasses/{badgeclass_id}/assertions",
            {"recipient": {"identity": "x@example.com"}},
        ),
        "create badge class": (
            "POST",
            f"/v2/issuers/{issuer_id}/badgeclasses",
            {"name": "B", "image": PNG_DATA_URI, "description": "d", "criteriaNarrative": "c"},
        ),
        "edit issuer": (
            "PUT",
            f"/v2/issuers/{issuer_id}",
            {"name": "N", "email": ALICE, "url": "https://a.example", "description": "d"},
        ),
        "invite staff": (
            "POST",
            f"/v2/issuers/{issuer_id}/staff/invitations",
            {"email": "carol@example.com", "role": "staff"},
        ),
    }
    codes = {}
    for name, (method, path, body) in calls.items():
        codes[name] = api.call(method, path, user=BOB, json=body).status_code
    return codes


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(api: Api, role: str) -> None:
    issuer = api.create_issuer()
    badgeclass = api.create_badgeclass(issuer["entityId"])
    if role != "none":
        api.ok(
            "POST",
            f"/v2/issuers/{issuer['entityId']}/staff",
            201,
            json={"email": BOB, "role": role},
        )
    rank = ROLES.index(role)
    expected = {
        "read issuer": 200 if rank >= 1 else 404,
        "list awards": 200 if rank >= 1 else 404,
        "award": 201 if rank >= 1 else 404,
        "create badge class": 201 if rank >= 2 else 404,
        "edit issuer": 200 if rank >= 2 else 404,
        "invite staff": 200 if rank >= 3 else 404,
    }
    assert _actions(api, issuer["entityId"], badgeclass["entityId"]) == expected

    # Deleting needs the owner role and no unrevoked awards.
    for award in api.ok("GET", f"/v2/issuers/{issuer['entityId']}/assertions")["result"]:
        api.ok("DELETE", f"/v2/assertions/{award['entityId']}", json={"revocation_reason": "x"})
    deleted = api.call("DELETE", f"/v2/issuers/{issuer['entityId']}", user=BOB)
    assert deleted.status_code == (204 if rank == 3 else 404)


def test_never_403_and_last_owner_is_kept(api: Api) -> None:
    issuer = api.create_issuer()
    staff_url = f"/v2/issuers/{issuer['entityId']}/staff"
    demote = api.call("PUT", staff_url, json={"email": ALICE, "role": "staff"})
    assert demote.status_code == 400
    api.ok("POST", staff_url, 201, json={"email": BOB, "role": "owner"})
    api.ok("PUT", staff_url, json={"email": ALICE, "role": "editor"})
    # Alice is an editor now: staff management answers 404, never 403.
    again = api.call("POST", staff_url, json={"email": ALICE, "role": "owner"})
    assert again.status_code == 404
    assert (
        api.call(
            "POST", staff_url, json={"email": "nobody@example.com", "role": "staff"}, user=BOB
        ).status_code
        == 400
    )


def test_issuer_email_must_be_verified_address_of_the_caller(api: Api) -> None:
    response = api.call(
        "POST", "/v2/issuers", json={"name": "X", "email": BOB, "url": "https://x.example"}
    )
    assert response.status_code == 400
    assert response.json()["validationErrors"]


def test_adding_staff_reveals_only_names_and_the_primary_email(api: Api) -> None:
    """Any registered e-mail can be added as staff: the answer must not be a profile oracle."""
    issuer = api.create_issuer()
    added = api.ok(
        "POST",
        f"/v2/issuers/{issuer['entityId']}/staff",
        status=201,
        json={"email": BOB, "role": "staff"},
    )["result"][0]["userProfile"]
    assert set(added) == {"id", "entityType", "entityId", "firstName", "lastName", "emails"}
    assert [entry["email"] for entry in added["emails"]] == [BOB]
