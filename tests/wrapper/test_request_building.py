"""The executor builds an operation's request itself (``httpx``'s ``build_request`` re-parses
the base URL and query on every call); what it builds must be the very request ``httpx``
would have built from the same arguments. Its clients also skip the cookie jar for answers
that set no cookie; cookies a server sets must still be kept and sent back."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from badgr import AsyncClient, Client
from badgr._call import Call
from badgr._executor import _ExecutorCore
from badgr._namespace import Namespace

from .conftest import ALICE, PASSWORD


def built(namespace: Namespace[Any], method: str, *args: Any, **kwargs: Any) -> Call[Any]:
    """The call a namespace method would run, without running it."""
    return getattr(type(namespace), method)._build(namespace, *args, **kwargs)  # type: ignore[no-any-return]


def as_httpx_builds(executor: _ExecutorCore, http: Any, call: Call[Any]) -> httpx.Request:
    kwargs = call.op._get_kwargs(**call.kwargs)
    kwargs["headers"] = {**executor.settings.extra_headers, **kwargs.get("headers", {})}
    built: httpx.Request = http.build_request(timeout=executor.settings.timeout, **kwargs)
    return built


def same_request(ours: httpx.Request, reference: httpx.Request) -> None:
    assert ours.method == reference.method
    assert str(ours.url) == str(reference.url)
    assert ours.url.raw_path == reference.url.raw_path
    assert ours.headers.multi_items() == reference.headers.multi_items()
    assert ours.read() == reference.read()
    assert ours.extensions == reference.extensions


def calls(client: Client | AsyncClient) -> list[Call[Any]]:
    return [
        built(client.issuers, "get", "a/b c?d#é%"),
        built(
            client.issuers, "get", "https://h.example/x", by="open_badge_id", include_staff=False
        ),
        built(client.assertions, "list", badgeclass="B1", include_revoked=True, page_size=50),
        built(client.assertions, "award", "B1", "someone+tag@example.com", narrative="n & m"),
        built(
            client.badgeclasses, "create", issuer="I1", name="Ünïcode ✓", description="d", image="x"
        ),
        built(client.assertions, "revoke", "A1", reason="wrong person"),
        built(client.users, "me"),
        # client.request: a caller's path, which may carry its own query or odd characters
        client._request_call("GET", "/v2/issuers?num=5", {"num": 7, "x": ["a b", "é"]}, None),
        client._request_call("GET", "/v2/badgeclasses/a b/é?x=1#frag", None, None),
        client._request_call("POST", "/v2/issuers", None, {"name": "N", "tags": [1, None]}),
        client._request_call("DELETE", "/v2/assertions/a%2Fb%20c/", {"reason": "x&y=z"}, None),
        client._request_call("GET", "https://other.example/v2/x?y=1", {"z": True}, None),
    ]


@pytest.mark.parametrize(
    "base_url", ["https://api.badgr.io", "http://127.0.0.1:8000/", "https://h.example/prefix/v0"]
)
def test_sync_requests_match_httpx(base_url: str) -> None:
    with Client(base_url=base_url, token="t0k3n-for-tests", headers={"X-Team": "a"}) as parent:
        client = parent.with_options(headers={"X-Trace": "1"}, timeout=7.5)
        executor = client._executor
        for call in calls(client):
            same_request(
                executor._request(call, executor.http),
                as_httpx_builds(executor, executor.http, call),
            )


async def test_async_requests_match_httpx() -> None:
    async with AsyncClient(base_url="https://api.badgr.io/", token="t0k3n-for-tests") as client:
        executor = client._executor
        for call in calls(client):
            same_request(
                executor._request(call, executor.http),
                as_httpx_builds(executor, executor.http, call),
            )


def test_cookies_the_server_set_are_sent_as_httpx_sends_them() -> None:
    with Client(base_url="https://api.badgr.io", token="t0k3n-for-tests") as client:
        executor = client._executor
        executor.http.cookies.set("csrftoken", "c1", domain="api.badgr.io")
        call = built(client.users, "me")
        ours = executor._request(call, executor.http)
        assert ours.headers["Cookie"] == "csrftoken=c1"
        same_request(ours, as_httpx_builds(executor, executor.http, call))


class BalancerCookies(httpx.HTTPTransport):
    """A real transport standing in for a load balancer that pins a session with a cookie on
    its first answer (the mock, like the open-source server, sets none), and remembers the
    ``Cookie`` header of every request."""

    def __init__(self) -> None:
        super().__init__()
        self.cookie_headers: list[str | None] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.cookie_headers.append(request.headers.get("Cookie"))
        response = super().handle_request(request)
        if len(self.cookie_headers) == 1:
            response.headers["Set-Cookie"] = "AWSALB=pin-1; Path=/"
        return response


def test_a_cookie_the_server_sets_is_sent_back_and_kept(base_url: str) -> None:
    transport = BalancerCookies()
    with Client(
        base_url=base_url, username=ALICE, password=PASSWORD, transport=transport
    ) as client:
        client.oauth.login()  # its answer sets the cookie
        for _ in range(3):  # answers that set none keep it
            client.users.me()
        assert transport.cookie_headers == [None, "AWSALB=pin-1", "AWSALB=pin-1", "AWSALB=pin-1"]
        assert client._executor.http.cookies["AWSALB"] == "pin-1"
