"""The rules a replay and an exported test judge by, for the checks that need more than one
answer's status: `pagination_is_complete` (walking the pages again), `max_response_time` (the
run's recorded limit, judged here on injected durations: no wall clock in our tests) and
`object_level_authorization` (no rule: it needs two users; the reason is said precisely)."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import httpx
import pytest

from badgr_fuzz.cli import embedded_mock
from badgr_fuzz.demands import Answer, demand_of, response_time_limit, why_not_judged
from badgr_fuzz.export import render
from badgr_fuzz.recorded import ACCEPT_JSON, Recorded, Step
from badgr_fuzz.replay import recheck
from badgr_fuzz.report import Finding

ISSUER = {"name": "Paged", "email": "alice@example.com", "url": "https://paged.example"}
SLOW = "Actual: 12.50ms\nLimit: 10.00ms"


def _answer(elapsed_ms: float) -> Answer:
    response = httpx.Response(200, request=httpx.Request("GET", "http://server/v2/issuers"))
    response.elapsed = timedelta(milliseconds=elapsed_ms)  # injected: no clock is read

    def again(query: dict[str, str]) -> httpx.Response:
        raise AssertionError("max_response_time judges one answer")

    return Answer(response, None, again)


def test_max_response_time_demands_the_recorded_limit() -> None:
    assert response_time_limit(SLOW) == pytest.approx(0.010)
    demand = demand_of("max_response_time", SLOW)
    assert demand is not None and "10ms" in demand.text
    assert demand.judge(_answer(9.99)) is None
    assert demand.judge(_answer(10.0)) is None
    problem = demand.judge(_answer(10.01))
    assert problem == "answered in 10.01ms, over the limit of 10.00ms"


def test_max_response_time_without_a_recorded_limit_is_not_judged() -> None:
    assert demand_of("max_response_time", "Actual: 12.50ms") is None
    assert "does not say the limit" in why_not_judged("max_response_time")


def test_object_level_authorization_says_why_it_is_not_judged() -> None:
    assert (
        demand_of("object_level_authorization", "`b` received the `Issuer` that `a` owns") is None
    )
    reason = why_not_judged("object_level_authorization")
    assert "two users' credentials" in reason and "[auth.wfc]" in reason


def _paging_case() -> Recorded:
    """Three issuers created, then the first page of one: what a pagination finding records."""
    body = base64.b64encode(json.dumps(ISSUER).encode()).decode()
    create = Step(
        "POST", "/v2/issuers", {**ACCEPT_JSON, "Content-Type": "application/json"}, body, True
    )
    first_page = Step("GET", "/v2/issuers?num=1", dict(ACCEPT_JSON), None, True)
    return Recorded("GET /v2/issuers", "pagination_is_complete", "", [create] * 3 + [first_page])


def _token(url: str) -> str:
    form = {"username": "alice@example.com", "password": "badgr-demo"}
    token: str = httpx.post(f"{url}/o/token", data=form).json()["access_token"]
    return token


@pytest.mark.parametrize(
    ("defects", "outcome", "words"),
    [
        ("pagination_drops_item", "still fails", "lost 1 item(s)"),
        (None, "now passes", "yields every item of the list once"),
    ],
)
def test_a_pagination_finding_walks_the_pages_again(
    defects: str | None, outcome: str, words: str
) -> None:
    with embedded_mock(defects) as url, httpx.Client(timeout=30.0) as client:
        verdict = recheck(_paging_case(), "documented", url, _token(url), client)
    assert verdict.outcome == outcome, verdict.detail
    assert words in verdict.detail


def test_a_pagination_replay_without_a_first_page_is_not_judged() -> None:
    """A list answered without `num` has no pages to walk: nothing proven either way."""
    case = _paging_case()
    unpaged = Step("GET", "/v2/issuers", dict(ACCEPT_JSON), None, True)
    case = Recorded(case.operation, case.check, "", [*case.steps[:-1], unpaged])
    with embedded_mock(None) as url, httpx.Client(timeout=30.0) as client:
        verdict = recheck(case, "documented", url, _token(url), client)
    assert verdict.outcome == "not re-checked" and "no first page" in verdict.detail


def test_exported_tests_say_why_a_check_is_skipped() -> None:
    case = Recorded("GET /v2/issuers/{entityId}", "object_level_authorization", "", [])
    finding = Finding("defect", "auth ignored", case.operation, case.check, "t", "m", "")
    finding.recorded = case
    text = render([finding], "documented", "out")
    assert "Skipped: object_level_authorization is judged with two users'" in text
