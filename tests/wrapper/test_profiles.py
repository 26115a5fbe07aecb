"""The SDK against both kinds of server: the profile table, fail-fast on missing operations,
and badgr-server's own routes (batch award, change feeds, access tokens) over real HTTP."""

from __future__ import annotations

import asyncio
import datetime
import pickle
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import yaml

from badgr import AsyncClient, AwardResult, Client, errors
from badgr._jobs.batch import BATCH_SIZE
from badgr._profiles import BADGR_SERVER, DOCUMENTED, ONLY_ON, resolve_server, supports
from badgr_mock.app import create_app
from badgr_mock.faults import Faults
from badgr_mock.testing import serve
from tests.contract import AsyncSpecCheckingTransport, SpecCheckingTransport, Tally
from tests.sdk_seed import make_badge
from tests.spec.spec_tools import ROOT

from .conftest import ALICE, FAST, PASSWORD, PNG
from .test_retries import _seed_for

BADGR_SERVER_SPEC = ROOT / "openapi" / "badgr-server.yaml"


def _operations(path: Any) -> dict[str, list[str] | None]:
    spec = yaml.safe_load(path.read_text())
    return {
        op["operationId"]: op.get("x-profiles")
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }


def test_profile_table_matches_the_specs_markers() -> None:
    documented = _operations(ROOT / "openapi" / "credentials.yaml")
    badgr_server = _operations(BADGR_SERVER_SPEC)
    marked = {op: profiles[0] for op, profiles in documented.items() if profiles == [DOCUMENTED]}
    marked |= {op: ps[0] for op, ps in badgr_server.items() if ps == [BADGR_SERVER]}
    assert dict(ONLY_ON) == marked
    # the markers say what the two specs show: each operation is in exactly its profiles' specs
    assert set(documented) - set(badgr_server) == {o for o, p in ONLY_ON.items() if p == DOCUMENTED}
    assert set(badgr_server) - set(documented) == {
        o for o, p in ONLY_ON.items() if p == BADGR_SERVER
    }
    assert supports(BADGR_SERVER, "get_issuer") and supports(DOCUMENTED, "get_issuer")
    assert not supports(DOCUMENTED, "batch_award_assertions")


def test_server_option_and_environment() -> None:
    assert resolve_server(None, {}) == DOCUMENTED
    assert resolve_server(None, {"BADGR_SERVER": "badgr-server"}) == BADGR_SERVER
    assert resolve_server("documented", {"BADGR_SERVER": "badgr-server"}) == DOCUMENTED
    with pytest.raises(ValueError, match="badgr-server"):
        resolve_server("badgr", {})
    client = Client(base_url="http://127.0.0.1:9", token="t", server="badgr-server")
    assert client.server == BADGR_SERVER
    assert "server='badgr-server'" in repr(client)


def _refuse_every_request(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"nothing may be sent, got {request.method} {request.url}")


def test_missing_operations_fail_before_sending() -> None:
    nothing_sent = httpx.MockTransport(_refuse_every_request)
    documented = Client(base_url="http://127.0.0.1:9", token="t", transport=nothing_sent)
    with pytest.raises(errors.UnsupportedOperationError) as caught:
        documented.assertions.changed()
    error = caught.value
    assert (error.operation, error.server, error.only_on) == (
        "list_changed_assertions",
        DOCUMENTED,
        BADGR_SERVER,
    )
    assert "assertions.changed" in str(error) and "documented" in str(error)
    assert pickle.loads(pickle.dumps(error)).operation == "list_changed_assertions"
    with pytest.raises(errors.UnsupportedOperationError, match="award_batch"):
        documented.assertions.award_batch("B", ["a@example.com"])
    with pytest.raises(errors.UnsupportedOperationError, match="tokens"):
        documented.oauth.tokens.list()

    old = Client(
        base_url="http://127.0.0.1:9", token="t", transport=nothing_sent, server="badgr-server"
    )
    with pytest.raises(errors.UnsupportedOperationError, match="patch_issuer"):
        old.issuers.update(
            "I", name="n", email=ALICE, url="https://x.example", description="d", replace=False
        )
    with pytest.raises(errors.UnsupportedOperationError, match="add_issuer_staff"):
        old.issuers.staff.add("I", ALICE, "staff")
    with pytest.raises(errors.UnsupportedOperationError, match="list_claim_codes"):
        old.badgeclasses.claim_codes.list("B")
    with pytest.raises(errors.UnsupportedOperationError, match="hard delete"):
        old.badgeclasses.archive("B")
    with pytest.raises(errors.UnsupportedOperationError, match="reactivate"):
        old.badgeclasses.reactivate("B")


