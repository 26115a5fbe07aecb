"""/docs over HTTP: the spec for this server, vendored assets, a clear error without them."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from badgr_mock import create_app, docs
from badgr_mock.spec import load_spec

from .conftest import Sandbox, image, url


def test_spec_names_this_mock_as_server_and_token_endpoint(sandbox: Sandbox) -> None:
    shown = httpx.get(f"{sandbox.base_url}/docs/openapi.json").json()
    assert shown["servers"] == [{"url": sandbox.base_url, "description": "this badgr-mock"}]
    flows = shown["components"]["securitySchemes"]["oauth2"]["flows"]
    assert flows["password"]["tokenUrl"] == f"{sandbox.base_url}/o/token"
    assert flows["authorizationCode"]["authorizationUrl"] == (
        f"{sandbox.base_url}/auth/oauth2/authorize"
    )
    original = load_spec().document
    assert shown["paths"].keys() == original["paths"].keys()
    assert original["servers"][0]["url"] == "https://api.badgr.io"  # the served copy is a copy


def test_page_and_assets_are_served_locally(sandbox: Sandbox) -> None:
    page = httpx.get(f"{sandbox.base_url}/docs")
    assert page.headers["content-type"].startswith("text/html")
    assert 'src="/docs/assets/swagger-ui-bundle.js"' in page.text
    assert "https://" not in page.text.split("<body>", 1)[1]  # no CDN
    bundle = httpx.get(f"{sandbox.base_url}/docs/assets/swagger-ui-bundle.js")
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert b"SwaggerUIBundle" in bundle.content


@pytest.mark.parametrize("name", ["nope.js", "..%2F..%2Fapp.py", "index.html"])
def test_unknown_assets_are_404_envelopes(sandbox: Sandbox, name: str) -> None:
    response = httpx.get(f"{sandbox.base_url}/docs/assets/{name}")
    assert response.status_code == 404
    assert response.json()["status"]["success"] is False


def test_missing_assets_say_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(docs, "ASSETS_DIR", tmp_path / "absent")
    with TestClient(create_app(":memory:")) as client:
        for path in ("/docs", "/docs/assets/swagger-ui.css"):
            response = client.get(path)
            assert response.status_code == 503
            assert "make install" in response.json()["validationErrors"][0]


def test_a_closing_script_tag_in_the_spec_cannot_break_out() -> None:
    html = docs.page("t", {"spec": {"info": {"description": "</script><b>x"}}}, "/a")
    assert "</script><b>" not in html
    assert "<\\/script><b>x" in html


def test_every_answer_says_nosniff_and_pages_run_only_their_own_script(sandbox: Sandbox) -> None:
    """Without a browser: the headers the browser test relies on, on each kind of answer."""
    page = httpx.get(f"{sandbox.base_url}/docs")
    policy = page.headers["content-security-policy"]
    (inline,) = re.findall(r"<script>(.*?)</script>", page.text, re.S)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    answers = {
        "api": httpx.get(f"{sandbox.base_url}/v2/users/self"),
        "page": httpx.get(url(sandbox.award), headers={"Accept": "text/html"}),
        "image": httpx.get(image(sandbox.svg_badge)),
    }
    assert all(a.headers["x-content-type-options"] == "nosniff" for a in answers.values())
    assert "script-src" not in answers["page"].headers["content-security-policy"]
    assert "sandbox" in answers["image"].headers["content-security-policy"]
    assert "content-security-policy" not in answers["api"].headers  # JSON runs nothing
