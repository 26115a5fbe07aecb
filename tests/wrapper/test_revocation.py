"""``client.oauth.revoke()``: the login's tokens revoked where the server offers it (badgr-server's
RFC 7009 endpoint), over real HTTP; elsewhere an error, the token kept, nothing leaked."""

from __future__ import annotations

import logging
import pickle
from typing import Any

import httpx
import pytest

from badgr import AsyncClient, Client, Token, errors
from badgr_mock.app import create_app
from badgr_mock.testing import free_port, serve
from tests.contract import AsyncSpecCheckingTransport, SpecCheckingTransport, Tally

from .conftest import ALICE, PASSWORD, SPECS


def _pair(base_url: str) -> Token:
    with Client(base_url=base_url, username=ALICE, password=PASSWORD) as login:
        return login.oauth.login()


def _works(base_url: str, token: Token) -> bool:
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/json"}
    status = httpx.get(f"{base_url}/v2/users/self", headers=headers).status_code
    assert status in (200, 401)
    return status == 200


def _refreshes(base_url: str, token: Token) -> bool:
    form = {"grant_type": "refresh_token", "refresh_token": token.refresh_token or ""}
    return httpx.post(f"{base_url}/o/token", data=form).status_code == 200


def _leaks(token: Token, *texts: str | bytes) -> bool:
    secrets = (token.access_token, token.refresh_token or "-")
    return any(
        secret in (text if isinstance(text, str) else text.decode("latin-1"))
        for text in texts
        for secret in secrets
    )


def test_revoke_kills_the_pair_and_the_client_forgets_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with serve(create_app(server="badgr-server")) as url:
        pair, tally = _pair(url), Tally(spec=SPECS["badgr-server"])
        transport = SpecCheckingTransport(tally=tally)
        caplog.set_level(logging.DEBUG, logger="badgr")
        with Client(base_url=url, token=pair, server="badgr-server", transport=transport) as client:
            client.oauth.revoke()
            assert client.token is None
            with pytest.raises(errors.AuthenticationError, match="no credentials"):
                client.users.me()  # nothing left to send
        assert not _works(url, pair) and not _refreshes(url, pair)
        assert tally.failures == [] and tally.checked >= 2  # both answers as the spec says
        assert not _leaks(pair, caplog.text)
        assert "token revocation: refresh_token" in caplog.text

        with Client(base_url=url, username=ALICE, password=PASSWORD, server="badgr-server") as pw:
            first = pw.oauth.login()
            pw.oauth.revoke()
            assert pw.users.me().emails  # a client with a password logs in again
            assert pw.token is not None and pw.token.access_token != first.access_token


async def test_revoke_on_the_async_client() -> None:
    app = create_app(server="badgr-server")
    with serve(app) as url:
        pair, tally = _pair(url), Tally(spec=SPECS["badgr-server"])
        transport = AsyncSpecCheckingTransport(httpx.AsyncHTTPTransport(), tally=tally)
        async with AsyncClient(
            base_url=url, token=pair, server="badgr-server", transport=transport
        ) as client:
            await client.oauth.revoke()
            assert client.token is None
        assert not _works(url, pair) and tally.failures == []


def _never_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"sent {request.method} {request.url}")


def test_the_documented_api_has_no_revocation_and_nothing_is_sent() -> None:
    token = Token("an-access-token", refresh_token="a-refresh-token")
    with Client(
        base_url="https://api.test.example",
        token=token,
        server="documented",
        transport=httpx.MockTransport(_never_sent),
    ) as client:
        with pytest.raises(errors.UnsupportedOperationError, match="only a badgr-server"):
            client.oauth.revoke()
        assert client.token == token


@pytest.mark.parametrize("where", ["no route", "unreachable"])
def test_a_failed_revocation_raises_keeps_the_token_and_leaks_nothing(where: str) -> None:
    options: dict[str, Any] = {"server": "badgr-server", "max_retries": 0, "timeout": 5}
    if where == "unreachable":
        url = f"http://127.0.0.1:{free_port()}"
        token = Token("an-access-token-1234", refresh_token="a-refresh-token-5678")
        with Client(base_url=url, token=token, **options) as client:
            with pytest.raises(errors.APIConnectionError) as raised:
                client.oauth.revoke()
            assert client.token == token
        error: Exception = raised.value
    else:
        with serve(create_app(server="documented")) as url:  # a server without the route
            token = _pair(url)
            with Client(base_url=url, token=token, **options) as client:
                with pytest.raises(errors.NotFoundError, match="POST /o/revoke_token/") as found:
                    client.oauth.revoke()
                assert client.token == token
            assert _works(url, token)
        error = found.value
    assert not _leaks(token, str(error), repr(error), pickle.dumps(error))
