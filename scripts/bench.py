"""``make bench``: figures, not asserts. Writes BENCHMARKS.md from one run.

Each figure stands beside its baseline, measured in the same run on the same machine:

1. SDK call vs raw httpx + ``json.loads`` on the same mock endpoint (goal: ratio <= 1.10);
2. parsing a 500-assertion page into models vs ``json.loads`` alone (goal: ratio <= 3);
3. peak memory while iterating 100,000 assertions (goal: flat, < 30 MB of growth);
4. ``award_many`` at concurrency 16 vs one at a time, 20 ms injected latency (goal: >= 10x);
5. mock requests/second vs a bare Starlette endpoint returning the same bytes (goal: >= 0.5).

The mock runs as a subprocess (``python -m badgr_mock``) so it does not share the GIL with the
client being measured.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from badgr import Client
from badgr._envelope import unwrap
from badgr_api.api.assertions import list_assertions
from badgr_api.models.assertion import Assertion
from badgr_mock.testing import PNG_DATA_URI, free_port, run_subprocess
from scripts.bench_batch import batch_section, bench_batch_award
from scripts.bench_cli import bench_cli_export, cli_section

USERNAME = "alice@example.com"
PASSWORD = "badgr-demo"
PNG = PNG_DATA_URI
MEMORY_ITEMS = 100_000


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_badge(client: Client, name: str) -> tuple[str, str]:
    issuer = client.issuers.create(name="Bench", email=USERNAME, url="https://bench.example")
    badge = client.badgeclasses.create(
        issuer=issuer.entity_id, name=name, description="d", image=PNG, criteria_narrative="c"
    )
    return issuer.entity_id, badge.entity_id


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
def bench_call_overhead(client: Client, base_url: str, issuer: str) -> dict[str, float]:
    token = client.token
    assert token is not None
    raw = httpx.Client(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token.access_token}", "Accept": "application/json"},
        timeout=30,
    )

    def sdk() -> None:
        client.issuers.get(issuer)

    def baseline() -> None:
        json.loads(raw.get(f"/v2/issuers/{issuer}", params={"include_staff": "true"}).content)

    for fn in (sdk, baseline):  # warm up connections and caches
        blocks(fn, repeat=1, number=50)
    sdk_times: list[float] = []
    raw_times: list[float] = []
    for _ in range(10):  # interleaved, so drift hits both sides alike
        sdk_times += blocks(sdk, repeat=1, number=50)
        raw_times += blocks(baseline, repeat=1, number=50)
    raw.close()
    sdk_us = statistics.median(sdk_times) * 1e6
    raw_us = statistics.median(raw_times) * 1e6
    return {"sdk_us": sdk_us, "raw_us": raw_us, "ratio": sdk_us / raw_us}


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

    def models() -> None:
        built = list_assertions._build_response(client=generated, response=response)
        items = unwrap(response, built.parsed, None, shape="list", item_type=Assertion)
        assert len(items) == 500

    def baseline() -> None:
        json.loads(content)

    # Interleaved, best block of each: on a shared machine the minimum is the figure least
    # disturbed by other work (timeit's advice), and both sides get the same treatment.
    model_blocks: list[float] = []
    json_blocks: list[float] = []
    for _ in range(7):
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


def bench_memory(base_url: str, badge: str) -> dict[str, float]:
    with Client(base_url=base_url, username=USERNAME, password=PASSWORD) as client:
        client.users.me()
        pager = client.assertions.list(badgeclass=badge, page_size=500)
        tracemalloc.start()
        base, _ = tracemalloc.get_traced_memory()
        early_peak = 0.0
        count = 0
        start = time.perf_counter()
        for count, _item in enumerate(pager, start=1):
            if count == 10_000:
                early_peak = (tracemalloc.get_traced_memory()[1] - base) / 2**20
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return {
        "items": float(count),
        "pages": float(pager.pages_fetched),
        "peak_mb": (peak - base) / 2**20,
        "peak_after_10k_mb": early_peak,
        "seconds": elapsed,
    }


# 4 -------------------------------------------------------------------------------------------
def bench_award_many(base_url: str) -> dict[str, float]:
    with Client(base_url=base_url, username=USERNAME, password=PASSWORD) as client:
        _, badge = make_badge(client, "Latency")
        sequential_n = 40
        start = time.perf_counter()
        for i in range(sequential_n):
            client.assertions.award(badge, recipient=f"seq{i}@bench.example")
        sequential_rate = sequential_n / (time.perf_counter() - start)
        concurrent_n = 480
        start = time.perf_counter()
        results = client.assertions.award_many(
            badge, [f"par{i}@bench.example" for i in range(concurrent_n)], concurrency=16
        )
        concurrent_rate = concurrent_n / (time.perf_counter() - start)
        failures = sum(not r.ok for r in results)
    return {
        "sequential_per_s": sequential_rate,
        "concurrent_per_s": concurrent_rate,
        "ratio": concurrent_rate / sequential_rate,
        "failures": float(failures),
    }


# 5 -------------------------------------------------------------------------------------------
BARE_SERVER = textwrap.dedent(
    """
    import sys, uvicorn
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    issuer = open(sys.argv[2], "rb").read()
    page = open(sys.argv[3], "rb").read()

    async def one(request):
        return Response(issuer, media_type="application/json")

    async def many(request):
        return Response(page, media_type="application/json")

    app = Starlette(routes=[Route("/issuer", one), Route("/page", many)])
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
    """
)


@contextmanager
def bare_server(issuer_body: bytes, page_body: bytes, tmp: Path) -> Iterator[str]:
    (tmp / "issuer.json").write_bytes(issuer_body)
    (tmp / "page.json").write_bytes(page_body)
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            BARE_SERVER,
            str(port),
            str(tmp / "issuer.json"),
            str(tmp / "page.json"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/issuer", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def requests_per_second(url: str, headers: dict[str, str], seconds: float = 3.0) -> float:
    async def run() -> float:
        done = 0
        limits = httpx.Limits(max_connections=8)
        async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as http:
            for _ in range(20):
                await http.get(url)
            deadline = time.perf_counter() + seconds
            start = time.perf_counter()

            async def worker() -> None:
                nonlocal done
                while time.perf_counter() < deadline:
                    response = await http.get(url)
                    if response.status_code == 200:
                        done += 1

            await asyncio.gather(*(worker() for _ in range(8)))
            return done / (time.perf_counter() - start)

    return asyncio.run(run())


def bench_mock_rps(
    client: Client, base_url: str, issuer: str, badge: str, tmp: Path
) -> dict[str, float]:
    token = client.token
    assert token is not None
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/json"}
    issuer_url = f"{base_url}/v2/issuers/{issuer}"
    page_url = f"{base_url}/v2/badgeclasses/{badge}/assertions?num=100"
    issuer_body = httpx.get(issuer_url, headers=headers).content
    page_body = httpx.get(page_url, headers=headers).content
    mock_issuer = requests_per_second(issuer_url, headers)
    mock_page = requests_per_second(page_url, headers)
    with bare_server(issuer_body, page_body, tmp) as bare:
        bare_issuer = requests_per_second(bare + "/issuer", headers)
        bare_page = requests_per_second(bare + "/page", headers)
    return {
        "mock_issuer": mock_issuer,
        "bare_issuer": bare_issuer,
        "issuer_ratio": mock_issuer / bare_issuer,
        "mock_page": mock_page,
        "bare_page": bare_page,
        "page_ratio": mock_page / bare_page,
    }


# report ---------------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "meets goal" if ok else "**misses goal**"


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def report(results: dict[str, dict[str, float]], total_s: float) -> str:
    call, parse = results["call"], results["parse"]
    memory, award, rps = results["memory"], results["award"], results["rps"]
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    flat = memory["peak_mb"] < 30 and memory["peak_mb"] < 2 * memory["peak_after_10k_mb"] + 5
    sdk_rows = [
        row(
            "`client.issuers.get(id)` vs raw `httpx` GET + `json.loads` on the same endpoint"
            " (median per call, 10 blocks of 50 calls each, interleaved)",
            f"{call['sdk_us']:.0f} µs",
            f"{call['raw_us']:.0f} µs",
            f"{call['ratio']:.3f}",
            f"<= 1.10: {verdict(call['ratio'] <= 1.10)}",
        ),
        row(
            f"a 500-assertion page ({parse['bytes'] / 1024:.0f} KiB) parsed into `Assertion`"
            " models (generated parser + envelope unwrap) vs `json.loads` alone"
            " (best of 7 interleaved blocks)",
            f"{parse['models_ms']:.1f} ms",
            f"{parse['json_ms']:.1f} ms",
            f"{parse['ratio']:.2f}",
            f"<= 3: {verdict(parse['ratio'] <= 3)}",
        ),
        row(
            "`award_many(..., concurrency=16)` vs `award()` one at a time, mock started with"
            " `--latency-ms 20` (awards per second)",
            f"{award['concurrent_per_s']:.0f} /s",
            f"{award['sequential_per_s']:.1f} /s",
            f"{award['ratio']:.1f}x",
            f">= 10x: {verdict(award['ratio'] >= 10)}",
        ),
    ]
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
    header = "| what | SDK | baseline | ratio | goal |\n|---|---|---|---|---|"
    mock_header = "| endpoint | mock | bare Starlette | ratio | goal |\n|---|---|---|---|---|"
    return f"""# Benchmarks

