"""Operation handlers, keyed by the spec's operationId."""

from __future__ import annotations

from ..context import Handler
from . import assertions, backpack, badgeclasses, badgr_server, issuers, people

HANDLERS: dict[str, Handler] = {
    **issuers.HANDLERS,
    **badgeclasses.HANDLERS,
    **assertions.HANDLERS,
    **backpack.HANDLERS,
    **people.HANDLERS,
    **badgr_server.HANDLERS,
}
