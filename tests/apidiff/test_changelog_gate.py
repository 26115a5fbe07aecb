"""The CHANGELOG lines `make diff` writes, the version they call for, and the gate reading them."""

from __future__ import annotations

import copy
import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import diff
from scripts.apidiff import report
from scripts.apidiff.facts import Change
from scripts.apidiff.python_api import PythonChange, compare
from scripts.generate import load_yaml

ROOT = Path(__file__).resolve().parents[2]
CHANGELOG = """# Changelog

## [Unreleased]

### Fixed

- A hand-written line stays.

## [0.1.0] - 2026-12-06

First release.
"""


def revoke_body_required() -> list[report.Record]:
    """The break the issue found by hand: revoke_assertion's body became required."""
    change = Change(
        "request-body-became-required",
        "/paths/~1v2~1assertions~1{idOrEntityId}/delete/requestBody",
        "request body became required",
        True,
        ["revoke_assertion"],
        ["documented"],
        ["request"],
    )
    python = [
        PythonChange(
            f"badgr_api.api.assertions.revoke_assertion.{name}",
            "parameter-changed-required",
            True,
            "parameter `body` became required",
            ("revoke_assertion",),
            None,
        )
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
    ]
    return report.join([change], python)


def test_one_line_per_root_cause_with_its_python_effects() -> None:
    (record,) = revoke_body_required()
    line = record.line()
    assert line.startswith(
        "- `revoke_assertion`: request body became required (on documented only)"
    )
    assert "[request-body-became-required]" in line
    functions = "sync/sync_detailed/asyncio/asyncio_detailed"
    assert f"`revoke_assertion.{functions}` parameter `body` became required" in line
    assert record.section == "Breaking"


def test_gate_fails_until_the_break_has_its_line_and_version() -> None:
    records = revoke_body_required()
    problems = report.gate(CHANGELOG, records, "0.1.0", "0.1.0")
    assert len(problems) == 2
    assert "no Breaking line" in problems[0] and "revoke_assertion" in problems[0]
    assert "below 0.2.0" in problems[1]
    refreshed = report.refresh(CHANGELOG, records)
    assert report.gate(refreshed, records, "0.1.0", "0.1.0") == [problems[1]]
    assert report.gate(refreshed, records, "0.2.0", "0.1.0") == []
    assert "- A hand-written line stays." in refreshed
    assert (
        refreshed.index("### Breaking")
        < refreshed.index("### Fixed")
        < refreshed.index("## [0.1.0]")
    )


def test_a_line_under_another_section_does_not_acknowledge_a_break() -> None:
    records = revoke_body_required()
    moved = report.refresh(CHANGELOG, records).replace("### Breaking", "### Changed")
    assert any("no Breaking line" in p for p in report.gate(moved, records, "0.2.0", "0.1.0"))


def test_refresh_replaces_its_own_lines_and_is_idempotent() -> None:
    records = revoke_body_required()
    once = report.refresh(CHANGELOG, records)
    assert report.refresh(once, records) == once
    assert "revoke_assertion" not in report.refresh(once, [])
    assert "- A hand-written line stays." in report.refresh(once, [])


@pytest.mark.parametrize(
    ("released", "breaking", "expected"),
    [
        ("0.1.0", True, "0.2.0"),
        ("0.1.3", False, "0.1.4"),
        ("1.4.2", True, "2.0.0"),
        ("1.4.2", False, "1.4.3"),
    ],
)
def test_semver_from_the_verdicts(released: str, breaking: bool, expected: str) -> None:
    change = Change("x-rule", "/paths/~1a/get", "d", breaking, ["op"], ["documented"], ["request"])
    assert report.required_version(released, [report.Record(change)]) == expected
    assert report.required_version(released, []) == released


