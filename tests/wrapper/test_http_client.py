"""The caller's own ``httpx`` client or transport carries every request, jobs included.

The SDK's base URL here is a host that does not resolve (``badgr.invalid``): only the caller's
route reaches the mock, by rewriting each request to the mock's real address. A request that
took any other route (a second client of the SDK's own) would fail to connect.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from badgr import AsyncClient, Client

from .conftest import ALICE, FAST, PASSWORD, amake_badge, both_profiles, make_badge

UNREACHABLE = "http://badgr.invalid"
RECIPIENTS = [f"learner{n}@example.com" for n in range(5)]


class Route:
    """The caller's route to the mock: records each request and forwards it over real HTTP."""

    def __init__(self, base_url: str) -> None:
        self.target = httpx.URL(base_url)
        self.seen: list[httpx.Request] = []
        self.upstream = httpx.Client()
        self.async_upstream = httpx.AsyncClient()

    def _forwarded(self, request: httpx.Request) -> httpx.Request:
        self.seen.append(request)
        url = request.url.copy_with(
            scheme=self.target.scheme, host=self.target.host, port=self.target.port
        )
        return httpx.Request(request.method, url, headers=request.headers, content=request.read())

    def handle(self, request: httpx.Request) -> httpx.Response:
        answer = self.upstream.send(self._forwarded(request))
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        answer = await self.async_upstream.send(self._forwarded(request))
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    def paths(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.seen]


def _job_requests(route: Route) -> list[httpx.Request]:
    """The requests of award_many and revoke_many (awards, batch awards, revocations)."""
    return [
        r
        for r in route.seen
        if r.method == "POST" and r.url.path.endswith(("/assertions", "/issue", "/revoke"))
    ]


def _api_requests(route: Route) -> list[httpx.Request]:
    return [r for r in route.seen if r.url.path != "/o/token"]


def _run_jobs(client: Client) -> None:
    _, badge = make_badge(client)
    results = client.assertions.award_many(badge, RECIPIENTS, concurrency=3)
    assert [r.ok for r in results] == [True] * len(RECIPIENTS), results
    revoked = client.assertions.revoke_many(
        [r.assertion.entity_id for r in results if r.assertion], reason="test"
    )
    assert all(r.revoked for r in revoked), revoked


def _sync_client(route: Route, kind: str) -> tuple[Client, httpx.Client | None]:
    options: dict[str, Any] = {
        "base_url": UNREACHABLE,
        "username": ALICE,
        "password": PASSWORD,
        "retry_policy": FAST,
    }
    if kind == "transport":
        return Client(transport=httpx.MockTransport(route.handle), **options), None
    if kind == "http_client":
        own = httpx.Client(transport=httpx.MockTransport(route.handle), headers={"X-Corp": "1"})
    else:  # a proxy is a mount of the caller's client
        own = httpx.Client(mounts={"http://": httpx.MockTransport(route.handle)})
    return Client(http_client=own, **options), own


@both_profiles
@pytest.mark.parametrize("kind", ["transport", "http_client", "mounts"])
def test_every_request_of_a_sync_client_and_its_jobs_takes_the_callers_route(
    base_url: str, kind: str
) -> None:
    route = Route(base_url)
    client, own = _sync_client(route, kind)
    with client:
        _run_jobs(client)
    jobs = _job_requests(route)
    assert len(jobs) >= 2, route.paths()  # at least one award or batch, one revocation
    assert all(r.headers["Authorization"].startswith("Bearer ") for r in jobs)
    assert all(r.headers["Accept"] == "application/json" for r in jobs)
    if kind == "http_client":  # the token request is built by the SDK: OAuth's fields only
        assert all(r.headers.get("X-Corp") == "1" for r in _api_requests(route)), route.paths()
    if own is not None:
        assert not own.is_closed  # the caller's client stays the caller's to close
        own.close()


@both_profiles
def test_a_sync_clients_jobs_run_on_the_async_client_given(base_url: str) -> None:
    sync_route, async_route = Route(base_url), Route(base_url)
    jobs_client = httpx.AsyncClient(transport=httpx.MockTransport(async_route.ahandle))
    with Client(
        base_url=UNREACHABLE,
        username=ALICE,
        password=PASSWORD,
        retry_policy=FAST,
        http_client=httpx.Client(transport=httpx.MockTransport(sync_route.handle)),
        async_http_client=jobs_client,
    ) as client:
        _run_jobs(client)
    assert _job_requests(async_route) and not _job_requests(sync_route)
    assert not jobs_client.is_closed


@both_profiles
async def test_an_async_client_sends_everything_on_the_callers_client(base_url: str) -> None:
    route = Route(base_url)
    own = httpx.AsyncClient(
        transport=httpx.MockTransport(route.ahandle), headers={"X-Corp": "1"}, timeout=1
    )
    async with AsyncClient(
        base_url=UNREACHABLE, username=ALICE, password=PASSWORD, retry_policy=FAST, http_client=own
    ) as client:
        _, badge = await amake_badge(client)
        results = await client.assertions.award_many(badge, RECIPIENTS, concurrency=3)
        assert all(r.ok for r in results), results
    assert _job_requests(route)
    assert all(r.headers.get("X-Corp") == "1" for r in _api_requests(route))
    # the SDK's own timeout (30 s by default, shortened to what is left of the call's)
    # applies to each request, not the client's 1 s
    assert all(29.0 < r.extensions["timeout"]["read"] <= 30.0 for r in route.seen)
    assert not own.is_closed
    await own.aclose()


def test_requests_on_the_callers_client_are_logged_and_redacted(
    base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="badgr")
    route = Route(base_url)
    with Client(
        base_url=UNREACHABLE,
        username=ALICE,
        password=PASSWORD,
        http_client=httpx.Client(transport=httpx.MockTransport(route.handle)),
    ) as client:
        client.issuers.list().first_page()
    lines = [r.getMessage() for r in caplog.records]
    assert f"request POST {UNREACHABLE}/o/token" in lines  # the grant, sent without auth
    assert f"response GET {UNREACHABLE}/v2/issuers?include_staff=true&num=100 -> 200" in lines
    assert PASSWORD not in caplog.text


def test_a_client_and_a_transport_together_are_refused() -> None:
    with httpx.Client() as own, pytest.raises(ValueError, match="http_client= or transport="):
        Client(
            base_url=UNREACHABLE, token="t0k3n", http_client=own, transport=httpx.HTTPTransport()
        )
