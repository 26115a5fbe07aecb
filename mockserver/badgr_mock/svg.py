"""Uploaded SVG images, cleaned before they are stored: as badgr-server does (it strips
``<script>`` and ``onload`` with ``defusedxml``), but of everything that can run or reach out
when the image is opened: scripting elements, every event attribute, links other than to the
image itself or an embedded raster, ``url(…)`` and ``@import`` of other documents, animations
that rewrite a link. A DOCTYPE (entities: the billion laughs) is refused, not expanded."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

__all__ = ["NotAnSvg", "cleaned_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

#: elements that run script or embed other documents
_DROPPED = frozenset(
    {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio"}
)
#: what a link may point at: a part of this image, or an embedded raster
_SAFE_TARGET = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
#: ``url(…)`` to anything but a part of this image, and ``@import``
_EXTERNAL_CSS = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)


class NotAnSvg(ValueError):
    """The bytes are not an SVG document this server stores."""


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _unsafe(element: ET.Element) -> bool:
    name = _local(element.tag)
    if name in _DROPPED:
        return True
    if name.startswith(("set", "animate")):  # may rewrite a link once the image is shown
        return _local(element.get("attributeName", "")).endswith("href")
    return name == "style" and bool(_EXTERNAL_CSS.search(element.text or ""))


def _clean_attributes(element: ET.Element) -> bool:
    """Remove event and external-reference attributes; whether any was."""
    removed = False
    for attribute, value in list(element.attrib.items()):
        name = _local(attribute)
        external = name == "href" and not _SAFE_TARGET.match(value)
        if name.startswith("on") or external or _EXTERNAL_CSS.search(value):
            del element.attrib[attribute]
            removed = True
    return removed


def cleaned_svg(data: bytes) -> bytes:
    """``data`` without anything that could run or load another document when shown (the
    bytes as sent when there was nothing to remove); :class:`NotAnSvg` when it does not parse
    as an ``<svg>`` document without a DOCTYPE."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException, ValueError) as exc:
        raise NotAnSvg(str(exc)) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise NotAnSvg("the root element is not <svg> in the SVG namespace")
    changed = False
    for parent in list(root.iter()):
        for child in [child for child in parent if _unsafe(child)]:
            parent.remove(child)
            changed = True
        changed = _clean_attributes(parent) or changed
    if not changed:
        return data
    cleaned: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return cleaned
