"""The ``badgr`` command line (``pip install 'badgr-credentials[cli]'``).

Thin over the public SDK: every command builds a :class:`badgr.Client` and calls its methods.
``import badgr`` never imports this package; only the ``badgr`` console script and
``python -m badgr`` do.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    try:
        from . import _commands
    except ImportError as exc:  # click or rich missing: the [cli] extra is not installed
        import sys

        print(
            f"badgr: the command line needs the 'cli' extra ({exc.name} is missing):"
            " pip install 'badgr-credentials[cli]'",
            file=sys.stderr,
        )
        return 2
    try:
        _commands.cli.main(args=list(argv) if argv is not None else None, prog_name="badgr")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
