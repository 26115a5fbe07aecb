"""The SDK as users get it: a wheel installed into fresh virtualenvs, without extras, with
the mock's, and with the fuzz kit's and the CLI's, used from a folder with no checkout above it.

Slow (a wheel and three venv builds, about three minutes), marked ``slow``; CI runs it like
every other test.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
import time
import venv
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from badgr_mock.testing import PNG_DATA_URI, free_port

from .conftest import ALICE

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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT, cwd=wheels
    )
    assert built.returncode == 0, built.stderr
    (found,) = wheels.glob("badgr_credentials-*.whl")
    return found


def _install(wheel: str, tmp_path: Path) -> tuple[Path, Path]:
    """A fresh virtualenv under tmp_path with ``wheel`` (optionally ``[extras]``) installed, as a
    user would: (its folder, its python)."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = _run(python, "-m", "pip", "install", "-q", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    checked = _run(python, "-m", "pip", "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout  # every installed requirement is satisfied
    return env_dir, python


@pytest.mark.slow
def test_wheel_without_extras_imports_lean_and_type_checks_user_code(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir, python = _install(str(wheel), tmp_path)

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

    # every entry point of an extra that is not installed says so in one line
    scripts = env_dir / "bin"
    entry_points: list[tuple[list[str | Path], str]] = [
        ([scripts / "badgr-mock", "--help"], "mock"),
        ([python, "-m", "badgr_mock"], "mock"),
        ([scripts / "badgr-fuzz", "--help"], "fuzz"),
        ([python, "-m", "badgr_fuzz"], "fuzz"),
        ([scripts / "badgr", "--help"], "cli"),
    ]
    for command, extra in entry_points:
        hint = _run(*command, cwd=tmp_path)
        assert hint.returncode == 2, hint.stdout + hint.stderr
        assert "Traceback" not in hint.stderr and len(hint.stderr.strip().splitlines()) == 1
        assert f"pip install 'badgr-credentials[{extra}]'" in hint.stderr

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


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_wheel_with_the_mock_extra_serves_both_kinds_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir, python = _install(f"{wheel}[mock]", tmp_path)
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    shipped = site / "badgr_mock" / "data"
    for name in ("credentials.yaml", "badgr-server.yaml"):  # copies, not links to a checkout
        assert not (shipped / name).is_symlink()
        assert (shipped / name).read_bytes() == (ROOT / "openapi" / name).read_bytes()
    leaked = [
        p for p in site.glob("badgr*/**/*") if p.is_file() and str(ROOT).encode() in p.read_bytes()
    ]
    assert not leaked, f"installed files name the build machine's checkout: {leaked}"

    for kind, answer in (("documented", "application/json"), ("badgr-server", "text/html")):
        with _serving(python, tmp_path, "--server", kind) as url:
            anonymous = httpx.get(f"{url}/v2/users/self", timeout=5)
            assert anonymous.status_code == 401
            assert anonymous.json()["status"]["success"] is False
            assert httpx.get(f"{url}/docs", timeout=5).status_code == 200
            unknown = httpx.get(f"{url}/v2/no-such-route", timeout=5)  # each kind's own 404
            assert unknown.status_code == 404
            assert unknown.headers["content-type"].startswith(answer)


@contextlib.contextmanager
def _serving(python: Path, cwd: Path, *options: str) -> Iterator[str]:
    """``python -m badgr_mock`` on a free port, answering: its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [python, "-m", "badgr_mock", "--db", ":memory:", "--port", str(port), *options],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/v2/users/self", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, (
                    server.stdout.read() if server.stdout else ""
                )
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_wheel_with_the_fuzz_and_cli_extras_does_each_job_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir, python = _install(f"{wheel}[fuzz,cli]", tmp_path)
    badgr = env_dir / "bin" / "badgr"
    fuzz = ("fuzz", "--max-examples", "2", "--seed", "3")

    embedded = _run(badgr, *fuzz, "--report-dir", tmp_path / "embedded", cwd=tmp_path)
    assert embedded.returncode == 0, embedded.stdout[-3000:] + embedded.stderr[-3000:]
    assert "0 server defects, 0 conformance drift" in " ".join(embedded.stdout.split())

    with _serving(python, tmp_path) as url:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("BADGR_")},
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "NO_COLOR": "1",
        }

        def cli(*args: str | Path, **extra: str) -> str:
            done = subprocess.run(
                [badgr, *args],
                cwd=tmp_path,
                env={**env, **extra},
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, (args, done.stdout, done.stderr)
            return done.stdout

        cli("login", "--base-url", url, "--username", ALICE, BADGR_PASSWORD="badgr-demo")
        issuer = json.loads(
            cli(
                "api",
                "POST",
                "/v2/issuers",
                "-f",
                "name=A",
                "-f",
                f"email={ALICE}",
                "-f",
                "url=https://a.example",
            )
        )
        badge = cli(
            "badges",
            "create",
            "--issuer",
            issuer[0]["entityId"],
            "--name",
            "B",
            "--description",
            "d",
            "--image",
            PNG_DATA_URI,
            "--criteria-narrative",
            "c",
        ).strip()
        students = tmp_path / "students.csv"
        students.write_text("email\njane@example.org\njoe@example.org\n")
        cli("award", "--csv", students, "--out", tmp_path / "results.csv", "--", badge)
        exported = cli("export", "assertions", "--badge", badge, "--format", "csv")
        assert sorted(row["recipient"] for row in csv.DictReader(io.StringIO(exported))) == [
            "jane@example.org",
            "joe@example.org",
        ]
        results = list(csv.DictReader((tmp_path / "results.csv").open()))
        jane = next(r for r in results if r["email"] == "jane@example.org")
        public = f"{url}/public/assertions/{jane['assertion_id']}"
        cli("verify", public, "--recipient", "jane@example.org")

        # against a running server, with the token of `badgr login` for that URL
        cli(*fuzz, "--url", url, "--phases", "examples,coverage", "--report-dir", tmp_path / "run")
