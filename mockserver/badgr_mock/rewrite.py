"""Absolute URLs that point at an upstream server, rewritten to another origin: `badgr proxy`
turns the upstream's URLs into its own, and the mock's recorded answers (``--recorded``) the
recorded server's into the mock's.

Only a URL that starts with one of the upstream's origins (the URL the proxy forwards to, and
the public URL the upstream writes into its links when that differs) followed by the end of the
URL's origin (`/`, `?`, `#`, a quote, a space, `>` or the end) is changed, in the `Link`,
`Location` and `Content-Location` headers and in JSON bodies; everything else passes byte for
byte. A body is rewritten as it streams: a URL cut between two chunks is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

REWRITTEN_HEADERS = frozenset({"link", "location", "content-location"})
_JSON = re.compile(r"^application/([a-z0-9.+-]+\+)?json\b", re.IGNORECASE)
_END = r"(?=[/?#\"'\s>\\,;]|$)"


def _origin(url: str) -> str:
    return url.rstrip("/")


def rewrites_body(content_type: str) -> bool:
    """Whether a body of this type is rewritten: JSON (``application/json``, ``…+json``)."""
    return bool(_JSON.match(content_type))


class Rewriter:
    """Turns the upstream's URLs (any of `upstream_urls`) into `proxy_url` (the new origin)."""

    def __init__(self, upstream_urls: Iterable[str], proxy_url: str) -> None:
        origins = sorted({_origin(u) for u in upstream_urls if u}, key=len, reverse=True)
        if not origins:  # an empty alternation would match everywhere
            raise ValueError("no upstream URL to rewrite")
        alternatives = "|".join(re.escape(o) for o in origins)
        self._text = re.compile(f"(?:{alternatives}){_END}", re.IGNORECASE)
        # bodies are searched lower-cased (same length: ASCII only), which is several times
        # faster than an IGNORECASE search
        lowered = "|".join(re.escape(o.lower()) for o in origins)
        self._bytes = re.compile(f"(?:{lowered}){_END}".encode())
        self.proxy_url = _origin(proxy_url)
        #: bytes held back between chunks: a URL may start in them
        self.keep = max(len(o) for o in origins) + 1

    def header(self, value: str) -> str:
        return self._text.sub(lambda _: self.proxy_url, value)

    def stream(self) -> BodyRewriter:
        return BodyRewriter(self._bytes, self.proxy_url.encode(), self.keep)

    def body(self, content: bytes) -> bytes:
        """A whole body rewritten at once."""
        stream = self.stream()
        return stream.feed(content) + stream.flush()


class BodyRewriter:
    """One body's rewriting, fed chunk by chunk; `flush` gives what was held back."""

    def __init__(self, pattern: re.Pattern[bytes], replacement: bytes, keep: int) -> None:
        self._pattern = pattern
        self._replacement = replacement
        self._keep = keep
        self._tail = b""

    def _rewrite(self, data: bytes, cut: int) -> bytes:
        out: list[bytes] = []
        position = 0
        for match in self._pattern.finditer(data.lower()):
            if match.start() >= cut:
                break
            out += [data[position : match.start()], self._replacement]
            position = match.end()
        boundary = max(cut, position)
        out.append(data[position:boundary])
        self._tail = data[boundary:]
        return b"".join(out)

    def feed(self, chunk: bytes) -> bytes:
        data = self._tail + chunk
        return self._rewrite(data, max(0, len(data) - self._keep))

    def flush(self) -> bytes:
        return self._rewrite(self._tail, len(self._tail))
