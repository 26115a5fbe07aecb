"""Spec-driven request parsing: query/path coercion, body decoding and schema validation."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import parse_qsl

from jsonschema import ValidationError
from starlette.exceptions import HTTPException

from .envelope import ErrorReply, bad_request
from .spec import Operation, Parameter, SchemaValidator

MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_JSON_DEPTH = 32
#: Values (including keys) in one JSON body; 500 revocations need about 2,500.
MAX_JSON_VALUES = 20_000
_INTEGER_DIGITS = 18


def _short(value: object) -> str:
    """At most 64 characters, storable as UTF-8 (lone surrogates replaced)."""
    text = str(value)
    text = text if len(text) <= 64 else text[:61] + "..."
    return text.encode("utf-8", "replace").decode("utf-8")


_FORMAT_MESSAGES = {
    "email": "Enter a valid email address.",
    "uri": "Enter a valid URL.",
    "date-time": "Must be ISO-8601 format with time zone.",
}


def describe(error: ValidationError) -> str:
    """A short message without echoing large or secret instance values."""
    value = error.validator_value
    kind = error.validator
    custom = error.schema.get("x-error-message") if isinstance(error.schema, dict) else None
    if isinstance(custom, str):  # the server's own words for a rule, e.g. evidence's
        return custom
    if kind == "required":
        return "This field is required."
    if kind == "type":
        return "This field may not be null." if error.instance is None else f"Expected {value}."
    if kind == "maxLength":
        return f"Ensure this field has no more than {value} characters."
    if kind == "minLength":
        return "This field may not be blank." if value == 1 else f"At least {value} characters."
    if kind == "enum":  # Django's words, the value quoted
        return f'"{_short(error.instance)}" is not a valid choice.'
    if kind == "format":
        return _FORMAT_MESSAGES.get(str(value), f"Not a valid {value}.")
    if kind == "pattern":
        if "://" in str(value):  # a URL's scheme, as Django's URL validation words it
            return _FORMAT_MESSAGES["uri"]
        return "Invalid characters or length."
    if kind == "minimum":
        return f"Ensure this value is greater than or equal to {value}."
    if kind == "maximum":
        return f"Ensure this value is less than or equal to {value}."
    if kind in ("minItems", "minProperties"):
        return f"Must have at least {value} item(s)."
    if kind in ("maxItems", "maxProperties"):
        return f"Must have at most {value} item(s)."
    branches = value if kind == "anyOf" and isinstance(value, list) else []
    wanted = [name for branch in branches for name in branch.get("required", [])]
    if wanted and all("required" in branch for branch in branches):
        return f"Provide {' and/or '.join(wanted)}."  # a rule such as the badge class criteria
    return f"Invalid value ({kind})."


#: Errors listed per request; past this the answer says the list was cut short.
MAX_LISTED_ERRORS = 20
#: After one of these, the rest of the value is not examined (its items were never wanted).
_STOP_AFTER = frozenset({"maxItems", "maxProperties"})
TOO_MANY_ERRORS = f"More problems were found; only the first {MAX_LISTED_ERRORS} are listed."


def schema_errors(validator: SchemaValidator, instance: Any) -> dict[str, list[str]]:
    """Validation errors keyed by dotted field path (``""`` for the document itself).

    Stops early: after ``MAX_LISTED_ERRORS`` errors, or at an array or object that is over its
    size limit, so a huge invalid body costs about what a small one does."""
    found: dict[str, list[str]] = {}
    listed = 0
    for error in _specific(validator.iter_errors(instance)):
        if listed == MAX_LISTED_ERRORS:
            found.setdefault("", []).append(TOO_MANY_ERRORS)
            break
        listed += 1
        path = [_short(part) for part in error.absolute_path]
        required = error.validator_value
        if error.validator == "required" and isinstance(error.instance, dict):
            # one error per missing name, each carrying the whole list: name every missing
            # field, once
            for name in required if isinstance(required, list) else []:
                if name not in error.instance:
                    _add(found, ".".join([*path, str(name)]), describe(error))
            continue
        _add(found, ".".join(path), describe(error))
        if error.validator in _STOP_AFTER:
            break
    return found


def _specific(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """A value that is not null failing an ``anyOf [X, null]`` fails as X does: the errors of
    X's branch, so a nested field is named (``expires.duration``), as the server names it."""
    for error in errors:
        branches = error.validator_value if error.validator == "anyOf" else None
        if not isinstance(branches, list) or error.instance is None:
            yield error
            continue
        nullable = [i for i, branch in enumerate(branches) if branch == {"type": "null"}]
        others = [i for i in range(len(branches)) if i not in nullable]
        if not nullable or len(others) != 1:
            yield error
            continue
        inner = [e for e in error.context or [] if e.relative_schema_path[0] == others[0]]
        yield from _specific(inner) if inner else [error]


