"""The SDK as users get it: a wheel installed without extras into a fresh virtualenv.

Slow (one venv build, about a minute), marked ``slow``; CI runs it like every other test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER_PACKAGES = {"starlette", "uvicorn", "jsonschema", "jsonschema-rs", "orjson", "pyyaml"}
USER_SCRIPT = """
from badgr import AsyncClient, Client, errors


def export(client: Client, badge: str) -> list[str]:
    rows = []
    for a in client.assertions.list(badgeclass=badge, include_revoked=True):
        rows.append(f"{a.entity_id},{a.recipient.identity},{a.revoked}")
    return rows


async def award(client: AsyncClient, badge: str) -> str | None:
    try:
        return (await client.assertions.award(badge, recipient="jane@example.com")).entity_id
    except errors.BadRequestError as error:
        return error.existing_entity_id
"""
WRONG_SCRIPT = """
from badgr import Client

count: int = Client(token="t").issuers.get("x")
"""


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MYPYPATH"}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_wheel_without_extras_imports_lean_and_type_checks_user_code(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT, cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("badgr_credentials-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = _run(python, "-m", "pip", "install", "-q", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    listed = _run(python, "-m", "pip", "list", "--format=freeze", cwd=tmp_path).stdout.lower()
    names = {line.split("==")[0] for line in listed.split()}
    assert {"httpx", "attrs", "badgr-credentials"} <= names
    assert names.isdisjoint(SERVER_PACKAGES | {"schemathesis", "click", "rich"})

    probe = (
        "import sys, badgr; client = badgr.Client(token='t'); client.assertions;"
        " print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " {'badgr_mock', 'badgr_fuzz', 'schemathesis', 'starlette', 'scripts'}))"
    )
    imported = _run(python, "-c", probe, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "[]"

    (tmp_path / "user.py").write_text(USER_SCRIPT)
    (tmp_path / "wrong.py").write_text(WRONG_SCRIPT)
    mypy: list[str | Path] = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--python-executable",
        python,
    ]
    checked = _run(*mypy, "user.py", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    caught = _run(*mypy, "wrong.py", cwd=tmp_path)
    assert caught.returncode == 1 and 'incompatible type "Issuer"' in caught.stdout.replace(
        "expression has type", "incompatible type"
    ), caught.stdout


def test_editable_install_is_visible_to_mypy(tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(USER_SCRIPT)
    checked = _run(sys.executable, "-m", "mypy", "--strict", "user.py", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
