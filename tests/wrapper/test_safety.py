"""Secrets never leak (logs, reprs, exception texts); foreign Link origins get no credentials;
2xx bodies that don't parse raise ResponseValidationError with the raw body."""

from __future__ import annotations

import logging
import time
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from badgr import AsyncClient, Client, Token, errors
from badgr._logging import _PATTERNS, REDACTED, redact, redact_url
from badgr_mock.app import create_app
from badgr_mock.faults import Faults
from badgr_mock.testing import serve

from .conftest import ALICE, PASSWORD, make_badge


def test_no_secret_in_debug_logs_reprs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: badgr, httpx, httpcore, uvicorn, …
    app = create_app()
    texts: list[str] = []
    with serve(app) as url:
        client = Client(base_url=url, username=ALICE, password=PASSWORD, client_secret="s3cr3t-cs")
        texts += [repr(client), repr(client.auth), repr(client.issuers)]
        _, badge = make_badge(client)
        award = client.assertions.award(badge, recipient="jane@example.com")
        pager = client.assertions.list(badgeclass=badge, page_size=1)
        list(pager)
        texts.append(repr(pager))
        first = client.token
        assert first is not None and first.refresh_token
        # force a refresh grant, then a 401 + renewal
        client.auth.set_token(
            Token(first.access_token, first.refresh_token, time.time() + 1, refresh_margin=10)
        )
        client.users.me()
        app.faults = Faults(fail_rate=1.0)
        with pytest.raises(errors.ServerError) as server_error:
            client.assertions.get(award.entity_id)
        app.faults = Faults()
        with pytest.raises(errors.BadRequestError) as bad_request:
            client.assertions.award(badge, recipient="jane@example.com")
        texts += [str(server_error.value), repr(bad_request.value), str(bad_request.value)]
        second = client.token
        assert second is not None
        texts += [repr(first), repr(second), str(client.auth.token)]
        bad = Client(base_url=url, username=ALICE, password="Wr0ng-pa55word")
        with pytest.raises(errors.AuthenticationError) as refused:
            bad.users.me()
        texts += [str(refused.value), repr(refused.value), repr(bad)]
        static = Client(base_url=url, token=second.access_token)
        texts.append(repr(static))
        client.close()
        bad.close()
        static.close()
    secrets = [
        PASSWORD,
        "Wr0ng-pa55word",
        "s3cr3t-cs",
        first.access_token,
        str(first.refresh_token),
        second.access_token,
        str(second.refresh_token),
    ]
    haystack = caplog.text + "\n".join(texts)
    assert "request POST" in caplog.text  # the token calls were logged…
    for secret in secrets:
        assert secret not in haystack  # …without any secret


def test_redaction_patterns() -> None:
    assert "abc123" not in redact("Authorization: Bearer abc123")
    assert "hunter22" not in redact("grant_type=password&password=hunter22&username=u")
    assert "tok-value-1" not in redact('{"access_token": "tok-value-1", "x": 1}')
    assert "zzz9" not in redact_url("https://u:zzz9@h.example/cb?code=zzz9&state=ok")
    assert "state=ok" in redact_url("https://h.example/cb?code=zzz9&state=ok")
    assert "12345678" not in redact('{"password": "12345678"}')


_CREDENTIAL_WORDS = [
    "Authorization",
    "BEARER",
    "access_token",
    "PassWord",
    "passwd",
    "secret",
    "Code",
    "api_key",
    "apiKey",
    "ſecret",  # noqa: RUF001 (look-alikes on purpose)
    "Key",  # noqa: RUF001
    "İd_token",
    "authorızation",  # noqa: RUF001
]


_PIECES = st.text(alphabet="aZ09-_. \u017f\u0131", max_size=8)


@given(
    st.lists(
        st.tuples(
            _PIECES,
            st.sampled_from(_CREDENTIAL_WORDS),
            st.sampled_from([": ", "=", '": "', " ", "&"]),
            _PIECES,
        ).map("".join),
        max_size=3,
    ).map(" ".join)
)
@settings(max_examples=400)
def test_redaction_skips_only_patterns_that_cannot_match(text: str) -> None:
    """The cheap word check before each pattern never skips one that would have matched."""
    every_pattern = text
    for _, pattern in _PATTERNS:
        every_pattern = pattern.sub(lambda m: m.group(1) + REDACTED, every_pattern)
    assert redact(text) == every_pattern


@pytest.mark.parametrize(
    "text",
    [
        "ConnectError calling POST http://127.0.0.1:9/o/token: [Errno 111] Connection refused",
        "the server answered with status code: 502",
        "refresh token: (none stored)",
    ],
)
def test_redaction_leaves_text_that_holds_no_secret(text: str) -> None:
    assert redact(text) == text


def _handler_with_foreign_link(seen: list[httpx.Request]) -> Any:
    item = {
        "entityType": "Issuer",
        "entityId": "i1",
        "name": "n",
        "email": "e@x.org",
        "url": "https://x.example",
    }

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"status": {"success": True}, "result": [item]}
        if request.url.host == "api.example" and "after" not in request.url.params:
            return httpx.Response(
                200,
                json=body,
                headers={"Link": '<https://evil.example/v2/issuers?after=x>; rel="next"'},
            )
        return httpx.Response(200, json=body)

    return handler


def test_credentials_never_go_to_a_foreign_link_origin() -> None:
    """The mock only links to itself, so a foreign origin needs a fake transport."""
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(_handler_with_foreign_link(seen))
    with Client(base_url="https://api.example", token="t0ken-abc", transport=transport) as c:
        items = list(c.issuers.list(page_size=1))
    assert len(items) == 2
    assert seen[0].headers["Authorization"] == "Bearer t0ken-abc"
    assert seen[1].url.host == "evil.example"
    assert "Authorization" not in seen[1].headers


