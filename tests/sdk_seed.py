"""Seed data made through the SDK, shared by the SDK and CLI end-to-end tests."""

from __future__ import annotations

from typing import Any

from badgr import AsyncClient, Client
from badgr_mock.testing import PNG_DATA_URI

ALICE = "alice@example.com"
ISSUER: dict[str, Any] = {"name": "Academy", "email": ALICE, "url": "https://academy.example"}


def _badge_fields(issuer: str, name: str) -> dict[str, Any]:
    return {
        "issuer": issuer,
        "name": name,
        "description": "Knows Python",
        "image": PNG_DATA_URI,
        "criteria_narrative": "Pass the course",
    }


def make_badge(client: Client, name: str = "Python") -> tuple[str, str]:
    """An issuer of alice's and one badge class under it: ``(issuer id, badge class id)``."""
    issuer = client.issuers.create(**ISSUER)
    badge = client.badgeclasses.create(**_badge_fields(issuer.entity_id, name))
    return issuer.entity_id, badge.entity_id


async def amake_badge(client: AsyncClient, name: str = "Python") -> tuple[str, str]:
    """The same through the async client."""
    issuer = await client.issuers.create(**ISSUER)
    badge = await client.badgeclasses.create(**_badge_fields(issuer.entity_id, name))
    return issuer.entity_id, badge.entity_id
