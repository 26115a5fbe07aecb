"""What every part of ``make bench`` shares: the seeded login, one issuer with a badge class,
and a transport that counts requests and 429s (``award_many`` runs on the async side)."""

from __future__ import annotations

import httpx

from badgr import Client
from badgr_mock.store import DEMO_PASSWORD
from badgr_mock.testing import PNG_DATA_URI

USERNAME = "alice@example.com"
PASSWORD = DEMO_PASSWORD


def make_badge(client: Client, name: str) -> tuple[str, str]:
    """A new issuer of the bench user's with one badge class: ``(issuer id, badge id)``."""
    issuer = client.issuers.create(name="Bench", email=USERNAME, url="https://bench.example")
    badge = client.badgeclasses.create(
        issuer=issuer.entity_id,
        name=name,
        description="Bench",
        image=PNG_DATA_URI,
        criteria_narrative="Bench",
    )
    return issuer.entity_id, badge.entity_id


class CountingTransport(httpx.AsyncHTTPTransport):
    """Counts the requests sent and the 429s answered."""

    def __init__(self) -> None:
        super().__init__()
        self.requests = 0
        self.throttled = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        self.requests += 1
        self.throttled += response.status_code == 429
        return response
