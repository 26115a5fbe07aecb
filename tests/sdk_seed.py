"""Seed data made through the SDK, shared by the SDK and CLI end-to-end tests."""

from __future__ import annotations

from badgr import Client
from badgr_mock.testing import PNG_DATA_URI

ALICE = "alice@example.com"


def make_badge(client: Client, name: str = "Python") -> tuple[str, str]:
    """An issuer of alice's and one badge class under it: ``(issuer id, badge class id)``."""
    issuer = client.issuers.create(name="Academy", email=ALICE, url="https://academy.example")
    badge = client.badgeclasses.create(
        issuer=issuer.entity_id,
        name=name,
        description="Knows Python",
        image=PNG_DATA_URI,
        criteria_narrative="Pass the course",
    )
    return issuer.entity_id, badge.entity_id
