"""badgr-server's change feeds take any `num`, as DRF's cursor paginator does: a whole number
above 500 is cut to 500, anything else that is not a positive whole number gives the default
page (100). The badgr-server spec says so too, so a fuzzer does not report the server's leniency
as "invalid request accepted"."""

from __future__ import annotations

from badgr_mock.store import ALL_SCOPES
from badgr_mock.testing import PNG_DATA_URI

from .conftest import ALICE
from .test_replay import JSON, _replays


def test_feed_page_size_is_lenient_like_drf() -> None:
    for replay in _replays("badgr-server"):
        replay.headers = {
            "Authorization": f"Bearer {replay.login(scope=' '.join(ALL_SCOPES))['access_token']}",
            "accept": JSON,
        }
        issuer = replay.send(
            "POST", "/v2/issuers", 201, json={"name": "A", "email": ALICE, "url": "https://a.ex"}
        ).json()["result"][0]
        for n in range(3):
            replay.send(
                "POST",
                f"/v2/issuers/{issuer['entityId']}/badgeclasses",
                201,
                json={
                    "name": f"B{n}",
                    "description": "d",
                    "image": PNG_DATA_URI,
                    "criteriaNarrative": "c",
                },
            )

        sizes = {
            num: len(
                replay.send("GET", "/v2/badgeclasses/changed", 200, params={"num": num}).json()[
                    "result"
                ]
            )
            for num in ("2", "501", "0", "-3", "abc", "null", "1.5")
        }
        # "2" is honoured, "501" cut to 500, the rest give the default page (100): all three
        assert sizes == {"2": 2, "501": 3, "0": 3, "-3": 3, "abc": 3, "null": 3, "1.5": 3}
