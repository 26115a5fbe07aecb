"""``make bench``, batch-award part: ``award_many`` against the mock in the badgr-server profile,
through the batch endpoint (``server="badgr-server"``) beside one request per recipient
(``server="documented"``, the same mock), 20 ms injected latency."""

from __future__ import annotations

import inspect
import time
from pathlib import Path

from badgr import Client
from badgr_mock.app import create_app
from badgr_mock.testing import run_subprocess
from scripts.bench_seed import PASSWORD, USERNAME, CountingTransport, make_badge

RECIPIENTS = 1000
#: the issue's goal: at least this many times fewer requests than recipients
REQUEST_GOAL = 50


def _award_many(base_url: str, server: str, prefix: str, count: int) -> dict[str, float]:
    counting = CountingTransport()
    with Client(
        base_url=base_url,
        username=USERNAME,
        password=PASSWORD,
        server=server,  # type: ignore[arg-type]
        async_transport=counting,
    ) as client:
        _, badge = make_badge(client, prefix)
        recipients = [f"{prefix}{i}@bench.example" for i in range(count)]
        before = counting.requests
        start = time.perf_counter()
        results = client.assertions.award_many(badge, recipients, concurrency=16)
        seconds = time.perf_counter() - start
    return {
        "requests": float(counting.requests - before),
        "per_s": count / seconds,
        "failures": float(sum(not r.ok for r in results)),
    }


def bench_batch_award(tmp: Path, recipients: int = RECIPIENTS) -> dict[str, float]:
    """The figures, or none when this checkout's mock cannot be a badgr-server."""
    if "profile" not in inspect.signature(create_app).parameters:
        return {}
    args = ["--server", "badgr-server", "--latency-ms", "20"]
    with run_subprocess(tmp / "batch.sqlite3", extra_args=args) as mock:
        batch = _award_many(mock.base_url, "badgr-server", "batch", recipients)
        single = _award_many(mock.base_url, "documented", "single", recipients)
    return (
        {f"batch_{k}": v for k, v in batch.items()}
        | {f"single_{k}": v for k, v in single.items()}
        | {"recipients": float(recipients)}
    )


def batch_section(figures: dict[str, float]) -> str:
    if not figures:
        return (
            "\n## Batch award (badgr-server profile)\n\n"
            "Not measured: this checkout's mock has no badgr-server profile.\n"
        )
    recipients = figures["recipients"]
    fewer = recipients / figures["batch_requests"]
    speed = figures["batch_per_s"] / figures["single_per_s"]
    ok = fewer >= REQUEST_GOAL and not figures["batch_failures"]
    return f"""
## Batch award (badgr-server profile)

`award_many(badge, {recipients:,.0f} recipients, concurrency=16)` against the mock in the
badgr-server profile (`--server badgr-server --latency-ms 20`): with `server="badgr-server"`
it sends batches of 100 to `POST /v2/badgeclasses/{{id}}/issue`; with `server="documented"`
(the same mock) one award request per recipient. Requests counted on the client's transport.

| what | batch | one per recipient | ratio | goal |
|---|---|---|---|---|
| requests for {recipients:,.0f} recipients | {figures["batch_requests"]:.0f} | \
{figures["single_requests"]:.0f} | {fewer:.0f}x fewer than recipients | \
>= {REQUEST_GOAL}x fewer: {"meets goal" if ok else "**misses goal**"} |
| awards per second | {figures["batch_per_s"]:,.0f} /s | {figures["single_per_s"]:,.0f} /s | \
{speed:.1f}x | — |

Failures: {figures["batch_failures"]:.0f} batched, {figures["single_failures"]:.0f} single.
"""
