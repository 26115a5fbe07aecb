"""Retry policy: what is retried, and how long to wait.

* Only **idempotent** calls are retried: GET, PUT, DELETE, and an award sent with
  ``allowDuplicateAwards: false`` (the server then refuses a second award of the same badge to
  the same recipient, so a retry can never award twice).
* Retried outcomes: HTTP 429, 502, 503, 504, connection errors and timeouts. A connection that
  could not even be opened (nothing was sent) is retried for every method.
* The wait is exponential with full jitter (``base * 2**attempt``, capped at ``max_backoff``);
  a ``Retry-After`` header replaces it, capped at ``max_retry_after``.
* The token endpoint is never retried: a failed password grant feeds the server's login
  throttle.

The decision is a pure function so the sync and async executors share it.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field

import httpx

from ._envelope import retry_after_seconds

__all__ = ["RETRY_STATUSES", "RetryPolicy", "SharedPause", "async_sleep"]

RETRY_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 2
    backoff_base: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    statuses: frozenset[int] = field(default=RETRY_STATUSES)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")

    def backoff(self, attempt: int) -> float:
        """Jittered exponential wait before retry number ``attempt`` (1-based)."""
        ceiling = min(self.max_backoff, self.backoff_base * (2 ** (attempt - 1)))
        return random.uniform(ceiling / 2, ceiling)

    def delay_after_response(
        self, response: httpx.Response, *, idempotent: bool, attempt: int
    ) -> float | None:
        """Seconds to wait before retrying, or ``None`` to give up and return this response."""
        if attempt > self.max_retries or not idempotent:
            return None
        if response.status_code not in self.statuses:
            return None
        retry_after = retry_after_seconds(response.headers)
        if retry_after is not None:
            return min(retry_after, self.max_retry_after)
        return self.backoff(attempt)

    @staticmethod
    def server_asked_to_wait(response: httpx.Response) -> bool:
        """A 429, or a 503 with ``Retry-After``: the server as a whole wants a pause."""
        status = response.status_code
        return status == 429 or (status == 503 and "retry-after" in response.headers)

    def delay_after_error(
        self, error: httpx.TransportError, *, idempotent: bool, attempt: int
    ) -> float | None:
        if attempt > self.max_retries:
            return None
        never_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout)
        if not (idempotent or never_sent):
            return None
        return self.backoff(attempt)


class SharedPause:
    """A wait the server asked for (429, 503 + ``Retry-After``), shared by every lane of one
    client: no lane sends until it is over, so lanes stop hammering together."""

    def __init__(self) -> None:
        self._until = 0.0
        self._lock = threading.Lock()
        #: how many times the server asked for a pause (``award_many`` adapts to it)
        self.count = 0

    def extend(self, seconds: float) -> None:
        until = time.monotonic() + seconds
        with self._lock:
            self.count += 1
            self._until = max(self._until, until)

    def remaining(self) -> float:
        return max(0.0, self._until - time.monotonic())


async def async_sleep(seconds: float) -> None:
    """``asyncio.sleep``, importing asyncio on first use: ``import badgr`` stays free of it."""
    import asyncio

    await asyncio.sleep(seconds)
