"""What each failed check demands of the server, checked on one new answer.

The replay (`badgr fuzz --replay`) and the exported regression tests (`--export-tests`) both
judge an answer here, so they agree: a check demands what the server owes whatever it answered
during the fuzz run (no 5xx, a declared status, a body valid against the operation's response
schema, credentials refused when absent, a deleted resource gone, ...), never the status that was
observed. Conformance is judged by the mock's validator (`badgr_mock.strict.response_problem`)
against the API description the kit ships.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import httpx

from badgr_fuzz import pages
from badgr_fuzz.resources import PROFILES
from badgr_mock.spec import Operation, SpecIndex, default_spec_path, load_spec
from badgr_mock.strict import response_problem


@dataclass(frozen=True)
class Answer:
    """The failing request's new answer, and what a judge may need besides."""

    response: httpx.Response
    #: the operation as the shipped spec declares it (None: it declares none)
    operation: Operation | None
    #: the failing request sent again with another query (walking a list's pages)
    again: Callable[[dict[str, str]], httpx.Response]


#: None when the answer does what the check demands, else what it does not;
#: raises `Undetermined` when the demand cannot be judged on this answer
Judge = Callable[[Answer], str | None]


class Undetermined(Exception):
    """The demand cannot be judged on this answer (the replay says "not re-checked")."""


@dataclass(frozen=True)
class Demand:
    #: what the check demands, in words (the exported test's docstring says it)
    text: str
    judge: Judge
    #: the failing request is sent without credentials
    anonymous: bool = False


def spec_of(server: str) -> SpecIndex:
    """The shipped API description of that kind of server (`documented`, `badgr-server`)."""
    return load_spec(default_spec_path(PROFILES[server]))


def operation_of(spec: SpecIndex, operation: str) -> Operation | None:
    """ "GET /v2/issuers/{idOrEntityId}" -> the spec's operation (None for undeclared methods)."""
    method, _, path = operation.partition(" ")
    return spec.paths.get(path, {}).get(method.upper())


