"""``make bench``: figures, not asserts. Writes BENCHMARKS.md from one run.

Each figure stands beside its baseline, measured in the same run on the same machine:

1. SDK call vs raw httpx + ``json.loads`` on the same mock endpoint (goal: ratio <= 1.05);
2. parsing a 500-assertion page into models vs ``json.loads`` alone (goal: ratio <= 2);
3. peak memory while iterating 100,000 assertions (goal: flat, < 30 MB of growth);
4. ``award_many`` at concurrency 16 vs one at a time, 20 ms injected latency (goal: >= 14x;
   scripts/bench_award.py, with the CPU per award on each side);
5. mock requests/second vs a bare Starlette endpoint returning the same bytes (goal: >= 0.5);
6. the CLI export, the batch award, the rate limit, the import time, a hostile server and
   the proxy's overhead beside a bare forwarding proxy (scripts/bench_*.py).

The mock runs as a subprocess (``python -m badgr_mock``) so it does not share the GIL with the
client being measured. ``--smoke`` runs every part with tiny counts (a test keeps it working;
its figures mean nothing).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from badgr import Client
from badgr._envelope import unwrap
from badgr_api.api.assertions import list_assertions
from badgr_api.models.assertion import Assertion
from badgr_mock.testing import run_subprocess
from scripts.bench_award import award_rows, bench_award_many
from scripts.bench_batch import batch_section, bench_batch_award
from scripts.bench_cli import bench_cli_export, cli_section
from scripts.bench_hostile import bench_hostile, hostile_section
from scripts.bench_import import bench_import, import_section
from scripts.bench_mock import ROUNDS, bench_mock_rps
from scripts.bench_proxy import bench_proxy, proxy_section
from scripts.bench_ratelimit import bench_rate_limit, rate_limit_section
from scripts.bench_seed import PASSWORD, USERNAME, make_badge


@dataclass(frozen=True)
class Sizes:
    """How much each part does: the real run, or ``--smoke``'s token amounts."""

    calls: int = 600
    memory_items: int = 100_000
    rps_seconds: float = 6.0
    award_rounds: int = 3
    award_sequential: int = 60
    award_concurrent: int = 480
    batch_recipients: int = 1000
    rate_limited_awards: int = 1000
    import_rounds: int = 20
    proxy_calls: int = 400


SMOKE = Sizes(
    calls=10,
    memory_items=1_000,
    rps_seconds=0.2,
    award_rounds=1,
    award_sequential=3,
    award_concurrent=32,
    batch_recipients=120,
    rate_limited_awards=25,
    import_rounds=1,
    proxy_calls=20,
)


#: the 1-minute load average each time a part starts or the run ends (reported with the figures)
LOAD_SAMPLES: list[float] = []


def log(message: str) -> None:
    LOAD_SAMPLES.append(os.getloadavg()[0])
    print(message, file=sys.stderr, flush=True)


def blocks(fn: Callable[[], Any], *, repeat: int, number: int) -> list[float]:
    """Seconds per call, one figure per block of ``number`` calls."""
    figures = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        figures.append((time.perf_counter() - start) / number)
    return figures


