"""``make bench``, rate-limit part: ``award_many`` with default settings against the mock's
token bucket (``--rate-limit 20``), counting the 429s the client's transport saw.

The mock's limit (``badgr_mock.faults.TokenBucket``, applied in ``badgr_mock.app`` before any
route) admits ``R`` requests per second on every route but the token endpoint, with bursts of
up to ``R``; a request over it is answered 429 with ``Retry-After`` = the wait rounded up to
whole seconds (at least 1), as Django REST framework's throttles do. Each award is one request,
so 100% of the limit's throughput is ``R`` awards per second (the first burst lets ``N`` awards
finish in ``(N - R) / R`` seconds at best: 20.4 awards/s for 1,000 at ``R`` = 20).
"""

from __future__ import annotations

import time
from pathlib import Path

from badgr import Client
from badgr_mock.testing import run_subprocess
from scripts.bench_seed import PASSWORD, USERNAME, CountingTransport, make_badge

RATE_LIMIT = 20.0
RECIPIENTS = 1000
#: the issue's goal: at least this share of the limit's throughput, and no failures
SHARE_GOAL = 0.9


def bench_rate_limit(tmp: Path, recipients: int = RECIPIENTS) -> dict[str, float]:
    args = ["--rate-limit", f"{RATE_LIMIT:g}"]
    with run_subprocess(tmp / "ratelimit.sqlite3", extra_args=args) as mock:
        counting = CountingTransport()
        with Client(
            base_url=mock.base_url, username=USERNAME, password=PASSWORD, async_transport=counting
        ) as client:
            _, badge = make_badge(client, "Limit")
            # Let the bucket refill after the set-up calls: the run starts with the same burst
            # allowance as a fresh client would.
            time.sleep(1.0 + 1.0 / RATE_LIMIT)
            names = [f"limit{i}@bench.example" for i in range(recipients)]
            start = time.perf_counter()
            results = client.assertions.award_many(badge, names)
            seconds = time.perf_counter() - start
    return {
        "recipients": float(recipients),
        "seconds": seconds,
        "per_s": recipients / seconds,
        "share": recipients / seconds / RATE_LIMIT,
        "failures": float(sum(not r.ok for r in results)),
        "requests": float(counting.requests),
        "throttled": float(counting.throttled),
        "retries": float(sum(r.attempts - 1 for r in results)),
        "most_attempts": float(max(r.attempts for r in results)),
    }


def rate_limit_section(figures: dict[str, float]) -> str:
    ok = figures["share"] >= SHARE_GOAL and not figures["failures"]
    verdict = "meets goal" if ok else "**misses goal**"
    n = figures["recipients"]
    return f"""
## Rate limit

`award_many(badge, {n:,.0f} recipients)` with default settings (concurrency 8, `max_retries=2`)
against the mock started with `--rate-limit {RATE_LIMIT:g}`: a token bucket in front of every
route but `/o/token` that admits {RATE_LIMIT:g} requests/s with bursts of up to {RATE_LIMIT:g}
and answers 429 with `Retry-After` = the wait rounded up to whole seconds. One award is one
request, so 100% is {RATE_LIMIT:g} awards/s (the bucket's first burst puts the best possible
at {n / ((n - RATE_LIMIT) / RATE_LIMIT):.1f} /s for {n:,.0f}). Statuses counted on the client's
transport.

| what | figure | goal |
|---|---|---|
| awards per second | {figures["per_s"]:.1f} /s = {figures["share"]:.0%} of the limit \
({figures["seconds"]:.1f} s) | >= {SHARE_GOAL:.0%} with no failure: {verdict} |
| failures | {figures["failures"]:.0f} | 0 |
| 429 answers seen | {figures["throttled"]:.0f} of {figures["requests"]:.0f} requests \
= {figures["throttled"] / n:.3f} per award | — |
| retries per award (`AwardResult.attempts - 1`) | {figures["retries"] / n:.3f} on average, \
most attempts for one award: {figures["most_attempts"]:.0f} | — |
"""
