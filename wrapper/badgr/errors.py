"""Exception hierarchy of the SDK, importable as ``badgr.errors``.

::

    BadgrError(attempts)
    ├── APIError(status_code, description, field_errors, validation_errors,
    │   │        non_field_errors, error_code, existing_entity_id,
    │   │        method, path, request_id, response)
    │   ├── BadRequestError        400
    │   ├── AuthenticationError    401 (and a refused token grant)
    │   ├── NotFoundError          404: also what Badgr answers when you lack the privileges
    │   ├── PayloadTooLargeError   413: the body is over the server's size limit
    │   ├── RateLimitError         429, with ``retry_after`` in seconds
    │   └── ServerError            5xx
    ├── APIConnectionError         the server could not be reached or dropped the connection
    │   └── APITimeoutError        no answer within the timeout
    ├── ResponseValidationError    a 2xx body that does not match the API description
    ├── ResponseTooLargeError      an answer over ``max_response_bytes``: not read further
    └── UnsupportedOperationError  the client's kind of server lacks the operation (not sent)

Messages never contain credentials: they are built only from the status, the server's
``description`` and error lists, never from request headers or bodies.

Every error pickles (for multiprocessing and task queues): :meth:`BadgrError.__reduce__`
rebuilds it from its message and attributes without calling ``__init__`` again. The pickled
form holds no credential: its request keeps no ``Authorization``/``Cookie`` header, no body and
no secret query value; its response no ``Set-Cookie``, and bodies are redacted.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._logging import CREDENTIAL_HEADERS, redact, redact_url

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BadgrError",
    "NotFoundError",
    "PayloadTooLargeError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "UnsupportedOperationError",
]

_MAX_DETAIL = 500


#: request headers that carry credentials; left out of what an error keeps when pickled
def _kept_request(request: httpx.Request) -> httpx.Request:
    """``request`` as a pickled error keeps it: method, URL with secret query values
    redacted, headers without credentials, no body (a token request's holds the password)."""
    headers = [(k, v) for k, v in request.headers.items() if k.lower() not in CREDENTIAL_HEADERS]
    return httpx.Request(request.method, redact_url(request.url), headers=headers)


def _redacted(body: bytes) -> bytes:
    """A body with anything shaped like a credential redacted."""
    return redact(body.decode("utf-8", "replace")).encode("utf-8")


def _kept_response(response: httpx.Response) -> httpx.Response:
    """``response`` as a pickled error keeps it: status, headers without ``Set-Cookie``, the
    body with anything shaped like a credential redacted, and the kept request."""
    try:
        request: httpx.Request | None = _kept_request(response.request)
    except RuntimeError:  # a response built without its request
        request = None
    headers = [(k, v) for k, v in response.headers.items() if k.lower() != "set-cookie"]
    try:
        body = _redacted(response.content)
    except httpx.ResponseNotRead:
        body = b""
    kept = httpx.Response(response.status_code, headers=headers, content=body, request=request)
    kept.headers["content-length"] = str(len(body))  # the body may have shrunk or grown
    return kept


def _restore(cls: type[BadgrError], args: tuple[Any, ...]) -> BadgrError:
    error = cls.__new__(cls)
    error.args = args
    return error


class BadgrError(Exception):
    """Base class of every error raised by the SDK."""

    #: how many attempts the failed call made (retries included)
    attempts: int = 1

    def __reduce__(self) -> tuple[Any, ...]:
        # the subclasses' __init__ take keyword-only arguments that ``args`` does not hold;
        # what crosses a process or lands in a queue holds no credential
        state = dict(self.__dict__)
        if isinstance(state.get("request"), httpx.Request):
            state["request"] = _kept_request(state["request"])
        if isinstance(state.get("response"), httpx.Response):
            state["response"] = _kept_response(state["response"])
        if isinstance(state.get("body"), bytes):
            state["body"] = _redacted(state["body"])
        return (_restore, (type(self), self.args), state)


class APIError(BadgrError):
    """The server answered with an error status.

    ``field_errors`` is kept exactly as the server sent it: usually ``{field: [messages]}``, but
    real servers also send a bare string, nested objects, or one object per item of a batch.
    ``existing_entity_id`` is the entity a refused duplicate award points at (whichever shape
    the server reported it in). ``method``, ``path`` (never the query) and ``request_id`` (the
    server's ``X-Request-ID`` header, when sent) say which request failed.
    """

    status_code: int
    description: str
    field_errors: Any
    validation_errors: list[str]
    non_field_errors: list[str]
    error_code: str | None
    existing_entity_id: str | None
    method: str | None
    path: str | None
    request_id: str | None
    response: httpx.Response | None

    def __init__(
        self,
        status_code: int,
        description: str,
        *,
        field_errors: Any = None,
        validation_errors: list[str] | None = None,
        non_field_errors: list[str] | None = None,
        error_code: str | None = None,
        existing_entity_id: str | None = None,
        method: str | None = None,
        path: str | None = None,
        request_id: str | None = None,
        note: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.status_code = status_code
        self.description = description
        self.field_errors = field_errors
        self.validation_errors = list(validation_errors or [])
        self.non_field_errors = list(non_field_errors or [])
        self.error_code = error_code
        self.existing_entity_id = existing_entity_id
        self.method = method
        self.path = path
        self.request_id = request_id
        #: the SDK's own remark (e.g. that the answer did not come from a Badgr API)
        self.note = note
        self.response = response
        super().__init__(self._message())

    def _message(self) -> str:
        parts = [f"{self.status_code} {self.description}".strip()]
        where = " ".join(part for part in (self.method, self.path) if part)
        if self.request_id:
            where = f"{where}, request id {self.request_id}".lstrip(", ")
        if where:
            parts[0] += f" ({where})"
        if self.error_code:
            parts.append(f"errorCode={self.error_code}")
        if self.existing_entity_id:
            parts.append(f"existing entity {self.existing_entity_id}")
        if self.field_errors:
            parts.append(f"fieldErrors={self.field_errors!r}"[:_MAX_DETAIL])
        if self.validation_errors:
            parts.append(f"validationErrors={self.validation_errors!r}"[:_MAX_DETAIL])
        if self.non_field_errors:
            parts.append(f"nonFieldErrors={self.non_field_errors!r}"[:_MAX_DETAIL])
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self})"


