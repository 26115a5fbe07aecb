"""Validation that stops early: a huge invalid body gets a short answer, and no request can make
the server list an error per item."""

from __future__ import annotations

import json

from badgr_mock.requests import MAX_JSON_VALUES, MAX_LISTED_ERRORS, TOO_MANY_ERRORS

from .conftest import Api

REVOKE = "/v2/assertions/revoke"


def _revoke(api: Api, raw: bytes) -> tuple[int, dict[str, object], int]:
    response = api.call("POST", REVOKE, content=raw, headers={"Content-Type": "application/json"})
    return response.status_code, response.json(), len(response.content)


def test_a_million_empty_revocations_get_one_short_error(api: Api) -> None:
    raw = b"[" + b",".join([b"{}"] * 1_000_000) + b"]"
    status, body, size = _revoke(api, raw)
    assert status == 400
    assert body["validationErrors"] == ["Must have at most 500 item(s)."]
    assert body["fieldErrors"] == {}
    assert size < 1024


def test_oversized_arrays_of_valid_items_are_refused_before_their_items_are_checked(
    api: Api,
) -> None:
    item = {"entityId": "AAAAAAAAAAAAAAAAAAAAAA", "revocationReason": "x"}
    status, body, size = _revoke(api, json.dumps([item] * 3000).encode())
    assert status == 400 and body["validationErrors"] == ["Must have at most 500 item(s)."]
    assert size < 1024


def test_errors_listed_per_request_are_capped(api: Api) -> None:
    status, body, size = _revoke(api, json.dumps([{"entityId": 1}] * 400).encode())
    assert status == 400
    field_errors = body["fieldErrors"]
    assert isinstance(field_errors, dict)
    listed = sum(len(messages) for messages in field_errors.values())
    assert listed <= 2 * MAX_LISTED_ERRORS  # one error may name two missing fields
    assert body["validationErrors"] == [TOO_MANY_ERRORS]
    assert size < 4096


def test_free_form_objects_are_bounded_by_the_value_budget(api: Api) -> None:
    issuer = {
        "name": "Big",
        "email": "alice@example.com",
        "url": "https://big.example.com",
        "extensions": {f"k{index}": index for index in range(MAX_JSON_VALUES)},
    }
    response = api.call("POST", "/v2/issuers", json=issuer)
    assert response.status_code == 400
    assert "more than" in response.json()["validationErrors"][0]
    assert len(response.content) < 1024
