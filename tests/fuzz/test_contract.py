"""The contract transports used by the SDK's end-to-end tests really check what they let through."""

from __future__ import annotations

import httpx
import pytest

from badgr import Client
from badgr_mock import create_app
from badgr_mock.testing import serve
from tests.contract import SpecCheckingTransport, Tally

LOGIN = {"username": "alice@example.com", "password": "badgr-demo"}
ISSUER = {"name": "Academy", "email": "alice@example.com", "url": "https://academy.example"}


def test_conforming_traffic_is_counted() -> None:
    tally = Tally()
    transport = SpecCheckingTransport(tally=tally)
    with (
        serve(create_app()) as url,
        Client(
            base_url=url,
            username=LOGIN["username"],
            password=LOGIN["password"],
            transport=transport,
        ) as client,
    ):
        issuer = client.issuers.create(**ISSUER)
        assert client.issuers.get(issuer.entity_id).name == "Academy"
        assert [i.entity_id for i in client.issuers.list()] == [issuer.entity_id]
    assert tally.checked >= 4  # token, create, get, list
    assert tally.failures == []


def test_a_response_that_breaks_the_spec_is_caught() -> None:
    tally = Tally()
    with serve(create_app(defects={"missing_field"})) as url:
        token = httpx.post(f"{url}/o/token", data=LOGIN).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        created = httpx.post(f"{url}/v2/issuers", json=ISSUER, headers=headers).json()
        issuer_id = created["result"][0]["entityId"]
        with (
            httpx.Client(transport=SpecCheckingTransport(tally=tally)) as http,
            pytest.raises(Exception, match="entityId"),
        ):
            http.get(f"{url}/v2/issuers/{issuer_id}", headers=headers)
    assert len(tally.failures) == 1 and "GET /v2/issuers/" in tally.failures[0]