class BadRequestError(APIError):
    """400: the request was refused (validation, business rule, duplicate award, …)."""


class AuthenticationError(APIError):
    """401: no valid token, or the token endpoint refused the grant."""


class NotFoundError(APIError):
    """404: the entity does not exist **or** you lack the privileges to see it.

    Badgr never answers 403: an object owned by someone else, a token without the needed
    scope, or an unverified account all give 404.
    """

    def _message(self) -> str:
        return (
            super()._message()
            + " (Badgr also answers 404 when the caller lacks the privileges or the token"
            " lacks the scope for this entity)"
        )


class PayloadTooLargeError(APIError):
    """413: the request body is over the server's size limit; send less per request (fewer
    recipients per ``award_batch``, a smaller image)."""


class RateLimitError(APIError):
    """429: slow down; ``retry_after`` is the server's requested wait in seconds, if given."""

    retry_after: float | None

    def __init__(
        self,
        status_code: int,
        description: str,
        *,
        retry_after: float | None = None,
        **kwargs: Any,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(status_code, description, **kwargs)

    def _message(self) -> str:
        msg = super()._message()
        if self.retry_after is not None:
            msg += f" (retry after {self.retry_after:g} s)"
        return msg


class ServerError(APIError):
    """5xx: the server failed; idempotent calls were already retried ``max_retries`` times."""


class APIConnectionError(BadgrError):
    """The request did not get a response (connection refused, reset, DNS, TLS, …)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        self.request = request
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """No response within the configured timeout."""


class ResponseValidationError(BadgrError):
    """A successful (2xx) response whose body does not match the API description.

    ``body`` keeps the raw bytes so nothing the server sent is lost.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: bytes,
        response: httpx.Response | None = None,
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.response = response
        super().__init__(f"{message} (HTTP {status_code}, {len(body)} bytes of body kept)")


class ResponseTooLargeError(BadgrError):
    """The answer was larger than ``max_response_bytes`` (counted after decompression): the
    SDK stopped reading it. Raise the limit with ``Client(max_response_bytes=…)`` or
    ``with_options``, or ask for less (a smaller ``page_size``)."""

    def __init__(self, *, status_code: int, limit: int, method: str, path: str) -> None:
        self.status_code = status_code
        self.limit = limit
        self.method = method
        self.path = path
        super().__init__(
            f"the answer to {method} {path} (HTTP {status_code}) is larger than"
            f" max_response_bytes ({limit} bytes): not read further"
        )


class UnsupportedOperationError(BadgrError):
    """The kind of server the client was built for (``server=``) lacks this operation, so
    nothing was sent: e.g. pathways on a self-hosted badgr-server, or the change feeds on the
    documented API. ``method`` is the SDK method, ``operation`` the spec's ``operationId``."""

    method: str
    operation: str
    server: str
    only_on: str | None

    def __init__(
        self,
        method: str,
        *,
        operation: str,
        server: str,
        only_on: str | None = None,
        reason: str | None = None,
    ) -> None:
        self.method = method
        self.operation = operation
        self.server = server
        self.only_on = only_on
        detail = reason or (
            f"only a {only_on} server has it" if only_on else "that server does not have it"
        )
        super().__init__(
            f"{method} ({operation}) is not available on a {server} server: {detail}"
            " (the client's server= option)"
        )
