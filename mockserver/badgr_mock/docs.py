"""``/docs``: the running profile's spec in Swagger UI, with the servers list set to this mock.

Swagger UI comes from npm (``swagger-ui-dist``, pinned in package.json); ``make install``
copies the two files it needs into this package's ``static/swagger-ui`` so the mock serves them
itself (no CDN at run time). ``make docs`` writes the same page as static HTML per profile.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .envelope import ErrorReply, JSONBytesResponse, dump_json
from .spec import SpecIndex

ASSETS_DIR = Path(__file__).resolve().parent / "static" / "swagger-ui"
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "LICENSE": "text/plain; charset=utf-8",
    "NOTICE": "text/plain; charset=utf-8",
}
MISSING_ASSETS = (
    "Swagger UI is not installed in this package: run `make install` (it copies "
    f"node_modules/swagger-ui-dist into {ASSETS_DIR})."
)
_OAUTH_URL_KEYS = ("authorizationUrl", "tokenUrl", "refreshUrl")


def spec_for_server(document: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The spec with this server as its only server and its OAuth URLs on this server too,
    so "Try it out" and "Authorize" talk to the running mock."""
    shown = copy.deepcopy(document)
    shown["servers"] = [{"url": base_url, "description": "this badgr-mock"}]
    schemes = shown.get("components", {}).get("securitySchemes", {})
    for scheme in schemes.values():
        for flow in scheme.get("flows", {}).values():
            for key in _OAUTH_URL_KEYS:
                if key in flow:
                    flow[key] = base_url + urlsplit(flow[key]).path
    return shown


def _init_script(spec_source: dict[str, Any]) -> str:
    """The inline script that starts Swagger UI on ``spec_source``."""
    # "</" would end the script element early when a spec string contains "</script>".
    source = json.dumps(spec_source, default=str).replace("</", "<\\/")
    return f"""
window.ui = SwaggerUIBundle(Object.assign({source}, {{
  dom_id: "#swagger-ui",
  deepLinking: true,
  docExpansion: "list",
  defaultModelsExpandDepth: -1,
  displayOperationId: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
}}));
"""


def page(title: str, spec_source: dict[str, Any], assets_url: str) -> str:
    """The Swagger UI page; ``spec_source`` is ``{"url": …}`` or ``{"spec": {…}}``."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{escape(assets_url)}/swagger-ui.css">
<style>body {{ margin: 0; }}</style>
</head><body>
<div id="swagger-ui"></div>
<script src="{escape(assets_url)}/swagger-ui-bundle.js"></script>
<script>{_init_script(spec_source)}</script>
</body></html>
"""


def content_security_policy(spec_source: dict[str, Any]) -> str:
    """What the page served by :meth:`DocsSite.index` may load and run: Swagger UI's own
    assets, its one inline script (by hash) and requests to this server; nothing else."""
    digest = hashlib.sha256(_init_script(spec_source).encode("utf-8")).digest()
    script_hash = base64.b64encode(digest).decode("ascii")
    return (
        f"default-src 'none'; script-src 'self' 'sha256-{script_hash}'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


class DocsSite:
    def __init__(
        self, spec: SpecIndex, base_url: Callable[[Request], str], now_text: Callable[[], str]
    ) -> None:
        self.spec = spec
        self.base_url = base_url
        self.now_text = now_text

    def routes(self) -> list[Route]:
        return [
            Route("/docs", self.index),
            Route("/docs/openapi.json", self.openapi),
            Route("/docs/assets/{name}", self.asset),
        ]

    def _error(self, status: int, message: str) -> Response:
        description = "docs unavailable" if status == 503 else "not found"
        error = ErrorReply(status, description, validation_errors=[message])
        return JSONBytesResponse(dump_json(error.body(self.now_text())), status_code=status)

    async def index(self, request: Request) -> Response:
        if not (ASSETS_DIR / "swagger-ui-bundle.js").is_file():
            return self._error(503, MISSING_ASSETS)
        title = f"{self.spec.document.get('info', {}).get('title', 'API')} (badgr-mock)"
        source = {"url": "/docs/openapi.json"}
        return Response(
            page(title, source, "/docs/assets"),
            media_type="text/html",
            headers={"Content-Security-Policy": content_security_policy(source)},
        )

    async def openapi(self, request: Request) -> Response:
        shown = spec_for_server(self.spec.document, self.base_url(request))
        return JSONBytesResponse(dump_json(shown))

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return self._error(404, f"No docs asset {name!r}.")
        path = ASSETS_DIR / name
        if not path.is_file():
            return self._error(503, MISSING_ASSETS)
        return Response(
            path.read_bytes(),
            media_type=ASSETS[name],
            headers={"Cache-Control": "public, max-age=3600"},
        )
