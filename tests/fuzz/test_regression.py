"""From a finding to a regression test: `--export-tests` and `--replay` (issue #26).

One small fuzz run against a mock planted with defects (a 500 for a large `num`, a result field
of the wrong type, a list served without a token, a DELETE that keeps the row) exports its
findings as pytest tests. Those tests, and `--replay`, must fail against that server and pass
against a clean mock of the same kind; nothing written may hold a credential; a clean run
exports nothing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from badgr_fuzz.cli import embedded_mock
from tests.spec.spec_tools import ROOT

DEFECTS = "server_error,wrong_type,ignore_auth,delete_keeps_row"
OPERATIONS = ["list_issuers", "create_issuer", "get_issuer", "delete_issuer"]
PASSWORD = "badgr-demo"
BADGR = Path(sys.executable).parent / "badgr"
KIT = [sys.executable, "-m", "badgr_fuzz"]


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BADGR_")}
    return {**env, "COLUMNS": "200", "NO_COLOR": "1", **extra}


def _token(url: str) -> str:
    form = {"username": "alice@example.com", "password": PASSWORD}
    token: str = httpx.post(f"{url}/o/token", data=form).json()["access_token"]
    return token


def _fuzz(url: str, token: str, report: Path, export: Path) -> subprocess.CompletedProcess[str]:
    command = [*KIT, "--url", url, "--report-dir", str(report)]
    command += ["--max-examples", "5", "--seed", "7", "--export-tests", str(export)]
    command += [arg for op in OPERATIONS for arg in ("--include-operation-id", op)]
    env = _clean_env(BADGR_TOKEN=token)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@dataclass
class Run:
    url: str  # the defective mock the run fuzzed, still running
    token: str
    report: Path
    export: Path
    outputs: list[str]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    directory = tmp_path_factory.mktemp("regression")
    with embedded_mock(DEFECTS) as url:
        token = _token(url)
        done = _fuzz(url, token, directory / "report", directory / "exported")
        assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
        yield Run(
            url, token, directory / "report", directory / "exported", [done.stdout + done.stderr]
        )


def _pytest(directory: Path, url: str) -> subprocess.CompletedProcess[str]:
    """Plain pytest on the exported folder alone (its own rootdir, none of our conftest)."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:asyncio"]
    command += ["--rootdir", str(directory), str(directory), "--base-url", url]
    env = _clean_env(BADGR_USERNAME="alice@example.com", BADGR_PASSWORD=PASSWORD)
    return subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=directory, timeout=120
    )


def _replay(report: Path, url: str, via_cli: bool = False) -> subprocess.CompletedProcess[str]:
    """`badgr-fuzz --replay REPORT_DIR --url URL`, or `badgr fuzz --replay REPORT_DIR URL`."""
    if via_cli:
        command = [str(BADGR), "fuzz", "--replay", str(report), url]
    else:
        command = [*KIT, "--replay", str(report), "--url", url]
    env = _clean_env(BADGR_USERNAME="alice@example.com", BADGR_PASSWORD=PASSWORD)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_one_test_per_finding_named_after_operation_and_check(run: Run) -> None:
    text = (run.export / "test_fuzz_findings.py").read_text()
    for name in (
        "def test_get_v2_issuers__not_a_server_error(",
        "def test_get_v2_issuers__ignored_auth(",
        "def test_get_v2_issuers_idorentityid__use_after_free(",
        "def test_get_v2_issuers_idorentityid__response_schema_conformance(",
    ):
        assert name in text
    assert "== 500" not in text and "Demands: no 5xx answer." in text


def test_exported_tests_fail_on_the_defective_server_and_pass_on_a_clean_one(run: Run) -> None:
    """Fresh servers of the same kind, defective and clean: the data the findings need (an
    issuer, then deleted) is made again by the recorded steps, with the new ids."""
    with embedded_mock(DEFECTS) as defective_url:
        defective = _pytest(run.export, defective_url)
    run.outputs.append(defective.stdout + defective.stderr)
    assert defective.returncode == 1, defective.stdout[-3000:]
    assert defective.stdout.splitlines()[-1].startswith("5 failed in"), defective.stdout[-3000:]
    with embedded_mock(None) as clean_url:
        clean = _pytest(run.export, clean_url)
    run.outputs.append(clean.stdout + clean.stderr)
    assert clean.returncode == 0, clean.stdout[-3000:]
    assert "failed" not in clean.stdout and "skipped" not in clean.stdout, clean.stdout[-3000:]


def test_replay_says_which_still_fail_and_which_now_pass(run: Run) -> None:
    with embedded_mock(DEFECTS) as defective_url:
        defective = _replay(run.report, defective_url)
    run.outputs.append(defective.stdout + defective.stderr)
    assert defective.returncode == 1, defective.stdout[-3000:] + defective.stderr
    assert "5 recorded findings: 5 still fail, 0 now pass" in defective.stdout
    # every recorded case of a finding is sent again, not only its first
    sent = re.search(r"\((\d+) cases sent again, at most 5 per finding\)", defective.stdout)
    assert sent and int(sent.group(1)) > 5, defective.stdout[-3000:]
    assert re.search(r"\b[2-5] of [2-5] fail\b", defective.stdout), defective.stdout[-3000:]
    with embedded_mock(None) as clean_url:
        clean = _replay(run.report, clean_url, via_cli=True)
    run.outputs.append(clean.stdout + clean.stderr)
    assert clean.returncode == 0, clean.stdout[-3000:] + clean.stderr
    assert "5 recorded findings: 0 still fail, 5 now pass, 0 not re-checked" in clean.stdout
    assert " 0 of " in clean.stdout and not re.search(r"\b[1-5] of \d fail", clean.stdout)


def test_a_replay_that_cannot_run_exits_2(run: Run, tmp_path: Path) -> None:
    missing = _replay(tmp_path, run.url)
    assert missing.returncode == 2 and "events.ndjson is missing" in missing.stderr
    unreachable = _replay(run.report, "http://127.0.0.1:9", via_cli=True)
    assert unreachable.returncode == 2 and "cannot reach" in unreachable.stderr


def test_nothing_written_holds_a_credential(run: Run) -> None:
    """Run last in this module: it reads what the other tests printed too."""
    written = [p for folder in (run.report, run.export) for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"summary.json", "report.html", "events.ndjson"}
    for text in [p.read_text(errors="replace") for p in written] + run.outputs:
        assert run.token not in text
        assert PASSWORD not in text
        assert not re.search(r"Bearer [\w.~+/-]{8}", text), "a bearer token"
        assert "cookie:" not in text.lower()


def test_a_clean_run_exports_nothing_and_exits_0(tmp_path: Path) -> None:
    with embedded_mock(None) as url:
        done = _fuzz(url, _token(url), tmp_path / "report", tmp_path / "exported")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Exported nothing (no findings)" in done.stdout
    assert not (tmp_path / "exported").exists()


def test_make_fuzz_passes_export(tmp_path: Path) -> None:
    make = ["make", "-n", "--no-print-directory", "fuzz", f"EXPORT={tmp_path}"]
    done = subprocess.run(make, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert f"--export-tests '{tmp_path}'" in done.stdout, done.stdout
