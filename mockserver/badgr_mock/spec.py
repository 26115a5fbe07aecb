"""The operation table, built once from the spec (``openapi/credentials.yaml``, shipped as
``badgr_mock/data/``).

Every request and (in strict mode) every response is checked against validators compiled here, so
the mock's behaviour at the edges follows the spec rather than hand-written per-route checks.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema_rs
import yaml
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.routing import compile_path

from .formats import FORMAT_CHECKER, is_date_time, is_email, is_uri

SPEC_URI = "urn:badgr-credentials-spec"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
SPEC_ENV_VAR = "BADGR_MOCK_SPEC"


def default_spec_path(file_name: str = "credentials.yaml") -> Path:
    """The spec shipped as package data (``badgr_mock/data/``: links to ``openapi/`` in the
    checkout, copies in a wheel); ``BADGR_MOCK_SPEC`` (or ``--spec``) overrides it."""
    override = os.environ.get(SPEC_ENV_VAR)
    if override:
        return Path(override)
    shipped = files("badgr_mock").joinpath("data", file_name)
    if not isinstance(shipped, Path) or not shipped.is_file():  # a zipped or broken install
        raise FileNotFoundError(f"badgr_mock's spec {file_name} is missing from its package data")
    return shipped


class SchemaValidator:
    """One schema of the spec, checked two ways: jsonschema-rs answers "valid?" fast (the
    common case), and only a failure is explained by jsonschema, whose errors carry the paths
    and messages that become ``fieldErrors``. The same format rules back both."""

    def __init__(self, fast: Any, detailed: Draft202012Validator) -> None:
        self._fast = fast
        self._detailed = detailed

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        if self._fast.is_valid(instance):
            return iter(())
        return self._detailed.iter_errors(instance)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "path" or "query"
    required: bool
    schema_type: str  # "string", "integer" or "boolean"
    default: Any
    validator: SchemaValidator


@dataclass(frozen=True)
class RequestBody:
    required: bool
    # media type -> validator
    media_types: dict[str, SchemaValidator]


@dataclass(frozen=True)
class DeclaredHeader:
    name: str
    required: bool
    validator: SchemaValidator


@dataclass(frozen=True)
class ResponseSpec:
    status: str
    validator: SchemaValidator | None  # application/json's; None: no body declared
    headers: tuple[DeclaredHeader, ...]
    media_types: frozenset[str]
    # a media type that is not JSON and has a schema of its own (an HTML page: a string) -> its
    # validator; a JSON one (`+json`) is the same document as application/json's
    text_validators: dict[str, SchemaValidator] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # OpenAPI template, e.g. /v2/issuers/{idOrEntityId}
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    responses: dict[str, ResponseSpec]
    # Alternatives: each is a mapping of scheme name -> required scopes. Empty tuple: public.
    security: tuple[dict[str, tuple[str, ...]], ...]
    error_schema_is_oauth: bool


@dataclass(frozen=True)
class SpecIndex:
    document: dict[str, Any]
    operations: dict[str, Operation]
    # path template -> method -> operation
    paths: dict[str, dict[str, Operation]] = field(default_factory=dict)

    def routing_order(self) -> list[tuple[str, dict[str, Operation]]]:
        """The path templates in the order the mock routes them (literal segments first)."""
        return sorted(self.paths.items(), key=lambda item: route_sort_key(item[0]))

    @functools.cached_property
    def _patterns(self) -> list[tuple[re.Pattern[str], dict[str, Operation]]]:
        # Starlette's own compiler: the same patterns the mock's routes match with
        return [(compile_path(path)[0], methods) for path, methods in self.routing_order()]

    def match(self, path: str) -> tuple[dict[str, Operation], dict[str, str]] | None:
        """The operations (by method) of the template a concrete path routes to, and its path
        parameters; None when no template matches."""
        for pattern, methods in self._patterns:
            found = pattern.match(path)
            if found is not None:
                return methods, found.groupdict()
        return None

    def find(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        """The operation a request is routed to (HEAD as GET) and its path parameters; None
        when the path or the method has none."""
        matched = self.match(path)
        if matched is None:
            return None
        operation = matched[0].get("GET" if method == "HEAD" else method)
        return (operation, matched[1]) if operation is not None else None


def is_json(media_type: str) -> bool:
    """Whether a media type (no parameters: ``media_type_of``) is JSON: ``application/json`` or
    a ``+json`` one (``application/ld+json``)."""
    return media_type == "application/json" or media_type.endswith("+json")


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The node a JSON pointer (``/components/schemas/Issuer``; ``""``: the whole) names."""
    node = document
    for raw in pointer.lstrip("/").split("/") if pointer else []:
        key = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def _pointer_escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


