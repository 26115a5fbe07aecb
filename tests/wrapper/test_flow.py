"""The issue's example, verbatim in spirit, against the mock: sync over HTTP, async both ways."""

from __future__ import annotations

from typing import Any

import httpx

from badgr import AsyncClient, AwardResult, Client, errors

from .conftest import ALICE, PASSWORD, PNG, amake_badge, both_profiles


@both_profiles
def test_issue_example_sync_over_http(base_url: str, capsys: Any) -> None:
    client = Client(base_url=base_url, username=ALICE, password=PASSWORD)
    me = client.users.me()
    assert me.entity_id
    issuer = client.issuers.create(name="Academy", email=ALICE, url="https://academy.example")
    badge = client.badgeclasses.create(
        issuer=issuer.entity_id,
        name="Python",
        description="Knows Python",
        image=PNG,
        criteria_narrative="Pass the course",
    )
    award = client.assertions.award(badge.entity_id, recipient="jane@example.com")
    assert award.recipient.plaintext_identity == "jane@example.com"
    for i in range(4):
        client.assertions.award(badge.entity_id, recipient=f"r{i}@example.com")
    for a in client.assertions.list(badgeclass=badge.entity_id, page_size=2):
        print(a.entity_id)
    printed = capsys.readouterr().out.split()
    assert len(printed) == 5 and len(set(printed)) == 5
    assert award.entity_id in printed
    revoked = client.assertions.revoke(award.entity_id, reason="Issued in error")
    assert revoked.revoked and revoked.revocation_reason == "Issued in error"
    results = client.assertions.award_many(badge.entity_id, ["a@x.org", "b@x.org"], concurrency=8)
    assert [r.recipient for r in results] == ["a@x.org", "b@x.org"]
    assert all(isinstance(r, AwardResult) and r.ok for r in results)
    token = client.token
    assert token is not None
    client.close()

    async def run_async() -> list[str]:
        async with AsyncClient(base_url=base_url, token=token.access_token) as aclient:
            return [a.entity_id async for a in aclient.assertions.list(issuer=issuer.entity_id)]

    import asyncio

    listed = asyncio.run(run_async())
    # revoked ones are hidden by default; 4 + a@ + b@
    assert len(listed) == 6 and award.entity_id not in listed


@both_profiles
async def test_async_flow_in_process(aclient: AsyncClient) -> None:
    me = await aclient.users.me()
    assert me.emails
    issuer, badge = await amake_badge(aclient)
    awarded = [
        await aclient.assertions.award(
            badge, recipient={"identity": f"p{i}@x.org", "type": "email"}
        )
        for i in range(5)
    ]
    pager = aclient.assertions.list(badgeclass=badge, page_size=2)
    pages = [page async for page in pager.iter_pages()]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert pager.last_response is pages[-1].response
    assert pages[-1].next_url is None
    ids = {a.entity_id for p in pages for a in p}
    assert ids == {a.entity_id for a in awarded}
    assert len(await aclient.assertions.list(issuer=issuer).to_list()) == 5
    results = await aclient.assertions.award_many(
        badge, ["n1@x.org", "not-an-email"], concurrency=4
    )
    assert results[0].ok and not results[1].ok
    assert isinstance(results[1].error, errors.BadRequestError)


@both_profiles
async def test_async_over_http(base_url: str) -> None:
    async with AsyncClient(base_url=base_url, username=ALICE, password=PASSWORD) as aclient:
        issuer, badge = await amake_badge(aclient)
        award = await aclient.assertions.award(badge, recipient="async@example.com")
        got = await aclient.assertions.get(award.entity_id)
        assert got.entity_id == award.entity_id
        assert (await aclient.issuers.get(issuer)).entity_id == issuer
    assert isinstance(aclient._executor.http, httpx.AsyncClient)
    assert aclient._executor.http.is_closed
