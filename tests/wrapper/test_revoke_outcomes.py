"""``revoke_many`` tells the truth when a batch's answer is lost (the mock's drop fault applies a
request, then closes the connection unanswered), over real HTTP, on both kinds of server."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from badgr import Client, RevokeResult, errors
from badgr_mock.faults import Faults

from .conftest import both_profiles, make_badge
from .test_outcomes import _client
from .test_retries import _seed_for


def _awards(client: Client, count: int) -> tuple[str, list[str]]:
    _, badge = make_badge(client)
    ids = [
        client.assertions.award(badge, recipient=f"r{i}@example.com").entity_id
        for i in range(count)
    ]
    return badge, ids


@both_profiles
@pytest.mark.parametrize(("max_retries", "lost"), [(0, 1), (2, 1), (2, 3)])
@pytest.mark.plants("faults")
def test_revoke_many_after_lost_answers_reports_what_the_server_did(
    app: Any, base_url: str, max_retries: int, lost: int, caplog: pytest.LogCaptureFixture
) -> None:
    """The first ``lost`` answers are dropped after the server acted (with ``lost`` past the
    retries, the last attempt's too). Awards the first attempt revoked are reported revoked and
    ``recovered``; one revoked earlier for another reason stays "already revoked"; an unknown id
    stays not found."""
    with _client(base_url, max_retries) as client:
        _, (first, second, earlier) = _awards(client, 3)
        client.assertions.revoke(earlier, reason="earlier")
        ids = [first, second, earlier, "AAAAAAAAAAAAAAAAAAAAAA"]
        # dropped answers, then answered: a resend (retry or look-up) and three reads
        app.faults = Faults(drop_rate=0.5, seed=_seed_for([True] * lost + [False] * 4, 0.5))
        caplog.set_level(logging.WARNING, logger="badgr")
        results = client.assertions.revoke_many(ids, reason="batch")
        app.faults = Faults()
        assert [client.assertions.get(i).revocation_reason for i in ids[:3]] == [
            "batch",
            "batch",
            "earlier",
        ]
    assert all(isinstance(r, RevokeResult) for r in results)
    assert [r.entity_id for r in results] == ids
    assert [r.revoked for r in results] == [True, True, False, False]
    assert [r.recovered for r in results] == [True, True, False, False]
    assert {r.attempts for r in results} == {min(lost, max_retries) + 1}
    assert "already revoked" in str(results[2].reason).lower()
    assert "not found" in str(results[3].reason)
    assert all(r.error is None for r in results)
    if lost > max_retries:
        assert any("server had acted" in r.getMessage() for r in caplog.records)


@pytest.mark.plants("faults")
def test_revoke_many_whose_look_up_is_lost_too_reports_an_unknown_outcome(
    app: Any, base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with _client(base_url, 0) as client:
        _, ids = _awards(client, 2)
        app.faults = Faults(drop_rate=1.0)
        caplog.set_level(logging.WARNING, logger="badgr")
        results = client.assertions.revoke_many(ids, reason="lost")
        app.faults = Faults()
    assert [r.revoked for r in results] == [False, False]
    assert all(isinstance(r.error, errors.APIConnectionError) for r in results)
    assert any("outcome is unknown" in r.getMessage() for r in caplog.records)


@pytest.mark.plants("faults")
def test_revoke_many_failed_batch_gives_every_id_the_error(app: Any, base_url: str) -> None:
    with _client(base_url, 2) as client:
        _, ids = _awards(client, 2)
        app.faults = Faults(fail_rate=1.0)  # 503: the server did not act
        results = client.assertions.revoke_many(ids, reason="never")
        app.faults = Faults()
        assert not any(client.assertions.get(i).revoked for i in ids)
    assert [r.revoked for r in results] == [False, False]
    assert [r.attempts for r in results] == [3, 3]
    assert all(isinstance(r.error, errors.ServerError) for r in results)
    assert all(
        r.entity_id == i and "503" in str(r.reason) for r, i in zip(results, ids, strict=True)
    )


@pytest.mark.plants("faults")
def test_revoke_with_lost_answer_of_an_assertion_revoked_before_is_refused(
    app: Any, base_url: str
) -> None:
    """The lost answer was the refusal (someone revoked it earlier, for another reason): the
    look-up shows it was not this call's revoke, so the failure stands."""
    with _client(base_url, 0) as client:
        _, (award,) = _awards(client, 1)
        client.assertions.revoke(award, reason="earlier")
        app.faults = Faults(drop_rate=0.5, seed=_seed_for([True, False], 0.5))
        with pytest.raises(errors.APIConnectionError) as info:
            client.assertions.revoke(award, reason="later")
        app.faults = Faults()
    assert info.value.attempts == 1
