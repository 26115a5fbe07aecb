"""The one place where a generated ``Response`` becomes a value or an exception.

Every call of the SDK ends in :func:`unwrap`: a 2xx envelope gives its ``result`` (one entity,
a list, or nothing), any other status is turned into an exception by :func:`error_for`, the
single status → class mapping. Error bodies are read from the raw JSON, so any shape of
``fieldErrors`` a server sends survives, and non-JSON bodies (a proxy's HTML 502) still map.
"""

from __future__ import annotations

import email.utils
import json
import time
from typing import Any, Literal

import httpx

from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)

__all__ = ["Shape", "error_for", "retry_after_seconds", "token_error", "unwrap"]

#: How a call's ``result`` is returned: ``one`` entity, the ``list``, or ``none`` (204 etc.).
Shape = Literal["one", "list", "none"]

_STATUS_CLASSES: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    429: RateLimitError,
}


def retry_after_seconds(headers: httpx.Headers, body: Any = None) -> float | None:
    """``Retry-After`` as seconds (delta or HTTP date); falls back to an ``expires`` body field
    (badgr-server's login throttle sends ``{"error": …, "expires": seconds}``)."""
    value = headers.get("retry-after")
    if value:
        value = value.strip()
        try:
            return max(0.0, float(value))
        except ValueError:
            parsed = email.utils.parsedate_to_datetime(value) if value else None
            if parsed is not None:
                return max(0.0, parsed.timestamp() - time.time())
    if isinstance(body, dict) and isinstance(body.get("expires"), int | float):
        return float(body["expires"])
    return None


def _json_body(raw: httpx.Response) -> Any:
    try:
        return json.loads(raw.content) if raw.content else None
    except ValueError:
        return None


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [v if isinstance(v, str) else json.dumps(v) for v in value]
    return [value if isinstance(value, str) else json.dumps(value)]


def error_for(raw: httpx.Response) -> APIError:
    """Build the exception for a non-2xx response (the single status → class mapping)."""
    status = raw.status_code
    body = _json_body(raw)
    description = ""
    fields: dict[str, Any] = {}
    if isinstance(body, dict):
        envelope_status = body.get("status")
        if isinstance(envelope_status, dict):
            description = str(envelope_status.get("description") or "")
        # OAuth / plain-JSON errors: {"error": "...", "error_description": "..."}
        if not description and isinstance(body.get("error_description"), str):
            description = body["error_description"]
        if not description and isinstance(body.get("error"), str):
            description = body["error"]
        error_code = body.get("errorCode")
        if error_code is None and isinstance(body.get("error"), str):
            error_code = body["error"]
        fields = {
            "field_errors": body.get("fieldErrors"),
            "validation_errors": _str_list(body.get("validationErrors")),
            "non_field_errors": _str_list(body.get("nonFieldErrors")),
            "error_code": None if error_code is None else str(error_code),
        }
    if not description:
        description = raw.reason_phrase or "error"
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else APIError
    if cls is RateLimitError:
        return RateLimitError(
            status,
            description,
            retry_after=retry_after_seconds(raw.headers, body),
            response=raw,
            **fields,
        )
    return cls(status, description, response=raw, **fields)


def token_error(raw: httpx.Response) -> APIError:
    """A refused token grant: 429 stays a :class:`RateLimitError` (login throttle), anything else
    (``invalid_grant``, ``invalid_client``, ``invalid scope requested`` — sent as 400 by Badgr)
    is an :class:`AuthenticationError` carrying the server's status and ``error`` code."""
    error = error_for(raw)
    if isinstance(error, RateLimitError | AuthenticationError | ServerError):
        return error
    return AuthenticationError(
        error.status_code,
        error.description,
        field_errors=error.field_errors,
        validation_errors=error.validation_errors,
        non_field_errors=error.non_field_errors,
        error_code=error.error_code,
        response=raw,
    )


def _invalid(raw: httpx.Response, message: str) -> ResponseValidationError:
    return ResponseValidationError(
        message, status_code=raw.status_code, body=raw.content, response=raw
    )


def unwrap(
    raw: httpx.Response,
    parsed: Any,
    parse_error: BaseException | None,
    *,
    shape: Shape,
    item_type: type[Any] | None,
) -> Any:
    """Return the entity / list / ``None`` of a response, or raise the matching error.

    ``parsed`` is what the generated parser produced (``None`` when it raised, in which case
    ``parse_error`` is set, or when the status is undocumented).
    """
    if not 200 <= raw.status_code < 300:
        raise error_for(raw)
    if shape == "none":
        return None
    if parse_error is not None:
        raise _invalid(
            raw, f"response body does not match the API description: {parse_error!r}"
        ) from parse_error
    result = getattr(parsed, "result", None)
    envelope_status = getattr(parsed, "status", None)
    if getattr(envelope_status, "success", True) is False:
        raise error_for(raw)
    if not isinstance(result, list):
        raise _invalid(raw, "response envelope has no 'result' list")
    if item_type is not None:
        for item in result:
            if not isinstance(item, item_type):
                raise _invalid(
                    raw, f"envelope 'result' holds {type(item).__name__}, not {item_type.__name__}"
                )
    if shape == "list":
        return result
    if not result:
        raise _invalid(raw, "envelope 'result' is empty where one entity was expected")
    return result[0]
