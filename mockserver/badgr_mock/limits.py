"""Limits that keep one client from stalling or exhausting the server.

The connection-level ones live in an h11 protocol for uvicorn (``uvicorn_options``): request
headers must arrive in time, idle connections are closed, and the number of open connections
stays below the process's file limit (the oldest idle connection makes room for a new one; when
every connection is busy, the newcomer gets a 503 envelope with ``Retry-After``). The app applies
the request-level ones (body size and time) itself, from the same ``Limits``.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, ClassVar

import h11
from starlette.requests import ClientDisconnect, Request
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from .envelope import ErrorReply, dump_json

logger = logging.getLogger("badgr_mock")

#: File descriptors kept for everything but client connections (database, logs, listener, …).
FD_RESERVE = 96
#: Connections answered 503 beyond the cap; past this many more they are closed unanswered.
OVERFLOW_CONNECTIONS = 32
#: How long an over-capacity connection may take to send the request its 503 answers.
OVERFLOW_HEADER_TIMEOUT = 1.0
OVERLOAD_RETRY_AFTER = "1"
#: Bytes of an unread body dropped after an early answer before the connection is closed.
LINGER_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Time and size limits; every one has a CLI flag (see README, "Limits")."""

    #: Seconds for a request's line and headers to arrive, from the connection's start or the
    #: previous answer. Silent and slow ("slowloris") connections are closed after it.
    header_timeout: float = 10.0
    #: Seconds an idle keep-alive connection stays open after an answer.
    keep_alive: float = 5.0
    #: Seconds for the whole body to arrive once the headers are in; 408 after that.
    body_timeout: float = 30.0
    #: Open connections at most (lowered to fit the process's open-file limit).
    max_connections: int = 1000
    #: Body bytes accepted by operations that need no token (the token endpoint).
    anonymous_body_bytes: int = 64 * 1024
    #: Body bytes held at once by all requests whose bodies are still arriving; 503 past it.
    #: (The demo users' passwords are published: a token is no reason to trust a client.)
    body_bytes_in_flight: int = 64 * 1024 * 1024

    def __post_init__(self) -> None:
        for name in ("header_timeout", "keep_alive", "body_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        for name in ("max_connections", "anonymous_body_bytes", "body_bytes_in_flight"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")


class ClientGone(Exception):
    """The client closed its connection before its request body arrived."""


def _too_large(limit: int) -> ErrorReply:
    return ErrorReply(
        413,
        "request body too large",
        validation_errors=[f"The request body exceeds {limit} bytes."],
    )


class BodyBudget:
    """Body bytes held by all requests whose bodies are still arriving."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.held = 0

    def take(self, size: int) -> None:
        if self.held + size > self.total:
            raise ErrorReply(
                503,
                "service unavailable: too many uploads in progress",
                headers={"Retry-After": OVERLOAD_RETRY_AFTER},
            )
        self.held += size

    def give_back(self, size: int) -> None:
        self.held -= size


async def read_body(
    request: Request, *, max_bytes: int, timeout: float, budget: BodyBudget
) -> bytes:
    """The whole body, refused (413) as soon as it is known to exceed ``max_bytes``, (408) when
    it has not arrived within ``timeout`` seconds, whatever ``Content-Length`` promised, and
    (503) when it would take more of ``budget`` than is left."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
        raise _too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    held = 0
    try:
        if declared is not None:
            budget.take(int(declared))
            held = int(declared)
        async with asyncio.timeout(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(max_bytes)
                if size > held:
                    budget.take(size - held)
                    held = size
                chunks.append(chunk)
    except TimeoutError:
        raise ErrorReply(
            408,
            "request timeout",
            validation_errors=[f"The request body did not arrive within {timeout:g} seconds."],
        ) from None
    except ClientDisconnect:
        raise ClientGone from None
    finally:
        budget.give_back(held)
    return b"".join(chunks)


def connection_cap(requested: int) -> int:
    """``requested``, lowered so that capped connections, the overflow and the reserve fit in
    the soft open-file limit."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return requested
    return max(1, min(requested, soft - FD_RESERVE - OVERFLOW_CONNECTIONS))


def _overload_response() -> bytes:
    timestamp = time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())
    return dump_json(
        ErrorReply(503, "service unavailable: too many open connections").body(timestamp)
    )


async def over_capacity(scope: Scope, receive: Receive, send: Send) -> None:
    """The answer on a connection accepted past the cap while every other one was busy."""
    body = _overload_response()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", OVERLOAD_RETRY_AFTER.encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol plus the header deadline and the connection cap.

    A connection is *waiting* from its start (or its previous answer) until a request's headers
    are complete; waiting connections are closed at the header deadline and, oldest first, when
    a new connection needs room."""

    limits: ClassVar[Limits]
    cap: ClassVar[int]
    waiting: ClassVar[OrderedDict[GuardedH11Protocol, None]]

    _deadline: asyncio.TimerHandle | None = None
    _dropped = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        open_connections = len(self.connections)
        super().connection_made(transport)
        if open_connections >= self.cap and not self._make_room():
            if open_connections >= self.cap + OVERFLOW_CONNECTIONS:
                transport.abort()
                return
            logger.warning("connection cap of %d reached: answering 503", self.cap)
            self.app = over_capacity
            self._wait_for_request(OVERFLOW_HEADER_TIMEOUT, evictable=False)
            return
        self._wait_for_request(self.limits.header_timeout, evictable=True)

    def data_received(self, data: bytes) -> None:
        if self._answered_early():
            # The rest of a body answered without being read (401, 413, 408) is dropped; a
            # little of it is read so the client sees the answer, then the line is closed.
            self._dropped += len(data)
            if self._dropped > LINGER_BYTES:
                self._close_waiting()
                return
        super().data_received(data)
        if self.cycle is not None and not self.cycle.response_complete:
            self._stop_waiting()

    def _answered_early(self) -> bool:
        return (
            self.cycle is not None
            and self.cycle.response_complete
            and self.conn.their_state is h11.SEND_BODY
        )

    def on_response_complete(self) -> None:
        self._dropped = 0
        super().on_response_complete()
        idle = self.cycle is None or self.cycle.response_complete
        if idle and not self.transport.is_closing():
            self._wait_for_request(self.limits.header_timeout, evictable=True)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def _wait_for_request(self, timeout: float, *, evictable: bool) -> None:
        self._stop_waiting()
        self._deadline = self.loop.call_later(timeout, self._close_waiting)
        if evictable:
            self.waiting[self] = None

    def _stop_waiting(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self.waiting.pop(self, None)

    def _close_waiting(self) -> None:
        self._stop_waiting()
        if self.transport.is_closing():
            return
        if self.conn.our_state in (h11.IDLE, h11.DONE, h11.MUST_CLOSE):
            self.conn.send(h11.ConnectionClosed())
        self.transport.close()

    def _make_room(self) -> bool:
        """Close the connection that has waited longest for a request, if any is waiting."""
        while self.waiting:
            oldest, _ = self.waiting.popitem(last=False)
            if not oldest.transport.is_closing():
                oldest._close_waiting()
                return True
        return False


def uvicorn_options(limits: Limits) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run`` / ``uvicorn.Config`` that apply ``limits``."""
    protocol = type(
        "GuardedH11Protocol",
        (GuardedH11Protocol,),
        {
            "limits": limits,
            "cap": connection_cap(limits.max_connections),
            "waiting": OrderedDict(),
        },
    )
    return {"http": protocol, "timeout_keep_alive": limits.keep_alive}
