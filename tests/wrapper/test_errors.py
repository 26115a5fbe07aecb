"""Errors carry what they are about and survive a pickle round-trip (multiprocessing, queues)."""

from __future__ import annotations

import json
import pickle
from typing import Any

import httpx
import pytest

from badgr import Client, errors
from badgr._bounds import _refuse
from badgr._envelope import error_for

from .conftest import ALICE


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


def test_errors_name_method_path_and_request_id_but_never_the_query() -> None:
    request = httpx.Request("GET", "https://api.example/v2/issuers/abc?code=secret-code")
    raw = httpx.Response(
        404,
        json={"status": {"success": False, "description": "entity not found"}, "result": []},
        headers={"X-Request-ID": "req-123"},
        request=request,
    )
    error = error_for(raw)
    assert (error.method, error.path, error.request_id) == ("GET", "/v2/issuers/abc", "req-123")
    assert "GET /v2/issuers/abc, request id req-123" in str(error)
    assert "secret-code" not in str(error)


@pytest.mark.parametrize(
    "body",
    [
        {  # the mock and hosted Credentials: errorCode plus prose
            "errorCode": "DUPLICATE_AWARD",
            "validationErrors": ["The recipient already has an award (assertion XLrHpq7Zabc)."],
        },
        {"fieldErrors": "Duplicate: this recipient holds assertion XLrHpq7Zabc"},  # a string
        {"fieldErrors": {"recipient": {"existing": {"entityId": "XLrHpq7Zabc"}}}},  # nested
        {"validationErrors": ["duplicate award"], "fieldErrors": {"entityId": ["XLrHpq7Zabc"]}},
    ],
)
def test_existing_entity_id_is_read_from_any_duplicate_shape(body: dict[str, Any]) -> None:
    body = {"status": {"success": False, "description": "bad request"}, **body}
    body.setdefault("validationErrors", ["This recipient already holds this badge class."])
    error = error_for(_response(400, json.dumps(body).encode()))
    assert isinstance(error, errors.BadRequestError)
    assert error.existing_entity_id == "XLrHpq7Zabc"


def test_no_existing_entity_id_on_other_refusals() -> None:
    body = {"status": {"description": "bad"}, "validationErrors": ["assertion already revoked"]}
    assert error_for(_response(400, json.dumps(body).encode())).existing_entity_id is None


def test_base_url_with_the_api_version_is_refused_at_construction() -> None:
    with pytest.raises(
        ValueError, match=r"use 'https://api.badgr.io', not 'https://api.badgr.io/v2'"
    ):
        Client(base_url="https://api.badgr.io/v2/", token="t")


def test_a_server_that_is_not_badgr_is_named_as_such() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(404, text="<h1>Not Found</h1>"))
    client = Client(base_url="https://example.org", token="t", transport=transport)
    with client, pytest.raises(errors.NotFoundError, match="not a Badgr API error envelope"):
        client.users.me()


def test_a_server_error_page_is_named_as_a_server_failure() -> None:
    """badgr-server answers an unhandled error with Django's HTML page: a server failure, not a
    wrong base_url (error_for is the one mapping; unit-tested like the shapes above)."""
    error = error_for(_response(500, b"<h1>Server Error (500)</h1>"))
    assert isinstance(error, errors.ServerError)
    assert "the server failed without a Badgr error envelope" in str(error)
    assert "base_url" not in str(error)


def test_misuse_is_a_value_error_naming_the_allowed_values() -> None:
    client = Client(base_url="http://127.0.0.1:9", token="t")
    with pytest.raises(ValueError, match="page_size must be from 1 to 500, got 1000"):
        client.assertions.list(badgeclass="b", page_size=1000)
    with pytest.raises(ValueError, match="exactly one of badgeclass= or issuer="):
        client.assertions.list(badgeclass="b", issuer="i")


def test_a_body_over_the_servers_limit_is_a_typed_413(client: Client) -> None:
    """The mock refuses a body over 4 MiB (the spec's PayloadTooLarge) before reading it."""
    with pytest.raises(errors.PayloadTooLargeError) as refused:
        client.issuers.create(name="x" * (5 * 1024 * 1024), email=ALICE, url="https://a.example")
    assert refused.value.status_code == 413
    assert "too large" in str(refused.value)
    assert isinstance(refused.value, errors.APIError)


SECRETS = (
    "t0k3n-SECRET-1",
    "hunter2-SECRET-2",
    "sess-SECRET-3",
    "code-SECRET-4",
    "key-SECRET-5",
)


def _with_secrets() -> list[errors.BadgrError]:
    """Every error class, built around requests and answers that carry credentials."""
    api = httpx.Request(
        "GET",
        "https://api.example/v2/issuers?code=code-SECRET-4",
        headers={
            "Authorization": "Bearer t0k3n-SECRET-1",
            "Cookie": "sessionid=sess-SECRET-3",
            "X-API-Key": "key-SECRET-5",  # a caller's own http_client may add one
        },
    )
    grant = httpx.Request(
        "POST",
        "https://api.example/o/token",
        data={"grant_type": "password", "username": "u", "password": "hunter2-SECRET-2"},
    )
    body = b'{"status":{"success":false,"description":"no"},"result":[]}'
    token_body = b'{"access_token": "t0k3n-SECRET-1", "token_type": "Bearer"}'
    answers = [
        httpx.Response(status, content=body, request=api, headers={"Set-Cookie": "s=sess-SECRET-3"})
        for status in (400, 401, 404, 413, 429, 500)
    ]
    return [
        *(error_for(answer) for answer in answers),
        error_for(httpx.Response(401, json={"error": "invalid_grant"}, request=grant)),
        errors.APIConnectionError("reset", request=api),
        errors.APITimeoutError("slow", request=grant),
        errors.ResponseValidationError(
            "unreadable token",
            status_code=200,
            body=token_body,
            response=httpx.Response(200, content=token_body, request=grant),
        ),
        errors.UnsupportedOperationError("pathways.list", operation="list", server="badgr-server"),
        _refuse(httpx.Response(200, content=token_body, request=api), limit=10),
    ]


@pytest.mark.parametrize("error", _with_secrets(), ids=lambda e: type(e).__name__)
def test_no_credential_in_any_form_of_an_error(error: errors.BadgrError) -> None:
    forms = [pickle.dumps(error), repr(error).encode(), str(error).encode()]
    for secret in SECRETS:
        assert all(secret.encode() not in form for form in forms), (secret, type(error))
    copy = pickle.loads(forms[0])
    assert str(copy) == str(error)
    kept = getattr(copy, "response", None) or getattr(copy, "request", None)
    if kept is not None:  # still says what it was about
        request = kept.request if isinstance(kept, httpx.Response) else kept
        assert request.url.path in {"/v2/issuers", "/o/token"}


def test_every_error_class_is_checked_for_credentials() -> None:
    checked = {type(error) for error in _with_secrets()}
    classes = {
        cls
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.BadgrError)
    }
    # the bases are never raised as such
    assert classes - checked - {errors.BadgrError, errors.APIError} == set()
