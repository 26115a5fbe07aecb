"""Regions, defaults and environment variables (read when a client is built, never at import)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "DEFAULT_SCOPE",
    "DEFAULT_TIMEOUT",
    "REGIONS",
    "ClientConfig",
    "authorize_page",
    "resolve_config",
]

#: The API hosts of the spec's ``servers`` list, by short region name.
REGIONS: dict[str, str] = {
    "us": "https://api.badgr.io",
    "eu": "https://api.eu.badgr.io",
    "au": "https://api.au.badgr.io",
    "ca": "https://api.ca.badgr.io",
    "sg": "https://api.sg.badgr.io",
    "demo": "https://api.demo.badgr.com",
    "test": "https://api.test.badgr.com",
}
#: The authorize page lives on the UI host, not the API host; documented for these API hosts.
#: Any other host (a local mock, a self-hosted server) is assumed to serve it itself.
AUTHORIZE_PAGES: dict[str, str] = {
    REGIONS["us"]: "https://badgr.com/auth/oauth2/authorize",
    REGIONS["test"]: "https://test.badges.parchment.com/auth/oauth2/authorize",
}
AUTHORIZE_PATH = "/auth/oauth2/authorize"
DEFAULT_REGION = "us"
DEFAULT_TIMEOUT = 30.0
DEFAULT_CLIENT_ID = "public"
#: What the public client may ask for; the server falls back to the same set.
DEFAULT_SCOPE = "rw:profile rw:issuer rw:backpack"

ENV_BASE_URL = "BADGR_BASE_URL"
ENV_REGION = "BADGR_REGION"
ENV_TOKEN = "BADGR_TOKEN"
ENV_USERNAME = "BADGR_USERNAME"
ENV_PASSWORD = "BADGR_PASSWORD"
ENV_CLIENT_ID = "BADGR_CLIENT_ID"


@dataclass(frozen=True, repr=False)
class ClientConfig:
    base_url: str
    token: str | None
    username: str | None
    password: str | None
    client_id: str

    def __repr__(self) -> str:
        return (
            f"ClientConfig(base_url={self.base_url!r}, token={'***' if self.token else None}, "
            f"username={self.username!r}, password={'***' if self.password else None}, "
            f"client_id={self.client_id!r})"
        )


def region_url(region: str) -> str:
    try:
        return REGIONS[region.strip().lower()]
    except KeyError:
        raise ValueError(
            f"unknown Badgr region {region!r}; expected one of {', '.join(REGIONS)}"
        ) from None


def resolve_config(
    *,
    base_url: str | None,
    region: str | None,
    token: str | None,
    username: str | None,
    password: str | None,
    client_id: str | None,
    env: Mapping[str, str] | None = None,
) -> ClientConfig:
    """Explicit arguments win over ``BADGR_*`` variables; ``base_url`` wins over ``region``.

    Credentials are taken as a set: explicit ``token`` or ``username``/``password`` arguments
    ignore the credential variables entirely, so an exported ``BADGR_TOKEN`` never mixes with
    a password given in code.
    """
    environ = os.environ if env is None else env
    if base_url:
        url = base_url
    elif region:
        url = region_url(region)
    elif environ.get(ENV_BASE_URL):
        url = environ[ENV_BASE_URL]
    elif environ.get(ENV_REGION):
        url = region_url(environ[ENV_REGION])
    else:
        url = REGIONS[DEFAULT_REGION]
    url = url.rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url must start with http:// or https://, got {url!r}")
    if "?" in url or "#" in url:
        raise ValueError(f"base_url is the server root, without a query or fragment: got {url!r}")
    if url.lower().endswith(("/v2", "/v1", "/o")):
        root = url.rsplit("/", 1)[0]
        raise ValueError(
            f"base_url is the server root, without the API version: use {root!r}, not {url!r}"
            " (the SDK adds /v2/... and /o/token itself)"
        )

    if token is None and username is None and password is None:
        token = environ.get(ENV_TOKEN) or None
        if token is None:
            username = environ.get(ENV_USERNAME) or None
            password = environ.get(ENV_PASSWORD) or None
    if (username is None) != (password is None):
        raise ValueError("username and password must be given together")
    return ClientConfig(
        base_url=url,
        token=token,
        username=username,
        password=password,
        client_id=client_id or environ.get(ENV_CLIENT_ID) or DEFAULT_CLIENT_ID,
    )


def authorize_page(base_url: str) -> str:
    """Where users approve an app for the API at ``base_url`` (see AUTHORIZE_PAGES)."""
    base = base_url.rstrip("/")
    if base in AUTHORIZE_PAGES:
        return AUTHORIZE_PAGES[base]
    if base in REGIONS.values():
        raise ValueError(
            f"the authorize page of {base} is on its region's UI host, which is not documented:"
            " pass authorize_endpoint="
        )
    return base + AUTHORIZE_PATH
