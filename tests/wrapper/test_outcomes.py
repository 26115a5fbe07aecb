"""True outcomes under lost answers (the mock's drop fault applies a request, then closes the
connection unanswered), structured duplicates, and batched revokes."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from badgr import Client, RetryPolicy, errors
from badgr_mock.faults import Faults

from .conftest import ALICE, PASSWORD, make_badge
from .test_retries import _seed_for


def _client(base_url: str, max_retries: int, **kwargs: Any) -> Client:
    policy = RetryPolicy(max_retries=max_retries, backoff_base=0.005, max_backoff=0.02)
    client = Client(
        base_url=base_url, username=ALICE, password=PASSWORD, retry_policy=policy, **kwargs
    )
    client.users.me()  # log in before any fault starts
    return client


@pytest.mark.parametrize("max_retries", [0, 2])
@pytest.mark.plants("faults")
def test_award_whose_last_answer_is_lost_is_looked_up(
    app: Any, base_url: str, max_retries: int, caplog: pytest.LogCaptureFixture
) -> None:
    """Every attempt is applied (the first awards, the retries are refused as duplicates) and
    every answer is lost; the lookup that follows finds the one award."""
    with _client(base_url, max_retries) as client:
        _, badge = make_badge(client)
        drops = [True] * (max_retries + 1) + [False]
        app.faults = Faults(drop_rate=0.5, seed=_seed_for(drops, 0.5))
        caplog.set_level(logging.WARNING, logger="badgr")
        outcome = client.assertions.award_many(badge, ["lost@example.com"], concurrency=1)[0]
        app.faults = Faults()
        assert outcome.ok and outcome.recovered, outcome.error
        assert outcome.attempts == max_retries + 1
        listed = list(client.assertions.list(badgeclass=badge))
        assert [a.entity_id for a in listed] == [outcome.assertion.entity_id]  # type: ignore[union-attr]
        assert any("server had acted" in r.getMessage() for r in caplog.records)


@pytest.mark.plants("faults")
def test_single_award_with_lost_last_answer_returns_the_award(app: Any, base_url: str) -> None:
    with _client(base_url, 0) as client:
        _, badge = make_badge(client)
        app.faults = Faults(drop_rate=0.5, seed=_seed_for([True, False], 0.5))
        award = client.assertions.award(badge, recipient="one@example.com")
        app.faults = Faults()
        assert award.recipient.plaintext_identity == "one@example.com"


@pytest.mark.plants("faults")
def test_revoke_whose_last_answer_is_lost_returns_the_revoked_assertion(
    app: Any, base_url: str
) -> None:
    with _client(base_url, 0) as client:
        _, badge = make_badge(client)
        award = client.assertions.award(badge, recipient="rev@example.com")
        app.faults = Faults(drop_rate=0.5, seed=_seed_for([True, False], 0.5))
        revoked = client.assertions.revoke(award.entity_id, reason="oops")
        app.faults = Faults()
        assert revoked.revoked and revoked.entity_id == award.entity_id


def test_failure_stands_when_the_lookup_shows_nothing_was_done(app: Any, base_url: str) -> None:
    """A 502 from a gateway may or may not have reached the server; here it did not (the mock
    answers 503 for ``fail_rate``, so use a transport that turns the award into a 502)."""

    class GatewayError(httpx.BaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.HTTPTransport()

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "POST" and request.url.path.endswith("/assertions"):
                return httpx.Response(502, text="<html>bad gateway</html>", request=request)
            return self.inner.handle_request(request)

    with _client(base_url, 1, transport=GatewayError()) as client:
        _, badge = make_badge(client)
        with pytest.raises(errors.ServerError) as info:
            client.assertions.award(badge, recipient="never@example.com")
    assert info.value.status_code == 502 and info.value.attempts == 2
    assert info.value.method == "POST" and info.value.path is not None


@pytest.mark.plants("faults")
def test_attempts_are_counted_on_failures(app: Any, base_url: str) -> None:
    with _client(base_url, 2) as client:
        _, badge = make_badge(client)
        app.faults = Faults(fail_rate=1.0)
        results = client.assertions.award_many(badge, ["a@example.com", "b@example.com"])
        app.faults = Faults()
    assert [r.ok for r in results] == [False, False]
    assert [r.attempts for r in results] == [3, 3]


@pytest.mark.plants("faults")
def test_award_many_through_dropped_answers_reports_every_award(app: Any, base_url: str) -> None:
    recipients = [f"d{i}@example.com" for i in range(40)]
    with _client(base_url, 3) as client:
        _, badge = make_badge(client)
        # one lane keeps the order of the fault rolls, and so the run, reproducible
        app.faults = Faults(drop_rate=0.2, seed=11)
        results = client.assertions.award_many(badge, recipients, concurrency=1)
        app.faults = Faults()
        listed = sorted(
            str(a.recipient.plaintext_identity) for a in client.assertions.list(badgeclass=badge)
        )
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    assert any(r.recovered for r in results)
    assert listed == sorted(recipients)


def test_refused_duplicate_names_the_existing_award(client: Client) -> None:
    _, badge = make_badge(client)
    first = client.assertions.award(badge, recipient="dup@example.com")
    with pytest.raises(errors.BadRequestError) as info:
        client.assertions.award(badge, recipient="dup@example.com")
    assert info.value.existing_entity_id == first.entity_id
    assert info.value.attempts == 1
    results = client.assertions.award_many(badge, ["dup@example.com"])
    assert results[0].existing_entity_id == first.entity_id


class _CountingRevokes(httpx.AsyncBaseTransport):
    """Records how many ids each ``POST /v2/assertions/revoke`` carries."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.batches: list[int] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/assertions/revoke":
            self.batches.append(request.content.count(b"entityId"))
        return await self.inner.handle_async_request(request)


def test_revoke_many_batches_by_the_server_maximum(base_url: str) -> None:
    counting = _CountingRevokes()
    with Client(
        base_url=base_url, username=ALICE, password=PASSWORD, async_transport=counting
    ) as client:
        assert client.assertions.revoke_many([], reason="nothing") == []
        assert counting.batches == []
        _, badge = make_badge(client)
        award = client.assertions.award(badge, recipient="r@example.com")
        ids = [award.entity_id] + [f"missing{i:05d}" for i in range(600)]
        results = client.assertions.revoke_many(ids, reason="batch")
    assert counting.batches == [500, 101]
    assert len(results) == 601 and results[0].revoked and not any(r.revoked for r in results[1:])
    assert [r.entity_id for r in results] == ids
