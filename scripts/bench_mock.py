"""``make bench``, mock part: requests per second from the mock beside a bare Starlette
endpoint (same uvicorn settings, separate process) returning the very same bytes."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from badgr import Client
from badgr_mock.testing import free_port

#: interleaved blocks per endpoint and server; the figure is their median
ROUNDS = 3

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
    client: Client, base_url: str, issuer: str, badge: str, tmp: Path, seconds: float
) -> dict[str, float]:
    token = client.token
    assert token is not None
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/json"}
    issuer_url = f"{base_url}/v2/issuers/{issuer}"
    page_url = f"{base_url}/v2/badgeclasses/{badge}/assertions?num=100"
    issuer_body = httpx.get(issuer_url, headers=headers).content
    page_body = httpx.get(page_url, headers=headers).content
    rates: dict[str, list[float]] = {}
    with bare_server(issuer_body, page_body, tmp) as bare:
        urls = {
            "mock_issuer": issuer_url,
            "bare_issuer": bare + "/issuer",
            "mock_page": page_url,
            "bare_page": bare + "/page",
        }
        # short blocks, the two servers alternating: drift on the shared machine hits both alike
        for _ in range(ROUNDS):
            for name, url in urls.items():
                rates.setdefault(name, []).append(
                    requests_per_second(url, headers, seconds / ROUNDS)
                )
    figures = {name: statistics.median(values) for name, values in rates.items()}
    figures["issuer_ratio"] = figures["mock_issuer"] / figures["bare_issuer"]
    figures["page_ratio"] = figures["mock_page"] / figures["bare_page"]
    return figures