Produced by `make bench` (`scripts/bench.py --output BENCHMARKS.md`) on {now}:
Python {platform.python_version()}, {platform.system()} {platform.machine()}, {os.cpu_count()}
CPUs; the run took {total_s:.0f} s. Figures, not asserts: every figure stands beside a baseline
measured in the same run. The mock runs as a separate process (`python -m badgr_mock`, SQLite
file) on 127.0.0.1; client and server share the machine.

## SDK

{header}
{chr(10).join(sdk_rows)}

Peak memory while iterating {memory["items"]:,.0f} assertions with
`for a in client.assertions.list(badgeclass=…, page_size=500)` ({memory["pages"]:.0f} pages,
{memory["seconds"]:.1f} s under `tracemalloc`): **{memory["peak_mb"]:.1f} MB** of peak growth
over the whole walk, against {memory["peak_after_10k_mb"]:.1f} MB after the first 10,000
items. Goal, flat and under 30 MB: {verdict(flat)}. The pager holds one page at a time, so the
peak is set by the largest page, not by the total.

`award_many` failures during the latency run: {award["failures"]:.0f}.

## Mock server throughput

Requests per second from one asyncio `httpx` load generator with 8 connections for 3 s, against
the mock and against a bare Starlette endpoint (same uvicorn settings, separate process)
returning the very same bytes.

