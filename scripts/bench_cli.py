"""``make bench``, CLI part: ``badgr export assertions`` of a large badge class, as a child
process, beside a plain SDK walk of the same pages in a child process (the baseline)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

USERNAME = "alice@example.com"
PASSWORD = "badgr-demo"
BADGR = Path(sys.executable).parent / "badgr"
#: the issue's goal for the export's peak resident memory
RSS_GOAL_MB = 50.0

SDK_WALK = """
import sys
from badgr import Client
with Client() as client:
    print(sum(1 for _ in client.assertions.list(badgeclass=sys.argv[1], page_size=500)))
"""


def _measure(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024, output  # Linux reports ru_maxrss in KiB


def bench_cli_export(base_url: str, badge: str, tmp: Path) -> dict[str, float]:
    env = {
        **os.environ,
        "BADGR_BASE_URL": base_url,
        "BADGR_USERNAME": USERNAME,
        "BADGR_PASSWORD": PASSWORD,
        "BADGR_CONFIG": str(tmp / "no-config.json"),
    }
    out = tmp / "export.csv"
    cli_s, cli_mb, _ = _measure(
        [str(BADGR), "-q", "export", "assertions", "--badge", badge, "--out", str(out)], env
    )
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
    sdk_s, sdk_mb, counted = _measure([sys.executable, "-c", SDK_WALK, badge], env)
    return {
        "rows": float(rows),
        "sdk_rows": float(counted),
        "cli_rows_per_s": rows / cli_s,
        "sdk_rows_per_s": int(counted) / sdk_s,
        "cli_peak_mb": cli_mb,
        "sdk_peak_mb": sdk_mb,
    }


def cli_section(figures: dict[str, float]) -> str:
    ratio = figures["cli_rows_per_s"] / figures["sdk_rows_per_s"]
    ok = figures["cli_peak_mb"] < RSS_GOAL_MB
    return f"""
## Command line

`badgr export assertions --badge … --out export.csv` of {figures["rows"]:,.0f} assertions
(CSV with plaintext e-mails and badge names), as a child process, beside a child process that
only walks the same pages with the SDK (`for a in client.assertions.list(…, page_size=500)`).
Peak memory is the child's resident set (`ru_maxrss`), interpreter included.

| what | CLI export | SDK walk | ratio | goal |
|---|---|---|---|---|
| rows per second | {figures["cli_rows_per_s"]:,.0f} /s | {figures["sdk_rows_per_s"]:,.0f} /s \
| {ratio:.2f} | — |
| peak RSS | {figures["cli_peak_mb"]:.1f} MB | {figures["sdk_peak_mb"]:.1f} MB | \
{figures["cli_peak_mb"] / figures["sdk_peak_mb"]:.2f} | < {RSS_GOAL_MB:.0f} MB: \
{"meets goal" if ok else "MISSES goal"} |
"""
