"""Proof that the fuzz kit can fail, and tells defects from drift, in both profiles.

The mock is started in a profile with BADGR_MOCK_DEFECTS=<names> (a test-only switch), a little
data is put in through the API, and `make fuzz`'s script runs against it, limited to the
operations involved. Every defect is planted in one run: the report must name each where it is,
and its server-defects section must hold exactly the planted kinds. The same run without
defects must be clean.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from badgr_fuzz.cli import embedded_mock
from badgr_mock.testing import PNG_DATA_URI
from tests.spec.spec_tools import ROOT

PNG = PNG_DATA_URI


SCOPE = "rw:profile rw:issuer rw:backpack"  # a badgr-server token without `scope` gets r:profile
# The badgr-server profile runs once the mock serves it (`embedded_mock(..., "badgr-server")`).
PROFILES = ["documented", "badgr-server"]

# defect -> (what the report calls it, its section, the operations it may show on)
LISTS = {"GET /v2/issuers", "GET /v2/badgeclasses"}  # badgr-server pages badge classes only
ISSUER = {"GET /v2/issuers/{idOrEntityId}"}
DEFECTS: dict[str, tuple[str, str, set[str]]] = {
    "server_error": ("server error", "server_defects", LISTS),
    "missing_field": ("undocumented body", "conformance_drift", ISSUER),
    "delete_keeps_row": ("use after free", "server_defects", ISSUER),
    "ignore_auth": ("auth ignored", "server_defects", {"GET /v2/issuers"}),
    "pagination_drops_item": ("pages lose items", "server_defects", LISTS),
    "not_found_as_empty": ("404 disguised as 200", "server_defects", ISSUER),
}
OPERATIONS = ["list_issuers", "create_issuer", "get_issuer", "delete_issuer", "list_badgeclasses"]


def _seed(url: str, count: int) -> None:
    """`count` issuers, and `count` badge classes of the first: more than one page of each."""
    login = {"username": "alice@example.com", "password": "badgr-demo", "scope": SCOPE}
    token = httpx.post(f"{url}/o/token", data=login).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    issuers = []
    for index in range(count):
        body = {"name": f"Seeded {index}", "email": "alice@example.com", "url": "https://x.example"}
        body["image"] = PNG
        response = httpx.post(f"{url}/v2/issuers", json=body, headers=headers)
        assert response.status_code == 201, response.text
        issuers.append(response.json()["result"][0]["entityId"])
    for index in range(count):
        body = {"name": f"Badge {index}", "description": "Seeded", "image": PNG}
        body["criteriaNarrative"] = "Seeded"
        response = httpx.post(
            f"{url}/v2/issuers/{issuers[0]}/badgeclasses", json=body, headers=headers
        )
        assert response.status_code == 201, response.text


def _fuzz(profile: str, defects: str | None, report_dir: Path) -> tuple[int, str, dict[str, Any]]:
    with embedded_mock(defects, profile) as url:
        _seed(url, 3)
        command = [sys.executable, "scripts/fuzz.py", "--url", url, "--server", profile]
        command += ["--report-dir", str(report_dir), "--max-examples", "5", "--seed", "7"]
        command += [arg for op in OPERATIONS for arg in ("--include-operation-id", op)]
        env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
        env |= {"BADGR_USERNAME": "alice@example.com", "BADGR_PASSWORD": "badgr-demo"}
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600
        )
    summary_file = report_dir / "summary.json"
    summary = json.loads(summary_file.read_text()) if summary_file.exists() else {}
    return done.returncode, done.stdout + done.stderr, summary


def _found(summary: dict[str, Any], section: str) -> set[tuple[str, str]]:
    """(category, operation) of every cause of the section (a cause lists its operations)."""
    return {(c["category"], op) for c in summary.get(section, []) for op in c["operations"]}


def _where(summary: dict[str, Any], section: str, category: str) -> set[str]:
    return {operation for found, operation in _found(summary, section) if found == category}


@pytest.mark.timeout(600)
@pytest.mark.parametrize("profile", PROFILES)
def test_every_planted_defect_is_reported_where_it_is_and_nothing_else(
    profile: str, tmp_path: Path
) -> None:
    returncode, output, summary = _fuzz(profile, ",".join(DEFECTS), tmp_path)
    assert returncode == 1, output[-3000:]
    for category, section, operations in DEFECTS.values():
        assert _where(summary, section, category) & operations, (category, output[-3000:])
    planted = {c for c, section, _ in DEFECTS.values() if section == "server_defects"}
    assert {c for c, _ in _found(summary, "server_defects")} == planted, output[-3000:]
    drift = {c for c, _ in _found(summary, "conformance_drift")}
    assert drift == {"undocumented body"}, output[-3000:]  # no content-type noise
    assert summary["not_implemented"] == []


@pytest.mark.timeout(600)
@pytest.mark.parametrize("profile", PROFILES)
def test_the_same_run_is_clean_without_defects(profile: str, tmp_path: Path) -> None:
    returncode, output, summary = _fuzz(profile, None, tmp_path)
    assert returncode == 0, output[-3000:]
    assert summary["server_defects"] == summary["conformance_drift"] == [], output[-3000:]
    assert summary["not_implemented"] == [] and summary["errors"] == []
