"""A failing case as recorded in schemathesis' NDJSON events, and sending it again.

A `Recorded` case is the failing request plus the steps before it that made the data it needs:
the earlier requests of its workflow (a stateful scenario: the cases with the same first step,
sent before it). Values a step took from an earlier answer (an OpenAPI link such as
`$response.body#/result/0/entityId`) are `Link`s: sent again, each is read from the new answer,
so a created issuer's new id replaces the recorded one in every later step.

Nothing here holds a credential: the events have `Authorization` as `[Filtered]`; such headers
are dropped, the rest of each request goes through `badgr.redact`, and whether a request carried
credentials is kept as a flag (`authenticated`).
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import json
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from badgr import CREDENTIAL_HEADERS, redact

#: Headers never recorded: credentials (the SDK's list), and what the client computes itself.
DROPPED = CREDENTIAL_HEADERS | {"content-length", "host", "user-agent"}
ACCEPT_JSON = {"Accept": "application/json"}


@dataclass(frozen=True)
class Link:
    """A value of a step's request that came from an earlier step's answer."""

    value: str
    #: index of the earlier step, and a JSON pointer into its answer's body
    step: int
    pointer: str


@dataclass(frozen=True)
class Step:
    method: str
    #: path and query, relative to the server's base URL
    target: str
    headers: dict[str, str]
    body: str | None  # base64
    authenticated: bool
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class Recorded:
    operation: str
    check: str
    #: the failure's message (which header a `missing_required_header` was about)
    message: str
    #: the workflow's earlier steps, then the failing request last
    steps: list[Step]
    #: why the data this case needs cannot be recreated ("": it can, or it needs none)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Recorded:
        steps = [
            Step(**{**step, "links": [Link(**link) for link in step.get("links", [])]})
            for step in data["steps"]
        ]
        return cls(data["operation"], data["check"], data["message"], steps, data.get("note", ""))

    def anonymous(self) -> Recorded:
        """The same case with its failing request sent without credentials."""
        last = dataclasses.replace(self.steps[-1], authenticated=False)
        return dataclasses.replace(self, steps=[*self.steps[:-1], last])


def _step(interaction: dict[str, Any]) -> Step | None:
    request = interaction.get("request")
    if not request:
        return None
    uri = urlsplit(request["uri"])
    target = redact(uri.path + (f"?{uri.query}" if uri.query else ""))
    raw_headers: dict[str, list[str]] = request.get("headers") or {}
    authenticated = any(name.lower() == "authorization" for name in raw_headers)
    headers = {
        name: redact(values[0] if values else "")
        for name, values in raw_headers.items()
        if name.lower() not in DROPPED
    }
    encoded = (request.get("body") or {}).get("$base64")
    body = None
    if encoded:
        text = base64.b64decode(encoded).decode("utf-8", "surrogatepass")
        body = base64.b64encode(redact(text).encode("utf-8", "surrogatepass")).decode()
    return Step(request["method"], target, {**ACCEPT_JSON, **headers}, body, authenticated)


def _root(cases: dict[str, Any], case_id: str) -> str:
    seen = {case_id}
    while (parent := (cases.get(case_id) or {}).get("parent_id")) and parent not in seen:
        seen.add(parent)
        case_id = parent
    return case_id


def _links(case: dict[str, Any], index_of: dict[str, int]) -> tuple[list[Link], list[str]]:
    """The values this case took from an earlier answer, and those that cannot be read again."""
    transition = case.get("transition") or {}
    parent = index_of.get(transition.get("parent_id") or "")
    links: list[Link] = []
    unreadable: list[str] = []
    for values in (transition.get("parameters") or {}).values():
        for name, parameter in (values or {}).items():
            definition = str(parameter.get("definition", ""))
            if parameter.get("value") is None:
                continue
            if parent is not None and definition.startswith("$response.body#"):
                pointer = definition.removeprefix("$response.body#")
                links.append(Link(str(parameter["value"]), parent, pointer))
            else:
                unreadable.append(f"{name} = {definition}")
    return links, unreadable


def from_scenario(
    recorder: dict[str, Any], case_id: str, operation: str, check: str, message: str
) -> Recorded | None:
    """The failing case `case_id` of a scenario, with its workflow's earlier steps."""
    cases: dict[str, Any] = recorder.get("cases", {})
    interactions: dict[str, Any] = recorder.get("interactions", {})
    failing = interactions.get(case_id)
    if not failing:
        return None
    root = _root(cases, case_id)
    before = [
        other
        for other, interaction in interactions.items()
        if other != case_id
        and other in cases
        and _root(cases, other) == root
        and interaction.get("timestamp", 0) <= failing.get("timestamp", 0)
        and any(h.lower() == "authorization" for h in interaction["request"].get("headers", {}))
    ]  # probes sent without credentials change nothing: left out
    order = sorted(before, key=lambda other: interactions[other].get("timestamp", 0))
    order.append(case_id)
    index_of = {other: index for index, other in enumerate(order)}
    steps = []
    notes = []
    for other in order:
        step = _step(interactions[other])
        if step is None:
            return None
        links, unreadable = _links(cases.get(other) or {}, index_of)
        steps.append(dataclasses.replace(step, links=links))
        if unreadable:
            notes.append(
                f"step {len(steps)} takes {', '.join(unreadable)} from a request or "
                "header of the run that the replay cannot read again"
            )
    return Recorded(operation, check, message, steps, "; ".join(notes))


