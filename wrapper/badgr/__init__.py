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
from ._client import AsyncClient, Client
from ._config import REGIONS
from ._executor import Outcome
from ._pagination import AsyncPager, Page, SyncPager
from ._resources import encode_ref, recipient_input
from ._retry import RetryPolicy
from .verification import Verification, verify

__all__ = [
    "REGIONS",
    "AsyncClient",
    "AsyncPager",
    "AwardResult",
    "BadgrAuth",
    "Client",
    "Outcome",
    "Page",
    "RetryPolicy",
    "SyncPager",
    "Token",
    "Verification",
    "authorize_url",
    "encode_ref",
    "errors",
    "models",
    "recipient_input",
    "verify",
]
