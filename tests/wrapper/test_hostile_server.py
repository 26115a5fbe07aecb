"""A hostile (or broken) server cannot fill the caller's memory nor hold a call past its
``timeout``: every answer is read within ``max_response_bytes``, counted after decompression,
and within the call's time, over real HTTP.

The server is :mod:`scripts.hostile_server`, not the mock."""

from __future__ import annotations

import pickle
import threading
import zlib
from collections.abc import Iterator

import httpx
import pytest

from badgr import AsyncClient, Client, errors, iter_decoded
from badgr._bounds import COMPRESSED_STEP
from badgr_mock.testing import serve
from scripts.hostile_server import GZIPPED, GZIPPED_RESULT, HITS, STACKED_BOMB, MiB, hostile


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serve(hostile) as base_url:
        yield base_url


@pytest.mark.parametrize("path", ["/v2/bomb", "/v2/stacked", "/v2/endless", "/v2/liar"])
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
        client.request("GET", "/v2/bomb")  # 80 MiB inflated: past the default 16
    assert refused.value.limit == 16 * MiB


async def test_an_honest_compressed_answer_is_read_whole(url: str) -> None:
    assert len(GZIPPED) > 20 * 1024  # decoded in many steps
    with Client(base_url=url, token="t0k3n-value") as client:
        assert client.request("GET", "/v2/gzipped").parse()["result"] == GZIPPED_RESULT
    async with AsyncClient(base_url=url, token="t0k3n-value") as aclient:
        raw = await aclient.request("GET", "/v2/gzipped")
        assert raw.parse()["result"] == GZIPPED_RESULT


@pytest.mark.parametrize("encoding", ["gzip", "gzip, gzip"])
def test_a_bomb_is_counted_a_step_at_a_time_however_it_is_wrapped(encoding: str) -> None:
    """No decoded piece is much larger than a step of compressed input could inflate to
    (deflate's limit is about 1032:1): a bomb in a bomb cannot inflate a millionfold at once."""
    body = STACKED_BOMB if encoding == "gzip, gzip" else zlib.compress(bytes(8 * MiB), 9, 31)
    response = httpx.Response(
        200, headers={"content-encoding": encoding}, stream=httpx.ByteStream(body)
    )
    pieces = [len(piece) for piece in iter_decoded(response)]
    assert max(pieces) <= 1100 * COMPRESSED_STEP
    assert sum(pieces) == (80 if encoding == "gzip, gzip" else 8) * MiB


def test_the_limit_must_be_a_positive_number_of_bytes() -> None:
    with pytest.raises(ValueError, match="max_response_bytes must be a positive int"):
        Client(token="t", max_response_bytes=0)


@pytest.mark.timeout(60)  # a hang guard, not a time limit: broken, the call waits 60 s twice
def test_a_body_trickling_in_cannot_outlast_the_timeout(url: str) -> None:
    # each byte comes well within the read timeout; the whole answer does not come within 1 s
    with (
        Client(base_url=url, token="t0k3n-value", timeout=1) as client,
        pytest.raises(errors.APITimeoutError, match="still arriving") as late,
    ):
        client.request("GET", "/v2/trickle")
    assert late.value.attempts == 1  # a retry would start past the call's timeout


async def test_an_async_call_is_bounded_the_same(url: str) -> None:
    async with AsyncClient(base_url=url, token="t0k3n-value") as client:
        with pytest.raises(errors.APITimeoutError, match="still arriving"):
            await client.with_options(timeout=1).request("GET", "/v2/trickle")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("max_retries", [2, 0])
def test_a_retry_after_past_the_timeout_raises_at_once(url: str, max_retries: int) -> None:
    HITS.clear()
    with (
        Client(base_url=url, token="t0k3n-value", timeout=5, max_retries=max_retries) as client,
        pytest.raises(errors.RateLimitError) as limited,
    ):
        client.request("GET", "/v2/day")
    assert limited.value.retry_after == 86400  # the server's wait, for the caller to plan
    assert limited.value.attempts == 1 and HITS["/v2/day"] == 1


def test_a_pause_past_the_timeout_raises_without_sending(url: str) -> None:
    """A wait the server asked of one call pauses the whole client; a call whose timeout ends
    before the pause does is refused at once instead of waiting past it."""
    HITS.clear()
    with Client(base_url=url, token="t0k3n-value", timeout=10) as client:
        waiting = threading.Thread(target=client.request, args=("GET", "/v2/pause"))
        waiting.start()  # 429, "Retry-After: 3": it waits 3 s, pausing the client
        while not client._executor.pause.remaining():
            waiting.join(0.01)
        with pytest.raises(errors.RateLimitError, match="not sent") as refused:
            client.with_options(timeout=1).request("GET", "/v2/fine")
        waiting.join()
        assert HITS["/v2/fine"] == 0 and HITS["/v2/pause"] == 2  # and the first call went on
        assert 2 < (refused.value.retry_after or 0) <= 3
