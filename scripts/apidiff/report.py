"""Records (one per root cause, a wire change joined with its Python effects), their CHANGELOG
lines, the version they call for, and the gate's verdict on a CHANGELOG."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .facts import Change, unescape
from .layout import SERVERS

if TYPE_CHECKING:
    from .python_api import PythonChange

SECTIONS = ("Breaking", "Added", "Changed")
_ADDED_RULES = re.compile(r"^(endpoint-added|new-optional-|response-.*-added$|api-security-added)")
_PY_FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


def _squash(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


@dataclass
class Record:
    """One root cause: a wire change with the Python changes it causes, or a Python-only change."""

    wire: Change | None
    python: list[PythonChange] = field(default_factory=list)
    python_subject: str = ""  # a Python-only record: the module or method it is about

    @property
    def wire_breaking(self) -> bool | None:
        return self.wire.breaking if self.wire else False

    @property
    def python_breaking(self) -> bool:
        return any(p.breaking for p in self.python)

    @property
    def breaking(self) -> bool | None:
        """True breaks callers on the wire or in Python; None: not judged (gated as a break)."""
        if self.python_breaking or self.wire_breaking:
            return True
        return None if self.wire_breaking is None else False

    @property
    def rule(self) -> str:
        return self.wire.rule if self.wire else self.python[0].kind

    @property
    def subject(self) -> str:
        """What the line names: the operation, the component, or the Python path."""
        if self.wire is None:
            return self.python_subject or self.python[0].path
        parts = self.wire.pointer.split("/")
        if parts[1] == "components":
            return unescape(parts[3])
        return self.wire.operations[0] if self.wire.operations else self.wire.pointer

    @property
    def section(self) -> str:
        if self.breaking is not False:
            return "Breaking"
        if self.wire is None:
            added = ("object-added", "parameter-added-optional")
            return "Added" if all(p.kind in added for p in self.python) else "Changed"
        return "Added" if _ADDED_RULES.search(self.rule) else "Changed"

    @property
    def tag(self) -> str:
        return f"[{self.rule}]"

    def line(self) -> str:
        """The CHANGELOG line: subject, what, the rule tag, and the Python effects."""
        text = f"- `{self.subject}`"
        if self.wire is not None:
            ops = self.wire.operations
            if ops and ops[0] != self.subject:
                text += f" ({_some(ops)})"
            elif len(ops) > 1:  # one change at the same place of several operations
                text += f" (also {_some(ops[1:])})"
            where = (
                self.wire.pointer.split("/", 4)[-1] if "/components/" in self.wire.pointer else ""
            )
            what = (
                self.wire.detail
                if not where or where in self.wire.detail
                else f"{'/'.join(map(unescape, where.split('/')))}: {self.wire.detail}"
            )
            servers = self.wire.servers
            only = f" (on {servers[0]} only)" if len(servers) == 1 and servers[0] in SERVERS else ""
            text += f": {what}{only}"
            if self.wire_breaking is None:
                text += " (not judged: check by hand)"
        elif self.python_subject.endswith(" (new names)"):
            text = f"- `{self.python_subject.removesuffix(' (new names)')}`: new "
            text += ", ".join(f"`{p.path.rpartition('.')[2]}`" for p in self.python)
            return f"{text} {self.tag}"
        else:
            text += f": {self.python[0].detail}"
        text += f" {self.tag}"
        effects = python_effects(self.python if self.wire else self.python[1:])
        if effects:
            verdict = "breaks" if self.python_breaking else "compatible"
            text += f"; Python ({verdict}): {effects}"
        return text


def _some(names: Sequence[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def python_effects(changes: Sequence[PythonChange]) -> str:
    """`revoke_assertion.sync`, `.sync_detailed` ... one clause per distinct effect."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for change in changes:
        head, _, tail = change.path.rpartition(".")
        if tail in _PY_FUNCTIONS and head.startswith("badgr_api.api."):
            grouped[(change.detail, head.rsplit(".", 1)[-1])].append(tail)
        else:
            grouped[(change.detail, change.path)].append("")
    clauses: dict[str, list[str]] = defaultdict(list)  # where -> what, in order
    moved: dict[str, list[str]] = defaultdict(list)  # a record whose positional fields moved
    for (detail, where), tails in sorted(grouped.items(), key=lambda kv: kv[0][1]):
        names = "/".join(t for t in _PY_FUNCTIONS if t in tails) if any(tails) else ""
        owner, _, member = where.rpartition(".")
        if detail.startswith("positional field") and owner.startswith("badgr_api.models."):
            moved[owner].append(member)
        elif owner.startswith("badgr_api.models.") and member in detail:
            clauses[owner].append(detail)  # "field `x` became required" names its field
        else:
            clauses[f"{where}{'.' + names if names else ''}"].append(detail)
    for owner, members in moved.items():
        clauses[owner].append(f"positional fields reordered ({', '.join(sorted(members))})")
    return "; ".join(f"`{where}` {', '.join(what)}" for where, what in sorted(clauses.items()))


