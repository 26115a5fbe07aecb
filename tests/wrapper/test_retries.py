"""Retries against the mock's fault injection (503s, 429 rate limit, dropped connections)."""

from __future__ import annotations

import logging
import random
import time
from typing import Any

import pytest

from badgr import Client, RetryPolicy, errors
from badgr_mock.app import create_app
from badgr_mock.faults import Faults
from badgr_mock.testing import serve

from .conftest import ALICE, PASSWORD, make_badge


def _retries(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == "badgr" and "retry" in r.getMessage()
    ]


def _seed_for(pattern: list[bool], rate: float) -> int:
    """A seed whose first draws fall below ``rate`` exactly where ``pattern`` is True."""
    for seed in range(10_000):
        rng = random.Random(seed)
        if all((rng.random() < rate) == hit for hit in pattern):
            return seed
    raise AssertionError("no seed found")  # pragma: no cover


@pytest.mark.plants("faults")
def test_get_is_retried_through_injected_503s(
    app: Any, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    issuer, _ = make_badge(client)
    caplog.set_level(logging.INFO, logger="badgr")
    app.faults = Faults(fail_rate=0.5, seed=_seed_for([True, True, False], 0.5))
    assert client.issuers.get(issuer).entity_id == issuer
    assert len(_retries(caplog)) == 2
    assert all("HTTP 503" in m for m in _retries(caplog))


@pytest.mark.plants("faults")
def test_gives_up_after_max_retries(
    app: Any, base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    policy = RetryPolicy(max_retries=2, backoff_base=0.005, max_retry_after=0.01)
    with Client(base_url=base_url, username=ALICE, password=PASSWORD, retry_policy=policy) as c:
        c.users.me()  # log in before the faults start
        caplog.set_level(logging.INFO, logger="badgr")
        app.faults = Faults(fail_rate=1.0)
        with pytest.raises(errors.ServerError) as info:
            c.users.me()
    assert info.value.status_code == 503
    assert len(_retries(caplog)) == 2


@pytest.mark.plants("faults")
def test_post_is_not_retried(app: Any, client: Client, caplog: pytest.LogCaptureFixture) -> None:
    client.users.me()
    caplog.set_level(logging.INFO, logger="badgr")
    app.faults = Faults(fail_rate=1.0)
    with pytest.raises(errors.ServerError):
        client.issuers.create(name="X", email=ALICE, url="https://x.example")
    assert _retries(caplog) == []


class StoppedClock:
    """The mock's clock, moved only by the test: the rate limit's token bucket refills
    exactly as much as the test says, whatever the machine's speed."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_rate_limit_429_honours_retry_after_exactly(caplog: pytest.LogCaptureFixture) -> None:
    clock = StoppedClock()
    app = create_app(clock=clock)
    # the server's Retry-After (1 s) is the wait, capped by max_retry_after: no real second
    policy = RetryPolicy(max_retries=2, max_retry_after=0.01)
    with (
        serve(app) as url,
        Client(base_url=url, username=ALICE, password=PASSWORD, retry_policy=policy) as c,
    ):
        c.users.me()
        caplog.set_level(logging.INFO, logger="badgr")
        app.faults = Faults(rate_limit=2.0)  # a burst of 2, then 2 per second
        c.users.me()
        c.users.me()
        assert _retries(caplog) == []
        with pytest.raises(errors.RateLimitError) as refused:
            c.users.me()  # time stands still: the first try and both retries get 429
        assert refused.value.attempts == 3 and refused.value.retry_after == 1
        assert _retries(caplog) == [f"get_self: HTTP 429; retry {n} of 2 in 0.01 s" for n in (1, 2)]
        clock.now += 0.5  # one token
        c.users.me()
        assert len(_retries(caplog)) == 2


def test_rate_limit_error_when_retries_run_out(app: Any, base_url: str) -> None:
    policy = RetryPolicy(max_retries=0)
    with Client(base_url=base_url, username=ALICE, password=PASSWORD, retry_policy=policy) as c:
        c.users.me()
        app.faults = Faults(rate_limit=0.001)
        with pytest.raises(errors.RateLimitError) as info:
            c.users.me()
            c.users.me()
    assert info.value.retry_after is not None and info.value.retry_after >= 1


@pytest.mark.plants("faults")
def test_dropped_connection_on_get_is_retried(app: Any, client: Client) -> None:
    issuer, _ = make_badge(client)
    app.faults = Faults(drop_rate=0.5, seed=_seed_for([True, False], 0.5))
    assert client.issuers.get(issuer).entity_id == issuer


@pytest.mark.plants("faults")
def test_connection_error_without_retries(app: Any, base_url: str) -> None:
    with Client(
        base_url=base_url,
        username=ALICE,
        password=PASSWORD,
        retry_policy=RetryPolicy(max_retries=0),
    ) as c:
        c.users.me()
        app.faults = Faults(drop_rate=1.0)
        with pytest.raises(errors.APIConnectionError) as info:
            c.users.me()
    assert "users/self" in str(info.value)


@pytest.mark.plants("faults")
def test_retried_award_refused_as_duplicate_returns_the_award(
    app: Any, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    """The first attempt is applied but its response is lost; the retry is refused as a
    duplicate; the caller still gets the one assertion that was made."""
    _, badge = make_badge(client)
    caplog.set_level(logging.INFO, logger="badgr")
    app.faults = Faults(drop_rate=0.5, seed=_seed_for([True, False, False], 0.5))
    award = client.assertions.award(badge, recipient="lost@example.com")
    app.faults = Faults()
    assert award.recipient.plaintext_identity == "lost@example.com"
    listed = list(client.assertions.list(badgeclass=badge, recipient="lost@example.com"))
    assert [a.entity_id for a in listed] == [award.entity_id]
    assert any("the server had acted" in r.getMessage() for r in caplog.records)


@pytest.mark.plants("faults")
def test_duplicate_after_a_refused_attempt_is_reported_not_recovered(
    app: Any, client: Client
) -> None:
    """A 503 means the server did not act, so a duplicate refusal on the retry is the truth:
    the recipient already held the badge before this call, and the caller is told so."""
    _, badge = make_badge(client)
    earlier = client.assertions.award(badge, recipient="held@example.com")
    app.faults = Faults(fail_rate=0.5, seed=_seed_for([True, False], 0.5))
    with pytest.raises(errors.BadRequestError) as info:
        client.assertions.award(badge, recipient="held@example.com")
    app.faults = Faults()
    assert info.value.error_code == "DUPLICATE_AWARD"
    assert earlier.entity_id in " ".join(info.value.validation_errors)


@pytest.mark.plants("faults")
def test_award_with_duplicates_allowed_is_never_retried(app: Any, client: Client) -> None:
    _, badge = make_badge(client)
    app.faults = Faults(drop_rate=0.5, seed=_seed_for([True, False], 0.5))
    with pytest.raises(errors.APIConnectionError):
        client.assertions.award(badge, recipient="once@example.com", allow_duplicate_awards=True)
    app.faults = Faults()
    # the dropped attempt was applied exactly once, and nothing retried it
    assert len(list(client.assertions.list(badgeclass=badge))) == 1


@pytest.mark.plants("faults")
def test_retried_revoke_returns_the_revoked_assertion(app: Any, client: Client) -> None:
    _, badge = make_badge(client)
    award = client.assertions.award(badge, recipient="rev@example.com")
    app.faults = Faults(drop_rate=0.5, seed=_seed_for([True, False, False], 0.5))
    revoked = client.assertions.revoke(award.entity_id, reason="oops")
    assert revoked.revoked and revoked.entity_id == award.entity_id


@pytest.mark.plants("faults")
def test_award_many_under_faults_awards_each_recipient_exactly_once(
    app: Any, base_url: str
) -> None:
    policy = RetryPolicy(max_retries=8, backoff_base=0.005, max_backoff=0.02, max_retry_after=0.02)
    client = Client(base_url=base_url, username=ALICE, password=PASSWORD, retry_policy=policy)
    _, badge = make_badge(client)
    recipients = [f"m{i}@example.com" for i in range(30)]
    app.faults = Faults(drop_rate=0.1, fail_rate=0.1, seed=7)
    seen: list[int] = []
    results = client.assertions.award_many(
        badge, recipients, concurrency=6, progress=lambda done, total, r: seen.append(done)
    )
    app.faults = Faults()
    assert sorted(seen) == list(range(1, 31))
    assert [r.recipient for r in results] == recipients
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    assert any(r.attempts > 1 for r in results)
    listed = [str(a.recipient.plaintext_identity) for a in client.assertions.list(badgeclass=badge)]
    assert sorted(listed) == sorted(recipients)  # no duplicates, none missing
    client.close()


@pytest.mark.parametrize("profile", ["badgr-server"], indirect=True)
def test_a_batch_refused_with_429_pauses_every_lane_then_is_resent(
    app: Any, base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The batch award's resends wait through the shared pause, as single calls do: a 429
    pauses every lane of the client (``SharedPause.count``), then the batch goes out again."""
    policy = RetryPolicy(max_retries=3, max_retry_after=3.0)
    with Client(base_url=base_url, username=ALICE, password=PASSWORD, retry_policy=policy) as c:
        _, badge = make_badge(c)
        # one request per 2 s: the look-up of holders takes it, the batch gets a 429
        app.faults = Faults(rate_limit=0.5)
        results = c.assertions.award_many(badge, [f"r{n}@example.org" for n in range(3)])
        assert all(r.ok for r in results), results
        assert {r.attempts for r in results} == {2}
        assert c._executor.pause.count == 1
