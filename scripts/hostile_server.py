"""A hostile (or broken) HTTP server, a few lines of ASGI: it does what no Credentials server
should (a gzip bomb, an endless body, a false ``Content-Length``, a body trickling in, a
``Retry-After`` of a day). The SDK's tests (``tests/wrapper/test_hostile_server.py``) and
``make bench`` (``scripts/bench_hostile.py``) point clients at it."""

from __future__ import annotations

import asyncio
import json
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

MiB = 1024 * 1024
Send = Callable[[dict[str, Any]], Awaitable[None]]
#: chunks of 64 KiB of the endless body: 256 MiB, four times the default ``max_response_bytes``
#: (the client hangs up long before; a send after that is a no-op in uvicorn)
ENDLESS_CHUNKS = 4096


def _gzip_bomb(inflated: int) -> bytes:
    """``inflated`` bytes of zeros, gzip-compressed (about a thousandth of the size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header
    block = bytes(MiB)
    return b"".join(packer.compress(block) for _ in range(inflated // MiB)) + packer.flush()


BOMB = _gzip_bomb(80 * MiB)
#: the bomb gzipped again, sent as ``Content-Encoding: gzip, gzip``
STACKED_BOMB = zlib.compress(BOMB, 9, 31)
#: an honest compressed answer: ``{"status": …, "result": [{"n": 0}, … {"n": 9999}]}``
GZIPPED_RESULT = [{"n": n} for n in range(10_000)]
GZIPPED = zlib.compress(
    json.dumps({"status": {"success": True}, "result": GZIPPED_RESULT}).encode(), 6, 31
)
#: requests each path received
HITS: Counter[str] = Counter()
#: bytes of the trickling body, one every ``TRICKLE_GAP`` seconds: 6 s in all
TRICKLE = b'{"status": {"success": true}, "result": []}' + b" " * 76
TRICKLE_GAP = 0.05


async def _trickle(send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": _JSON})
    for byte in TRICKLE:
        await send({"type": "http.response.body", "body": bytes([byte]), "more_body": True})
        await asyncio.sleep(TRICKLE_GAP)
    await send({"type": "http.response.body", "body": b""})


async def _too_many(send: Send, retry_after: str) -> None:
    headers = [*_JSON, (b"retry-after", retry_after.encode())]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    body = b'{"status": {"success": false, "description": "slow down"}}'
    await send({"type": "http.response.body", "body": body})


_JSON = [(b"content-type", b"application/json")]


async def hostile(scope: dict[str, Any], receive: Any, send: Send) -> None:
    """``/bomb``: 80 MiB of zeros in an 80 KiB gzip body; ``/endless``: a chunked body that
    never ends; ``/liar``: a ``Content-Length`` of 10 GiB; ``/gzipped``: an honest gzip
    answer; ``/trickle``: a valid answer, a byte at a time; ``/day``: 429, come back in a day;
    ``/pause``: 429 for 3 s, then fine; ``/stacked``: the bomb gzipped twice."""
    assert scope["type"] == "http"
    path = scope["path"]
    HITS[path] += 1
    headers = list(_JSON)
    if path == "/v2/trickle":
        await _trickle(send)
    elif path == "/v2/day":
        await _too_many(send, "86400")
    elif path == "/v2/pause" and HITS[path] == 1:
        await _too_many(send, "3")
    elif path in ("/v2/pause", "/v2/fine"):
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b'{"status": {"success": true}}'})
    elif path in ("/v2/bomb", "/v2/gzipped", "/v2/stacked"):
        body = {"/v2/bomb": BOMB, "/v2/gzipped": GZIPPED}.get(path, STACKED_BOMB)
        encoding = b"gzip, gzip" if path == "/v2/stacked" else b"gzip"
        headers += [(b"content-encoding", encoding), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
    elif path == "/v2/endless":  # endless for the client: it hangs up long before the end
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for _ in range(ENDLESS_CHUNKS):
            await send({"type": "http.response.body", "body": bytes(64 * 1024), "more_body": True})
            await asyncio.sleep(0)
        await send({"type": "http.response.body", "body": b""})
    else:
        headers += [(b"content-length", str(10 * 1024 * MiB).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"{}"})  # the server cuts it short
