"""The facts of badgr-server-observed.md §12 as cases: shapes and routing (see test_observed_s12).

Each case makes its own objects, so the cases share one app per kind and run in any order.
"""

# The expectations are tables of measured keys; wrapping them would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from badgr_mock import BadgrMockApp
from badgr_mock.store import ALL_SCOPES
from badgr_mock.testing import PNG_DATA_URI

from .conftest import ALICE, BOB

HTML = "text/html"
JSON = "application/json"
NO_EXPIRY = {"amount": None, "duration": None}


def keys(names: str) -> frozenset[str]:
    return frozenset(names.split())


ERROR = keys("status result fieldErrors validationErrors")
ISSUER = keys(
    "badgrDomain createdAt createdBy description email entityId entityType extensions image name openBadgeId staff url"
)
STAFF_PROFILE = keys("entityType entityId firstName lastName emails url telephone badgrDomain")
BADGE_CLASS = keys(
    "alignments createdAt createdBy criteriaNarrative criteriaUrl description entityId entityType expires extensions image issuer issuerOpenBadgeId name openBadgeId tags"
)
ASSERTION = keys(
    "entityType entityId openBadgeId createdAt createdBy badgeclass badgeclassOpenBadgeId issuer issuerOpenBadgeId image recipient issuedOn narrative evidence revoked revocationReason acceptance expires extensions"
)
BACKPACK_ASSERTION = (ASSERTION - keys("createdAt createdBy evidence extensions")) | {"pending"}
COLLECTION = keys(
    "entityType entityId name description owner share_url shareHash published assertions"
)
ACCESS_TOKEN = keys("entityType entityId application scope expires created")
APPLICATION = keys("name image website_url clientId policyUri termsUri")
OPTIONS = keys("name description renders parses")