def _add(found: dict[str, list[str]], path: str, message: str) -> None:
    messages = found.setdefault(path, [])
    if message not in messages:
        messages.append(message)


def nested_field_errors(problems: dict[str, list[str]], document: Any = None) -> dict[str, Any]:
    """Dotted paths as nested objects, the server's shape: ``{"recipient": {"identity": [..]}}``;
    a list of objects in ``document`` (nested serializers) answers a list with one object per
    item, ``{}`` for the good ones (``{"alignments": [{}, {"targetUrl": [..]}]}``)."""
    nested = _nest(problems)
    return _items_as_lists(nested, document) if isinstance(document, dict) else nested


def _items_as_lists(node: dict[str, Any], instance: dict[str, Any]) -> dict[str, Any]:
    for key, errors in node.items():
        value = instance.get(key)
        if not isinstance(errors, dict):
            continue
        if isinstance(value, dict):
            _items_as_lists(errors, value)
        elif (
            isinstance(value, list)
            and any(isinstance(item, dict) for item in value)
            and all(index.isdigit() and int(index) < len(value) for index in errors)
        ):
            items: list[Any] = []
            for index, item in enumerate(value):
                error = errors.get(str(index), {})
                if isinstance(error, list):  # the item's own rule
                    error = {"non_field_errors": error}
                elif isinstance(item, dict):
                    error = _items_as_lists(error, item)
                items.append(error)
            node[key] = items
    return node


def _nest(problems: dict[str, list[str]]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for dotted, messages in problems.items():
        *parents, leaf = dotted.split(".")
        node = nested
        for part in parents:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):  # a field with its own and its members' errors
                child = node[part] = {"non_field_errors": child}
            node = child
        if isinstance(node.get(leaf), dict):
            node[leaf]["non_field_errors"] = messages
        else:
            node[leaf] = messages
    return nested


def _coerce(param: Parameter, raw: str) -> Any:
    if param.schema_type == "integer":
        text = raw.strip()
        digits = text[1:] if text[:1] in "+-" else text
        if not digits.isascii() or not digits.isdigit() or len(digits) > _INTEGER_DIGITS:
            raise ValueError("A valid integer is required.")
        return int(text)
    if param.schema_type == "boolean":
        lowered = raw.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        raise ValueError("Must be true or false.")
    return raw


def parse_parameters(
    operation: Operation,
    path_params: dict[str, str],
    query_items: Iterable[tuple[str, str]],
) -> dict[str, Any]:
    query: dict[str, list[str]] = {}
    for key, value in query_items:
        query.setdefault(key, []).append(value)
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for param in operation.parameters:
        if param.location == "path":
            raw_values = [path_params[param.name]] if param.name in path_params else []
        elif param.location == "query":
            raw_values = query.get(param.name, [])
        else:
            continue
        if not raw_values:
            if param.required:
                errors[param.name] = ["This field is required."]
            elif param.default is not None:
                values[param.name] = param.default
            continue
        if len(raw_values) > 1:
            errors[param.name] = ["Give this parameter only once."]
            continue
        try:
            value = _coerce(param, raw_values[0])
        except ValueError as exc:
            errors[param.name] = [str(exc)]
            continue
        if param.location == "path" and any(
            error.validator == "enum" for error in param.validator.iter_errors(value)
        ):
            # A segment the real routes spell out (``{scope}``): any other value is no route,
            # answered as an unknown path is (the profile's 404 page).
            raise HTTPException(404)
        problems = schema_errors(param.validator, value)
        if problems:
            errors[param.name] = [message for messages in problems.values() for message in messages]
            continue
        values[param.name] = value
    if errors:
        raise bad_request(errors)
    return values


