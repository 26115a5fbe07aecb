"""`badgr logout` revokes the stored token where the server offers it (badgr-server), and says
plainly when it could only forget it here; the profile is gone in every case."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from badgr_mock import create_app
from badgr_mock.testing import free_port, serve

from .conftest import Badgr


@pytest.fixture
def on_badgr_server(tmp_path: Path) -> Iterator[Badgr]:
    with serve(create_app(":memory:", server="badgr-server")) as url:
        badgr = Badgr(url, tmp_path / "config-home")
        badgr.login("--server", "badgr-server")
        yield badgr


def _stored(badgr: Badgr) -> dict[str, Any]:
    profile: dict[str, Any] = json.loads(badgr.config.read_text())["profiles"]["default"]
    return profile


def _edit(badgr: Badgr, **changes: Any) -> None:
    stored = json.loads(badgr.config.read_text())
    stored["profiles"]["default"].update(changes)
    badgr.config.write_text(json.dumps(stored))


def _works(base_url: str, profile: dict[str, Any]) -> bool:
    headers = {"Authorization": f"Bearer {profile['access_token']}", "Accept": "application/json"}
    status = httpx.get(f"{base_url}/v2/users/self", headers=headers).status_code
    assert status in (200, 401)
    return status == 200


def _logged_out(badgr: Badgr, done: Any, profile: dict[str, Any]) -> None:
    assert "default" not in json.loads(badgr.config.read_text())["profiles"]
    for secret in (profile["access_token"], profile["refresh_token"]):
        assert secret not in done.stdout + done.stderr


def test_logout_revokes_the_token_on_a_badgr_server(on_badgr_server: Badgr) -> None:
    badgr, profile = on_badgr_server, _stored(on_badgr_server)
    assert _works(badgr.base_url, profile)
    done = badgr.run("logout")
    assert done.returncode == 0, done.stderr
    assert "the token is revoked on the server and forgotten here" in done.stderr
    assert not _works(badgr.base_url, profile)
    refresh = {"grant_type": "refresh_token", "refresh_token": profile["refresh_token"]}
    assert httpx.post(f"{badgr.base_url}/o/token", data=refresh).status_code == 400
    _logged_out(badgr, done, profile)


@pytest.mark.plants("a route the server lacks")
def test_logout_where_the_server_has_no_revocation_route(badgr: Badgr) -> None:
    badgr.login("--server", "badgr-server")  # but the server is a documented one
    profile = _stored(badgr)
    done = badgr.run("logout")
    assert done.returncode == 0, done.stderr
    assert "forgotten here, not revoked (this server offers no token revocation: 404)" in (
        done.stderr
    )
    assert "the server accepts it until 20" in done.stderr
    assert _works(badgr.base_url, profile)
    _logged_out(badgr, done, profile)


@pytest.mark.parametrize("how", ["unreachable", "refused"])
def test_logout_that_could_not_revoke_says_so_and_fails(on_badgr_server: Badgr, how: str) -> None:
    badgr, profile = on_badgr_server, _stored(on_badgr_server)
    if how == "unreachable":
        _edit(badgr, base_url=f"http://127.0.0.1:{free_port()}")
    else:
        _edit(badgr, client_id="demo-app")  # a client whose secret the CLI does not have
    done = badgr.run("logout", "--quiet")  # a failure shows all the same
    expected = {"unreachable": (2, "cannot reach the server"), "refused": (1, "refused")}[how]
    assert done.returncode == expected[0], done.stderr
    line = done.stderr.strip()
    assert line.startswith("badgr: Logged out (profile 'default'): the token is forgotten here,")
    assert expected[1] in line and "the server accepts it until 20" in line
    assert _works(on_badgr_server.base_url, profile)
    _logged_out(badgr, done, profile)
