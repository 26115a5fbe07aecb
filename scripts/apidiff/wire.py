"""Two OpenAPI documents (or two pairs: one per kind of server) -> the list of `Change`s.

Operations are matched by method and path (path parameter names aside); an operation that moved to
another path under the same operationId is one change. Components (schemas, parameters,
responses, headers, request bodies) are compared once each, and each change is attributed to the
operations that reach the component, on the side (request or response) they reach it from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from .facts import (
    HTTP_METHODS,
    Change,
    Fact,
    canonical,
    escape,
    resolve,
    rule_name,
    verdict,
)
from .layout import (
    SERVERS,
    SHARED,
    op_name,
    op_pointer,
    operations,
    param_key,
    reach,
    same_component,
)
from .spec_diff import SchemaDiff

JSON = Any
_SIDE_ORDER = {"request": 0, "response": 1}


class DocumentDiff:
    """The changes between two documents for one kind of server."""

    def __init__(self, old: JSON, new: JSON, server: str) -> None:
        self.old, self.new, self.server = old, new, server
        self.schemas = SchemaDiff(old, new)
        self.changes: list[Change] = []

    def run(self) -> list[Change]:
        old_ops, new_ops = operations(self.old, self.server), operations(self.new, self.server)
        moved = self._moved(old_ops, new_ops)
        for key in sorted(set(old_ops) | set(new_ops)):
            if key in moved or key in moved.values():
                continue
            if key not in new_ops:
                self._removed(key, old_ops[key], new_ops)
            elif key not in old_ops:
                path, operation = new_ops[key]
                name = op_name(operation, key[0], path)
                self._add(
                    "endpoint-added",
                    op_pointer(path, key[0]),
                    f"{key[0].upper()} {path} added",
                    False,
                    [name],
                    "operation",
                )
            else:
                self._operation(key[0], old_ops[key], new_ops[key])
        for old_key, new_key in sorted(moved.items()):
            (old_path, operation), (new_path, _) = old_ops[old_key], new_ops[new_key]
            detail = f"{old_key[0].upper()} {old_path} moved to {new_key[0].upper()} {new_path}"
            name = op_name(operation, old_key[0], old_path)
            self._add(
                "api-path-removed-without-deprecation",
                op_pointer(old_path, old_key[0]),
                detail,
                True,
                [name],
                "operation",
            )
        self._components()
        return self._same_change_of_several_operations()

    def _same_change_of_several_operations(self) -> list[Change]:
        """One record for the same change at the same place of several operations (a block the
        YAML shares by anchor, one status added to many operations)."""
        merged: dict[tuple[str, str, str], Change] = {}
        for change in self.changes:
            key = identity(change)
            if key in merged:
                kept = merged[key]
                kept.operations = sorted(set(kept.operations) | set(change.operations))
                kept.sides = sorted(set(kept.sides) | set(change.sides))
            else:
                merged[key] = change
        return list(merged.values())

    def _moved(self, old_ops: Mapping[Any, Any], new_ops: Mapping[Any, Any]) -> dict[Any, Any]:
        """Operations gone from one path and found, by operationId, on another."""
        gone = {op.get("operationId"): k for k, (_, op) in old_ops.items() if k not in new_ops}
        came = {op.get("operationId"): k for k, (_, op) in new_ops.items() if k not in old_ops}
        return {gone[i]: came[i] for i in gone.keys() & came.keys() if i}

    def _removed(self, key: tuple[str, str], old: tuple[str, JSON], new_ops: Any) -> None:
        path, operation = old
        still = any(p == path for p, _ in new_ops.values())
        rule = (
            "api-removed-without-deprecation" if still else "api-path-removed-without-deprecation"
        )
        if operation.get("deprecated"):
            rule = rule.replace("without", "with")
        name = op_name(operation, key[0], path)
        detail = f"{key[0].upper()} {path} removed"
        self._add(rule, op_pointer(path, key[0]), detail, True, [name], "operation")

    def _add(
        self,
        rule: str,
        pointer: str,
        detail: str,
        breaking: bool | None,
        names: Iterable[str],
        side: str | list[str],
    ) -> None:
        """Record a change; the same change reached again (a path-level parameter seen from each
        of its operations) is the same record."""
        sides = [side] if isinstance(side, str) else side
        change = Change(rule, pointer, detail, breaking, sorted(set(names)), [self.server], sides)
        for kept in self.changes:
            if kept.key == change.key:
                kept.operations = sorted(set(kept.operations) | set(change.operations))
                kept.sides = sorted(set(kept.sides) | set(sides))
                return
        self.changes.append(change)

    def _facts(
        self, facts: Iterable[Fact], sides: Mapping[str, set[str]], subject: str, root: str
    ) -> None:
        """Judge schema facts on every side an operation sees them from (`sides`: op -> sides)."""
        all_sides = sorted({s for v in sides.values() for s in v}, key=_SIDE_ORDER.__getitem__)
        for fact in facts:
            judged = [(side, verdict(fact.effect, side)) for side in all_sides or ["component"]]
            worst = next((s for s, b in judged if b is None), None)
            worst = worst or next((s for s, b in judged if b), judged[0][0])
            breaking = None if any(b is None for _, b in judged) else any(b for _, b in judged)
            if not sides:
                breaking = False if breaking is not None else None  # reaches no operation
            noun = subject if fact.pointer == root else "property"
            self._add(
                rule_name(fact, worst, noun),
                fact.pointer,
                fact.detail,
                breaking,
                sides,
                all_sides or ["component"],
            )

    def _operation(self, method: str, old: tuple[str, JSON], new: tuple[str, JSON]) -> None:
        (old_path, old_op), (path, new_op) = old, new
        pointer, name = op_pointer(path, method), op_name(new_op, method, path)
        only = {name: {"request"}}
        if old_op.get("operationId") != new_op.get("operationId"):
            was = op_name(old_op, method, old_path)
            detail = f"operationId {was} -> {name}"
            self._add("operation-id-changed", pointer, detail, False, [name, was], "operation")
        if old_op.get("deprecated", False) != new_op.get("deprecated", False):
            rule = "endpoint-deprecated" if new_op.get("deprecated") else "endpoint-reactivated"
            self._add(rule, pointer, rule.replace("-", " "), False, [name], "operation")
        docs = [k for k in ("summary", "description", "tags") if old_op.get(k) != new_op.get(k)]
        if docs:
            self._add(
                "endpoint-docs-changed",
                pointer,
                f"{', '.join(docs)} changed",
                False,
                [name],
                "operation",
            )
        self._security(old_op, new_op, pointer, name)
        self._parameters(old, new, pointer, name)
        self._request_body(
            old_op.get("requestBody"), new_op.get("requestBody"), f"{pointer}/requestBody", only
        )
        self._responses(
            old_op.get("responses", {}),
            new_op.get("responses", {}),
            f"{pointer}/responses",
            {name: {"response"}},
        )

    def _security(self, old_op: JSON, new_op: JSON, pointer: str, name: str) -> None:
        def alternatives(spec: JSON, op: JSON) -> list[frozenset[str]]:
            found = op.get("security", spec.get("security", []))
            return [
                frozenset(f"{s}:{x}" if x else s for s, xs in alt.items() for x in (xs or [""]))
                for alt in found
            ]

        was, now = alternatives(self.old, old_op), alternatives(self.new, new_op)
        if set(was) == set(now):
            return
        # A token that met an old alternative must still meet some new one.
        lost = [a for a in was if not any(b <= a for b in now)] if now else []
        gained = [b for b in now if not any(a <= b for a in was)] if was else now
        where = f"{pointer}/security"
        for alt in lost:
            wider = [b for b in now if not b <= alt and any(x in alt for x in b)]
            rule = "api-security-scope-added" if wider else "api-security-removed"
            detail = f"a token with only {' '.join(sorted(alt)) or 'no credentials'} is refused"
            self._add(rule, where, detail, True, [name], "request")
        if not lost:
            detail = (
                f"now also accepts {'; '.join(' '.join(sorted(b)) or 'anonymous' for b in gained)}"
            )
            self._add("api-security-added", where, detail, False, [name], "request")

    def _parameter_map(self, spec: JSON, op: JSON, path: str) -> dict[tuple[str, str], JSON]:
        return {param_key(spec, p, path): p for p in op.get("parameters", [])}

    def _parameters(
        self, old: tuple[str, JSON], new: tuple[str, JSON], pointer: str, name: str
    ) -> None:
        was = self._parameter_map(self.old, old[1], old[0])
        now = self._parameter_map(self.new, new[1], new[0])
        shared = set(map(tuple, old[1][SHARED])) & set(map(tuple, new[1][SHARED]))
        for key in sorted(set(was) | set(now)):
            owner = pointer.rsplit("/", 1)[0] if key in shared else pointer
            where = f"{owner}/parameters/{key[0]}/{escape(key[1])}"
            if key not in now:
                detail = f"{key[0]} parameter `{key[1]}` removed"
                self._add("request-parameter-removed", where, detail, True, [name], "request")
            elif key not in was:
                target = self._target(self.new, now[key])
                required = bool(target.get("required"))
                rule = f"new-{'required' if required else 'optional'}-request-parameter"
                detail = f"{key[0]} parameter `{key[1]}` added"
                self._add(rule, where, detail, required, [name], "request")
            elif not same_component(was[key], now[key]):
                old_target = self._target(self.old, was[key])
                new_target = self._target(self.new, now[key])
                self._parameter(old_target, new_target, where, {name: {"request"}})

    def _target(self, spec: JSON, node: JSON) -> JSON:
        return resolve(spec, node["$ref"]) if "$ref" in node else node

    def _parameter(self, old: JSON, new: JSON, where: str, sides: dict[str, set[str]]) -> None:
        if bool(old.get("required")) != bool(new.get("required")):
            now = bool(new.get("required"))
            rule = f"request-parameter-became-{'required' if now else 'optional'}"
            self._add(
                rule, where, rule.removeprefix("request-").replace("-", " "), now, sides, "request"
            )
        if old.get("description") != new.get("description"):
            self._add(
                "request-parameter-docs-changed",
                where,
                "description changed",
                False,
                sides,
                "request",
            )
        facts = self.schemas.compare(
            old.get("schema", {}), new.get("schema", {}), f"{where}/schema"
        )
        self._facts(facts, sides, "parameter", f"{where}/schema")

    def _content(
        self, old: JSON, new: JSON, where: str, sides: dict[str, set[str]], side: str, subject: str
    ) -> None:
        was, now = old.get("content", {}), new.get("content", {})
        for media in sorted(set(was) | set(now)):
            at = f"{where}/content/{escape(media)}"
            if media not in now or media not in was:
                added = media in now
                body = "body-" if side == "request" else ""
                rule = f"{side}-{body}media-type-{'added' if added else 'removed'}"
                self._add(
                    rule, at, f"{media} {'added' if added else 'removed'}", not added, sides, side
                )
                continue
            old_schema, new_schema = was[media].get("schema", {}), now[media].get("schema", {})
            facts = self.schemas.compare(old_schema, new_schema, f"{at}/schema")
            self._facts(facts, sides, subject, f"{at}/schema")

    def _request_body(self, old: JSON, new: JSON, where: str, sides: dict[str, set[str]]) -> None:
        if old is None and new is None:
            return
        if old is None or new is None:
            added = old is None
            target = self._target(self.new if added else self.old, new if added else old)
            required = bool(target.get("required"))
            rule = "request-body-added" if added else "request-body-removed"
            breaking = required if added else True
            self._add(rule, where, rule.replace("-", " "), breaking, sides, "request")
            return
        if same_component(old, new):
            return
        old, new = self._target(self.old, old), self._target(self.new, new)
        if bool(old.get("required")) != bool(new.get("required")):
            now = bool(new.get("required"))
            rule = f"request-body-became-{'required' if now else 'optional'}"
            self._add(rule, where, rule.replace("-", " "), now, sides, "request")
        self._content(old, new, where, sides, "request", "body")

    def _responses(self, old: JSON, new: JSON, where: str, sides: dict[str, set[str]]) -> None:
        for status in sorted(set(old) | set(new)):
            at = f"{where}/{escape(status)}"
            success = status.startswith("2")
            kind = "success" if success else "non-success"
            if status not in new:
                self._add(
                    f"response-{kind}-status-removed",
                    at,
                    f"status {status} removed",
                    success,
                    sides,
                    "response",
                )
            elif status not in old:
                self._add(
                    f"response-{kind}-status-added",
                    at,
                    f"status {status} added",
                    False,
                    sides,
                    "response",
                )
            elif not same_component(old[status], new[status]):
                self._response(
                    self._target(self.old, old[status]),
                    self._target(self.new, new[status]),
                    at,
                    sides,
                )

    def _response(self, old: JSON, new: JSON, at: str, sides: dict[str, set[str]]) -> None:
        if old.get("description") != new.get("description"):
            self._add("response-docs-changed", at, "description changed", False, sides, "response")
        self._content(old, new, at, sides, "response", "body")
        was, now = old.get("headers", {}), new.get("headers", {})
        for header in sorted(set(was) | set(now), key=str.lower):
            here = f"{at}/headers/{escape(header)}"
            if header not in now:
                target = self._target(self.old, was[header])
                rule = f"response-{'required-' if target.get('required') else ''}header-removed"
                self._add(rule, here, f"header {header} removed", True, sides, "response")
            elif header not in was:
                self._add(
                    "new-response-header", here, f"header {header} added", False, sides, "response"
                )
            elif not same_component(was[header], now[header]):
                self._header(
                    self._target(self.old, was[header]),
                    self._target(self.new, now[header]),
                    here,
                    sides,
                )

    def _header(self, old: JSON, new: JSON, here: str, sides: dict[str, set[str]]) -> None:
        if bool(old.get("required")) != bool(new.get("required")):
            rule = f"response-header-became-{'required' if new.get('required') else 'optional'}"
            self._add(
                rule, here, rule.replace("-", " "), not new.get("required"), sides, "response"
            )
        facts = self.schemas.compare(old.get("schema", {}), new.get("schema", {}), f"{here}/schema")
        self._facts(facts, sides, "header", f"{here}/schema")

    # ---- components --------------------------------------------------------------------------

    def _components(self) -> None:
        old_reach, new_reach = reach(self.old, self.server), reach(self.new, self.server)
        old_c, new_c = self.old.get("components", {}), self.new.get("components", {})
        for section in ("schemas", "parameters", "responses", "headers", "requestBodies"):
            was, now = old_c.get(section, {}), new_c.get(section, {})
            for name in sorted(set(was) & set(now)):
                if canonical(was[name]) == canonical(now[name]):
                    continue
                pointer = f"/components/{section}/{escape(name)}"
                sides = _merge(old_reach.get(pointer, {}), new_reach.get(pointer, {}))
                if section == "schemas":
                    facts = self.schemas.compare(was[name], now[name], pointer)
                    self._facts(facts, sides, "property", pointer)
                elif section == "parameters":
                    self._parameter(was[name], now[name], pointer, sides)
                elif section == "responses":
                    self._response(was[name], now[name], pointer, sides)
                elif section == "headers":
                    self._header(was[name], now[name], pointer, sides)
                else:
                    self._request_body(was[name], now[name], pointer, sides)


def identity(change: Change) -> tuple[str, str, str]:
    """What makes two changes one: the rule, the detail, and the place, where a place inside an
    operation is the same for every operation."""
    tokens = change.pointer.split("/")
    if tokens[1] != "paths":
        return change.key
    return (
        change.rule,
        change.detail,
        "/".join(tokens[4:] if tokens[3] in HTTP_METHODS else tokens[3:]),
    )


def _merge(*maps: Mapping[str, set[str]]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = defaultdict(set)
    for mapping in maps:
        for name, sides in mapping.items():
            merged[name] |= sides
    return dict(merged)


def diff(pairs: Mapping[str, tuple[JSON, JSON]]) -> list[Change]:
    """server -> (old spec, new spec); a change seen in several servers' specs is one change."""
    merged: dict[tuple[str, str, str], Change] = {}
    for server, (old, new) in pairs.items():
        for change in DocumentDiff(old, new, server).run():
            key = identity(change)
            if key in merged:
                kept = merged[key]
                kept.servers = sorted(set(kept.servers) | set(change.servers), key=SERVERS.index)
                kept.operations = sorted(set(kept.operations) | set(change.operations))
                kept.sides = sorted(set(kept.sides) | set(change.sides))
                if kept.breaking is not None and change.breaking is not None:
                    kept.breaking = kept.breaking or change.breaking
                else:
                    kept.breaking = None
            else:
                merged[key] = change
    order = {True: 0, None: 1, False: 2}
    return sorted(merged.values(), key=lambda c: (order[c.breaking], c.pointer, c.rule))
