"""Fixtures: a fresh mock app per test, served over real HTTP (uvicorn on 127.0.0.1, free port)
or in-process (httpx.ASGITransport).

The mock runs the documented profile unless a test is marked :data:`both_profiles`: it then runs
once per profile, with the mock in that profile, ``BADGR_SERVER`` set (so every client the test
builds knows its server) and answers checked against that profile's spec."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from badgr import AsyncClient, Client, RetryPolicy
from badgr_mock.app import create_app
from badgr_mock.testing import PNG_DATA_URI, serve
from tests.contract import AsyncSpecCheckingTransport, SpecCheckingTransport, Tally
from tests.sdk_seed import amake_badge as amake_badge  # shared by the test modules
from tests.sdk_seed import make_badge as make_badge
from tests.spec.spec_tools import ROOT, SPEC_PATH
from tests.via_proxy import front, public_url

ALICE = "alice@example.com"
BOB = "bob@example.com"
PASSWORD = "badgr-demo"
PNG = PNG_DATA_URI
#: retries without real waiting: Retry-After and back-off capped at 20 ms
FAST = RetryPolicy(max_retries=3, backoff_base=0.005, max_backoff=0.02, max_retry_after=0.02)


PROFILES = ("documented", "badgr-server")
SPECS = {"documented": SPEC_PATH, "badgr-server": ROOT / "openapi" / "badgr-server.yaml"}
#: run the test against the mock in both profiles
both_profiles = pytest.mark.parametrize("profile", PROFILES, indirect=True)


@pytest.fixture
def profile(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The mock's profile (``documented`` unless parametrized), also the clients' server."""
    name: str = getattr(request, "param", "documented")
    monkeypatch.setenv("BADGR_SERVER", name)
    return name


@pytest.fixture
def app(profile: str, request: pytest.FixtureRequest) -> Any:
    # The test-only login route lets the authorization-code tests log in without a browser.
    return create_app(server=profile, test_login_route=True, base_url=public_url(request))


@pytest.fixture
def base_url(app: Any, request: pytest.FixtureRequest) -> Iterator[str]:
    with serve(app) as url, front(request, app, url) as served:
        yield served


@pytest.fixture
def contract(profile: str) -> Iterator[Tally]:
    """Every response the fixtures' clients receive is checked against the profile's spec."""
    tally = Tally(spec=SPECS[profile])
    yield tally
    assert tally.failures == []


@pytest.fixture
def client(base_url: str, contract: Tally) -> Iterator[Client]:
    with Client(
        base_url=base_url,
        username=ALICE,
        password=PASSWORD,
        retry_policy=FAST,
        transport=SpecCheckingTransport(tally=contract),
    ) as c:
        yield c


@pytest.fixture
async def aclient(app: Any, contract: Tally) -> AsyncIterator[AsyncClient]:
    """In-process: the same app through httpx.ASGITransport."""
    async with AsyncClient(
        base_url="http://testserver",
        username=ALICE,
        password=PASSWORD,
        retry_policy=FAST,
        transport=AsyncSpecCheckingTransport(httpx.ASGITransport(app), tally=contract),
    ) as c:
        yield c