# jsonschema checks a schema's keywords in the order they are written. Putting the cheap size
# and type checks first lets a caller stop at an oversized array before every item is examined.
_CHEAP_KEYWORDS = ("type", "maxItems", "maxProperties", "maxLength", "minItems", "minProperties")


def _size_checks_first(node: Any) -> Any:
    if isinstance(node, list):
        return [_size_checks_first(item) for item in node]
    if not isinstance(node, dict):
        return node
    ordered = {key: node[key] for key in _CHEAP_KEYWORDS if key in node}
    ordered.update((key, value) for key, value in node.items() if key not in ordered)
    return {key: _size_checks_first(value) for key, value in ordered.items()}


def _max_items(validator: Any, limit: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    # jsonschema's own message embeds the repr of the whole instance: costly for a huge array.
    if validator.is_type(instance, "array") and len(instance) > limit:
        yield ValidationError(f"array of {len(instance)} items is too long")


def _max_properties(
    validator: Any, limit: Any, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "object") and len(instance) > limit:
        yield ValidationError(f"object of {len(instance)} properties is too long")


_ExplainingValidator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"maxItems": _max_items, "maxProperties": _max_properties}
)


class _Builder:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        resource: Resource[Any] = DRAFT202012.create_resource(_size_checks_first(document))
        self.registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self.fast_registry = jsonschema_rs.Registry([(SPEC_URI, document)])
        self._validators: dict[str, SchemaValidator] = {}

    def lookup(self, pointer: str) -> Any:
        return resolve_pointer(self.document, pointer)

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow non-schema ``$ref``s (parameters, responses), keeping the JSON pointer."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                raise ValueError(f"unsupported $ref {ref!r} at {pointer}")
            pointer = ref[1:]
            node = self.lookup(pointer)
        return node, pointer

    def validator(self, pointer: str) -> SchemaValidator:
        cached = self._validators.get(pointer)
        if cached is None:
            schema = {"$ref": f"{SPEC_URI}#{pointer}"}
            fast = jsonschema_rs.Draft202012Validator(
                {"$ref": f"{SPEC_URI}#{quote(pointer, safe='/~')}"},  # strict URI: `{` escaped
                registry=self.fast_registry,
                validate_formats=True,
                formats={"email": is_email, "uri": is_uri, "date-time": is_date_time},
            )
            detailed = _ExplainingValidator(
                schema, registry=self.registry, format_checker=FORMAT_CHECKER
            )
            cached = SchemaValidator(fast, detailed)
            self._validators[pointer] = cached
        return cached

    def schema_type(self, pointer: str) -> tuple[str, Any]:
        schema, _ = self.deref(self.lookup(pointer), pointer)
        declared = schema.get("type", "string")
        kind = declared if isinstance(declared, str) else "string"
        return kind, schema.get("default")

    def parameter(self, node: Any, pointer: str) -> Parameter:
        node, pointer = self.deref(node, pointer)
        schema_pointer = pointer + "/schema"
        kind, default = self.schema_type(schema_pointer)
        return Parameter(
            name=node["name"],
            location=node["in"],
            required=bool(node.get("required", False)),
            schema_type=kind,
            default=default,
            validator=self.validator(schema_pointer),
        )

    def header(self, name: str, node: Any, pointer: str) -> DeclaredHeader:
        node, pointer = self.deref(node, pointer)
        return DeclaredHeader(
            name=name,
            required=bool(node.get("required", False)),
            validator=self.validator(pointer + "/schema"),
        )

    def operation(
        self, path: str, method: str, path_item: dict[str, Any], path_pointer: str
    ) -> Operation:
        node = path_item[method]
        pointer = f"{path_pointer}/{method}"
        params: dict[tuple[str, str], Parameter] = {}
        for source, source_pointer in (
            (path_item.get("parameters", []), f"{path_pointer}/parameters"),
            (node.get("parameters", []), f"{pointer}/parameters"),
        ):
            for index, raw in enumerate(source):
                param = self.parameter(raw, f"{source_pointer}/{index}")
                params[(param.name, param.location)] = param

        body: RequestBody | None = None
        if "requestBody" in node:
            body_node, body_pointer = self.deref(node["requestBody"], f"{pointer}/requestBody")
            media = {
                media_type: self.validator(
                    f"{body_pointer}/content/{_pointer_escape(media_type)}/schema"
                )
                for media_type in body_node.get("content", {})
            }
            body = RequestBody(required=bool(body_node.get("required", False)), media_types=media)

        responses: dict[str, ResponseSpec] = {}
        oauth_errors = False
        for status, raw in node.get("responses", {}).items():
            response, response_pointer = self.deref(raw, f"{pointer}/responses/{status}")
            content = response.get("content", {})
            validator = None
            if "application/json" in content:
                schema_pointer = f"{response_pointer}/content/application~1json/schema"
                validator = self.validator(schema_pointer)
                if status == "400":
                    schema = self.lookup(schema_pointer)
                    oauth_errors = schema.get("$ref", "").endswith("/OAuthError")
            responses[str(status)] = ResponseSpec(
                status=str(status),
                validator=validator,
                headers=tuple(
                    self.header(name, raw_header, f"{response_pointer}/headers/{name}")
                    for name, raw_header in response.get("headers", {}).items()
                ),
                media_types=frozenset(content),
                text_validators={
                    media_type: self.validator(
                        f"{response_pointer}/content/{_pointer_escape(media_type)}/schema"
                    )
                    for media_type, node in content.items()
                    if not is_json(media_type) and "schema" in (node or {})
                },
            )

        raw_security = node.get("security", self.document.get("security", []))
        security = tuple(
            {scheme: tuple(scopes) for scheme, scopes in alternative.items()}
            for alternative in raw_security
        )
        return Operation(
            operation_id=node["operationId"],
            method=method.upper(),
            path=path,
            parameters=tuple(params.values()),
            body=body,
            responses=responses,
            security=security,
            error_schema_is_oauth=oauth_errors,
        )


