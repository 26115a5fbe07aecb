"""The one policy of every call: retries, back-off, unwrapping and reconciliation.

:func:`call_flow` is a generator that *yields actions* (send this call, sleep, run that lookup)
and receives their results; the sync and async executors only drive it, so the rules exist
once:

* **Retries** — what :class:`~badgr._retry.RetryPolicy` allows. A wait the server asked for
  (429, or 503 with ``Retry-After``) pauses every lane of the client, not just this one.
* **True outcomes** — an attempt whose answer may have been lost after the server acted
  (the connection dropped or timed out after sending, a 500, a gateway's 502/504) is *maybe
  applied*.
  When a call with a :class:`~badgr._call.Recovery` ends in failure after such an attempt —
  the last attempt included — the flow looks the effect up before reporting: found, the call
  succeeded (``Outcome.recovered``); not found, the server provably did not act and the failure
  stands. A refusal the server decided on its merits (a 4xx other than 429 that ``Recovery.when``
  does not recognise) is reported as it is.
* **Attempts** — every outcome and every raised error carries how many attempts were made.
* **Deadline** — within a method call's ``timeout`` (the executor's ``deadline``), a retry
  whose wait would end past it is not made: the last failure stands (a 429 raises
  :class:`~badgr.errors.RateLimitError` with the server's ``retry_after`` at once).
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import httpx

from ._call import Call, Outcome
from ._envelope import unwrap
from ._logging import logger, redact, redact_url
from ._retry import RetryPolicy
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    BadgrError,
    RateLimitError,
    ResponseValidationError,
)

__all__ = [
    "Action",
    "Attempt",
    "Flow",
    "Nested",
    "Send",
    "Sleep",
    "call_flow",
    "maybe_applied",
    "settled",
]


@dataclass(frozen=True)
class Send:
    """Make one attempt of ``call``; the driver sends back an :data:`Attempt` or throws the
    ``httpx.TransportError``."""

    call: Call[Any]


@dataclass(frozen=True)
class Sleep:
    """Wait; ``everyone`` pauses all lanes of the client (the server asked for the wait)."""

    seconds: float
    everyone: bool = False


@dataclass(frozen=True)
class Nested:
    """Run ``call`` to its ``Outcome`` (a lookup); its ``BadgrError`` is thrown back in."""

    call: Call[Any]


Attempt = tuple[httpx.Response, Any, BaseException | None]
Action = Send | Sleep | Nested
Flow = Generator[Action, Any, Outcome[Any]]

#: Answers after which the server may still have applied the request: a gateway's 502/504
#: (the upstream went on), and a 500 (the application may have failed after its write).
_MAYBE_APPLIED_STATUSES = frozenset({500, 502, 504})
#: Failures before anything was sent: the server cannot have acted.
_NOTHING_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def maybe_applied(error: BadgrError) -> bool:
    """Whether the request that ended in ``error`` may have been applied all the same: its
    answer was lost after sending, came from a failing server or gateway (500, 502, 504), or
    was a 2xx whose body could not be read. The one classification of the SDK (jobs that
    reconcile on their own, like the batch award, use it too)."""
    if isinstance(error, ResponseValidationError):
        return True
    if isinstance(error, APIConnectionError):
        return not isinstance(error.__cause__, _NOTHING_SENT)
    return isinstance(error, APIError) and error.status_code in _MAYBE_APPLIED_STATUSES


def _connection_error(exc: httpx.TransportError) -> APIConnectionError:
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:  # raised outside a request (a transport used directly)
        request = None
    where = ""
    if request is not None:  # never the query (it may hold secrets), as in API errors
        url = request.url.copy_with(query=None, fragment=None)
        where = f" calling {request.method} {redact_url(url)}"
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return cls(f"{type(exc).__name__}{where}: {redact(str(exc))}", request=request)


def _counted(error: BadgrError, attempts: int) -> BadgrError:
    error.attempts = attempts
    return error


def _decided_on_merits(call: Call[Any], error: APIError) -> bool:
    """A refusal the server made after looking at this request (so no earlier attempt of the
    same request can have been applied unnoticed), unless the recovery says otherwise."""
    if error.status_code == 429 or not 400 <= error.status_code < 500:
        return False
    return call.recovery is None or not call.recovery.when(error)


def _reconcile(call: Call[Any], error: BadgrError, attempts: int) -> Flow:
    """Look up whether a maybe-applied attempt took effect; return a recovered ``Outcome``, or
    re-raise ``error`` (with a warning when the lookup itself failed: outcome unknown)."""
    recovery = call.recovery
    assert recovery is not None
    try:
        looked_up: Outcome[Any] = yield Nested(recovery.call)
    except BadgrError as lookup_error:
        logger.warning(
            "%s: failed (%s) after an attempt that may have been applied, and looking it up"
            " failed too (%s): the outcome is unknown",
            call.name,
            error,
            lookup_error,
        )
        raise _counted(error, attempts) from lookup_error
    found = recovery.pick(looked_up.value)
    if found is None:
        raise _counted(error, attempts)
    logger.warning(
        "%s: an attempt's answer was lost (%s) but the server had acted; returning what it did",
        call.name,
        error,
    )
    return Outcome(found, looked_up.response, attempts, recovered=True)


def settled(call: Call[Any], attempt: Attempt) -> Outcome[Any] | None:
    """The outcome of a *first* attempt that no rule of the flow concerns (a 2xx that unwraps),
    else ``None``. Executors try it before starting :func:`call_flow`, so the common call pays
    for no generator; what it does not settle, the flow decides, from that same attempt."""
    raw, parsed, parse_error = attempt
    if parse_error is not None or not 200 <= raw.status_code < 300:
        return None
    try:
        value = unwrap(raw, parsed, None, shape=call.shape, item_type=call.item_type)
    except BadgrError:
        return None
    return Outcome(value, raw, 1)


def _in_time(call: Call[Any], delay: float | None, deadline: float | None) -> float | None:
    """``delay``, unless waiting it would pass the call's ``deadline`` (then no retry)."""
    if delay is None or deadline is None or time.monotonic() + delay <= deadline:
        return delay
    logger.info("%s: not retried: waiting %.2f s would pass the call's timeout", call.name, delay)
    return None


