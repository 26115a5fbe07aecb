"""The README's SDK example runs as written against the mock, and the library stays quiet,
interruptible and async-friendly."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from badgr import AsyncClient, AwardResult
from badgr._jobs.lanes import AdaptiveLimit
from badgr._retry import SharedPause

from .conftest import amake_badge

README = Path(__file__).resolve().parents[2] / "README.md"


def _sdk_example() -> str:
    section = README.read_text().split("## Using the SDK", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def test_readme_sdk_example_runs_as_written(
    base_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BADGR_BASE_URL", base_url)
    exec(compile(_sdk_example(), str(README), "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    assert "already holds it: " in out
    assert "jane@example.com,True" in out.replace("\r", "")  # the revoked award, by e-mail
    assert out.count("a@x.org") >= 2


def test_the_badgr_logger_is_silent_unless_configured() -> None:
    handlers = logging.getLogger("badgr").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)


async def test_async_progress_callback_is_awaited(aclient: AsyncClient) -> None:
    _, badge = await amake_badge(aclient)
    seen: list[int] = []

    async def progress(done: int, total: int, result: AwardResult) -> None:
        seen.append(done)

    results = await aclient.assertions.award_many(
        badge, ["p1@example.com", "p2@example.com"], progress=progress
    )
    assert all(r.ok for r in results) and sorted(seen) == [1, 2]


async def test_concurrency_halves_on_a_pause_and_grows_back() -> None:
    pause = SharedPause()
    limit = AdaptiveLimit(16, pause)
    pause.extend(0)
    limit.settle()
    assert limit.allowed == 8
    for _ in range(AdaptiveLimit.GROW_AFTER):
        limit.settle()
    assert limit.allowed == 9


def test_ctrl_c_in_sync_award_many_is_one_keyboard_interrupt(tmp_path: Path) -> None:
    script = tmp_path / "interrupt.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, signal, threading
            signal.signal(signal.SIGINT, signal.default_int_handler)  # ignored in a background job
            from badgr import Client
            from badgr_mock import Faults, create_app
            from badgr_mock.testing import PNG_DATA_URI, serve

            with serve(create_app(faults=Faults(latency_ms=200))) as url:
                client = Client(base_url=url, username="alice@example.com", password="badgr-demo")
                issuer = client.issuers.create(name="A", email="alice@example.com", url="https://a.x")
                badge = client.badgeclasses.create(
                    issuer=issuer.entity_id, name="B", description="d", image=PNG_DATA_URI,
                    criteria_narrative="c",
                )
                threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
                client.assertions.award_many(
                    badge.entity_id, [f"r{i}@x.org" for i in range(200)], concurrency=4,
                    progress=lambda done, total, result: print("done", done, flush=True),
                )
            """
        )
    )
    env: dict[str, Any] = {**os.environ, "PYTHONUNBUFFERED": "1"}
    finished = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env
    )
    assert finished.returncode != 0
    assert finished.stderr.count("Traceback") == 1, finished.stderr
    assert "During handling" not in finished.stderr and "CancelledError" not in finished.stderr
    assert finished.stderr.strip().endswith("KeyboardInterrupt")
    assert "done 1" in finished.stdout  # results so far reached the progress callback


@pytest.mark.timeout(120)
def test_award_many_under_a_rate_limit_shrinks_and_finishes(
    app: Any, base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    from badgr import Client, RetryPolicy
    from badgr_mock.faults import Faults

    from .conftest import ALICE, PASSWORD, make_badge

    caplog.set_level(logging.INFO, logger="badgr")
    policy = RetryPolicy(max_retries=6, max_retry_after=2.0)
    with Client(base_url=base_url, username=ALICE, password=PASSWORD, retry_policy=policy) as c:
        _, badge = make_badge(c)
        app.faults = Faults(rate_limit=10.0)
        results = c.assertions.award_many(badge, [f"l{i}@example.com" for i in range(30)])
        app.faults = Faults()
        pauses = c._executor.pause.count
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    shrunk = [r.getMessage() for r in caplog.records if "lanes send now" in r.getMessage()]
    assert pauses >= 1 and shrunk, "the 429s never reached the limit"
    assert shrunk[0] == "the server asked for a pause: 4 of 8 lanes send now"


def _python_blocks() -> list[str]:
    """Every Python code block of the README, dedented (some sit inside list items)."""
    found = re.findall(r"^( *)```python\n(.*?)^\1```", README.read_text(), re.S | re.M)
    return [textwrap.dedent(block) for _, block in found]


def test_every_readme_python_block_type_checks_strict(tmp_path: Path) -> None:
    """The README says the package type-checks with no setup: its own examples must."""
    blocks = _python_blocks()
    assert len(blocks) >= 4 and blocks[0] == _sdk_example()
    names = []
    for number, block in enumerate(blocks):
        names.append(f"readme_block_{number}.py")
        (tmp_path / names[-1]).write_text(block)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
