"""login / whoami / logout with the 0600 file, browse commands, ``badgr api``, setup errors."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from badgr import Client
from badgr_mock.testing import PNG_DATA_URI, free_port

from .conftest import ALICE, BADGR, Badgr, make_badge


def test_login_whoami_logout_keep_the_token_in_a_private_file(badgr: Badgr) -> None:
    badgr.login()
    assert stat.S_IMODE(badgr.config.stat().st_mode) == 0o600
    assert stat.S_IMODE(badgr.config.parent.stat().st_mode) == 0o700
    stored = json.loads(badgr.config.read_text())
    profile = stored["profiles"]["default"]
    assert profile["base_url"] == badgr.base_url
    assert profile["access_token"] and profile["refresh_token"]
    assert "badgr-demo" not in badgr.config.read_text()  # the password is never stored

    whoami = badgr.run("whoami", "--json")
    assert whoami.returncode == 0, whoami.stderr
    info = json.loads(whoami.stdout)
    assert info["emails"] == [ALICE] and info["base_url"] == badgr.base_url

    out = badgr.run("logout")
    assert out.returncode == 0
    assert (
        "the token is forgotten here, not revoked (the documented API offers no token"
        " revocation); the server accepts it until 20"
    ) in out.stderr
    after = badgr.run("whoami")
    assert after.returncode == 2
    assert after.stderr.strip() == (
        "badgr: not logged in (profile 'default'): run `badgr login` or set BADGR_TOKEN"
    )


def test_named_profiles_are_independent(badgr: Badgr) -> None:
    badgr.login("--profile", "mock")
    assert badgr.run("whoami", "--profile", "mock").returncode == 0
    assert badgr.run("--profile", "mock", "whoami").returncode == 0
    assert badgr.run("whoami").returncode == 2  # 'default' was never logged in


def test_an_expired_token_is_refreshed_and_the_new_one_saved(badgr: Badgr) -> None:
    badgr.login()
    stored = json.loads(badgr.config.read_text())
    stored["profiles"]["default"]["expires_at"] = 1.0  # long expired: refresh before the call
    badgr.config.write_text(json.dumps(stored))
    old = stored["profiles"]["default"]["access_token"]
    done = badgr.run("whoami")
    assert done.returncode == 0, done.stderr
    renewed = json.loads(badgr.config.read_text())["profiles"]["default"]
    assert renewed["access_token"] != old and renewed["expires_at"] > 1.0
    assert stat.S_IMODE(badgr.config.stat().st_mode) == 0o600


def test_wrong_password_is_one_line_and_exit_2(badgr: Badgr) -> None:
    done = badgr.run(
        "login",
        "--base-url",
        badgr.base_url,
        "--username",
        ALICE,
        "--password-stdin",
        input="not-the-password\n",
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("badgr: login to ") and "refused" in lines[0]
    assert "not-the-password" not in done.stderr
    assert not badgr.config.exists()


def test_unreachable_server_is_one_line_and_exit_2(badgr: Badgr) -> None:
    done = badgr.run(
        "login",
        "--base-url",
        "http://127.0.0.1:9",
        "--username",
        ALICE,
        env=badgr.env(BADGR_PASSWORD="secret-pass"),
    )
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "cannot reach the server" in done.stderr and "secret-pass" not in done.stderr


def test_debug_shows_a_traceback_without_secrets(logged_in: Badgr) -> None:
    token = json.loads(logged_in.config.read_text())["profiles"]["default"]["access_token"]
    done = logged_in.run("--debug", "api", "GET", "/v2/issuers/doesnotexist")
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "NotFoundError" in done.stderr
    assert token not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("badgr: 404")


def test_a_corrupt_config_file_is_named_in_one_line(logged_in: Badgr) -> None:
    logged_in.config.write_text("{not json")
    done = logged_in.run("whoami")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and str(logged_in.config) in done.stderr


def test_browse_commands_print_tables_or_json(logged_in: Badgr, sdk: Client) -> None:
    issuer, badge = make_badge(sdk)
    issuers = logged_in.run("issuers", "list", "--json")
    assert [i["entityId"] for i in json.loads(issuers.stdout)] == [issuer]
    plain = logged_in.run("badges", "list", "--issuer", issuer)
    assert plain.stdout.split("\t")[:2] == [badge, "Python"]
    me = logged_in.run("users", "me", "--json")
    assert json.loads(me.stdout)["emails"][0]["email"] == ALICE
    created = logged_in.run(
        "badges",
        "create",
        "--issuer",
        issuer,
        "--name",
        "Rust",
        "--description",
        "Knows Rust",
        "--image",
        "https://example.org/rust.png",
        "--criteria-narrative",
        "Ship a crate",
    )
    assert created.returncode == 0, created.stderr
    assert sdk.badgeclasses.get(created.stdout.strip()).name == "Rust"


def test_api_passthrough_unwraps_the_envelope_and_paginates(logged_in: Badgr, sdk: Client) -> None:
    _, badge = make_badge(sdk)
    for n in range(5):
        sdk.assertions.award(badge, f"s{n}@example.org")
    one = logged_in.run("api", "GET", f"/v2/badgeclasses/{badge}/assertions", "-f", "num=2")
    assert len(json.loads(one.stdout)) == 2
    every = logged_in.run(
        "api", f"/v2/badgeclasses/{badge}/assertions", "-f", "num=2", "--paginate"
    )
    assert every.returncode == 0, every.stderr
    identities = {a["recipient"]["plaintextIdentity"] for a in json.loads(every.stdout)}
    assert identities == {f"s{n}@example.org" for n in range(5)}
    posted = logged_in.run(
        "api",
        "POST",
        f"/v2/badgeclasses/{badge}/assertions",
        "-F",
        'recipient={"identity": "new@example.org", "type": "email"}',
    )
    assert posted.returncode == 0, posted.stderr
    assert json.loads(posted.stdout)[0]["recipient"]["plaintextIdentity"] == "new@example.org"


@pytest.mark.plants("a malformed request")
def test_api_passthrough_reports_a_refusal(logged_in: Badgr) -> None:
    refused = logged_in.run("api", "POST", "/v2/issuers", "-f", "name=x")
    assert refused.returncode == 1 and refused.stderr.startswith("badgr: 400")


def test_every_command_has_help_with_an_example() -> None:
    from badgr.cli._commands import cli

    def walk(command: object, path: list[str]) -> list[list[str]]:
        found = [path]
        for name, sub in getattr(command, "commands", {}).items():
            found += walk(sub, [*path, name])
        return found

    runner = CliRunner()
    for path in walk(cli, []):
        done = runner.invoke(cli, [*path, "--help"], prog_name="badgr")
        assert done.exit_code == 0, (path, done.output)
        assert "Example" in done.output, path


def test_import_badgr_does_not_load_the_cli() -> None:
    # (click and rich themselves may be loaded: httpx imports its own CLI when they exist)
    code = "import sys, badgr; print(sorted(m for m in sys.modules if m.startswith('badgr.cli')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_python_dash_m_badgr_and_completion_work() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "badgr", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and "badgr" in version.stdout
    script = subprocess.run([str(BADGR), "completion", "bash"], capture_output=True, text=True)
    assert "_BADGR_COMPLETE" in script.stdout


def test_badgr_mock_serves_the_seeded_users(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(BADGR), "mock", "--port", str(port), "--db", ":memory:", "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        badgr = Badgr(f"http://127.0.0.1:{port}", tmp_path / "home")
        deadline = time.monotonic() + 60
        while True:  # wait until it listens
            try:
                httpx.get(badgr.base_url + "/v2/users/self", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        badgr.login()
        assert json.loads(badgr.run("whoami", "--json").stdout)["emails"] == [ALICE]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_badgr_fuzz_runs_the_fuzz_kit(badgr: Badgr, tmp_path: Path) -> None:
    done = badgr.run(
        "fuzz",
        "http://127.0.0.1:9",
        "--report-dir",
        str(tmp_path / "report"),
        env=badgr.env(BADGR_TOKEN="not-a-real-token"),
    )
    assert done.returncode == 2  # the kit's "could not run"
    assert "cannot reach http://127.0.0.1:9" in done.stdout + done.stderr


def test_the_kind_of_server_is_stored_with_the_profile(tmp_path: Path) -> None:
    """`login --server badgr-server` is remembered: later commands use badgr-server's
    operations (its batch award, no PATCH) without BADGR_SERVER; the variable still wins."""
    from badgr_mock import create_app
    from badgr_mock.testing import serve

    with serve(create_app(":memory:", server="badgr-server")) as url:
        badgr = Badgr(url, tmp_path / "config-home")
        badgr.login("--server", "badgr-server")  # the SDK asks for its default scopes
        assert json.loads(badgr.config.read_text())["profiles"]["default"]["server"] == (
            "badgr-server"
        )
        whoami = badgr.run("whoami", "--json")
        assert whoami.returncode == 0, whoami.stderr
        assert json.loads(whoami.stdout)["server"] == "badgr-server"
        overridden = badgr.run("whoami", "--json", env=badgr.env(BADGR_SERVER="documented"))
        assert json.loads(overridden.stdout)["server"] == "documented"


def test_the_kind_of_server_is_server_and_profile_stays_a_login(badgr: Badgr) -> None:
    new = badgr.run("mock", "--server", "badgr-server", "--version")
    assert new.returncode == 0 and new.stdout.startswith("badgr-mock ") and new.stderr == ""
    old = badgr.run("mock", "--profile", "badgr-server", "--version")
    assert old.returncode == 0
    assert "--profile badgr-server is deprecated, use --server badgr-server" in old.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--seed", "3", "http://127.0.0.1:9"],
        ["http://127.0.0.1:9", "--seed", "3"],
        ["--phases", "examples", "--seed", "3", "http://127.0.0.1:9"],
        ["--seed", "3", "--url", "http://127.0.0.1:9"],  # the kit's own spelling, as make's URL=
    ],
)
def test_badgr_fuzz_passes_the_kits_own_options_in_any_order(
    badgr: Badgr, tmp_path: Path, args: list[str]
) -> None:
    """Click takes an option it does not know (``--seed``) for the URL argument; the URL is
    still the URL and the option reaches the fuzz kit."""
    report = ["--report-dir", str(tmp_path / "report")]
    done = badgr.run("fuzz", *args, *report, env=badgr.env(BADGR_TOKEN="not-a-real-token"))
    assert done.returncode == 2, done.stderr  # the kit's "could not run": it got that far
    assert "cannot reach http://127.0.0.1:9" in done.stdout + done.stderr


def test_a_token_without_a_login_says_which_server_it_goes_to(badgr: Badgr) -> None:
    """BADGR_TOKEN alone (no login, no BADGR_BASE_URL) goes to the hosted API: say so."""
    env = badgr.env(BADGR_TOKEN="not-a-real-token")
    done = badgr.run("whoami", env={**env, "HTTPS_PROXY": "http://127.0.0.1:9"})
    assert "using https://api.badgr.io, the default server" in done.stderr, done.stderr
    named = badgr.run("whoami", env={**env, "BADGR_BASE_URL": "http://127.0.0.1:9"})
    assert "the default server" not in named.stderr


def test_parallel_commands_after_the_token_expired_renew_it_once(logged_in: Badgr) -> None:
    """The server rotates refresh tokens: three commands renewing at once used two revoked
    refresh tokens. The renewal is serialised beside the config file."""
    for _ in range(10):
        data = json.loads(logged_in.config.read_text())
        data["profiles"]["default"]["expires_at"] = time.time() - 60  # expired: renew first
        logged_in.config.write_text(json.dumps(data))
        running = [logged_in.popen("whoami") for _ in range(3)]
        outcomes = [(p.wait(timeout=120), p.communicate()[1]) for p in running]
        assert [code for code, _ in outcomes] == [0, 0, 0], outcomes
    assert json.loads(logged_in.config.read_text())["profiles"]["default"]["expires_at"] > (
        time.time()
    )


def test_limit_lists_at_most_n(logged_in: Badgr, sdk: Client) -> None:
    issuer, _ = make_badge(sdk)
    for name in ("Rust", "Go"):
        sdk.badgeclasses.create(
            issuer=issuer, name=name, description="d", criteria_narrative="c", image=PNG_DATA_URI
        )
    every = json.loads(logged_in.run("badges", "list", "--issuer", issuer, "--json").stdout)
    two = json.loads(
        logged_in.run("badges", "list", "--issuer", issuer, "--limit", "2", "--json").stdout
    )
    assert len(every) == 3 and two == every[:2]
    assert len(json.loads(logged_in.run("issuers", "list", "--limit", "1", "--json").stdout)) == 1
    refused = logged_in.run("issuers", "list", "--limit", "0")
    assert refused.returncode == 2 and "--limit" in refused.stderr
