"""Helpers for tests that need the mock: in a background thread, or as a subprocess."""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from .limits import Limits, uvicorn_options
from .store import DEMO_PASSWORD

HOST = "127.0.0.1"
#: A 1x1 PNG as a data URI: a valid issuer or badge-class image for tests, demos and fuzzing.
PNG_DATA_URI = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAC"
    "hwGA60e6kgAAAABJRU5ErkJggg=="
)
STARTUP_TIMEOUT_SECONDS = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serve(app: Any, *, log_level: str = "warning") -> Iterator[str]:
    """Run ``app`` with uvicorn on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose proto
    # says TCP, and without it every answer waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    port = sock.getsockname()[1]
    settings = getattr(app, "settings", None)
    limits = getattr(settings, "limits", None) or Limits()
    config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
        **uvicorn_options(limits),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"badgr-mock-{port}", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@dataclass
class MockProcess:
    """A ``python -m badgr_mock`` child process."""

    process: subprocess.Popen[bytes]
    base_url: str

    def kill_hard(self) -> None:
        """SIGKILL: no shutdown code runs, as in a crash."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill_hard()


def _wait_until_up(mock: MockProcess) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if mock.process.poll() is not None:
            raise RuntimeError(f"badgr_mock exited early with {mock.process.returncode}")
        try:
            httpx.get(f"{mock.base_url}/v2/users/self", timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    mock.stop()
    raise RuntimeError("badgr_mock did not start listening in time")


@contextmanager
def run_subprocess(
    db: str | Path = ":memory:",
    *,
    extra_args: Sequence[str] = (),
    env: dict[str, str] | None = None,
    file_limit: int | None = None,
) -> Iterator[MockProcess]:
    """Start the CLI server on a free port; stops it on exit (unless the test killed it).

    ``file_limit`` lowers the child's open-file limit (``ulimit -n``)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "badgr_mock",
        "--host",
        HOST,
        "--port",
        str(port),
        "--db",
        str(db),
        "--log-level",
        "warning",
        *extra_args,
    ]
    child_env = {**os.environ, **(env or {})}

    def limit_files() -> None:
        if file_limit is not None:
            _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            resource.setrlimit(resource.RLIMIT_NOFILE, (file_limit, hard))

    process = subprocess.Popen(
        command,
        env=child_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=limit_files if file_limit is not None else None,
    )
    mock = MockProcess(process, f"http://{HOST}:{port}")
    _wait_until_up(mock)
    try:
        yield mock
    finally:
        mock.stop()


def password_token(
    client: httpx.Client, username: str = "alice@example.com", password: str = DEMO_PASSWORD
) -> str:
    """An access token for a demo user (password grant, default scopes)."""
    response = client.post("/o/token", data={"username": username, "password": password})
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token