def call_flow(call: Call[Any], policy: RetryPolicy, deadline: float | None = None) -> Flow:
    """Retries, unwrapping and reconciliation, written once for both executors; no retry waits
    past ``deadline`` (``time.monotonic()``), when given.

    Its first action is always ``Send(call)``: a driver that already made that attempt (see
    :func:`settled`) sends its result in answer."""
    attempts = 0
    maybe_applied = False
    while True:
        attempts += 1
        try:
            raw, parsed, parse_error = yield Send(call)
        except RateLimitError as paused:  # the client's pause outlasts the deadline: not sent
            return (yield from _failed(call, paused, attempts - 1, maybe_applied))
        except httpx.TransportError as exc:
            maybe_applied = maybe_applied or not isinstance(exc, _NOTHING_SENT)
            delay = policy.delay_after_error(exc, idempotent=call.retry_safe, attempt=attempts)
            delay = _in_time(call, delay, deadline)
            if delay is None:
                lost = _connection_error(exc)
                if maybe_applied and call.recovery is not None:
                    return (yield from _reconcile(call, lost, attempts))
                raise _counted(lost, attempts) from exc
            _log_retry(call, type(exc).__name__, attempts, policy, delay)
            yield Sleep(delay)
            continue
        status = raw.status_code
        maybe_applied = maybe_applied or status in _MAYBE_APPLIED_STATUSES
        delay = None
        if status in policy.statuses:  # retry_safe is only worked out here
            delay = policy.delay_after_response(raw, idempotent=call.retry_safe, attempt=attempts)
            delay = _in_time(call, delay, deadline)
        if delay is not None:
            _log_retry(call, f"HTTP {status}", attempts, policy, delay)
            yield Sleep(delay, everyone=policy.server_asked_to_wait(raw))
            continue
        try:
            value = unwrap(raw, parsed, parse_error, shape=call.shape, item_type=call.item_type)
        except BadgrError as failure:
            return (yield from _failed(call, failure, attempts, maybe_applied))
        return Outcome(value, raw, attempts)


def _failed(call: Call[Any], failure: BadgrError, attempts: int, maybe_applied: bool) -> Flow:
    """Raise ``failure``, unless an earlier attempt may have been applied and a lookup finds
    that it was (a refusal on the merits is reported as it is)."""
    reconcile = isinstance(failure, APIError) and not _decided_on_merits(call, failure)
    if reconcile and maybe_applied and call.recovery is not None:
        return (yield from _reconcile(call, failure, attempts))
    raise _counted(failure, attempts)


def _log_retry(call: Call[Any], what: str, attempt: int, policy: RetryPolicy, wait: float) -> None:
    logger.info(
        "%s: %s; retry %d of %d in %.2f s", call.name, what, attempt, policy.max_retries, wait
    )
