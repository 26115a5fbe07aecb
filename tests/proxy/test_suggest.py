"""`badgr proxy suggest`: answers that break the spec, recorded through the proxy in front of
the mock (over real HTTP), become an overlay; applied with the project's overlay tooling
(scripts/generate.py, oas-patch), the same records check clean, and nothing was removed. What no
widening fixes (a required field absent, a value off its format or pattern, a page where JSON is
declared, a 500) is listed for a person, by operation and pointer, never with the value."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from badgr import Client, Server
from badgr_fuzz.proxy.cli import main
from badgr_fuzz.proxy.har import read_traffic
from badgr_mock.requests import media_type_of
from badgr_mock.spec import load_spec
from badgr_mock.strict import response_problems
from scripts.apidiff import wire
from scripts.generate import apply_actions, overlay_errors
from tests.proxy.conftest import (
    ALICE,
    BAD_EMAIL,
    BAD_URL,
    DRIFT,
    NO_ZONE,
    PAGES,
    PASSWORD,
    proxied,
)
from tests.proxy.test_proxy import _har
from tests.sdk_seed import make_badge

SHIPPED = {"documented": "openapi/credentials.yaml", "badgr-server": "openapi/badgr-server.yaml"}
#: what each planted answer asks of the spec (the HTML page: nothing a widening can fix)
PLANTED = ("type", "extra", "null", "status")


@pytest.fixture(scope="module", params=sorted(SHIPPED))
def recorded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Recorded:
    server: str = request.param
    log = tmp_path_factory.mktemp("suggest") / "proxy.ndjson"
    with proxied(log, server) as proxy, httpx.Client(base_url=proxy.url) as http:
        form = {"username": ALICE, "password": PASSWORD, "scope": "rw:profile rw:issuer"}
        token = http.post("/o/token", data=form).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        http.get("/v2/users/self")
        http.get("/v2/issuers")
        for kind in (*PLANTED, "html"):
            http.get("/v2/users/self", headers={DRIFT: kind})
    return Recorded(server, log)


@dataclass
class Recorded:
    server: str
    log: Path


def _records(path: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(line) for line in path.read_text().splitlines()]


def _drift(records: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    return sorted(
        (r["status"], p["part"], p["pointer"])
        for r in records
        for p in r["problems"]
        if p["section"] == "drift"
    )


def _leaves(node: Any, pointer: str = "") -> Iterator[str]:
    """The pointer of every path, method, status code and declared property of a spec."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{pointer}/{key}"
            if pointer in ("/paths", "") or pointer.endswith(("/responses", "/properties")):
                yield here
            if key not in ("example", "examples"):
                yield from _leaves(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, f"{pointer}/{index}")


