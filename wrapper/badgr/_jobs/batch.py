"""``award_many`` through badgr-server's batch award: one request per up-to-100 recipients.

The batch endpoint (``POST /v2/badgeclasses/{id}/issue``) is all or none and is not safe to
resend blindly, so each batch is sent once and its failure is read like this:

* **refused on its merits** (400): nothing was awarded; the batch's recipients are awarded one
  by one, so each gets its own true outcome (one bad address does not fail the others);
* **maybe applied** (:func:`badgr._flow.maybe_applied`: the answer was lost after sending, a
  500/502/504, a 2xx body that could not be read): the badge class's awards are looked up,
  recipients who hold the badge get it as their result (``recovered=True``) and only the rest
  are resent;
* **not applied** (429, 503): the rest are resent after the server's ``Retry-After``;
* any other refusal (401, 404, …) is every recipient's result.

Before the first batch, recipients who already hold the badge (one walk over its awards) get
the duplicate refusal a single award would get: the batch route itself refuses no one.

Resends follow the client's :class:`~badgr.RetryPolicy` (``max_retries``, back-off,
``Retry-After``) and wait through the lane, so a 429 pauses every lane of the client as it does
for single calls; what is still pending after that keeps the last error. Who already holds
the badge is :mod:`badgr._jobs.holders`' one rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from badgr_api.models.assertion import Assertion

from .._call import AsyncRunner, Call, Job, positive_int
from .._flow import maybe_applied
from .._logging import logger
from ..errors import APIError, BadgrError, BadRequestError
from .award_many import AwardResult, ProgressCallback, award_one
from .holders import awards_of, find_holders
from .lanes import report_progress, run_on_lanes

__all__ = ["BATCH_SIZE", "batch_award_job"]

#: recipients per batch request
BATCH_SIZE = 100


def _not_applied(error: BadgrError) -> bool:
    return isinstance(error, APIError) and error.status_code in (429, 503)


def batch_award_job(
    badgeclass: str,
    recipients: Iterable[Any],
    *,
    identity: Callable[[Any], str],
    batch_call: Callable[[list[Any]], Call[list[Assertion]]],
    single_call: Callable[[Any], Call[Assertion]],
    concurrency: int,
    progress: ProgressCallback | None,
    batch_size: int = BATCH_SIZE,
) -> Job[list[AwardResult]]:
    positive_int("concurrency", concurrency)
    # bad arguments raise here, before anything is sent
    award = _BatchAward(badgeclass, list(recipients), identity, batch_call, single_call, progress)

    async def run(executor: AsyncRunner) -> list[AwardResult]:
        pending = await award.skip_holders(executor)
        chunks = [pending[i : i + batch_size] for i in range(0, len(pending), batch_size)]
        queue: Iterator[list[int]] = iter(chunks)

        async def worker(number: int, lane: AsyncRunner) -> None:
            for chunk in queue:
                await award.batch(lane, chunk)

        await run_on_lanes(executor, min(concurrency, len(chunks)) or 1, worker)
        return [r for r in award.results if r is not None]

    return Job(run)


class _BatchAward:
    """One award_many over the batch route: its recipients, their results so far, and how a batch
    is sent, looked up after a lost answer, resent, or split into single awards."""

    def __init__(
        self,
        badgeclass: str,
        items: list[Any],
        identity: Callable[[Any], str],
        batch_call: Callable[[list[Any]], Call[list[Assertion]]],
        single_call: Callable[[Any], Call[Assertion]],
        progress: ProgressCallback | None,
    ) -> None:
        self.badgeclass, self.items, self.progress = badgeclass, items, progress
        self.batch_call = batch_call
        self.identities = [identity(item) for item in items]
        self.singles = [single_call(item) for item in items]
        self.results: list[AwardResult | None] = [None] * len(items)
        self.done = 0

    async def record(self, index: int, result: AwardResult) -> None:
        self.results[index] = result
        self.done += 1
        if self.progress is not None:
            await report_progress(self.progress, self.done, len(self.items), result)

    async def skip_holders(self, runner: AsyncRunner) -> list[int]:
        """Give each recipient who already holds the badge the refusal a single award gets
        (the batch route would award them again); the others, to send. Nothing is sent when
        the look-up fails: every recipient gets its error."""
        everyone = list(range(len(self.items)))
        if not everyone:
            return everyone
        try:
            held = await find_holders(runner, awards_of(self.badgeclass), set(self.identities))
        except BadgrError as error:
            for index in everyone:
                await self.record(index, AwardResult(self.items[index], error=error))
            return []
        for index in everyone:
            existing = held.get(self.identities[index])
            if existing is not None:
                refusal = BadRequestError(
                    400,
                    "the recipient already holds this badge class: nothing was sent",
                    error_code="DUPLICATE_AWARD",
                    existing_entity_id=existing.entity_id,
                    note="found by award_many's look-up before the batch award",
                )
                await self.record(index, AwardResult(self.items[index], error=refusal))
        return [i for i in everyone if self.identities[i] not in held]

    async def one_by_one(self, lane: AsyncRunner, pending: list[int]) -> None:
        for index in pending:
            await self.record(index, await award_one(lane, self.singles[index], self.items[index]))

    async def batch(self, lane: AsyncRunner, pending: list[int]) -> None:
        """Send one batch until it is settled: awarded, refused (then one by one), found applied
        after a lost answer, or failed for good."""
        policy = lane.policy
        attempt = 0
        while True:
            attempt += 1
            try:
                outcome = await lane.run_detailed(
                    self.batch_call([self.items[i] for i in pending]), whole_call=False
                )
            except BadgrError as exc:
                error = exc
            else:
                for index, assertion in zip(pending, outcome.value, strict=True):
                    awarded = AwardResult(self.items[index], assertion=assertion, attempts=attempt)
                    await self.record(index, awarded)
                return
            if isinstance(error, BadRequestError):
                await self.one_by_one(lane, pending)
                return
            delay: float | None = None
            everyone = False
            if maybe_applied(error):
                remaining = await self.recover(lane, pending, error, attempt)
                if remaining is None:
                    break
                if not remaining:
                    return
                pending = remaining
                if attempt <= policy.max_retries:
                    delay = policy.backoff(attempt)
            elif _not_applied(error) and isinstance(error, APIError) and error.response:
                delay = policy.delay_after_response(
                    error.response, idempotent=True, attempt=attempt
                )
                everyone = policy.server_asked_to_wait(error.response)
            if delay is None:
                break
            await lane.wait(delay, everyone=everyone)
        for index in pending:
            await self.record(index, AwardResult(self.items[index], error=error, attempts=attempt))

    async def recover(
        self, lane: AsyncRunner, pending: list[int], error: BadgrError, attempt: int
    ) -> list[int] | None:
        """After an answer that may have been lost: record the recipients who now hold the badge
        and return the others (``None``: the look-up failed too, the outcome is unknown)."""
        try:
            wanted = [self.identities[i] for i in pending]
            held = await find_holders(lane, awards_of(self.badgeclass), wanted)
        except BadgrError as lookup_error:
            logger.warning(
                "batch award failed (%s) and looking the awards up failed too (%s):"
                " the outcome is unknown",
                error,
                lookup_error,
            )
            return None
        for index in pending:
            award = held.get(self.identities[index])
            if award is not None:
                found = AwardResult(
                    self.items[index], assertion=award, recovered=True, attempts=attempt
                )
                await self.record(index, found)
        return [i for i in pending if self.identities[i] not in held]
