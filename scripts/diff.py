"""What changed for callers since the release baseline (or a git ref, or between two spec files).

    python scripts/diff.py                    # working tree vs api-baseline/: print, refresh
                                              # CHANGELOG.md [Unreleased] and the version
    python scripts/diff.py --base REF         # the same against any git ref
    python scripts/diff.py --check            # the gate: fail on an unacknowledged break
    python scripts/diff.py OLD.yaml NEW.yaml  # two spec files, wire view only, no writes
    python scripts/diff.py --json ...         # records as JSON

The wire view compares both kinds of server's specs (the badgr-server one derived from the
documented spec and the overlay, as `make generate` does); the Python view compares the public
API of `badgr` and `badgr_api` (scripts/apidiff/python_api.py). Every record carries both verdicts.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

# `python scripts/diff.py` puts scripts/ first on sys.path; the package lives one level up.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openapi_python_client.strings import ClassName

from scripts.apidiff import layout, python_api, report, wire
from scripts.apidiff.facts import resolve
from scripts.generate import badgr_server_spec, load_yaml

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "api-baseline"
CHANGELOG = ROOT / "CHANGELOG.md"
PYPROJECT = ROOT / "pyproject.toml"
_VERSION = re.compile(r'^version = "([^"]+)"$', re.MULTILINE)
JSON = Any


@dataclasses.dataclass
class State:
    """One side of a comparison: both kinds of server's specs and the public Python API."""

    specs: dict[str, JSON]
    python: dict[str, Any] | None
    version: str | None = None


def tree_state(root: Path) -> State:
    spec = load_yaml(root / "openapi" / "credentials.yaml")
    try:
        derived = badgr_server_spec(spec, load_yaml(root / "openapi" / "badgr-server.overlay.yaml"))
    except SystemExit as stale:  # an overlay action lost its target
        raise SystemExit(f"{root}: cannot derive the badgr-server spec: {stale}") from None
    return State({"documented": spec, "badgr-server": derived}, python_api.snapshot(root))


def baseline_state(folder: Path) -> State:
    if not (folder / "release.json").exists():
        raise SystemExit(
            f"{folder} holds no release: cut one with `make release` (scripts/release.py)"
        )
    release = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    specs = {
        "documented": load_yaml(folder / "credentials.yaml"),
        "badgr-server": load_yaml(folder / "badgr-server.yaml"),
    }
    python = json.loads((folder / "python-api.json").read_text(encoding="utf-8"))
    if python.get("format") != python_api.FORMAT:
        ref = release.get("commit", f"v{release['version']}")
        raise SystemExit(
            f"{folder}/python-api.json was taken by another version of this diff: record it again"
            f" with `python scripts/release.py --from-ref {ref} --version {release['version']}`"
        )
    return State(specs, python, release["version"])


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """The specs and code of a commit (openapi/, wrapper/, generated/) in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="badgr-diff-") as tmp:
        archive = subprocess.run(
            ["git", "archive", ref, "openapi", "wrapper", "generated"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if archive.returncode:
            raise SystemExit(f"git archive {ref}: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        yield Path(tmp)


def ref_state(ref: str) -> State:
    with checkout(ref) as tree:
        return tree_state(tree)


def model_directions(*states: State) -> dict[str, frozenset[str]]:
    """Generated model or enum name -> the sides (request, response) operations use it from:
    schemas by name, and the enums openapi-python-client names after an operation's parameter."""
    sides: dict[str, set[str]] = {}
    for state in states:
        for server, spec in state.specs.items():
            for _, (_, operation) in layout.operations(spec, server).items():
                for parameter in operation.get("parameters", []):
                    target = resolve(spec, parameter["$ref"]) if "$ref" in parameter else parameter
                    # the generator's own naming of a parameter's enum: AwardAssertionScope
                    name = str(ClassName(f"{operation['operationId']}_{target['name']}", prefix=""))
                    sides.setdefault(name, set()).add("request")
            for pointer, by_op in layout.reach(spec, server).items():
                if pointer.startswith("/components/schemas/"):
                    name = pointer.rsplit("/", 1)[-1]
                    sides.setdefault(name, set()).update(s for v in by_op.values() for s in v)
    return {name: frozenset(found) for name, found in sides.items()}


