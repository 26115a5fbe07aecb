"""One answer to "does this recipient already hold the badge?", from the SDK and the CLI, in
both kinds of server: an unrevoked award, expired or not (the servers' duplicate rule)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from badgr import Client, Server, errors
from badgr_mock.app import create_app
from tests.via_proxy import public_url

from .conftest import ALICE, PASSWORD, Badgr, make_badge, write_csv

HOLDER, EXPIRED, REVOKED, NEVER = (
    "holder@example.org",
    "expired@example.org",
    "revoked@example.org",
    "never@example.org",
)
LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


@pytest.fixture(params=["documented", "badgr-server"])
def server(request: pytest.FixtureRequest) -> Server:
    kind: Server = request.param
    return kind


@pytest.fixture
def app(server: Server, request: pytest.FixtureRequest) -> Any:
    return create_app(":memory:", server=server, base_url=public_url(request))


def _seed(client: Client) -> tuple[str, dict[str, str]]:
    """A badge held by HOLDER and EXPIRED (an award that expired in 2021), once held by
    REVOKED; NEVER has none."""
    _, badge = make_badge(client)
    held = {HOLDER: client.assertions.award(badge, HOLDER).entity_id}
    expired = client.assertions.award(
        badge, EXPIRED, issued_on=LONG_AGO, expires=LONG_AGO.replace(year=2021)
    )
    held[EXPIRED] = expired.entity_id
    revoked = client.assertions.award(badge, REVOKED)
    client.assertions.revoke(revoked.entity_id, reason="wrong person")
    return badge, held


def test_sdk_and_cli_agree_on_who_holds_the_badge(
    server: Server, badgr: Badgr, base_url: str, tmp_path: Path
) -> None:
    with Client(base_url=base_url, username=ALICE, password=PASSWORD, server=server) as client:
        badge, held = _seed(client)
        asked = [HOLDER.upper(), EXPIRED, REVOKED, NEVER]

        found = client.assertions.holders(badge, asked)
        assert {k: v.entity_id for k, v in found.items()} == {
            HOLDER.upper(): held[HOLDER],
            EXPIRED: held[EXPIRED],
        }

        with pytest.raises(errors.BadRequestError) as refused:
            client.assertions.award(badge, EXPIRED)
        assert refused.value.existing_entity_id == held[EXPIRED]

        results = client.assertions.award_many(badge, asked)
        outcome = {r.recipient: (r.ok, r.existing_entity_id) for r in results}
        assert outcome == {
            HOLDER.upper(): (False, held[HOLDER]),
            EXPIRED: (False, held[EXPIRED]),
            REVOKED: (True, None),
            NEVER: (True, None),
        }

    badgr.login("--server", server)
    students = write_csv(tmp_path / "s.csv", [["email"], *([e] for e in asked)])
    dry = badgr.run("award", "--csv", str(students), "--dry-run", "--", badge)
    assert dry.returncode == 0, dry.stderr
    # REVOKED and NEVER were awarded above: now everyone holds the badge
    assert dry.stdout.split() == [], dry.stdout
    assert "4 already hold it" in dry.stderr
