"""What a change on the wire is: a `Fact` inside a schema, a `Change` (one root cause), how
each is judged (`verdict`) and named as oasdiff names it (`rule_name`); and JSON pointers into a
spec. `spec_diff` finds the facts, `wire` turns them into changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# How a change moves the set of values a schema allows.
Effect = Literal[
    "narrowed", "widened", "changed", "added", "removed", "default", "docs", "unjudged"
]
Side = Literal["request", "response"]
JSON = Any


@dataclass(frozen=True)
class Fact:
    """One change inside a schema, before we know whether it sits in a request or a response."""

    name: str  # oasdiff's tail: "became-required", "enum-value-added", "max-length-decreased"
    pointer: str
    detail: str
    effect: Effect


@dataclass
class Change:
    """One root cause: where, what, and whether it breaks callers on the wire."""

    rule: str  # oasdiff's id: "request-property-became-required", "api-path-removed-..."
    pointer: str  # JSON pointer into the spec as written
    detail: str
    breaking: bool | None  # None: not judged (a construct this diff does not know)
    operations: list[str] = field(default_factory=list)  # operationIds reached
    servers: list[str] = field(default_factory=list)  # kinds of server whose spec has it
    sides: list[str] = field(default_factory=list)  # request / response / operation

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.pointer, self.detail)


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def resolve(spec: JSON, ref: str) -> JSON:
    node = spec
    for token in ref.removeprefix("#/").split("/"):
        node = node[unescape(token)]
    return node


def canonical(value: JSON) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def verdict(effect: Effect, side: str) -> bool | None:
    """Narrowing what a request may carry, or widening what a response may hold, breaks callers."""
    if effect == "unjudged":
        return None
    if effect in ("docs", "added"):
        return False
    if effect in ("changed", "removed"):
        return True
    if effect == "default":
        return side == "request"
    return (effect == "narrowed") == (side == "request")


def rule_name(fact: Fact, side: str, subject: str) -> str:
    """oasdiff's rule id for a schema fact seen on one side (request/response) of an operation."""
    if fact.name == "property-added":
        return (
            "new-optional-request-property"
            if side == "request"
            else "response-optional-property-added"
        )
    if fact.name == "property-added-required":
        return (
            "new-required-request-property"
            if side == "request"
            else "response-required-property-added"
        )
    if fact.name == "property-removed":
        return f"{side}-property-removed"
    return f"{side}-{subject}-{fact.name}"
