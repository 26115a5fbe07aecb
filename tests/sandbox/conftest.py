"""A served mock with awards made through the SDK: PNG and SVG badge classes, one revocation."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from badgr import Client
from badgr_api.models import Assertion, BadgeClass, Issuer
from badgr_mock import create_app
from badgr_mock.app import BadgrMockApp
from badgr_mock.testing import PNG_DATA_URI, serve

ALICE = "alice@example.com"
RECIPIENT = "jane@example.com"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
    b'<rect width="64" height="64" fill="#345"/></svg>'
)
SVG_DATA_URI = "data:image/svg+xml;base64," + base64.b64encode(SVG).decode()


def url(entity: Issuer | BadgeClass | Assertion) -> str:
    """The entity's ``openBadgeId``: the mock always sends it."""
    value = entity.open_badge_id
    assert isinstance(value, str)
    return value


def image(entity: Issuer | BadgeClass | Assertion) -> str:
    value = entity.image
    assert isinstance(value, str)
    return value


@dataclass
class Sandbox:
    app: BadgrMockApp
    base_url: str
    client: Client
    issuer: Issuer
    badge: BadgeClass
    award: Assertion
    svg_badge: BadgeClass
    svg_award: Assertion
    revoked: Assertion


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    app = create_app(":memory:", strict=True)
    with (
        serve(app) as base_url,
        Client(base_url=base_url, username=ALICE, password="badgr-demo") as client,
    ):
        issuer = client.issuers.create(
            name="Sandbox Academy", email=ALICE, url="https://academy.example"
        )
        badge = client.badgeclasses.create(
            issuer=issuer.entity_id,
            name="Python <Basics>",
            description="Knows Python",
            image=PNG_DATA_URI,
            criteria_narrative="Pass the course",
        )
        svg_badge = client.badgeclasses.create(
            issuer=issuer.entity_id,
            name="Vector",
            description="Draws SVG",
            image=SVG_DATA_URI,
            criteria_narrative="Draw a badge",
        )
        award = client.assertions.award(badge.entity_id, recipient=RECIPIENT)
        svg_award = client.assertions.award(svg_badge.entity_id, recipient=RECIPIENT)
        revoked = client.assertions.award(svg_badge.entity_id, recipient="gone@example.com")
        revoked = client.assertions.revoke(revoked.entity_id, reason="Issued in error")
        yield Sandbox(app, base_url, client, issuer, badge, award, svg_badge, svg_award, revoked)
