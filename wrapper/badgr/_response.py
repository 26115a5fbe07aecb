"""``RawResponse``: one call's HTTP answer, for ``client.with_raw_response`` and ``request()``,
and :func:`raw_response`, the one way both run a call to it (sync or async)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

from ._call import Call, Outcome, Runner
from ._envelope import request_id_of

__all__ = ["RawResponse", "raw_response"]

T = TypeVar("T")


class RawResponse(Generic[T]):
    """The answer to one call: status, headers and request id, and :meth:`parse` for the value
    the plain method would have returned.

    Error statuses still raise the SDK's typed errors (they carry the response too), and
    retries still happen: this is the answer to the *last* attempt (``attempts`` says how
    many were made). The value is decoded while the call runs (that is how an error envelope
    sent with a 200 is caught), so :meth:`parse` costs nothing.
    """

    __slots__ = ("_outcome",)

    def __init__(self, outcome: Outcome[T]) -> None:
        self._outcome = outcome

    @property
    def http_response(self) -> httpx.Response:
        """The ``httpx.Response`` itself (``.content``, ``.request``, ``.elapsed`` …)."""
        return self._outcome.response

    @property
    def status_code(self) -> int:
        return self._outcome.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self._outcome.response.headers

    @property
    def request_id(self) -> str | None:
        """The server's request id header (``X-Request-Id`` or the like), if it sent one."""
        return request_id_of(self._outcome.response.headers)

    @property
    def attempts(self) -> int:
        """How many attempts the call took (retries included)."""
        return self._outcome.attempts

    @property
    def recovered(self) -> bool:
        """``True`` when an attempt's answer was lost and the value was looked up instead;
        the headers are then those of the lookup."""
        return self._outcome.recovered

    def parse(self) -> T:
        """The value the method returns without ``with_raw_response``."""
        return self._outcome.value

    def __repr__(self) -> str:
        response = self._outcome.response
        try:
            where = f" {response.request.method} {response.request.url.path}"
        except RuntimeError:  # a response built without its request
            where = ""
        return f"<RawResponse [{response.status_code}]{where} attempts={self.attempts}>"


def raw_response(
    executor: Runner, call: Call[Any], value: Callable[[Outcome[Any]], Any] | None = None
) -> Any:
    """Run ``call`` to a ``RawResponse`` (a coroutine of one on an async executor) whose
    ``parse()`` is the call's value, or ``value(outcome)`` when given (a list's first page)."""

    def wrap(outcome: Outcome[Any]) -> RawResponse[Any]:
        if value is not None:
            outcome = Outcome(value(outcome), outcome.response, outcome.attempts, outcome.recovered)
        return RawResponse(outcome)

    if executor.is_async:
        pending = executor.run_detailed(call)

        async def finish() -> RawResponse[Any]:
            return wrap(await pending)

        return finish()
    return wrap(executor.run_detailed(call))
