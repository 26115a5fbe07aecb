"""The fuzz kit (badgr_fuzz) is safe for live servers and runs reproducibly."""

from __future__ import annotations

from pathlib import Path

import pytest
from badgr_fuzz.cli import is_loopback, links_within, parse_args, schemathesis_command

from tests.spec.spec_tools import SPEC_PATH

CONFIG = Path("schemathesis.toml")
SPEC = SPEC_PATH


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("http://[::1]:8000", True),
        ("https://api.test.badgr.com", False),
        ("http://10.0.0.5", False),
    ],
)
def test_loopback_detection(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_a_live_server_is_read_only_and_rate_limited_by_default() -> None:
    args = parse_args(["--url", "https://api.test.badgr.com"])
    command = schemathesis_command(args, args.url, CONFIG, SPEC)
    assert command.count("--include-method") == 2
    assert {"GET", "HEAD"} <= set(command)
    assert command[command.index("--rate-limit") + 1] == "auto"


def test_writes_to_a_live_server_need_allow_writes() -> None:
    args = parse_args(["--url", "https://api.test.badgr.com", "--allow-writes"])
    assert "--include-method" not in schemathesis_command(args, args.url, CONFIG, SPEC)


@pytest.mark.parametrize("url", [None, "http://127.0.0.1:8000"])
def test_the_mock_and_loopback_servers_get_writes(url: str | None) -> None:
    args = parse_args(["--url", url] if url else [])
    assert "--include-method" not in schemathesis_command(args, url or "http://x", CONFIG, SPEC)


def test_reproducible_bounded_runs_without_shrinking() -> None:
    args = parse_args(["--seed", "7", "--max-examples", "3"])
    command = schemathesis_command(args, "http://127.0.0.1:1", CONFIG, SPEC)
    assert command[command.index("--seed") + 1] == "7"
    assert command[command.index("--max-examples") + 1] == "3"
    assert "--no-shrink" in command and "--checks" in command


def test_stateful_phase_only_when_the_selection_holds_a_link() -> None:
    assert links_within(SPEC, ["create_issuer", "get_issuer"])
    assert not links_within(SPEC, ["list_issuers", "get_self"])
    args = parse_args(["--include-operation-id", "list_issuers"])
    command = schemathesis_command(args, "http://127.0.0.1:1", CONFIG, SPEC)
    assert command[command.index("--phases") + 1] == "examples,coverage,fuzzing"


def test_every_run_keeps_going_after_a_failure() -> None:
    command = schemathesis_command(parse_args([]), "http://127.0.0.1:1", CONFIG, SPEC)
    assert "--continue-on-failure" in command


def test_profiles_pick_their_api_description() -> None:
    assert parse_args([]).profile == "documented"
    assert parse_args(["--profile", "badgr-server"]).profile == "badgr-server"
    with pytest.raises(SystemExit):
        parse_args(["--profile", "hosted"])
