"""Uploaded SVGs are cleaned before they are stored (as badgr-server does, more thoroughly);
what is not an SVG document, or declares a DOCTYPE, is refused."""

from __future__ import annotations

import base64

import pytest

from badgr_mock.svg import NotAnSvg, cleaned_svg

from .conftest import Api

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'
PIXEL = "data:image/png;base64,iVBORw0KGgo="


def test_what_a_badge_needs_is_kept() -> None:
    kept = [
        '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>',
        '<rect fill="url(#g)" width="9" height="9"/>',
        '<use xlink:href="#g"/>',
        f'<image href="{PIXEL}" width="1" height="1"/>',
        "<text>Python &lt;Basics&gt;</text>",
        "<style>rect { fill: url(#g) }</style>",
    ]
    cleaned = cleaned_svg(SVG.format("".join(kept)).encode()).decode()
    for part in ("url(#g)", 'xlink:href="#g"', PIXEL, "Python &lt;Basics&gt;", "linearGradient"):
        assert part in cleaned, part


@pytest.mark.parametrize(
    ("hostile", "trace"),
    [
        ("<script>alert(1)</script>", "alert"),
        ('<rect onclick="alert(1)"/>', "alert"),
        ('<a href="javascript:alert(1)"><text>x</text></a>', "javascript"),
        ('<image xlink:href="https://tracker.example/p.png"/>', "tracker"),
        ('<rect style="fill: url(https://tracker.example/p)"/>', "tracker"),
        ('<style>@import "https://tracker.example/x.css";</style>', "tracker"),
        ('<set attributeName="href" to="javascript:alert(1)"/>', "javascript"),
        (
            '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml">x</body></foreignObject>',
            "body",
        ),
    ],
)
def test_what_could_run_or_reach_out_is_removed(hostile: str, trace: str) -> None:
    assert trace not in cleaned_svg(SVG.format(hostile).encode()).decode()


@pytest.mark.parametrize(
    "refused",
    [
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
        b"<svg xmlns='x'/>",
        b"<svg>",
        b"<html/>",
    ],
)
def test_what_is_not_a_plain_svg_document_is_refused(api: Api, refused: bytes) -> None:
    with pytest.raises(NotAnSvg):
        cleaned_svg(refused)
    issuer = api.create_issuer()
    answer = api.call(
        "POST",
        f"/v2/issuers/{issuer['entityId']}/badgeclasses",
        json={
            "name": "X",
            "description": "x",
            "criteriaNarrative": "x",
            "image": "data:image/svg+xml;base64," + base64.b64encode(refused).decode(),
        },
    )
    assert answer.status_code == 400
    assert answer.json()["fieldErrors"] == {"image": "Valid image file or data URI required."}


def test_an_svg_with_nothing_to_remove_is_kept_byte_for_byte() -> None:
    clean = SVG.format('<rect width="9" height="9"/>').encode()
    assert cleaned_svg(clean) is clean
