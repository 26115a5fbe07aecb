"""Read openapi/credentials.yaml as the tests need it: operations, resolved objects, validators."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "credentials.yaml"
SPEC_URI = "urn:badgr:credentials.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@functools.cache
def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (METHOD, path, operation) for every operation of the spec."""
    for path, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def operation(method: str, path: str) -> dict[str, Any]:
    op: dict[str, Any] = load_spec()["paths"][path][method.lower()]
    return op


def resolve(obj: Any) -> Any:
    """Follow a local `$ref` (response, request body, parameter or schema) to its target."""
    while isinstance(obj, dict) and "$ref" in obj:
        target: Any = load_spec()
        for part in obj["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        obj = target
    return obj


def json_schema_of(container: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema of a (resolved) request body or response object, if it has one."""
    content = resolve(container).get("content") or {}
    media = content.get("application/json") or content.get("application/x-www-form-urlencoded")
    return None if media is None else media["schema"]


@functools.cache
def _registry() -> Registry:
    resource = Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    registry: Registry = Registry().with_resource(SPEC_URI, resource)
    return registry


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A validator for a schema taken from the spec; its local `$ref`s resolve inside the spec."""
    wrapped = {"$ref": SPEC_URI + schema["$ref"]} if "$ref" in schema else schema
    if "$ref" not in schema:
        wrapped = {"allOf": [_rebase(schema)]}
    return jsonschema.Draft202012Validator(
        wrapped,
        registry=_registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def _rebase(node: Any) -> Any:
    """Point the local refs of an inline schema at the registered spec document."""
    if isinstance(node, dict):
        return {
            key: SPEC_URI + value if key == "$ref" and value.startswith("#") else _rebase(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rebase(item) for item in node]
    return node


def undeclared_keys(instance: Any, schema: Any, where: str = "$") -> list[str]:
    """Keys of `instance` that its schema does not declare.

    Objects that opt into extra keys (`additionalProperties: true` or a schema) accept anything;
    an object schema that says nothing about extra keys only accepts its declared properties here,
    so a documented key that the spec forgot is reported.
    """
    schema = resolve(schema)
    if not isinstance(schema, dict):
        return []
    found: list[str] = []
    if isinstance(instance, dict):
        properties: dict[str, Any] = {}
        open_ended = (
            "additionalProperties" in schema and schema["additionalProperties"] is not False
        )
        branches = [resolve(s) for s in schema.get("allOf", [])]
        for branch in [schema, *branches]:
            properties.update(branch.get("properties", {}))
            open_ended = open_ended or (
                "additionalProperties" in branch and branch["additionalProperties"] is not False
            )
        for option in schema.get("anyOf", []) + schema.get("oneOf", []):
            option = resolve(option)
            if set(option) <= {"required", "properties"} and schema.get("properties"):
                continue  # a rule on the object's own keys (criteria), not another shape
            if option.get("type") != "null":
                found.extend(undeclared_keys(instance, option, where))
        if not properties and not open_ended and ("anyOf" in schema or "oneOf" in schema):
            return found
        if not properties and not open_ended and "type" not in schema:
            return found  # an any-value schema such as fieldErrors
        for key, value in instance.items():
            if key in properties:
                found.extend(undeclared_keys(value, properties[key], f"{where}.{key}"))
            elif not open_ended:
                found.append(f"{where}.{key}")
    elif isinstance(instance, list):
        items = schema.get("items")
        for branch in [schema, *[resolve(s) for s in schema.get("allOf", [])]]:
            items = branch.get("items", items)
        if items is not None:
            for index, value in enumerate(instance):
                found.extend(undeclared_keys(value, items, f"{where}[{index}]"))
    return found
