"""The wire view: what changed between two OpenAPI documents, judged for the callers of the API.

Components are compared as written ($refs kept), so a change to a shared schema is one record that
lists every operation it reaches; operations are matched by method and path (path parameter names
aside). Each change is one `Change` whose rule is named as oasdiff names it and whose verdict
follows one principle: a request accepts a set of values and a response promises a set of values,
so narrowing a request or widening a response breaks callers, and the opposite directions (and
additions, and documentation) do not. A change this module cannot judge is `breaking=None`.

This module walks two schemas (`SchemaDiff`); `keywords` judges the keywords that hold no
subschema; `facts` holds what a change is and how it is judged and named.
"""

from __future__ import annotations

from collections.abc import Iterator

from .facts import JSON, Effect, Fact, canonical, escape, resolve
from .keywords import DOCS_KEYWORDS, docs_facts, split_null, type_set, value_facts


class SchemaDiff:
    """Compares two schemas as written: a `$ref` to the same component on both sides stops the
    walk (that component is compared once, on its own); a `$ref` whose target changed is
    followed; a schema wrapped in an `anyOf`/`oneOf` (or unwrapped) is compared with the member
    that is it, and the other members are the change (`_member`, `_union`)."""

    def __init__(self, old_spec: JSON, new_spec: JSON) -> None:
        self.old_spec, self.new_spec = old_spec, new_spec
        self._following: set[tuple[str, str]] = set()

    def compare(self, old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
        if not isinstance(old, dict) or not isinstance(new, dict):
            if old != new:
                yield Fact("schema-changed", pointer, "the schema changed", "unjudged")
            return
        old_ref, new_ref = old.get("$ref"), new.get("$ref")
        if old_ref is not None and old_ref == new_ref:
            return
        ways: tuple[tuple[JSON, JSON, Effect], ...] = (
            (old, new, "widened"),
            (new, old, "narrowed"),
        )
        for one, union, effect in ways:  # `$ref: X` <-> `anyOf: [$ref: X, ...]`
            found = self._member(one, union, effect == "widened")
            if found is not None:
                yield from self._union(one, union, found, pointer, effect)
                return
        if old_ref is not None or new_ref is not None:
            yield from self._follow(old, new, pointer)
            return
        old, old_null = split_null(old)
        new, new_null = split_null(new)
        if old_null != new_null:
            name = "became-nullable" if new_null else "became-not-nullable"
            yield Fact(name, pointer, name.replace("-", " "), "widened" if new_null else "narrowed")
        yield from self._keywords(old, new, pointer)

    def _member(self, one: JSON, union: JSON, one_is_old: bool) -> tuple[str, int] | None:
        """Where `union`, a bare `anyOf`/`oneOf`, holds `one` as a member: the same `$ref`, or
        the same schema once a `$ref` is resolved (`$ref: X` became `anyOf: [$ref: X, ...]`),
        else, among several alternatives, the only one of the same type (compared with it)."""
        keywords = [k for k in ("anyOf", "oneOf") if isinstance(union.get(k), list)]
        if len(keywords) != 1 or keywords[0] in one:
            return None
        keyword = keywords[0]
        if any(k not in DOCS_KEYWORDS and k != keyword for k in union):
            return None  # a union beside other keywords constrains them all: not a wrapper
        one_spec, union_spec = (
            (self.old_spec, self.new_spec) if one_is_old else (self.new_spec, self.old_spec)
        )
        seen = self._resolved(one_spec, one)
        members = [(i, m) for i, m in enumerate(union[keyword]) if isinstance(m, dict)]
        for index, member in members:
            same_ref = "$ref" in one and one.get("$ref") == member.get("$ref")
            if same_ref or canonical(self._resolved(union_spec, member)) == canonical(seen):
                return keyword, index
        kind = type_set(split_null(seen)[0])
        real = [(i, m) for i, m in members if m != {"type": "null"}]
        alike = [
            i for i, m in real if type_set(split_null(self._resolved(union_spec, m))[0]) == kind
        ]
        # one alternative beside null is _split_null's case, below
        return (keyword, alike[0]) if kind and len(real) > 1 and len(alike) == 1 else None

    def _resolved(self, spec: JSON, schema: JSON) -> JSON:
        ref = schema.get("$ref")
        return resolve(spec, ref) if isinstance(ref, str) and ref.startswith("#/") else schema

    def _union(
        self, one: JSON, union: JSON, found: tuple[str, int], pointer: str, effect: Effect
    ) -> Iterator[Fact]:
        """`one` wrapped in `union` (widened) or unwrapped from it (narrowed): the member is
        compared with the schema it was or became, and the other members are the change."""
        keyword, index = found
        member = union[keyword][index]
        others = [m for i, m in enumerate(union[keyword]) if i != index]
        # the union's documentation, or its member's: a description moved into it is no change
        shown = {**{k: v for k, v in member.items() if k in DOCS_KEYWORDS}, **union}
        # beside a null alternative, the member is the schema without its own null
        base = split_null(one)[0] if {"type": "null"} in others else one
        if effect == "widened":
            yield from docs_facts(one, shown, pointer)
            yield from self.compare(base, member, f"{pointer}/{keyword}/{index}")
        else:
            yield from docs_facts(shown, one, pointer)
            yield from self.compare(member, base, pointer)
        spec = self.old_spec if effect == "widened" else self.new_spec
        already = split_null(self._resolved(spec, one))[1]
        if {"type": "null"} in others and not already:
            name = "became-nullable" if effect == "widened" else "became-not-nullable"
            yield Fact(name, pointer, name.replace("-", " "), effect)
        rest = [m for m in others if m != {"type": "null"}]
        if rest:
            verb = "added" if effect == "widened" else "removed"
            noun = "any-of" if keyword == "anyOf" else "one-of"
            label = str(one.get("$ref", "the schema")).rsplit("/", 1)[-1]
            detail = f"{len(rest)} alternative(s) to {label} {verb} ({keyword})"
            yield Fact(f"{noun}-{verb}", pointer, detail, effect)

    def _follow(self, old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
        old_ref, new_ref = old.get("$ref", "inline"), new.get("$ref", "inline")
        pair = (f"{old_ref}", f"{new_ref}@{pointer}")
        if pair in self._following:
            return
        self._following.add(pair)
        old_target = resolve(self.old_spec, old_ref) if "$ref" in old else old
        new_target = resolve(self.new_spec, new_ref) if "$ref" in new else new
        if "$ref" in old and "$ref" in new:
            was, now = old_ref.rsplit("/", 1)[-1], new_ref.rsplit("/", 1)[-1]
            detail = f"now refers to {now} instead of {was}"
            yield Fact("ref-changed", pointer, detail, "docs")
        yield from self.compare(old_target, new_target, pointer)
        self._following.discard(pair)

    def _keywords(self, old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
        """The keywords holding no subschema (`value_facts`), then those holding subschemas."""
        yield from value_facts(old, new, pointer)
        yield from self._object(old, new, pointer)
        if "items" in old or "items" in new:
            yield from self.compare(old.get("items", {}), new.get("items", {}), f"{pointer}/items")
        for keyword in ("anyOf", "oneOf"):
            yield from self._alternatives(keyword, old.get(keyword), new.get(keyword), pointer)
        yield from self._all_of(old.get("allOf"), new.get("allOf"), pointer)

    def _object(self, old: JSON, new: JSON, pointer: str) -> Iterator[Fact]:
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for name in sorted(set(old_props) | set(new_props) | old_required | new_required):
            where = f"{pointer}/properties/{escape(name)}"
            if name in old_props and name in new_props:
                yield from self.compare(old_props[name], new_props[name], where)
            elif name in new_props:
                required = name in new_required
                kind = "added-required" if required else "added"
                effect: Effect = "narrowed" if required else "added"
                yield Fact(f"property-{kind}", where, f"property `{name}` added", effect)
                continue
            elif name in old_props:
                yield Fact("property-removed", where, f"property `{name}` removed", "removed")
                continue
            if name in new_required and name not in old_required:
                yield Fact("became-required", where, f"`{name}` became required", "narrowed")
            elif name in old_required and name not in new_required:
                yield Fact("became-optional", where, f"`{name}` became optional", "widened")
        was, now = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if was != now:
            where = f"{pointer}/additionalProperties"
            if isinstance(was, dict) and isinstance(now, dict):
                yield from self.compare(was, now, where)
            elif now is False or (was is True and isinstance(now, dict)):
                detail = "additional properties restricted"
                yield Fact("additional-properties-narrowed", where, detail, "narrowed")
            else:
                detail = "additional properties allowed"
                yield Fact("additional-properties-widened", where, detail, "widened")

    def _alternatives(self, keyword: str, was: JSON, now: JSON, pointer: str) -> Iterator[Fact]:
        """anyOf / oneOf: a union of alternatives (also `anyOf` of `required` lists)."""
        if was == now:
            return
        noun = "any-of" if keyword == "anyOf" else "one-of"
        where = f"{pointer}/{keyword}"
        if was is None or now is None:
            effect: Effect = "narrowed" if was is None else "widened"
            branches = now if was is None else was
            if all(isinstance(b, dict) and set(b) <= {"required", "properties"} for b in branches):
                names = " and/or ".join(n for b in branches for n in b.get("required", []))
                verb = "now requires" if was is None else "no longer requires"
                yield Fact(
                    f"{noun}-{'set' if was is None else 'unset'}", where, f"{verb} {names}", effect
                )
                return
            yield Fact(
                f"{noun}-{'set' if was is None else 'unset'}",
                where,
                f"{keyword} {'added' if was is None else 'removed'}",
                effect,
            )
            return
        if len(was) == len(now):
            for index, (a, b) in enumerate(zip(was, now, strict=True)):
                yield from self.compare(a, b, f"{where}/{index}")
            return
        old_keys, new_keys = {canonical(b) for b in was}, {canonical(b) for b in now}
        added, removed = new_keys - old_keys, old_keys - new_keys
        if added:
            yield Fact(f"{noun}-added", where, f"{len(added)} alternative(s) added", "widened")
        if removed:
            yield Fact(
                f"{noun}-removed", where, f"{len(removed)} alternative(s) removed", "narrowed"
            )

    def _all_of(self, was: JSON, now: JSON, pointer: str) -> Iterator[Fact]:
        if was == now:
            return
        was, now, where = was or [], now or [], f"{pointer}/allOf"
        for index in range(max(len(was), len(now))):
            if index >= len(was):
                yield Fact("all-of-added", f"{where}/{index}", "allOf member added", "narrowed")
            elif index >= len(now):
                yield Fact("all-of-removed", f"{where}/{index}", "allOf member removed", "widened")
            else:
                yield from self.compare(was[index], now[index], f"{where}/{index}")
