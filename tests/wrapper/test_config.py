"""Configuration: regions, environment variables read at construction, precedence."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from badgr import REGIONS, AsyncClient, Client
from badgr._config import resolve_config


def test_regions_match_the_spec_servers() -> None:
    import yaml

    spec = Path(__file__).resolve().parents[2] / "openapi" / "credentials.yaml"
    with spec.open(encoding="utf-8") as fh:
        servers = {s["url"] for s in yaml.safe_load(fh)["servers"]}
    assert set(REGIONS) == {"us", "eu", "au", "ca", "sg", "test", "demo"}
    assert set(REGIONS.values()) <= servers


@pytest.mark.parametrize("region", sorted(REGIONS))
def test_region_preset(region: str) -> None:
    with Client(region=region, token="t0ken-value") as client:
        assert client.base_url == REGIONS[region]


def test_env_is_read_at_construction_not_import(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BADGR_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("BADGR_USERNAME", "env@example.com")
    monkeypatch.setenv("BADGR_PASSWORD", "env-password")
    monkeypatch.setenv("BADGR_CLIENT_ID", "my-app")
    with Client() as client:
        assert client.base_url == "http://127.0.0.1:9"
        assert client.auth.client_id == "my-app"
        assert client.auth.can_renew
    monkeypatch.setenv("BADGR_BASE_URL", "http://127.0.0.1:10")
    with Client() as client:
        assert client.base_url == "http://127.0.0.1:10"


def test_env_region_and_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BADGR_BASE_URL", raising=False)
    monkeypatch.setenv("BADGR_REGION", "eu")
    monkeypatch.setenv("BADGR_TOKEN", "env-token-123")
    config = resolve_config(
        base_url=None, region=None, token=None, username=None, password=None, client_id=None
    )
    assert config.base_url == "https://api.eu.badgr.io"
    assert config.token == "env-token-123"
    assert config.client_id == "public"
    assert "env-token-123" not in repr(config)


def test_explicit_arguments_win_over_env() -> None:
    env = {
        "BADGR_BASE_URL": "http://env.example",
        "BADGR_TOKEN": "env-token",
        "BADGR_REGION": "au",
    }
    config = resolve_config(
        base_url=None,
        region="ca",
        token=None,
        username="me@example.com",
        password="pw",
        client_id=None,
        env=env,
    )
    assert config.base_url == REGIONS["ca"]
    assert config.token is None  # explicit credentials never mix with BADGR_TOKEN
    assert config.username == "me@example.com"


def test_defaults_to_us_and_rejects_bad_input() -> None:
    config = resolve_config(
        base_url=None, region=None, token=None, username=None, password=None, client_id=None, env={}
    )
    assert config.base_url == REGIONS["us"]
    with pytest.raises(ValueError, match="unknown Badgr region"):
        Client(region="mars")
    with pytest.raises(ValueError, match="together"):
        Client(base_url="http://x.example", username="only-user@example.com")
    with pytest.raises(ValueError, match="http"):
        Client(base_url="ftp://x.example", token="t0ken-value")
    for odd in ("https://x.example/?tenant=1", "https://x.example/#top"):
        with pytest.raises(ValueError, match="without a query or fragment"):
            Client(base_url=odd, token="t0ken-value")


def test_timeout_defaults_to_30_seconds() -> None:
    with Client(base_url="http://x.example", token="t0ken-value") as client:
        assert client._executor.http.timeout.read == 30.0
        assert client._executor.http.follow_redirects is False


async def test_async_client_context_manager_closes() -> None:
    async with AsyncClient(base_url="http://x.example", token="t0ken-value") as client:
        http = client._executor.http
        assert isinstance(http, httpx.AsyncClient) and not http.is_closed
    assert http.is_closed


def test_sync_client_context_manager_closes() -> None:
    with Client(base_url="http://x.example", token="t0ken-value") as client:
        assert not client._executor.http.is_closed
    assert client._executor.http.is_closed


def test_authorize_page_is_on_the_ui_host() -> None:
    with Client(region="test", token="t") as client:
        url, _ = client.oauth.authorize_url("https://app.example/cb")
    assert url.startswith("https://test.badges.parchment.com/auth/oauth2/authorize?")
    with Client(region="eu", token="t") as client:
        with pytest.raises(ValueError, match="authorize_endpoint"):
            client.oauth.authorize_url("https://app.example/cb")
        url, _ = client.oauth.authorize_url(
            "https://app.example/cb", authorize_endpoint="https://ui.example/authorize"
        )
    assert url.startswith("https://ui.example/authorize?")
