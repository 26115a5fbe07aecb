"""Exceptions raised by the SDK (see :mod:`badgr._errors` for the hierarchy)."""

from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadgrError,
    BadRequestError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BadgrError",
    "NotFoundError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
]
