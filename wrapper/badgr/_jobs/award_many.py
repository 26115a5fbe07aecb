"""``award_many``: award one badge class to many recipients with bounded concurrency.

It is a :class:`~badgr._call.Job` (a coroutine over the async executor): the async client awaits
it, the sync client runs it on a private event loop. Each award is sent with
``allowDuplicateAwards: false`` so it can be retried safely, and a retry that the server refuses
as a duplicate is resolved by looking the award up (``AwardResult.recovered``). Failures are
collected per recipient, never raised midway.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._call import AsyncRunner, Call, Job, positive_int
from ..errors import APIError, BadgrError
from .lanes import AdaptiveLimit, report_progress, run_on_lanes

if TYPE_CHECKING:
    from badgr_api.models.assertion import Assertion

__all__ = ["AwardResult", "ProgressCallback", "award_many_job", "award_one"]


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


async def award_one(lane: AsyncRunner, call: Call[Assertion], recipient: Any) -> AwardResult:
    """Run one award and say how it went (failures are results, not raised)."""
    try:
        outcome = await lane.run_detailed(call, whole_call=False)
    except BadgrError as error:
        return AwardResult(recipient, error=error, attempts=error.attempts)
    return AwardResult(
        recipient, assertion=outcome.value, recovered=outcome.recovered, attempts=outcome.attempts
    )


def award_many_job(
    build: Callable[[Any], Call[Assertion]],
    recipients: Iterable[Any],
    *,
    concurrency: int,
    progress: ProgressCallback | None,
) -> Job[list[AwardResult]]:
    positive_int("concurrency", concurrency)
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
                result = await award_one(lane, calls[index], items[index])
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
