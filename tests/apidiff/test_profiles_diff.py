"""The README's table of the two kinds of server, where the specs can decide, is checked against
the diff of openapi/credentials.yaml -> openapi/badgr-server.yaml (`make diff OLD=… NEW=…`).

Each spec-decidable row's words are mapped to what they claim about the diff; every claim must be
in the diff and every change of that kind in the diff must be claimed by a word of the row. The
other rows (default token scope, a change feed's `num`, unknown paths) describe behaviour no spec
states and stay hand-written.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.apidiff import facts, wire
from scripts.generate import load_yaml

ROOT = Path(__file__).resolve().parents[2]
Route = tuple[str, str]  # (method, path)


@pytest.fixture(scope="module")
def changes() -> list[facts.Change]:
    old = load_yaml(ROOT / "openapi" / "credentials.yaml")
    new = load_yaml(ROOT / "openapi" / "badgr-server.yaml")
    return wire.diff({"file": (old, new)})


def readme_row(label: str) -> tuple[str, str]:
    """The documented and badgr-server cells of the README's profile table row `label`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"^\| {re.escape(label)} \| (.*?) \| (.*?) \|$", text, re.MULTILINE)
    assert found, f"README.md has no profile table row {label!r}"
    return found.group(1), found.group(2)


def routes(changes: list[facts.Change], rule: re.Pattern[str]) -> set[Route]:
    found = set()
    for change in changes:
        if rule.fullmatch(change.rule):
            method, _, path = change.detail.partition(" ")
            found.add((method.lower(), path.rsplit(" ", 1)[0]))
    return found


def claims_cover(claims: dict[str, Callable[[Route], bool]], found: set[Route]) -> list[str]:
    problems = [
        f"README claims {word!r}, the specs show none"
        for word, matches in claims.items()
        if not any(matches(r) for r in found)
    ]
    problems += [
        f"the specs show {r}, which no word of the README row names"
        for r in sorted(found)
        if not any(matches(r) for matches in claims.values())
    ]
    return problems


def test_extra_routes_row(changes: list[facts.Change]) -> None:
    documented, badgr_server = readme_row("extra routes")
    documented_claims: dict[str, Callable[[Route], bool]] = {
        "staff": lambda r: "/staff" in r[1],
        "claim codes": lambda r: "/claim-codes" in r[1],
        "pathways": lambda r: "pathways" in r[1],
        "openBadgeId/ref routes": lambda r: "/openBadgeId/" in r[1] or "/ref/" in r[1],
        "PATCH": lambda r: r[0] == "patch",
        "duplicate": lambda r: r[1].endswith("/duplicate"),
        "reactivate": lambda r: "/reactivate/" in r[1],
        "organizations": lambda r: r[1].startswith("/v2/organizations"),
    }
    server_claims: dict[str, Callable[[Route], bool]] = {
        "`POST /v2/badgeclasses/{id}/issue`": lambda r: (
            r == ("post", "/v2/badgeclasses/{idOrEntityId}/issue")
        ),
        "`/v2/{issuers,badgeclasses,assertions}/changed`": lambda r: (
            r[0] == "get"
            and r[1] in {f"/v2/{x}/changed" for x in ("issuers", "badgeclasses", "assertions")}
        ),
        "`GET`/`DELETE /v2/auth/tokens`": lambda r: r[1].startswith("/v2/auth/tokens"),
        "`POST /o/revoke_token/`": lambda r: r == ("post", "/o/revoke_token/"),
    }
    for claims, cell in ((documented_claims, documented), (server_claims, badgr_server)):
        for word in claims:
            assert word in cell, f"the README row no longer says {word!r}: update this test"
    removed = routes(changes, re.compile(r"api-(path-)?removed-without-deprecation"))
    assert not claims_cover(documented_claims, removed)
    assert not claims_cover(server_claims, routes(changes, re.compile("endpoint-added")))


def test_entity_fields_row(changes: list[facts.Change]) -> None:
    _, badgr_server = readme_row("entity fields")
    globs = re.findall(r"`([^`]+)`", badgr_server.removeprefix("without"))
    entities = {"Issuer", "BadgeClass", "Assertion", "BadgeUser", "Collection", "Alignment"}
    removed = {
        change.pointer.rsplit("/", 1)[-1]
        for change in changes
        if change.rule == "response-property-removed" and change.pointer.split("/")[3] in entities
    }
    assert removed, "the badgr-server spec removes no entity field any more"
    unclaimed = sorted(p for p in removed if not any(fnmatch.fnmatchcase(p, g) for g in globs))
    assert not unclaimed, (
        f"fields the badgr-server spec removes, missing from the README: {unclaimed}"
    )
    idle = [g for g in globs if not any(fnmatch.fnmatchcase(p, g) for p in removed)]
    assert not idle, f"README names fields the badgr-server spec keeps: {idle}"


def test_pagination_row(changes: list[facts.Change]) -> None:
    documented, badgr_server = readme_row("pagination")
    assert "`after`/`before`" in documented and "`cursor`" in badgr_server
    removed = {
        c.pointer.rsplit("/", 1)[-1] for c in changes if c.rule == "request-parameter-removed"
    }
    added = {
        c.pointer.rsplit("/", 1)[-1] for c in changes if c.rule == "new-optional-request-parameter"
    }
    assert {"after", "before"} <= removed
    assert "cursor" in added


def test_badge_class_delete_row(changes: list[facts.Change]) -> None:
    documented, badgr_server = readme_row("badge-class DELETE")
    assert "`hard_delete=true` deletes" in documented and badgr_server == "deletes"
    assert any(
        c.rule == "request-parameter-removed"
        and c.operations == ["delete_badgeclass"]
        and c.pointer.endswith("/hard_delete")
        for c in changes
    )


def test_content_type_row(changes: list[facts.Change]) -> None:
    documented, badgr_server = readme_row("content type")
    assert documented == "`application/json`"
    added = {c.detail.split()[0] for c in changes if c.rule == "response-media-type-added"}
    assert "`application/ld+json`" in badgr_server and "application/ld+json" in added
    assert "`text/html`" in badgr_server and "text/html" in added
    assert not [c for c in changes if c.rule == "response-media-type-removed"]