def join(
    wire: Sequence[Change],
    python: Iterable[PythonChange],
    references: Mapping[str, Iterable[str]] | None = None,
) -> list[Record]:
    """Attach each Python change to the wire change that causes it (`references`: schema name ->
    the schemas it refers to, for a model changed through a schema it uses); the rest stand
    alone, one record per generated operation or SDK path."""
    refs = {_squash(k): {_squash(v) for v in vs} for k, vs in (references or {}).items()}
    records = [Record(change) for change in wire]
    by_component: dict[str, list[Record]] = defaultdict(list)
    by_operation: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        assert record.wire is not None
        parts = record.wire.pointer.split("/")
        if parts[1] == "components":
            by_component[_squash(parts[3])].append(record)
        for name in record.wire.operations:
            by_operation[name].append(record)
    alone: dict[str, Record] = {}  # one per generated operation or SDK path
    for change in python:
        target = _target(change, by_component, by_operation, refs)
        if target is not None:
            target.python.append(change)
        else:
            head, _, tail = change.path.rpartition(".")
            if tail in _PY_FUNCTIONS and head.startswith("badgr_api.api."):
                key = head
            elif change.kind == "object-added" and not change.operation_ids:
                key = f"{head} (new names)"  # one line for what one module gained
            else:
                key = change.path
            alone.setdefault(key, Record(None, python_subject=key)).python.append(change)
    joined = records + list(alone.values())
    order = {True: 0, None: 1, False: 2}
    return sorted(joined, key=lambda r: (order[r.breaking], r.subject, r.rule))


def _target(
    change: PythonChange,
    by_component: dict[str, list[Record]],
    by_operation: dict[str, list[Record]],
    refs: Mapping[str, set[str]],
) -> Record | None:
    if change.model is not None:
        model = _squash(change.model)
        # a generated enum or inline model is named after its schema: OrganizationEntityType
        owner = max((c for c in by_component if model.startswith(c)), key=len, default=model)
        candidates = by_component.get(owner, [])
        field_name = _squash(change.path.rsplit(".", 1)[-1])
        exact = [
            r
            for r in candidates
            if r.wire and _squash(r.wire.pointer.rsplit("/", 1)[-1]) == field_name
        ]
        if exact or candidates:
            return (exact or candidates)[0]
        used = [r for c in sorted(refs.get(model, ())) for r in by_component.get(c, [])]
        if used:
            return used[0]
    for name in change.operation_ids:
        candidates = by_operation.get(name, [])
        own = [r for r in candidates if r.wire and r.wire.pointer.startswith("/paths/")]
        request = [r for r in candidates if r.wire and "request" in r.wire.sides]
        if own or request:
            return (own or request)[0]
    if change.model is not None:  # a generated enum of an operation's parameter
        model = _squash(change.model)
        for name, candidates in by_operation.items():
            if model.startswith(_squash(name)) and candidates:
                return candidates[0]
    return None


# ---- versions --------------------------------------------------------------------------------


def parse_version(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(x) for x in text.split("."))
    return major, minor, patch


def required_version(released: str, records: Sequence[Record]) -> str:
    """semver from the verdicts; at 0.x a break bumps the minor and anything else the patch."""
    major, minor, patch = parse_version(released)
    if any(r.breaking is not False for r in records):
        return f"{major + 1}.0.0" if major else f"0.{minor + 1}.0"
    if records:
        return f"{major}.{minor}.{patch + 1}"
    return released


# ---- the CHANGELOG ---------------------------------------------------------------------------

_TAGGED = re.compile(r"^- .*\[[a-z0-9]+(-[a-z0-9]+)+\]")


def unreleased(changelog: str) -> tuple[int, int]:
    """Line span [start, end) of the "## [Unreleased]" section's body."""
    lines = changelog.splitlines()
    heading = next((i for i, line in enumerate(lines) if line.startswith("## [Unreleased]")), None)
    if heading is None:
        raise SystemExit(
            "CHANGELOG.md has no `## [Unreleased]` section: add one above the releases"
        )
    start = heading + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return start, end


def sections(body: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    current = ""
    for line in body:
        if line.startswith("### "):
            current = line[4:].strip()
        elif line.strip():
            found[current].append(line)
    return found


def refresh(changelog: str, records: Sequence[Record]) -> str:
    """Rewrite the Unreleased section: the lines this diff wrote before (they carry a rule tag)
    make way for the current ones; lines written by hand stay where they are."""
    lines = changelog.splitlines()
    start, end = unreleased(changelog)
    kept = {
        name: [x for x in body if not _TAGGED.match(x)]
        for name, body in sections(lines[start:end]).items()
    }
    fresh: dict[str, list[str]] = defaultdict(list)
    for record in records:
        fresh[record.section].append(record.line())
    known = (*SECTIONS, "Deprecated", "Removed", "Fixed", "Security")  # Keep a Changelog's order
    order = [*known] + [n for n in kept if n not in (*known, "")]
    body = [""]
    for name in order:
        entries = fresh.get(name, []) + kept.get(name, [])
        if entries:
            body += [f"### {name}", "", *entries, ""]
    return "\n".join(lines[:start] + body + lines[end:]) + "\n"


def gate(changelog: str, records: Sequence[Record], version: str, released: str) -> list[str]:
    """What stops a commit: a break (or an unjudged change) without its Breaking line, or with a
    version that does not move as far as a break must. A compatible change never stops one."""
    problems: list[str] = []
    start, end = unreleased(changelog)
    breaking_lines = sections(changelog.splitlines()[start:end]).get("Breaking", [])
    for record in records:
        if record.breaking is False:
            continue
        if not any(record.tag in x and f"`{record.subject}`" in x for x in breaking_lines):
            problems.append(
                f"no Breaking line in CHANGELOG.md [Unreleased] for: {record.line()[2:]}"
            )
    needed = required_version(released, records)
    breaks = any(record.breaking is not False for record in records)
    if breaks and parse_version(version) < parse_version(needed):
        problems.append(
            f"version {version} in pyproject.toml is below {needed}, which these changes since "
            f"{released} call for"
        )
    return problems
