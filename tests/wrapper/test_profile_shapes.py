"""The SDK reads each kind of server's error shapes the same way (over real HTTP)."""

from __future__ import annotations

import pytest

from badgr import Client, errors
from badgr._jobs.revoke import is_already_revoked

from .conftest import both_profiles, make_badge


@both_profiles
def test_refused_duplicate_names_the_existing_award_on_both_servers(
    client: Client, profile: str
) -> None:
    _, badge = make_badge(client)
    first = client.assertions.award(badge, recipient="dup@example.com")
    with pytest.raises(errors.BadRequestError) as info:
        client.assertions.award(badge, recipient="dup@example.com")
    assert info.value.existing_entity_id == first.entity_id
    assert info.value.field_errors == {}  # the refusal is in validationErrors alone (§11)
    if profile == "documented":  # a badgr-server's batch award does not refuse duplicates
        (result,) = client.assertions.award_many(badge, ["dup@example.com"])
        assert result.existing_entity_id == first.entity_id


@both_profiles
def test_revoke_many_says_already_revoked_on_both_servers(client: Client) -> None:
    _, badge = make_badge(client)
    award = client.assertions.award(badge, recipient="twice@example.com")
    client.assertions.revoke(award.entity_id, reason="first")
    (result,) = client.assertions.revoke_many([award.entity_id], reason="second")
    assert not result.revoked and not result.recovered and result.attempts == 1
    assert is_already_revoked(result)
