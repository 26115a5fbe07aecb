"""The bad-input catalogue: every malformed request gets a 4xx envelope, never a 500 or HTML."""

# The catalogue is a table with one case per line; wrapping it would hide its shape.
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from badgr_mock.testing import PNG_DATA_URI

from .conftest import Api

ISSUER = {"name": "X", "email": "alice@example.com", "url": "https://x.example"}
JSON = {"Content-Type": "application/json"}
NESTED_40: Any = 1
for _ in range(40):
    NESTED_40 = [NESTED_40]

# (label, method, path, request keyword arguments, expected status)
CASES: list[tuple[str, str, str, dict[str, Any], int]] = [
    ("malformed JSON", "POST", "/v2/issuers", {"content": b'{"name": ', "headers": JSON}, 400),
    ("JSON array for an object", "POST", "/v2/issuers", {"json": [ISSUER]}, 400),
    ("JSON scalar body", "POST", "/v2/issuers", {"json": 42}, 400),
    ("empty body", "POST", "/v2/issuers", {"content": b"", "headers": JSON}, 400),
    ("wrong content type", "POST", "/v2/issuers", {"content": b"name=X", "headers": {"Content-Type": "text/plain"}}, 400),
    ("not UTF-8", "POST", "/v2/issuers", {"content": b'{"name": "\xff"}', "headers": JSON}, 400),
    ("NaN literal", "POST", "/v2/issuers", {"content": b'{"name": NaN}', "headers": JSON}, 400),
    ("number overflowing to infinity", "POST", "/v2/issuers", {"content": b'{"name": 1e999}', "headers": JSON}, 400),
    ("lone surrogate", "POST", "/v2/issuers", {"content": b'{"name": "\\ud800", "email": "alice@example.com", "url": "https://x"}', "headers": JSON}, 400),
    ("deep nesting", "POST", "/v2/issuers", {"content": b'{"extensions":' + b"[" * 5000 + b"]" * 5000 + b"}", "headers": JSON}, 400),
    ("moderately deep nesting in a free-form field", "PUT", "/v2/issuers/ISSUER", {"json": {**ISSUER, "description": "d", "extensions": {"a": NESTED_40}}}, 400),
    ("missing required field", "POST", "/v2/issuers", {"json": {"name": "X"}}, 400),
    ("wrong field type", "POST", "/v2/issuers", {"json": {**ISSUER, "name": {"x": 1}}}, 400),
    ("unhashable value in an enum field", "POST", "/v2/issuers/ISSUER/staff", {"json": {"email": "bob@example.com", "role": ["owner"]}}, 400),
    ("bad e-mail format", "POST", "/v2/issuers", {"json": {**ISSUER, "email": "not-an-email"}}, 400),
    ("bad URL format", "POST", "/v2/issuers", {"json": {**ISSUER, "url": "not a url"}}, 400),
    ("bad image data URI", "POST", "/v2/issuers", {"json": {**ISSUER, "image": "data:image/png;base64,!!!!"}}, 400),
    ("image that is not an image", "POST", "/v2/issuers", {"json": {**ISSUER, "image": "hello"}}, 400),
    ("over-long string", "POST", "/v2/issuers", {"json": {**ISSUER, "name": "x" * 1025}}, 400),
    ("body over the size cap", "POST", "/v2/issuers", {"content": b'{"name": "' + b"x" * (4 * 1024 * 1024 + 10) + b'"}', "headers": JSON}, 413),
    ("bad base64 e-mail", "DELETE", "/v2/issuers/ISSUER/staff/a", {}, 404),
    ("bad base64 openBadgeId", "GET", "/v2/issuers/openBadgeId/a", {}, 404),
    ("base64 of a foreign URL", "GET", "/v2/issuers/ref/aHR0cHM6Ly9leGFtcGxlLmNvbS94", {}, 404),
    ("path parameter with bad characters", "GET", "/v2/issuers/abc.def", {}, 400),
    ("unknown scope in the path: no route", "GET", "/v2/users/ISSUER/assertions", {}, 404),
    ("num not a number", "GET", "/v2/issuers", {"params": {"num": "abc"}}, 400),
    ("num huge", "GET", "/v2/issuers", {"params": {"num": "9" * 400}}, 400),
    ("num repeated", "GET", "/v2/issuers", {"params": [("num", "1"), ("num", "2")]}, 400),
    ("unknown enum value", "GET", "/v2/issuers", {"params": {"include_staff": "maybe"}}, 400),
    ("bad boolean", "GET", "/v2/badgeclasses", {"params": {"include_archived": "perhaps"}}, 400),
    ("huge cursor", "GET", "/v2/issuers", {"params": {"num": "1", "after": "x" * 600}}, 400),
    ("garbage cursor", "GET", "/v2/issuers", {"params": {"num": "1", "before": "%%%"}}, 404),
    ("future issue date", "POST", "/v2/badgeclasses/BADGECLASS/assertions", {"json": {"recipient": {"identity": "a@example.com"}, "issuedOn": "2999-01-01T00:00:00Z"}}, 400),
    ("timestamp without zone", "POST", "/v2/badgeclasses/BADGECLASS/assertions", {"json": {"recipient": {"identity": "a@example.com"}, "issuedOn": "2020-01-01T00:00:00"}}, 400),
    ("bad recipient e-mail", "POST", "/v2/badgeclasses/BADGECLASS/assertions", {"json": {"recipient": {"identity": "nope", "type": "email"}}}, 400),
    ("batch revoke with an empty list", "POST", "/v2/assertions/revoke", {"json": []}, 400),
    ("unknown path", "GET", "/v2/nothing-here", {}, 404),
    ("trailing slash", "GET", "/v2/issuers/", {}, 404),
    ("wrong method", "PATCH", "/v2/badgeclasses", {"json": {}}, 405),
    ("import with two sources", "POST", "/v2/backpack/import", {"json": {"url": "https://a.example/x", "image": "https://a.example/y"}}, 400),
]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "method", "path", "kwargs", "status"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_input_gets_a_4xx_envelope(
    api: Api, label: str, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    issuer = api.create_issuer()
    badgeclass = api.create_badgeclass(issuer["entityId"])
    path = path.replace("ISSUER", issuer["entityId"]).replace("BADGECLASS", badgeclass["entityId"])
    response = api.call(method, path, **kwargs)
    assert response.status_code == status, (label, response.text)
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["status"]["success"] is False
    assert body["result"] == []
    assert "fieldErrors" in body and "validationErrors" in body
    if status == 405:
        allowed = {method.strip() for method in response.headers["allow"].split(",")}
        assert allowed == {"GET", "HEAD", "POST", "OPTIONS"}


def test_field_errors_are_keyed_by_field(api: Api) -> None:
    response = api.call("POST", "/v2/issuers", json={"name": "", "email": "x", "url": "nope"})
    assert response.status_code == 400
    errors = response.json()["fieldErrors"]
    assert set(errors) == {"name", "email", "url"}
    assert errors["email"] == ["Enter a valid email address."]
    params = api.call("GET", "/v2/issuers", params={"num": "abc"})
    assert params.json()["fieldErrors"] == {"num": ["A valid integer is required."]}


def test_each_missing_field_is_named_once(api: Api) -> None:
    """DRF names every missing field once, however many are missing."""
    response = api.call("POST", "/v2/issuers", json={"name": "Academy"})
    assert response.json()["fieldErrors"] == {
        "email": ["This field is required."],
        "url": ["This field is required."],
    }


def test_secrets_are_not_echoed_in_errors(api: Api) -> None:
    secret = "hunter2-" + "x" * 2000
    response = api.call(
        "POST", "/o/token", user=None, data={"username": "a@example.com", "password": secret}
    )
    assert response.status_code == 400
    assert "hunter2" not in response.text


def test_integers_beyond_64_bits_round_trip_exactly(api: Api) -> None:
    # Found by `make fuzz`: a JSON integer that does not fit 64 bits once crashed the encoder.
    huge = -461192577621687917346816
    issuer = api.create_issuer()
    body: dict[str, Any] = {"name": "Big", "description": "d", "image": PNG_DATA_URI}
    body |= {"criteriaNarrative": "c", "extensions": {"x:big": {"value": huge}}}
    path = f"/v2/issuers/{issuer['entityId']}/badgeclasses"
    created = api.ok("POST", path, 201, json=body)["result"][0]
    fetched = api.ok("GET", f"/v2/badgeclasses/{created['entityId']}")["result"][0]
    assert created["extensions"] == fetched["extensions"] == {"x:big": {"value": huge}}
