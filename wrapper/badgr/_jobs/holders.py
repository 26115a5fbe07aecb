"""The one rule for "this recipient already holds the badge", and the look-up that applies it.

A recipient holds a badge class when an **unrevoked** award of it was made to them, expired or
not: the rule the servers' duplicate check applies (``allowDuplicateAwards: false`` refuses a
second award while an unrevoked one exists, however old). Identities compare as the servers
compare them: the plaintext identity when the server shows it (e-mails case-insensitively),
else the Open Badges hash ``sha256$hex(identity + salt)``, else the identity itself.

``award`` (its look-up after a lost answer), both ``award_many`` paths, ``holders`` and the
CLI's ``badgr award`` all use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from badgr_api.api.assertions import list_assertions
from badgr_api.models.assertion import Assertion

from .._call import AsyncRunner, Call, Job, pages

__all__ = ["awards_of", "find_holders", "holders_job", "holds"]

#: the largest page the servers give: the fewest requests for one walk
_PAGE_SIZE = 500


def _forms(identity: str) -> set[str]:
    return {identity.strip(), identity.strip().lower()}


def holds(assertion: Assertion, identity: str) -> bool:
    """Whether ``assertion`` is an award that makes ``identity`` a holder of its badge class."""
    if assertion.revoked:
        return False
    recipient = assertion.recipient
    plain = getattr(recipient, "plaintext_identity", None)
    if isinstance(plain, str) and plain:
        return plain.strip().lower() == identity.strip().lower()
    shown = str(recipient.identity)
    if shown.lower().startswith("sha256$"):
        salt = getattr(recipient, "salt", None)
        salt = salt if isinstance(salt, str) else ""
        digests = {hashlib.sha256((form + salt).encode()).hexdigest() for form in _forms(identity)}
        return shown[len("sha256$") :].lower() in digests
    return shown.strip().lower() == identity.strip().lower()


def awards_of(badgeclass: str) -> Call[Assertion]:
    """Every award of ``badgeclass``, expired ones included (they still count as held)."""
    return pages(
        list_assertions,
        Assertion,
        _PAGE_SIZE,
        scope="badgeclasses",
        id_or_entity_id=badgeclass,
        include_expired=True,
    )


async def find_holders(
    runner: AsyncRunner, awards: Call[Assertion], identities: Iterable[str]
) -> dict[str, Assertion]:
    """``identity → award`` for each of ``identities`` that holds the badge, walking
    ``awards`` (:func:`awards_of`) newest first and stopping once every identity is found."""
    from .._pagination import AsyncPager

    wanted = list(dict.fromkeys(identities))
    found: dict[str, Assertion] = {}
    if not wanted:
        return found
    async for assertion in AsyncPager(runner, awards):
        for identity in wanted:
            if identity not in found and holds(assertion, identity):
                found[identity] = assertion
        if len(found) == len(wanted):
            break
    return found


def holders_job(badgeclass: str, identities: Iterable[str]) -> Job[dict[str, Assertion]]:
    wanted = list(identities)

    async def run(runner: AsyncRunner) -> dict[str, Assertion]:
        return await find_holders(runner, awards_of(badgeclass), wanted)

    return Job(run)
