"""``timeout`` as a deadline: it bounds the whole of one method call (connecting, each read,
a body trickling in, every retry and wait), and each request of a job or pager.

The flow (:func:`badgr._flow.call_flow`) makes no retry whose wait would end past the call's
deadline; the executors bound each attempt here (:func:`timed_attempt`) and refuse to wait out
a client-wide pause past it (:func:`pause_before_sending`).
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from ._call import Call
from ._retry import SharedPause
from ._settings import Settings
from .errors import RateLimitError

__all__ = ["call_deadline", "pause_before_sending", "timed_attempt"]


def call_deadline(settings: Settings, whole_call: bool) -> float | None:
    """When a method call must be over (``time.monotonic()``): ``timeout`` bounds the whole of
    it, retries and waits included. Calls of jobs and pagers have none: each of their requests
    is bounded (:func:`timed_attempt`), not the job (1,000 awards under a rate limit take
    minutes)."""
    budget = settings.call_budget
    return None if budget is None or not whole_call else time.monotonic() + budget


def timed_attempt(
    settings: Settings, request: httpx.Request, deadline: float | None
) -> float | None:
    """Bound one attempt: the time its answer may take to arrive whole (a body trickling in
    never outlasts ``timeout``), and, in a call with a ``deadline``, each limit of ``timeout``
    shortened to what is left of it (on the first attempt, about all of it)."""
    budget = settings.call_budget
    if budget is None:
        return deadline
    now = time.monotonic()
    if deadline is None:
        return now + budget
    left = deadline - now
    if left <= 0:  # raised before sending: the flow knows nothing was sent
        raise httpx.ConnectTimeout("no time left of the call's timeout", request=request)
    limits = settings.timeout.as_dict()
    request.extensions["timeout"] = {
        phase: left if limit is None else min(limit, left) for phase, limit in limits.items()
    }
    return deadline


def pause_before_sending(pause: SharedPause, call: Call[Any], deadline: float | None) -> float:
    """The client-wide pause the server asked for, to wait before sending; a pause that
    outlasts the call's ``deadline`` raises :class:`RateLimitError` without waiting."""
    wait = pause.remaining()
    if wait and deadline is not None and time.monotonic() + wait > deadline:
        raise RateLimitError(
            429,
            "Too Many Requests",
            retry_after=wait,
            note=f"{call.name}: not sent; the server asked this client to wait longer than"
            " the call's timeout leaves",
        )
    return wait
