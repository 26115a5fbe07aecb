"""`badgr proxy`: a local proxy in front of a Credentials server that checks each request and
answer against the API description (`badgr_fuzz.proxy.judge`, with the mock's validators),
writes one redacted NDJSON record per exchange and reports in the fuzz kit's sections; the same
checks run over recorded traffic (the proxy's NDJSON, HAR files).

`main(argv) -> int` is the entry point (`badgr proxy ...`, `python -m badgr_fuzz.proxy ...`).
"""

from __future__ import annotations

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    from badgr_fuzz.proxy.cli import main as run

    return run(argv)