def build_index(document: dict[str, Any]) -> SpecIndex:
    builder = _Builder(document)
    operations: dict[str, Operation] = {}
    paths: dict[str, dict[str, Operation]] = {}
    for path, path_item in document["paths"].items():
        path_pointer = f"/paths/{_pointer_escape(path)}"
        for method in HTTP_METHODS:
            if method in path_item:
                operation = builder.operation(path, method, path_item, path_pointer)
                operations[operation.operation_id] = operation
                paths.setdefault(path, {})[operation.method] = operation
    return SpecIndex(document=document, operations=operations, paths=paths)


@functools.lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int) -> SpecIndex:
    del mtime_ns  # only part of the cache key
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=loader)
    return build_index(document)


def load_spec(path: str | Path | None = None) -> SpecIndex:
    """Parse and index the spec; cached per file version so many apps share one index."""
    resolved = Path(path) if path is not None else default_spec_path()
    return _load_cached(str(resolved), resolved.stat().st_mtime_ns)


_TEMPLATE_PARAM = re.compile(r"\{([^}]+)\}")


def route_sort_key(path: str) -> tuple[int, ...]:
    """Literal segments win over parameters at the first position where two paths differ."""
    return tuple(1 if _TEMPLATE_PARAM.fullmatch(part) else 0 for part in path.split("/"))
