"""The Python view of ``make diff``: what changed for callers of ``badgr`` and ``badgr_api``.

``snapshot(root)`` (python_snapshot.py) records a project state's public API.
``compare(old, new)`` rebuilds griffe ``Function``/``Parameter``/``Class``/``Attribute``
objects from both snapshots (one flat synthetic module each) and feeds them to
``griffe.find_breaking_changes``: removed objects; parameters (record fields) removed, moved,
made required, added required, changed kind or default. Then it adds what griffe does not
judge: annotations compared as sets of union members (python_types.py: new ⊇ old widened,
⊆ narrowed, else changed; judged by whether callers write or read the value), Literal
members, removed base classes, objects changing kind, and compatible additions
(``object-added``; ``parameter-added-optional``, one per function). A removed or added object
hides its removed or added members. Values of attributes are not compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import griffe

from .python_snapshot import FORMAT, Entry, Row, snapshot
from .python_types import SAME, Uses, breaks, relation

__all__ = ["FORMAT", "PythonChange", "compare", "snapshot"]

Objects = Mapping[str, Entry]
Directions = Mapping[str, frozenset[str]]
Ann = str | None
_READ: Uses = (False, True)


@dataclass(frozen=True)
class PythonChange:
    """One change a caller of the Python API may notice."""

    path: str
    kind: str
    breaking: bool
    detail: str
    operation_ids: tuple[str, ...]
    model: str | None


def compare(
    old: dict[str, Any], new: dict[str, Any], model_directions: Directions | None = None
) -> list[PythonChange]:
    """What changed between two snapshots, sorted by path then kind."""
    if old.get("format") != new.get("format"):
        raise ValueError("snapshots of different formats: take both with this version")
    o: dict[str, Entry] = old["objects"]
    n: dict[str, Entry] = new["objects"]
    judge = _Judge(o, n, model_directions or {})
    moved = {p for p in o.keys() & n.keys() if o[p]["kind"] != n[p]["kind"]}
    for path in moved:
        judge.add(path, "object-changed-kind", True, f"{o[path]['kind']} -> {n[path]['kind']}")
    for breakage in griffe.find_breaking_changes(_griffe_tree(o, moved), _griffe_tree(n, moved)):
        judge.breakage(breakage)
    added = n.keys() - o.keys()
    for path in _tops(added):
        judge.add(path, "object-added", False, f"new {n[path]['kind']}", _under(path, added, n))
    for path in sorted(o.keys() & n.keys() - moved):
        judge.entry(path, o[path], n[path])
    return sorted(judge.changes, key=lambda c: (c.path, c.kind, c.detail))


def _rows(entry: Entry) -> list[Row]:
    return list(entry["params" if entry["kind"] == "function" else "fields"])


def _griffe_tree(objects: Objects, skip: set[str]) -> griffe.Module:
    """One synthetic module whose members are the snapshot's paths, for griffe to compare:
    functions and records (as their constructor) become ``Function``, classes ``Class``."""
    module = griffe.Module("api")
    for path, entry in objects.items():
        obj: griffe.Object = (
            griffe.Class(path) if entry["kind"] == "class" else griffe.Attribute(path)
        )
        if entry["kind"] in ("function", "record"):
            kind, rows = griffe.ParameterKind, _rows(entry)
            params = [griffe.Parameter(r[0], kind=kind(r[1]), default=r[3]) for r in rows]
            obj = griffe.Function(path, parameters=griffe.Parameters(*params))
        obj.public, obj.parent = True, module
        if path not in skip:
            module.members[path] = obj
    return module


def _tops(paths: Iterable[str]) -> list[str]:
    """The paths none of whose parents is in ``paths``."""
    every = set(paths)
    return sorted(p for p in every if not any(p[:i] in every for i, c in enumerate(p) if c == "."))


def _under(top: str, paths: Iterable[str], objects: Objects) -> set[str]:
    """The operations of ``top`` and of the paths under it."""
    return {
        o for p in paths if p == top or p.startswith(f"{top}.") for o in objects[p].get("ops", ())
    }


class _Judge:
    """Turns the differences of two snapshots into ``PythonChange`` values."""

    def __init__(self, old: Objects, new: Objects, directions: Directions) -> None:
        self.old, self.new, self.directions = old, new, directions
        self.changes: list[PythonChange] = []
        self.removed = old.keys() - new.keys()
        self.removed_tops = set(_tops(self.removed))

    def add(
        self, path: str, kind: str, breaking: bool, detail: str, ops: Iterable[str] | None = None
    ) -> None:
        owner = path if path in self.old or path in self.new else path.rpartition(".")[0]
        if ops is None:
            ops = {
                o for objects in (self.old, self.new) for o in objects.get(owner, {}).get("ops", ())
            }
        model = path.split(".")[2] if path.startswith("badgr_api.models.") else None
        self.changes.append(PythonChange(path, kind, breaking, detail, tuple(sorted(ops)), model))

    def uses(self, path: str, use: str) -> Uses:
        """Whether callers write and read a field: a ``badgr_api.models`` one as its model's
        ``model_directions`` say (request: written, response: read; both when not given)."""
        if path.startswith("badgr_api.models."):
            directions = self.directions.get(path.split(".")[2])
            return (
                ("request" in directions, "response" in directions) if directions else (True, True)
            )
        return True, use == "both"

    def breakage(self, breakage: griffe.Breakage) -> None:
        kind, name = breakage.kind.name.lower().replace("_", "-"), breakage.obj.name
        if breakage.kind is griffe.BreakageKind.OBJECT_REMOVED:
            if name in self.removed_tops:  # not again for each member of a removed object
                removed_ops = _under(name, self.removed, self.old)
                self.add(name, kind, True, f"{self.old[name]['kind']} removed", removed_ops)
            return
        old, new = breakage.old_value, breakage.new_value
        p = old if isinstance(old, griffe.Parameter) else new
        record = self.old[name]["kind"] == "record"
        what = "field" if record else "parameter"
        detail = f"{what} `{p.name}` " + {
            "parameter-removed": "removed",
            "parameter-added-required": "added, required",
            "parameter-changed-required": "became required",
        }.get(kind, breakage.kind.value.lower())
        if kind == "parameter-moved":
            at = [
                [row[0] for row in _rows(side[name])].index(p.name) for side in (self.old, self.new)
            ]
            detail = f"positional {what} `{p.name}` moved from position {at[0]} to {at[1]}"
        elif kind == "parameter-changed-kind":
            detail = f"{what} `{p.name}` became {new.kind.value} (was {old.kind.value})"
        elif kind == "parameter-changed-default":
            detail = f"default of `{p.name}` changed from `{old.default}` to `{new.default}`"
        self.add(f"{name}.{p.name}" if record else name, kind, True, detail)

    def entry(self, path: str, old: Entry, new: Entry) -> None:
        lost = sorted(set(old.get("bases", ())) - set(new.get("bases", ())))
        if lost:
            self.add(path, "class-removed-base", True, f"no longer a subclass of {', '.join(lost)}")
        if old["kind"] == "function":
            self.rows(path, old, new, "parameter")
            self.retyped(
                path, "return-changed-type", "returns", old["returns"], new["returns"], _READ
            )
        elif old["kind"] == "record":
            self.rows(path, old, new, "field")
        elif old["kind"] == "attribute":
            old_type, new_type = old["annotation"], new["annotation"]
            self.retyped(path, "attribute-changed-type", "type", old_type, new_type, _READ)
        elif old["kind"] == "literal":
            writes, reads = self.uses(path, "both")
            gone = sorted(set(old["members"]) - set(new["members"]))
            extra = sorted(set(new["members"]) - set(old["members"]))
            if gone:
                self.add(path, "enum-member-removed", writes, f"values removed: {', '.join(gone)}")
            if extra:
                self.add(path, "enum-member-added", reads, f"values added: {', '.join(extra)}")

    def rows(self, path: str, old: Entry, new: Entry, what: str) -> None:
        """Parameters (or record fields) on both sides: their annotations; and the optional ones
        added (griffe reports the required ones)."""
        before = {row[0]: row for row in _rows(old)}
        added: list[str] = []
        for row in _rows(new):
            name, previous = row[0], before.get(row[0])
            where = f"{path}.{name}" if what == "field" else path
            if previous is None and row[3] is not None:
                if what == "field":
                    self.add(where, "object-added", False, f"optional field `{name}` added")
                else:
                    added.append(f"`{name}`")
            elif previous is not None:
                uses = self.uses(where, row[4]) if what == "field" else (True, False)
                kind = "attribute-changed-type" if what == "field" else "parameter-changed-type"
                self.retyped(where, kind, f"{what} `{name}`", previous[2], row[2], uses)
        if added:  # one change per function, naming each new keyword
            plural = "s" if len(added) > 1 else ""
            detail = f"optional parameter{plural} {', '.join(added)} added"
            self.add(path, "parameter-added-optional", False, detail)

    def retyped(self, path: str, kind: str, what: str, old: Ann, new: Ann, uses: Uses) -> None:
        if old is not None and new is not None:  # no annotation on one side: nothing to judge
            moved = relation(old, new)
            if moved != SAME:
                detail = f"{what} {moved}: `{old}` -> `{new}`"
                self.add(path, kind, breaks(moved, uses), detail)
