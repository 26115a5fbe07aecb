"""Errors carry what they are about and survive a pickle round-trip (multiprocessing, queues)."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest

from badgr import Client, errors
from badgr._envelope import error_for


def _response(status: int, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    request = httpx.Request("GET", "https://api.example/v2/issuers/abc")
    return httpx.Response(status, content=body, headers=headers, request=request)


def _every_error() -> list[errors.BadgrError]:
    envelope = (
        b'{"status":{"success":false,"description":"bad"},"fieldErrors":{"name":["x"]},'
        b'"validationErrors":["v"],"errorCode":"DUPLICATE_AWARD"}'
    )
    request = httpx.Request("POST", "https://api.example/v2/issuers")
    return [
        errors.BadgrError("plain"),
        error_for(_response(400, envelope)),
        error_for(_response(401, envelope)),
        error_for(_response(404, envelope)),
        error_for(_response(429, envelope, {"Retry-After": "3"})),
        error_for(_response(503, b"<html>proxy</html>")),
        errors.APIError(418, "teapot", field_errors="a string"),
        errors.APIConnectionError("reset", request=request),
        errors.APITimeoutError("slow", request=request),
        errors.ResponseValidationError(
            "no result", status_code=200, body=b"{}", response=_response(200, b"{}")
        ),
    ]


@pytest.mark.parametrize("error", _every_error(), ids=lambda e: type(e).__name__)
def test_every_error_survives_pickle(error: errors.BadgrError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    original, restored = dict(vars(error)), dict(vars(copy))
    response: Any = original.pop("response", None)
    request: Any = original.pop("request", None)
    if response is not None:
        assert restored["response"].status_code == response.status_code
        assert restored["response"].content == response.content
    if request is not None:
        assert restored["request"].url == request.url
    assert {k: v for k, v in restored.items() if k not in {"response", "request"}} == original


def test_rate_limit_error_keeps_retry_after_through_pickle() -> None:
    error = error_for(_response(429, b"{}", {"Retry-After": "7"}))
    assert isinstance(error, errors.RateLimitError)
    copy = pickle.loads(pickle.dumps(error))
    assert copy.retry_after == 7.0 and copy.status_code == 429


def test_connection_error_carries_its_request() -> None:
    client = Client(base_url="http://127.0.0.1:9", token="secret-token", max_retries=0)
    with client, pytest.raises(errors.APIConnectionError) as caught:
        client.users.me()
    request = caught.value.request
    assert request is not None
    assert request.method == "GET" and request.url.path == "/v2/users/self"
    assert "secret-token" not in str(caught.value)