{mock_header}
{chr(10).join(mock_rows)}

The load generator runs on the same machine and takes CPU from the server, so absolute numbers
are low; the ratios compare like with like.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", default="BENCHMARKS.md")
    args = parser.parse_args()
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
            results["call"] = bench_call_overhead(client, mock.base_url, issuer)
            log("2/5 parsing a 500-assertion page …")
            results["parse"] = bench_parse(client, mock.base_url, badge)
            log("5/5 mock throughput vs bare Starlette …")
            results["rps"] = bench_mock_rps(client, mock.base_url, issuer, badge, tmp)
            _, big_badge = make_badge(client, "Memory")
            client.assertions.award(big_badge, recipient="m0@bench.example")
        log(f"seeding {MEMORY_ITEMS:,} assertions with bulk SQL …")
        seed_assertions(db, big_badge, MEMORY_ITEMS)
        with run_subprocess(db) as mock:
            log("3/5 memory while iterating …")
            results["memory"] = bench_memory(mock.base_url, big_badge)
            log("CLI export of the same assertions …")
            results["cli"] = bench_cli_export(mock.base_url, big_badge, tmp)
        with run_subprocess(db, extra_args=["--latency-ms", "20"]) as mock:
            log("4/5 award_many with 20 ms latency …")
            results["award"] = bench_award_many(mock.base_url)
        log("award_many through badgr-server's batch award …")
        results["batch"] = bench_batch_award(tmp)
    text = report(results, time.perf_counter() - started) + cli_section(results["cli"])
    text += batch_section(results["batch"])
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
