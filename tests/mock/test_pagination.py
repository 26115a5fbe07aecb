"""Keyset pagination: Link headers, cursors both ways, and walks during concurrent inserts."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from badgr_mock.testing import serve

from .conftest import Api, strict_app


def _links(response: httpx.Response) -> dict[str, str]:
    links = {}
    for part in response.headers.get("link", "").split(","):
        if part.strip():
            url, rel = part.split(";", 1)
            links[rel.strip().removeprefix('rel="').removesuffix('"')] = url.strip()[1:-1]
    return links


def _walk(client: httpx.Client, url: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    next_url: str | None = url
    for _ in range(1000):
        if next_url is None:
            return items
        response = client.get(next_url, headers=headers)
        assert response.status_code == 200, response.text
        items.extend(response.json()["result"])
        next_url = _links(response).get("next")
    raise AssertionError("pagination did not end")


def test_links_cursors_and_single_page(api: Api) -> None:
    issuer = api.create_issuer()
    bc_id = api.create_badgeclass(issuer["entityId"])["entityId"]
    awards = [api.award(bc_id, f"r{index}@example.com")["entityId"] for index in range(7)]
    url = f"/v2/badgeclasses/{bc_id}/assertions"

    first = api.call("GET", url, params={"num": 3})
    links = _links(first)
    assert set(links) == {"next"}
    assert links["next"].startswith(f"http://testserver{url}?") and "num=3" in links["next"]
    walked = _walk(api.client, f"{url}?num=3", api.auth())
    assert [item["entityId"] for item in walked] == list(reversed(awards))  # newest first

    second = api.call("GET", links["next"])
    assert set(_links(second)) == {"next", "prev"}
    back = api.call("GET", _links(second)["prev"])
    assert [i["entityId"] for i in back.json()["result"]] == [
        i["entityId"] for i in first.json()["result"]
    ]
    assert "link" not in api.call("GET", url, params={"num": 7}).headers
    assert "link" not in api.call("GET", url).headers
    assert len(api.call("GET", url).json()["result"]) == 7
    bad = api.call("GET", url, params={"num": 3, "after": "!!notacursor"})
    assert bad.status_code == 404 and "after" in bad.json()["fieldErrors"]  # like the real server


def _more_than(items: list[str], count: int) -> Callable[[], bool]:
    return lambda: len(items) > count


@pytest.mark.timeout(120)
def test_walk_during_concurrent_inserts_has_no_skips_or_duplicates() -> None:
    app = strict_app()
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        api = Api(client, app)
        issuer_id = api.create_issuer()["entityId"]
        bc_id = api.create_badgeclass(issuer_id)["entityId"]
        before = {api.award(bc_id, f"old{index}@example.com")["entityId"] for index in range(40)}
        headers = api.auth()
        stop = threading.Event()
        progress = threading.Condition()
        inserted: list[str] = []

        def insert() -> None:
            with httpx.Client(base_url=base_url, timeout=30) as writer:
                index = 0
                while not stop.is_set() and index < 500:
                    response = writer.post(
                        f"/v2/badgeclasses/{bc_id}/assertions",
                        headers=headers,
                        json={"recipient": {"identity": f"new{index}@example.com"}},
                    )
                    assert response.status_code == 201
                    with progress:
                        inserted.append(response.json()["result"][0]["entityId"])
                        progress.notify_all()
                    index += 1

        writer = threading.Thread(target=insert)
        writer.start()
        walked: list[dict[str, Any]] = []
        try:
            next_url: str | None = f"/v2/issuers/{issuer_id}/assertions?num=3"
            while next_url is not None:
                # Make sure at least one insert lands between every two pages.
                with progress:
                    progress.wait_for(_more_than(inserted, len(inserted)), timeout=30)
                response = client.get(next_url, headers=headers)
                assert response.status_code == 200
                walked.extend(response.json()["result"])
                next_url = _links(response).get("next")
        finally:
            stop.set()
            writer.join()
        ids = [item["entityId"] for item in walked]
        assert len(ids) == len(set(ids)), "a concurrent insert caused a duplicate"
        assert before <= set(ids), "a concurrent insert caused a skip"
        assert len(inserted) > len(before) // 3, "inserts did not interleave with the walk"
    assert app.strict_violations == []


@pytest.mark.parametrize("profile", ["documented", "badgr-server"])
def test_defect_pagination_drops_item_is_observable(profile: str) -> None:
    app = strict_app(defects={"pagination_drops_item"}, server=profile)
    json_please = {"Accept": "application/json"}
    with (
        serve(app) as base_url,
        httpx.Client(base_url=base_url, timeout=30, headers=json_please) as client,
    ):
        api = Api(client, app)
        issuer_id = api.create_issuer()["entityId"]
        bc_id = api.create_badgeclass(issuer_id)["entityId"]
        for index in range(6):
            api.award(bc_id, f"r{index}@example.com")
        walked = _walk(client, f"/v2/badgeclasses/{bc_id}/assertions?num=2", api.auth())
        assert len(walked) < 6


def test_badgr_server_walks_drf_cursors_both_ways() -> None:
    app = strict_app(server="badgr-server")
    json_please = {"Accept": "application/json"}
    with (
        serve(app) as base_url,
        httpx.Client(base_url=base_url, timeout=30, headers=json_please) as client,
    ):
        api = Api(client, app)
        issuer_id = api.create_issuer()["entityId"]
        bc_id = api.create_badgeclass(issuer_id)["entityId"]
        awarded = [api.award(bc_id, f"r{index}@example.com")["entityId"] for index in range(5)]
        path = f"/v2/badgeclasses/{bc_id}/assertions"
        walked = _walk(client, f"{path}?num=2", api.auth())
        assert [item["entityId"] for item in walked] == awarded[::-1]  # newest first
        unpaged = api.ok("GET", path)["result"]
        assert [item["entityId"] for item in unpaged] == awarded  # oldest first without num
        second = client.get(
            _links(client.get(f"{path}?num=2", headers=api.auth()))["next"], headers=api.auth()
        )
        back = client.get(_links(second)["prev"], headers=api.auth())
        assert [item["entityId"] for item in back.json()["result"]] == awarded[:2:-1][:2]
        assert "cursor=" in _links(second)["prev"]
        made_up = client.get(f"{path}?num=2&cursor=bm9wZQ", headers=api.auth())
        assert made_up.status_code == 404 and made_up.json()["fieldErrors"] == "Invalid cursor"
    assert app.strict_violations == []
