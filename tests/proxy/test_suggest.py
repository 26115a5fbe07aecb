"""`badgr proxy suggest`: answers that break the spec, recorded through the proxy in front of
the mock (over real HTTP), become an overlay; applied with the project's overlay tooling
(scripts/generate.py, oas-patch), the same records check clean, and nothing was removed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from badgr_fuzz.proxy.cli import main
from scripts.generate import apply_actions, overlay_errors
from tests.proxy.conftest import ALICE, DRIFT, PASSWORD, proxied
from tests.proxy.test_proxy import _har

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
    assert "left to a person" in said and "text/html is not declared" in said
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