def _pointer(document: Any, pointer: str) -> Any:
    for part in pointer.lstrip("/").split("/") if pointer.strip("/") else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(document, list) and part.isdigit() and int(part) < len(document):
            document = document[int(part)]
        elif isinstance(document, dict) and part in document:
            document = document[part]
        else:
            return None
    return document


class SetupFailed(Exception):
    """A step before the failing request did not work: its data cannot be recreated."""


class Replayed:
    """A recorded case sent again on `client`: the failing request's answer, and that request
    again with another query (the next pages of a list), with the new ids."""

    def __init__(
        self, recorded: Recorded, base_url: str, token: str | None, client: httpx.Client
    ) -> None:
        self.recorded, self.base_url, self.token, self.client = recorded, base_url, token, client
        self._renamed: dict[str, str] = {}

    def send(self) -> httpx.Response:
        answers: list[httpx.Response] = []
        for index, step in enumerate(self.recorded.steps):
            for link in step.links:
                value = _answer_value(answers[link.step], link.pointer)
                if value is None:
                    raise SetupFailed(
                        f"step {index + 1} ({step.method} {step.target[:80]}) needs "
                        f"{link.pointer} from step {link.step + 1}'s answer, which has none "
                        f"(HTTP {answers[link.step].status_code})"
                    )
                self._renamed[link.value] = value
            answers.append(self._send(step))
        return answers[-1]

    def again(self, query: dict[str, str]) -> httpx.Response:
        """The failing request with `query` instead of its own (after `send`)."""
        last = self.recorded.steps[-1]
        path = urlsplit(last.target).path
        target = f"{path}?{urlencode(query)}" if query else path
        return self._send(dataclasses.replace(last, target=target))

    def _send(self, step: Step) -> httpx.Response:
        return _send_step(self.client, step, self.base_url, self.token, self._renamed)


def _answer_value(response: httpx.Response, pointer: str) -> str | None:
    try:
        value = _pointer(response.json(), pointer)
    except ValueError:
        return None
    return None if value is None or isinstance(value, (dict, list)) else str(value)


def _send_step(
    http: httpx.Client, step: Step, base_url: str, token: str | None, renamed: dict[str, str]
) -> httpx.Response:
    target = step.target
    body = base64.b64decode(step.body) if step.body is not None else None
    for old, new in renamed.items():
        target = target.replace(old, new)
        if body is not None:
            body = body.replace(old.encode(), new.encode())
    headers = dict(step.headers)
    if step.authenticated and token:
        headers["Authorization"] = f"Bearer {token}"
    return http.request(step.method, base_url.rstrip("/") + target, headers=headers, content=body)


def body_text(response: httpx.Response, limit: int = 300) -> str:
    """The start of an answer's body, for messages."""
    text = response.text
    with contextlib.suppress(ValueError):
        text = json.dumps(response.json())
    return redact(text[:limit])
