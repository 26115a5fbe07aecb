"""``badgr verify`` as a subprocess: verdict rows, JSON, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx

from .conftest import RECIPIENT, Sandbox, url

BADGR = Path(sys.executable).parent / "badgr"


def badgr(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BADGR_")}
    env.update(XDG_CONFIG_HOME=str(home), NO_COLOR="1")
    return subprocess.run(
        [str(BADGR), "verify", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_valid_badge_prints_every_check_and_exits_0(sandbox: Sandbox, tmp_path: Path) -> None:
    done = badgr(tmp_path, url(sandbox.award), "--recipient", RECIPIENT)
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert ["recipient matches", "pass", RECIPIENT] in rows
    assert all(row[1] == "pass" for row in rows)
    assert done.stderr.strip() == "VALID"


def test_baked_image_json_verdict(sandbox: Sandbox, tmp_path: Path) -> None:
    image = tmp_path / "badge.png"
    image.write_bytes(httpx.get(f"{url(sandbox.award)}/baked").content)
    done = badgr(tmp_path, str(image), "--json")
    assert done.returncode == 0, done.stderr
    verdict = json.loads(done.stdout)
    assert verdict["valid"] is True and verdict["assertion"] == url(sandbox.award)


def test_revoked_badge_exits_1(sandbox: Sandbox, tmp_path: Path) -> None:
    done = badgr(tmp_path, url(sandbox.revoked))
    assert done.returncode == 1
    assert "revoked: Issued in error" in done.stdout
    assert done.stderr.strip() == "INVALID (1 check failed)"


def test_unreadable_source_is_a_usage_error(tmp_path: Path) -> None:
    done = badgr(tmp_path, str(tmp_path / "missing.png"))
    assert done.returncode == 2
    assert "cannot be read" in done.stderr
