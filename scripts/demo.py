"""``make demo``: a narrated tour of the SDK against the local mock server.

Starts ``python -m badgr_mock`` on a temporary SQLite file and a free port, then, through the
``badgr`` SDK: logs in, creates an issuer and a badge class, awards 200 recipients with a live
progress bar, pages through the awards, revokes one, shows a typed error, verifies an issued
badge (``badgr.verify`` and the Open Badges reference validator, by URL and as a baked image),
and stops the mock.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import httpx
from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from badgr import AwardResult, Client, errors, verify
from badgr_mock.testing import PNG_DATA_URI, run_subprocess
from scripts import ob_validate
from scripts.demo_cli import run_cli

USERNAME = "alice@example.com"
PASSWORD = "badgr-demo"
RECIPIENTS = 200

console = Console(highlight=False)


def step(number: int, title: str, code: str) -> None:
    console.print()
    console.rule(f"[bold cyan]{number}. {title}")
    console.print(f"[dim]>>> {code}")


def run(base_url: str) -> tuple[str, str]:
    """The SDK steps; returns an issued, unrevoked badge (its URL and recipient) to verify."""
    client = log_in(base_url)
    badge_id = create_badge(client)
    recipients = [f"student{i:03d}@example.com" for i in range(RECIPIENTS)]
    recipients[7] = "not-an-email"  # one bad address: failures are collected, not raised
    results = award(client, badge_id, recipients)
    page_through(client, badge_id)
    victim_email = revoke_one(client, results)
    show_errors(client, badge_id, recipients[1])
    keeper = next(r for r in results if r.assertion is not None and r.recipient != victim_email)
    assert keeper.assertion is not None and isinstance(keeper.assertion.open_badge_id, str)
    client.close()
    return keeper.assertion.open_badge_id, str(keeper.recipient)


def log_in(base_url: str) -> Client:
    """Step 1: the password grant runs on the first call."""
    step(1, "Log in", f'client = Client(base_url="{base_url}", username=..., password=...)')
    client = Client(base_url=base_url, username=USERNAME, password=PASSWORD)
    me = client.users.me()
    console.print(
        f"Logged in as [bold]{me.first_name} {me.last_name}[/] ({USERNAME}); the password grant"
        " ran on the first call and the token is kept (and refreshed) by the client."
    )
    console.print(f"[dim]repr(client.token) never shows secrets: {client.token!r}")
    return client


def create_badge(client: Client) -> str:
    """Steps 2 and 3: an issuer, then a badge class of it; returns the badge class's id."""
    step(2, "Create an issuer", 'issuer = client.issuers.create(name="Academy", ...)')
    issuer = client.issuers.create(
        name="Python Academy", email=USERNAME, url="https://academy.example"
    )
    console.print(f"Issuer [bold]{issuer.name}[/] created with entityId [green]{issuer.entity_id}")

    step(3, "Create a badge class", "badge = client.badgeclasses.create(issuer=..., ...)")
    badge = client.badgeclasses.create(
        issuer=issuer.entity_id,
        name="Python Basics",
        description="Knows Python",
        image=PNG_DATA_URI,
        criteria_narrative="Pass the course",
    )
    console.print(f"Badge class [bold]{badge.name}[/] created: [green]{badge.entity_id}")
    return badge.entity_id


def award(client: Client, badge_id: str, recipients: list[str]) -> list[AwardResult]:
    """Step 4: award_many with a live progress bar; failures are listed, not raised."""
    step(
        4,
        f"Award {RECIPIENTS} recipients, 16 at a time",
        "results = client.assertions.award_many(badge.entity_id, recipients, concurrency=16,"
        " progress=...)",
    )
    started = time.perf_counter()
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("awarding", total=len(recipients))

        def on_progress(done: int, total: int, result: AwardResult) -> None:
            progress.update(task, completed=done)

        results = client.assertions.award_many(
            badge_id, recipients, concurrency=16, progress=on_progress
        )
    elapsed = time.perf_counter() - started
    failed = [r for r in results if not r.ok]
    console.print(
        f"{len(results) - len(failed)} awarded, {len(failed)} failed, in {elapsed:.2f} s."
        " Each award is sent with allowDuplicateAwards=false, so a retry can never award twice."
    )
    for result in failed:
        console.print(f"  [red]✗[/] {result.recipient!r}: {result.error}")
    return results


