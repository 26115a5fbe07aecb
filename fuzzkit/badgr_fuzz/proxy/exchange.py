"""One exchange (a request and its answer) as the proxy saw it, and as one NDJSON record.

What is written never holds a credential: the headers that carry them (`Authorization`,
`Cookie`, `Set-Cookie`, ...: `badgr.CREDENTIAL_HEADERS`) are written as `[REDACTED]`, and the
target and both bodies go through the SDK's one redactor, `badgr.redact` (tokens, passwords,
client secrets); e-mail addresses too when asked (`redact_emails`), replaced by an address that
still passes `format: email`, so a record checks as its exchange did.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from badgr import CREDENTIAL_HEADERS, redact

REDACTED = "[REDACTED]"
#: What an e-mail address becomes with `redact_emails`: still a valid address.
EMAIL_STANDIN = "redacted@example.com"
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
#: Headers that describe the connection, not the message: never forwarded nor recorded.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
        "content-encoding",
        "host",
    }
)


@dataclass
class Exchange:
    """A request and its answer, as sent (headers lower-cased, bodies decoded)."""

    method: str
    #: path and query, as the client sent them
    target: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    response_headers: dict[str, str]
    response_body: bytes
    #: why the exchange could not be judged in full ("" when it could)
    note: str = ""
    #: the client went away before it had the whole answer: the answer is not judged
    client_gone: bool = False
    #: the whole answer reached the client (the proxy's own bookkeeping; not recorded)
    relayed: bool = False
    #: the upstream's origins the proxy rewrote in the answer (the URL it forwards to, and the
    #: public URL the upstream writes into its links): the recorded mock rewrites the same
    upstream: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        """The path as sent (percent-encoded)."""
        return self.target.split("?", 1)[0]

    @property
    def routed_path(self) -> str:
        """The path as a server routes it: percent-decoded."""
        return unquote(self.path)

    @property
    def query(self) -> str:
        return self.target.partition("?")[2]


_CREDENTIAL_PARTS = re.compile(r"[\s;,=]+")


class _Scrubber:
    """What is written of one exchange: the credentials its own headers carry (a bearer token,
    a cookie's value) wherever they appear, then `badgr.redact`, then e-mail addresses when
    asked. Verdict messages go through it too: a schema error quotes the value it refused."""

    def __init__(self, exchange: Exchange, emails: bool) -> None:
        self.emails = emails
        carried = [
            value
            for headers in (exchange.request_headers, exchange.response_headers)
            for name, value in headers.items()
            if name.lower() in CREDENTIAL_HEADERS
        ]
        parts = {p for value in carried for p in _CREDENTIAL_PARTS.split(value) if len(p) >= 8}
        self.secrets = sorted(parts, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        text = redact(text)
        return _EMAIL.sub(EMAIL_STANDIN, text) if self.emails else text

    def body(self, raw: bytes) -> tuple[str, bool]:
        """A body as text (scrubbed) and whether it had to be base64 (not UTF-8)."""
        try:
            return self(raw.decode("utf-8")), False
        except UnicodeDecodeError:
            return base64.b64encode(raw).decode("ascii"), True

    def headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        return {
            name.lower(): REDACTED if name.lower() in CREDENTIAL_HEADERS else self(value)
            for name, value in headers.items()
            if name.lower() not in HOP_BY_HOP or name.lower() in CREDENTIAL_HEADERS
        }

    def message(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        text, is_base64 = self.body(body)
        return {
            "headers": self.headers(headers),
            "body": text if body else None,
            **({"base64": True} if is_base64 else {}),
        }

    def verdict(self, verdict: dict[str, Any]) -> dict[str, Any]:
        problems = [{**p, "message": self(str(p["message"]))} for p in verdict["problems"]]
        return {**verdict, "problems": problems, "sdk": self(str(verdict["sdk"]))}


def to_record(
    exchange: Exchange, verdict: dict[str, Any], *, redact_emails: bool = False
) -> dict[str, Any]:
    """The NDJSON record: the verdict, then the redacted exchange (enough to judge it again)."""
    scrub = _Scrubber(exchange, redact_emails)
    record: dict[str, Any] = {
        **scrub.verdict(verdict),
        "method": exchange.method,
        "target": scrub(exchange.target),
        "status": exchange.status,
        "request": scrub.message(exchange.request_headers, exchange.request_body),
        "response": scrub.message(exchange.response_headers, exchange.response_body),
    }
    if exchange.note:
        record["note"] = exchange.note
    if exchange.client_gone:
        record["client_gone"] = True
    if exchange.upstream:
        record["upstream"] = [_without_userinfo(url) for url in exchange.upstream]
    return record


def _without_userinfo(url: str) -> str:
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def _body(message: Mapping[str, Any]) -> bytes:
    body = message.get("body")
    if body is None:
        return b""
    if message.get("base64"):
        return base64.b64decode(str(body))
    return str(body).encode("utf-8")


def from_record(record: Mapping[str, Any]) -> Exchange:
    """An exchange back from its record (credentials stay redacted)."""
    request = record.get("request") or {}
    response = record.get("response") or {}
    return Exchange(
        method=str(record["method"]).upper(),
        target=str(record["target"]),
        request_headers=dict(request.get("headers") or {}),
        request_body=_body(request),
        status=int(record["status"]),
        response_headers=dict(response.get("headers") or {}),
        response_body=_body(response),
        note=str(record.get("note", "")),
        client_gone=bool(record.get("client_gone", False)),
        upstream=tuple(str(url) for url in record.get("upstream") or ()),
    )
