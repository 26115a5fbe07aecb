"""Proof that the fuzz kit can fail: each planted mock defect is caught by `make fuzz`'s script.

The mock is started with BADGR_MOCK_DEFECTS=<name> (a test-only switch), a little data is put in
through the API, and `make fuzz`'s script runs against it, limited to the operations involved.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from badgr_fuzz.cli import embedded_mock
from badgr_mock.testing import PNG_DATA_URI
from tests.spec.spec_tools import ROOT

PNG = PNG_DATA_URI


def _seed_issuers(url: str, count: int) -> None:
    login = {"username": "alice@example.com", "password": "badgr-demo"}
    token = httpx.post(f"{url}/o/token", data=login).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    for index in range(count):
        body = {"name": f"Seeded {index}", "email": "alice@example.com", "url": "https://x.example"}
        body["image"] = PNG
        response = httpx.post(f"{url}/v2/issuers", json=body, headers=headers)
        assert response.status_code == 201, response.text


@pytest.fixture
def mock_with(request: pytest.FixtureRequest) -> Iterator[str]:
    with embedded_mock(request.param) as url:
        yield url


def _fuzz(url: str, report_dir: Path, *args: str) -> tuple[int, str, dict[str, Any]]:
    command = [sys.executable, "scripts/fuzz.py", "--url", url, "--report-dir", str(report_dir)]
    command += ["--max-examples", "10", "--seed", "7", *args]
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env |= {"BADGR_USERNAME": "alice@example.com", "BADGR_PASSWORD": "badgr-demo"}
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    summary_file = report_dir / "summary.json"
    summary = json.loads(summary_file.read_text()) if summary_file.exists() else {}
    return done.returncode, done.stdout + done.stderr, summary


def _checks(summary: dict[str, Any], section: str) -> set[str]:
    return {finding["check"] for finding in summary.get(section, [])}


CASES: list[tuple[str, list[str], int, str, str]] = [
    # (defect, operations to fuzz, issuers to create first, the check that catches it, section)
    ("server_error", ["list_issuers", "create_issuer"], 0, "not_a_server_error", "server_defects"),
    (
        "missing_field",
        ["create_issuer", "get_issuer"],
        1,
        "response_schema_conformance",
        "conformance_drift",
    ),
    (
        "delete_keeps_row",
        ["create_issuer", "delete_issuer", "get_issuer"],
        0,
        "use_after_free",
        "server_defects",
    ),
    ("ignore_auth", ["list_issuers"], 0, "ignored_auth", "server_defects"),
    ("pagination_drops_item", ["list_issuers"], 3, "pagination_is_complete", "server_defects"),
    ("not_found_as_empty", ["get_issuer"], 0, "single_entity_has_one_result", "server_defects"),
]


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("mock_with", "operations", "issuers", "check", "section"),
    CASES,
    indirect=["mock_with"],
    ids=[case[0] for case in CASES],
)
def test_fuzzer_catches_the_planted_defect_and_nothing_else(
    mock_with: str,
    operations: list[str],
    issuers: int,
    check: str,
    section: str,
    tmp_path: Path,
) -> None:
    _seed_issuers(mock_with, issuers)
    selection = [arg for op in operations for arg in ("--include-operation-id", op)]
    returncode, output, summary = _fuzz(mock_with, tmp_path, *selection)
    assert returncode == 1, output[-3000:]
    assert check in _checks(summary, section), output[-3000:]
    # The server-defects section holds the planted kind only (a schema defect is drift).
    planted = {check} if section == "server_defects" else set()
    assert _checks(summary, "server_defects") == planted, output[-3000:]
    assert summary["not_implemented"] == []


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("operations", "issuers"),
    [(case[1], case[2]) for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_same_runs_pass_without_the_defect(
    operations: list[str], issuers: int, tmp_path: Path
) -> None:
    with embedded_mock(None) as url:
        _seed_issuers(url, issuers)
        selection = [arg for op in operations for arg in ("--include-operation-id", op)]
        returncode, output, summary = _fuzz(url, tmp_path, *selection)
    assert returncode == 0, output[-3000:]
    assert summary["server_defects"] == summary["conformance_drift"] == []
