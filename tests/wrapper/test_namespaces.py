"""Every operation of the spec is reachable through a namespace, and the namespaces work."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
import yaml

import badgr_api.api
from badgr import AsyncClient, Client, encode_ref, errors, recipient_input
from badgr import _resources as resources
from badgr._call import MAX_PAGE_SIZE
from badgr._jobs.batch import BATCH_SIZE
from badgr._jobs.revoke import MAX_REVOKE_BATCH
from badgr._namespace import Namespace
from tests.spec.spec_tools import ROOT, json_schema_of, load_spec, operation

from .conftest import ALICE, BOB, PASSWORD, PNG, amake_badge, both_profiles


def _operation_modules() -> set[str]:
    names = set()
    for tag in pkgutil.iter_modules(badgr_api.api.__path__):
        package = __import__(f"badgr_api.api.{tag.name}", fromlist=["_"])
        for module in pkgutil.iter_modules(package.__path__):
            names.add(f"badgr_api.api.{tag.name}.{module.name}")
    return names


def test_every_generated_operation_has_a_namespace_method() -> None:
    used = set()
    for module in pkgutil.iter_modules(resources.__path__):
        namespace_module = importlib.import_module(f"{resources.__name__}.{module.name}")
        used |= {
            value.__name__
            for value in vars(namespace_module).values()
            if isinstance(value, ModuleType) and value.__name__.startswith("badgr_api.api.")
        }
    # the token endpoints are driven by the auth flow (``_auth.py``), behind oauth's methods
    token_endpoints = {"badgr_api.api.oauth.issue_token", "badgr_api.api.oauth.revoke_token"}
    missing = _operation_modules() - used - token_endpoints
    assert len(_operation_modules()) == 77
    assert missing == set()


def test_the_sdks_batch_and_page_limits_are_the_specs() -> None:
    """The SDK splits work by limits the spec states; they must not drift apart."""
    revoke_body = json_schema_of(operation("POST", "/v2/assertions/revoke")["requestBody"])
    assert revoke_body is not None and revoke_body["maxItems"] == MAX_REVOKE_BATCH
    badgr_server = yaml.safe_load((ROOT / "openapi" / "badgr-server.yaml").read_text("utf-8"))
    for spec in (load_spec(), badgr_server):  # servers clamp num to 1..500
        assert f"1..{MAX_PAGE_SIZE}" in spec["components"]["parameters"]["Num"]["description"]
    batch_award = badgr_server["components"]["schemas"]["BatchAwardInput"]["properties"]
    assert batch_award["assertions"]["maxItems"] >= BATCH_SIZE


def test_recipient_shapes() -> None:
    assert recipient_input("jane@example.com").type_ == "email"
    assert recipient_input("https://example.org/u/1").type_ == "url"
    assert recipient_input("+15551234567").type_ == "telephone"
    full = recipient_input({"identity": "x@y.org", "type": "email", "hashed": False})
    assert full.hashed is False
    with pytest.raises(TypeError):
        recipient_input(42)  # type: ignore[arg-type]
    assert encode_ref("https://h/x") == "aHR0cHM6Ly9oL3g"


async def test_issuers_staff_invitations_and_lookup(aclient: AsyncClient) -> None:
    issuer_id, _ = await amake_badge(aclient)
    issuer = await aclient.issuers.get(issuer_id)
    assert isinstance(issuer.open_badge_id, str)
    by_obi = await aclient.issuers.get(issuer.open_badge_id, by="open_badge_id")
    by_ref = await aclient.issuers.get(issuer.open_badge_id, by="ref")
    assert by_obi.entity_id == by_ref.entity_id == issuer_id
    staff = await aclient.issuers.staff.add(issuer_id, BOB, "staff")
    assert staff.role == "staff"
    changed = await aclient.issuers.staff.update(issuer_id, BOB, "editor")
    assert changed.role == "editor"
    replaced = await aclient.issuers.staff.update(issuer_id, BOB, "staff", replace=True)
    assert replaced.role == "staff"
    await aclient.issuers.staff.remove(issuer_id, BOB)
    invitation = await aclient.issuers.invitations.create(issuer_id, "carol@example.com", "staff")
    assert invitation.email == "carol@example.com"
    updated = await aclient.issuers.update(
        issuer_id, name="Renamed", email=ALICE, url="https://academy.example", description="d"
    )
    assert updated.name == "Renamed"
    patched = await aclient.issuers.update(
        issuer.open_badge_id,
        name="Patched",
        email=ALICE,
        url="https://academy.example",
        description="d",
        replace=False,
        by="ref",
    )
    assert patched.name == "Patched"
    names = [i.name async for i in aclient.issuers.list()]
    assert "Patched" in names
    spare = await aclient.issuers.create(name="Spare", email=ALICE, url="https://s.example")
    await aclient.issuers.delete(spare.entity_id)
    with pytest.raises(errors.NotFoundError, match="privileges"):
        await aclient.issuers.get(spare.entity_id)


async def test_badgeclasses_claim_codes_archive_duplicate(aclient: AsyncClient) -> None:
    issuer_id, badge_id = await amake_badge(aclient)
    copy = await aclient.badgeclasses.duplicate(badge_id, "Python (copy)")
    assert copy.name == "Python (copy)"
    via_issuer = await aclient.badgeclasses.create(
        issuer=issuer_id,
        name="Via",
        description="d",
        image=PNG,
        via_issuer=True,
        criteria_narrative="c",
    )
    listed = [b.entity_id async for b in aclient.badgeclasses.list(issuer=issuer_id, page_size=1)]
    assert set(listed) == {badge_id, copy.entity_id, via_issuer.entity_id}
    await aclient.badgeclasses.archive(copy.entity_id, note="old")
    mine = [b.entity_id async for b in aclient.badgeclasses.list()]
    assert copy.entity_id not in mine
    restored = await aclient.badgeclasses.reactivate(copy.entity_id)
    assert restored.entity_id == copy.entity_id
    code = await aclient.badgeclasses.claim_codes.create(badge_id, label="Event", limit=3)
    disabled = await aclient.badgeclasses.claim_codes.disable(badge_id, code.code)
    assert disabled.code == code.code and disabled.enabled is False
    (read,) = await aclient.badgeclasses.claim_codes.list(badge_id).to_list()
    assert read.enabled is False  # the state, read back
    enabled = await aclient.badgeclasses.claim_codes.enable(badge_id, code.code)
    assert enabled.code == code.code
    codes = await aclient.badgeclasses.claim_codes.list(badge_id).to_list()
    assert [(c.code, c.enabled) for c in codes] == [(code.code, True)]
    relabelled = await aclient.badgeclasses.claim_codes.update(badge_id, code.code, label="New")
    assert relabelled.label == "New"
    await aclient.badgeclasses.claim_codes.archive(badge_id, code.code)
    assert await aclient.badgeclasses.claim_codes.list(badge_id).to_list() == []
    updated = await aclient.badgeclasses.update(
        badge_id, name="Python 2", description="d", image=PNG, criteria_narrative="c"
    )
    assert updated.name == "Python 2"
    await aclient.badgeclasses.delete(via_issuer.entity_id)
    with pytest.raises(errors.NotFoundError):
        await aclient.badgeclasses.get(via_issuer.entity_id)
    open_badge_id = updated.open_badge_id
    assert isinstance(open_badge_id, str)
    by_ref = await aclient.badgeclasses.get(open_badge_id, by="ref")
    assert by_ref.entity_id == badge_id
    renamed = await aclient.badgeclasses.update(
        open_badge_id,
        by="ref",
        name="Python 3",
        description="d",
        image=PNG,
        criteria_url="https://c.example",
    )
    assert renamed.name == "Python 3"
    await aclient.badgeclasses.archive(open_badge_id, by="ref")
    assert badge_id not in [b.entity_id async for b in aclient.badgeclasses.list()]
    assert (await aclient.badgeclasses.reactivate(open_badge_id, by="ref")).entity_id == badge_id
    assert badge_id in [b.entity_id async for b in aclient.badgeclasses.list()]


@both_profiles
async def test_assertions_update_and_revoke_many(aclient: AsyncClient) -> None:
    _, badge_id = await amake_badge(aclient)
    a = await aclient.assertions.award(badge_id, recipient="u1@example.com", narrative="n")
    b = await aclient.assertions.award(badge_id, recipient="u2@example.com")
    updated = await aclient.assertions.update(a.entity_id, narrative="changed")
    assert updated.narrative == "changed"
    results = await aclient.assertions.revoke_many([a.entity_id, b.entity_id], reason="batch")
    assert [r.revoked for r in results] == [True, True]
    with pytest.raises(errors.BadRequestError):
        await aclient.assertions.revoke(a.entity_id, reason="again")


async def test_backpack_users_organizations_pathways(aclient: AsyncClient, app: object) -> None:
    import httpx

    issuer_id, badge_id = await amake_badge(aclient)
    await aclient.assertions.award(badge_id, recipient=BOB)
    async with AsyncClient(
        base_url="http://testserver",
        username=BOB,
        password=PASSWORD,
        transport=httpx.ASGITransport(app),  # type: ignore[arg-type]
    ) as bob:
        received = [a async for a in bob.backpack.assertions.list()]
        assert len(received) == 1
        accepted = await bob.backpack.assertions.set_acceptance(received[0].entity_id, "Accepted")
        assert accepted.acceptance == "Accepted"
        got = await bob.backpack.assertions.get(received[0].entity_id)
        assert got.entity_id == received[0].entity_id
        collection = await bob.backpack.collections.create(
            name="Mine", assertions=[received[0].entity_id]
        )
        renamed = await bob.backpack.collections.update(collection.entity_id, name="Ours")
        assert renamed.name == "Ours"
        assert (await bob.backpack.collections.get(collection.entity_id)).name == "Ours"
        assert len(await bob.backpack.collections.list().to_list()) == 1
        await bob.backpack.collections.delete(collection.entity_id)
        me = await bob.users.update_me(first_name="Robert")
        assert me.first_name == "Robert"
        assert (await bob.users.get(me.entity_id)).first_name == "Robert"
        await bob.backpack.assertions.delete(received[0].entity_id)
        with pytest.raises(ValueError, match="exactly one"):
            await bob.backpack.import_badge()
    async with AsyncClient(
        base_url="http://testserver",
        username=ALICE,
        password=PASSWORD,
        scope="rw:profile rw:issuer rw:backpack r:org",
        transport=httpx.ASGITransport(app),  # type: ignore[arg-type]
    ) as org_admin:
        orgs = await org_admin.organizations.list().to_list()
        assert orgs
        org_id = orgs[0].entity_id
        assert isinstance(org_id, str)
        public = await org_admin.organizations.public_issuers(org_id).to_list()
        assert isinstance(public, list)
    pathway = await aclient.pathways.create(issuer=issuer_id, name="Path")
    draft = await aclient.pathways.update_draft(pathway.id, issuer=issuer_id, name="P2")
    assert draft.id == pathway.id
    published = await aclient.pathways.publish(pathway.id)
    assert published.id == pathway.id
    assert (await aclient.pathways.get_published(pathway.id)).id == pathway.id
    assert (await aclient.pathways.get_draft(pathway.id)).id == pathway.id
    assert (await aclient.pathways.revert_draft(pathway.id)).id
    assert [p.id async for p in aclient.pathways.list(issuer_id)] == [pathway.id]


def _namespaces(root: object, path: str) -> Iterator[tuple[str, Namespace[Any]]]:
    for name in dir(root):
        value = None if name.startswith("_") else getattr(root, name)
        if isinstance(value, Namespace):
            yield f"{path}.{name}", value
            yield from _namespaces(value, f"{path}.{name}")


def test_every_public_namespace_method_has_a_docstring() -> None:
    undocumented = []
    checked = 0
    clients: list[Client | AsyncClient] = [
        Client(base_url="http://127.0.0.1:9", token="t"),
        AsyncClient(base_url="http://127.0.0.1:9", token="t"),
    ]
    for client in clients:
        for path, namespace in _namespaces(client, type(client).__name__):
            for name in dir(namespace):
                member = getattr(namespace, name)
                if name.startswith("_") or isinstance(member, Namespace) or not callable(member):
                    continue
                checked += 1
                if not (member.__doc__ or "").strip():
                    undocumented.append(f"{path}.{name}")
    assert checked > 100  # both clients, every namespace
    assert undocumented == []


def test_request_form_misuse_names_the_allowed_values() -> None:
    client = Client(base_url="http://127.0.0.1:9", token="t")
    with pytest.raises(ValueError, match="'id', 'open_badge_id', 'ref'"):
        client.issuers.get("x", by="url")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'id', 'ref'"):
        client.badgeclasses.get("x", by="open_badge_id")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"nme.*allowed: .*name"):
        client.badgeclasses.create(issuer="i", nme="x", description="d", image=PNG)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"missing required keyword argument.*image"):
        client.badgeclasses.update("b", name="x", description="d")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="frist_name"):
        client.users.update_me(frist_name="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"missing required keyword argument.*issuer"):
        client.pathways.create(name="p")  # type: ignore[call-arg]
