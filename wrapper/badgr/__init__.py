"""Typed sync + async client for the Badgr / Canvas Credentials v2 API.

>>> from badgr import Client
>>> client = Client(region="us", username="me@example.com", password="…")  # doctest: +SKIP
>>> client.users.me().first_name  # doctest: +SKIP

Entities are the generated attrs models of :mod:`badgr_api.models`.
"""

from badgr_api import models

from . import errors
from ._auth import BadgrAuth, Token, authorize_url
from ._bulk import AwardResult
from ._call import Outcome
from ._client import AsyncClient, Client
from ._config import REGIONS
from ._pagination import AsyncPager, Page, SyncPager
from ._resources import (
    AwardOptions,
    BadgeClassFields,
    ClaimCodeFields,
    PathwayFields,
    UserFields,
    encode_ref,
    recipient_input,
)
from ._retry import RetryPolicy
from .verification import Verification, verify

__all__ = [
    "REGIONS",
    "AsyncClient",
    "AsyncPager",
    "AwardOptions",
    "AwardResult",
    "BadgeClassFields",
    "BadgrAuth",
    "ClaimCodeFields",
    "Client",
    "Outcome",
    "Page",
    "PathwayFields",
    "RetryPolicy",
    "SyncPager",
    "Token",
    "UserFields",
    "Verification",
    "authorize_url",
    "encode_ref",
    "errors",
    "models",
    "recipient_input",
    "verify",
]
