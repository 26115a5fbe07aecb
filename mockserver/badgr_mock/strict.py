"""Strict mode: every answer checked against the operation's declared response."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from jsonschema import ValidationError

from .spec import Operation

#: Body errors listed per answer by ``response_problems``.
MAX_BODY_PROBLEMS = 20


class StrictModeViolation(AssertionError):
    """A response that does not match the spec (strict mode)."""


@dataclass(frozen=True)
class ResponseProblem:
    """One way an answer breaks the spec."""

    #: what is wrong: "status", "media type", "header" or "body"
    part: str
    #: JSON pointer into the body ("" for the whole body, and for the other parts)
    pointer: str
    message: str


def response_problem(
    operation: Operation, status: int, body: Any, headers: Mapping[str, str], media_type: str
) -> str | None:
    """What is wrong with this answer by the spec (status, content type, headers, body)."""
    first = next(_problems(operation, status, body, headers, media_type), None)
    return first.message if first is not None else None


def response_problems(
    operation: Operation, status: int, body: Any, headers: Mapping[str, str], media_type: str
) -> list[ResponseProblem]:
    """Every way this answer breaks the spec: the status or media type (then nothing more is
    judged), each declared header, and up to ``MAX_BODY_PROBLEMS`` body errors."""
    return list(_problems(operation, status, body, headers, media_type, every=True))


def _pointer(parts: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _body_problem(error: ValidationError) -> ResponseProblem:
    location = "/".join(str(part) for part in error.absolute_path) or "(root)"
    schema_path = "/".join(str(part) for part in error.absolute_schema_path)
    message = f"body at {location} fails schema path {schema_path}: {error.message[:300]}"
    path = list(error.absolute_path)
    wanted = error.validator_value
    if (
        error.validator == "required"
        and isinstance(error.instance, dict)
        and isinstance(wanted, list)
    ):
        missing = [name for name in wanted if name not in error.instance]
        path += missing[:1]  # the pointer names the first missing member
    return ResponseProblem("body", _pointer(path), message)


def _problems(
    operation: Operation,
    status: int,
    body: Any,
    headers: Mapping[str, str],
    media_type: str,
    *,
    every: bool = False,
) -> Iterator[ResponseProblem]:
    declared = operation.responses.get(str(status))
    if declared is None:
        yield ResponseProblem("status", "", f"status {status} is not declared")
        return
    if body is not None and declared.media_types and media_type not in declared.media_types:
        yield ResponseProblem("media type", "", f"content type {media_type} is not declared")
        return
    present = {name.lower(): value for name, value in headers.items()}
    for header in declared.headers:
        value = present.get(header.name.lower())
        if value is None:
            if header.required:
                yield ResponseProblem("header", "", f"header {header.name} is missing")
            continue
        error = next(iter(header.validator.iter_errors(value)), None)
        if error is not None:
            yield ResponseProblem(
                "header", "", f"header {header.name} is malformed: {error.message[:300]}"
            )
    # an HTML or text page by its own schema; any JSON by application/json's
    validator = declared.text_validators.get(media_type, declared.validator)
    if validator is None:
        if body is not None:
            yield ResponseProblem("body", "", "a body was sent where none is declared")
        return
    if body is None:
        yield ResponseProblem("body", "", "no body was sent where one is declared")
        return
    errors = validator.iter_errors(body)
    for error in islice(errors, MAX_BODY_PROBLEMS if every else 1):
        yield _body_problem(error)
