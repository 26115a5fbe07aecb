"""Runs a corpus case end to end: edit a copy of the tree, regenerate badgr_api, diff both views
against the unedited tree, and say where the records differ from the case's expectations."""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from scripts import diff
from scripts.apidiff import layout, report
from scripts.apidiff.facts import unescape
from scripts.generate import generate, load_yaml, union_spec

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).with_name("corpus.yaml")
CASES: list[dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
VERDICTS = {True: "breaking", False: "compatible", None: "not-judged"}
_IGNORE = shutil.ignore_patterns("__pycache__", ".ruff_cache", "*.pyc")
# CPython 3.11's ast is not safe in two threads at once ("AST constructor recursion depth
# mismatch"): cases may generate in parallel (a subprocess), but read the code one at a time.
_PARSING = threading.RLock()


def _tokens(pointer: str) -> list[str]:
    return [unescape(t) for t in pointer.lstrip("/").split("/")]


def _apply_pointer(document: Any, edit: Mapping[str, Any]) -> None:
    if "set" in edit:
        *parents, last = _tokens(edit["set"])
        node = functools.reduce(
            lambda n, t: n[int(t)] if isinstance(n, list) else n[t], parents, document
        )
        if isinstance(node, list):
            index = int(last)
            node[index : index + 1] = [edit["value"]]  # replaces, or appends at len(node)
        else:
            node[last] = edit["value"]
    elif "remove" in edit:
        *parents, last = _tokens(edit["remove"])
        node = functools.reduce(
            lambda n, t: n[int(t)] if isinstance(n, list) else n[t], parents, document
        )
        del node[int(last) if isinstance(node, list) else last]
    else:
        *parents, last = _tokens(edit["rename"])
        node = functools.reduce(lambda n, t: n[t], parents, document)
        renamed = {(edit["to"] if k == last else k): v for k, v in node.items()}
        node.clear()
        node.update(renamed)


def apply(root: Path, edits: Sequence[Mapping[str, Any]]) -> bool:
    """Edit the tree at root; True when a spec or the overlay changed (regenerate)."""
    spec_changed = False
    for edit in edits:
        target = root / edit.get("file", "openapi/credentials.yaml")
        spec_changed |= target.parent.name == "openapi"
        if "replace" in edit:
            text = target.read_text(encoding="utf-8")
            if edit["replace"] not in text:
                raise AssertionError(
                    f"corpus edit matches nothing in {target.name}: {edit['replace']!r}"
                )
            target.write_text(text.replace(edit["replace"], edit["with"]), encoding="utf-8")
        else:
            document = load_yaml(target)
            _apply_pointer(document, edit)
            target.write_text(json.dumps(document), encoding="utf-8")  # JSON is YAML
    return spec_changed


@functools.cache
def base_state() -> diff.State:
    with _PARSING:
        return diff.tree_state(ROOT)


def run(case_name: str, workdir: Path) -> list[report.Record]:
    """Edit -> generate -> diff -> the records (both views)."""
    case = next(c for c in CASES if c["name"] == case_name)
    root = workdir / "tree"
    for folder in ("openapi", "wrapper"):
        shutil.copytree(ROOT / folder, root / folder, ignore=_IGNORE)
    if apply(root, case["edit"]):
        spec = load_yaml(root / "openapi" / "credentials.yaml")
        overlay = load_yaml(root / "openapi" / "badgr-server.overlay.yaml")
        union = workdir / "union.json"
        union.write_text(json.dumps(union_spec(spec, overlay)), encoding="utf-8")
        generate(union, root / "generated" / "badgr_api")
    else:
        shutil.copytree(ROOT / "generated", root / "generated", ignore=_IGNORE)
    with _PARSING:
        return diff.compare(base_state(), diff.tree_state(root))


@functools.cache
def records_of(case_name: str) -> tuple[report.Record, ...]:
    with tempfile.TemporaryDirectory(prefix="badgr-corpus-") as tmp:
        return tuple(run(case_name, Path(tmp)))


def describe(record: report.Record) -> dict[str, Any]:
    found: dict[str, Any] = {"rule": record.rule, "subject": record.subject}
    if record.wire is not None:
        found["wire"] = VERDICTS[record.wire_breaking]
        found["servers"] = record.wire.servers
    if record.python:
        found["python"] = "breaking" if record.python_breaking else "compatible"
    return found


def mismatches(records: Sequence[report.Record], expect: Sequence[Mapping[str, Any]]) -> list[str]:
    """Where the records and the expectations part: a missing, unexpected or misjudged record."""
    found = [describe(r) for r in records]
    problems = []
    unmatched = list(found)
    for wanted in expect:
        wanted = {"servers": list(layout.SERVERS), **wanted} if "wire" in wanted else dict(wanted)
        same = [
            f
            for f in unmatched
            if f["rule"] == wanted["rule"] and f["subject"] == wanted["subject"]
        ]
        if not same:
            problems.append(f"missing: {wanted}")
            continue
        got = same[0]
        unmatched.remove(got)
        for key in ("wire", "python", "servers"):
            if wanted.get(key) != got.get(key):
                where = f"{wanted['rule']} {wanted['subject']}"
                problems.append(f"{where}: {key} is {got.get(key)!r}, not {wanted.get(key)!r}")
    problems += [f"unexpected: {f}" for f in unmatched]
    return problems
