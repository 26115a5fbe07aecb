"""Strict mode: every answer checked against the operation's declared response."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .spec import Operation


class StrictModeViolation(AssertionError):
    """A response that does not match the spec (strict mode)."""


def response_problem(
    operation: Operation, status: int, body: Any, headers: Mapping[str, str]
) -> str | None:
    """What is wrong with this answer by the spec (status, headers, body), or None."""
    declared = operation.responses.get(str(status))
    if declared is None:
        return f"status {status} is not declared"
    present = {name.lower(): value for name, value in headers.items()}
    for header in declared.headers:
        value = present.get(header.name.lower())
        if value is None:
            if header.required:
                return f"header {header.name} is missing"
            continue
        error = next(iter(header.validator.iter_errors(value)), None)
        if error is not None:
            return f"header {header.name} is malformed: {error.message[:300]}"
    if declared.validator is None:
        return "a body was sent where none is declared" if body is not None else None
    if body is None:
        return "no body was sent where one is declared"
    error = next(iter(declared.validator.iter_errors(body)), None)
    if error is None:
        return None
    location = "/".join(str(part) for part in error.absolute_path) or "(root)"
    schema_path = "/".join(str(part) for part in error.absolute_schema_path)
    return f"body at {location} fails schema path {schema_path}: {error.message[:300]}"
