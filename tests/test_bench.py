"""``make bench`` keeps working: the whole script, every part, with ``--smoke``'s tiny counts.

No figure is checked (timings are for BENCHMARKS.md, never asserted in tests): only that each
part ran end to end and wrote its section."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = [
    "## SDK",
    "`award_many(..., concurrency=16)` vs `award()` one at a time",
    "CPU per award in the same runs",
    "## Mock server throughput",
    "## Command line",
    "## Batch award (badgr-server profile)",
    "## Rate limit",
    "## Import time",
    "## A hostile server",
    "## Proxy overhead",
]


@pytest.mark.timeout(180)
def test_bench_runs_end_to_end_in_smoke_mode(tmp_path: Path) -> None:
    output = tmp_path / "BENCHMARKS.md"
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench", "--smoke", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = output.read_text(encoding="utf-8")
    missing = [section for section in SECTIONS if section not in text]
    assert missing == [], text
    assert "Failures: 0 batched, 0 single." in text
    assert "`award_many` failures during these runs: 0." in text
