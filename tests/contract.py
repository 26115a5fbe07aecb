"""Check every response a client receives against openapi/credentials.yaml (or the spec of the
badgr-server profile, ``Tally(spec=...)``).

The wrapper's end-to-end tests send their traffic through these transports, so what SDK users
see is known to conform to the spec (schemathesis' response validation: status code, content
type, headers and body schema of the matched operation).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx
import schemathesis
from schemathesis.specs.openapi.schemas import OpenApiSchema

from badgr_mock.app import FAULT_HEADER
from tests.spec.spec_tools import SPEC_PATH

# Routes the mock serves beside the API (the UI host's authorize page) are not in the spec.
OUTSIDE_THE_SPEC = ("/auth/oauth2/authorize",)


@functools.cache
def _schema(spec: Path = SPEC_PATH) -> OpenApiSchema:
    return schemathesis.openapi.from_path(spec)


def validate_response(response: httpx.Response, spec: Path = SPEC_PATH) -> bool:
    """Raise if `response` breaks its operation's contract; False for a path outside the spec."""
    request = response.request
    if request.url.path.startswith(OUTSIDE_THE_SPEC) or FAULT_HEADER in response.headers:
        return False  # not API traffic: a UI page, or a fault the mock injected on purpose
    operation = _schema(spec).find_operation_by_path(request.method, request.url.path)
    if operation is None:
        raise AssertionError(f"{request.method} {request.url.path} matches no operation")
    try:
        response.elapsed  # noqa: B018  (set by clients; probe it for bare transports)
    except RuntimeError:
        response.elapsed = timedelta(0)
    operation.validate_response(response)
    return True


@dataclass
class Tally:
    """How many responses were checked, so a test can prove the checking really happened."""

    checked: int = 0
    failures: list[str] = field(default_factory=list)
    spec: Path = SPEC_PATH

    def check(self, response: httpx.Response) -> None:
        try:
            if validate_response(response, self.spec):
                self.checked += 1
        except Exception as error:  # record, then re-raise so the caller sees it too
            self.failures.append(f"{response.request.method} {response.request.url.path}: {error}")
            raise


class SpecCheckingTransport(httpx.BaseTransport):
    """Wraps a transport; every response is validated against the spec before the client sees it."""

    def __init__(self, inner: httpx.BaseTransport | None = None, tally: Tally | None = None):
        self.inner = inner or httpx.HTTPTransport()
        self.tally = tally or Tally()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        response.request = request
        self.tally.check(response)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncSpecCheckingTransport(httpx.AsyncBaseTransport):
    """The async twin of SpecCheckingTransport."""

    def __init__(self, inner: httpx.AsyncBaseTransport | None = None, tally: Tally | None = None):
        self.inner = inner or httpx.AsyncHTTPTransport()
        self.tally = tally or Tally()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        await response.aread()
        response.request = request
        self.tally.check(response)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