class World:
    """One app of one kind, its client and the demo users' tokens."""

    def __init__(self, client: httpx.Client, app: BadgrMockApp, kind: str) -> None:
        self.client = client
        self.app = app
        self.kind = kind
        self._tokens: dict[tuple[str, str], str] = {}

    def token(self, user: str = ALICE, scope: str = " ".join(ALL_SCOPES)) -> str:
        if (user, scope) not in self._tokens:
            form = {"username": user, "password": "badgr-demo", "scope": scope}
            response = self.client.post("/o/token", data=form)
            assert response.status_code == 200, response.text
            self._tokens[user, scope] = response.json()["access_token"]
        return self._tokens[user, scope]

    def send(
        self,
        method: str,
        path: str,
        user: str | None = ALICE,
        scope: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if user is not None:
            token = self.token(user, scope) if scope else self.token(user)
            headers["Authorization"] = f"Bearer {token}"
        return self.client.request(method, path, headers=headers, **kwargs)

    def made(self, method: str, path: str, body: Any, user: str = ALICE) -> dict[str, Any]:
        response = self.send(method, path, user, json=body)
        assert response.status_code in (200, 201), response.text
        made: dict[str, Any] = response.json()["result"][0]
        return made

    def issuer(self, **fields: Any) -> dict[str, Any]:
        body = {
            "name": "Alice Academy",
            "email": ALICE,
            "url": "https://alice.example.org",
            **fields,
        }
        return self.made("POST", "/v2/issuers", body)

    def badge(self, issuer_id: str | None = None, **fields: Any) -> dict[str, Any]:
        issuer_id = issuer_id or self.issuer()["entityId"]
        body = {
            "name": "Python",
            "image": PNG_DATA_URI,
            "description": "Knows Python",
            "criteriaNarrative": "Pass",
            **fields,
        }
        return self.made("POST", f"/v2/issuers/{issuer_id}/badgeclasses", body)

    def award(
        self, badge_id: str | None = None, identity: str = "rec@example.com", **fields: Any
    ) -> dict[str, Any]:
        badge_id = badge_id or self.badge()["entityId"]
        body = {"recipient": {"identity": identity, "type": "email"}, **fields}
        return self.made("POST", f"/v2/badgeclasses/{badge_id}/assertions", body)


Check = Callable[[World, httpx.Response], object]


@dataclass(frozen=True)
class Expect:
    status: int
    media: str | None = None  # None: the kind's envelope type
    envelope: frozenset[str] | None = None  # exactly these top-level keys
    body: dict[str, Any] = field(default_factory=dict)  # top-level values
    result_keys: frozenset[str] | None = None  # exactly these keys in result[0]
    result_has: frozenset[str] = frozenset()
    result_lacks: frozenset[str] = frozenset()
    result: dict[str, Any] = field(default_factory=dict)  # values in result[0]
    field_errors: Any = None  # exactly this fieldErrors (None: not checked)
    validation_errors: list[str] | None = None
    check: Check | None = None


class _Same:
    def __repr__(self) -> str:
        return "SAME"


#: The documented kind answers as badgr-server does (in its own envelope and content type).
SAME: Any = _Same()


@dataclass(frozen=True)
class Case:
    name: str
    send: Callable[[World], httpx.Response]
    badgr_server: Expect
    documented: Expect | None = SAME  # None: that kind has nothing to compare
    options: dict[str, Any] = field(default_factory=dict)  # create_app settings
    xfail: str | None = None


CASES: list[Case] = []


def case(
    badgr_server: Expect,
    documented: Expect | None = SAME,
    *,
    options: dict[str, Any] | None = None,
    xfail: str | None = None,
) -> Callable[[Callable[[World], httpx.Response]], Callable[[World], httpx.Response]]:
    def register(send: Callable[[World], httpx.Response]) -> Callable[[World], httpx.Response]:
        CASES.append(Case(send.__name__, send, badgr_server, documented, options or {}, xfail))
        return send

    return register


def bad(
    field_errors: Any = None,
    validation_errors: list[str] | None = None,
    status: int = 400,
    **more: Any,
) -> Expect:
    """An error envelope (400 unless said) with exactly these errors."""
    return Expect(
        status,
        envelope=ERROR,
        field_errors=field_errors,
        validation_errors=validation_errors,
        **more,
    )


def first(response: httpx.Response) -> dict[str, Any]:
    result: dict[str, Any] = response.json()["result"][0]
    return result


# ---- shapes ---------------------------------------------------------------------------------


@case(
    Expect(
        201,
        envelope=keys("status result"),
        result_keys=ISSUER,
        result={"badgrDomain": "localhost:4200"},
    ),
    Expect(201, result_has=ISSUER | {"organizationId", "id"}),
)
def issuer_keys_on_create(w: World) -> httpx.Response:
    body = {
        "name": "Alice Academy",
        "email": ALICE,
        "url": "https://alice.example.org",
        "description": "Test issuer",
    }
    return w.send("POST", "/v2/issuers", json=body)


@case(Expect(200, result_keys=ISSUER), Expect(200, result_has=ISSUER | {"organizationId"}))
def issuer_keys_on_get(w: World) -> httpx.Response:
    return w.send("GET", f"/v2/issuers/{w.issuer()['entityId']}")


@case(Expect(200, result_keys=ISSUER), Expect(200, result_has=ISSUER | {"organizationId"}))
def issuer_keys_on_list(w: World) -> httpx.Response:
    w.issuer()
    return w.send("GET", "/v2/issuers")


@case(
    Expect(200, result_keys=ISSUER, result={"badgrDomain": "localhost:4200"}),
    Expect(200, result_has=ISSUER | {"organizationId"}),
)
def issuer_keys_on_put(w: World) -> httpx.Response:
    issuer = w.issuer(description="d")
    body = {
        "name": "Renamed",
        "email": ALICE,
        "url": "https://alice.example.org",
        "description": "d",
        "badgrDomain": "x.example",
    }
    return w.send("PUT", f"/v2/issuers/{issuer['entityId']}", json=body)


@case(
    Expect(201, check=lambda w, r: set(first(r)["staff"][0]["userProfile"]) == STAFF_PROFILE),
    Expect(
        201,
        check=lambda w, r: (
            set(first(r)["staff"][0]["userProfile"])
            == keys("id entityType entityId firstName lastName emails")
        ),
    ),
)
def staff_user_profile_keys(w: World) -> httpx.Response:
    return w.send(
        "POST", "/v2/issuers", json={"name": "A", "email": ALICE, "url": "https://a.example"}
    )


@case(
    Expect(201, result_keys=BADGE_CLASS, result={"expires": NO_EXPIRY}),
    Expect(
        201,
        result_has=BADGE_CLASS | keys("imageAltText achievementType archived"),
        result={"expires": None},
    ),
)
def badge_class_keys_and_expires_on_create(w: World) -> httpx.Response:
    issuer_id = w.issuer()["entityId"]
    body = {"name": "Python", "image": PNG_DATA_URI, "description": "d", "criteriaNarrative": "c"}
    return w.send("POST", f"/v2/issuers/{issuer_id}/badgeclasses", json=body)


@case(
    Expect(200, result_keys=BADGE_CLASS, result={"expires": NO_EXPIRY}),
    Expect(200, result={"expires": None}),
)
def badge_class_expires_on_get(w: World) -> httpx.Response:
    return w.send("GET", f"/v2/badgeclasses/{w.badge()['entityId']}")


@case(
    Expect(200, result_keys=BADGE_CLASS, result={"expires": NO_EXPIRY}),
    Expect(200, result={"expires": None}),
)
def badge_class_expires_on_list(w: World) -> httpx.Response:
    issuer_id = w.issuer()["entityId"]
    w.badge(issuer_id)
    return w.send("GET", f"/v2/issuers/{issuer_id}/badgeclasses")


@case(
    Expect(200, result_keys=BADGE_CLASS, result={"expires": NO_EXPIRY}),
    Expect(200, result={"expires": None}),
)
def badge_class_expires_on_put(w: World) -> httpx.Response:
    badge = w.badge(expires={"amount": 2, "duration": "years"})
    body = {
        "name": "Python",
        "image": PNG_DATA_URI,
        "description": "d",
        "criteriaNarrative": "c",
        "expires": None,
    }
    return w.send("PUT", f"/v2/badgeclasses/{badge['entityId']}", json=body)


@case(
    Expect(200, result_keys=ASSERTION, result={"revoked": False}),
    Expect(200, result_has=ASSERTION | {"pending", "id"}),
)
def issuer_side_assertion_has_no_pending(w: World) -> httpx.Response:
    return w.send("GET", f"/v2/assertions/{w.award()['entityId']}")


@case(
    Expect(200, result_keys=BACKPACK_ASSERTION, result={"pending": False}),
    Expect(200, result_has=ASSERTION | {"pending"}),
)
def backpack_assertion_keys(w: World) -> httpx.Response:
    award = w.award(identity=BOB)
    return w.send("GET", f"/v2/backpack/assertions/{award['entityId']}", user=BOB)


@case(Expect(200, result_keys=BACKPACK_ASSERTION), Expect(200, result_has=ASSERTION | {"pending"}))
def backpack_assertion_keys_on_list(w: World) -> httpx.Response:
    w.award(identity=BOB)
    return w.send("GET", "/v2/backpack/assertions", user=BOB)


@case(
    Expect(
        201,
        result_keys=COLLECTION,
        result={
            "share_url": None,
            "shareHash": "",
            "published": False,
            "entityType": "BackpackCollection",
        },
    ),
    Expect(
        201, result_has=COLLECTION | {"credentials"}, result={"share_url": None, "shareHash": None}
    ),
)
def collection_keys_until_published(w: World) -> httpx.Response:
    return w.send(
        "POST",
        "/v2/backpack/collections",
        json={"name": "Mine", "description": "d", "published": False},
    )


def _published(w: World, r: httpx.Response) -> bool:
    item = first(r)
    return bool(item["shareHash"]) and str(item["share_url"]).endswith(item["shareHash"])


@case(
    Expect(200, result_keys=COLLECTION, result={"published": True}, check=_published),
    Expect(200, check=_published),
)
def collection_once_published(w: World) -> httpx.Response:
    made = w.made("POST", "/v2/backpack/collections", {"name": "Mine", "published": False})
    return w.send(
        "PUT",
        f"/v2/backpack/collections/{made['entityId']}",
        json={"name": "Mine", "published": True},
    )


def _token_item(w: World, r: httpx.Response) -> bool:
    item = first(r)
    created = str(item["created"])
    return (
        set(item["application"]) == APPLICATION
        and created.endswith("Z")
        and created < str(item["expires"])
    )


@case(
    Expect(200, result_keys=ACCESS_TOKEN, result={"entityType": "AccessToken"}, check=_token_item),
    Expect(404, envelope=None),
)
def token_list_item_keys(w: World) -> httpx.Response:
    return w.send("GET", "/v2/auth/tokens", scope="rw:profile")


@case(
    Expect(
        200,
        envelope=keys("status result latestTermsVersion"),
        body={"latestTermsVersion": 1},
        result={"hasAgreedToLatestTermsVersion": True, "badgrDomain": "localhost:4200"},
    ),
    Expect(
        200,
        envelope=keys("status result timestamp latestTermsVersion latestTermsDescription"),
        body={"latestTermsDescription": None},
    ),
)
def users_self_once_agreed(w: World) -> httpx.Response:
    return w.send("GET", "/v2/users/self")


@case(
    Expect(
        200,
        envelope=keys("status result latestTermsVersion latestTermsDescription"),
        body={"latestTermsVersion": 2, "latestTermsDescription": "terms v2"},
        result={"agreedTermsVersion": 1, "hasAgreedToLatestTermsVersion": False},
    ),
    Expect(200, body={"latestTermsVersion": 2, "latestTermsDescription": "terms v2"}),
    options={"latest_terms_version": 2},
)
def users_self_before_agreeing(w: World) -> httpx.Response:
    return w.send("GET", "/v2/users/self")


@case(
    Expect(
        200,
        body={"status": {"success": True, "description": "revoked badges"}},
        result_keys=keys("revoked entityId reason"),
        result={"revoked": False, "reason": "revocationReason is required"},
    ),
    Expect(200, result_has=keys("revoked entityId reason code"), result={"code": "MISSING_REASON"}),
)
def batch_revoke_item_without_a_reason(w: World) -> httpx.Response:
    return w.send("POST", "/v2/assertions/revoke", json=[{"entityId": w.award()["entityId"]}])


@case(
    Expect(
        200,
        result_keys=keys("revoked entityId revocationReason reason"),
        result={"reason": "permission denied or object not found"},
    ),
    Expect(200, result_has=keys("revoked entityId revocationReason reason code")),
)
def batch_revoke_item_not_found(w: World) -> httpx.Response:
    return w.send(
        "POST", "/v2/assertions/revoke", json=[{"entityId": "nonexistent", "revocationReason": "x"}]
    )
