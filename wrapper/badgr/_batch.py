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

Resends follow the client's :class:`~badgr.RetryPolicy` (``max_retries``, back-off,
``Retry-After``); what is still pending after that keeps the last error.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from badgr_api.api.assertions import list_assertions
from badgr_api.models.assertion import Assertion

from ._bulk import AwardResult, ProgressCallback, report_progress, run_on_lanes
from ._call import AsyncRunner, Call, Job, pages
from ._flow import maybe_applied
from ._logging import logger
from ._pagination import AsyncPager
from .errors import (
    APIError,
    BadgrError,
    BadRequestError,
)

__all__ = ["BATCH_SIZE", "batch_award_job", "held_by"]

#: recipients per batch request
BATCH_SIZE = 100
_LOOKUP_PAGE_SIZE = 500


def held_by(assertion: Assertion) -> str:
    """The recipient identity an assertion was awarded to, as the caller gave it (lowercase)."""
    recipient = assertion.recipient
    plain = getattr(recipient, "plaintext_identity", None)
    return str(plain if isinstance(plain, str) and plain else recipient.identity).lower()


def _not_applied(error: BadgrError) -> bool:
    return isinstance(error, APIError) and error.status_code in (429, 503)


async def _holders(lane: AsyncRunner, badgeclass: str, wanted: set[str]) -> dict[str, Assertion]:
    """Unrevoked awards of ``badgeclass`` to the ``wanted`` identities (newest first, stops
    once all are found)."""
    call = pages(
        list_assertions,
        Assertion,
        _LOOKUP_PAGE_SIZE,
        scope="badgeclasses",
        id_or_entity_id=badgeclass,
    )
    found: dict[str, Assertion] = {}
    async for assertion in AsyncPager(lane, call):
        identity = held_by(assertion)
        if identity in wanted and identity not in found and not assertion.revoked:
            found[identity] = assertion
            if len(found) == len(wanted):
                break
    return found


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
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be a positive int, got {concurrency!r}")
    # bad arguments raise here, before anything is sent
    award = _BatchAward(badgeclass, list(recipients), identity, batch_call, single_call, progress)
    total = len(award.items)
    chunks = [list(range(i, min(i + batch_size, total))) for i in range(0, total, batch_size)]

    async def run(executor: AsyncRunner) -> list[AwardResult]:
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
        self.identities = [identity(item).lower() for item in items]
        self.singles = [single_call(item) for item in items]
        self.results: list[AwardResult | None] = [None] * len(items)
        self.done = 0

    async def record(self, index: int, result: AwardResult) -> None:
        self.results[index] = result
        self.done += 1
        if self.progress is not None:
            await report_progress(self.progress, self.done, len(self.items), result)

    async def one_by_one(self, lane: AsyncRunner, pending: list[int]) -> None:
        for index in pending:
            try:
                outcome = await lane.run_detailed(self.singles[index])
            except BadgrError as error:
                failed = AwardResult(self.items[index], error=error, attempts=error.attempts)
                await self.record(index, failed)
            else:
                awarded = AwardResult(
                    self.items[index],
                    assertion=outcome.value,
                    recovered=outcome.recovered,
                    attempts=outcome.attempts,
                )
                await self.record(index, awarded)

    async def batch(self, lane: AsyncRunner, pending: list[int]) -> None:
        """Send one batch until it is settled: awarded, refused (then one by one), found applied
        after a lost answer, or failed for good."""
        policy = lane.policy
        attempt = 0
        while True:
            attempt += 1
            try:
                outcome = await lane.run_detailed(self.batch_call([self.items[i] for i in pending]))
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
            if delay is None:
                break
            await asyncio.sleep(delay)
        for index in pending:
            await self.record(index, AwardResult(self.items[index], error=error, attempts=attempt))

    async def recover(
        self, lane: AsyncRunner, pending: list[int], error: BadgrError, attempt: int
    ) -> list[int] | None:
        """After an answer that may have been lost: record the recipients who now hold the badge
        and return the others (``None``: the look-up failed too, the outcome is unknown)."""
        try:
            held = await _holders(lane, self.badgeclass, {self.identities[i] for i in pending})
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
