"""`scripts/fuzz.py` is safe for live servers and reports what it found."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from scripts.fuzz import (
    curl,
    is_loopback,
    links_within,
    parse_args,
    schemathesis_command,
    summarize,
)

CONFIG = Path("schemathesis.toml")


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
    command = schemathesis_command(args, args.url, CONFIG)
    assert command.count("--include-method") == 2
    assert {"GET", "HEAD"} <= set(command)
    assert command[command.index("--rate-limit") + 1] == "auto"


def test_writes_to_a_live_server_need_allow_writes() -> None:
    args = parse_args(["--url", "https://api.test.badgr.com", "--allow-writes"])
    assert "--include-method" not in schemathesis_command(args, args.url, CONFIG)


@pytest.mark.parametrize("url", [None, "http://127.0.0.1:8000"])
def test_the_mock_and_loopback_servers_get_writes(url: str | None) -> None:
    args = parse_args(["--url", url] if url else [])
    assert "--include-method" not in schemathesis_command(args, url or "http://x", CONFIG)


def test_reproducible_bounded_runs_without_shrinking() -> None:
    args = parse_args(["--seed", "7", "--max-examples", "3"])
    command = schemathesis_command(args, "http://127.0.0.1:1", CONFIG)
    assert command[command.index("--seed") + 1] == "7"
    assert command[command.index("--max-examples") + 1] == "3"
    assert "--no-shrink" in command and "--checks" in command


def test_stateful_phase_only_when_the_selection_holds_a_link() -> None:
    assert links_within(["create_issuer", "get_issuer"])
    assert not links_within(["list_issuers", "get_self"])
    args = parse_args(["--include-operation-id", "list_issuers"])
    command = schemathesis_command(args, "http://127.0.0.1:1", CONFIG)
    assert command[command.index("--phases") + 1] == "examples,coverage,fuzzing"


def test_summary_counts_cases_and_keeps_the_first_failure_with_curl(tmp_path: Path) -> None:
    request = {
        "method": "POST",
        "uri": "http://127.0.0.1:1/v2/issuers",
        "headers": {"Authorization": ["[Filtered]"]},
        "body": {"$base64": base64.b64encode(b'{"name": "x"}').decode()},
    }
    failure = {"code": "ST401", "title": "API accepts requests without authentication"}
    failure |= {"message": "Expected 401 or 403", "case_id": "c1"}
    recorder = {
        "label": "POST /v2/issuers",
        "cases": {"c1": {}, "c2": {}},
        "checks": {
            "c1": [
                {"name": "ignored_auth", "status": "failure", "failure_info": {"failure": failure}}
            ],
            "c2": [{"name": "not_a_server_error", "status": "success"}],
        },
        "interactions": {"c1": {"request": request}},
    }
    clean = {"label": "GET /v2/users/self", "cases": {"c3": {}}, "checks": {}, "interactions": {}}
    events = tmp_path / "events.ndjson"
    lines = [{"ScenarioFinished": {"recorder": r}} for r in (recorder, clean)]
    events.write_text("\n".join(json.dumps(line) for line in [{"Initialize": {}}, *lines]))
    rows = summarize(events)
    assert [(r.name, r.cases, len(r.failures)) for r in rows] == [
        ("POST /v2/issuers", 2, 1),
        ("GET /v2/users/self", 1, 0),
    ]
    assert rows[0].failures[0].startswith("ST401 API accepts requests without authentication")
    assert "curl -X POST -H 'Authorization: [Filtered]'" in rows[0].failures[0]
    assert curl(request).endswith('-d \'{"name": "x"}\' http://127.0.0.1:1/v2/issuers')
