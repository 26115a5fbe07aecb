"""Descriptions of calls, built once by the resource layer and run by the sync or async executor.

A :class:`Call` names a generated operation module (``badgr_api.api.<tag>.<operation_id>``),
the keyword arguments for its ``*_detailed`` function, how to unwrap the envelope and whether
the call may be retried. Namespaces only build calls; executors only run them, so every
operation is written once for both clients.

:class:`SyncRunner` and :class:`AsyncRunner` are the executors' interface: namespaces, pagers and
jobs depend on these protocols, never on :mod:`badgr._executor` itself.
"""

from __future__ import annotations

import json as json_module
from collections.abc import Awaitable, Callable, Coroutine, Generator, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any, Generic, Literal, Protocol, TypeVar

import httpx

from ._envelope import Shape
from ._retry import RetryPolicy, SharedPause
from .errors import APIError

__all__ = [
    "AsyncRunner",
    "Call",
    "Grant",
    "Job",
    "Outcome",
    "RawOperation",
    "Recovery",
    "Runner",
    "SyncRunner",
    "many",
    "none",
    "one",
    "pages",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

_IDEMPOTENT_METHODS = frozenset({"get", "head", "options", "put", "delete"})
#: ``page_size`` bounds of every list operation of the API (sent as ``num``).
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class Recovery(Generic[T]):
    """What to do when a *retried* call is refused because its first attempt already worked.

    ``when`` recognises the refusal, ``call`` looks the effect up, ``pick`` extracts it (or
    returns ``None`` when the lookup does not confirm it, and the refusal is raised).
    """

    when: Callable[[APIError], bool]
    call: Call[Any]
    pick: Callable[[Any], T | None]


class RawOperation:
    """The operation behind ``client.request``: any method and path, the body decoded as JSON.

    It has the two functions an executor uses of a generated operation module."""

    __name__ = "request"

    @staticmethod
    def _get_kwargs(
        *, method: str, url: str, params: Mapping[str, Any] | None, json: Any
    ) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"method": method, "url": url}
        if params is not None:
            kwargs["params"] = params
        if json is not None:
            kwargs["json"] = json
        return kwargs

    @staticmethod
    def _parse_response(*, client: Any, response: httpx.Response) -> Any:
        """The JSON body, its text when it is not JSON, ``None`` when it is empty."""
        if not response.content:
            return None
        try:
            return json_module.loads(response.content)
        except ValueError:
            return response.text


@dataclass(frozen=True)
class Call(Generic[T]):
    """One operation of the spec with its arguments, ready for an executor to run."""

    #: a generated ``badgr_api.api.<tag>.<operation>`` module, or ``RawOperation()``
    op: ModuleType | RawOperation
    kwargs: Mapping[str, Any]
    shape: Shape
    item_type: type[Any] | None = None
    idempotent: bool | None = None
    #: page size (``num``) for list calls; ``None`` lets the server decide
    page_size: int | None = None
    #: an absolute URL to GET instead of building the request (a ``Link`` to follow)
    url: str | None = None
    recovery: Recovery[T] | None = field(default=None, repr=False)

    @property
    def method(self) -> str:
        return str(self.op._get_kwargs(**self.kwargs)["method"]).lower()

    @property
    def retry_safe(self) -> bool:
        if self.idempotent is not None:
            return self.idempotent
        return self.url is not None or self.method in _IDEMPOTENT_METHODS

    def follow(self, url: str) -> Call[T]:
        """The same operation, fetching ``url`` verbatim (the next page of a list)."""
        return replace(self, url=url, recovery=None)

    @property
    def name(self) -> str:
        return self.op.__name__.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The value of a call plus how it went."""

    value: T
    response: httpx.Response
    attempts: int
    #: ``True`` when a retried call was refused because its first attempt had succeeded and
    #: the value was looked up instead (see ``assertions.award``)
    recovered: bool = False


def one(
    op: ModuleType,
    item_type: type[T],
    *,
    idempotent: bool | None = None,
    recovery: Recovery[T] | None = None,
    **kwargs: Any,
) -> Call[T]:
    """A call answering one entity (the first item of the envelope's ``result``)."""
    return Call(op, kwargs, "one", item_type, idempotent, recovery=recovery)


def many(op: ModuleType, item_type: type[T], **kwargs: Any) -> Call[list[T]]:
    """A call whose whole ``result`` list is the answer (not paginated)."""
    return Call(op, kwargs, "list", item_type)


def none(op: ModuleType, **kwargs: Any) -> Call[None]:
    """A call answering no entity (204, or an envelope whose result is ignored)."""
    return Call(op, kwargs, "none")


def positive_int(name: str, value: int) -> int:
    """``value``, refused (``ValueError``) unless a positive int (a bool is not a count)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    return value


def pages(op: ModuleType, item_type: type[T], page_size: int | None, **kwargs: Any) -> Call[T]:
    """A paginated list call; ``T`` is the item type. ``page_size`` is sent as ``num``."""
    if page_size is not None:
        if isinstance(page_size, bool) or not isinstance(page_size, int):
            raise TypeError(f"page_size must be an int from 1 to {MAX_PAGE_SIZE} or None")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be from 1 to {MAX_PAGE_SIZE}, got {page_size}")
        kwargs["num"] = page_size
    return Call(op, kwargs, "list", item_type, page_size=page_size)


class Grant(Generic[T_co]):
    """A token grant to drive through the executor's HTTP client (no auth on the request)."""

    def __init__(self, flow: Generator[httpx.Request, httpx.Response, T_co]) -> None:
        self.flow = flow


class Job(Generic[T_co]):
    """A composite operation written once, as a coroutine over the async executor.

    The async client awaits it; the sync client runs it on a private event loop.
    """

    def __init__(self, run: Callable[[AsyncRunner], Awaitable[T_co]]) -> None:
        self.run = run


class SyncRunner(Protocol):
    """What the sync client's namespaces and pagers need from an executor.

    ``timeout`` bounds the whole of a ``run`` (retries and waits included) unless
    ``whole_call=False``: jobs and pagers pass it, so it bounds each of their requests.
    """

    @property
    def is_async(self) -> Literal[False]: ...
    def run(self, call: Call[T], *, whole_call: bool = True) -> T: ...
    def run_detailed(self, call: Call[T], *, whole_call: bool = True) -> Outcome[T]: ...
    def run_job(self, job: Job[T]) -> T: ...
    def grant(self, flow: Generator[httpx.Request, httpx.Response, T]) -> T: ...


class AsyncRunner(Protocol):
    """What the async client's namespaces, pagers and jobs need from an executor."""

    @property
    def is_async(self) -> Literal[True]: ...
    async def run(self, call: Call[T], *, whole_call: bool = True) -> T: ...
    async def run_detailed(self, call: Call[T], *, whole_call: bool = True) -> Outcome[T]: ...
    def run_job(self, job: Job[T]) -> Coroutine[Any, Any, T]: ...
    async def grant(self, flow: Generator[httpx.Request, httpx.Response, T]) -> T: ...
    def lane(self) -> AsyncRunner: ...
    async def wait(self, seconds: float, *, everyone: bool = False) -> None:
        """Sleep as the retry flow does; ``everyone`` pauses every lane of the client (the
        server asked for the wait), for jobs that pace their own resends."""

    @property
    def policy(self) -> RetryPolicy:
        """The client's retry policy (for jobs that pace their own resends)."""

    #: the wait the server asked for, shared by every lane of the client
    pause: SharedPause

    async def aclose(self) -> None: ...


Runner = SyncRunner | AsyncRunner