def compare(old: State, new: State) -> list[report.Record]:
    changes = wire.diff({server: (old.specs[server], new.specs[server]) for server in new.specs})
    python: list[python_api.PythonChange] = []
    if old.python is not None and new.python is not None:
        python = python_api.compare(old.python, new.python, model_directions(old, new))
    references = {
        k: v
        for state in (old, new)
        for k, v in layout.references(state.specs["documented"]).items()
    }
    return report.join(changes, python, references)


def read_version() -> str:
    found = _VERSION.search(PYPROJECT.read_text(encoding="utf-8"))
    if found is None:
        raise SystemExit(f"{PYPROJECT}: no version line")
    return found.group(1)


def write_version(version: str) -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    PYPROJECT.write_text(_VERSION.sub(f'version = "{version}"', text, count=1), encoding="utf-8")


def render(records: Sequence[report.Record]) -> str:
    if not records:
        return "No change for callers."
    lines = []
    for name in report.SECTIONS:
        chosen = [r for r in records if r.section == name]
        if chosen:
            lines.append(f"{name} ({len(chosen)}):")
        for record in chosen:
            wire_verdict = {True: "breaks", False: "compatible", None: "not judged"}[
                record.wire_breaking
            ]
            python_verdict = "breaks" if record.python_breaking else "compatible"
            where = record.wire.pointer if record.wire else record.python[0].path
            lines.append(f"  {record.line()[2:]}")
            lines.append(f"      wire: {wire_verdict}; Python: {python_verdict}; at {where}")
    breaking = sum(1 for r in records if r.section == "Breaking")
    lines.append(f"{len(records)} change(s), {breaking} breaking.")
    return "\n".join(lines)


def as_json(records: Sequence[report.Record]) -> str:
    def one(record: report.Record) -> dict[str, Any]:
        return {
            "section": record.section,
            "rule": record.rule,
            "subject": record.subject,
            "breaking": record.breaking,
            "wire": dataclasses.asdict(record.wire) if record.wire else None,
            "python": [dataclasses.asdict(p) for p in record.python],
            "line": record.line(),
        }

    return json.dumps([one(r) for r in records], indent=2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="OLD.yaml NEW.yaml: two spec files")
    parser.add_argument("--base", help="a git ref to compare with instead of api-baseline/")
    parser.add_argument(
        "--check", action="store_true", help="the gate: no writes, exit 1 on a break"
    )
    parser.add_argument("--json", action="store_true", help="print the records as JSON")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if args.files:
        if len(args.files) != 2:
            parser.error("give two spec files: OLD NEW")
        old, new = (load_yaml(path) for path in args.files)
        records = report.join(wire.diff({"file": (old, new)}), [])
        print(as_json(records) if args.json else render(records))
        return 0
    released = baseline_state(BASELINE)
    base = ref_state(args.base) if args.base else released
    records = compare(base, tree_state(ROOT))
    print(as_json(records) if args.json else render(records))
    assert released.version is not None
    if args.check:
        problems = report.gate(
            CHANGELOG.read_text(encoding="utf-8"), records, read_version(), released.version
        )
        for problem in problems:
            print(f"gate: {problem}", file=sys.stderr)
        if problems:
            print(
                "Run `make diff` to write the CHANGELOG lines and the version; review, commit.",
                file=sys.stderr,
            )
        return 1 if problems else 0
    if args.no_write or args.base:
        return 0
    CHANGELOG.write_text(
        report.refresh(CHANGELOG.read_text(encoding="utf-8"), records), encoding="utf-8"
    )
    needed = report.required_version(released.version, records)
    if report.parse_version(read_version()) < report.parse_version(needed):
        write_version(needed)
        print(f"version {needed} in pyproject.toml (released: {released.version})")
    print("CHANGELOG.md [Unreleased] refreshed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
