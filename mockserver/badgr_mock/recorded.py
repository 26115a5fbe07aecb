"""Recorded answers (``--recorded DIR``, ``create_app(recorded=…)``): what `badgr proxy serve
--record DIR` kept, served for the operations those records cover; every other operation (the
token endpoints always) stays the stateful mock's.

A request is authenticated and validated as always, so a client that works here sends valid
requests; then, instead of the handler, the best-matching record answers: same exact target
(path and query), else same path, else same operation. Records that match equally are served in
recorded order, one per request, the last one repeated. The recorded server's URLs (its origins:
those each record names, ``upstream``; for a record without, the absolute URLs naming a path of
the API) become the mock's own, as the proxy rewrites them (``badgr_mock.rewrite``). Like a
defect, the answer leaves as an exception (``ServedRecording``): past strict mode, its
transaction rolled back.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from .context import Context, Handler, Reply
from .envelope import ErrorReply
from .requests import parse_body, parse_parameters
from .rewrite import REWRITTEN_HEADERS, Rewriter, rewrites_body
from .spec import Operation, SpecIndex

__all__ = [
    "RecordingError",
    "Recordings",
    "ServedRecording",
    "load_recordings",
    "record_lines",
    "send_recorded",
]

logger = logging.getLogger("badgr_mock")

#: The recorded response headers that are served: those describing the content or telling the
#: client what to do next; never connection ones, lengths, encodings, cookies or credentials.
SERVED_HEADERS = frozenset(
    {
        "content-type",
        "content-language",
        "content-location",
        "content-disposition",
        "link",
        "location",
        "retry-after",
        "allow",
        "www-authenticate",
        "cache-control",
        "etag",
        "last-modified",
        "expires",
        "vary",
        "x-request-id",
    }
)
_URL = re.compile(r"https?://[^\s<>\"'\\,;]+", re.IGNORECASE)
_UNSAFE_VALUE = re.compile(r"[\r\n\x00]")
_NUMBER = re.compile(r"\d+")
Query = tuple[tuple[str, str], ...]


class RecordingError(ValueError):
    """Recordings that cannot be served: one line naming the file, never its content."""


@dataclass(frozen=True)
class Recorded:
    """One recorded answer the mock can serve."""

    #: the file (and line) it came from
    source: str
    operation_id: str
    path: str
    #: the query's pairs, sorted: their order does not matter
    query: Query
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


class ServedRecording(Exception):
    """A recorded answer, sent as it is."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


async def send_recorded(request: Request, exc: Exception) -> Response:
    """Starlette exception handler for ``ServedRecording``."""
    assert isinstance(exc, ServedRecording)
    return exc.response


def _keys(operation_id: str, path: str, query: Query) -> tuple[tuple[object, ...], ...]:
    """The match keys of a request or record, best first."""
    return (("target", operation_id, path, query), ("path", operation_id, path), (operation_id,))


class Recordings:
    """The answers of one recording, and which of them each request gets."""

    def __init__(self, answers: list[Recorded], origins: Iterable[str], source: str) -> None:
        self.answers = answers
        #: the recorded server's URLs, rewritten to the mock's
        self.origins = tuple(sorted(set(origins)))
        self.source = source
        #: the operationIds answered from the recording
        self.covered = frozenset(answer.operation_id for answer in answers)
        self._candidates: dict[tuple[object, ...], list[Recorded]] = {}
        for answer in answers:
            for key in _keys(answer.operation_id, answer.path, answer.query):
                self._candidates.setdefault(key, []).append(answer)
        self._served: Counter[tuple[object, ...]] = Counter()
        self._lock = threading.Lock()

    def plant(self, handlers: Mapping[str, Handler]) -> dict[str, Handler]:
        """The handler table with each covered operation answered from the recording."""
        return {
            operation_id: self._answer if operation_id in self.covered else handler
            for operation_id, handler in handlers.items()
        }

    def choose(
        self, operation_id: str, path: str, query_items: Iterable[tuple[str, str]]
    ) -> Recorded:
        """The record that answers this request (and the turn taken: the next equal match gets
        the next record)."""
        for key in _keys(operation_id, path, tuple(sorted(query_items))):
            candidates = self._candidates.get(key)
            if candidates:
                with self._lock:
                    turn = self._served[key]
                    self._served[key] += 1
                return candidates[min(turn, len(candidates) - 1)]
        raise LookupError(f"no recorded answer for {operation_id}")

    def _answer(self, ctx: Context) -> Reply:
        recorded = self.choose(ctx.operation.operation_id, ctx.path, ctx.query_items)
        raise ServedRecording(self.response(recorded, ctx.base_url))

    def response(self, recorded: Recorded, base_url: str) -> Response:
        """The recorded answer, the recorded server's URLs made the mock's (``base_url``)."""
        rewriter = Rewriter(self.origins, base_url) if self.origins else None
        headers = {
            name: rewriter.header(value) if rewriter and name in REWRITTEN_HEADERS else value
            for name, value in recorded.headers
        }
        body = recorded.body
        if rewriter is not None and rewrites_body(headers.get("content-type", "")):
            body = rewriter.body(body)
        return Response(body, status_code=recorded.status, headers=headers)


