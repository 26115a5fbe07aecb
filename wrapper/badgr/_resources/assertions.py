"""``assertions``: awards — award, list, get, update, revoke (``/v2/assertions``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict, Unpack

from badgr_api.api.assertions import (
    award_assertion,
    batch_award_assertions,
    get_assertion,
    list_assertions,
    list_changed_assertions,
    revoke_assertion,
    revoke_assertions,
    update_assertion,
)
from badgr_api.models.assertion import Assertion
from badgr_api.models.assertion_input import AssertionInput
from badgr_api.models.assertion_update_input import AssertionUpdateInput
from badgr_api.models.batch_award_input import BatchAwardInput
from badgr_api.models.batch_award_item import BatchAwardItem
from badgr_api.models.evidence_input import EvidenceInput
from badgr_api.models.extensions import Extensions
from badgr_api.models.revocation_input import RevocationInput
from badgr_api.models.revocation_result import RevocationResult
from badgr_api.models.revoke_input import RevokeInput
from badgr_api.types import UNSET

from .._call import Call, Job, Recovery, many, one, pages
from .._jobs.award_many import AwardResult, ProgressCallback, award_many_job
from .._jobs.batch import BATCH_SIZE, batch_award_job
from .._jobs.holders import holders_job, holds
from .._jobs.revoke import RevokeResult, revoke_many_job
from .._namespace import M, Namespace, job, op, paged
from .._profiles import supports
from ..errors import APIError, BadRequestError
from ._shared import (
    DEFAULT_PAGE_SIZE,
    Recipient,
    as_models,
    field_values,
    optional,
    optional_model,
    recipient_input,
)

__all__ = ["Assertions", "AwardOptions", "plaintext_identity"]


def _is_duplicate_refusal(error: APIError) -> bool:
    if not isinstance(error, BadRequestError):
        return False
    if error.existing_entity_id is not None or error.error_code == "DUPLICATE_AWARD":
        return True
    text = " ".join([error.description, *error.validation_errors, str(error.field_errors)])
    return "duplicate" in text.lower() or "already" in text.lower()


def plaintext_identity(assertion: Assertion) -> str | None:
    """The recipient's e-mail (URL, telephone) in clear, or ``None`` when the server did not
    send it. ``assertion.recipient.identity`` is the form the badge carries, often a
    ``sha256$…`` hash of it."""
    value = getattr(assertion.recipient, "plaintext_identity", None)
    return value if isinstance(value, str) else None


def _pick_existing(identity: str) -> Any:
    def pick(assertions: list[Assertion]) -> Assertion | None:
        return next((a for a in assertions if holds(a, identity)), None)  # newest first

    return pick


def _pick_revoked_for(reason: str) -> Any:
    def pick(assertion: Assertion) -> Assertion | None:
        # revoked for another reason: someone else revoked it before, not our lost attempt
        return assertion if assertion.revoked and assertion.revocation_reason == reason else None

    return pick


def _is_bad_request(error: APIError) -> bool:
    return isinstance(error, BadRequestError)


class AwardOptions(TypedDict, total=False):
    """What an award may carry besides its recipient; ``None`` or leaving one out omits it."""

    narrative: str | None
    evidence: Iterable[EvidenceInput | Mapping[str, Any]] | None
    issued_on: datetime.datetime | None
    expires: datetime.datetime | None
    #: whether the server e-mails the recipient (its default when left out)
    notify: bool | None
    extensions: Extensions | Mapping[str, Any] | None


def _award_call(
    badgeclass: str,
    recipient: Recipient,
    options: AwardOptions,
    *,
    allow_duplicate_awards: bool = False,
    where: str = "assertions.award",
) -> Call[Assertion]:
    rcpt = recipient_input(recipient)
    values = field_values(AwardOptions, options, where)
    values["evidence"] = as_models(EvidenceInput, options.get("evidence"))
    values["extensions"] = optional_model(Extensions, options.get("extensions"))
    body = AssertionInput(recipient=rcpt, allow_duplicate_awards=allow_duplicate_awards, **values)
    recovery: Recovery[Assertion] | None = None
    if not allow_duplicate_awards:
        recovery = Recovery(
            when=_is_duplicate_refusal,
            call=Call(
                list_assertions,
                {
                    "scope": "badgeclasses",
                    "id_or_entity_id": badgeclass,
                    "recipient": rcpt.identity,
                    "include_expired": True,  # an expired award is still held
                },
                "list",
                Assertion,
            ),
            pick=_pick_existing(rcpt.identity),
        )
    return one(
        award_assertion,
        Assertion,
        # safe to retry only when the server refuses a second award to the same recipient
        idempotent=not allow_duplicate_awards,
        recovery=recovery,
        scope="badgeclasses",
        id_or_entity_id=badgeclass,
        body=body,
    )


#: recipients one batch award request may carry (the spec's ``maxItems``)
MAX_BATCH_AWARD = 1000
#: what a batch award item cannot carry (``notify`` becomes the batch's ``create_notification``)
_NOT_IN_BATCH = ("extensions",)


def _batch_award_call(
    badgeclass: str, recipients: Iterable[Recipient], options: AwardOptions, where: str
) -> Call[list[Assertion]]:
    values = field_values(AwardOptions, options, where)
    for name in _NOT_IN_BATCH:
        if values.pop(name) is not UNSET:
            raise TypeError(f"{where}: a batch award cannot carry {name!r}")
    notify = values.pop("notify", UNSET)
    values["evidence"] = as_models(EvidenceInput, options.get("evidence"))
    assertions = [BatchAwardItem(recipient=recipient_input(r), **values) for r in recipients]
    if not 1 <= len(assertions) <= MAX_BATCH_AWARD:
        raise ValueError(f"{where}: give 1 to {MAX_BATCH_AWARD} recipients, got {len(assertions)}")
    body = BatchAwardInput(assertions=assertions, create_notification=notify)
    return many(batch_award_assertions, Assertion, id_or_entity_id=badgeclass, body=body)


def _pass_through(answer: list[RevocationResult]) -> list[RevocationResult]:
    return answer


def _revoke_batch_call(ids: list[str], reason: str) -> Call[list[RevocationResult]]:
    kwargs = {"body": [RevocationInput(revocation_reason=reason, entity_id=i) for i in ids]}
    # A resend cannot revoke twice (the server refuses it item by item), so the batch is
    # retried like a PUT; after a lost last answer the look-up is one more resend.
    resend: Call[list[RevocationResult]] = Call(
        revoke_assertions, kwargs, "list", RevocationResult, idempotent=True
    )
    look_up = Recovery(when=lambda error: False, call=resend, pick=_pass_through)
    return Call(
        revoke_assertions, kwargs, "list", RevocationResult, idempotent=True, recovery=look_up
    )


def _read_call(assertion: str) -> Call[Assertion]:
    return one(get_assertion, Assertion, id_or_entity_id=assertion)


class Assertions(Namespace[M]):
    """Awards (assertions): award, list, get, update, revoke.

    **Retries and duplicates.** ``award`` sends ``allowDuplicateAwards: false`` by default. The
    server then refuses to award the same badge class twice to one recipient, which makes the
    POST safe to retry after a lost response, a 429 or a 5xx. If a retry is refused as a
    duplicate after an attempt whose answer was lost (connection error, 502, 504), that attempt
    did award the badge: the SDK finds the assertion with the list endpoint's ``recipient``
    filter and returns it (``award_many`` marks such results ``recovered=True``). After a 429 or
    503 the server did not act, so the duplicate refusal is raised: the recipient already held
    the badge. With ``allow_duplicate_awards=True`` the award is never retried.
    """

    @op
    def award(
        self,
        badgeclass: str,
        recipient: Recipient,
        *,
        allow_duplicate_awards: bool = False,
        **options: Unpack[AwardOptions],
    ) -> Call[Assertion]:
        """Issue a new assertion of ``badgeclass`` to ``recipient`` (an e-mail, URL or
        telephone string, a ``RecipientInput``, or a wire-form mapping); ``options`` are
        those of :class:`AwardOptions`."""
        return _award_call(
            badgeclass, recipient, options, allow_duplicate_awards=allow_duplicate_awards
        )

    @job
    def award_many(
        self,
        badgeclass: str,
        recipients: Iterable[Recipient],
        *,
        concurrency: int = 8,
        progress: ProgressCallback | None = None,
        **options: Unpack[AwardOptions],
    ) -> Job[list[AwardResult]]:
        """Award to many recipients, ``concurrency`` at a time, each with the same ``options``
        (:class:`AwardOptions`); one :class:`AwardResult` per recipient in input order.
        Failures are collected, not raised. Never awards twice.

        On a badgr-server (``server="badgr-server"``) the awards go out in batch requests of up
        to 100 recipients (``award_batch``); a batch whose answer was lost is reconciled by
        looking up who holds the badge before only the rest are resent, and a refused batch is
        retried one recipient at a time so each gets its own outcome. The batch route itself
        refuses no one, so recipients who already hold the badge (:meth:`holders`) are found
        first and get the duplicate refusal a single award gets."""
        if supports(self._server, batch_award_assertions.__name__.rsplit(".", 1)[-1]) and (
            options.get("extensions") is None
        ):
            return batch_award_job(
                badgeclass,
                recipients,
                identity=lambda r: recipient_input(r).identity,
                batch_call=lambda rs: _batch_award_call(
                    badgeclass, rs, options, "assertions.award_many"
                ),
                single_call=lambda r: _award_call(
                    badgeclass, r, options, where="assertions.award_many"
                ),
                concurrency=concurrency,
                progress=progress,
                batch_size=BATCH_SIZE,
            )
        return award_many_job(
            lambda r: _award_call(badgeclass, r, options, where="assertions.award_many"),
            recipients,
            concurrency=concurrency,
            progress=progress,
        )

    @job
    def holders(
        self, badgeclass: str, recipients: Iterable[Recipient]
    ) -> Job[dict[str, Assertion]]:
        """Which of ``recipients`` already hold ``badgeclass``: ``identity → award`` (the
        identity as given, or as the recipient's ``identity``), found in one walk over the
        badge class's awards. Holding means an unrevoked award, expired or not: the rule of
        the servers' duplicate check, which ``award`` and ``award_many`` follow too."""
        return holders_job(badgeclass, [recipient_input(r).identity for r in recipients])

    @op
    def award_batch(
        self, badgeclass: str, recipients: Iterable[Recipient], **options: Unpack[AwardOptions]
    ) -> Call[list[Assertion]]:
        """Award ``badgeclass`` to up to 1000 recipients in one request (badgr-server only), all
        or none, one assertion per recipient in order. Not retried (a lost answer may hide a
        done award: ``award_many`` reconciles that for you). ``notify`` e-mails everyone;
        ``extensions`` cannot be sent in a batch."""
        return _batch_award_call(badgeclass, recipients, options, "assertions.award_batch")

    @paged
    def changed(
        self, *, since: datetime.datetime | None = None, page_size: int | None = DEFAULT_PAGE_SIZE
    ) -> Call[Assertion]:
        """Assertions of your issuers changed since ``since`` (badgr-server only), oldest change
        first (lazy pager following the body's ``pagination.nextResults``)."""
        return pages(list_changed_assertions, Assertion, page_size, since=optional(since))

    @job
    def revoke_many(self, assertions: Iterable[str], *, reason: str) -> Job[list[RevokeResult]]:
        """Revoke several assertions; one :class:`~badgr.RevokeResult` (the server's
        ``RevocationResult`` plus ``attempts``, ``recovered`` and ``error``) per id, in order:
        check ``.revoked``. Sent in batches of the server's maximum (500); an empty list sends
        nothing. A batch whose answer was lost is resent and its items checked, so an id is
        reported revoked exactly when the server revoked it for this call (``recovered=True``
        when that was an attempt whose answer was lost); a batch that fails outright gives its
        ids ``revoked=False`` with the ``error``, and the other batches still go out."""
        return revoke_many_job(
            list(assertions), reason, batch_call=_revoke_batch_call, read_call=_read_call
        )

    @paged
    def list(
        self,
        *,
        badgeclass: str | None = None,
        issuer: str | None = None,
        recipient: str | None = None,
        include_expired: bool = False,
        include_revoked: bool = False,
        page_size: int | None = DEFAULT_PAGE_SIZE,
    ) -> Call[Assertion]:
        """Get the assertions of one badge class or of one issuer (give exactly one), newest
        first (lazy pager).

        Like the server, this leaves out revoked awards (``include_revoked=False``) and expired
        ones (``include_expired=False``) unless asked: an export of every award passes both as
        ``True``. ``a.recipient.identity`` is usually a ``sha256$…`` hash; the address the award
        was made to is :func:`badgr.plaintext_identity` ``(a)``."""
        if (badgeclass is None) == (issuer is None):
            raise ValueError("give exactly one of badgeclass= or issuer=")
        return pages(
            list_assertions,
            Assertion,
            page_size,
            scope="badgeclasses" if badgeclass is not None else "issuers",
            id_or_entity_id=badgeclass if badgeclass is not None else issuer,
            recipient=optional(recipient),
            include_expired=include_expired,
            include_revoked=include_revoked,
        )

    @op
    def get(self, assertion: str) -> Call[Assertion]:
        """Get a single assertion."""
        return _read_call(assertion)

    @op
    def update(
        self,
        assertion: str,
        *,
        narrative: str | None = None,
        expires: datetime.datetime | None = None,
        issued_on: datetime.datetime | None = None,
        evidence: Iterable[EvidenceInput | Mapping[str, Any]] | None = None,
    ) -> Call[Assertion]:
        """Update an assertion's narrative, dates or evidence (PUT of the given fields)."""
        body = AssertionUpdateInput(
            narrative=optional(narrative),
            expires=optional(expires),
            issued_on=optional(issued_on),
            evidence=as_models(EvidenceInput, evidence),
        )
        return one(update_assertion, Assertion, id_or_entity_id=assertion, body=body)

    @op
    def revoke(self, assertion: str, *, reason: str) -> Call[Assertion]:
        """Revoke an assertion with a reason. A retry refused because the first attempt already
        revoked it returns the revoked assertion."""
        return one(
            revoke_assertion,
            Assertion,
            recovery=Recovery(
                when=_is_bad_request,
                call=_read_call(assertion),
                pick=_pick_revoked_for(reason),
            ),
            id_or_entity_id=assertion,
            body=RevokeInput(revocation_reason=reason),
        )
