"""The JSON Schema keywords the wire view judges, and the facts of those that hold no subschema.

A keyword outside `JUDGED_KEYWORDS` (and not an `x-` extension) is "not judged": its change is a
fact with the effect "unjudged", which the gate treats as a break. `spec_diff.SchemaDiff` walks
the subschemas (properties, items, unions, allOf) and asks `value_facts` for the rest.
"""

from __future__ import annotations

from collections.abc import Iterator

from .facts import JSON, Effect, Fact, canonical

# Keywords with no effect on which values are valid (a changed description is documentation).
DOCS_KEYWORDS = frozenset(
    {
        "description",
        "title",
        "summary",
        "example",
        "examples",
        "externalDocs",
        "links",
        "tags",
        "deprecated",
        "readOnly",
        "writeOnly",
        "$comment",
        "contentMediaType",
        "contentEncoding",
    }
)
# (keyword, which way a larger value moves the allowed set, oasdiff's noun)
BOUNDS: tuple[tuple[str, Effect, str], ...] = (
    ("maxLength", "widened", "max-length"),
    ("minLength", "narrowed", "min-length"),
    ("maximum", "widened", "max"),
    ("exclusiveMaximum", "widened", "exclusive-max"),
    ("minimum", "narrowed", "min"),
    ("exclusiveMinimum", "narrowed", "exclusive-min"),
    ("maxItems", "widened", "max-items"),
    ("minItems", "narrowed", "min-items"),
    ("maxProperties", "widened", "max-properties"),
    ("minProperties", "narrowed", "min-properties"),
)
JUDGED_KEYWORDS = (
    DOCS_KEYWORDS
    | {b[0] for b in BOUNDS}
    | {
        "$ref",
        "type",
        "enum",
        "const",
        "format",
        "pattern",
        "default",
        "nullable",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "anyOf",
        "oneOf",
        "allOf",
        "uniqueItems",
    }
)


def _text(value: JSON) -> str:
    return canonical(value) if not isinstance(value, str) else repr(value)


def split_null(schema: JSON) -> tuple[JSON, bool]:
    """(the schema without its null alternative, whether null is allowed): `type: [X, "null"]`,
    `anyOf: [X, {type: null}]` and `nullable: true` are all the same statement."""
    if not isinstance(schema, dict):
        return schema, False
    nullable = schema.get("nullable") is True
    rest = {k: v for k, v in schema.items() if k != "nullable"}
    types = rest.get("type")
    if isinstance(types, list) and "null" in types:
        kept = [t for t in types if t != "null"]
        rest["type"] = kept[0] if len(kept) == 1 else kept
        if not kept:
            rest.pop("type")
        nullable = True
    elif types == "null":
        rest.pop("type")
        return rest, True
    for key in ("anyOf", "oneOf"):
        branches = rest.get(key)
        if isinstance(branches, list) and {"type": "null"} in branches:
            kept = [b for b in branches if b != {"type": "null"}]
            rest.pop(key)
            nullable = True
            if len(kept) == 1 and isinstance(kept[0], dict):
                rest = {**kept[0], **rest} if not set(kept[0]) & set(rest) else {**rest, key: kept}
            elif kept:
                rest[key] = kept
    return rest, nullable


def docs_facts(old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
    docs = sorted(k for k in DOCS_KEYWORDS if old.get(k) != new.get(k) and k != "deprecated")
    if docs:
        yield Fact("docs-changed", pointer, f"{', '.join(docs)} changed", "docs")
    if old.get("deprecated", False) != new.get("deprecated", False):
        name = "deprecated" if new.get("deprecated") else "reactivated"
        yield Fact(name, pointer, f"became {name}", "docs")


def type_set(schema: JSON) -> frozenset[str] | None:
    kind = schema.get("type")
    if kind is None:
        return None
    return frozenset([kind] if isinstance(kind, str) else kind)


def type_effect(old: frozenset[str] | None, new: frozenset[str] | None) -> Effect:
    def allows(outer: frozenset[str] | None, inner: frozenset[str] | None) -> bool:
        if outer is None:
            return True
        if inner is None:
            return False
        return all(t in outer or (t == "integer" and "number" in outer) for t in inner)

    if allows(new, old):
        return "widened"
    if allows(old, new):
        return "narrowed"
    return "changed"


def value_facts(old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
    """The facts of the keywords that hold no subschema: unjudged keywords, documentation,
    type, enum, bounds, format, pattern, default, uniqueItems."""
    for keyword in sorted((set(old) | set(new)) - JUDGED_KEYWORDS):
        if keyword.startswith("x-") or old.get(keyword) == new.get(keyword):
            continue
        detail = f"`{keyword}` changed, which this diff does not judge"
        yield Fact(f"{keyword}-changed", pointer, detail, "unjudged")
    yield from docs_facts(old, new, pointer)
    old_types, new_types = type_set(old), type_set(new)
    if old_types != new_types:
        effect = type_effect(old_types, new_types)
        was = "/".join(sorted(old_types or {"any"}))
        now = "/".join(sorted(new_types or {"any"}))
        yield Fact("type-changed", pointer, f"type {was} -> {now}", effect)
    yield from _enum(old, new, pointer)
    yield from _bounds(old, new, pointer)
    for keyword, noun in (("format", "format"), ("pattern", "pattern")):
        was, now = old.get(keyword), new.get(keyword)
        if was == now:
            continue
        if was is None:
            yield Fact(f"{noun}-added", pointer, f"{keyword} {now!r} added", "narrowed")
        elif now is None:
            yield Fact(f"{noun}-removed", pointer, f"{keyword} {was!r} removed", "widened")
        else:
            yield Fact(f"{noun}-changed", pointer, f"{keyword} {was!r} -> {now!r}", "changed")
    if old.get("default") != new.get("default"):
        detail = f"default {_text(old.get('default'))} -> {_text(new.get('default'))}"
        yield Fact("default-value-changed", pointer, detail, "default")
    if old.get("uniqueItems", False) != new.get("uniqueItems", False):
        unique: Effect = "narrowed" if new.get("uniqueItems") else "widened"
        yield Fact("unique-items-changed", pointer, "uniqueItems changed", unique)


def _enum(old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
    was = old.get("enum", [old["const"]] if "const" in old else None)
    now = new.get("enum", [new["const"]] if "const" in new else None)
    if was == now:
        return
    if was is None:
        yield Fact("became-enum", pointer, f"became an enum of {_text(now)}", "narrowed")
    elif now is None:
        yield Fact("enum-removed", pointer, f"no longer an enum (was {_text(was)})", "widened")
    else:
        added = [v for v in now if v not in was]
        removed = [v for v in was if v not in now]
        if added:
            yield Fact("enum-value-added", pointer, f"enum value {_text(added)} added", "widened")
        if removed:
            detail = f"enum value {_text(removed)} removed"
            yield Fact("enum-value-removed", pointer, detail, "narrowed")


def _bounds(old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
    for keyword, larger, noun in BOUNDS:
        was, now = old.get(keyword), new.get(keyword)
        if was == now:
            continue
        smaller: Effect = "narrowed" if larger == "widened" else "widened"
        if was is None:
            yield Fact(f"{noun}-set", pointer, f"{keyword} {now} set", "narrowed")
        elif now is None:
            yield Fact(f"{noun}-unset", pointer, f"{keyword} {was} removed", "widened")
        elif now > was:
            yield Fact(f"{noun}-increased", pointer, f"{keyword} {was} -> {now}", larger)
        else:
            yield Fact(f"{noun}-decreased", pointer, f"{keyword} {was} -> {now}", smaller)
