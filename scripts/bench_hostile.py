"""``make bench``, hostile-server part: what a broken or hostile server costs a caller.

* memory: a child process (nothing else in it) makes one call to the gzip bomb and one to the
  endless body of :mod:`scripts.hostile_server`, and one to a small answer as the baseline;
  goal: its own peak RSS (``VmHWM``) under 100 MB;
* time: a body trickling in, a ``Retry-After`` of a day and a pause longer than the call's
  ``timeout`` (2 s); goal: each call ends within its timeout plus one second;
* endless pagination (the mock's ``next_links_to_itself`` and ``empty_pages_forever``
  defects): goal: the walk stops within 10 requests of the loop.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from functools import partial

import httpx

from badgr import Client, errors
from badgr_mock import create_app
from badgr_mock.testing import serve
from scripts.bench_seed import PASSWORD, USERNAME
from scripts.hostile_server import HITS, hostile

TIMEOUT = 2.0
RSS_GOAL_MB = 100.0
_CHILD = """
import json, sys
from badgr import Client, errors
url, path = sys.argv[1], sys.argv[2]
with Client(base_url=url, token="t") as client:
    try:
        client.request("GET", path)
        outcome = "read"
    except errors.BadgrError as error:
        outcome = type(error).__name__
# VmHWM: this process's own peak (ru_maxrss keeps the parent's across fork and exec)
status = open("/proc/self/status").read().split("VmHWM:")[1]
peak_mb = int(status.split()[0]) / 1024
print(json.dumps({"outcome": outcome, "rss_mb": peak_mb}))
"""


def _peak_rss(url: str, path: str) -> tuple[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, url, path], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    return str(result["outcome"]), float(result["rss_mb"])


def _seconds(call: Callable[[], object]) -> tuple[str, float]:
    start = time.perf_counter()
    try:
        call()
        outcome = "returned"
    except errors.BadgrError as error:
        outcome = type(error).__name__
    return outcome, time.perf_counter() - start


def _paused_call(url: str) -> tuple[str, float]:
    """One call waits out a 3 s ``Retry-After`` (pausing the client); another, with a 2 s
    timeout, is made during the pause."""
    HITS.clear()
    with Client(base_url=url, token="t", timeout=10) as client:
        waiting = threading.Thread(target=client.request, args=("GET", "/v2/pause"))
        waiting.start()
        while not client._executor.pause.remaining():
            waiting.join(0.01)
        result = _seconds(lambda: client.with_options(timeout=TIMEOUT).request("GET", "/v2/fine"))
        waiting.join()
    return result


def _pages_fetched(defect: str) -> tuple[str, float]:
    requests: list[httpx.Request] = []
    with (
        serve(create_app(defects=[defect])) as url,
        Client(
            base_url=url,
            username=USERNAME,
            password=PASSWORD,
            http_client=httpx.Client(event_hooks={"request": [requests.append]}),
        ) as client,
    ):
        for name in ("A", "B", "C"):
            client.issuers.create(name=name, email=USERNAME, url="https://a.example")
        requests.clear()
        outcome, _ = _seconds(lambda: client.issuers.list(page_size=2).to_list())
    return outcome, float(sum(r.url.path == "/v2/issuers" for r in requests))


def bench_hostile() -> dict[str, tuple[str, float]]:
    results: dict[str, tuple[str, float]] = {}
    with serve(hostile) as url:
        for path in ("/v2/fine", "/v2/bomb", "/v2/stacked", "/v2/endless"):
            results[f"rss {path}"] = _peak_rss(url, path)
        with Client(base_url=url, token="t", timeout=TIMEOUT) as client:
            for path in ("/v2/trickle", "/v2/day"):
                results[f"time {path}"] = _seconds(partial(client.request, "GET", path))
        results["time pause"] = _paused_call(url)
    for defect in ("next_links_to_itself", "empty_pages_forever"):
        results[f"pages {defect}"] = _pages_fetched(defect)
    return results


def _goal(ok: bool) -> str:
    return "meets goal" if ok else "**misses goal**"


def hostile_section(results: dict[str, tuple[str, float]]) -> str:
    rows = []
    baseline = results["rss /v2/fine"][1]
    for path, what in (
        ("/v2/bomb", "a gzip bomb (80 MiB of zeros in 80 KiB)"),
        ("/v2/stacked", "the bomb gzipped again (`Content-Encoding: gzip, gzip`)"),
        ("/v2/endless", "an endless body (256 MiB, chunked)"),
    ):
        outcome, rss = results[f"rss {path}"]
        rows.append(
            f"| {what} | {outcome} | peak RSS {rss:.0f} MB (a small answer: "
            f"{baseline:.0f} MB) | < {RSS_GOAL_MB:.0f} MB: {_goal(rss < RSS_GOAL_MB)} |"
        )
    for key, what in (
        ("time /v2/trickle", "a valid answer trickling in, a byte every 50 ms"),
        ("time /v2/day", "429 with `Retry-After: 86400`"),
        ("time pause", "a call made while the client is paused for 3 s"),
    ):
        outcome, seconds = results[key]
        rows.append(
            f"| {what}, `timeout={TIMEOUT:g}` | {outcome} | {seconds:.2f} s | "
            f"<= {TIMEOUT + 1:g} s: {_goal(seconds <= TIMEOUT + 1)} |"
        )
    for key, what in (
        ("pages next_links_to_itself", "a next link to the page itself"),
        ("pages empty_pages_forever", "empty pages that always link onward"),
    ):
        outcome, pages = results[key]
        rows.append(
            f"| {what} | {outcome} | {pages:.0f} page requests | <= 10: {_goal(pages <= 10)} |"
        )
    return (
        "\n## A hostile server\n\nWhat a broken or hostile server (`scripts/hostile_server.py`,"
        " and the mock's pagination defects) costs one caller with default settings. Memory is"
        " the peak RSS of a child process that makes the one call.\n\n"
        "| the server sends | the call | cost | goal |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )


if __name__ == "__main__":
    print(hostile_section(bench_hostile()))
