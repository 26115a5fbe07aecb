"""``revoke_many``: revoke many assertions in batches of the server's maximum, with true outcomes.

The batch request (``POST /v2/assertions/revoke``) answers item by item and is safe to resend:
a revoked assertion is never revoked again (the server answers that item "already revoked"),
so it is retried like a PUT. What a lost answer hides is settled by the one rule of
:mod:`badgr._flow`, through the batch call's :class:`~badgr._call.Recovery`:

* the last attempt's answer may have been lost (dropped connection, timeout after sending, a
  500, a gateway's 502/504): the flow resends the batch as its look-up, and the resend's
  answer says item by item what the server holds;
* an item answered *already revoked* after an earlier attempt may have been applied (a retried
  batch, or that look-up) may be this call's own lost revoke: the assertion is read, and if it
  is revoked for this reason the item is reported revoked (``recovered=True``);
* a batch that still fails gives each of its ids a failed result carrying the error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import define, field

from badgr_api.models.assertion import Assertion
from badgr_api.models.revocation_result import RevocationResult

from .._call import AsyncRunner, Call, Job
from .._logging import logger
from ..errors import BadgrError
from .lanes import run_on_lanes

__all__ = ["MAX_REVOKE_BATCH", "RevokeResult", "is_already_revoked", "revoke_many_job"]

#: ``maxItems`` of the ``POST /v2/assertions/revoke`` body in the spec
MAX_REVOKE_BATCH = 500
#: concurrent reads when items answered "already revoked" must be checked
_LOOKUP_LANES = 8


@define
class RevokeResult(RevocationResult):
    """The server's answer for one id (a :class:`~badgr_api.models.RevocationResult`) and how
    it was reached."""

    #: requests of its batch (retries included; the look-up after a lost answer is not counted)
    attempts: int = 1
    #: revoked by an attempt whose answer was lost, confirmed by reading the assertion
    recovered: bool = False
    #: why the batch failed as a whole (the result is then ``revoked=False``)
    error: BadgrError | None = field(default=None, eq=False)

    @property
    def already_revoked(self) -> bool:
        """Refused because the assertion had been revoked before (either server's wording)."""
        return is_already_revoked(self)


def is_already_revoked(answer: RevocationResult) -> bool:
    """An item refused because the assertion was revoked before (either server's wording)."""
    if answer.code == "ALREADY_REVOKED":
        return True
    return isinstance(answer.reason, str) and "already revoked" in answer.reason.lower()


def _from_answer(answer: RevocationResult, attempts: int) -> RevokeResult:
    result = RevokeResult.from_dict(answer.to_dict())
    result.attempts = attempts
    return result


def _failed(entity_id: str, reason: str, error: BadgrError) -> RevokeResult:
    return RevokeResult(
        revoked=False,
        entity_id=entity_id,
        revocation_reason=reason,
        reason=str(error),
        attempts=error.attempts,
        error=error,
    )


def _answers_in_order(ids: list[str], answers: list[RevocationResult]) -> list[RevocationResult]:
    """One answer per id: the server answers item by item in order (matched by id otherwise)."""
    if len(answers) == len(ids):
        return answers
    by_id = {a.entity_id: a for a in answers}
    missing = "the server's answer left this id out"
    return [
        by_id.get(i) or RevocationResult(revoked=False, entity_id=i, reason=missing) for i in ids
    ]


def revoke_many_job(
    ids: list[str],
    reason: str,
    *,
    batch_call: Callable[[list[str], str], Call[list[RevocationResult]]],
    read_call: Callable[[str], Call[Assertion]],
) -> Job[list[RevokeResult]]:
    """``batch_call(ids, reason)`` revokes one batch (retry-safe, with a recovery that resends
    it); ``read_call(id)`` reads one assertion."""
    batches = [ids[i : i + MAX_REVOKE_BATCH] for i in range(0, len(ids), MAX_REVOKE_BATCH)]
    calls = [batch_call(batch, reason) for batch in batches]

    async def confirm(executor: AsyncRunner, results: list[RevokeResult]) -> None:
        """Read every assertion answered "already revoked": revoked for this reason, it was
        this call's own attempt whose answer was lost."""
        doubtful = [r for r in results if not r.revoked and is_already_revoked(r)]
        queue: Iterator[RevokeResult] = iter(doubtful)

        async def worker(number: int, lane: AsyncRunner) -> None:
            for result in queue:
                assert isinstance(result.entity_id, str)
                try:
                    assertion = await lane.run(read_call(result.entity_id), whole_call=False)
                except BadgrError as error:
                    logger.warning(
                        "revoke_many: %s was answered already revoked after an attempt whose"
                        " answer was lost, and reading it failed (%s): reported as answered",
                        result.entity_id,
                        error,
                    )
                    continue
                if assertion.revoked and assertion.revocation_reason == reason:
                    result.revoked, result.recovered = True, True
                    result.reason = result.code = None

        if doubtful:
            await run_on_lanes(executor, min(_LOOKUP_LANES, len(doubtful)), worker)

    async def run(executor: AsyncRunner) -> list[RevokeResult]:
        results: list[RevokeResult] = []
        for batch, call in zip(batches, calls, strict=True):
            try:
                outcome = await executor.run_detailed(call, whole_call=False)
            except BadgrError as error:
                results.extend(_failed(entity_id, reason, error) for entity_id in batch)
                continue
            answered = [
                _from_answer(answer, outcome.attempts)
                for answer in _answers_in_order(batch, outcome.value)
            ]
            if outcome.recovered or outcome.attempts > 1:
                await confirm(executor, answered)
            results.extend(answered)
        return results

    return Job(run)
