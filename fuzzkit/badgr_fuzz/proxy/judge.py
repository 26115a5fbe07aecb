"""Judge one exchange by the API description of a kind of server, with the mock's validators.

The request goes through what the mock does with it (`badgr_mock.requests`: parameters, body,
media type), the answer through strict mode's `badgr_mock.strict.response_problems` (status,
media type, declared headers such as `Link` and `Retry-After`, body schema). Nothing is judged
twice here: this module only finds the operation and sorts what the validators say into the fuzz
kit's sections.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from starlette.exceptions import HTTPException

from badgr_fuzz.proxy.exchange import Exchange
from badgr_fuzz.report import Kind
from badgr_mock.envelope import ErrorReply
from badgr_mock.requests import media_type_of, parse_body, parse_parameters
from badgr_mock.spec import Operation, SpecIndex, is_json
from badgr_mock.strict import response_problems

#: The fuzz kit's sections (badgr_fuzz.report), and the proxy's two more.
DEFECT: Kind = "defect"
DRIFT: Kind = "drift"
UNKNOWN: Kind = "unknown"
CLIENT: Kind = "client"
SECTION_TITLES: dict[Kind, str] = {
    DEFECT: "Server defects",
    DRIFT: "Conformance drift",
    UNKNOWN: "Unknown operations",
    CLIENT: "Client errors",
}
#: A problem's part -> the fuzz kit's check that finds the same (badgr_fuzz.report.CATEGORIES)
CHECKS = {
    "server error": "not_a_server_error",
    "status": "status_code_conformance",
    "media type": "content_type_conformance",
    "header": "response_headers_conformance",
    "body": "response_schema_conformance",
    "operation": "unknown_operation",
    "parameter": "request_conformance",
    "request body": "request_conformance",
}
#: Asks the SDK's models to read an answer: (operationId, status, body) -> why they fail, or
#: None; KeyError for an operation the SDK lacks
SdkCheck = Callable[[str, int, bytes], str | None]


@dataclass(frozen=True)
class Problem:
    #: the section it belongs to (DEFECT, DRIFT, UNKNOWN, CLIENT)
    section: Kind
    #: what is wrong: a key of CHECKS
    part: str
    #: JSON pointer into the body or, for a parameter, "/<name>" ("" for the whole)
    pointer: str
    message: str

    @property
    def check(self) -> str:
        return CHECKS[self.part]


@dataclass
class Verdict:
    #: "GET /v2/issuers/{idOrEntityId}", or the method and path of an unknown operation
    operation: str
    operation_id: str | None
    problems: list[Problem] = field(default_factory=list)
    #: whether the SDK's generated models read the answer: "ok", "fails: ...", "not checked"
    sdk: str = "not checked"

    def to_json(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "operation_id": self.operation_id,
            "sections": sorted({p.section for p in self.problems}),
            "problems": [asdict(p) for p in self.problems],
            "sdk": self.sdk,
        }


def _pointer(parts: list[str]) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def _field_errors(node: Any, path: list[str]) -> Iterator[tuple[str, str]]:
    """(pointer, message) for the mock's nested `fieldErrors`."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            here = path if key == "non_field_errors" else [*path, str(key)]
            yield from _field_errors(value, here)
    elif isinstance(node, list):
        for message in node:
            yield _pointer(path), str(message)


def _refusal(part: str, error: ErrorReply) -> list[Problem]:
    found = [Problem(CLIENT, part, p, m) for p, m in _field_errors(error.field_errors, [])]
    found += [Problem(CLIENT, part, "", message) for message in error.validation_errors]
    return found or [Problem(CLIENT, part, "", error.description)]


def decoded(raw: bytes, media_type: str) -> Any:
    """An answer's body as the validators take it: parsed when it is served as JSON (or
    untyped) and parses, else its text (a `text/plain` "42" is a string); None when empty."""
    if not raw:
        return None
    if not media_type or is_json(media_type):
        try:
            return json.loads(raw)
        except ValueError:
            pass
    return raw.decode("utf-8", "replace")


class Judge:
    """The operations of one API description and the checks of an exchange against them."""

    def __init__(self, spec: SpecIndex, sdk_check: SdkCheck | None = None) -> None:
        self.spec = spec
        self.sdk_check = sdk_check
        #: the OAuth authorization pages the description names (a browser's, not the API's)
        self.authorization_pages = frozenset(
            urlsplit(flow["authorizationUrl"]).path
            for scheme in spec.document.get("components", {}).get("securitySchemes", {}).values()
            for flow in scheme.get("flows", {}).values()
            if "authorizationUrl" in flow
        )

    def find(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        """The operation a request is for and its path parameters (None: not in the spec),
        found as the mock routes it."""
        return self.spec.find(method, path)

    def judge(self, exchange: Exchange) -> Verdict:
        found = self.find(exchange.method, exchange.routed_path)
        if found is None and exchange.routed_path in self.authorization_pages:
            # the page the user logs in on: described by the security scheme, not judged
            return Verdict(f"{exchange.method} {exchange.path} (OAuth authorization)", None)
        if found is None:
            verdict = Verdict(f"{exchange.method} {exchange.path}", None)
            message = "no operation of the API description has this method and path"
            verdict.problems.append(Problem(UNKNOWN, "operation", "", message))
            return verdict
        operation, path_params = found
        verdict = Verdict(f"{operation.method} {operation.path}", operation.operation_id)
        try:
            verdict.problems += self._request(operation, path_params, exchange)
        except HTTPException:  # a path segment outside its enum: no such route
            verdict.operation, verdict.operation_id = f"{exchange.method} {exchange.path}", None
            message = "a path segment is none of the values the API description lists"
            verdict.problems = [Problem(UNKNOWN, "operation", "", message)]
            return verdict
        if exchange.client_gone:  # what arrived of the answer is not what the server sent
            return verdict
        verdict.problems += self._response(operation, exchange)
        if self.sdk_check is not None and 200 <= exchange.status < 300:
            try:
                failure = self.sdk_check(
                    operation.operation_id, exchange.status, exchange.response_body
                )
            except KeyError:  # the SDK has no such operation
                return verdict
            verdict.sdk = "ok" if failure is None else f"fails: {failure}"
        return verdict

    def _request(
        self, operation: Operation, path_params: dict[str, str], exchange: Exchange
    ) -> list[Problem]:
        problems: list[Problem] = []
        try:
            parse_parameters(operation, path_params, parse_qsl(exchange.query, True))
        except ErrorReply as error:
            problems += _refusal("parameter", error)
        content_type = exchange.request_headers.get("content-type")
        try:
            parse_body(operation, content_type, exchange.request_body)
        except ErrorReply as error:
            problems += _refusal("request body", error)
        return problems

    def _response(self, operation: Operation, exchange: Exchange) -> list[Problem]:
        if exchange.note:
            return [Problem(DEFECT, "server error", "", exchange.note)]
        problems: list[Problem] = []
        if exchange.status >= 500:
            problems.append(Problem(DEFECT, "server error", "", f"HTTP {exchange.status}"))
            return problems  # the 5xx itself is the defect; its page is not drift
        media_type = media_type_of(exchange.response_headers.get("content-type"))
        found = response_problems(
            operation,
            exchange.status,
            decoded(exchange.response_body, media_type),
            exchange.response_headers,
            media_type,
        )
        if exchange.method == "HEAD":  # a GET's answer without its body
            found = [p for p in found if p.part != "body"]
        problems += [Problem(DRIFT, p.part, p.pointer, p.message) for p in found]
        return problems