async def test_missing_operations_fail_before_sending_async() -> None:
    transport = httpx.MockTransport(_refuse_every_request)
    async with AsyncClient(
        base_url="http://127.0.0.1:9", token="t", transport=transport, server="badgr-server"
    ) as old:
        with pytest.raises(errors.UnsupportedOperationError, match="list_issuer_pathways"):
            old.pathways.list("I")
        with pytest.raises(errors.UnsupportedOperationError, match="patch_self"):
            await old.users.update_me(first_name="A")


# ---- against the mock in the badgr-server profile, over real HTTP ------------------------------


@pytest.fixture
def old_app() -> Any:
    return create_app(server="badgr-server")


@pytest.fixture
def old_server(old_app: Any) -> Iterator[str]:
    with serve(old_app) as url:
        yield url


class _Recording(httpx.AsyncHTTPTransport):
    """Notes each request's method and path (the sync client's ``award_many`` runs async)."""

    def __init__(self, sent: list[str]) -> None:
        super().__init__()
        self.sent = sent

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(f"{request.method} {request.url.path}")
        return await super().handle_async_request(request)


@pytest.fixture
def sent() -> list[str]:
    return []


@pytest.fixture
def old_client(old_server: str, sent: list[str]) -> Iterator[Client]:
    """A client for a badgr-server; every answer is checked against that profile's spec."""
    tally = Tally(spec=BADGR_SERVER_SPEC)
    with Client(
        base_url=old_server,
        username=ALICE,
        password=PASSWORD,
        retry_policy=FAST,
        server="badgr-server",
        transport=SpecCheckingTransport(tally=tally),
        async_transport=AsyncSpecCheckingTransport(_Recording(sent), tally=tally),
    ) as client:
        yield client
    assert tally.failures == [] and tally.checked > 0


def _badge(client: Client) -> str:
    return make_badge(client)[1]


def test_batch_award_and_change_feeds(old_client: Client) -> None:
    before = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    badge = _badge(old_client)
    recipients = [f"r{i}@example.com" for i in range(5)]
    awarded = old_client.assertions.award_batch(badge, recipients, narrative="Did it")
    assert [a.recipient.plaintext_identity for a in awarded] == recipients
    with pytest.raises(errors.BadRequestError):  # all or none
        old_client.assertions.award_batch(badge, ["ok@example.com", "not an address"])

    feed = old_client.assertions.changed(since=before, page_size=2)
    changed = [a.entity_id for a in feed]
    assert changed == [a.entity_id for a in awarded]
    assert feed.pages_fetched == 3  # 2 + 2 + 1, followed through pagination.nextResults
    assert [b.entity_id for b in old_client.badgeclasses.changed(since=before)] == [badge]
    assert len(list(old_client.issuers.changed(page_size=1))) == 1
    future = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    assert list(old_client.assertions.changed(since=future)) == []


def test_award_many_uses_batches_and_reports_each_recipient(
    old_client: Client, sent: list[str]
) -> None:
    badge = _badge(old_client)
    recipients = [f"p{i}@example.com" for i in range(BATCH_SIZE + 20)] + ["not an address"]
    results = old_client.assertions.award_many(badge, recipients, concurrency=2)
    assert [r.recipient for r in results] == recipients
    assert all(r.ok for r in results[:-1])
    assert isinstance(results[-1].error, errors.BadRequestError)
    batches = [s for s in sent if s.endswith("/issue")]
    singles = [s for s in sent if s.endswith("/assertions") and s.startswith("POST")]
    # one batch of 100 succeeds; the refused second batch is retried one recipient at a time
    assert len(batches) == 2 and len(singles) == 21


