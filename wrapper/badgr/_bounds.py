"""How much of an answer the SDK reads, and for how long: at most ``max_response_bytes``,
counted after decompression while the body streams in, so a hostile or broken server (a gzip
bomb, an endless body) cannot fill the caller's memory; and until a time (``read_until``), so
a body trickling in a byte at a time cannot hold a call past its ``timeout``.

Responses are sent with ``stream=True`` and read here; what :meth:`httpx.Response.read` would
have kept (``_content``) is set from the chunks, so the rest of ``httpx`` and the generated
parsers see an ordinary, fully read response. httpx is pinned ``<0.29``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator

import httpx
from httpx._decoders import ContentDecoder, MultiDecoder  # httpx pinned <0.29

from .errors import ResponseTooLargeError

__all__ = [
    "AUTH_RESPONSE_BYTES",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "aiter_decoded",
    "aread_bounded",
    "iter_decoded",
    "read_bounded",
]

#: the default of ``max_response_bytes``: far above any page of the API (500 assertions are
#: about 0.7 MB) or image (2 MB at most), far below what hurts a process
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024
#: compressed bytes decoded at a time: inflated, at most about a thousand times as many
#: (deflate's limit), so a gzip bomb is counted long before it fills memory
COMPRESSED_STEP = 1024
#: token answers and 401s, read by the auth flow: small by nature
AUTH_RESPONSE_BYTES = 1024 * 1024


def _refuse(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    request = response.request
    return ResponseTooLargeError(
        status_code=response.status_code,
        limit=limit,
        method=request.method,
        path=request.url.path,
    )


class _Reading:
    """The chunks of one body read so far, refused past ``limit`` bytes or ``until``."""

    def __init__(self, response: httpx.Response, limit: int, until: float | None) -> None:
        self.response, self.limit, self.until = response, limit, until
        self.chunks: list[bytes] = []
        self.size = 0
        declared = response.headers.get("content-length", "")
        # a compressed body's length says nothing of what it inflates to; a plain one's does
        plain = "content-encoding" not in response.headers
        if plain and declared.isdigit() and int(declared) > limit:
            raise _refuse(response, limit)

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _refuse(self.response, self.limit)
        if self.until is not None and time.monotonic() > self.until:
            raise httpx.ReadTimeout(
                "the answer was still arriving when the timeout ran out",
                request=self.response.request,
            )
        self.chunks.append(chunk)

    def keep(self) -> None:
        """What ``httpx.Response.read`` would have kept."""
        self.response._content = b"".join(self.chunks)


def _read_already(response: httpx.Response, limit: int) -> bool:
    if not hasattr(response, "_content"):
        return False
    if len(response.content) > limit:
        raise _refuse(response, limit)
    return True


def _layers(response: httpx.Response) -> list[ContentDecoder]:
    """The decoders of the body's encodings, in decoding order (httpx pinned <0.29)."""
    decoder = response._get_content_decoder()
    return list(decoder.children) if isinstance(decoder, MultiDecoder) else [decoder]


def _through(layers: list[ContentDecoder], data: bytes) -> Iterator[bytes]:
    """``data`` decoded by every layer, each fed ``COMPRESSED_STEP`` bytes at a time: a bomb
    in a bomb (``Content-Encoding: gzip, gzip``) inflates a thousandfold per step, not a
    millionfold."""
    if not layers:
        if data:
            yield data
        return
    first, rest = layers[0], layers[1:]
    for start in range(0, len(data), COMPRESSED_STEP):
        yield from _through(rest, first.decode(data[start : start + COMPRESSED_STEP]))


def _flushed(layers: list[ContentDecoder]) -> Iterator[bytes]:
    for index, layer in enumerate(layers):
        yield from _through(layers[index + 1 :], layer.flush())


def iter_decoded(response: httpx.Response) -> Iterator[bytes]:
    """The body of a response sent with ``stream=True``, decoded 1 KiB of compressed input at
    a time, so a reader counting what it keeps stops a gzip bomb early (``iter_bytes`` decodes
    each network read whole: 64 KiB of a bomb is 64 MB at once). The SDK reads with it."""
    if "content-encoding" not in response.headers:
        yield from response.iter_bytes()
        return
    layers = _layers(response)
    for raw in response.iter_raw(COMPRESSED_STEP):
        yield from _through(layers, raw)
    yield from _flushed(layers)


async def aiter_decoded(response: httpx.Response) -> AsyncIterator[bytes]:
    """:func:`iter_decoded` of an async response."""
    if "content-encoding" not in response.headers:
        async for chunk in response.aiter_bytes():
            yield chunk
        return
    layers = _layers(response)
    async for raw in response.aiter_raw(COMPRESSED_STEP):
        for chunk in _through(layers, raw):
            yield chunk
    for chunk in _flushed(layers):
        yield chunk


def read_bounded(response: httpx.Response, limit: int, until: float | None = None) -> None:
    """Read ``response`` (a streamed one) whole, or raise once it passes ``limit`` bytes
    (:class:`ResponseTooLargeError`) or the clock passes ``until`` (``time.monotonic()``;
    ``httpx.ReadTimeout``)."""
    if _read_already(response, limit):
        return
    try:
        reading = _Reading(response, limit, until)
        for chunk in iter_decoded(response):
            reading.add(chunk)
    finally:
        response.close()
    reading.keep()


async def aread_bounded(response: httpx.Response, limit: int, until: float | None = None) -> None:
    """:func:`read_bounded` for an async response."""
    if _read_already(response, limit):
        return
    try:
        reading = _Reading(response, limit, until)
        async for chunk in aiter_decoded(response):
            reading.add(chunk)
    finally:
        await response.aclose()
    reading.keep()
