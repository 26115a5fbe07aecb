"""``award_many``: award one badge class to many recipients with bounded concurrency.

It is a :class:`~badgr._call.Job` (a coroutine over the async executor): the async client awaits
it, the sync client runs it on a private event loop. Each award is sent with
``allowDuplicateAwards: false`` so it can be retried safely, and a retry that the server refuses
as a duplicate is resolved by looking the award up (``AwardResult.recovered``). Failures are
collected per recipient, never raised midway.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._call import AsyncRunner, Call, Job
from ._logging import logger
from ._retry import SharedPause
from .errors import APIError, BadgrError

if TYPE_CHECKING:
    from badgr_api.models.assertion import Assertion

__all__ = ["AwardResult", "ProgressCallback", "award_many_job"]


@dataclass(frozen=True)
class AwardResult:
    """The outcome for one recipient: ``assertion`` on success, ``error`` on failure."""

    recipient: Any
    assertion: Assertion | None = None
    error: BadgrError | None = None
    #: the award was made by an attempt whose response was lost; a retry was refused as a
    #: duplicate and the assertion was found with the list endpoint's ``recipient`` filter
    recovered: bool = False
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.assertion is not None

    @property
    def existing_entity_id(self) -> str | None:
        """On a refused duplicate: the award the recipient already holds (to resume from)."""
        return self.error.existing_entity_id if isinstance(self.error, APIError) else None


#: ``progress(done, total, result)`` is called after each recipient, in the event-loop thread;
#: it may be a coroutine function (it is awaited).
ProgressCallback = Callable[[int, int, AwardResult], Awaitable[None] | None]


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
            return
        self._calm += 1
        if self._calm >= self.GROW_AFTER and self.allowed < self.ceiling:
            self.allowed += 1
            self._calm = 0
            self._changed.set()


async def report_progress(
    progress: ProgressCallback, done: int, total: int, result: AwardResult
) -> None:
    """Call ``progress`` (awaiting it when it is a coroutine function); its errors are logged."""
    try:
        reported = progress(done, total, result)
        if inspect.isawaitable(reported):
            await reported
    except Exception:
        logger.exception("award_many progress callback failed")


def award_many_job(
    build: Callable[[Any], Call[Assertion]],
    recipients: Iterable[Any],
    *,
    concurrency: int,
    progress: ProgressCallback | None,
) -> Job[list[AwardResult]]:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be a positive int, got {concurrency!r}")
    items = list(recipients)
    # build every call up front so bad arguments raise before anything is sent
    calls = [build(recipient) for recipient in items]

    async def run(executor: AsyncRunner) -> list[AwardResult]:
        total = len(items)
        results: list[AwardResult | None] = [None] * total
        queue = iter(range(total))
        done = 0

        limit = AdaptiveLimit(min(concurrency, total) or 1, executor.pause)

        async def worker(number: int, lane: AsyncRunner) -> None:
            nonlocal done
            await limit.admit(number)
            for index in queue:
                try:
                    outcome = await lane.run_detailed(calls[index])
                    result = AwardResult(
                        items[index],
                        assertion=outcome.value,
                        recovered=outcome.recovered,
                        attempts=outcome.attempts,
                    )
                except BadgrError as error:
                    result = AwardResult(items[index], error=error, attempts=error.attempts)
                results[index] = result
                done += 1
                limit.settle()
                if progress is not None:
                    await report_progress(progress, done, total, result)
                await limit.admit(number)
            limit.finish()

        await run_on_lanes(executor, limit.ceiling, worker)
        return [r for r in results if r is not None]

    return Job(run)


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
