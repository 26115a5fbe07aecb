"""The mechanism that lets one namespace class serve both clients, plain and raw.

A namespace method is written once as a *builder* returning a :class:`~badgr._call.Call` (or,
for composite work, a :class:`~badgr._call.Job` or :class:`~badgr._call.Grant`). The
:class:`op` / :class:`paged` / :class:`job` descriptors turn it into the public method: on
``Namespace[SyncMode]`` it runs the call and returns the value, on ``Namespace[AsyncMode]`` it
returns a coroutine; ``paged`` returns a sync or async pager. Under ``with_raw_response``
(``RawSyncMode`` / ``RawAsyncMode``) ``op`` and ``paged`` return a
:class:`~badgr._response.RawResponse` (of the first page, for ``paged``); ``job`` methods make
many requests and do not exist there. Type checkers see the builder's parameters and the right
return type for each mode.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from ._call import Call, Grant, Job, Runner
from ._pagination import AsyncPager, Page, SyncPager
from ._profiles import DOCUMENTED, Server, require
from ._response import RawResponse, raw_response

__all__ = [
    "AsyncMode",
    "Namespace",
    "RawAsyncMode",
    "RawSyncMode",
    "SyncMode",
    "job",
    "op",
    "paged",
]

P = ParamSpec("P")
T = TypeVar("T")


class SyncMode:
    """Type marker: methods return values."""


class AsyncMode:
    """Type marker: methods return coroutines."""


class RawSyncMode:
    """Type marker: methods return :class:`~badgr._response.RawResponse` (``with_raw_response``)."""


class RawAsyncMode:
    """Type marker: methods return coroutines of :class:`~badgr._response.RawResponse`."""


M = TypeVar("M", SyncMode, AsyncMode, RawSyncMode, RawAsyncMode)


class Namespace(Generic[M]):
    """Base of every namespace: holds the executor its methods run on, and the kind of server
    (``server=`` of the client) whose operations it may call."""

    _server: Server = DOCUMENTED
    #: ``True`` under ``with_raw_response``: methods answer ``RawResponse``
    _raw: bool = False

    def __init__(self, executor: Runner) -> None:
        self._executor = executor

    def _use(self, server: Server, *, raw: bool) -> None:
        """Set the kind of server and the raw mode for this namespace and those nested in it."""
        self._server = server
        self._raw = raw
        for value in vars(self).values():
            if isinstance(value, Namespace) and value is not self:
                value._use(server, raw=raw)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} namespace>"


class _Method:
    """What both decorators share: keep the builder, and bind once per namespace instance."""

    def __init__(self, build: Callable[..., Any]) -> None:
        self._build = build
        self.__doc__ = build.__doc__
        self.__name__ = build.__name__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.__name__ = name

    @staticmethod
    def _finish(executor: Runner, built: Any) -> Any:
        """What the public method returns for what the builder built."""
        raise NotImplementedError

    @staticmethod
    def _finish_raw(executor: Runner, built: Any) -> Any:
        """The same under ``with_raw_response``."""
        raise NotImplementedError

    def _bound(self, obj: Namespace[Any] | None) -> Any:
        if obj is None:
            return self
        build, executor = self._build, obj._executor
        finish = self._finish_raw if obj._raw else self._finish

        where = f"{type(obj).__name__.lower()}.{self.__name__}"

        @functools.wraps(build)
        def method(*args: Any, **kwargs: Any) -> Any:
            built = build(obj, *args, **kwargs)
            if isinstance(built, Call):  # fail before sending what this server lacks
                require(obj._server, built.name, where)
            return finish(executor, built)

        obj.__dict__[self.__name__] = method  # later lookups skip the descriptor
        return method


class op(_Method, Generic[P, T]):
    """Decorator: a builder of one call becomes a method (sync, async, raw)."""

    def __init__(self, build: Callable[Concatenate[Any, P], Call[T]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> op[P, T]: ...
    @overload
    def __get__(self, obj: Namespace[SyncMode], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, obj: Namespace[AsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    @overload
    def __get__(
        self, obj: Namespace[RawSyncMode], owner: type[Any]
    ) -> Callable[P, RawResponse[T]]: ...
    @overload
    def __get__(
        self, obj: Namespace[RawAsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, RawResponse[T]]]: ...
    def __get__(self, obj: Namespace[Any] | None, owner: type[Any]) -> Any:
        return self._bound(obj)

    @staticmethod
    def _finish(executor: Runner, call: Call[Any]) -> Any:
        return executor.run(call)

    @staticmethod
    def _finish_raw(executor: Runner, call: Call[Any]) -> Any:
        return raw_response(executor, call)


class job(_Method, Generic[P, T]):
    """Decorator: a builder of a job (many requests) or a token grant becomes a sync or async
    method. It has no raw form: there is no single response to show."""

    def __init__(self, build: Callable[Concatenate[Any, P], Job[T] | Grant[T]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> job[P, T]: ...
    @overload
    def __get__(self, obj: Namespace[SyncMode], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, obj: Namespace[AsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, obj: Namespace[Any] | None, owner: type[Any]) -> Any:
        if obj is not None and obj._raw:
            raise AttributeError(
                f"{type(obj).__name__.lower()}.{self.__name__} makes several requests and has no"
                " raw response; call it on the client itself"
            )
        return self._bound(obj)

    @staticmethod
    def _finish(executor: Runner, built: Job[Any] | Grant[Any]) -> Any:
        if isinstance(built, Job):
            return executor.run_job(built)
        return executor.grant(built.flow)


class paged(_Method, Generic[P, T]):
    """Decorator: a builder of a list call becomes a method returning a lazy pager."""

    def __init__(self, build: Callable[Concatenate[Any, P], Call[T]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> paged[P, T]: ...
    @overload
    def __get__(self, obj: Namespace[SyncMode], owner: type[Any]) -> Callable[P, SyncPager[T]]: ...
    @overload
    def __get__(
        self, obj: Namespace[AsyncMode], owner: type[Any]
    ) -> Callable[P, AsyncPager[T]]: ...
    @overload
    def __get__(
        self, obj: Namespace[RawSyncMode], owner: type[Any]
    ) -> Callable[P, RawResponse[Page[T]]]: ...
    @overload
    def __get__(
        self, obj: Namespace[RawAsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, RawResponse[Page[T]]]]: ...
    def __get__(self, obj: Namespace[Any] | None, owner: type[Any]) -> Any:
        return self._bound(obj)

    @staticmethod
    def _finish(executor: Runner, call: Call[Any]) -> Any:
        if executor.is_async:
            return AsyncPager(executor, call)
        return SyncPager(executor, call)

    @staticmethod
    def _finish_raw(executor: Runner, call: Call[Any]) -> Any:
        return raw_response(
            executor, call, lambda outcome: Page(list(outcome.value), outcome.response)
        )
