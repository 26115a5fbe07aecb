"""The shape of observed JSON as a JSON Schema, and the walk of an observed answer over the
schema the API description declares for it: what the description would need to say more
(`Widening`) for the answer to conform, and what no widening honestly fixes (`Widening.kept`: a
required field absent, a value failing its `format` or `pattern`). Nothing here ever narrows a
schema."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from badgr_mock.formats import FORMAT_CHECKER
from badgr_mock.spec import resolve_pointer

#: a pointer's last `allOf`/`anyOf`/`oneOf` member: /allOf/1 at the end
_MORE = "additionalProperties"
_COMBINED = re.compile(r"/(?:allOf|anyOf|oneOf)/\d+$")
#: the base URI the document's `#/...` references resolve against
_URI = "urn:badgr-proxy-suggest"

Schema = dict[str, Any]
#: the JSON Schema type of a Python value decoded from JSON
_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "number"),
    (str, "string"),
    (list, "array"),
    (dict, "object"),
)


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    return next(name for kind, name in _TYPES if isinstance(value, kind))


def infer(value: Any) -> Schema:
    """The observed value's shape: its type; an object's properties (all optional); an array's
    items (the merged shape of every element)."""
    kind = json_type(value)
    schema: Schema = {"type": kind}
    if kind == "object":
        schema["properties"] = {str(k): infer(v) for k, v in value.items()}
    elif kind == "array" and value:
        items = infer(value[0])
        for element in value[1:]:
            items = merge(items, infer(element))
        schema["items"] = items
    return schema


def _types(schema: Schema) -> list[str]:
    declared = schema.get("type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def merge(one: Schema, other: Schema) -> Schema:
    """A shape that both observed shapes conform to (types united, properties merged)."""
    types = _types(one) + [t for t in _types(other) if t not in _types(one)]
    merged: Schema = {"type": types[0] if len(types) == 1 else types}
    properties = {**one.get("properties", {})}
    for name, schema in other.get("properties", {}).items():
        properties[name] = merge(properties[name], schema) if name in properties else schema
    if properties or "object" in types:
        merged["properties"] = properties
    if "items" in one and "items" in other:
        merged["items"] = merge(one["items"], other["items"])
    elif "items" in one or "items" in other:
        merged["items"] = one.get("items") or other["items"]
    return merged


def _matches(pattern: str, value: str) -> bool:
    """As the validators read `pattern` (jsonschema: re.search); a pattern Python cannot read
    is not held against the value."""
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True


def accepts(types: list[str], value: Any) -> bool:
    kind = json_type(value)
    return kind in types or (kind == "integer" and "number" in types)


@dataclass
class Widening:
    """What the description would need to say more, by JSON pointer of the schema node."""

    #: types to add to a node's `type`
    types: dict[str, list[str]] = field(default_factory=dict)
    #: values to add to a node's `enum`
    enums: dict[str, list[Any]] = field(default_factory=dict)
    #: object node -> undeclared property -> its observed shape
    properties: dict[str, dict[str, Schema]] = field(default_factory=dict)
    #: a `$ref`-only node the value breaks -> (the $ref, the observed shape it must also allow)
    alternatives: dict[str, tuple[str, Schema]] = field(default_factory=dict)
    #: pointer -> the observations behind it (for the actions' descriptions)
    seen: dict[str, list[str]] = field(default_factory=dict)
    #: (what failed, the schema pointer of the keyword) -> where in answers: for a person
    kept: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def note(self, pointer: str, observation: str) -> None:
        notes = self.seen.setdefault(pointer, [])
        if observation not in notes:
            notes.append(observation)

    def keep(self, what: str, pointer: str, where: str) -> None:
        wheres = self.kept.setdefault((what, pointer), [])
        if where not in wheres:
            wheres.append(where)


class Walker:
    """Walks observed answers over the schemas of one API description (a parsed document)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.widening = Widening()
        resource: Resource[Any] = DRAFT202012.create_resource(document)
        self._registry: Registry[Any] = Registry().with_resource(_URI, resource)
        self._validators: dict[str, Draft202012Validator] = {}

    def lookup(self, pointer: str) -> Any:
        return resolve_pointer(self.document, pointer)

    def _ref(self, node: Schema) -> str | None:
        ref = node.get("$ref")
        return ref[1:] if isinstance(ref, str) and ref.startswith("#/") else None

    def conjuncts(self, node: Schema, pointer: str, value: Any) -> Iterator[tuple[Schema, str]]:
        """The schema nodes that all apply to the value: the node, what it refers to, its
        `allOf` members, and the `anyOf`/`oneOf` branch the value takes (`_branch`)."""
        yield node, pointer
        ref = self._ref(node)
        if ref is not None:
            yield from self.conjuncts(self.lookup(ref), ref, value)
        for index, member in enumerate(node.get("allOf", [])):
            yield from self.conjuncts(member, f"{pointer}/allOf/{index}", value)
        for keyword in ("anyOf", "oneOf"):
            branches = node.get(keyword, [])
            pointers = [f"{pointer}/{keyword}/{index}" for index in range(len(branches))]
            chosen = self._branch(list(zip(branches, pointers, strict=True)), value)
            if chosen is not None:
                yield from chosen

    def _branch(
        self, branches: list[tuple[Schema, str]], value: Any
    ) -> list[tuple[Schema, str]] | None:
        """The conjuncts of the branch the value takes: the first it is valid against (nothing
        to widen there), else the first whose types take it."""
        for branch, at in branches:
            if self._validator(at).is_valid(value):
                return list(self.conjuncts(branch, at, value))
        for branch, at in branches:
            found = list(self.conjuncts(branch, at, value))
            if all(accepts(_types(n), value) for n, _ in found if "type" in n):
                return found
        return None

    def _validator(self, pointer: str) -> Draft202012Validator:
        found = self._validators.get(pointer)
        if found is None:
            schema = {"$ref": f"{_URI}#{pointer}"}
            found = Draft202012Validator(
                schema, registry=self._registry, format_checker=FORMAT_CHECKER
            )
            self._validators[pointer] = found
        return found

    def types_of(self, node: Schema, pointer: str, value: Any) -> list[list[str]]:
        return [_types(n) for n, _ in self.conjuncts(node, pointer, value) if "type" in n]

    def walk(self, node: Schema, pointer: str, value: Any, where: str) -> None:
        """Note what `node` (at `pointer`) lacks for `value` (seen at `where` in an answer)."""
        kind = json_type(value)
        ref = self._ref(node)
        bare = ref is not None and "type" not in node and "allOf" not in node
        if bare and not all(accepts(t, value) for t in self.types_of(node, pointer, value)):
            # a $ref cannot be widened in place: it becomes anyOf [the $ref, the shape]
            old = self.widening.alternatives.get(pointer, (f"#{ref}", infer(value)))
            self.widening.alternatives[pointer] = (old[0], merge(old[1], infer(value)))
            self.widening.note(pointer, f"{where} seen as {kind}")
            return
        conjuncts = list(self.conjuncts(node, pointer, value))
        for schema, at in conjuncts:
            if "type" in schema and not accepts(_types(schema), value):
                added = self.widening.types.setdefault(at, [])
                added += [kind] if kind not in added else []
                self.widening.note(at, f"{where} seen as {kind}")
            if "enum" in schema and value not in schema["enum"] and kind not in ("object", "array"):
                values = self.widening.enums.setdefault(at, [])
                values += [value] if value not in values else []
                self.widening.note(at, f"{where} seen as {value!r}")
            if isinstance(value, str):
                self._constraints(schema, at, value, where)
        if kind == "object":
            self._object(conjuncts, value, where)
        elif kind == "array":
            for schema, at in conjuncts:
                if isinstance(schema.get("items"), dict):
                    for index, element in enumerate(value):
                        self.walk(schema["items"], f"{at}/items", element, f"{where}/{index}")

    def _constraints(self, schema: Schema, at: str, value: str, where: str) -> None:
        """A string failing its `format` or `pattern`: kept for a person, never the value (it
        may be personal: an address an e-mail format refused)."""
        wanted = schema.get("format")
        if isinstance(wanted, str) and not FORMAT_CHECKER.conforms(value, wanted):
            self.widening.keep(f"fails format {wanted}", f"{at}/format", where)
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and not _matches(pattern, value):
            self.widening.keep("fails pattern", f"{at}/pattern", where)

    def _object(
        self, conjuncts: list[tuple[Schema, str]], value: dict[str, Any], where: str
    ) -> None:
        for schema, at in conjuncts:  # absence proves nothing: a person decides
            for index, name in enumerate(schema.get("required", [])):
                if isinstance(name, str) and name not in value:
                    escaped = name.replace("~", "~0").replace("/", "~1")
                    pointer = f"{at}/required/{index}"
                    self.widening.keep("is required but absent", pointer, f"{where}/{escaped}")
        homes = [(s, at) for s, at in conjuncts if "properties" in s]
        if not homes:
            homes = [(s, at) for s, at in conjuncts if "object" in _types(s)]
        for name, member in value.items():
            declared = [(s, at) for s, at in conjuncts if name in s.get("properties", {})]
            escaped = name.replace("~", "~0").replace("/", "~1")
            for schema, at in declared:
                here = f"{at}/properties/{escaped}"
                self.walk(schema["properties"][name], here, member, f"{where}/{escaped}")
            extra = [(s, at) for s, at in conjuncts if isinstance(s.get(_MORE), dict)]
            for schema, at in [] if declared else extra:
                self.walk(schema[_MORE], f"{at}/{_MORE}", member, f"{where}/{escaped}")
            if declared or extra or not homes:
                continue
            # the last: an envelope's own part, not the shared envelope; an overlay cannot
            # update a member of a list (oas-patch): the allOf's owner gets the property
            home = _COMBINED.sub("", homes[-1][1])
            shapes = self.widening.properties.setdefault(home, {})
            shapes[name] = merge(shapes[name], infer(member)) if name in shapes else infer(member)
            self.widening.note(home, f"{where}/{escaped} not declared")
