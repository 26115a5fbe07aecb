"""/docs and a hosted assertion page in headless Chromium (Debian's package, driven by Playwright).

Skipped, saying why, where Debian's ``chromium`` is absent (``make install`` installs it when it
runs as root with apt-get). Screenshots go to ``reports/browser/``.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from badgr_mock.spec import load_spec
from scripts.build_docs import PROFILE_SPECS, build

from .conftest import Sandbox, image, url

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip(
        "Debian's chromium is not installed (make install installs it when run as root)",
        allow_module_level=True,
    )

OUTPUT = Path(__file__).resolve().parents[2] / "reports" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",  # sessions and CI run as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page plus everything that went wrong on it, and every request that left the mock."""

    def __init__(self, page: Page, origin: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("requestfailed", lambda request: self.errors.append(f"failed: {request.url}"))
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((origin, "data:"))
                else self.foreign_requests.append(request.url)
            ),
        )

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")


@pytest.fixture
def watched(browser: Browser, sandbox: Sandbox) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page(), sandbox.base_url)
    context.close()


def test_docs_show_every_operation_without_errors(watched: Watched, sandbox: Sandbox) -> None:
    page = watched.page
    response = page.goto(f"{sandbox.base_url}/docs")
    assert response is not None and response.status == 200
    expected = set(load_spec().operations)
    page.locator(".opblock").nth(len(expected) - 1).wait_for()
    shown = set(page.locator(".opblock-summary-operation-id").all_inner_texts())
    assert shown == expected
    assert page.locator(".servers select option").all_inner_texts() == [
        f"{sandbox.base_url} - this badgr-mock"
    ]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=OUTPUT / "docs.png")
    page.screenshot(path=OUTPUT / "docs-full.png", full_page=True)
    assert watched.errors == []
    assert watched.foreign_requests == []


def test_assertion_page_renders_for_people(watched: Watched, sandbox: Sandbox) -> None:
    page = watched.page
    response = page.goto(url(sandbox.award))
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    assert page.title() == "Python <Basics>"
    assert page.locator("h1").inner_text() == "Python <Basics>"
    assert page.locator(".valid").is_visible()
    picture = page.locator("header img")
    assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=OUTPUT / "assertion.png", full_page=True)
    assert watched.errors == []
    assert watched.foreign_requests == []


def test_revoked_assertion_page_says_so(watched: Watched, sandbox: Sandbox) -> None:
    page = watched.page
    response = page.goto(url(sandbox.revoked))
    assert response is not None and response.status == 410
    assert "Issued in error" in page.locator(".revoked").inner_text()


def test_make_docs_pages_render_offline(browser: Browser, tmp_path: Path) -> None:
    specs = [spec for spec in PROFILE_SPECS if spec.is_file()]
    for written in build(specs, tmp_path):
        context = browser.new_context()
        watched = Watched(context.new_page(), "file://")
        watched.page.goto(written.as_uri())
        expected = load_spec(specs[0].parent / f"{written.stem}.yaml").operations
        watched.page.locator(".opblock").nth(len(expected) - 1).wait_for()
        shown = watched.page.locator(".opblock-summary-operation-id").all_inner_texts()
        assert set(shown) == set(expected)
        assert watched.errors == [] and watched.foreign_requests == []
        context.close()


HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    b' width="64" height="64" onload="window.pwned=1">'
    b"<script>window.pwned = 2; document.title = 'pwned';</script>"
    b'<a xlink:href="javascript:window.pwned=3"><rect width="64" height="64" fill="#345"'
    b' onmouseover="window.pwned=4"/></a>'
    b'<foreignObject width="9" height="9"><iframe xmlns="http://www.w3.org/1999/xhtml"'
    b' src="javascript:parent.pwned=5"/></foreignObject>'
    b'<image href="https://tracker.example/pixel.png" width="1" height="1"/>'
    b'<style>@import url("https://tracker.example/x.css");</style></svg>'
)


def _served(page: Page, sandbox: Sandbox, addresses: list[str]) -> None:
    for address in addresses:
        response = page.goto(address)
        assert response is not None and response.status == 200, address
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert page.evaluate("() => window.pwned") is None, address
        assert page.title() != "pwned"


def test_an_uploaded_svg_is_stored_cleaned_and_served_inert(
    watched: Watched, sandbox: Sandbox
) -> None:
    hostile = sandbox.client.badgeclasses.create(
        issuer=sandbox.issuer.entity_id,
        name="Hostile",
        description="An SVG with script",
        image="data:image/svg+xml;base64," + base64.b64encode(HOSTILE_SVG).decode(),
        criteria_narrative="None",
    )
    award = sandbox.client.assertions.award(hostile.entity_id, recipient="x@example.com")
    addresses = [image(hostile), f"{url(award)}/image", url(award)]
    stored = httpx.get(image(hostile)).content
    for trace in (
        b"script",
        b"onload",
        b"onmouseover",
        b"javascript",
        b"foreignObject",
        b"tracker.example",
        b"iframe",
    ):
        assert trace not in stored, trace
    assert b'<rect width="64" height="64" fill="#345"' in stored  # the picture itself stays
    _served(watched.page, sandbox, addresses)
    # An image stored before the cleaning (or by another way in) is still inert where served
    sandbox.app.store.connection.execute(
        "UPDATE images SET data = ? WHERE entity_id = ?", (HOSTILE_SVG, hostile.entity_id)
    )
    assert b"<script>" in httpx.get(image(hostile)).content
    _served(watched.page, sandbox, addresses)
