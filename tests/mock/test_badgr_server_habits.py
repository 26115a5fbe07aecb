"""Habits of the real badgr-server that the mock's badgr-server profile keeps (§4, §5, §11).

Change feeds take any `num`, as DRF's cursor paginator does: a whole number above 500 is cut to
500, anything else that is not a positive whole number gives the default page (100); the
badgr-server spec says so too, so a fuzzer does not report the server's leniency as "invalid
request accepted". An unhandled error is Django's HTML page, not an envelope.
"""

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


async def test_an_unhandled_error_is_an_html_page_on_badgr_server() -> None:
    """Django answers an unhandled exception with its HTML error page, not an envelope; the
    documented profile keeps the JSON envelope."""
    from starlette.requests import Request

    from .conftest import strict_app

    scope = {"type": "http", "method": "GET", "path": "/v2/issuers", "headers": []}
    for profile, media_type in (("badgr-server", "text/html"), ("documented", "application/json")):
        app = strict_app(server=profile)
        response = await app.pipeline.unexpected_error(Request(scope), RuntimeError("bug"))
        assert response.status_code == 500
        assert response.headers["content-type"].startswith(media_type), profile