def test_relative_link_is_resolved_against_the_page_url() -> None:
    calls: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url)
        body = {"status": {"success": True}, "result": []}
        if "cursor" not in request.url.params:
            return httpx.Response(
                200, json=body, headers={"Link": '<?cursor=c2&num=5>; rel="next"'}
            )
        return httpx.Response(200, json=body)

    with Client(
        base_url="https://api.example", token="t0ken-abc", transport=httpx.MockTransport(handler)
    ) as c:
        assert list(c.badgeclasses.list(page_size=5)) == []
    assert str(calls[1]) == "https://api.example/v2/badgeclasses?cursor=c2&num=5"


def test_a_2xx_that_does_not_parse_keeps_the_raw_body() -> None:
    app = create_app(defects=["missing_field"])
    with serve(app) as url, Client(base_url=url, username=ALICE, password=PASSWORD) as client:
        issuer = client.issuers.create(name="A", email=ALICE, url="https://a.example")
        with pytest.raises(errors.ResponseValidationError) as info:
            client.issuers.get(issuer.entity_id)
    assert info.value.status_code == 200
    assert b'"name":"A"' in info.value.body.replace(b" ", b"")
    assert info.value.response is not None


def test_page_size_is_validated(client: Client) -> None:
    for bad in (0, 501, -1):
        with pytest.raises(ValueError, match="from 1 to 500"):
            client.assertions.list(badgeclass="x", page_size=bad)
    with pytest.raises(ValueError, match="exactly one"):
        client.assertions.list()


def test_a_2xx_whose_envelope_says_failure_raises_the_typed_error() -> None:
    with (
        serve(create_app(defects=["failure_as_success"])) as url,
        Client(base_url=url, username=ALICE, password=PASSWORD) as client,
        pytest.raises(errors.APIError) as refused,
    ):
        client.issuers.get("missingIssuer0")
    # the status the server sent, the envelope's description: not a success, nor a bad body
    assert refused.value.status_code == 200
    assert "entity not found" in str(refused.value)


def test_a_next_link_to_a_page_already_fetched_stops_the_walk_with_an_error() -> None:
    with (
        serve(create_app(defects=["next_links_to_itself"])) as url,
        Client(base_url=url, username=ALICE, password=PASSWORD) as client,
    ):
        for name in ("A", "B", "C"):
            client.issuers.create(name=name, email=ALICE, url="https://a.example")
        pager = client.issuers.list(page_size=2)
        names: list[str] = []
        with pytest.raises(errors.ResponseValidationError, match="already fetched") as stop:
            names.extend(issuer.name for issuer in pager)
    assert len(names) == 2 and pager.pages_fetched == 1  # the first page's items, once
    assert "(GET /v2/issuers)" in str(stop.value)


def test_limit_bounds_a_walk_in_items_or_pages(client: Client) -> None:
    for name in ("A", "B", "C", "D", "E"):
        client.issuers.create(name=name, email=ALICE, url="https://a.example")
    everything = client.issuers.list(page_size=2)
    three = everything.limit(3)
    assert len(three.to_list()) == 3 and three.pages_fetched == 2  # no third page fetched
    one_page = everything.limit(max_pages=1)
    assert [len(page) for page in one_page.iter_pages()] == [2]
    assert one_page.pages_fetched == 1
    # whichever bound comes first; the pager it came from is left as it was
    assert len(everything.limit(4, max_pages=1).to_list()) == 2
    assert len(everything.limit(2).to_list()) == 2 and everything.pages_fetched == 0
    assert len(everything.to_list()) >= 5
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="positive int"):
            everything.limit(bad)  # type: ignore[arg-type]


async def test_limit_bounds_an_async_walk_too() -> None:
    with serve(create_app()) as url:
        async with AsyncClient(base_url=url, username=ALICE, password=PASSWORD) as client:
            for name in ("A", "B", "C"):
                await client.issuers.create(name=name, email=ALICE, url="https://a.example")
            pager = client.issuers.list(page_size=1).limit(2)
            assert len(await pager.to_list()) == 2 and pager.pages_fetched == 2


def test_a_connection_error_names_the_path_without_the_query() -> None:
    with (
        Client(base_url="http://127.0.0.1:9", token="t0k3n-value", max_retries=0) as client,
        pytest.raises(errors.APIConnectionError) as failed,
    ):
        client.request("GET", "/v2/issuers", params={"num": 3, "code": "s3cret-code"})
    message = str(failed.value)
    assert "calling GET http://127.0.0.1:9/v2/issuers:" in message
    assert "num=" not in message and "code" not in message and "?" not in message


def test_endless_empty_pages_stop_with_a_clear_error() -> None:
    seen: list[httpx.Request] = []

    def count(request: httpx.Request) -> None:
        seen.append(request)

    with (
        serve(create_app(defects=["empty_pages_forever"])) as url,
        Client(
            base_url=url,
            username=ALICE,
            password=PASSWORD,
            http_client=httpx.Client(event_hooks={"request": [count]}),
        ) as client,
        pytest.raises(errors.ResponseValidationError, match="10 empty pages in a row") as stop,
    ):
        list(client.issuers.list())
    pages = [r for r in seen if r.url.path == "/v2/issuers"]
    assert len(pages) == 10  # stopped within the run, not after 133,850 requests
    assert "GET /v2/issuers" in str(stop.value)
