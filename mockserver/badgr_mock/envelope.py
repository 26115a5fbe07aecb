"""The response envelope, the errors handlers raise and fast JSON encoding."""

from __future__ import annotations

import json
from typing import Any

import orjson
from starlette.responses import Response

BAD_REQUEST = "bad request"
NO_TOKEN = "no valid auth token found"
NOT_FOUND = "entity not found or insufficient privileges"
MISCELLANEOUS = "miscellaneous error"


def dump_json(value: Any) -> bytes:
    """Compact UTF-8 JSON. orjson (encoding is much of the cost of serving a page of entities),
    with the stdlib for what orjson refuses: integers beyond 64 bits that a client stored."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class JSONBytesResponse(Response):
    media_type = "application/json"


class ErrorReply(Exception):
    """An error answer in the envelope. Handlers raise it; the transaction is rolled back."""

    def __init__(
        self,
        status: int,
        description: str,
        *,
        field_errors: Any = None,
        validation_errors: list[str] | None = None,
        error_code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.field_errors = {} if field_errors is None else field_errors
        self.validation_errors = validation_errors or []
        self.error_code = error_code
        self.headers = headers or {}

    def body(self, timestamp: str | None) -> dict[str, Any]:
        """The error envelope; without a ``timestamp``, the old server's (no ``timestamp``,
        no ``nonFieldErrors``)."""
        body: dict[str, Any] = {
            "status": {"success": False, "description": self.description},
            "result": [],
        }
        if timestamp is not None:
            body["timestamp"] = timestamp
        body["fieldErrors"] = self.field_errors
        body["validationErrors"] = self.validation_errors
        if timestamp is not None:
            body["nonFieldErrors"] = []
        if self.error_code is not None:
            body["errorCode"] = self.error_code
        return body


#: the error codes of RFC 6749 §5.2 and §4.1.2.1, and RFC 7009's
RFC_6749_ERRORS = frozenset(
    {
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
        "access_denied",
        "unsupported_response_type",
        "server_error",
        "temporarily_unavailable",
        "unsupported_token_type",
    }
)


class OAuthError(Exception):
    """A token-endpoint error: plain OAuth JSON, not the envelope. ``keeps_writes``: the
    request's writes are committed all the same (a refused replay revokes tokens)."""

    def __init__(
        self,
        status: int,
        error: str,
        description: str | None = None,
        *,
        expires: int | None = None,
        headers: dict[str, str] | None = None,
        keeps_writes: bool = False,
    ) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.description = description
        self.expires = expires
        self.headers = headers or {}
        self.keeps_writes = keeps_writes

    @property
    def standard(self) -> bool:
        """An RFC 6749 error code, as the OAuth library answers (JSON on every server); else one
        of the server's own refusals (``invalid client_id``: badgr-server labels them
        ``text/html``)."""
        return self.error in RFC_6749_ERRORS

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"error": self.error}
        if self.description is not None:
            body["error_description"] = self.description
        if self.expires is not None:
            body["expires"] = self.expires
        return body


def bad_request(
    field_errors: Any = None,
    *,
    validation_errors: list[str] | None = None,
    error_code: str | None = None,
) -> ErrorReply:
    return ErrorReply(
        400,
        BAD_REQUEST,
        field_errors=field_errors,
        validation_errors=validation_errors,
        error_code=error_code,
    )


def not_found() -> ErrorReply:
    return ErrorReply(404, NOT_FOUND)


def unauthorized() -> ErrorReply:
    return ErrorReply(401, NO_TOKEN)


def success_body(
    result: list[Any], timestamp: str | None, description: str = "ok"
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "status": {"success": True, "description": description},
        "result": result,
    }
    if timestamp is not None:
        body["timestamp"] = timestamp
    return body