class _JsonRejected(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _JsonRejected(f"{name} is not valid JSON")


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _JsonRejected("number out of range")
    return value


def _check_structure(document: Any) -> None:
    """Iteratively bound nesting depth and size, and reject strings that cannot be stored as
    UTF-8. Runs after schema validation (which stops early at oversized arrays), so this walk
    only meets documents the schema accepted."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    values = 0
    while stack:
        node, depth = stack.pop()
        values += 1
        if values > MAX_JSON_VALUES:
            raise _JsonRejected(f"JSON document holds more than {MAX_JSON_VALUES} values")
        if isinstance(node, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise _JsonRejected(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
            children = node.items() if isinstance(node, dict) else enumerate(node)
            for key, child in children:
                if isinstance(key, str):
                    stack.append((key, depth))
                stack.append((child, depth + 1))
        elif isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise _JsonRejected("string contains an unpaired surrogate") from None


def _json_error(exc: Exception) -> ErrorReply:
    reason = str(exc) if isinstance(exc, _JsonRejected | json.JSONDecodeError) else "invalid"
    return bad_request(validation_errors=[f"JSON parse error - {_short(reason)}"])


def parse_json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
        return json.loads(
            text, parse_constant=_reject_constant, parse_float=_parse_float, parse_int=int
        )
    except (UnicodeDecodeError, RecursionError, ValueError) as exc:
        raise _json_error(exc) from None


def parse_form(raw: bytes) -> dict[str, str]:
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise bad_request(validation_errors=["Form body is not valid UTF-8"]) from None
    form: dict[str, str] = {}
    for key, value in pairs:
        form[key] = value
    return form


def media_type_of(content_type: str | None) -> str:
    if not content_type:
        return ""
    return content_type.split(";", 1)[0].strip().lower()


_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"


def parse_multipart(content_type: str, raw: bytes) -> dict[str, str]:
    """The text fields of a multipart/form-data body (files are read as text too)."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.message_from_bytes(head + raw, policy=email.policy.HTTP)
    if not message.is_multipart() or message.defects:
        raise bad_request(validation_errors=["Multipart body could not be parsed."])
    form: dict[str, str] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            try:
                form[name] = payload.decode("utf-8")
            except UnicodeDecodeError:
                raise bad_request({name: ["Not valid UTF-8."]}) from None
    return form


def _coerce_form_scalars(validator: SchemaValidator, form: dict[str, str]) -> dict[str, Any]:
    """Form fields arrive as text; where the schema wants a boolean or number, read it as one
    (as DRF's fields do)."""
    document: dict[str, Any] = dict(form)
    for error in validator.iter_errors(form):
        path = list(error.absolute_path)
        if error.validator != "type" or len(path) != 1 or not isinstance(error.instance, str):
            continue
        try:
            value = json.loads(error.instance)
        except ValueError:
            continue
        if isinstance(value, bool | int | float):
            document[str(path[0])] = value
    return document


def parse_body(operation: Operation, content_type: str | None, raw: bytes) -> Any:
    """Decode and validate the body against the operation's declared media types.

    A JSON body may also come form-encoded or as multipart, as the real server's parsers take
    all three; the token endpoint takes only the form it documents.
    """
    spec = operation.body
    if spec is None:
        return None
    if not raw.strip():
        if spec.required:
            raise bad_request(validation_errors=["A request body is required."])
        return None
    media = media_type_of(content_type)
    declared = spec.media_types
    is_json = media == "application/json" or media.endswith("+json")
    json_validator = declared.get("application/json")
    document: Any
    if media == _FORM and _FORM in declared:
        document = parse_form(raw)
        validator = declared[_FORM]
    elif is_json and json_validator is not None:
        document = parse_json(raw)
        validator = json_validator
    elif media in (_FORM, _MULTIPART) and json_validator is not None:
        form = parse_form(raw) if media == _FORM else parse_multipart(str(content_type), raw)
        validator = json_validator
        document = _coerce_form_scalars(validator, form)
    else:
        wanted = " or ".join(declared)
        raise ErrorReply(
            400,
            "bad request",
            validation_errors=[f"Unsupported media type {_short(media)!r}; send {wanted}."],
        )
    problems = schema_errors(validator, document)
    if problems:
        field_errors = nested_field_errors(
            {key: value for key, value in problems.items() if key}, document
        )
        validation_errors = problems.get("", [])
        if validation_errors and not isinstance(document, dict | list):
            validation_errors = [f"Invalid data: {validation_errors[0]}"]
        raise bad_request(field_errors, validation_errors=validation_errors)
    try:
        _check_structure(document)
    except _JsonRejected as exc:
        raise _json_error(exc) from None
    return document
