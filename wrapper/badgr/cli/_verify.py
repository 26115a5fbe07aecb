"""``badgr verify``: check an awarded badge like a verifier would (Open Badges 2.0, hosted)."""

from __future__ import annotations

import click

from badgr.verification import VerificationInputError, verify

from ._app import cli
from ._errors import EXIT_FAILED
from ._state import State, common_options, pass_state

__all__: list[str] = []


@cli.command("verify")
@click.argument("source")
@click.option("--recipient", metavar="EMAIL", help="The badge must be issued to this e-mail.")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per fetch.")
@common_options
@pass_state
def verify_command(
    state: State, source: str, recipient: str | None, as_json: bool, timeout: float
) -> None:
    """Verify SOURCE: an assertion URL or a baked badge image (PNG/SVG file).

    Fetches the assertion, its badge class and issuer (no login needed) and checks that they
    resolve, the recipient matches, and the badge is neither revoked nor expired. Prints one
    row per check; exit code 1 when the badge is not valid.

    \b
    Examples:
      badgr verify https://api.badgr.io/public/assertions/ID --recipient jane@example.com
      badgr verify badge.png --json
    """
    try:
        verdict = verify(source, recipient=recipient, timeout=timeout)
    except VerificationInputError as exc:
        raise click.BadParameter(str(exc), param_hint="SOURCE") from None
    if as_json:
        state.print_json(
            {
                "valid": verdict.valid,
                "source": verdict.source,
                "assertion": verdict.assertion_url,
                "checks": [
                    {"name": c.name, "outcome": c.outcome, "detail": c.detail}
                    for c in verdict.checks
                ],
            }
        )
    else:
        state.print_rows(
            ["check", "result", "detail"],
            [[c.name, c.outcome, c.detail] for c in verdict.checks],
        )
        failed = len(verdict.failures)
        click.echo(
            "VALID" if verdict.valid else f"INVALID ({failed} check{'s' * (failed > 1)} failed)",
            err=True,
        )
    if not verdict.valid:
        raise SystemExit(EXIT_FAILED)
