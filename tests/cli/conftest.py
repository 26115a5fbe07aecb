"""Fixtures for the CLI tests: the installed ``badgr`` command run as a subprocess against the
mock over real HTTP, with its own config dir. Data is seeded in-process through the SDK."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from badgr import Client
from badgr_mock.app import create_app
from badgr_mock.testing import serve
from tests.sdk_seed import make_badge as make_badge  # shared by the test modules
from tests.via_proxy import front, public_url

ALICE = "alice@example.com"
PASSWORD = "badgr-demo"
BADGR = Path(sys.executable).parent / "badgr"
#: generous: the machine is shared; no test asserts on time
TIMEOUT = 300


@dataclass
class Badgr:
    """Runs ``badgr`` with an isolated config dir and no inherited ``BADGR_*`` variables."""

    base_url: str
    home: Path

    @property
    def config(self) -> Path:
        return self.home / "badgr" / "config.json"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BADGR_")}
        env.update({"XDG_CONFIG_HOME": str(self.home), "NO_COLOR": "1", "COLUMNS": "120", **extra})
        return env

    def run(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BADGR), *args],
            input=input,
            capture_output=True,
            text=True,
            env=env or self.env(),
            timeout=TIMEOUT,
        )

    def popen(self, *args: str, **kwargs: Any) -> subprocess.Popen[str]:
        """Start ``badgr`` with SIGINT at its default: a shell's background job (``make test &``,
        ``nohup``) starts children with it ignored, and Ctrl-C tests would never interrupt."""
        return subprocess.Popen(
            [str(BADGR), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env(),
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
            **kwargs,
        )

    def login(self, *extra: str) -> None:
        done = self.run(
            "login",
            "--base-url",
            self.base_url,
            "--username",
            ALICE,
            *extra,
            env=self.env(BADGR_PASSWORD=PASSWORD),
        )
        assert done.returncode == 0, done.stderr


@pytest.fixture
def app(request: pytest.FixtureRequest) -> Any:
    return create_app(":memory:", base_url=public_url(request))


@pytest.fixture
def base_url(app: Any, request: pytest.FixtureRequest) -> Iterator[str]:
    with serve(app) as url, front(request, app, url) as served:
        yield served


@pytest.fixture
def badgr(base_url: str, tmp_path: Path) -> Badgr:
    return Badgr(base_url, tmp_path / "config-home")


@pytest.fixture
def logged_in(badgr: Badgr) -> Badgr:
    badgr.login()
    return badgr


@pytest.fixture
def sdk(base_url: str) -> Iterator[Client]:
    with Client(base_url=base_url, username=ALICE, password=PASSWORD) as client:
        yield client


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def run_in_pty(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``badgr`` with stdin, stdout and stderr on a pseudo-terminal; return its output."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [str(BADGR), *args], stdin=child, stdout=child, stderr=child, env=env, close_fds=True
    )
    os.close(child)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return process.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")
