"""Typed sync + async client for the Badgr / Canvas Credentials v2 API.

>>> from badgr import Client
>>> client = Client(region="us", username="me@example.com", password="…")  # doctest: +SKIP
>>> client.users.me().first_name  # doctest: +SKIP

Entities are the generated attrs models of :mod:`badgr_api.models`. The namespaces, their field
sets, ``models``, ``award_many``'s results and ``verify`` load on first use, so ``import badgr``
stays close to ``import httpx`` (``make bench`` measures it).
"""

from typing import TYPE_CHECKING, Any

from . import errors
from ._auth import BadgrAuth, Token, authorize_url
from ._bounds import aiter_decoded, iter_decoded
from ._call import Outcome
from ._client import AsyncClient, Client
from ._config import REGIONS
from ._logging import CREDENTIAL_HEADERS, redact
from ._pagination import AsyncPager, Page, SyncPager
from ._profiles import Server
from ._response import RawResponse
from ._retry import RetryPolicy
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadgrError,
    BadRequestError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    UnsupportedOperationError,
)

if TYPE_CHECKING:
    from badgr_api import models

    from ._jobs.award_many import AwardResult
    from ._jobs.revoke import RevokeResult
    from ._resources import (
        AwardOptions,
        BadgeClassFields,
        ClaimCodeFields,
        PathwayFields,
        UserFields,
        encode_ref,
        plaintext_identity,
        recipient_input,
    )
    from .verification import Verification, verify

_LAZY = {
    "models": "badgr_api.models",
    "AwardOptions": "badgr._resources",
    "BadgeClassFields": "badgr._resources",
    "ClaimCodeFields": "badgr._resources",
    "PathwayFields": "badgr._resources",
    "UserFields": "badgr._resources",
    "encode_ref": "badgr._resources",
    "plaintext_identity": "badgr._resources",
    "recipient_input": "badgr._resources",
    "RevokeResult": "badgr._jobs.revoke",
    "AwardResult": "badgr._jobs.award_many",
    "Verification": "badgr.verification",
    "verify": "badgr.verification",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "__version__":  # read on first use: importlib.metadata is slow to import
        from importlib.metadata import version

        return version("badgr-credentials")
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'badgr' has no attribute {name!r}")
    module = importlib.import_module(where)
    value = module if name == "models" else getattr(module, name)
    globals()[name] = value
    return value


__all__ = [
    "CREDENTIAL_HEADERS",
    "REGIONS",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncPager",
    "AuthenticationError",
    "AwardOptions",
    "AwardResult",
    "BadRequestError",
    "BadgeClassFields",
    "BadgrAuth",
    "BadgrError",
    "ClaimCodeFields",
    "Client",
    "NotFoundError",
    "Outcome",
    "Page",
    "PathwayFields",
    "PayloadTooLargeError",
    "RateLimitError",
    "RawResponse",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "RevokeResult",
    "Server",
    "ServerError",
    "SyncPager",
    "Token",
    "UnsupportedOperationError",
    "UserFields",
    "Verification",
    "aiter_decoded",
    "authorize_url",
    "encode_ref",
    "errors",
    "iter_decoded",
    "models",
    "plaintext_identity",
    "recipient_input",
    "redact",
    "verify",
]
