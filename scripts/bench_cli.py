"""``make bench``, CLI part: ``badgr export assertions`` of a large badge class, as a child
process, beside a plain SDK walk of the same pages in a child process (the baseline)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from scripts.bench_seed import PASSWORD, USERNAME

BADGR = Path(sys.executable).parent / "badgr"
#: the issue's goal for the export's peak resident memory
RSS_GOAL_MB = 50.0

#: the same pages the export asks for (its PAGE_SIZE), without formatting or writing
SDK_WALK = """
import sys
from badgr import Client
from badgr.cli._export import PAGE_SIZE
with Client() as client:
    print(sum(1 for _ in client.assertions.list(badgeclass=sys.argv[1], page_size=PAGE_SIZE)))
"""


def _peak_mb(pid: int) -> float | None:
    """The process's resident high-water mark (``VmHWM``). Unlike ``ru_maxrss`` it starts
    afresh at ``exec``, so the parent's own size (100,000 seeded rows) does not leak in."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def _measure(command: list[str], env: dict[str, str], out: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child process writing its stdout to ``out``."""
    started = time.perf_counter()
    with out.open("w") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink)
        peak = 0.0
        while process.poll() is None:  # the high-water mark only grows: keep the last read
            peak = max(peak, _peak_mb(process.pid) or 0.0)
            time.sleep(0.02)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with {process.returncode}")
    return elapsed, peak


def bench_cli_export(base_url: str, badge: str, tmp: Path) -> dict[str, float]:
    env = {
        **os.environ,
        "BADGR_BASE_URL": base_url,
        "BADGR_USERNAME": USERNAME,
        "BADGR_PASSWORD": PASSWORD,
        "BADGR_CONFIG": str(tmp / "no-config.json"),
    }
    out = tmp / "export.csv"
    cli_s, cli_mb = _measure(
        [str(BADGR), "-q", "export", "assertions", "--badge", badge, "--out", str(out)],
        env,
        tmp / "cli-stdout.txt",
    )
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
    counted_file = tmp / "sdk-stdout.txt"
    sdk_s, sdk_mb = _measure([sys.executable, "-c", SDK_WALK, badge], env, counted_file)
    counted = int(counted_file.read_text())
    return {
        "rows": float(rows),
        "sdk_rows": float(counted),
        "cli_rows_per_s": rows / cli_s,
        "sdk_rows_per_s": counted / sdk_s,
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
only walks the same pages with the SDK (`for a in client.assertions.list(…)`, same page size).
Peak memory is the child's resident high-water mark (`VmHWM`, sampled every 20 ms),
interpreter included.

| what | CLI export | SDK walk | ratio | goal |
|---|---|---|---|---|
| rows per second | {figures["cli_rows_per_s"]:,.0f} /s | {figures["sdk_rows_per_s"]:,.0f} /s \
| {ratio:.2f} | — |
| peak RSS | {figures["cli_peak_mb"]:.1f} MB | {figures["sdk_peak_mb"]:.1f} MB | \
{figures["cli_peak_mb"] / figures["sdk_peak_mb"]:.2f} | < {RSS_GOAL_MB:.0f} MB: \
{"meets goal" if ok else "MISSES goal"} |
"""
