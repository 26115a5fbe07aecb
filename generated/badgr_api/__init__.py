"""A client library for accessing Badgr / Canvas Credentials API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
