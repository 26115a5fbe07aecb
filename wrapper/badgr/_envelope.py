"""The one place where a generated ``Response`` becomes a value or an exception.

Every call of the SDK ends in :func:`unwrap`: a 2xx envelope gives its ``result`` (one entity,
a list, or nothing), any other status is turned into an exception by :func:`error_for`, the
single status → class mapping. Error bodies are read from the raw JSON, so any shape of
``fieldErrors`` a server sends survives, and non-JSON bodies (a proxy's HTML 502) still map.
"""

from __future__ import annotations

import email.utils
import json
import re
import time
from typing import Any, Literal

import httpx

from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)

__all__ = ["Shape", "error_for", "request_id_of", "retry_after_seconds", "token_error", "unwrap"]

#: How a call's ``result`` is returned: ``one`` entity, the ``list``, ``none`` (204 etc.), or
#: the decoded ``body`` as it is (``client.request``: no envelope expected).
Shape = Literal["one", "list", "none", "body"]

_STATUS_CLASSES: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    413: PayloadTooLargeError,
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


#: An error answer with none of these keys did not come from a Badgr API.
_ENVELOPE_KEYS = frozenset({"status", "error", "fieldErrors", "validationErrors", "detail"})
NOT_BADGR_HINT = (
    "the answer is not a Badgr API error envelope: is base_url the API host (such as"
    " https://api.badgr.io), or is a proxy in the way?"
)
#: A 5xx without an envelope: Badgr servers answer an unhandled error with an HTML page.
SERVER_FAILED_HINT = (
    "the server failed without a Badgr error envelope (an unhandled error on the server, or a"
    " proxy or gateway in front of it)"
)
#: The server's request id header, named in every error so support can find the request.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "cf-ray")
#: Keys under which a server may name the entity a duplicate refers to.
_EXISTING_KEYS = frozenset({"entityId", "entity_id", "existing", "existingEntityId", "assertion"})
_ENTITY_ID = r"[A-Za-z0-9_-]{6,}"
#: in prose an id must look like one (a digit, or 16+ characters), not like the next word
_PROSE_ID = r"(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{6,}|[A-Za-z0-9_-]{16,}"
#: "… (assertion XLrHpq…)", "existing assertion: XLrHpq…", "entityId XLrHpq…"
_ID_IN_PROSE = re.compile(rf"\b(?:assertion|entityId|entity id)\b[\s:=\"'(]*({_PROSE_ID})")
_DUPLICATE_WORDS = re.compile(r"duplicate|already (?:has|holds|awarded|issued)", re.IGNORECASE)


def _strings(value: Any, key: str | None = None) -> list[tuple[str | None, str]]:
    """Every string in a JSON value with the key it sits under (nested fieldErrors too)."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _strings(v, str(k))]
    if isinstance(value, list):
        return [pair for item in value for pair in _strings(item, key)]
    return []


def existing_entity_id(body: Any) -> str | None:
    """The entity a refused duplicate points at, from whichever shape the server used:
    ``errorCode: DUPLICATE_AWARD`` or duplicate prose, with the id under an id-like key of
    ``fieldErrors`` or in ``validationErrors`` / ``fieldErrors`` / description prose."""
    if not isinstance(body, dict):
        return None
    strings = _strings({k: body.get(k) for k in ("fieldErrors", "validationErrors", "status")})
    strings += _strings(body.get("nonFieldErrors"))
    duplicate = body.get("errorCode") == "DUPLICATE_AWARD" or any(
        _DUPLICATE_WORDS.search(text) for _, text in strings
    )
    if not duplicate:
        return None
    for key, text in strings:
        if key in _EXISTING_KEYS and re.fullmatch(_ENTITY_ID, text):
            return text
    for _, text in strings:
        found = _ID_IN_PROSE.search(text)
        if found:
            return found.group(1)
    return None


def request_id_of(headers: httpx.Headers) -> str | None:
    """The server's request id, from the first :data:`REQUEST_ID_HEADERS` header it sent."""
    return next((headers[h] for h in REQUEST_ID_HEADERS if h in headers), None)


def _request_facts(raw: httpx.Response) -> dict[str, str | None]:
    """Method, path (never the query: it may hold secrets) and the server's request id."""
    request_id = request_id_of(raw.headers)
    try:
        request = raw.request
    except RuntimeError:  # a response built without its request
        return {"method": None, "path": None, "request_id": request_id}
    return {"method": request.method, "path": request.url.path, "request_id": request_id}


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
            "existing_entity_id": existing_entity_id(body) if status == 400 else None,
        }
    fields.update(_request_facts(raw))
    if not description:
        description = raw.reason_phrase or "error"
    if not (isinstance(body, dict) and _ENVELOPE_KEYS & body.keys()):
        fields["note"] = SERVER_FAILED_HINT if status >= 500 else NOT_BADGR_HINT
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
        method=error.method,
        path=error.path,
        request_id=error.request_id,
        note=error.note,
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
    if shape == "body":
        return parsed
    if parse_error is not None:
        raise _invalid(
            raw, f"response body does not match the API description: {parse_error!r}"
        ) from parse_error
    result = getattr(parsed, "result", None)
    envelope_status = getattr(parsed, "status", None)
    if getattr(envelope_status, "success", True) is False:
        raise error_for(raw)
    if not isinstance(result, list):
        raise _invalid(raw, f"response envelope has no 'result' list; {NOT_BADGR_HINT}")
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
