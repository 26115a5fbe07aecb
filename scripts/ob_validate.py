"""The 1EdTech/IMS Open Badges reference validator, run offline in its own virtualenv.

``validate(badge)`` (from the project's venv) runs this file with ``.venv-obv/bin/python``,
where ``make install`` put ``openbadges`` and its old pins (``ob_validate-requirements.txt``);
the project's own venv never imports it. There the OB v2 JSON-LD context, which the validator
would download, is answered from the copy inside the package, and every other request may go
only to loopback hosts (the mock under test).

    .venv-obv/bin/python scripts/ob_validate.py URL_OR_IMAGE_FILE [--recipient EMAIL]
    .venv-obv/bin/python scripts/ob_validate.py --unbake IMAGE_FILE

prints ``{"valid", "errorCount", "warningCount", "messages", "recipientProfile", "assertion"}``
(``assertion``: the validator's graph node of the assertion, which shows ``revoked``), or for
``--unbake`` what the reference unbaker extracts: ``{"baked": …}``. Exit code 0 when valid,
1 when not, 2 when the validator itself failed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR_PYTHON = ROOT / ".venv-obv" / "bin" / "python"
_LOOPBACK = re.compile(r"^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?/")


class ValidatorMissing(RuntimeError):
    """``.venv-obv`` does not exist: ``make install`` creates it."""


def _run(*args: str) -> tuple[int, dict[str, Any]]:
    if not VALIDATOR_PYTHON.exists():
        raise ValidatorMissing(f"{VALIDATOR_PYTHON} is missing: run make install")
    completed = subprocess.run(
        [str(VALIDATOR_PYTHON), __file__, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if completed.returncode not in (0, 1):
        raise RuntimeError(f"the reference validator failed: {completed.stdout}{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return completed.returncode, result


def validate(badge: str | Path, recipient: str | None = None) -> dict[str, Any]:
    """The reference validator's verdict on an assertion URL or a baked image file."""
    _, verdict = _run(str(badge), *(["--recipient", recipient] if recipient else []))
    return verdict


def unbake(image: Path) -> str:
    """What the reference unbaker extracts from a baked image."""
    _, result = _run("--unbake", str(image))
    return str(result["baked"])


# ---- inside .venv-obv -------------------------------------------------------------------


def _assertion_node(graph: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((node for node in graph if node.get("type") == "Assertion"), None)


def _verify_offline(badge: str, recipient: str | None) -> dict[str, Any]:
    import openbadges  # type: ignore[import-not-found]
    import responses  # type: ignore[import-not-found]
    from openbadges.verifier.openbadges_context import (  # type: ignore[import-not-found]
        OPENBADGES_CONTEXT_V2_DICT,
        OPENBADGES_CONTEXT_V2_URI,
    )

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


def _unbake_offline(image: str) -> str:
    import openbadges_bakery  # type: ignore[import-not-found]

    with open(image, "rb") as handle:
        baked = openbadges_bakery.unbake(handle)
    return baked.decode("utf-8") if isinstance(baked, bytes) else str(baked)


def main() -> int:
    parser = argparse.ArgumentParser(description="Open Badges reference validator, offline.")
    parser.add_argument("badge", help="assertion URL or baked PNG/SVG file")
    parser.add_argument("--recipient", help="e-mail the recipient must match")
    parser.add_argument("--unbake", action="store_true", help="only extract the baked data")
    args = parser.parse_args()
    if args.unbake:
        print(json.dumps({"baked": _unbake_offline(args.badge)}))
        return 0
    try:
        verdict = _verify_offline(args.badge, args.recipient)
    except Exception as exc:  # the validator's own crash: say so in one line
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return 2
    print(json.dumps(verdict, indent=2, default=str))
    return 0 if verdict["valid"] else 1


if __name__ == "__main__":
    sys.exit(main())
