"""The single status -> exception mapping and the envelope unwrap (pure functions on responses)."""

from __future__ import annotations

import email.utils
import time
from typing import Any

import httpx
import pytest

from badgr import errors
from badgr._envelope import error_for, retry_after_seconds, token_error, unwrap
from badgr_api.models.issuer import Issuer


def _response(
    status: int, body: Any = None, *, text: str | None = None, **headers: str
) -> httpx.Response:
    request = httpx.Request("GET", "http://127.0.0.1/v2/issuers")
    if text is not None:
        return httpx.Response(status, text=text, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


def _envelope(description: str, **extra: Any) -> dict[str, Any]:
    return {"status": {"success": False, "description": description}, "result": [], **extra}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (404, errors.NotFoundError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (503, errors.ServerError),
        (405, errors.APIError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[errors.APIError]) -> None:
    error = error_for(_response(status, _envelope("bad")))
    assert type(error) is cls
    assert isinstance(error, errors.APIError)
    assert isinstance(error, errors.BadgrError)
    assert error.status_code == status
    assert error.description == "bad"
    assert error.response is not None


@pytest.mark.parametrize(
    "field_errors",
    [
        {"email": ["Enter a valid email address."]},
        {"recipient": {"non_field_errors": ["Enter a valid email address."]}},
        {"revocation_reason": "This field is required"},
        [{}, {"recipient": {"identity": ["bad"]}}],
        'Method "PATCH" not allowed.',
    ],
)
def test_field_errors_of_any_shape_are_kept(field_errors: Any) -> None:
    error = error_for(_response(400, _envelope("bad request", fieldErrors=field_errors)))
    assert error.field_errors == field_errors
    assert "bad request" in str(error)


def test_validation_and_non_field_errors_and_code() -> None:
    body = _envelope(
        "bad request",
        validationErrors=["Assertion is already revoked"],
        nonFieldErrors=["nope"],
        errorCode="ALREADY_REVOKED",
    )
    error = error_for(_response(400, body))
    assert error.validation_errors == ["Assertion is already revoked"]
    assert error.non_field_errors == ["nope"]
    assert error.error_code == "ALREADY_REVOKED"
    assert "ALREADY_REVOKED" in str(error)


def test_not_found_says_it_may_mean_forbidden() -> None:
    error = error_for(_response(404, _envelope("entity not found or insufficient privileges")))
    assert isinstance(error, errors.NotFoundError)
    assert "privileges" in str(error)


def test_non_json_error_body_still_maps() -> None:
    error = error_for(_response(502, text="<html>Bad gateway</html>"))
    assert isinstance(error, errors.ServerError)
    assert error.description == "Bad Gateway"


def test_rate_limit_retry_after_seconds_and_date() -> None:
    error = error_for(_response(429, _envelope("slow down"), **{"Retry-After": "7"}))
    assert isinstance(error, errors.RateLimitError)
    assert error.retry_after == 7.0
    date = email.utils.formatdate(time.time() + 30, usegmt=True)
    seconds = retry_after_seconds(httpx.Headers({"Retry-After": date}))
    assert seconds is not None and 20 <= seconds <= 31
    # badgr-server's login throttle: {"error": "login attempts throttled", "expires": 2}
    throttle = token_error(_response(429, {"error": "login attempts throttled", "expires": 2}))
    assert isinstance(throttle, errors.RateLimitError)
    assert throttle.retry_after == 2.0


def test_refused_grant_is_an_authentication_error() -> None:
    error = token_error(
        _response(
            400, {"error": "invalid_grant", "error_description": "Invalid credentials given."}
        )
    )
    assert isinstance(error, errors.AuthenticationError)
    assert error.status_code == 400
    assert error.error_code == "invalid_grant"
    assert error.description == "Invalid credentials given."


def test_unwrap_rejects_a_2xx_that_does_not_parse() -> None:
    raw = _response(200, {"status": {"success": True}, "result": [{"name": "no ids"}]})
    with pytest.raises(errors.ResponseValidationError) as info:
        unwrap(raw, None, KeyError("entityId"), shape="one", item_type=Issuer)
    assert info.value.body == raw.content
    assert info.value.status_code == 200


def test_unwrap_rejects_an_empty_result_for_one_entity() -> None:
    from badgr_api.models.issuer_envelope import IssuerEnvelope

    parsed = IssuerEnvelope.from_dict({"status": {"success": True}, "result": []})
    with pytest.raises(errors.ResponseValidationError, match="empty"):
        unwrap(_response(200, {}), parsed, None, shape="one", item_type=Issuer)


def test_unwrap_none_shape_ignores_body() -> None:
    assert unwrap(_response(204, None), None, None, shape="none", item_type=None) is None
