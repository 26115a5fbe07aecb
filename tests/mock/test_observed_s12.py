"""Every fact of badgr-server-observed.md §12, one case each, against the mock (issue #23).

A case is a request (made by a small function on fresh objects), what a badgr-server answered
(status, content type, envelope keys, result keys, field errors) and, where it differs, what
the documented kind answers instead. Where the real server is wrong (a 500, a 404 for a method
it lacks) the expectation is the correct answer, which the mock gives in both kinds.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
import pytest

from . import s12_routing, s12_values  # noqa: F401  (they register their cases)
from .conftest import strict_app
from .s12_cases import CASES, SAME, Case, Expect, World

JSON = "application/json"
LD_JSON = "application/ld+json"
#: ``Expect.media`` of an answer without a body (a 200 of the token revocation)
NO_BODY = ""
HTML = "text/html"


@dataclass
class _Worlds:
    """One app per kind (and per app setting), shared by the module's cases."""

    open: dict[tuple[str, tuple[tuple[str, Any], ...]], World] = field(default_factory=dict)
    closers: list[Callable[[], None]] = field(default_factory=list)

    def get(self, kind: str, options: dict[str, Any]) -> World:
        key = (kind, tuple(sorted(options.items())))
        if key not in self.open:
            app = strict_app(server=kind, **options)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from starlette.testclient import TestClient

                client = TestClient(app, base_url="http://testserver")
            client.__enter__()
            self.closers.append(lambda: client.__exit__(None, None, None))
            self.open[key] = World(client, app, kind)
        return self.open[key]


@pytest.fixture(scope="module")
def worlds() -> Iterator[_Worlds]:
    held = _Worlds()
    yield held
    for close in held.closers:
        close()
    for world in held.open.values():
        assert world.app.strict_violations == [], world.kind


def _expected(case: Case, kind: str) -> Expect | None:
    if kind == "badgr-server":
        return case.badgr_server
    if case.documented is SAME:
        # the same answer, in the documented envelope (JSON, and its extra keys)
        same = case.badgr_server
        return replace(same, envelope=None, media=same.media if same.media == HTML else None)
    assert case.documented is None or isinstance(case.documented, Expect)
    return case.documented


def check(world: World, expect: Expect, response: httpx.Response) -> None:
    """Assert that ``response`` is what ``expect`` says (AssertionError naming what differs)."""
    assert response.status_code == expect.status, (response.status_code, response.text[:500])
    if expect.status == 204 or expect.media == NO_BODY:
        assert response.content == b"" and "content-type" not in response.headers
        if expect.check is not None:
            assert expect.check(world, response)
        return
    media = expect.media or (LD_JSON if world.kind == "badgr-server" else JSON)
    content_type = response.headers.get("content-type", "")
    assert content_type.split(";")[0] == media, (content_type, response.text[:200])
    if expect.status == 204 or media == HTML:
        return
    body = response.json()
    if expect.envelope is not None:
        envelope = set(expect.envelope)
        if world.kind == "documented" and "status" in envelope:  # its envelope's own extras
            envelope |= (
                {"timestamp", "nonFieldErrors"} if "fieldErrors" in envelope else {"timestamp"}
            )
        assert set(body) == envelope, sorted(body)
    for key, value in expect.body.items():
        assert body.get(key) == value, (key, body.get(key))
    result = body.get("result") or [{}]
    first = result[0] if isinstance(result, list) and result else {}
    if expect.result_keys is not None:
        assert set(first) == set(expect.result_keys), sorted(set(first) ^ expect.result_keys)
    assert expect.result_has <= set(first), sorted(expect.result_has - set(first))
    assert not expect.result_lacks & set(first), sorted(expect.result_lacks & set(first))
    for key, value in expect.result.items():
        assert first.get(key) == value, (key, first.get(key))
    if expect.field_errors is not None:
        assert body["fieldErrors"] == expect.field_errors, body["fieldErrors"]
    if expect.validation_errors is not None:
        assert body["validationErrors"] == expect.validation_errors, body["validationErrors"]
    if expect.check is not None:
        assert expect.check(world, response), response.text[:500]


def _params() -> list[Any]:
    params = []
    for case in CASES:
        for kind in ("badgr-server", "documented"):
            marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
            params.append(pytest.param(case, kind, id=f"{case.name}[{kind}]", marks=marks))
    return params


@pytest.mark.parametrize(("case", "kind"), _params())
def test_s12_fact(worlds: _Worlds, case: Case, kind: str) -> None:
    expect = _expected(case, kind)
    if expect is None:
        pytest.skip("the documented kind has no such answer to compare")
    world = worlds.get(kind, case.options)
    check(world, expect, case.send(world))


def test_a_planted_wrong_expectation_fails(worlds: _Worlds) -> None:
    """The checker is not vacuous: each kind of wrong expectation is caught."""
    case = next(c for c in CASES if c.name == "issuer_keys_on_create")
    world = worlds.get("badgr-server", {})
    right = case.badgr_server
    assert right.result_keys is not None
    wrong = [
        replace(right, status=200),
        replace(right, media=JSON),
        replace(right, result_keys=right.result_keys | {"organizationId"}),
        replace(right, result={"badgrDomain": None}),
        replace(right, envelope=frozenset({"status", "result", "timestamp"})),
    ]
    for expect in wrong:
        with pytest.raises(AssertionError):
            check(world, expect, case.send(world))
    check(world, right, case.send(world))


def test_case_names_are_unique() -> None:
    assert len({case.name for case in CASES}) == len(CASES)
