"""One entry per cause: the same check failing the same way, on however many operations.

A finding is one check failing one way on one operation. Findings share a cause when their
check, title and *signature* agree:
- a body that violates the response schema: the schema location schemathesis names ("Schema at
  /components/schemas/Issuer", the status it was validated for) and the validation message with
  the offending value left out;
- anything else: the status of the answer and its error signature (a server error's own
  description or first line, an other check's message), with requests, ids and times left out.
  Six 500s with six different error texts stay six causes.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

_SCHEMA_AT = re.compile(r"^Schema at (\S+?):?$", re.M)
_VALIDATED_FOR = re.compile(
    r"^Validated against the response schema for status code (\S+?)\.?$", re.M
)
_REQUEST = re.compile(r"`(?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) [^`]*`")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?")
_ID = re.compile(r"\b(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}\b")
_VALUE_FIRST = re.compile(r"^.*? ((?:is|does|should|has|was|are|expected)\b.*)$", re.S)


def mask(text: str) -> str:
    """Text without the parts that differ between cases of one cause: requests, ids, times."""
    text = _REQUEST.sub("`<request>`", text)
    text = _TIME.sub("<time>", text)
    return _ID.sub("<id>", text).strip()


def _schema_signature(message: str) -> str:
    first = message.strip().splitlines()[0] if message.strip() else ""
    if "required property" not in first:  # "'x' is not of type 'integer'": the value varies
        match = _VALUE_FIRST.match(first)
        first = f"<value> {match.group(1)}" if match else first
    at = _SCHEMA_AT.search(message)
    status = _VALIDATED_FOR.search(message)
    where = f"{at.group(1) if at else '?'} for {status.group(1) if status else '?'}"
    return f"{where}: {mask(first)}"


def _error_text(response: dict[str, Any]) -> str:
    """A server error's own words: the envelope's `status.description`, else its first line."""
    raw = base64.b64decode(((response.get("content") or {}).get("$base64")) or "")
    text = raw.decode("utf-8", "replace")
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        status = body.get("status")
        if isinstance(status, dict) and isinstance(status.get("description"), str):
            return str(status["description"])
        for key in ("detail", "error", "message", "title"):
            if isinstance(body.get(key), str):
                return str(body[key])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0][:200] if lines else ""


def signature(check: str, message: str, response: dict[str, Any] | None) -> str:
    """What makes two failures of `check` the same cause (see the module's docstring)."""
    if check == "response_schema_conformance":
        return _schema_signature(message)
    status = (response or {}).get("status_code", 0)
    if status >= 500:
        return f"{status}: {mask(_error_text(response or {}))}"
    lines = message.strip().splitlines()
    if check == "max_response_time":  # "Actual: …ms" differs per case; the limit does not
        lines = [line for line in lines if line.startswith("Limit:")] or lines
    first = lines[0] if lines else ""
    return f"{status}: {mask(first)}"


class Grouped(Protocol):
    """What a finding offers for grouping (badgr_fuzz.report.Finding)."""

    @property
    def kind(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def operation(self) -> str: ...
    @property
    def check(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def reproduction(self) -> str: ...
    @property
    def signature(self) -> str: ...
    @property
    def occurrences(self) -> int: ...


@dataclass
class Cause:
    """One cause: a check failing the same way on one or more operations."""

    kind: str
    category: str
    check: str
    title: str
    signature: str
    #: the message and a curl reproduction of the first case seen
    message: str
    reproduction: str
    operations: list[str] = field(default_factory=list)
    #: distinct findings (operation, message) and failing cases behind this cause
    findings: int = 0
    cases: int = 0


def group(findings: Iterable[Grouped]) -> list[Cause]:
    """The causes of these findings, in the order their first finding was seen."""
    causes: dict[tuple[str, str, str, str], Cause] = {}
    for f in findings:
        key = (f.kind, f.check, f.title, f.signature)
        cause = causes.get(key)
        if cause is None:
            cause = Cause(
                f.kind, f.category, f.check, f.title, f.signature, f.message, f.reproduction
            )
            causes[key] = cause
        if f.operation not in cause.operations:
            cause.operations.append(f.operation)
        cause.findings += 1
        cause.cases += f.occurrences
    for cause in causes.values():
        cause.operations.sort()
    return list(causes.values())
