"""The facts of badgr-server-observed.md §12, continued: routing and the token endpoint
(see test_observed_s12)."""

from __future__ import annotations

import httpx

from .conftest import ALICE
from .s12_cases import HTML, JSON, OPTIONS, Check, Expect, World, bad, case, keys

# ---- routing --------------------------------------------------------------------------------


def _allow(methods: str) -> Check:
    return lambda w, r: set(r.headers["allow"].split(", ")) == keys(methods)


@case(
    bad(
        field_errors='Method "PATCH" not allowed.',
        validation_errors=[],
        status=405,
        check=_allow("GET HEAD PUT DELETE OPTIONS"),
        body={"status": {"success": False, "description": "miscellaneous error"}},
    ),
    Expect(200),
)
def patch_issuer_is_not_allowed(w: World) -> httpx.Response:
    issuer = w.issuer()
    body = {"name": "B", "email": ALICE, "url": "https://a.example", "description": "d"}
    return w.send("PATCH", f"/v2/issuers/{issuer['entityId']}", json=body)


# The real server answers 404 here (one of its defects, §12): the mock keeps 405 + Allow.
@case(
    bad(
        field_errors='Method "POST" not allowed.', status=405, check=_allow("GET HEAD PUT OPTIONS")
    ),
    Expect(405, check=_allow("GET HEAD PUT PATCH OPTIONS")),
)
def post_users_self_is_a_405_not_the_real_404(w: World) -> httpx.Response:
    return w.send("POST", "/v2/users/self", json={})


@case(
    bad(
        field_errors='Method "PATCH" not allowed.', status=405, check=_allow("GET HEAD PUT OPTIONS")
    ),
    Expect(200),
)
def patch_users_self_is_a_405_not_the_real_404(w: World) -> httpx.Response:
    return w.send("PATCH", "/v2/users/self", json={"firstName": "A"})


@case(
    Expect(404, media=HTML),
    Expect(
        404,
        envelope=None,
        body={
            "status": {
                "success": False,
                "description": "entity not found or insufficient privileges",
            }
        },
    ),
)
def unknown_path_is_an_html_404(w: World) -> httpx.Response:
    return w.send("GET", "/v2/nothing-here")


@case(Expect(404, media=HTML), Expect(404))
def trailing_slash_is_an_html_404(w: World) -> httpx.Response:
    return w.send("GET", "/v2/issuers/")


@case(Expect(404, media=HTML), Expect(200))
def organizations_are_an_html_404(w: World) -> httpx.Response:
    return w.send("GET", "/v2/organizations")


@case(Expect(404, media=HTML), Expect(200))
def organization_public_issuers_are_an_html_404(w: World) -> httpx.Response:
    org = "AAAAAAAAAAAAAAAAAAAAAA"
    if w.kind == "documented":  # the seeded organization
        org = w.send("GET", "/v2/organizations").json()["result"][0]["entityId"]
    return w.send("GET", f"/v2/organizations/{org}/public-issuers", user=None)


@case(Expect(404, media=HTML), Expect(200))
def claim_codes_are_an_html_404(w: World) -> httpx.Response:
    return w.send("GET", f"/v2/badgeclasses/{w.badge()['entityId']}/claim-codes")


@case(Expect(404, media=HTML), Expect(400))
def issuer_staff_is_an_html_404(w: World) -> httpx.Response:
    return w.send("POST", f"/v2/issuers/{w.issuer()['entityId']}/staff", json={})


def _metadata(w: World, r: httpx.Response) -> bool:
    body = r.json()
    return (
        body["renders"] == ["application/ld+json", "application/json", "text/html"]
        and body["parses"]
        == ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"]
        and isinstance(body["name"], str)
        and {"GET", "POST", "OPTIONS"} <= set(r.headers["allow"].split(", "))
    )


@case(
    Expect(200, media=JSON, envelope=OPTIONS, check=_metadata),
    Expect(200, media=JSON, envelope=OPTIONS, check=_metadata),
)
def options_answers_drf_metadata(w: World) -> httpx.Response:
    return w.send("OPTIONS", "/v2/issuers", user=None)


# ---- the token endpoint (auth.py is being changed elsewhere) ---------------------------------


def _oauth(error: str, described: bool) -> Check:
    return lambda w, r: (
        r.json()["error"] == error and ("error_description" in r.json()) is described
    )


@case(Expect(400, media=JSON, check=_oauth("invalid_grant", True)), None)
def wrong_password_is_json(w: World) -> httpx.Response:
    return w.send("POST", "/o/token", user=None, data={"username": ALICE, "password": "wrong"})


@case(Expect(400, media=JSON, check=_oauth("invalid_request", True)), None)
def json_token_request_is_json(w: World) -> httpx.Response:
    return w.send("POST", "/o/token", user=None, json={"username": ALICE, "password": "badgr-demo"})


@case(Expect(400, media=HTML, check=_oauth("invalid client_id", False)), Expect(400, media=JSON))
def unknown_client_is_json_sent_as_html(w: World) -> httpx.Response:
    return w.send(
        "POST",
        "/o/token",
        user=None,
        data={"client_id": "nope", "username": ALICE, "password": "x"},
    )


@case(
    Expect(400, media=HTML, check=_oauth("invalid scope requested", False)), Expect(400, media=JSON)
)
def bad_scope_is_json_sent_as_html(w: World) -> httpx.Response:
    return w.send(
        "POST",
        "/o/token",
        user=None,
        data={"username": ALICE, "password": "badgr-demo", "scope": "rw:all"},
    )


@case(
    Expect(400, media=HTML, check=lambda w, r: "post body" in r.json()["error"]),
    Expect(400, media=JSON),
)
def grant_parameters_in_the_query_are_json_sent_as_html(w: World) -> httpx.Response:
    return w.send("POST", "/o/token?username=a&password=b", user=None, data={"username": ALICE})


def _logged_out(w: World, r: httpx.Response) -> bool:
    return (
        w.client.get(
            "/v2/users/self", headers={"Authorization": f"Bearer {w._tokens[ALICE, 'rw:backpack']}"}
        ).status_code
        == 401
    )


@case(Expect(200, media="", check=_logged_out), bad(status=404))  # no body
def logout_revokes_the_token(w: World) -> httpx.Response:
    token = w.token(ALICE, "rw:backpack")
    return w.send(
        "POST", "/o/revoke_token/", user=None, data={"token": token, "client_id": "public"}
    )
