"""Run the Open Badges reference validator offline; print its verdict as JSON.

Runs in its own virtualenv (``.venv-obv/bin/python tools/ob_validator/validate.py``): the
validator's old pins must not meet the project's dependencies. The OB v2 JSON-LD context, which
the validator would download, is answered from the copy inside the package; every other request
goes only to loopback hosts (the mock under test).

    validate.py URL_OR_IMAGE_FILE [--recipient EMAIL]
    validate.py --unbake IMAGE_FILE     # only what the reference unbaker extracts: {"baked": …}

Prints ``{"valid", "errorCount", "warningCount", "messages", "recipientProfile", "assertion"}``,
where ``assertion`` is the validator's graph node of the assertion (shows ``revoked``).
Exit code 0 when valid, 1 when not, 2 when the validator itself failed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import openbadges  # type: ignore[import-not-found, unused-ignore]
import openbadges_bakery  # type: ignore[import-not-found, unused-ignore]
import responses  # type: ignore[import-not-found, unused-ignore]
from openbadges.verifier.openbadges_context import (  # type: ignore[import-not-found, unused-ignore]
    OPENBADGES_CONTEXT_V2_DICT,
    OPENBADGES_CONTEXT_V2_URI,
)

_LOOPBACK = re.compile(r"^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?/")


def _assertion_node(graph: list[dict[str, Any]]) -> dict[str, Any] | None:
    for node in graph:
        if node.get("type") == "Assertion":
            return node
    return None


def run(badge: str, recipient: str | None) -> dict[str, Any]:
    profile = {"email": recipient} if recipient else None
    with responses.RequestsMock(assert_all_requests_are_fired=False) as offline:
        offline.add(responses.GET, OPENBADGES_CONTEXT_V2_URI, json=OPENBADGES_CONTEXT_V2_DICT)
        offline.add_passthru(_LOOPBACK)
        if Path(badge).is_file():
            with open(badge, "rb") as image:
                result = openbadges.verify(image, recipient_profile=profile, use_cache=False)
        else:
            result = openbadges.verify(badge, recipient_profile=profile, use_cache=False)
    report = result["report"]
    return {
        "valid": report["valid"],
        "errorCount": report["errorCount"],
        "warningCount": report["warningCount"],
        "messages": report["messages"],
        "recipientProfile": report.get("recipientProfile"),
        "assertion": _assertion_node(result.get("graph", [])),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("badge", help="assertion URL or baked PNG/SVG file")
    parser.add_argument("--recipient", help="e-mail the recipient must match")
    parser.add_argument("--unbake", action="store_true", help="only extract the baked data")
    args = parser.parse_args()
    if args.unbake:
        with open(args.badge, "rb") as image:
            baked = openbadges_bakery.unbake(image)
        text = baked.decode("utf-8") if isinstance(baked, bytes) else baked
        print(json.dumps({"baked": text}))
        return 0
    try:
        verdict = run(args.badge, args.recipient)
    except Exception as exc:  # the validator's own crash: report it, never a traceback only
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return 2
    print(json.dumps(verdict, indent=2, default=str))
    return 0 if verdict["valid"] else 1


if __name__ == "__main__":
    sys.exit(main())