def test_the_suggested_overlay_makes_the_answers_conform(
    recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, server = str(recorded.log), ["--server", recorded.server]
    before = tmp_path / "before.ndjson"
    assert main(["check", log, *server, "--output", str(before)]) == 1
    # documented: extra fields are allowed (no additionalProperties: false), yet suggested
    extra = [(200, "body", "/result/0")] if recorded.server == "badgr-server" else []
    assert _drift(_records(before)) == [
        *extra,
        (200, "body", "/result/0/firstName"),
        (200, "body", "/result/0/hasPasswordSet"),
        (200, "body", "/result/0/recipient"),
        (200, "media type", ""),
        (418, "status", ""),
    ]
    out = tmp_path / "observed.overlay.yaml"
    assert main(["suggest", log, *server, "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "left to a person (no widening fixes it): GET /v2/users/self 200: content type" in said
    assert "GET /v2/users/self 200: content type text/html is not declared\n" in said
    overlay = yaml.safe_load(out.read_text())
    assert overlay_errors(overlay) == []

    original = yaml.safe_load(Path(SHIPPED[recorded.server]).read_text())
    patched = apply_actions(original, overlay["actions"])
    spec = tmp_path / "patched.yaml"
    spec.write_text(yaml.safe_dump(patched, sort_keys=False))
    after = tmp_path / "after.ndjson"
    main(["check", log, *server, "--spec", str(spec), "--output", str(after)])
    # only the HTML page is still drift: every other planted answer now conforms
    assert _drift(_records(after)) == [(200, "media type", "")]

    # nothing removed: every path, method, status and property is still there
    kept = set(_leaves(patched))
    assert [p for p in _leaves(original) if p not in kept] == []
    user = patched["components"]["schemas"]["BadgeUser"]["properties"]
    assert user["hasPasswordSet"]["type"] == ["boolean", "null"]
    assert user["firstName"]["type"] == ["string", "null", "integer"]
    assert {"$ref": "#/components/schemas/UserRecipient"} in user["recipient"]["anyOf"]
    assert "observedOnly" in user
    assert "418" in patched["paths"]["/v2/users/self"]["get"]["responses"]
    # and `make diff` calls it what it is: additions and widenings, nothing removed or narrowed
    changes = wire.diff({recorded.server: (original, patched)})
    assert sorted({c.rule for c in changes}) == [
        "response-non-success-status-added",
        "response-optional-property-added",
        "response-property-became-nullable",  # hasPasswordSet; recipient, wrapped in an anyOf
        "response-property-type-changed",
    ]


def test_a_har_file_gets_the_same_overlay(recorded: Recorded, tmp_path: Path) -> None:
    har = tmp_path / "session.har"
    har.write_text(json.dumps(_har([json.loads(line) for line in recorded.log.open()])))
    overlays = []
    for source in (recorded.log, har):
        out = tmp_path / f"{source.name}.overlay.yaml"
        assert main(["suggest", str(source), "--server", recorded.server, "--out", str(out)]) == 0
        overlays.append(yaml.safe_load(out.read_text())["actions"])
    assert overlays[0] == overlays[1]
    assert len(overlays[0]) >= len(PLANTED) + 2  # the $ref made nullable: remove, then update


def test_answers_the_client_left_early_ask_for_nothing(
    recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What arrived of an answer the client left is not what the server sent (`client_gone`)."""
    gone = tmp_path / "gone.ndjson"
    lines = [{**json.loads(line), "client_gone": True} for line in recorded.log.open()]
    gone.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = tmp_path / "observed.overlay.yaml"
    assert main(["suggest", str(gone), "--server", recorded.server, "--out", str(out)]) == 0
    assert yaml.safe_load(out.read_text())["actions"] == []
    assert "left to a person" not in capsys.readouterr().out


@pytest.mark.parametrize("server", sorted(SHIPPED))
def test_answers_that_conform_ask_for_nothing(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A badge class without expiry on a badgr-server (`{"amount": null, "duration": null}`, the
    second branch of an anyOf) conforms: the walk takes the branch the value is valid against."""
    log = tmp_path / "proxy.ndjson"
    with (
        proxied(log, server) as proxy,
        Client(base_url=proxy.url, username=ALICE, password=PASSWORD, server=server) as client,
    ):
        make_badge(client)
        assert len(list(client.badgeclasses.list())) == 1
        proxy.records()
    assert main(["check", str(log), "--server", server]) == 0
    out = tmp_path / "observed.overlay.yaml"
    assert main(["suggest", str(log), "--server", server, "--out", str(out)]) == 0
    assert yaml.safe_load(out.read_text())["actions"] == []
    assert "left to a person" not in capsys.readouterr().out


@dataclass
class Unfixable:
    """Answers only a person can settle, and the pages a widening describes: recorded, and the
    shipped spec made stricter (`format: email` on a user's e-mail, a `pattern` on its URLs)."""

    server: str
    log: Path
    spec: Path


#: the drift kinds `unfixable` plants on GET /v2/users/self
UNFIXABLE = ("html503", "html403", "plain429", "badformat", "missing")


@pytest.fixture(scope="module", params=sorted(SHIPPED))
def unfixable(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Unfixable:
    server: str = request.param
    folder = tmp_path_factory.mktemp("unfixable")
    log = folder / "proxy.ndjson"
    with (
        proxied(log, server, defects=["server_error"]) as proxy,
        httpx.Client(base_url=proxy.url) as http,
    ):
        form = {"username": ALICE, "password": PASSWORD, "scope": "rw:profile rw:issuer"}
        token = http.post("/o/token", data=form).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        body = {"name": "bad\x00name", "email": ALICE, "url": "https://x.example"}
        assert http.post("/v2/issuers", json=body).status_code == 500  # server_error
        for kind in UNFIXABLE:
            http.get("/v2/users/self", headers={DRIFT: kind})
        proxy.records()
    document = yaml.safe_load(Path(SHIPPED[server]).read_text())
    schemas = document["components"]["schemas"]
    schemas["UserEmail"]["properties"]["email"]["format"] = "email"
    schemas["BadgeUser"]["properties"]["url"]["items"]["pattern"] = "^https?://"
    spec = folder / "stricter.yaml"
    spec.write_text(yaml.safe_dump(document, sort_keys=False))
    return Unfixable(server, log, spec)


def _suggested(
    recorded: Unfixable, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[dict[str, Any], list[str]]:
    """The overlay and the lines left to a person."""
    out = tmp_path / "observed.overlay.yaml"
    argv = ["suggest", str(recorded.log), "--server", recorded.server, "--out", str(out)]
    assert main([*argv, "--spec", str(recorded.spec)]) == 0
    said = capsys.readouterr().out
    left = "  left to a person (no widening fixes it): "
    lines = [line.removeprefix(left) for line in said.splitlines() if line.startswith(left)]
    return yaml.safe_load(out.read_text()), lines


def test_a_page_on_an_undeclared_status_is_added_as_text(
    unfixable: Unfixable, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, server = str(unfixable.log), ["--server", unfixable.server]
    spec = ["--spec", str(unfixable.spec)]
    before = tmp_path / "before.ndjson"
    assert main(["check", log, *server, *spec, "--output", str(before)]) == 1
    overlay, _ = _suggested(unfixable, tmp_path, capsys)
    assert overlay_errors(overlay) == []
    actions = overlay["actions"]
    # the 403 (a firewall's page) and the 503 (a maintenance page): described; the 500 is not
    page = {"schema": {"type": "string"}}
    assert [(a["description"], a["update"]) for a in actions] == [
        (
            f"GET /v2/users/self answered {status}",
            {
                status: {
                    "description": "Observed by badgr proxy (undeclared).",
                    "content": {"text/html": page},
                }
            },
        )
        for status in ("403", "503")
    ]
    patched = tmp_path / "patched.yaml"
    original = yaml.safe_load(unfixable.spec.read_text())
    patched.write_text(yaml.safe_dump(apply_actions(original, actions), sort_keys=False))
    after = tmp_path / "after.ndjson"
    main(["check", log, *server, "--spec", str(patched), "--output", str(after)])
    assert (403, "status", "") in _drift(_records(before))
    assert _drift(_records(after)) == [p for p in _drift(_records(before)) if p[0] != 403]
    # a 5xx is a defect to `check` declared or not: the patched description accepts its page
    operation = load_spec(patched).paths["/v2/users/self"]["GET"]
    for exchange in read_traffic(unfixable.log):
        if exchange.status in (403, 503):
            media_type = media_type_of(exchange.response_headers["content-type"])
            body = exchange.response_body.decode()
            assert (media_type, body) == (
                "text/html",
                PAGES[f"html{exchange.status}".encode()][2].decode(),
            )
            found = response_problems(
                operation, exchange.status, body, exchange.response_headers, media_type
            )
            assert found == []


def test_what_no_widening_fixes_is_left_to_a_person_without_its_value(
    unfixable: Unfixable, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay, left = _suggested(unfixable, tmp_path, capsys)
    assert {a["description"] for a in overlay["actions"]} == {
        "GET /v2/users/self answered 403",
        "GET /v2/users/self answered 503",
    }  # nothing widened for the values off their format or pattern, nor the absent field
    user = "/components/schemas/BadgeUser"
    assert left == [
        "POST /v2/issuers 500: a server error, a defect to fix, not to describe",
        "GET /v2/users/self 429: content type text/plain is not declared",
        "GET /v2/users/self 200: /timestamp fails format date-time"
        " (schema /components/schemas/Envelope/properties/timestamp/format)",
        "GET /v2/users/self 200: /result/0/emails/0/email fails format email"
        " (schema /components/schemas/UserEmail/properties/email/format)",
        f"GET /v2/users/self 200: /result/0/url/0 fails pattern"
        f" (schema {user}/properties/url/items/pattern)",
        f"GET /v2/users/self 200: /result/0/entityId is required but absent"
        f" (schema {user}/required/1)",
    ]
    said = "\n".join(left)
    assert BAD_EMAIL not in said and BAD_URL not in said and NO_ZONE not in said
