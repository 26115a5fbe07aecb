"""``make bench``, import-time part: ``import badgr`` beside ``import httpx``, each in fresh
interpreters, interleaved, median, interpreter start-up (``python -c pass``) subtracted.

Bytecode is compiled once up front into a private cache (``PYTHONPYCACHEPREFIX``) for every
side alike: an installed package is byte-compiled by pip, but the development checkout may run
with ``PYTHONDONTWRITEBYTECODE`` and would otherwise compile ``badgr`` from source on every run.

Two environments: this virtualenv as it is, where ``import httpx`` also imports click, rich and
pygments for httpx's own command line because ``make install`` installs them; and the SDK as
``pip install badgr-credentials`` installs it (no extras), simulated here by making those three
unimportable, so httpx skips its command line exactly as it does without them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

#: the issue's goal: ``import badgr`` at most this many times ``import httpx``
RATIO_GOAL = 1.5
LEAN = "import sys; sys.modules.update(dict.fromkeys(('click', 'rich', 'pygments')))\n"
STATEMENTS = {"start-up": "pass", "httpx": "import httpx", "badgr": "import badgr"}


def _run(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return time.perf_counter() - start


def bench_import(rounds: int = 40) -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="badgr-pyc-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        _run("import badgr, httpx", env)  # compile once, for every side alike
        for label, prefix in (("dev", ""), ("lean", LEAN)):
            times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
            for _ in range(rounds):  # interleaved, so drift hits every side alike
                for name, statement in STATEMENTS.items():
                    times[name].append(_run(prefix + statement, env))
            medians = {name: statistics.median(t) * 1e3 for name, t in times.items()}
            httpx_ms = medians["httpx"] - medians["start-up"]
            badgr_ms = medians["badgr"] - medians["start-up"]
            figures |= {
                f"{label}_startup_ms": medians["start-up"],
                f"{label}_httpx_ms": httpx_ms,
                f"{label}_badgr_ms": badgr_ms,
                f"{label}_ratio": badgr_ms / httpx_ms,
            }
    figures["rounds"] = float(rounds)
    return figures


def import_section(figures: dict[str, float]) -> str:
    def verdict(ratio: float) -> str:
        return "meets goal" if ratio <= RATIO_GOAL else "**misses goal**"

    rows = []
    for label, what in (
        ("dev", "this virtualenv (`make install`: httpx also imports click, rich, pygments)"),
        ("lean", "as `pip install badgr-credentials` installs it (no click, rich, pygments)"),
    ):
        rows.append(
            f"| {what} | {figures[f'{label}_badgr_ms']:.0f} ms | "
            f"{figures[f'{label}_httpx_ms']:.0f} ms | {figures[f'{label}_ratio']:.2f} | "
            f"<= {RATIO_GOAL}: {verdict(figures[f'{label}_ratio'])} |"
        )
    body = "\n".join(rows)
    return f"""
## Import time

`python -c "import badgr"` beside `python -c "import httpx"`, each in a fresh interpreter,
{figures["rounds"]:.0f} interleaved rounds, median, minus the median of `python -c pass`
({figures["dev_startup_ms"]:.0f} ms); bytecode compiled beforehand for both (as pip does).

| environment | `import badgr` | `import httpx` | ratio | goal |
|---|---|---|---|---|
{body}

`import badgr` loads neither the mock, the fuzz kit nor the command line, nor asyncio, attrs
or the generated package (`tests/wrapper/test_import.py`): `verify`, `AwardResult`, the
namespaces and `models` load on first use, the generated operations and models with the first
call, asyncio with the first job or async wait. The "lean" row still runs from this checkout's
editable install, whose import hook a wheel install does not have.
"""
