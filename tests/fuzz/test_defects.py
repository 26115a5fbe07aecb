"""Proof that the fuzz kit can fail: each planted mock defect is caught by `make fuzz`'s script.

The mock is started with BADGR_MOCK_DEFECTS=<name> (a test-only switch), a little data is put in
through the API, and `make fuzz`'s script runs against it, limited to the operations involved.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

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


def _fuzz(url: str, report_dir: Path, *args: str) -> tuple[int, str]:
    command = [sys.executable, "scripts/fuzz.py", "--url", url, "--report-dir", str(report_dir)]
    command += ["--max-examples", "10", "--seed", "7", *args]
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env |= {"BADGR_USERNAME": "alice@example.com", "BADGR_PASSWORD": "badgr-demo"}
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    junit = report_dir / "junit.xml"
    report = junit.read_text() if junit.exists() else ""
    return done.returncode, done.stdout + done.stderr + report


CASES: list[tuple[str, list[str], int, str]] = [
    # (defect, operations to fuzz, issuers to create first, evidence of the catch)
    ("server_error", ["list_issuers", "create_issuer"], 0, "Server error"),
    ("missing_field", ["create_issuer", "get_issuer"], 1, '"entityId" is a required property'),
    (
        "delete_keeps_row",
        ["create_issuer", "delete_issuer", "get_issuer"],
        0,
        "still available",
    ),
    ("ignore_auth", ["list_issuers"], 0, "uthenticat"),
    ("pagination_drops_item", ["list_issuers"], 3, "lost"),
    ("not_found_as_empty", ["get_issuer"], 0, "exactly one entity"),
]


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("mock_with", "operations", "issuers", "evidence"),
    CASES,
    indirect=["mock_with"],
    ids=[case[0] for case in CASES],
)
def test_fuzzer_catches_the_planted_defect(
    mock_with: str,
    operations: list[str],
    issuers: int,
    evidence: str,
    tmp_path: Path,
) -> None:
    _seed_issuers(mock_with, issuers)
    selection = [arg for op in operations for arg in ("--include-operation-id", op)]
    returncode, output = _fuzz(mock_with, tmp_path, *selection)
    assert returncode == 1, output[-3000:]
    assert evidence in output, output[-3000:]


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
        returncode, output = _fuzz(url, tmp_path, *selection)
    assert returncode == 0, output[-3000:]
