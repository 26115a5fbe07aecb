"""Lanes, the adaptive limit over them, and progress reports: what every job shares.

A job's workers each run on a lane of their own (``AsyncRunner.lane()``, one connection each);
the :class:`AdaptiveLimit` halves how many may send when the server asks for a pause and grows
it back after calm. :func:`report_progress` calls a job's progress callback, awaiting it when
it is a coroutine function, on every path.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from .._call import AsyncRunner
from .._logging import logger
from .._retry import SharedPause

__all__ = ["AdaptiveLimit", "report_progress", "run_on_lanes"]


class AdaptiveLimit:
    """How many lanes may send at once: halved when the server asks for a pause (a 429, a 503
    with ``Retry-After``), grown back by one after a run of awards without one."""

    #: awards in a row without a pause before one more lane may send
    GROW_AFTER = 8

    def __init__(self, ceiling: int, pause: SharedPause) -> None:
        self.ceiling = ceiling
        self.allowed = ceiling
        self._pause = pause
        self._pauses_seen = pause.count
        self._calm = 0
        self._finished = False
        self._changed = asyncio.Event()

    async def admit(self, lane: int) -> None:
        """Wait until lane number ``lane`` (0-based) may send, or the work has run out."""
        while lane >= self.allowed and not self._finished:
            self._changed.clear()
            await self._changed.wait()

    def finish(self) -> None:
        """No more work: let every waiting lane go (it will find the queue empty)."""
        self._finished = True
        self._changed.set()

    def settle(self) -> None:
        """After each award: shrink if the server asked for a pause since the last one."""
        if self._pause.count != self._pauses_seen:
            self._pauses_seen = self._pause.count
            self.allowed = max(1, self.allowed // 2)
            self._calm = 0
            logger.info(
                "the server asked for a pause: %d of %d lanes send now", self.allowed, self.ceiling
            )
            return
        self._calm += 1
        if self._calm >= self.GROW_AFTER and self.allowed < self.ceiling:
            self.allowed += 1
            self._calm = 0
            self._changed.set()


async def report_progress(
    progress: Callable[[int, int, Any], Awaitable[None] | None], done: int, total: int, result: Any
) -> None:
    """Call ``progress`` (awaiting it when it is a coroutine function); its errors are logged."""
    try:
        reported = progress(done, total, result)
        if inspect.isawaitable(reported):
            await reported
    except Exception:
        logger.exception("progress callback failed")


async def run_on_lanes(
    executor: AsyncRunner, count: int, worker: Callable[[int, AsyncRunner], Awaitable[None]]
) -> None:
    """Run ``count`` workers, each on a lane of its own, and close the lanes afterwards."""
    lanes = [executor.lane() for _ in range(count)]
    try:
        await asyncio.gather(*(worker(n, lane) for n, lane in enumerate(lanes)))
    finally:
        for lane in lanes:
            if lane is not executor:
                await lane.aclose()
