"""The ``badgr`` logger and the redaction that keeps secrets out of every record.

Two layers:

* pattern redaction of anything that looks like a credential (``Authorization`` header values,
  ``password=…``, ``access_token``/``refresh_token``/``client_secret``/``code`` in query strings,
  form bodies and JSON);
* exact redaction of the live secrets the SDK knows about (passwords and tokens are registered
  when they enter the SDK), so even an unusual format cannot leak them.

The filter is attached to the ``badgr`` logger; the SDK logs only through that logger.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import deque
from collections.abc import Generator

import httpx

__all__ = [
    "CREDENTIAL_HEADERS",
    "LOGGED_WITHOUT_CREDENTIALS",
    "RedactingFilter",
    "logger",
    "redact",
    "redact_url",
    "register_secret",
]

logger = logging.getLogger("badgr")

REDACTED = "[REDACTED]"
#: Headers whose whole value is a credential (lower-case): never kept, logged or recorded. The
#: SDK's errors drop them from the request they keep; the fuzz kit and `badgr proxy` too.
CREDENTIAL_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
_SECRET_KEYS = (
    r"access_token|refresh_token|id_token|token|password|passwd|client_secret|secret|code"
    r"|api_key|apikey"
)
#: (words one of which a text must hold, case-folded, for the pattern to match; the pattern): a
#: page without any is scanned once, not once per pattern. No word has an "i": U+0130 and
#: U+0131 (dotted and dotless I) match it in the patterns but do not case-fold to it.
_PATTERNS = [
    # Authorization: Bearer xxx / Token xxx / Basic xxx
    (
        ("author",),
        re.compile(
            r"(?i)(authorization['\"]?\s*[:=,]\s*\(?['\"]?\s*(?:bearer|token|basic)?\s*)[^\s'\",)]+"
        ),
    ),
    (("bearer",), re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9\-._~+/]+=*")),
    # key=value in query strings / form bodies, "key": "value" in JSON, key: value; not a
    # number of up to five digits (a status, an errno), nor text in brackets or parentheses
    (
        ("token", "passw", "secret", "code", "key"),
        re.compile(
            rf"(?i)\b((?:{_SECRET_KEYS})['\"]?\s*[:=]\s*['\"]?)(?!\d{{1,5}}\b)([^&\s'\",}}\[(][^&\s'\",}}]*)"
        ),
    ),
]

_secrets_lock = threading.Lock()
_secrets: deque[str] = deque(maxlen=256)


def register_secret(value: str | None) -> None:
    """Remember a live secret so it is scrubbed verbatim from every log record."""
    if not value or len(value) < 4:
        return
    with _secrets_lock:
        if value not in _secrets:
            _secrets.append(value)


def redact(text: str) -> str:
    """Return ``text`` with every credential replaced by ``[REDACTED]``."""
    with _secrets_lock:
        known = list(_secrets)
    for secret in known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    folded = text.casefold()
    for words, pattern in _PATTERNS:
        if any(word in folded for word in words):
            text = pattern.sub(lambda m: m.group(1) + REDACTED, text)
    return text


def redact_url(url: httpx.URL | str) -> str:
    """A URL safe to print: user-info and secret query parameters are removed."""
    parsed = httpx.URL(str(url))
    if parsed.userinfo:
        parsed = parsed.copy_with(username=None, password=None)
    if parsed.query:
        params = [
            (k, REDACTED if re.fullmatch(_SECRET_KEYS, k, re.I) else v)
            for k, v in parsed.params.multi_items()
        ]
        parsed = parsed.copy_with(params=params)
    return redact(str(parsed))


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (after %-formatting) with :func:`redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to logging's own handling
            return True
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def _install() -> None:
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
    # a library stays silent unless the application configures logging (no last-resort stderr)
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


_install()


def debug_enabled() -> bool:
    return logger.isEnabledFor(logging.DEBUG)


def log_request(request: httpx.Request) -> None:
    if debug_enabled():
        logger.debug("request %s %s", request.method, redact_url(request.url))


def log_response(response: httpx.Response) -> None:
    if debug_enabled():
        request = response.request
        logger.debug(
            "response %s %s -> %s", request.method, redact_url(request.url), response.status_code
        )


class _LoggedWithoutCredentials(httpx.Auth):
    """For requests that carry their own credentials (token grants): no header, logged.

    Requests are logged from auth flows (httpx runs one for every request, on any client;
    :class:`~badgr._auth.BadgrAuth` logs in its own) rather than from event hooks, which would
    have to be set on the caller's own ``http_client=``.
    """

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        log_request(request)
        response = yield request
        log_response(response)


LOGGED_WITHOUT_CREDENTIALS = _LoggedWithoutCredentials()