def _body(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


def _conforms(answer: Answer) -> str | None:
    response, operation = answer.response, answer.operation
    if operation is None:
        return None  # nothing is declared to conform to
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    headers = dict(response.headers)
    body = _body(response)
    return response_problem(operation, response.status_code, body, headers, media_type)


def _status(allowed: Callable[[int], bool], wanted: str) -> Judge:
    def judge(answer: Answer) -> str | None:
        if allowed(answer.response.status_code):
            return None
        return f"expected {wanted}, got HTTP {answer.response.status_code}"

    return judge


def _one_entity(answer: Answer) -> str | None:
    response = answer.response
    if response.status_code != 200:
        return None
    body = _body(response)
    result = body.get("result") if isinstance(body, dict) else None
    if isinstance(result, list) and len(result) != 1:
        return f"a 200 for one entity with {len(result)} entities in `result`"
    return None


def _allow_header(answer: Answer) -> str | None:
    response = answer.response
    if response.status_code != 405:
        return f"expected HTTP 405 for an undeclared method, got HTTP {response.status_code}"
    if "allow" not in response.headers:
        return "a 405 without an Allow header"
    return None


def _page(response: httpx.Response) -> pages.Page:
    return pages.Page(response.status_code, _body(response), response.headers.get_list("link"))


def _pages_complete(answer: Answer) -> str | None:
    """The walk of badgr_fuzz.pages (the check's own rule) from the new first page."""
    response = answer.response
    query = dict(parse_qsl(response.request.url.query.decode(), keep_blank_values=True))
    if not pages.is_first_page(
        response.request.method, response.status_code, query, _body(response)
    ):
        raise Undetermined(
            f"no first page of a list to walk: HTTP {response.status_code} to "
            f"{response.request.method} with query {sorted(query)}"
        )
    try:
        return pages.lost_or_repeated(
            _page(response), query, lambda other: _page(answer.again(other))
        )
    except pages.NotWalked as why:
        raise Undetermined(str(why)) from None
    except AssertionError as error:  # a next page that is not a page of the list
        return str(error)


#: schemathesis' message of a `max_response_time` failure: "Actual: 12.34ms\nLimit: 10.00ms"
_LIMIT = re.compile(r"^Limit: ([0-9]+(?:\.[0-9]+)?)ms$", re.M)


def response_time_limit(message: str) -> float | None:
    """The limit, in seconds, a `max_response_time` failure was judged by (None: not said)."""
    match = _LIMIT.search(message)
    return float(match.group(1)) / 1000 if match else None


def _within(limit: float) -> Judge:
    def judge(answer: Answer) -> str | None:
        elapsed = answer.response.elapsed.total_seconds()
        if elapsed <= limit:
            return None
        return f"answered in {elapsed * 1000:.2f}ms, over the limit of {limit * 1000:.2f}ms"

    return judge


_ACCEPTED = frozenset({401, 403, 404, 409, 429})
CONFORMANCE = Demand(
    "an answer the operation declares: status, content type, headers and a body valid against "
    "its response schema",
    _conforms,
)
AUTH = Demand(
    "a request without credentials is refused (401 or 403)",
    _status(lambda s: s in (401, 403), "401 or 403"),
    anonymous=True,
)
DEMANDS: dict[str, Demand] = {
    "not_a_server_error": Demand("no 5xx answer", _status(lambda s: s < 500, "no 5xx")),
    "status_code_conformance": CONFORMANCE,
    "content_type_conformance": CONFORMANCE,
    "response_headers_conformance": CONFORMANCE,
    "response_schema_conformance": CONFORMANCE,
    "ignored_auth": AUTH,
    "use_after_free": Demand(
        "a deleted resource is gone (404)", _status(lambda s: s == 404, "404")
    ),
    "ensure_resource_availability": Demand(
        "a created resource can be read (2xx)", _status(lambda s: 200 <= s < 300, "2xx")
    ),
    "negative_data_rejection": Demand(
        "invalid input is refused (4xx)", _status(lambda s: 400 <= s < 500, "4xx")
    ),
    "positive_data_acceptance": Demand(
        "valid input is accepted (not a 400)",
        _status(lambda s: s < 400 or s >= 500 or s in _ACCEPTED, "2xx, 401, 403, 404, 409, 429"),
    ),
    "single_entity_has_one_result": Demand(
        "a 200 for one addressed entity holds exactly that entity", _one_entity
    ),
    "pagination_is_complete": Demand(
        "walking the list's next pages from the recorded first page yields every item of the "
        "list once: none lost, none repeated (compared with the list asked for without `num`)",
        _pages_complete,
    ),
    "unsupported_method": Demand(
        "an undeclared method is answered 405", _status(lambda s: s == 405, "405")
    ),
    "allow_header_conformance": Demand(
        "an undeclared method is answered 405 with an Allow header", _allow_header
    ),
}


#: Why a check has no rule here, for the replay's "not re-checked" and an exported test's skip.
NOT_JUDGED = {
    "object_level_authorization": (
        "object_level_authorization is judged with two users' credentials (the owner's request, "
        "then the same request as a peer); a replay and an exported test have one user's "
        "(BADGR_TOKEN or one login), and schemathesis finds it only with `[auth.wfc]` peers, "
        "which the kit does not configure"
    ),
    "max_response_time": (
        "max_response_time: the failure's message does not say the limit it was judged by "
        "(schemathesis writes `Limit: <n>ms`)"
    ),
}


def why_not_judged(check: str) -> str:
    """Why `check` has no demand (see NOT_JUDGED)."""
    return NOT_JUDGED.get(check, f"{check} is a check the fuzz kit has no rule for")


def demand_of(check: str, message: str = "") -> Demand | None:
    """What `check` demands; None for a check with no rule here (`why_not_judged` says why).
    A `max_response_time` demand holds the limit its failure's message names."""
    if check == "max_response_time":
        limit = response_time_limit(message)
        if limit is None:
            return None
        return Demand(f"an answer within the run's limit of {limit * 1000:g}ms", _within(limit))
    if check == "missing_required_header" and "'Authorization'" in message:
        return AUTH  # a request without credentials got past authentication
    if check == "missing_required_header":
        return Demand(
            "a request without a required header is refused (4xx)",
            _status(lambda s: 400 <= s < 500, "4xx"),
        )
    return DEMANDS.get(check)
