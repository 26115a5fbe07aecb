"""Validation that stops early: a huge invalid body gets a short answer, and no request can make
the server list an error per item."""

from __future__ import annotations

import json
import warnings

import pytest

from badgr_mock.requests import MAX_JSON_VALUES, MAX_LISTED_ERRORS, TOO_MANY_ERRORS

from .conftest import ALICE, Api, strict_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's TestClient on httpx: a deprecation notice
    from starlette.testclient import TestClient

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


@pytest.mark.parametrize("server", ["documented", "badgr-server"])
def test_url_fields_take_only_the_schemes_a_badgr_server_accepts(server: str) -> None:
    app = strict_app(server=server)
    accept = {"Accept": "application/json"}  # else badgr-server answers application/ld+json
    with TestClient(app, base_url="http://testserver", headers=accept) as client:
        api = Api(client, client.app)  # type: ignore[arg-type]
        # and RFC 3986 as the fuzz kit reads `format: uri`: an IRI is sent percent-encoded
        refused_urls = ("javascript:alert(1)", "JavaScript://x%0aalert(1)", "data:text/html,x")
        for hostile in (*refused_urls, "https://例え.example/", "ftp://a/%zz"):
            refused = api.call(
                "POST", "/v2/issuers", json={"name": "X", "email": ALICE, "url": hostile}
            )
            assert refused.status_code == 400, hostile
            assert refused.json()["fieldErrors"]["url"] == ["Enter a valid URL."]
        for fine in ("https://a.example", "HTTP://a.example", "ftps://files.example"):
            accepted = api.call(
                "POST", "/v2/issuers", json={"name": "X", "email": ALICE, "url": fine}
            )
            assert accepted.status_code == 201, fine
        badge = api.create_badgeclass(api.create_issuer()["entityId"])
        evidence = [{"url": "javascript:alert(1)"}]
        award = api.call(
            "POST",
            f"/v2/badgeclasses/{badge['entityId']}/assertions",
            json={
                "recipient": {"identity": "j@example.com", "type": "email"},
                "evidence": evidence,
            },
        )
        assert award.status_code == 400


def test_a_stored_url_of_another_scheme_is_shown_as_text_not_a_link(api: Api) -> None:
    issuer = api.create_issuer()
    doc = json.loads(
        api.app.store.connection.execute(
            "SELECT doc FROM issuers WHERE entity_id = ?", (issuer["entityId"],)
        ).fetchone()[0]
    )
    doc["url"] = "javascript:alert(1)"  # a store written before the specs' URL pattern
    api.app.store.connection.execute(
        "UPDATE issuers SET doc = ? WHERE entity_id = ?", (json.dumps(doc), issuer["entityId"])
    )
    page = api.client.get(f"/public/issuers/{issuer['entityId']}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "javascript:alert(1)" in page.text
    assert 'href="javascript:' not in page.text
