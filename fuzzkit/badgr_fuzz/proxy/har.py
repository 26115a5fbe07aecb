"""Recorded traffic read back as exchanges: the proxy's own NDJSON, or a HAR file (HTTP
Archive 1.2, as browsers and HTTP clients export it)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from badgr_fuzz.proxy.exchange import Exchange, from_record
from badgr_mock.recorded import record_lines


def _headers(entries: list[dict[str, Any]]) -> dict[str, str]:
    return {str(h["name"]).lower(): str(h["value"]) for h in entries if "name" in h}


def _har_entry(entry: dict[str, Any]) -> Exchange:
    request, response = entry["request"], entry["response"]
    url = urlsplit(request["url"])
    posted = request.get("postData") or {}
    content = response.get("content") or {}
    text = str(content.get("text") or "")
    raw = base64.b64decode(text) if content.get("encoding") == "base64" else text.encode("utf-8")
    response_headers = _headers(response.get("headers") or [])
    if content.get("mimeType") and "content-type" not in response_headers:
        response_headers["content-type"] = str(content["mimeType"])
    request_headers = _headers(request.get("headers") or [])
    if posted.get("mimeType") and "content-type" not in request_headers:
        request_headers["content-type"] = str(posted["mimeType"])
    return Exchange(
        method=str(request["method"]).upper(),
        target=url.path + (f"?{url.query}" if url.query else ""),
        request_headers=request_headers,
        request_body=str(posted.get("text") or "").encode("utf-8"),
        status=int(response["status"]),
        response_headers=response_headers,
        response_body=raw,
    )


def read_traffic(path: Path) -> Iterator[Exchange]:
    """The exchanges of a HAR file or of the proxy's NDJSON (told apart by their content), or
    of the files of a folder `badgr proxy serve --record DIR` wrote (in their numbered order):
    read as the recorded mock reads them (`badgr_mock.recorded.record_lines`)."""
    for _, document in record_lines(path):
        if isinstance(document, dict) and "log" in document:
            for entry in document["log"].get("entries", []):
                if int((entry.get("response") or {}).get("status") or 0) > 0:  # 0: no answer
                    yield _har_entry(entry)
        else:
            yield from_record(document)
