"""Descriptions of calls, built once by the resource layer and run by the sync or async executor.

A :class:`Call` names a generated operation module (``badgr_api.api.<tag>.<operation_id>``),
the keyword arguments for its ``*_detailed`` function, how to unwrap the envelope and whether
the call may be retried. Namespaces only build calls; executors only run them, so every
operation is written once for both clients.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._envelope import Shape
from .errors import APIError

if TYPE_CHECKING:
    from ._executor import AsyncExecutor

__all__ = ["Call", "Grant", "Job", "Recovery"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

_IDEMPOTENT_METHODS = frozenset({"get", "head", "options", "put", "delete"})


@dataclass(frozen=True)
class Recovery(Generic[T]):
    """What to do when a *retried* call is refused because its first attempt already worked.

    ``when`` recognises the refusal, ``call`` looks the effect up, ``pick`` extracts it (or
    returns ``None`` when the lookup does not confirm it, and the refusal is raised).
    """

    when: Callable[[APIError], bool]
    call: Call[Any]
    pick: Callable[[Any], T | None]


@dataclass(frozen=True)
class Call(Generic[T]):
    op: ModuleType
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


def one(
    op: ModuleType,
    item_type: type[T],
    *,
    idempotent: bool | None = None,
    recovery: Recovery[T] | None = None,
    **kwargs: Any,
) -> Call[T]:
    return Call(op, kwargs, "one", item_type, idempotent, recovery=recovery)


def many(op: ModuleType, item_type: type[T], **kwargs: Any) -> Call[list[T]]:
    """A call whose whole ``result`` list is the answer (not paginated)."""
    return Call(op, kwargs, "list", item_type)


def none(op: ModuleType, **kwargs: Any) -> Call[None]:
    return Call(op, kwargs, "none")


def pages(op: ModuleType, item_type: type[T], page_size: int | None, **kwargs: Any) -> Call[T]:
    """A paginated list call; ``T`` is the item type. ``page_size`` is sent as ``num``."""
    if page_size is not None:
        if isinstance(page_size, bool) or not isinstance(page_size, int):
            raise TypeError("page_size must be an int")
        if not 1 <= page_size <= 500:
            raise ValueError(f"page_size must be between 1 and 500, got {page_size}")
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

    def __init__(self, run: Callable[[AsyncExecutor], Awaitable[T_co]]) -> None:
        self.run = run
