"""Whether the SDK would have read an answer: its generated models (`badgr_api`) parse it.

The one module of the fuzz kit that imports the generated client (ARCHITECTURE.md): a proxy
record says, next to what the API description says of an answer, whether the SDK's own decoding
(each operation's `_parse_response`, as the SDK's executor calls it) would have failed on it.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

import httpx

import badgr_api.api
from badgr_api.client import Client

_CLIENT = Client(base_url="http://badgr-proxy.invalid", raise_on_unexpected_status=False)


@functools.cache
def _modules() -> dict[str, str]:
    """operationId -> its generated module's name."""
    prefix = f"{badgr_api.api.__name__}."
    return {
        info.name.rsplit(".", 1)[1]: info.name
        for info in pkgutil.walk_packages(badgr_api.api.__path__, prefix)
        if not info.ispkg
    }


def sdk_check(operation_id: str, status: int, body: bytes) -> str | None:
    """Why the SDK's models cannot read this answer (None: they can). KeyError: the SDK has no
    such operation (an operation of the other kind of server's description)."""
    module = importlib.import_module(_modules()[operation_id])
    response = httpx.Response(status, content=body)
    try:
        module._parse_response(client=_CLIENT, response=response)
    except Exception as error:  # whatever the models raise is what the caller would have met
        return f"{type(error).__name__}: {str(error)[:200]}"
    return None
