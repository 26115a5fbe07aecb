"""§11's remaining differences, replayed against both profiles: what the real server answered
is what the badgr-server profile answers; the documented profile keeps its spec's answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from badgr_mock.store import ALL_SCOPES
from badgr_mock.testing import PNG_DATA_URI

from .conftest import ALICE
from .test_replay import ERROR_KEYS, Replay, _replays

ISSUER = {"name": "Alice Academy", "email": ALICE, "url": "https://alice.example.org"}
BADGE = {
    "name": "Python",
    "description": "Knows Python",
    "criteriaNarrative": "Complete the course",
}


@pytest.fixture(params=["documented", "badgr-server"])
def replay(request: pytest.FixtureRequest) -> Iterator[Replay]:
    yield from _replays(request.param)


def _badge(replay: Replay) -> dict[str, Any]:
    token = replay.login(scope=" ".join(ALL_SCOPES))["access_token"]
    replay.headers = {"Authorization": f"Bearer {token}"}
    issuer = replay.send("POST", "/v2/issuers", 201, json=ISSUER).json()["result"][0]
    path = f"/v2/issuers/{issuer['entityId']}/badgeclasses"
    badge: dict[str, Any] = replay.send(
        "POST", path, 201, json={**BADGE, "image": PNG_DATA_URI}
    ).json()["result"][0]
    return badge


def _award(replay: Replay, badge: dict[str, Any], identity: str, status: int = 201) -> Any:
    body = {"recipient": {"identity": identity}, "allowDuplicateAwards": False}
    return replay.send(
        "POST", f"/v2/badgeclasses/{badge['entityId']}/assertions", status, json=body
    )


def test_badge_class_put_without_image_keeps_the_stored_one(replay: Replay) -> None:
    badge = _badge(replay)
    path = f"/v2/badgeclasses/{badge['entityId']}"
    renamed = {**BADGE, "name": "Python 2"}
    if not replay.old:  # the documented API: every field of a PUT, the image too
        refused = replay.envelope(replay.send("PUT", path, 400, json=renamed), ERROR_KEYS)
        assert "image" in refused["fieldErrors"]
        return
    kept = replay.envelope(replay.send("PUT", path, 200, json=renamed))["result"][0]
    assert kept["name"] == "Python 2" and kept["image"] == badge["image"]
    image = replay.client.get(kept["image"])
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"


def test_revocation_without_a_reason(replay: Replay) -> None:
    badge = _badge(replay)
    award = _award(replay, badge, "rec1@example.com").json()["result"][0]
    path = f"/v2/assertions/{award['entityId']}"
    for body in ({}, {"revocation_reason": ""}, {"revocation_reason": None}):
        refused = replay.envelope(replay.send("DELETE", path, 400, json=body), ERROR_KEYS)
        message = refused["fieldErrors"]["revocation_reason"]
        if replay.old:  # §10: a bare string, from the view
            assert message == "This field is required"
        else:
            assert isinstance(message, list) and message
    # the old server's view looks the assertion up first: an unknown one is a 404
    unknown = replay.send(
        "DELETE", "/v2/assertions/AAAAAAAAAAAAAAAAAAAAAA", 404 if replay.old else 400, json={}
    )
    assert unknown.json()["status"]["success"] is False
    if replay.old:
        assert replay.send("DELETE", path, 400).json()["fieldErrors"] == {
            "revocation_reason": "This field is required"
        }
    assert replay.send("GET", path, 200).json()["result"][0]["revoked"] is False


def test_duplicate_award_is_reported_in_validation_errors(replay: Replay) -> None:
    badge = _badge(replay)
    first = _award(replay, badge, "dup@example.com").json()["result"][0]
    refused = replay.envelope(_award(replay, badge, "dup@example.com", 400), ERROR_KEYS)
    assert refused["fieldErrors"] == {}
    (message,) = refused["validationErrors"]
    assert first["entityId"] in message
    assert ("errorCode" in refused) is not replay.old  # the old server's envelope has none


def test_batch_revoke_items_as_the_real_server_shapes_them(replay: Replay) -> None:
    badge = _badge(replay)
    first, second = (
        _award(replay, badge, f"r{n}@example.com").json()["result"][0] for n in range(2)
    )
    replay.send(
        "DELETE", f"/v2/assertions/{second['entityId']}", 200, json={"revocation_reason": "x"}
    )
    batch = [
        {"entityId": first["entityId"], "revocationReason": "batch"},
        {"entityId": second["entityId"], "revocationReason": "batch"},
        {"entityId": "nonexistent"},  # no reason: refused before the look-up, as §10 shows
    ]
    results = replay.envelope(replay.send("POST", "/v2/assertions/revoke", 200, json=batch))[
        "result"
    ]
    assert [r["revoked"] for r in results] == [True, False, False]
    assert [r.get("reason") for r in results[1:]] == [
        "Assertion is already revoked",
        "revocationReason is required",
    ]
    if replay.old:  # §10: entityId, revoked, revocationReason, reason; no id, no code
        assert not any({"id", "code"} & set(r) for r in results)
    else:
        assert [r.get("code") for r in results] == [None, "ALREADY_REVOKED", "MISSING_REASON"]


def test_an_unknown_scope_segment_is_no_route(replay: Replay) -> None:
    badge = _badge(replay)
    for method in ("GET", "POST"):
        missing = replay.send(method, f"/v2/users/{badge['entityId']}/assertions", 404, json={})
        if replay.old:  # the router's HTML page
            assert missing.headers["content-type"].startswith("text/html")
        else:  # the documented profile: the envelope, as for any unknown path
            assert replay.envelope(missing, ERROR_KEYS)["fieldErrors"] == {}