def test_an_unjudged_change_is_gated_like_a_break() -> None:
    change = Change(
        "response-property-not-changed",
        "/components/schemas/X",
        "`not` changed",
        None,
        ["op"],
        ["documented"],
        ["response"],
    )
    (record,) = report.join([change], [])
    assert record.section == "Breaking" and "not judged" in record.line()
    assert report.gate(CHANGELOG, [record], "0.2.0", "0.1.0")


def test_the_tree_matches_its_release_baseline_or_says_so() -> None:
    """`make check-generated`'s gate on this very repository: every change since the release
    baseline is acknowledged."""
    done = subprocess.run(
        [sys.executable, "scripts/diff.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_two_files_are_diffed_without_writing(tmp_path: Path) -> None:
    old = load_yaml(ROOT / "openapi" / "credentials.yaml")
    new = copy.deepcopy(old)
    new["components"]["schemas"]["IssuerInput"]["required"].append("description")
    (tmp_path / "old.yaml").write_text(json.dumps(old))
    (tmp_path / "new.yaml").write_text(json.dumps(new))
    before = (ROOT / "CHANGELOG.md").read_text()
    done = subprocess.run(
        [sys.executable, "scripts/diff.py", tmp_path / "old.yaml", tmp_path / "new.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (
        "`IssuerInput` (create_issuer): properties/description: `description` became required"
        " [request-property-became-required]" in done.stdout
    )
    assert "1 change(s), 1 breaking." in done.stdout
    assert (ROOT / "CHANGELOG.md").read_text() == before


def test_a_release_records_what_the_next_diff_compares_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scripts import release

    monkeypatch.setattr(diff, "BASELINE", tmp_path / "api-baseline")
    monkeypatch.setattr(diff, "CHANGELOG", tmp_path / "CHANGELOG.md")
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG)
    release.record_baseline(ROOT, "0.2.0", None)
    release.date_changelog("0.2.0", datetime.date(2026, 12, 7))
    recorded = diff.baseline_state(tmp_path / "api-baseline")
    assert recorded.version == "0.2.0"
    assert diff.compare(recorded, diff.tree_state(ROOT)) == []
    dated = (tmp_path / "CHANGELOG.md").read_text()
    assert (
        "## [Unreleased]\n\n## [0.2.0] - 2026-12-07\n\n### Fixed\n\n- A hand-written line" in dated
    )


def test_names_a_module_gained_are_one_line() -> None:
    added = [
        PythonChange(f"badgr.{name}", "object-added", False, "new class", (), None)
        for name in ("NotFoundError", "APIError")
    ]
    (record,) = report.join([], added)
    assert record.section == "Added"
    assert record.line() == "- `badgr`: new `NotFoundError`, `APIError` [object-added]"


def test_new_optional_keywords_are_one_line_naming_them_under_added() -> None:
    baseline = json.loads((ROOT / "api-baseline" / "python-api.json").read_text())
    grown = copy.deepcopy(baseline)
    params = grown["objects"]["badgr.Client.__init__"]["params"]
    params.append(["http_client", "keyword-only", "httpx.Client | None", "None"])
    params.append(["async_http_client", "keyword-only", "httpx.AsyncClient | None", "None"])
    (record,) = report.join([], compare(baseline, grown))
    assert record.section == "Added"
    assert record.line() == (
        "- `badgr.Client.__init__`: optional parameters `http_client`, `async_http_client`"
        " added [parameter-added-optional]"
    )


def test_one_change_of_several_operations_names_them() -> None:
    ops = ["add_issuer_staff", "award_assertion", "create_issuer", "update_issuer", "zap"]
    change = Change(
        "response-non-success-status-added",
        "/paths/~1v2~1issuers/post/responses/413",
        "status 413 added",
        False,
        ops,
        ["documented"],
        ["response"],
    )
    (record,) = report.join([change], [])
    assert record.line().startswith(
        "- `add_issuer_staff` (also award_assertion, create_issuer, update_issuer and 1 more):"
        " status 413 added (on documented only)"
    )
