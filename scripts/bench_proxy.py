"""``make bench``, proxy part: what ``badgr proxy serve`` adds to a call, side by side in one run.

Three sides, the same ~10 KB answer (a page of assertions from the mock), alternating call by
call in a rotating order: (a) the mock directly; (b) a bare forwarding proxy on the same stack
(Starlette on uvicorn's h11, one ``httpx.AsyncClient``, the answer streamed back, no checks:
``BARE_PROXY`` below); (c) ``badgr proxy serve`` in its default, observe-only mode (every
exchange judged against the API description and written to its NDJSON log). Each proxy is a
process of its own, so its CPU time is its own (``psutil`` when installed, else
``/proc/<pid>/stat``).

``python -m scripts.bench_proxy [--smoke]`` runs this part alone against a fresh mock.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from badgr import Client
from badgr_mock.testing import run_subprocess
from scripts.bench_seed import PASSWORD, USERNAME, make_badge

#: the issue's goals: added latency of (c) over (b), and (c)'s CPU per call over (b)'s
LATENCY_GOAL_MS = 0.5
CPU_GOAL = 2.0
#: the size of the answer measured
TARGET_BYTES = 10 * 1024
#: calls in a row to one side when timed back to back
BLOCK = 50
#: seconds left after the last call for work a proxy does once the answer has left (judging)
SETTLE_SECONDS = 0.3

BARE_PROXY = textwrap.dedent(
    """
    import socket, sys, httpx, uvicorn
    from starlette.applications import Starlette
    from starlette.responses import StreamingResponse
    from starlette.routing import Route

    UPSTREAM = sys.argv[1].rstrip("/")
    HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host",
           "proxy-connection"}
    http = httpx.AsyncClient(follow_redirects=False, timeout=60, trust_env=False)

    async def forward(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        headers = {k: v for k, v in request.headers.items() if k not in HOP}
        outgoing = http.build_request(
            request.method, UPSTREAM + target, headers=headers, content=await request.body()
        )
        answer = await http.send(outgoing, stream=True)

        async def relay():
            try:
                async for chunk in answer.aiter_raw():
                    yield chunk
            finally:
                await answer.aclose()

        streamed = StreamingResponse(relay(), status_code=answer.status_code)
        streamed.raw_headers = [
            (k.encode("latin-1"), v.encode("latin-1"))
            for k, v in answer.headers.multi_items() if k not in HOP
        ]
        return streamed

    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    app = Starlette(routes=[Route("/{path:path}", forward, methods=methods)])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    print(f"bare proxy: http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
    """
)

_URL = re.compile(r"http://127\.0\.0\.1:\d+")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far."""
    try:
        import psutil  # type: ignore[import-untyped]
    except ImportError:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


@contextmanager
def _process(command: list[str]) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A server child process that prints its URL on its first line; ``(process, url)``."""
    env = {**os.environ, "COLUMNS": "1000"}  # rich: the URL line in one piece
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = _URL.search(line)
        if found is None:
            raise RuntimeError(f"no URL from {command[:4]}: {line!r}")
        yield process, found.group(0)
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def page_path(client: Client, base_url: str, badge: str) -> tuple[str, dict[str, str], int]:
    """The badge class's assertion page closest to ``TARGET_BYTES``: ``(path, headers, size)``."""
    token = client.token
    assert token is not None
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/json"}
    path = f"/v2/badgeclasses/{badge}/assertions"
    probe = httpx.get(base_url + path, params={"num": 20}, headers=headers, timeout=30)
    probe.raise_for_status()
    items = max(1, len(probe.json()["result"]))
    num = max(1, round(TARGET_BYTES * items / len(probe.content)))
    path = f"{path}?num={num}"
    size = len(httpx.get(base_url + path, headers=headers, timeout=30).content)
    return path, headers, size


def _interleaved(sides: dict[str, Callable[[], object]], calls: int) -> dict[str, list[float]]:
    """Seconds per call of each side, the sides alternating call by call in a rotating order
    (so that neither drift nor the position in a sequence favours one side)."""
    names = list(sides)
    times: dict[str, list[float]] = {name: [] for name in names}
    for i in range(calls):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            start = time.perf_counter()
            sides[name]()
            times[name].append(time.perf_counter() - start)
    return times


def _back_to_back(
    sides: dict[str, Callable[[], object]], calls: int, block: int = BLOCK
) -> dict[str, list[float]]:
    """Seconds per call of each side, called ``block`` times in a row, the sides' blocks
    alternating: a client that sends its next request as soon as it has an answer, as a test
    suite does (work a proxy does after an answer then competes with the next request)."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(max(1, calls // block)):
        for name, call in sides.items():
            for _ in range(block):
                start = time.perf_counter()
                call()
                times[name].append(time.perf_counter() - start)
    return times


def _warm(sides: dict[str, Callable[[], object]], calls: int) -> None:
    """Connections opened, caches filled: a tenth of the calls (at least 3) a side, not kept."""
    for _ in range(max(3, calls // 10)):
        for call in sides.values():
            call()


def _records(log: Path) -> tuple[int, int]:
    """The proxy's NDJSON records, and how many of them have a problem (expected: none)."""
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return len(lines), sum(bool(json.loads(line)["problems"]) for line in lines)


def bench_proxy(client: Client, base_url: str, badge: str, calls: int) -> dict[str, float]:
    """Medians of the three sides and each proxy's CPU per call, over ``calls`` calls a side."""
    path, headers, size = page_path(client, base_url, badge)
    with tempfile.TemporaryDirectory(prefix="badgr-bench-proxy-") as tmp:
        badgr = [sys.executable, "-m", "badgr_fuzz.proxy", "serve", base_url, "--port", "0"]
        badgr += ["--log", str(Path(tmp) / "proxy.ndjson")]
        with (
            _process([sys.executable, "-c", BARE_PROXY, base_url]) as (bare, bare_url),
            _process(badgr) as (proxy, proxy_url),
        ):
            urls = {"direct": base_url, "bare": bare_url, "badgr": proxy_url}
            http = {
                name: httpx.Client(base_url=url, headers=headers, timeout=30)
                for name, url in urls.items()
            }

            def side(name: str) -> Callable[[], object]:
                def call() -> object:
                    response = http[name].get(path)
                    assert response.status_code == 200 and len(response.content) == size
                    return response

                return call

            sides = {name: side(name) for name in urls}
            _warm(sides, calls)
            time.sleep(SETTLE_SECONDS)
            cpu_before = {"bare": cpu_seconds(bare.pid), "badgr": cpu_seconds(proxy.pid)}
            times = _interleaved(sides, calls)
            time.sleep(SETTLE_SECONDS)  # the judging that follows the last answer
            cpu = {
                name: (cpu_seconds(p.pid) - cpu_before[name]) / calls
                for name, p in (("bare", bare), ("badgr", proxy))
            }
            in_a_row = _back_to_back({"bare": sides["bare"], "badgr": sides["badgr"]}, calls)
            for one in http.values():
                one.close()
        records, findings = _records(Path(tmp) / "proxy.ndjson")
    ms = {name: statistics.median(t) * 1e3 for name, t in times.items()}
    row_ms = {name: statistics.median(t) * 1e3 for name, t in in_a_row.items()}
    return {
        "bytes": float(size),
        "calls": float(calls),
        "direct_ms": ms["direct"],
        "bare_ms": ms["bare"],
        "badgr_ms": ms["badgr"],
        "bare_added_ms": ms["bare"] - ms["direct"],
        "badgr_added_ms": ms["badgr"] - ms["bare"],
        "row_bare_ms": row_ms["bare"],
        "row_badgr_ms": row_ms["badgr"],
        "row_added_ms": row_ms["badgr"] - row_ms["bare"],
        "row_calls": float(len(in_a_row["badgr"])),
        "bare_cpu_ms": cpu["bare"] * 1e3,
        "badgr_cpu_ms": cpu["badgr"] * 1e3,
        "records": float(records),
        "findings": float(findings),
        "cpu_ratio": cpu["badgr"] / cpu["bare"] if cpu["bare"] > 0 else float("inf"),
    }


def _verdict(ok: bool) -> str:
    return "meets goal" if ok else "**misses goal**"


def _miss(value: float, goal: float, unit: str) -> str:
    return "" if value <= goal else f" (by {value - goal:.2f}{unit})"


def proxy_section(figures: dict[str, float]) -> str:
    added, ratio = figures["badgr_added_ms"], figures["cpu_ratio"]
    latency_ok, cpu_ok = added <= LATENCY_GOAL_MS, ratio <= CPU_GOAL
    row_ok = figures["row_added_ms"] <= LATENCY_GOAL_MS
    rows = "\n".join(
        [
            f"| (a) the mock directly | {figures['direct_ms']:.2f} ms | | |",
            f"| (b) a bare forwarding proxy | {figures['bare_ms']:.2f} ms"
            f" | +{figures['bare_added_ms']:.2f} ms over (a) | {figures['bare_cpu_ms']:.2f} ms |",
            f"| (c) `badgr proxy serve` (observe-only) | {figures['badgr_ms']:.2f} ms"
            f" | {added:+.2f} ms over (b) | {figures['badgr_cpu_ms']:.2f} ms |",
        ]
    )
    return f"""
## Proxy overhead

One answer of {figures["bytes"] / 1024:.1f} KiB (a page of assertions) fetched
{figures["calls"]:.0f} times from each side, the three alternating call by call in a rotating
order (a tenth more first, not kept, to open connections and fill caches); median per call.
(b) is a bare forwarding proxy on the same stack (Starlette on uvicorn's h11, one
`httpx.AsyncClient`, the answer streamed back unread: `BARE_PROXY` in
`scripts/bench_proxy.py`); (c) also decodes the answer, rewrites the upstream's URLs in it,
and judges each exchange against the API description (and the SDK's models) on a worker
thread once the answer has left, writing one NDJSON record a call ({figures["records"]:.0f} written
with the warm-up and the back-to-back calls below; {figures["findings"]:.0f} with a finding).
Each proxy is a process of its own; its CPU per call is its process CPU time over the timed
calls (and {SETTLE_SECONDS:.1f} s after
them, for the last judging).

| side | median latency | added | proxy CPU per call |
|---|---|---|---|
{rows}

Added latency of (c) over (b): **{added:.2f} ms**, goal <= {LATENCY_GOAL_MS} ms:
{_verdict(latency_ok)}{_miss(added, LATENCY_GOAL_MS, " ms")}. CPU per call of (c) against
(b)'s: **{ratio:.1f}x**, goal <= {CPU_GOAL:.0f}x: {_verdict(cpu_ok)}{_miss(ratio, CPU_GOAL, "x")}.
Client, mock and both proxies share the machine's CPUs, so CPU that (c) spends judging after
an answer has left can delay the next call of any side.

Back to back (each proxy called {BLOCK} times in a row, the two alternating block by block,
{figures["row_calls"]:.0f} calls each: a client that sends its next request as soon as it has an
answer, as a test suite does): (b) {figures["row_bare_ms"]:.2f} ms, (c)
{figures["row_badgr_ms"]:.2f} ms, added **{figures["row_added_ms"]:.2f} ms**
({"within" if row_ok else "over"} the {LATENCY_GOAL_MS} ms of the side-by-side goal). Here (c)
judges one answer while it forwards the next, and the two share the proxy's interpreter lock.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description="make bench, proxy part, alone")
    parser.add_argument("--smoke", action="store_true", help="tiny counts: checks it runs")
    parser.add_argument("--calls", type=int, default=None, help="calls a side (default 400)")
    args = parser.parse_args()
    calls = args.calls or (20 if args.smoke else 400)
    with (
        tempfile.TemporaryDirectory(prefix="badgr-bench-") as tmp,
        run_subprocess(Path(tmp) / "bench.sqlite3") as mock,
        Client(base_url=mock.base_url, username=USERNAME, password=PASSWORD) as client,
    ):
        _, badge = make_badge(client, "Proxy")
        client.assertions.award_many(
            badge, [f"x{i}@bench.example" for i in range(40)], concurrency=8
        )
        figures = bench_proxy(client, mock.base_url, badge, calls)
    print(proxy_section(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
