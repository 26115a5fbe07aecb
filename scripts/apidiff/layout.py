"""Where things are in an OpenAPI document: the operations each kind of server has, and which
operations reach each component, from which side (request or response)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from .facts import HTTP_METHODS, escape, resolve

JSON = Any
SERVERS = ("documented", "badgr-server")
SHARED = "x-apidiff-path-parameters"  # which of an operation's parameters its path item holds


def operations(spec: JSON, server: str) -> dict[tuple[str, str], tuple[str, JSON]]:
    """(method, path with parameters blanked) -> (path, operation), for one kind of server."""
    found: dict[tuple[str, str], tuple[str, JSON]] = {}
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None or (
                server not in operation.get("x-profiles", [server]) and server in SERVERS
            ):
                continue
            merged = dict(operation)
            # path-level parameters belong to each operation (an operation's own win)
            own = {param_key(spec, p, path) for p in operation.get("parameters", [])}
            shared = [p for p in item.get("parameters", []) if param_key(spec, p, path) not in own]
            merged["parameters"] = shared + list(operation.get("parameters", []))
            merged[SHARED] = [param_key(spec, p, path) for p in shared]
            found[(method, re.sub(r"\{[^}]*\}", "{}", path))] = (path, merged)
    return found


def param_key(spec: JSON, parameter: JSON, path: str) -> tuple[str, str]:
    """A path parameter is its place in the template (renaming it changes nothing on the wire);
    headers are case-insensitive."""
    target = resolve(spec, parameter["$ref"]) if "$ref" in parameter else parameter
    where, name = target["in"], target["name"]
    template = re.findall(r"\{([^}]*)\}", path)
    if where == "path" and name in template:
        return (where, f"{{{template.index(name)}}}")
    return (where, name.lower() if where == "header" else name)


def op_pointer(path: str, method: str) -> str:
    return f"/paths/{escape(path)}/{method}"


def op_name(operation: JSON, method: str, path: str) -> str:
    return str(operation.get("operationId") or f"{method.upper()} {path}")


# ---- where components are used ---------------------------------------------------------------


def refs(node: JSON) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            yield ref
        for key, value in node.items():
            if key not in ("examples", "example", "links"):
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def reach(spec: JSON, server: str) -> dict[str, dict[str, set[str]]]:
    """component pointer ("/components/schemas/Issuer") -> operationId -> sides that reach it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (method, _), (path, operation) in operations(spec, server).items():
        name = op_name(operation, method, path)
        request = [operation.get("parameters", []), operation.get("requestBody", {})]
        for side, roots in (("request", request), ("response", [operation.get("responses", {})])):
            seen: set[str] = set()
            todo = [ref for root in roots for ref in refs(root)]
            while todo:
                ref = todo.pop()
                if ref in seen:
                    continue
                seen.add(ref)
                pointer = "/".join(ref.removeprefix("#").split("/")[:4])
                found[pointer][name].add(side)
                todo.extend(refs(resolve(spec, ref)))
    return found


def references(spec: JSON) -> dict[str, set[str]]:
    """Schema name -> the schemas it refers to, directly or not."""
    schemas = spec.get("components", {}).get("schemas", {})
    direct = {
        name: {r.rsplit("/", 1)[-1] for r in refs(schema) if r.startswith("#/components/schemas/")}
        for name, schema in schemas.items()
    }
    closure: dict[str, set[str]] = {}
    for name in direct:
        seen: set[str] = set()
        todo = list(direct[name])
        while todo:
            ref = todo.pop()
            if ref not in seen:
                seen.add(ref)
                todo.extend(direct.get(ref, ()))
        closure[name] = seen
    return closure


def same_component(old: JSON, new: JSON) -> bool:
    """Both sides refer to the same component: it is compared once, with the components."""
    return old.get("$ref") is not None and old.get("$ref") == new.get("$ref")