def test_batch_whose_answer_is_lost_is_looked_up_not_resent(
    old_app: Any, old_client: Client, sent: list[str]
) -> None:
    """The mock applies the batch and drops the connection; the lookup finds every award."""
    badge = _badge(old_client)
    recipients = [f"lost{i}@example.com" for i in range(3)]
    # the look-up of holders goes first, then the batch is dropped after it was applied
    old_app.faults = Faults(drop_rate=0.5, seed=_seed_for([False, True, False], 0.5))
    results = old_client.assertions.award_many(badge, recipients)
    old_app.faults = Faults()
    assert all(r.ok and r.recovered for r in results), [r.error for r in results]
    assert sum(s.endswith("/issue") for s in sent) == 1
    listed = old_client.assertions.list(badgeclass=badge)
    assert sorted(a.entity_id for a in listed) == sorted(
        r.assertion.entity_id for r in results if r.assertion
    )


def test_batch_refused_with_503_is_resent(
    old_app: Any, old_client: Client, sent: list[str]
) -> None:
    badge = _badge(old_client)
    old_app.faults = Faults(fail_rate=0.5, seed=_seed_for([False, True, False], 0.5))
    results = old_client.assertions.award_many(badge, ["a@example.com", "b@example.com"])
    old_app.faults = Faults()
    assert all(r.ok and not r.recovered and r.attempts == 2 for r in results)
    assert sum(s.endswith("/issue") for s in sent) == 2
    assert len(list(old_client.assertions.list(badgeclass=badge))) == 2


def test_delete_semantics_and_revoke_reason(old_client: Client) -> None:
    badge = _badge(old_client)
    award = old_client.assertions.award(badge, "jane@example.com")
    with pytest.raises(errors.BadRequestError):  # protected while an award is unrevoked
        old_client.badgeclasses.delete(badge)
    revoked = old_client.assertions.revoke(award.entity_id, reason="Issued in error")
    assert revoked.revoked
    old_client.badgeclasses.delete(badge)
    with pytest.raises(errors.NotFoundError):
        old_client.badgeclasses.get(badge)


def test_access_tokens(old_client: Client) -> None:
    old_client.users.me()
    tokens = old_client.oauth.tokens.list()
    assert len(tokens) == 1
    old_client.oauth.tokens.revoke(tokens[0].entity_id)
    # the revoked token gets a 401; the client logs in again, and lists only its new token
    after = old_client.oauth.tokens.list()
    assert len(after) == 1 and after[0].entity_id != tokens[0].entity_id
    with pytest.raises(errors.NotFoundError):
        old_client.oauth.tokens.revoke(tokens[0].entity_id)


async def test_async_feed_and_batch(old_server: str) -> None:
    async with AsyncClient(
        base_url=old_server,
        username=ALICE,
        password=PASSWORD,
        retry_policy=FAST,
        server="badgr-server",
    ) as client:
        issuer = await client.issuers.create(name="A", email=ALICE, url="https://a.example")
        badge = await client.badgeclasses.create(
            issuer=issuer.entity_id, name="B", description="d", image=PNG, criteria_narrative="c"
        )
        reported: list[int] = []

        async def progress(done: int, total: int, result: AwardResult) -> None:
            await asyncio.sleep(0)
            reported.append(done)

        results = await client.assertions.award_many(
            badge.entity_id, ["x@example.com", "y@example.com"], progress=progress
        )
        assert all(r.ok and r.attempts == 1 for r in results)
        assert reported == [1, 2]  # the batch path awaits a coroutine callback too
        seen = [a.entity_id async for a in client.assertions.changed(page_size=1)]
        assert seen == [r.assertion.entity_id for r in results if r.assertion]
        await asyncio.sleep(0)
