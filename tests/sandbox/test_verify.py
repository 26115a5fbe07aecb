"""badgr.verify against the served mock: URLs, baked images, and every way a badge can fail."""

from __future__ import annotations

import base64
import struct
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from badgr import Verification, verify
from badgr._unbake import unbake
from badgr.verification import VerificationInputError
from badgr_mock.testing import PNG_DATA_URI

from .conftest import RECIPIENT, Sandbox, url

HOSTED_CHECKS = [
    "assertion resolves",
    "assertion id is its URL",
    "hosted verification",
    "badge class resolves",
    "issuer resolves",
    "hosted by the issuer",
    "recipient matches",
    "not revoked",
    "issued in the past",
    "not expired",
]


def outcomes(verdict: Verification) -> dict[str, str]:
    return {check.name: check.outcome for check in verdict.checks}


def test_assertion_url_with_the_right_recipient_is_valid(sandbox: Sandbox) -> None:
    verdict = verify(url(sandbox.award), recipient=RECIPIENT.upper())
    assert verdict.valid, verdict.failures
    assert [check.name for check in verdict.checks] == HOSTED_CHECKS
    assert set(outcomes(verdict).values()) == {"pass"}
    assert verdict.assertion is not None and verdict.assertion["id"] == url(sandbox.award)
    assert verdict.badge is not None and verdict.badge["name"] == "Python <Basics>"
    assert verdict.issuer is not None and verdict.issuer["name"] == "Sandbox Academy"


def test_without_a_recipient_that_check_is_skipped(sandbox: Sandbox) -> None:
    verdict = verify(url(sandbox.award))
    assert verdict.valid
    assert outcomes(verdict)["recipient matches"] == "skip"


@pytest.mark.parametrize("which", ["award", "svg_award"])
def test_baked_images_as_bytes_and_as_files(sandbox: Sandbox, which: str, tmp_path: Path) -> None:
    award = getattr(sandbox, which)
    baked = httpx.get(f"{url(award)}/baked").content
    path = tmp_path / "badge.img"
    path.write_bytes(baked)
    for source in (baked, path, str(path)):
        verdict = verify(source, recipient=RECIPIENT)
        assert verdict.valid, verdict.failures
        assert verdict.checks[0].name == "baked data readable"
        assert verdict.assertion_url == url(award)


def test_wrong_recipient_fails_that_check_only(sandbox: Sandbox) -> None:
    verdict = verify(url(sandbox.award), recipient="mallory@example.com")
    assert not verdict.valid
    assert [check.name for check in verdict.failures] == ["recipient matches"]


def test_revoked_assertion_is_invalid_with_its_reason(sandbox: Sandbox) -> None:
    verdict = verify(url(sandbox.revoked), recipient="gone@example.com")
    assert not verdict.valid and verdict.revoked
    (failure,) = verdict.failures
    assert failure.name == "not revoked" and "Issued in error" in failure.detail


def test_expired_and_future_awards(sandbox: Sandbox) -> None:
    expires = datetime.now(UTC) + timedelta(days=30)
    award = sandbox.client.assertions.award(
        sandbox.badge.entity_id, recipient="temp@example.com", expires=expires
    )
    assert verify(url(award)).valid
    later = verify(url(award), now=expires + timedelta(days=1))
    assert [check.name for check in later.failures] == ["not expired"]
    earlier = verify(url(award), now=datetime(2000, 1, 1, tzinfo=UTC))
    assert [check.name for check in earlier.failures] == ["issued in the past"]


def test_unknown_and_unreachable_assertions_are_invalid_not_raised(sandbox: Sandbox) -> None:
    missing = verify(f"{sandbox.base_url}/public/assertions/doesNotExist")
    assert [(check.name, check.outcome) for check in missing.checks] == [
        ("assertion resolves", "fail")
    ]
    assert "404" in missing.checks[0].detail
    not_a_badge = verify(url(sandbox.badge))
    assert "is not a Assertion" in not_a_badge.failures[0].detail
    closed = verify("http://127.0.0.1:9/public/assertions/x", timeout=5)
    assert not closed.valid and "could not be fetched" in closed.failures[0].detail


def test_unreadable_sources_raise_a_typed_error(tmp_path: Path) -> None:
    plain_png = tmp_path / "plain.png"
    plain_png.write_bytes(_png_without_badge())
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    sources: list[tuple[Path | bytes, str]] = [
        (tmp_path / "absent.png", "cannot be read"),
        (plain_png, "no Open Badges data"),
        (text, "not a PNG or SVG"),
        (b"<svg><openbadges:assertion/></svg>", "empty"),
        (
            b"<svg><openbadges:assertion><![CDATA[eyJ.abc.def]]></openbadges:assertion></svg>",
            "signed",
        ),
    ]
    for source, message in sources:
        with pytest.raises(VerificationInputError, match=message):
            verify(source)


def _png_without_badge() -> bytes:
    return base64.b64decode(PNG_DATA_URI.split(",", 1)[1])


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_unbake_reads_legacy_and_compressed_chunks_and_svg_attributes() -> None:
    png = _png_without_badge()
    head, iend = png[:-12], png[-12:]
    legacy = head + _chunk(b"tEXt", b"openbadges\x00http://x.example/a") + iend
    assert unbake(legacy) == "http://x.example/a"
    packed = zlib.compress(b'{"id": "http://x.example/b"}')
    compressed = head + _chunk(b"iTXt", b"openbadges\x00\x01\x00\x00\x00" + packed) + iend
    assert unbake(compressed) == '{"id": "http://x.example/b"}'
    svg = b"<svg><openbadges:assertion verify='http://x.example/c?a=1&amp;b=2'/></svg>"
    assert unbake(svg) == "http://x.example/c?a=1&b=2"
