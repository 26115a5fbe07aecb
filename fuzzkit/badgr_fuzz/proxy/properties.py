"""Response-property coverage: the properties of an operation's answers the traffic showed,
against those its API description declares (for the 2xx statuses seen).

A property is named by its path from the body's root, an array's items written `*`
(`/result/*/recipient/identity`); `$ref`, `allOf`, `anyOf` and `oneOf` are followed, a schema
that refers to itself is walked once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from badgr_mock.spec import Operation, SpecIndex, resolve_pointer

#: deeper than any answer of the API: a bound for a schema or a body that nests without end
MAX_DEPTH = 16
JSON = "application/json"


def _key(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def seen_properties(value: Any, prefix: str = "", depth: int = 0) -> Iterator[str]:
    """The property paths of a decoded JSON body."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        for name, item in value.items():
            path = f"{prefix}/{_key(str(name))}"
            yield path
            yield from seen_properties(item, path, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from seen_properties(item, f"{prefix}/*", depth + 1)


def _resolve(document: dict[str, Any], node: Any) -> Any:
    """A `$ref` to this document followed once (the walk follows chains itself)."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node
    return resolve_pointer(document, ref[1:])


def declared_properties(
    document: dict[str, Any],
    schema: Any,
    prefix: str = "",
    refs: frozenset[str] = frozenset(),
) -> set[str]:
    """The property paths a response schema declares."""
    if not isinstance(schema, dict) or len(refs) > MAX_DEPTH or prefix.count("/") > MAX_DEPTH:
        return set()
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in refs:  # a schema that refers to itself: walked once
            return set()
        return declared_properties(document, _resolve(document, schema), prefix, refs | {ref})
    found: set[str] = set()
    for keyword in ("allOf", "anyOf", "oneOf"):
        for member in schema.get(keyword) or []:
            found |= declared_properties(document, member, prefix, refs)
    for name, sub in (schema.get("properties") or {}).items():
        path = f"{prefix}/{_key(str(name))}"
        found.add(path)
        found |= declared_properties(document, sub, path, refs)
    if isinstance(schema.get("items"), dict):
        found |= declared_properties(document, schema["items"], f"{prefix}/*", refs)
    return found


def response_schema(spec: SpecIndex, operation: Operation, status: str) -> Any:
    """The JSON schema the description declares for this status of the operation (None: no
    JSON body declared)."""
    document = spec.document
    responses = document["paths"][operation.path][operation.method.lower()]["responses"]
    declared = _resolve(document, responses.get(status))
    content = (declared or {}).get("content") or {}
    media = content.get(JSON) or next((m for t, m in content.items() if t.endswith("+json")), None)
    return (media or {}).get("schema")
