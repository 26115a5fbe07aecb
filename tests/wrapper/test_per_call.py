"""Per-call control: ``with_options``, ``with_raw_response`` and ``request``, sync and async,
against the mock over real HTTP (sync) and in-process (async)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from badgr import AsyncClient, Client, Page, RawResponse
from badgr.errors import APIConnectionError, APITimeoutError, NotFoundError, ServerError
from badgr_api.models import Issuer
from badgr_mock.faults import Faults

from .conftest import ALICE, FAST, PASSWORD, amake_badge, make_badge


class Recording(httpx.HTTPTransport):
    """A real transport that remembers the headers of each request it sends."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[httpx.Headers] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request.headers)
        return super().handle_request(request)


class Gateway(httpx.HTTPTransport):
    """A real transport standing in for a gateway that tags each answer with a request id
    (the mock, like the open-source server, sends none)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.headers["X-Request-Id"] = "req-42"
        return response


def login(base_url: str, **kwargs: Any) -> Client:
    kwargs.setdefault("retry_policy", FAST)
    return Client(base_url=base_url, username=ALICE, password=PASSWORD, **kwargs)


# with_options ----------------------------------------------------------------------------------


def test_with_options_timeout_applies_to_the_copy_only(app: Any, base_url: str) -> None:
    with login(base_url) as client:
        client.users.me()  # logged in before the server slows down
        _set_faults(app, Faults(latency_ms=400))
        hurried = client.with_options(timeout=0.05, max_retries=0)
        with pytest.raises(APITimeoutError) as caught:
            hurried.users.me()
        assert caught.value.attempts == 1
        assert client.users.me().entity_id  # the parent keeps its own (default) timeout


@pytest.mark.plants("faults")
def test_with_options_max_retries(app: Any, base_url: str) -> None:
    with login(base_url) as client:
        client.users.me()
        _set_faults(app, Faults(fail_rate=1.0))
        with pytest.raises(ServerError) as once:
            client.with_options(max_retries=0).users.me()
        with pytest.raises(ServerError) as patient:
            client.users.me()
    assert once.value.attempts == 1
    assert patient.value.attempts == FAST.max_retries + 1


def test_with_options_headers_are_added_and_the_pool_is_shared(base_url: str) -> None:
    transport = Recording()
    with login(base_url, headers={"X-App": "roster"}, transport=transport) as client:
        traced = client.with_options(headers={"X-Trace": "t-1"})
        traced.users.me()
        client.users.me()
        assert traced._executor.http is client._executor.http  # one pool
        assert traced.auth is client.auth  # one token
        traced.close()  # does nothing: the parent owns the connections
        client.users.me()
    copy_headers, parent_headers = transport.sent[-3], transport.sent[-2]
    assert copy_headers["x-trace"] == "t-1" and copy_headers["x-app"] == "roster"
    assert "x-trace" not in parent_headers and parent_headers["x-app"] == "roster"
    assert copy_headers["accept"] == "application/json"


def test_with_options_leaves_namespaces_of_the_parent_alone(base_url: str) -> None:
    with login(base_url) as client:
        parent_issuers = client.issuers
        copy = client.with_options(timeout=3)
        assert copy.issuers is not parent_issuers
        assert client.issuers is parent_issuers
        assert (
            copy._executor.settings.timeout.read == 3
            and client._executor.settings.timeout.read != 3
        )


def test_with_options_rejects_bad_values(base_url: str) -> None:
    with login(base_url) as client, pytest.raises(ValueError, match="max_retries"):
        client.with_options(max_retries=-1)


# with_raw_response -----------------------------------------------------------------------------


def test_raw_response_of_a_single_call(client: Client) -> None:
    issuer_id, _ = make_badge(client)
    raw = client.with_raw_response.issuers.get(issuer_id)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.attempts == 1 and raw.recovered is False
    issuer = raw.parse()
    assert isinstance(issuer, Issuer) and issuer.entity_id == issuer_id
    assert raw.http_response.request.url.path == f"/v2/issuers/{issuer_id}"
    assert f"GET /v2/issuers/{issuer_id}" in repr(raw)


def test_raw_response_of_a_list_is_its_first_page(client: Client) -> None:
    _, badge = make_badge(client)
    for n in range(3):
        client.assertions.award(badge, f"s{n}@example.edu")
    raw = client.with_raw_response.assertions.list(badgeclass=badge, page_size=2)
    page = raw.parse()
    assert isinstance(page, Page) and len(page.items) == 2
    assert page.next_url is not None and "next" in raw.http_response.links


def test_raw_response_still_raises_typed_errors(client: Client) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.with_raw_response.issuers.get("doesNotExist1")
    assert caught.value.path == "/v2/issuers/doesNotExist1"


def test_raw_response_has_no_many_request_methods(client: Client) -> None:
    with pytest.raises(AttributeError, match="several requests"):
        client.with_raw_response.assertions.award_many  # type: ignore[arg-type]  # noqa: B018
    with pytest.raises(AttributeError, match="several requests"):
        client.with_raw_response.oauth.login  # type: ignore[arg-type]  # noqa: B018


def test_request_id_comes_from_the_server_headers(base_url: str) -> None:
    with login(base_url, transport=Gateway()) as client:
        assert client.with_raw_response.users.me().request_id == "req-42"
        with pytest.raises(NotFoundError) as caught:
            client.issuers.get("doesNotExist1")
    assert caught.value.request_id == "req-42"


def test_raw_response_of_a_with_options_copy(base_url: str) -> None:
    transport = Recording()
    with login(base_url, transport=transport) as client:
        raw = client.with_options(headers={"X-Trace": "t-2"}).with_raw_response.users.me()
    assert raw.status_code == 200 and transport.sent[-1]["x-trace"] == "t-2"


# request ---------------------------------------------------------------------------------------


def test_request_sends_any_call_with_auth(client: Client) -> None:
    issuer_id, _ = make_badge(client)
    raw = client.request("GET", f"/v2/issuers/{issuer_id}", params={"include_staff": "true"})
    body = raw.parse()
    assert body["status"]["success"] is True and body["result"][0]["entityId"] == issuer_id
    created = client.request(
        "post",
        "/v2/issuers",
        json={"name": "Raw", "email": ALICE, "url": "https://raw.example"},
    )
    assert created.status_code in (200, 201) and created.parse()["result"][0]["name"] == "Raw"


def test_request_errors_and_misuse(client: Client) -> None:
    with pytest.raises(NotFoundError):
        client.request("GET", "/v2/issuers/doesNotExist1")
    with pytest.raises(ValueError, match="method must be one of"):
        client.request("FETCH", "/v2/issuers")
    with pytest.raises(ValueError, match="path must start with"):
        client.request("GET", "v2/issuers")


@pytest.mark.plants("faults")
def test_request_is_retried_only_when_idempotent(app: Any, base_url: str) -> None:
    with login(base_url) as client:
        client.users.me()
        _set_faults(app, Faults(drop_rate=1.0))
        with pytest.raises(APIConnectionError) as get:
            client.request("GET", "/v2/users/self")
        with pytest.raises(APIConnectionError) as post:
            client.request(
                "POST", "/v2/issuers", json={"name": "X", "email": ALICE, "url": "https://x.ex"}
            )
    assert get.value.attempts == FAST.max_retries + 1
    assert post.value.attempts == 1


# async -----------------------------------------------------------------------------------------


async def test_async_raw_response_and_options(aclient: AsyncClient) -> None:
    issuer_id, badge = await amake_badge(aclient)
    raw = await aclient.with_raw_response.issuers.get(issuer_id)
    assert raw.status_code == 200 and raw.parse().entity_id == issuer_id
    await aclient.assertions.award(badge, "a@example.edu")
    page = (await aclient.with_raw_response.assertions.list(badgeclass=badge)).parse()
    assert [a.badgeclass for a in page.items] == [badge]
    fast = aclient.with_options(timeout=5, max_retries=0, headers={"X-Trace": "t-3"})
    body = (await fast.request("GET", f"/v2/issuers/{issuer_id}")).parse()
    assert body["result"][0]["entityId"] == issuer_id
    await fast.aclose()  # does nothing: the parent owns the connections
    assert (await aclient.users.me()).entity_id
    with pytest.raises(AttributeError, match="several requests"):
        aclient.with_raw_response.assertions.revoke_many  # type: ignore[arg-type]  # noqa: B018


def _set_faults(app: Any, faults: Faults) -> None:
    """Switch the running mock's faults (``app.faults`` is read per request)."""
    app.faults = faults


class CrashAfterWrite(httpx.HTTPTransport):
    """A real transport standing in for an application that fails after its write: the first
    award reaches the mock (and is made), but its answer is replaced by a 500 page."""

    def __init__(self) -> None:
        super().__init__()
        self.crashed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method == "POST" and "/assertions" in request.url.path and not self.crashed:
            self.crashed = True
            response.read()
            return httpx.Response(500, text="<h1>Server Error (500)</h1>", request=request)
        return response


def test_an_award_answered_500_after_its_write_is_looked_up(base_url: str) -> None:
    with login(base_url) as setup:
        _, badge = make_badge(setup)
    transport = CrashAfterWrite()
    with login(base_url, transport=transport) as client:
        raw = client.with_raw_response.assertions.award(badge, "crash@example.edu")
        assert transport.crashed and raw.recovered and raw.attempts == 1
        assert raw.parse().recipient.plaintext_identity == "crash@example.edu"
        holders = list(client.assertions.list(badgeclass=badge))
    assert [a.entity_id for a in holders] == [raw.parse().entity_id]  # made once
