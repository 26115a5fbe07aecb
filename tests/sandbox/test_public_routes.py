"""The /public/… Open Badges 2.0 documents over real HTTP: shapes, negotiation, bad input."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import httpx
import pytest

from badgr_mock.baking import PNG_SIGNATURE
from badgr_mock.public import OB_V2_CONTEXT

from .conftest import RECIPIENT, SVG, Sandbox, image, url

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def fetch(url: str, accept: str | None = None, status: int = 200) -> httpx.Response:
    headers = {"Accept": accept} if accept is not None else {}
    response = httpx.get(url, headers=headers)
    assert response.status_code == status, (url, response.status_code, response.text)
    return response


def document(url: str, status: int = 200) -> dict[str, Any]:
    response = fetch(url, "application/ld+json", status)
    assert response.headers["content-type"] == "application/ld+json"
    body: dict[str, Any] = response.json()
    assert body["@context"] == OB_V2_CONTEXT
    assert body["id"] == url
    return body


def test_assertion_is_a_hosted_badge_with_a_salted_recipient_hash(sandbox: Sandbox) -> None:
    award = sandbox.award
    body = document(url(award))
    assert body["type"] == "Assertion"
    assert body["verification"] == {"type": "HostedBadge"}
    assert body["badge"] == url(sandbox.badge)
    assert datetime.fromisoformat(body["issuedOn"]) == award.issued_on
    recipient = body["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    digest = hashlib.sha256((RECIPIENT + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${digest}"
    assert body["image"] == image(award)


def test_badge_class_and_issuer_documents(sandbox: Sandbox) -> None:
    badge = document(url(sandbox.badge))
    assert badge["type"] == "BadgeClass"
    assert badge["name"] == "Python <Basics>"
    assert badge["criteria"] == {"narrative": "Pass the course"}
    assert badge["issuer"] == url(sandbox.issuer) == sandbox.badge.issuer_open_badge_id
    assert badge["image"] == image(sandbox.badge)
    issuer = document(url(sandbox.issuer))
    assert issuer["type"] == "Issuer"
    assert (issuer["name"], issuer["email"]) == ("Sandbox Academy", "alice@example.com")
    assert issuer["revocationList"] == f"{issuer['id']}/revocations"


def test_every_url_the_api_hands_out_is_served(sandbox: Sandbox) -> None:
    for entity in (sandbox.issuer, sandbox.badge, sandbox.award, sandbox.svg_award):
        fetch(url(entity))
    for address in (image(sandbox.badge), image(sandbox.svg_badge), image(sandbox.award)):
        assert fetch(address).headers["content-type"].startswith("image/")
    assert sandbox.award.issuer_open_badge_id == url(sandbox.issuer)


def test_stored_images_come_back_byte_for_byte(sandbox: Sandbox) -> None:
    svg = fetch(image(sandbox.svg_badge))
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.content == SVG
    png = fetch(image(sandbox.badge))
    assert png.headers["content-type"] == "image/png"
    assert png.content.startswith(PNG_SIGNATURE)


def test_baked_image_carries_the_hosted_assertion(sandbox: Sandbox) -> None:
    baked = fetch(f"{url(sandbox.award)}/baked")
    assert baked.headers["content-type"] == "image/png"
    assert b"iTXtopenbadges\x00" in baked.content
    assert url(sandbox.award).encode() in baked.content
    svg = fetch(f"{url(sandbox.svg_award)}/baked").content
    assert b"<openbadges:assertion" in svg
    assert f'verify="{url(sandbox.svg_award)}"'.encode() in svg


def test_json_and_html_on_request_ld_json_by_default(sandbox: Sandbox) -> None:
    address = url(sandbox.award)
    for accept in (None, "*/*", "application/*"):
        assert fetch(address, accept).headers["content-type"] == "application/ld+json"
    plain = fetch(address, "application/json")
    assert plain.headers["content-type"] == "application/json"
    assert plain.json() == document(address)
    page = fetch(address, BROWSER_ACCEPT)
    assert page.headers["content-type"].startswith("text/html")
    assert "Python &lt;Basics&gt;" in page.text  # names are escaped
    assert url(sandbox.issuer) in page.text


def test_revoked_assertion_is_gone_and_listed(sandbox: Sandbox) -> None:
    address = url(sandbox.revoked)
    body = document(address, status=410)
    assert body == {
        "@context": OB_V2_CONTEXT,
        "type": "Assertion",
        "id": address,
        "revoked": True,
        "revocationReason": "Issued in error",
    }
    assert fetch(f"{address}/baked", status=410).json()["revoked"] is True
    assert "Issued in error" in fetch(address, BROWSER_ACCEPT, status=410).text
    revocations = document(f"{url(sandbox.issuer)}/revocations")
    assert revocations["type"] == "RevocationList"
    assert revocations["revokedAssertions"] == [
        {"id": address, "revocationReason": "Issued in error"}
    ]


@pytest.mark.parametrize("kind", ["issuers", "badges", "assertions"])
@pytest.mark.parametrize(
    "entity_id", ["unknownUnknownUnknown0", "bad$id", "a" * 65, "%00", "..%2F..%2Fetc"]
)
def test_unknown_or_malformed_ids_are_404_envelopes(
    sandbox: Sandbox, kind: str, entity_id: str
) -> None:
    for suffix in ("", "/image") + (("/baked",) if kind == "assertions" else ()):
        response = fetch(f"{sandbox.base_url}/public/{kind}/{entity_id}{suffix}", status=404)
        assert response.headers["content-type"] == "application/json"
        assert response.json()["status"]["success"] is False


def test_wrong_accept_is_406_naming_what_is_offered(sandbox: Sandbox) -> None:
    answer = fetch(url(sandbox.award), "image/png", status=406).json()
    assert "application/ld+json" in answer["validationErrors"][0]
    fetch(image(sandbox.badge), "application/json", status=406)
    fetch(f"{url(sandbox.award)}/baked", "text/html", status=406)
    fetch(url(sandbox.issuer), "application/ld+json;q=0, text/plain", status=406)


def test_public_routes_are_read_only(sandbox: Sandbox) -> None:
    response = httpx.post(url(sandbox.award), json={})
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]
    assert httpx.head(url(sandbox.award)).status_code == 200


def test_outside_image_url_redirects(sandbox: Sandbox) -> None:
    badge = sandbox.client.badgeclasses.create(
        issuer=sandbox.issuer.entity_id,
        name="Linked",
        description="Image elsewhere",
        image="https://images.example/badge.png",
        criteria_narrative="None",
    )
    assert image(badge) == "https://images.example/badge.png"
    response = fetch(f"{url(badge)}/image", status=302)
    assert response.headers["location"] == "https://images.example/badge.png"
    # Nothing to bake locally: the assertion gets the default badge picture, still baked.
    award = sandbox.client.assertions.award(badge.entity_id, recipient="x@example.com")
    baked = fetch(image(award))
    assert baked.headers["content-type"] == "image/svg+xml"
    assert url(award).encode() in baked.content
