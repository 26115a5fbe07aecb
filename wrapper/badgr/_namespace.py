"""The mechanism that lets one namespace class serve both clients.

A namespace method is written once as a *builder* returning a :class:`~badgr._call.Call` (or a
:class:`~badgr._call.Job`). The :func:`op` / :func:`paged` descriptors turn it into the public
method: on ``Namespace[SyncMode]`` it runs the call and returns the value, on
``Namespace[AsyncMode]`` it returns a coroutine; ``paged`` returns a sync or async pager.
Type checkers see the builder's parameters and the right return type for each client.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from ._call import Call, Grant, Job, Runner
from ._pagination import AsyncPager, SyncPager
from ._profiles import DOCUMENTED, Server, require

__all__ = ["AsyncMode", "Namespace", "SyncMode", "op", "paged"]

P = ParamSpec("P")
T = TypeVar("T")


class SyncMode:
    """Type marker: methods return values."""


class AsyncMode:
    """Type marker: methods return coroutines."""


M = TypeVar("M", SyncMode, AsyncMode)


class Namespace(Generic[M]):
    """Base of every namespace: holds the executor its methods run on, and the kind of server
    (``server=`` of the client) whose operations it may call."""

    _server: Server = DOCUMENTED

    def __init__(self, executor: Runner) -> None:
        self._executor = executor

    def _use_server(self, server: Server) -> None:
        """Set the kind of server for this namespace and the namespaces nested in it."""
        self._server = server
        for value in vars(self).values():
            if isinstance(value, Namespace) and value is not self:
                value._use_server(server)

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

    def _bound(self, obj: Namespace[Any] | None) -> Any:
        if obj is None:
            return self
        build, executor, finish = self._build, obj._executor, self._finish

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
    """Decorator: a builder of one call (or job) becomes a sync or async method."""

    def __init__(self, build: Callable[Concatenate[Any, P], Call[T] | Job[T] | Grant[T]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> op[P, T]: ...
    @overload
    def __get__(self, obj: Namespace[SyncMode], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, obj: Namespace[AsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, obj: Namespace[Any] | None, owner: type[Any]) -> Any:
        return self._bound(obj)

    @staticmethod
    def _finish(executor: Runner, built: Call[Any] | Job[Any] | Grant[Any]) -> Any:
        if isinstance(built, Job):
            return executor.run_job(built)
        if isinstance(built, Grant):
            return executor.grant(built.flow)
        return executor.run(built)


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
    def __get__(self, obj: Namespace[Any] | None, owner: type[Any]) -> Any:
        return self._bound(obj)

    @staticmethod
    def _finish(executor: Runner, call: Call[Any]) -> Any:
        if executor.is_async:
            return AsyncPager(executor, call)
        return SyncPager(executor, call)
