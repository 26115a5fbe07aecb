"""Open Badges 2.0 hosted verification: the ``/public/…`` URLs every ``openBadgeId`` names.

``/public/issuers/{id}``, ``/public/badges/{id}`` and ``/public/assertions/{id}`` answer
JSON-LD (``application/ld+json`` by default, ``application/json`` on request) or, for browsers,
a small HTML page. ``…/image`` serves the stored image; an assertion's ``image`` and ``baked``
serve its badge class image with the assertion baked in. A revoked assertion answers 410 with
``revoked: true`` (OB 2.0 hosted verification) and is listed in its issuer's
``revocationList`` (``/public/issuers/{id}/revocations``).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from . import public_html
from .baking import DEFAULT_BADGE_SVG, bake
from .context import open_badge_id
from .envelope import NOT_FOUND, ErrorReply, JSONBytesResponse, dump_json
from .negotiation import negotiate
from .render import image_url
from .store import Store, loads

OB_V2_CONTEXT = "https://w3id.org/openbadges/v2"
JSON_LD = "application/ld+json"
DOCUMENT_TYPES = (JSON_LD, "application/json", "text/html")
_ENTITY_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")

Document = dict[str, Any]
Endpoint = Callable[[Request], Awaitable[Response]]


def _compact(document: Document) -> Document:
    """OB validators reject ``null`` where a value is expected: leave unknowns out."""
    return {key: value for key, value in document.items() if value is not None and value != []}


class PublicSite:
    """Read-only views of the store, built once per app."""

    def __init__(self, store: Store, base_url: Callable[[Request], str]) -> None:
        self.store = store
        self.base_url = base_url

    def routes(self) -> list[Route]:
        return [
            Route("/public/issuers/{entity_id}", self._guard(self.issuer)),
            Route("/public/issuers/{entity_id}/image", self._guard(self.issuer_image)),
            Route("/public/issuers/{entity_id}/revocations", self._guard(self.revocations)),
            Route("/public/badges/{entity_id}", self._guard(self.badge)),
            Route("/public/badges/{entity_id}/image", self._guard(self.badge_image)),
            Route("/public/assertions/{entity_id}", self._guard(self.assertion)),
            Route("/public/assertions/{entity_id}/image", self._guard(self.baked)),
            Route("/public/assertions/{entity_id}/baked", self._guard(self.baked)),
        ]

    def _guard(self, view: Callable[[Request], Response]) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            try:
                with self.store.lock:
                    return view(request)
            except ErrorReply as error:
                body = dump_json(error.body(self.store.now_text()))
                return JSONBytesResponse(body, status_code=error.status, headers=error.headers)

        return endpoint

    # ---- look-ups ------------------------------------------------------------------------

    def _row(self, table: str, request: Request) -> sqlite3.Row:
        entity_id = request.path_params["entity_id"]
        if not _ENTITY_ID.fullmatch(entity_id):
            raise ErrorReply(404, NOT_FOUND, validation_errors=[f"{entity_id!r} is no entity id."])
        row: sqlite3.Row | None = self.store.connection.execute(
            f"SELECT * FROM {table} WHERE entity_id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise ErrorReply(404, NOT_FOUND)
        return row

    def _by_pk(self, table: str, pk: int | None) -> sqlite3.Row:
        row: sqlite3.Row | None = (
            None
            if pk is None
            else self.store.connection.execute(
                f"SELECT * FROM {table} WHERE pk = ?", (pk,)
            ).fetchone()
        )
        if row is None:
            # An imported assertion: its documents are hosted by the server that issued it.
            raise ErrorReply(404, NOT_FOUND, validation_errors=["Hosted by another server."])
        return row

    def _stored_image(self, entity_id: str) -> tuple[str, bytes] | None:
        row = self.store.connection.execute(
            "SELECT media_type, data FROM images WHERE entity_id = ?", (entity_id,)
        ).fetchone()
        return None if row is None else (row["media_type"], bytes(row["data"]))

    # ---- documents -----------------------------------------------------------------------

    def issuer_document(self, base: str, row: sqlite3.Row) -> Document:
        doc = loads(row["doc"])
        url = open_badge_id(base, "issuers", row["entity_id"])
        return _compact(
            {
                "@context": OB_V2_CONTEXT,
                "type": "Issuer",
                "id": url,
                "name": row["name"],
                "url": doc.get("url"),
                "email": doc.get("email"),
                "description": doc.get("description"),
                "image": image_url(base, "issuers", row["entity_id"], doc),
                "revocationList": f"{url}/revocations",
            }
        )

    def badge_document(self, base: str, row: sqlite3.Row) -> Document:
        doc = loads(row["doc"])
        issuer = self._by_pk("issuers", row["issuer_pk"])
        criteria = _compact(
            {"id": doc.get("criteriaUrl"), "narrative": doc.get("criteriaNarrative")}
        )
        return _compact(
            {
                "@context": OB_V2_CONTEXT,
                "type": "BadgeClass",
                "id": open_badge_id(base, "badges", row["entity_id"]),
                "name": doc["name"],
                "description": doc.get("description"),
                "image": image_url(base, "badges", row["entity_id"], doc),
                "criteria": criteria or None,
                "issuer": open_badge_id(base, "issuers", issuer["entity_id"]),
                "tags": doc.get("tags") or None,
                "alignment": [
                    _compact(
                        {
                            "targetName": item.get("targetName"),
                            "targetUrl": item.get("targetUrl"),
                            "targetDescription": item.get("targetDescription"),
                            "targetFramework": item.get("targetFramework"),
                            "targetCode": item.get("targetCode"),
                        }
                    )
                    for item in doc.get("alignments", [])
                ],
            }
        )

    def assertion_document(self, base: str, row: sqlite3.Row) -> Document:
        """The hosted assertion; for a revoked one only what OB 2.0 asks a 410 to carry."""
        doc = loads(row["doc"])
        badge = self._by_pk("badgeclasses", row["badgeclass_pk"])
        url = open_badge_id(base, "assertions", row["entity_id"])
        if row["revoked"]:
            return _compact(
                {
                    "@context": OB_V2_CONTEXT,
                    "type": "Assertion",
                    "id": url,
                    "revoked": True,
                    "revocationReason": doc.get("revocationReason"),
                }
            )
        recipient = doc["recipient"]
        return _compact(
            {
                "@context": OB_V2_CONTEXT,
                "type": "Assertion",
                "id": url,
                "recipient": _compact(
                    {
                        "type": recipient["type"],
                        "hashed": bool(recipient["hashed"]),
                        "salt": recipient.get("salt"),
                        "identity": recipient["identity"],
                    }
                ),
                "badge": open_badge_id(base, "badges", badge["entity_id"]),
                "verification": {"type": "HostedBadge"},
                "issuedOn": doc["issuedOn"],
                "expires": row["expires"],
                "image": f"{url}/image",
                "narrative": doc.get("narrative"),
                "evidence": [
                    _compact({"id": item.get("url"), "narrative": item.get("narrative")})
                    for item in doc.get("evidence", [])
                ],
            }
        )

    # ---- views ---------------------------------------------------------------------------

    def _answer(self, request: Request, document: Document, status: int, page: str) -> Response:
        chosen = negotiate(request.headers.get("accept"), DOCUMENT_TYPES)
        if chosen is None:
            raise _not_acceptable(DOCUMENT_TYPES)
        headers = {"Vary": "Accept"}
        if chosen == "text/html":
            return Response(page, status, headers=headers, media_type="text/html")
        body = orjson.dumps(document, option=orjson.OPT_INDENT_2)
        return Response(body, status, headers=headers, media_type=chosen)

    def issuer(self, request: Request) -> Response:
        row = self._row("issuers", request)
        document = self.issuer_document(self.base_url(request), row)
        return self._answer(request, document, 200, public_html.issuer_page(document))

    def badge(self, request: Request) -> Response:
        row = self._row("badgeclasses", request)
        base = self.base_url(request)
        document = self.badge_document(base, row)
        issuer = self.issuer_document(base, self._by_pk("issuers", row["issuer_pk"]))
        return self._answer(request, document, 200, public_html.badge_page(document, issuer))

    def assertion(self, request: Request) -> Response:
        row = self._row("assertions", request)
        base = self.base_url(request)
        document = self.assertion_document(base, row)
        badge_row = self._by_pk("badgeclasses", row["badgeclass_pk"])
        badge = self.badge_document(base, badge_row)
        issuer = self.issuer_document(base, self._by_pk("issuers", badge_row["issuer_pk"]))
        page = public_html.assertion_page(document, badge, issuer)
        return self._answer(request, document, 410 if row["revoked"] else 200, page)

    def revocations(self, request: Request) -> Response:
        issuer = self._row("issuers", request)
        base = self.base_url(request)
        revoked = [
            _compact(
                {
                    "id": open_badge_id(base, "assertions", row["entity_id"]),
                    "revocationReason": loads(row["doc"]).get("revocationReason"),
                }
            )
            for row in self.store.connection.execute(
                "SELECT entity_id, doc FROM assertions WHERE issuer_pk = ? AND revoked = 1 "
                "ORDER BY created, id",
                (issuer["pk"],),
            )
        ]
        issuer_url = open_badge_id(base, "issuers", issuer["entity_id"])
        document = {
            "@context": OB_V2_CONTEXT,
            "type": "RevocationList",
            "id": f"{issuer_url}/revocations",
            "issuer": issuer_url,
            "revokedAssertions": revoked,
        }
        return self._answer(request, document, 200, public_html.revocations_page(document))

    def _image(self, request: Request, table: str) -> Response:
        row = self._row(table, request)
        stored = self._stored_image(row["entity_id"])
        if stored is None:
            outside = loads(row["doc"]).get("image")
            if isinstance(outside, str):
                return RedirectResponse(outside, status_code=302)
            raise ErrorReply(404, NOT_FOUND, validation_errors=["This entity has no image."])
        return _image_response(request, *stored)

    def issuer_image(self, request: Request) -> Response:
        return self._image(request, "issuers")

    def badge_image(self, request: Request) -> Response:
        return self._image(request, "badgeclasses")

    def baked(self, request: Request) -> Response:
        """The badge class image (or a plain default) with the assertion baked in."""
        row = self._row("assertions", request)
        base = self.base_url(request)
        document = self.assertion_document(base, row)
        if row["revoked"]:
            # Gone whatever the client accepts: there is no image to offer any more.
            return Response(orjson.dumps(document), 410, media_type=JSON_LD)
        badge = self._by_pk("badgeclasses", row["badgeclass_pk"])
        media_type, image = self._stored_image(badge["entity_id"]) or (
            "image/svg+xml",
            DEFAULT_BADGE_SVG,
        )
        baked = bake(media_type, image, orjson.dumps(document).decode(), document["id"])
        return _image_response(request, media_type, baked)


def _image_response(request: Request, media_type: str, data: bytes) -> Response:
    if negotiate(request.headers.get("accept"), (media_type,)) is None:
        raise _not_acceptable((media_type,))
    return Response(data, media_type=media_type, headers={"Vary": "Accept"})


def _not_acceptable(offered: tuple[str, ...]) -> ErrorReply:
    return ErrorReply(
        406,
        "not acceptable",
        validation_errors=[f"This resource is available as {', '.join(offered)}."],
    )
