"""What the regression tests exported by `badgr fuzz --export-tests DIR` run on (their
`conftest.py` imports the option and fixtures; each test calls `check_case`).

- the server: `pytest --base-url URL`, else `BADGR_BASE_URL`;
- credentials, from the environment only: `BADGR_TOKEN`, or `BADGR_USERNAME` + `BADGR_PASSWORD`
  (`BADGR_CLIENT_ID`, default `public`; `BADGR_SCOPE`, default the kind of server's), logged in
  once per session.

Needs only the `fuzz` extra (`pip install 'badgr-credentials[fuzz]'`), which brings pytest.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from badgr_fuzz.recorded import Recorded
from badgr_fuzz.replay import recheck


def pytest_addoption(parser: pytest.Parser) -> None:
    with contextlib.suppress(ValueError):  # pytest-base-url already offers the same option
        parser.addoption("--base-url", help="the server to test (default: $BADGR_BASE_URL)")


@pytest.fixture(scope="session")
def base_url(request: pytest.FixtureRequest) -> str:
    url = request.config.getoption("base_url", None) or os.environ.get("BADGR_BASE_URL")
    if not url:
        pytest.fail("no server: pass --base-url URL or set BADGR_BASE_URL", pytrace=False)
    return str(url).rstrip("/")


def _login(base_url: str, server: str) -> str | None:
    from badgr_fuzz.cli import DEFAULT_SCOPES, FuzzSetupError, obtain_token

    token = os.environ.get("BADGR_TOKEN")
    username, password = os.environ.get("BADGR_USERNAME"), os.environ.get("BADGR_PASSWORD")
    if token or not (username and password):
        return token or None
    client_id = os.environ.get("BADGR_CLIENT_ID", "public")
    scope = os.environ.get("BADGR_SCOPE") or DEFAULT_SCOPES.get(server)
    try:
        return obtain_token(base_url, username, password, client_id, scope)
    except FuzzSetupError as error:
        pytest.fail(str(error), pytrace=False)


class Session:
    """One HTTP client and, once asked for, one token, for every exported test of a run."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.client = httpx.Client(timeout=30.0)
        self._tokens: dict[str, str | None] = {}

    def token(self, server: str) -> str | None:
        if server not in self._tokens:
            self._tokens[server] = _login(self.base_url, server)
        return self._tokens[server]


@pytest.fixture(scope="session")
def badgr_session(base_url: str) -> Iterator[Session]:
    session = Session(base_url)
    yield session
    session.client.close()


def check_case(session: Session, server: str, case: dict[str, Any]) -> None:
    """Send the recorded case again; fail with what its check demands and the server answered."""
    recorded = Recorded.from_json(case)
    authenticated = any(step.authenticated for step in recorded.steps)
    token = session.token(server) if authenticated else None
    if authenticated and token is None:
        pytest.fail(
            "no credentials: set BADGR_TOKEN, or BADGR_USERNAME and BADGR_PASSWORD", pytrace=False
        )
    verdict = recheck(recorded, server, session.base_url, token, session.client)
    if verdict.outcome == "not re-checked":
        pytest.skip(verdict.detail)
    assert verdict.outcome == "now passes", f"{recorded.operation}: {verdict.detail}"