# ---- loading ------------------------------------------------------------------------------


def _recorded_order(path: Path) -> tuple[int, str]:
    number = _NUMBER.match(path.name)  # 1000000 comes after 999999, past six digits too
    return (int(number.group()) if number else -1, path.name)


def _record_files(where: Path) -> list[Path]:
    if where.is_dir():
        files = sorted(where.glob("*.json"), key=_recorded_order)
        if not files:
            raise RecordingError(
                f"{where}: no records in it (the *.json files `badgr proxy serve --record` writes)"
            )
        return files
    if where.is_file():
        return [where]
    raise RecordingError(f"{where}: no such folder or file")


def record_lines(where: Path) -> Iterator[tuple[str, Any]]:
    """(where it came from, the decoded JSON) of each record: a folder's ``*.json`` files in
    their numbered order, or a file of one record or of NDJSON (the proxy's ``--log``)."""
    for path in _record_files(where):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise RecordingError(f"{path.name}: cannot be read ({type(error).__name__})") from None
        try:
            yield path.name, json.loads(text)  # one record, however it is laid out
            continue
        except ValueError:
            pass
        # split on newlines only: a record may hold U+2028, which splitlines() cuts at
        lines = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
        for number, line in lines:
            label = path.name if len(lines) == 1 else f"{path.name} line {number}"
            try:
                yield label, json.loads(line)
            except ValueError as error:
                why = getattr(error, "msg", type(error).__name__)  # never the text itself
                raise RecordingError(f"{label}: not JSON ({why})") from None


def load_recordings(source: str | Path, spec: SpecIndex) -> Recordings:
    """The servable answers of a folder `badgr proxy serve --record DIR` wrote (its ``*.json``
    files in their order) or of the proxy's NDJSON log. ``RecordingError`` (one line naming the
    file, never its content) when there is nothing to serve or a record is malformed; a record
    the mock cannot serve is a warning naming its file, and skipped."""
    where = Path(source)
    answers: list[Recorded] = []
    origins: set[str] = set()
    count = 0
    for label, record in record_lines(where):
        count += 1
        answer = _servable(label, record, spec)
        if answer is not None:
            answers.append(answer)
            named = _upstream_named(record)  # written by the proxy that recorded it
            origins |= named if named else _origins_named(answer, spec)
    if not answers:
        raise RecordingError(
            f"{where}: none of its {count} records is an answer the mock can serve "
            "(see the warnings above)"
        )
    return Recordings(answers, origins, str(where))


def _field(label: str, record: Mapping[str, Any], name: str, kind: type) -> Any:
    value = record.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RecordingError(f"{label}: not a record of `badgr proxy` ({name!r} is missing or bad)")
    return value


def _response(label: str, record: Mapping[str, Any]) -> tuple[dict[str, str], bytes]:
    """The recorded answer's served headers and its body."""
    response = _field(label, record, "response", dict)
    headers = response.get("headers") or {}
    body = response.get("body")
    if not isinstance(headers, dict) or not (body is None or isinstance(body, str)):
        raise RecordingError(f"{label}: not a record of `badgr proxy` (its response is bad)")
    served: dict[str, str] = {}
    for name, value in headers.items():
        if str(name).lower() not in SERVED_HEADERS:
            continue
        if not isinstance(value, str) or _UNSAFE_VALUE.search(value) or not _latin1(value):
            raise RecordingError(f"{label}: the recorded {name} header cannot be sent")
        served[str(name).lower()] = value
    if body is None:
        return served, b""
    if not response.get("base64"):
        return served, body.encode("utf-8")
    try:
        return served, base64.b64decode(body, validate=True)
    except binascii.Error:
        raise RecordingError(f"{label}: its response body is not base64") from None


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")  # what a header value goes out as
    except UnicodeEncodeError:
        return False
    return True


