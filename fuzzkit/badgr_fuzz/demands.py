"""What each failed check demands of the server, checked on one new answer.

The replay (`badgr fuzz --replay`) and the exported regression tests (`--export-tests`) both
judge an answer here, so they agree: a check demands what the server owes whatever it answered
during the fuzz run (no 5xx, a declared status, a body valid against the operation's response
schema, credentials refused when absent, a deleted resource gone, ...), never the status that was
observed. Conformance is judged by the mock's validator (`badgr_mock.strict.response_problem`)
against the API description the kit ships.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from badgr_fuzz.resources import PROFILES
from badgr_mock.spec import Operation, SpecIndex, default_spec_path, load_spec
from badgr_mock.strict import response_problem

#: the answer, and the operation as the shipped spec declares it (None: it declares none)
Judge = Callable[[httpx.Response, Operation | None], str | None]


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


def _conforms(response: httpx.Response, operation: Operation | None) -> str | None:
    if operation is None:
        return None  # nothing is declared to conform to
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    headers = dict(response.headers)
    body = _body(response)
    return response_problem(operation, response.status_code, body, headers, media_type)


def _status(allowed: Callable[[int], bool], wanted: str) -> Judge:
    def judge(response: httpx.Response, operation: Operation | None) -> str | None:
        if allowed(response.status_code):
            return None
        return f"expected {wanted}, got HTTP {response.status_code}"

    return judge


def _one_entity(response: httpx.Response, operation: Operation | None) -> str | None:
    if response.status_code != 200:
        return None
    body = _body(response)
    result = body.get("result") if isinstance(body, dict) else None
    if isinstance(result, list) and len(result) != 1:
        return f"a 200 for one entity with {len(result)} entities in `result`"
    return None


def _allow_header(response: httpx.Response, operation: Operation | None) -> str | None:
    if response.status_code != 405:
        return f"expected HTTP 405 for an undeclared method, got HTTP {response.status_code}"
    if "allow" not in response.headers:
        return "a 405 without an Allow header"
    return None


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
    "unsupported_method": Demand(
        "an undeclared method is answered 405", _status(lambda s: s == 405, "405")
    ),
    "allow_header_conformance": Demand(
        "an undeclared method is answered 405 with an Allow header", _allow_header
    ),
}


def demand_of(check: str, message: str = "") -> Demand | None:
    """What `check` demands; None for a check that cannot be judged on one answer (e.g.
    `pagination_is_complete`, which walks pages, or `max_response_time`)."""
    if check == "missing_required_header" and "'Authorization'" in message:
        return AUTH  # a request without credentials got past authentication
    if check == "missing_required_header":
        return Demand(
            "a request without a required header is refused (4xx)",
            _status(lambda s: 400 <= s < 500, "4xx"),
        )
    return DEMANDS.get(check)