# 1 -------------------------------------------------------------------------------------------
def bench_call_overhead(
    client: Client, base_url: str, issuer: str, sizes: Sizes
) -> dict[str, float]:
    """Per call, alternating the sides call by call in a rotating order, so that neither drift
    nor the position in a sequence favours one side (timing blocks of one side after the
    other showed a 5% bias between two identical raw clients). A second raw client, the
    control, measures what the method itself cannot tell apart."""
    token = client.token
    assert token is not None
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/json"}
    raw = httpx.Client(base_url=base_url, headers=headers, timeout=30)
    control = httpx.Client(base_url=base_url, headers=headers, timeout=30)
    path, params = f"/v2/issuers/{issuer}", {"include_staff": "true"}

    from badgr_api.api.issuers import get_issuer

    generated = client._executor.generated
    parts: dict[str, list[float]] = {"build": [], "models": []}

    def parts_of_a_raw_call() -> None:
        """A raw call taken apart, each part timed where it runs in a real call (right after
        a wait on the socket, when caches are cold): what `httpx`'s `build_request` costs
        (the SDK skips it) and what building the SDK's models from the answer costs."""
        start = time.perf_counter()
        request = control.build_request("GET", path, params=params)
        parts["build"].append(time.perf_counter() - start)
        response = control.send(request)
        start = time.perf_counter()
        get_issuer._parse_response(client=generated, response=response)
        parts["models"].append(time.perf_counter() - start)

    sides: dict[str, Callable[[], Any]] = {
        "sdk": lambda: client.issuers.get(issuer),
        "raw": lambda: json.loads(raw.get(path, params=params).content),
        "control": lambda: json.loads(control.get(path, params=params).content),
        "parts": parts_of_a_raw_call,
    }
    names = list(sides)
    calls = sizes.calls
    times: dict[str, list[float]] = {name: [] for name in names}
    for i in range(calls // 10 + calls):  # the first tenth warms connections and caches
        if i == calls // 10:
            for part in parts.values():
                part.clear()
        for name in names[i % len(names) :] + names[: i % len(names)]:
            start = time.perf_counter()
            sides[name]()
            if i >= calls // 10:
                times[name].append(time.perf_counter() - start)
    raw.close()
    control.close()
    us = {name: statistics.median(t) * 1e6 for name, t in times.items()}
    build_us, models_us = (statistics.median(parts[k]) * 1e6 for k in ("build", "models"))
    return {
        "sdk_us": us["sdk"],
        "raw_us": us["raw"],
        "control_us": us["control"],
        "models_us": models_us,
        "build_us": build_us,
        "machinery_us": us["sdk"] - (us["raw"] - build_us) - models_us,
        "ratio": us["sdk"] / us["raw"],
        "control_ratio": us["control"] / us["raw"],
        "calls": float(calls),
    }


# 2 -------------------------------------------------------------------------------------------
def bench_parse(client: Client, base_url: str, badge: str) -> dict[str, float]:
    token = client.token
    assert token is not None
    response = httpx.get(
        f"{base_url}/v2/badgeclasses/{badge}/assertions",
        params={"num": 500},
        headers={"Authorization": f"Bearer {token.access_token}"},
        timeout=60,
    )
    response.raise_for_status()
    content = response.content
    generated = client._executor.generated

    def models() -> None:  # what the SDK's executor does with a 2xx answer
        parsed = list_assertions._parse_response(client=generated, response=response)
        items = unwrap(response, parsed, None, shape="list", item_type=Assertion)
        assert len(items) == 500

    def baseline() -> None:
        json.loads(content)

    # Interleaved, best block of each: on a shared machine the minimum is the figure least
    # disturbed by other work (timeit's advice), and both sides get the same treatment.
    model_blocks: list[float] = []
    json_blocks: list[float] = []
    for _ in range(15):
        model_blocks += blocks(models, repeat=1, number=3)
        json_blocks += blocks(baseline, repeat=1, number=3)
    model_s, json_s = min(model_blocks), min(json_blocks)
    return {
        "bytes": float(len(content)),
        "models_ms": model_s * 1e3,
        "json_ms": json_s * 1e3,
        "ratio": model_s / json_s,
    }


# 3 -------------------------------------------------------------------------------------------
def seed_assertions(db: Path, badge: str, total: int) -> None:
    """Copy the badge class's one assertion until it has ``total`` (bulk SQL, seconds)."""
    con = sqlite3.connect(db)
    with con:
        row = con.execute(
            "SELECT a.* FROM assertions a JOIN badgeclasses b ON a.badgeclass_pk = b.pk "
            "WHERE b.entity_id = ?",
            (badge,),
        ).fetchone()
        columns = [d[0] for d in con.execute("SELECT * FROM assertions LIMIT 0").description]
        template = dict(zip(columns, row, strict=True))
        rows = []
        for n in range(1, total):
            copy = dict(template)
            copy.pop("pk")
            copy["id"] = f"{n:024x}"
            copy["entity_id"] = f"bench{n:017d}"
            copy["recipient_key"] = f"{template['recipient_key']}-{n}"
            rows.append(copy)
        names = list(rows[0])
        # The mock's change-feed triggers call mock_now(); the copies share the template's stamp.
        con.create_function("mock_now", 0, lambda: template["created"])
        con.executemany(
            f"INSERT INTO assertions ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [tuple(r[k] for k in names) for r in rows],
        )
    con.close()


def bench_memory(base_url: str, badge: str, items: int) -> dict[str, float]:
    with Client(base_url=base_url, username=USERNAME, password=PASSWORD) as client:
        client.users.me()
        pager = client.assertions.list(badgeclass=badge, page_size=500)
        early = max(1, items // 10)
        tracemalloc.start()
        base, _ = tracemalloc.get_traced_memory()
        early_peak = 0.0
        count = 0
        start = time.perf_counter()
        for count, _item in enumerate(pager, start=1):
            if count == early:
                early_peak = (tracemalloc.get_traced_memory()[1] - base) / 2**20
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return {
        "items": float(count),
        "pages": float(pager.pages_fetched),
        "peak_mb": (peak - base) / 2**20,
        "peak_early_mb": early_peak,
        "seconds": elapsed,
    }


# report ---------------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "meets goal" if ok else "**misses goal**"


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def report(results: dict[str, dict[str, float]], total_s: float, load: list[float]) -> str:
    """BENCHMARKS.md up to the mock's section; the other parts' sections follow it."""
    return intro(total_s, load) + sdk_section(results) + mock_section(results["rps"])


def intro(total_s: float, load: list[float]) -> str:
    """The title and where and when the figures were taken."""
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""# Benchmarks

Produced by `make bench` (`scripts/bench.py --output BENCHMARKS.md`) on {now}:
Python {platform.python_version()}, {platform.system()} {platform.machine()}, {os.cpu_count()}
CPUs; the run took {total_s:.0f} s, with a 1-minute load average of {min(load):.1f} to
{max(load):.1f} (sampled before and after each part: above 1 the machine was also busy with
other work, which slows CPU-bound figures most). Figures, not asserts: every figure stands
beside a baseline measured in the same run. The mock runs as a separate process
(`python -m badgr_mock`, SQLite file) on 127.0.0.1; client and server share the machine.

"""


def sdk_rows(results: dict[str, dict[str, float]]) -> tuple[list[str], str]:
    """The SDK table's rows (call, parse, award_many), and award_many's CPU table."""
    call, parse = results["call"], results["parse"]
    award_row, award_cpu = award_rows(results["award"])
    rows = [
        row(
            "`client.issuers.get(id)` vs raw `httpx` GET + `json.loads` on the same endpoint"
            f" (median of {call['calls']:.0f} calls per side, alternating call by call; a second"
            f" raw client against the first: {call['control_ratio']:.3f}, the method's noise)",
            f"{call['sdk_us']:.0f} µs",
            f"{call['raw_us']:.0f} µs",
            f"{call['ratio']:.3f}",
            f"<= 1.05: {verdict(call['ratio'] <= 1.05)}",
        ),
        row(
            f"a 500-assertion page ({parse['bytes'] / 1024:.0f} KiB) parsed into `Assertion`"
            " models (generated parser + envelope unwrap) vs `json.loads` alone"
            " (best of 15 interleaved blocks)",
            f"{parse['models_ms']:.1f} ms",
            f"{parse['json_ms']:.1f} ms",
            f"{parse['ratio']:.2f}",
            f"<= 2: {verdict(parse['ratio'] <= 2)}",
        ),
        award_row,
    ]
    return rows, award_cpu


def sdk_section(results: dict[str, dict[str, float]]) -> str:
    """## SDK: the table, where the call's time goes, memory, award_many's CPU."""
    call, memory = results["call"], results["memory"]
    flat = memory["peak_mb"] < 30 and memory["peak_mb"] < 2 * memory["peak_early_mb"] + 5
    rows, award_cpu = sdk_rows(results)
    header = "| what | SDK | baseline | ratio | goal |\n|---|---|---|---|---|"
    return f"""## SDK

{header}
{chr(10).join(rows)}

How the two sides differ, from a raw call taken apart with each part timed where it runs:
building the `Issuer` models (with its staff and their users) from the answer takes
{call["models_us"]:.0f} µs. `httpx`'s `build_request`, which re-parses and re-merges the base
URL and the query on every call, takes {call["build_us"]:.0f} µs of the raw call; the SDK
builds its requests without it. The SDK's own machinery (the method, building the request,
the retry and recovery flow, auth, unwrapping) takes the rest: {call["machinery_us"]:.0f} µs.

Peak memory while iterating {memory["items"]:,.0f} assertions with
`for a in client.assertions.list(badgeclass=…, page_size=500)` ({memory["pages"]:.0f} pages,
{memory["seconds"]:.1f} s under `tracemalloc`): **{memory["peak_mb"]:.1f} MB** of peak growth
over the whole walk, against {memory["peak_early_mb"]:.1f} MB after the first
{max(1, memory["items"] // 10):,.0f} items. Goal, flat and under 30 MB: {verdict(flat)}. The
pager holds one page at a time, so the peak is set by the largest page, not by the total.

{award_cpu}
"""


def mock_section(rps: dict[str, float]) -> str:
    """## Mock server throughput: the mock against a bare Starlette endpoint."""
    mock_rows = [
        row(
            "`GET /v2/issuers/{id}`",
            f"{rps['mock_issuer']:.0f} req/s",
            f"{rps['bare_issuer']:.0f} req/s",
            f"{rps['issuer_ratio']:.2f}",
            f">= 0.5: {verdict(rps['issuer_ratio'] >= 0.5)}",
        ),
        row(
            "`GET /v2/badgeclasses/{id}/assertions?num=100`",
            f"{rps['mock_page']:.0f} req/s",
            f"{rps['bare_page']:.0f} req/s",
            f"{rps['page_ratio']:.2f}",
            f">= 0.5: {verdict(rps['page_ratio'] >= 0.5)}",
        ),
    ]
    mock_header = "| endpoint | mock | bare Starlette | ratio | goal |\n|---|---|---|---|---|"
    return f"""## Mock server throughput

Requests per second from one asyncio `httpx` load generator with 8 connections, against the
mock and against a bare Starlette endpoint (same uvicorn settings, separate process) returning
the very same bytes: the median of {ROUNDS} blocks of {Sizes.rps_seconds / ROUNDS:.0f} s per
side, the two servers alternating.

{mock_header}
{chr(10).join(mock_rows)}

The load generator runs on the same machine and takes CPU from the server, so absolute numbers
are low; the ratios compare like with like.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", default="BENCHMARKS.md")
    parser.add_argument(
        "--smoke", action="store_true", help="every part with tiny counts: checks the script runs"
    )
    args = parser.parse_args()
    sizes = SMOKE if args.smoke else Sizes()
    started = time.perf_counter()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="badgr-bench-") as tmpdir:
        tmp = Path(tmpdir)
        db = tmp / "bench.sqlite3"
        with (
            run_subprocess(db) as mock,
            Client(base_url=mock.base_url, username=USERNAME, password=PASSWORD) as client,
        ):
            issuer, badge = make_badge(client, "Parse")
            log("awarding 500 assertions for the parse benchmark …")
            client.assertions.award_many(
                badge, [f"p{i}@bench.example" for i in range(500)], concurrency=16
            )
            log("1/5 SDK call vs raw httpx …")
            results["call"] = bench_call_overhead(client, mock.base_url, issuer, sizes)
            log("2/5 parsing a 500-assertion page …")
            results["parse"] = bench_parse(client, mock.base_url, badge)
            log("5/5 mock throughput vs bare Starlette …")
            results["rps"] = bench_mock_rps(
                client, mock.base_url, issuer, badge, tmp, sizes.rps_seconds
            )
            log("`badgr proxy serve` vs a bare forwarding proxy …")
            results["proxy"] = bench_proxy(client, mock.base_url, badge, sizes.proxy_calls)
            _, big_badge = make_badge(client, "Memory")
            client.assertions.award(big_badge, recipient="m0@bench.example")
        log(f"seeding {sizes.memory_items:,} assertions with bulk SQL …")
        seed_assertions(db, big_badge, sizes.memory_items)
        with run_subprocess(db) as mock:
            log("3/5 memory while iterating …")
            results["memory"] = bench_memory(mock.base_url, big_badge, sizes.memory_items)
            log("CLI export of the same assertions …")
            results["cli"] = bench_cli_export(mock.base_url, big_badge, tmp)
        log("4/5 award_many with 20 ms latency …")
        results["award"] = bench_award_many(
            tmp,
            rounds=sizes.award_rounds,
            sequential_n=sizes.award_sequential,
            concurrent_n=sizes.award_concurrent,
        )
        log("award_many through badgr-server's batch award …")
        results["batch"] = bench_batch_award(tmp, sizes.batch_recipients)
        log(f"award_many of {sizes.rate_limited_awards:,} against a rate limit …")
        results["limit"] = bench_rate_limit(tmp, sizes.rate_limited_awards)
        log("import badgr vs import httpx …")
        results["import"] = bench_import(sizes.import_rounds)
    log("a hostile server …")
    hostile = bench_hostile()
    log("done")
    total_s = time.perf_counter() - started
    text = report(results, total_s, LOAD_SAMPLES) + cli_section(results["cli"])
    text += batch_section(results["batch"])
    text += rate_limit_section(results["limit"])
    text += import_section(results["import"])
    text += hostile_section(hostile)
    text += proxy_section(results["proxy"])
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
