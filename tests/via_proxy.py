"""`pytest --via-proxy`: the end-to-end tests run with `badgr proxy serve` between the SDK (or
the CLI) and the mock, which writes links under a public URL that is not its listening address;
each test must leave records without a finding (#25).

Only tests that talk to a mock over HTTP (they use a `base_url` fixture) run in this mode, and
of them not those marked `plants` (faults, defects, malformed input sent on purpose: their
findings are the point).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.judge import Judge
from badgr_fuzz.proxy.recorder import Recorder
from badgr_fuzz.proxy.sdk import sdk_check
from badgr_fuzz.proxy.server import Proxy, ProxySettings
from badgr_mock.testing import serve

OPTION = "--via-proxy"
#: the URL the mock writes into its links in this mode; it listens on 127.0.0.1:<port>
PUBLIC = "https://public.badgr.test"


def enabled(config: pytest.Config) -> bool:
    return bool(config.getoption(OPTION, default=False))


def public_url(request: pytest.FixtureRequest) -> str | None:
    """The mock's `base_url`: the public URL in this mode, else None (the request's own)."""
    return PUBLIC if enabled(request.config) else None


def findings(log: Path) -> list[str]:
    """One line per record with a finding: operation, status, sections, first problem."""
    found = []
    for line in log.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        problems, sdk = record["problems"], record.get("sdk", "")
        if problems or sdk.startswith("fails"):
            first = problems[0] if problems else {"message": sdk, "pointer": ""}
            found.append(
                f"{record['operation']} -> {record['status']} {record['sections']}:"
                f" {first['message'][:200]} {first['pointer']}"
            )
    return found


@contextmanager
def front(request: pytest.FixtureRequest, app: Any, upstream: str) -> Iterator[str]:
    """`upstream` (serving the mock `app`) itself, or in this mode a proxy in front of it that
    judges by the shipped description of the app's kind of server; the test fails at teardown
    if the proxy found anything in its exchanges."""
    if not enabled(request.config):
        yield upstream
        return
    server = app.settings.profile.name
    log: Path = request.getfixturevalue("tmp_path") / "via-proxy.ndjson"
    recorder = Recorder(Judge(spec_of(server), sdk_check), log)
    settings = ProxySettings(upstream, upstream_public_url=PUBLIC)
    try:
        with serve(Proxy(settings, recorder).app) as url:
            yield url
        recorder.flush()
    finally:
        recorder.close()
    found = findings(log)
    if found:
        pytest.fail(f"badgr proxy found {len(found)}:\n" + "\n".join(found), pytrace=False)
