"""A hostile (or broken) server cannot fill the caller's memory: every answer is read within
``max_response_bytes``, counted after decompression, over real HTTP.

The server here is a few lines of ASGI, not the mock: it does what no Credentials server
should (a gzip bomb, an endless body, a false ``Content-Length``)."""

from __future__ import annotations

import asyncio
import pickle
import zlib
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

from badgr import AsyncClient, Client, errors
from badgr_mock.testing import serve

MiB = 1024 * 1024
Send = Callable[[dict[str, Any]], Awaitable[None]]


def _gzip_bomb(inflated: int) -> bytes:
    """``inflated`` bytes of zeros, gzip-compressed (about a thousandth of the size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header
    block = bytes(MiB)
    return b"".join(packer.compress(block) for _ in range(inflated // MiB)) + packer.flush()


BOMB = _gzip_bomb(80 * MiB)


async def hostile(scope: dict[str, Any], receive: Any, send: Send) -> None:
    """``/bomb``: 80 MiB of zeros in an 80 KiB gzip body; ``/endless``: a chunked body that
    never ends; ``/liar``: a ``Content-Length`` of 10 GiB."""
    assert scope["type"] == "http"
    path = scope["path"]
    headers = [(b"content-type", b"application/json")]
    if path == "/v2/bomb":
        headers += [(b"content-encoding", b"gzip"), (b"content-length", str(len(BOMB)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": BOMB})
    elif path == "/v2/endless":  # endless for the client: it hangs up long before the end
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for _ in range(1024):
            await send({"type": "http.response.body", "body": bytes(64 * 1024), "more_body": True})
            await asyncio.sleep(0)
        await send({"type": "http.response.body", "body": b""})
    else:
        headers += [(b"content-length", str(10 * 1024 * MiB).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"{}"})  # the server cuts it short


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serve(hostile) as base_url:
        yield base_url


@pytest.mark.parametrize("path", ["/v2/bomb", "/v2/endless", "/v2/liar"])
def test_an_answer_past_the_limit_is_refused_not_read(url: str, path: str) -> None:
    with (
        Client(base_url=url, token="t0k3n-value", max_response_bytes=MiB) as client,
        pytest.raises(errors.ResponseTooLargeError) as refused,
    ):
        client.request("GET", path)
    error = refused.value
    assert (error.status_code, error.limit, error.method, error.path) == (200, MiB, "GET", path)
    assert f"GET {path} (HTTP 200) is larger than max_response_bytes ({MiB} bytes)" in str(error)
    assert "t0k3n-value" not in repr(pickle.loads(pickle.dumps(error)))


async def test_the_async_client_and_with_options_bound_it_too(url: str) -> None:
    async with AsyncClient(base_url=url, token="t0k3n-value") as client:
        bounded = client.with_options(max_response_bytes=MiB)
        with pytest.raises(errors.ResponseTooLargeError):
            await bounded.request("GET", "/v2/bomb")
        with pytest.raises(errors.ResponseTooLargeError):
            await bounded.request("GET", "/v2/endless")


def test_the_default_limit_bounds_the_bomb(url: str) -> None:
    with (
        Client(base_url=url, token="t0k3n-value") as client,
        pytest.raises(errors.ResponseTooLargeError) as refused,
    ):
        client.request("GET", "/v2/bomb")  # 80 MiB inflated: past the default 64
    assert refused.value.limit == 64 * MiB


def test_the_limit_must_be_a_positive_number_of_bytes() -> None:
    with pytest.raises(ValueError, match="max_response_bytes must be a positive int"):
        Client(token="t", max_response_bytes=0)
