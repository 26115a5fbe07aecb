"""Open Badges 2.0 baking: the assertion JSON inside a PNG ``iTXt`` chunk or an SVG element.

A few lines of chunk writing instead of ``openbadges-bakery`` (unmaintained, pins old
``pypng``); the reference unbaker reads our output in ``tests/sandbox``.
"""

from __future__ import annotations

import re
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_KEYWORD = b"openbadges"
_SVG_ROOT = re.compile(rb"<svg\b[^>]*?(/?)>", re.IGNORECASE)
_OLD_SVG_ASSERTION = re.compile(rb"<openbadges:assertion\b.*?</openbadges:assertion>", re.DOTALL)
_OB_NAMESPACE = b'xmlns:openbadges="http://openbadges.org"'

# Shown when a badge class's image is an outside URL this server cannot fetch and bake.
DEFAULT_BADGE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">'
    b'<circle cx="128" cy="128" r="120" fill="#2e5c8a"/>'
    b'<circle cx="128" cy="128" r="92" fill="none" stroke="#ffffff" stroke-width="8"/>'
    b'<text x="128" y="142" font-family="sans-serif" font-size="40" fill="#ffffff" '
    b'text-anchor="middle">badge</text></svg>'
)


class BakingError(ValueError):
    """The image is not a PNG or SVG that can carry an assertion."""


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    if not png.startswith(PNG_SIGNATURE):
        raise BakingError("not a PNG image")
    chunks: list[tuple[bytes, bytes]] = []
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        data = png[offset + 8 : offset + 8 + length]
        if len(data) != length:
            raise BakingError("truncated PNG chunk")
        chunks.append((kind, data))
        offset += 12 + length
        if kind == b"IEND":
            return chunks
    raise BakingError("PNG without an IEND chunk")


def _is_badge_text(kind: bytes, data: bytes) -> bool:
    return kind in (b"iTXt", b"tEXt") and data.split(b"\x00", 1)[0] == _KEYWORD


def bake_png(png: bytes, assertion_json: str) -> bytes:
    """The PNG with one uncompressed ``iTXt`` chunk ``openbadges`` (any older one replaced)."""
    chunks = [chunk for chunk in _png_chunks(png) if not _is_badge_text(*chunk)]
    # keyword NUL, compression flag 0, method 0, empty language NUL, empty translation NUL
    payload = _KEYWORD + b"\x00\x00\x00\x00\x00" + assertion_json.encode("utf-8")
    body = b"".join(_chunk(kind, data) for kind, data in chunks[:-1])
    return PNG_SIGNATURE + body + _chunk(b"iTXt", payload) + _chunk(*chunks[-1])


def bake_svg(svg: bytes, assertion_json: str, assertion_url: str) -> bytes:
    """The SVG with an ``<openbadges:assertion>`` first child of its root element."""
    svg = _OLD_SVG_ASSERTION.sub(b"", svg)
    root = _SVG_ROOT.search(svg)
    if root is None:
        raise BakingError("not an SVG image")
    start_tag = root.group(0)
    self_closing = root.group(1) == b"/"
    if b"xmlns:openbadges" not in start_tag:
        insert_at = len(start_tag) - (2 if self_closing else 1)
        start_tag = start_tag[:insert_at].rstrip() + b" " + _OB_NAMESPACE + start_tag[insert_at:]
    if self_closing:
        start_tag = start_tag[:-2].rstrip() + b">"
    # "]]>" inside the JSON would end the CDATA section early: split it across two sections.
    cdata = assertion_json.encode("utf-8").replace(b"]]>", b"]]]]><![CDATA[>")
    verify = assertion_url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    element = (
        b'<openbadges:assertion verify="'
        + verify.encode("utf-8")
        + b'"><![CDATA['
        + cdata
        + b"]]></openbadges:assertion>"
    )
    tail = b"</svg>" if self_closing else b""
    return svg[: root.start()] + start_tag + element + tail + svg[root.end() :]


def bake(media_type: str, image: bytes, assertion_json: str, assertion_url: str) -> bytes:
    if media_type == "image/png":
        return bake_png(image, assertion_json)
    if media_type == "image/svg+xml":
        return bake_svg(image, assertion_json, assertion_url)
    raise BakingError(f"cannot bake into {media_type}")
