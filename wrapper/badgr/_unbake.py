"""Read the Open Badges data baked into a PNG (``iTXt``/``tEXt`` ``openbadges``) or an SVG."""

from __future__ import annotations

import re
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_KEYWORD = b"openbadges"
_SVG_ASSERTION = re.compile(
    rb"<openbadges:assertion\b(?P<attributes>[^>]*)>(?P<body>.*?)</openbadges:assertion>",
    re.DOTALL,
)
_SVG_SELF_CLOSED = re.compile(rb"<openbadges:assertion\b(?P<attributes>[^>]*?)/>")
_VERIFY = re.compile(rb"""\bverify\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_ENTITIES = {"&amp;": "&", "&quot;": '"', "&apos;": "'", "&lt;": "<", "&gt;": ">"}


class UnbakeError(ValueError):
    """The file is not a PNG or SVG with Open Badges data."""


def _png_text(png: bytes) -> str:
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        data = png[offset + 8 : offset + 8 + length]
        offset += 12 + length
        if kind == b"iTXt" and data.startswith(_KEYWORD + b"\x00"):
            # keyword NUL flag method language NUL translated-keyword NUL text
            flag = data[len(_KEYWORD) + 1]
            rest = data[len(_KEYWORD) + 3 :]
            text = rest.split(b"\x00", 2)[2]
            return (zlib.decompress(text) if flag else text).decode("utf-8")
        if kind == b"tEXt" and data.startswith(_KEYWORD + b"\x00"):
            return data[len(_KEYWORD) + 1 :].decode("latin-1")  # legacy: a hosted URL
        if kind == b"IEND":
            break
    raise UnbakeError("the PNG carries no Open Badges data (no openbadges iTXt chunk)")


def _unescape(value: str) -> str:
    return re.sub(r"&(amp|quot|apos|lt|gt);", lambda match: _ENTITIES[match.group(0)], value)


def _svg_text(svg: bytes) -> str:
    match = _SVG_ASSERTION.search(svg) or _SVG_SELF_CLOSED.search(svg)
    if match is None:
        raise UnbakeError("the SVG carries no Open Badges data (no openbadges:assertion)")
    body = match.groupdict().get("body") or b""
    cdata = b"".join(_CDATA.findall(body)).strip()
    if cdata:
        return cdata.decode("utf-8")
    verify = _VERIFY.search(match.group("attributes"))
    if verify is None:
        raise UnbakeError("the openbadges:assertion element is empty")
    return _unescape((verify.group(1) or verify.group(2) or b"").decode("utf-8"))


def unbake(data: bytes) -> str:
    """The baked text: assertion JSON, a hosted assertion URL, or a signed assertion (JWS)."""
    if data.startswith(PNG_SIGNATURE):
        return _png_text(data)
    if b"<svg" in data[:4096]:
        return _svg_text(data)
    raise UnbakeError("not a PNG or SVG image")