def page_through(client: Client, badge_id: str) -> None:
    """Step 5: the pager follows the server's Link header, one page at a time."""
    step(
        5,
        "Page through the awards",
        "for a in client.assertions.list(badgeclass=..., page_size=50)",
    )
    pager = client.assertions.list(badgeclass=badge_id, page_size=50)
    table = Table("page", "items", "first recipient", "Link rel=next?")
    count = 0
    for number, page in enumerate(pager.iter_pages(), start=1):
        count += len(page)
        first = page.items[0].recipient.plaintext_identity if page.items else "-"
        table.add_row(str(number), str(len(page)), str(first), "yes" if page.next_url else "no")
    console.print(table)
    console.print(
        f"{count} assertions in {pager.pages_fetched} pages, fetched lazily by following the"
        " server's Link header."
    )


def revoke_one(client: Client, results: list[AwardResult]) -> object:
    """Step 6: revokes the first issued award; returns its recipient (not the one to verify)."""
    step(6, "Revoke one", 'client.assertions.revoke(award.entity_id, reason="Issued in error")')
    victim = next(r.assertion for r in results if r.assertion is not None)
    victim_email = next(r.recipient for r in results if r.assertion is victim)
    revoked = client.assertions.revoke(victim.entity_id, reason="Issued in error")
    console.print(
        f"Assertion [green]{revoked.entity_id}[/] revoked={revoked.revoked},"
        f" reason={revoked.revocation_reason!r}"
    )
    return victim_email


def show_errors(client: Client, badge_id: str, holder: str) -> None:
    """Step 7: a duplicate award and a missing issuer, as typed errors."""
    step(
        7, "A typed error", "client.assertions.award(badge.entity_id, recipient=<already awarded>)"
    )
    try:
        client.assertions.award(badge_id, recipient=holder)
    except errors.BadRequestError as error:
        console.print(f"[yellow]{type(error).__name__}[/] (status {error.status_code})")
        console.print(f"  error_code   = {error.error_code!r}")
        console.print(f"  field_errors = {error.field_errors!r}")
        console.print(f"  validation_errors = {error.validation_errors!r}")
    try:
        client.issuers.get("doesNotExist0000000000")
    except errors.NotFoundError as error:
        console.print(f"[yellow]{type(error).__name__}[/]: {error}")


def show_verification(number: int, assertion_url: str, recipient: str) -> None:
    """Check one issued badge as its holder's verifier would: the SDK, then the reference
    validator (its own virtualenv) by URL and as a baked image."""
    step(number, "Verify an issued badge", f'badgr.verify("{assertion_url}", recipient=...)')
    verdict = verify(assertion_url, recipient=recipient)
    table = Table("check", "result", "detail")
    for check in verdict.checks:
        colour = {"pass": "green", "fail": "red", "skip": "yellow"}[check.outcome]
        table.add_row(check.name, f"[{colour}]{check.outcome}", check.detail)
    console.print(table)
    console.print(f"badgr.verify: [bold]{'VALID' if verdict.valid else 'INVALID'}")
    with tempfile.TemporaryDirectory(prefix="badgr-demo-baked-") as tmp:
        baked = Path(tmp) / "baked.png"
        baked.write_bytes(httpx.get(f"{assertion_url}/baked", timeout=30).content)
        for label, badge in (("assertion URL", assertion_url), ("baked PNG", baked)):
            try:
                report = ob_validate.validate(badge, recipient)
            except ob_validate.ValidatorMissing as missing:
                console.print(f"[yellow]reference validator skipped: {missing}")
                return
            outcome = "[green]valid" if report["valid"] else "[red]invalid"
            console.print(
                f"1EdTech reference validator, {label}: {outcome}[/], "
                f"{report['errorCount']} errors, {report['warningCount']} warnings"
            )


def main() -> int:
    console.print(
        Panel.fit(
            "[bold]badgr SDK demo[/]\nA typed Python client for the Badgr / Canvas Credentials"
            " v2 API, run against the local mock server.",
            border_style="cyan",
        )
    )
    with tempfile.TemporaryDirectory(prefix="badgr-demo-") as tmp:
        db = Path(tmp) / "mock.sqlite3"
        console.print(f"[dim]Starting the mock: python -m badgr_mock --db {db} …")
        with run_subprocess(db) as mock:
            console.print(f"[dim]Mock listening on {mock.base_url}")
            issued = run(mock.base_url)
            run_cli(mock.base_url, Path(tmp), step, first=8)
            show_verification(11, *issued)
        console.print()
        console.print("[dim]Mock stopped. Done.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