def _servable(label: str, record: Mapping[str, Any], spec: SpecIndex) -> Recorded | None:
    """The record as an answer to serve, or None (a warning says why)."""
    if not isinstance(record, Mapping):
        raise RecordingError(f"{label}: not a record of `badgr proxy` (not a JSON object)")
    method = _field(label, record, "method", str).upper()
    target = _field(label, record, "target", str)
    status = _field(label, record, "status", int)
    if not target.startswith("/") or not 100 <= status <= 599:
        raise RecordingError(f"{label}: not a record of `badgr proxy` (bad target or status)")
    headers, body = _response(label, record)
    raw_path, _, query = target.partition("?")
    path = unquote(raw_path)  # recorded as sent; routed (and matched) decoded, as requests are
    found = None if method == "HEAD" else spec.find(method, path)
    why = _not_served(record, method, found, status)
    if why is None and found is not None:
        why = _refused(found[0], found[1], query, record)
    if why is not None or found is None:
        # every recording logs in: that skip is routine, the others are worth a look
        routine = found is not None and found[0].error_schema_is_oauth
        logger.log(
            logging.INFO if routine else logging.WARNING,
            "%s: %s %s %s; not served",
            label,
            method,
            path,
            why,
        )
        return None
    return Recorded(
        source=label,
        operation_id=found[0].operation_id,
        path=path,
        query=tuple(sorted(parse_qsl(query, keep_blank_values=True))),
        status=status,
        headers=tuple(headers.items()),
        body=body,
    )


def _not_served(
    record: Mapping[str, Any],
    method: str,
    found: tuple[Operation, dict[str, str]] | None,
    status: int,
) -> str | None:
    """Why a well-formed record is never served (None: it may be)."""
    if record.get("note"):
        return "got no whole answer through the proxy"
    if method == "HEAD":
        return "has no body (a HEAD gets the recorded GET answers)"
    if found is None:
        return "is no operation of the API description the mock serves"
    operation = found[0]
    if operation.error_schema_is_oauth:
        return "is a token endpoint: recorded credentials are redacted, logins are the mock's own"
    credentials = any(str(name).lower() == "authorization" for name in _request_of(record)[1])
    if operation.security and (status == 401 or not credentials):
        return "answered the recorded credentials (or their absence), which the mock judges itself"
    return None


def _request_of(record: Mapping[str, Any]) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """The recorded request and its headers (empty when the record lacks them)."""
    request = record.get("request")
    if not isinstance(request, Mapping):
        return {}, {}
    headers = request.get("headers")
    return request, headers if isinstance(headers, Mapping) else {}


def _refused(
    operation: Operation, path_params: dict[str, str], query: str, record: Mapping[str, Any]
) -> str | None:
    """Why the mock would refuse the recorded request itself (None: it accepts it)."""
    request, sent = _request_of(record)
    raw = request.get("body")
    try:
        parse_parameters(operation, path_params, parse_qsl(query, keep_blank_values=True))
        body = b"" if raw is None else str(raw).encode("utf-8")
        if request.get("base64"):
            body = base64.b64decode(body, validate=True)
        parse_body(operation, sent.get("content-type"), body)
    except HTTPException:
        return "is no operation of the API description the mock serves"
    except ErrorReply as refusal:
        return f"was refused by the mock's own validation ({refusal.status})"
    except (binascii.Error, ValueError):
        return "has a request body that cannot be read"
    return None


def _upstream_named(record: Mapping[str, Any]) -> set[str]:
    """The origins the recording proxy rewrote (its record's ``upstream``), when it says."""
    named = record.get("upstream")
    if not isinstance(named, list):
        return set()
    return {
        url.rstrip("/")
        for url in named
        if isinstance(url, str) and urlsplit(url).scheme in ("http", "https")
    }


def _origins_named(answer: Recorded, spec: SpecIndex) -> set[str]:
    """The origins of the absolute URLs in the answer (rewritten headers, JSON body) whose
    path, after the origin and any prefix, is a path of the API: the recorded server's own."""
    texts = [value for name, value in answer.headers if name in REWRITTEN_HEADERS]
    if rewrites_body(dict(answer.headers).get("content-type", "")):
        texts.append(answer.body.decode("utf-8", "replace"))
    return {origin for text in texts for origin in _api_origins(text, spec)}


def _api_origins(text: str, spec: SpecIndex) -> Iterator[str]:
    for url in _URL.findall(text):
        parts = urlsplit(url)
        if not parts.hostname or "@" in parts.netloc:  # never learn an origin with credentials
            continue
        segments = parts.path.split("/")
        for cut in range(1, len(segments)):
            if spec.match("/" + "/".join(segments[cut:])) is not None:
                yield f"{parts.scheme}://{parts.netloc}" + "/".join(segments[:cut])
                break
