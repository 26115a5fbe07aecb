"""Issuer and badge-class images: PNG or SVG as a base64 data URI, or an http(s) URL. An SVG
is stored cleaned (:mod:`badgr_mock.svg`)."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from .context import Context
from .envelope import bad_request
from .svg import NotAnSvg, cleaned_svg

_DATA_URI = re.compile(r"^data:(image/png|image/svg\+xml)(;[^,;]*)*;base64,(.*)$", re.DOTALL)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The view's check, worded and shaped as badgr-server answers it (a bare string, §12); the
# mock accepts PNG or SVG base64 data URIs and http(s) URLs.
_MESSAGE = "Valid image file or data URI required."


def decode_image(value: str, field: str) -> tuple[str, bytes] | None:
    """(media type, bytes) for a data URI; None for a URL; 400 for anything else."""
    lowered = value[:16].lower()
    if lowered.startswith(("http://", "https://")):
        if any(character.isspace() for character in value):
            raise bad_request({field: _MESSAGE})
        return None
    match = _DATA_URI.match(value)
    if match is None:
        raise bad_request({field: _MESSAGE})
    try:
        data = base64.b64decode(match.group(3), validate=True)
    except (binascii.Error, ValueError):
        raise bad_request({field: _MESSAGE}) from None
    media_type = match.group(1)
    if media_type == "image/png" and not data.startswith(_PNG_SIGNATURE):
        raise bad_request({field: _MESSAGE})
    if media_type == "image/svg+xml":
        try:
            data = cleaned_svg(data)
        except NotAnSvg:
            raise bad_request({field: _MESSAGE}) from None
    return media_type, data


def apply_image(ctx: Context, doc: dict[str, Any], entity_id: str, value: Any, field: str) -> None:
    """Store a data-URI image beside the entity, or keep the URL, in ``doc``."""
    if value is None:
        return
    decoded = decode_image(value, field)
    if decoded is None:
        doc["image"] = value
        doc["imageStored"] = False
        ctx.db.execute("DELETE FROM images WHERE entity_id = ?", (entity_id,))
        return
    media_type, data = decoded
    ctx.db.execute(
        "INSERT OR REPLACE INTO images (entity_id, media_type, data) VALUES (?, ?, ?)",
        (entity_id, media_type, data),
    )
    doc["image"] = None
    doc["imageStored"] = True
