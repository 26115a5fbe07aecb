"""Baking edge cases: replaced chunks, CDATA escapes, self-closing SVGs, refused input."""

from __future__ import annotations

import base64
import struct
import zlib

import pytest

from badgr_mock.baking import DEFAULT_BADGE_SVG, PNG_SIGNATURE, BakingError, bake
from badgr_mock.testing import PNG_DATA_URI

PNG = base64.b64decode(PNG_DATA_URI.split(",", 1)[1])
URL = "http://127.0.0.1:8000/public/assertions/abc"


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    found, offset = [], len(PNG_SIGNATURE)
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind, data = png[offset + 4 : offset + 8], png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", png[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + data)
        found.append((kind, data))
        offset += 12 + length
    return found


def test_png_gets_exactly_one_uncompressed_itxt_before_iend() -> None:
    twice = bake("image/png", bake("image/png", PNG, '{"n": 1}', URL), '{"n": 2}', URL)
    kinds = [kind for kind, _ in chunks(twice)]
    assert kinds[0] == b"IHDR" and kinds[-2:] == [b"iTXt", b"IEND"]
    assert kinds.count(b"iTXt") == 1
    assert dict(chunks(twice))[b"iTXt"] == b'openbadges\x00\x00\x00\x00\x00{"n": 2}'


def test_svg_cdata_survives_a_closing_sequence_in_the_json() -> None:
    baked = bake("image/svg+xml", DEFAULT_BADGE_SVG, '{"narrative": "a]]>b"}', URL).decode()
    assert 'xmlns:openbadges="http://openbadges.org"' in baked.split(">", 1)[0]
    cdata = baked.split("<openbadges:assertion", 1)[1]
    assert "<![CDATA[" + '{"narrative": "a]]]]><![CDATA[>b"}' + "]]>" in cdata
    assert baked.endswith("</svg>")


def test_self_closing_svg_and_rebaking() -> None:
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1"/>'
    baked = bake("image/svg+xml", svg, "{}", URL)
    assert baked.startswith(b'<?xml version="1.0"?><svg ')
    assert baked.endswith(b"]]></openbadges:assertion></svg>")
    again = bake("image/svg+xml", baked, '{"x": 1}', URL)
    assert again.count(b"<openbadges:assertion") == 1
    assert again.count(b"xmlns:openbadges") == 1


@pytest.mark.parametrize(
    ("media_type", "data"),
    [
        ("image/png", b"not a png"),
        ("image/png", PNG[:-12]),  # no IEND
        ("image/svg+xml", b"<html></html>"),
        ("image/gif", b"GIF89a"),
    ],
)
def test_unbakeable_images_are_refused(media_type: str, data: bytes) -> None:
    with pytest.raises(BakingError):
        bake(media_type, data, "{}", URL)
