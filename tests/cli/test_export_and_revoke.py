"""``badgr export assertions`` and ``badgr revoke`` against the mock over real HTTP."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
from pathlib import Path

from badgr import Client
from badgr_mock.testing import PNG_DATA_URI

from .conftest import ALICE, BADGR, Badgr, make_badge, run_in_pty, write_csv


def test_export_of_2000_awards_with_revoked_ones_and_plaintext_emails(
    logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    issuer, python = make_badge(sdk, "Python")
    rust = sdk.badgeclasses.create(
        issuer=issuer,
        name="Rust",
        description="Knows Rust",
        image=PNG_DATA_URI,
        criteria_narrative="Ship a crate",
    ).entity_id
    emails = {f"learner{n}@example.org" for n in range(2000)}
    ordered = sorted(emails)
    for badge, part in ((python, ordered[:1500]), (rust, ordered[1500:])):
        assert all(r.ok for r in sdk.assertions.award_many(badge, part, concurrency=16))
    revoked = [a.entity_id for a in sdk.assertions.list(badgeclass=rust, page_size=50).first_page()]
    assert all(r.revoked for r in sdk.assertions.revoke_many(revoked, reason="Cheated"))

    out = tmp_path / "awards.csv"
    done = logged_in.run(
        "export", "assertions", "--issuer", issuer, "--include-revoked", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    with out.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 2000 and {row["recipient"] for row in rows} == emails
    assert {row["badge"] for row in rows} == {"Python", "Rust"}
    gone = [row for row in rows if row["revoked"] == "true"]
    assert sorted(row["assertion_id"] for row in gone) == sorted(revoked)
    assert {row["revocation_reason"] for row in gone} == {"Cheated"}
    assert all(row["assertion_url"].endswith(row["assertion_id"]) for row in rows)
    assert all(row["issued_on"] for row in rows)

    current = logged_in.run("export", "assertions", "--badge", rust, "--format", "jsonl")
    records = [json.loads(line) for line in current.stdout.splitlines()]
    assert len(records) == 450 and not any(r["revoked"] for r in records)
    assert {r["recipient"] for r in records} <= emails


def test_export_speaks_the_cli_dialect(logged_in: Badgr, sdk: Client, tmp_path: Path) -> None:
    """--json like every data command; RFC 3339 `Z` timestamps as in `badgr api`; a refused
    export writes nothing, neither to stdout nor to --out; at 80 columns the table keeps ids
    and recipients whole."""
    _, badge = make_badge(sdk, "A badge class whose name is long enough to need shortening")
    long_email = "a.rather.long.recipient.address@faculty.example.org"
    award = sdk.assertions.award(badge, long_email)

    as_json = json.loads(logged_in.run("export", "assertions", "--badge", badge, "--json").stdout)
    assert [r["assertion_id"] for r in as_json] == [award.entity_id]
    assert as_json[0]["issued_on"].endswith("Z")
    raw = json.loads(logged_in.run("api", f"/v2/assertions/{award.entity_id}").stdout)
    assert as_json[0]["issued_on"] == raw[0]["issuedOn"]
    listed = json.loads(logged_in.run("badges", "list", "--json").stdout)
    assert listed[0]["createdAt"].endswith("Z")

    out = tmp_path / "never.csv"
    for target in ([], ["--out", str(out)]):
        refused = logged_in.run("export", "assertions", "--badge", "noSuchBadge0", *target)
        assert refused.returncode != 0 and refused.stdout == "", refused.stdout
    assert not out.exists() and list(tmp_path.glob(".never.csv*")) == []

    table = logged_in.run(
        "export", "assertions", "--badge", badge, "--format", "table",
        env=logged_in.env(COLUMNS="80"),
    )  # fmt: skip
    assert long_email in table.stdout and award.entity_id in table.stdout, table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 80


def test_export_needs_exactly_one_scope(logged_in: Badgr) -> None:
    done = logged_in.run("export", "assertions", "--format", "csv")
    assert done.returncode == 2 and "give exactly one of --issuer or --badge" in done.stderr


def test_revoke_in_batches_with_one_result_per_id(
    logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    _, badge = make_badge(sdk)
    awarded = sdk.assertions.award_many(badge, [f"r{n}@example.org" for n in range(250)])
    ids = [r.assertion.entity_id for r in awarded if r.assertion is not None]
    listing = write_csv(tmp_path / "ids.csv", [["assertion_id"], *([i] for i in ids)])

    unconfirmed = logged_in.run("revoke", "--csv", str(listing), "--reason", "Course cancelled")
    assert unconfirmed.returncode == 2 and "pass --yes" in unconfirmed.stderr
    assert len(list(sdk.assertions.list(badgeclass=badge, page_size=500))) == 250

    done = logged_in.run("revoke", "--csv", str(listing), "--reason", "Course cancelled", "--yes")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{i}\trevoked" for i in ids]
    assert list(sdk.assertions.list(badgeclass=badge)) == []
    assert {
        a.revocation_reason for a in sdk.assertions.list(badgeclass=badge, include_revoked=True)
    } == {"Course cancelled"}

    again = logged_in.run("revoke", "--reason", "x", "--yes", "--json", "--", ids[0], "unknown-id")
    assert again.returncode == 1
    results = [json.loads(line) for line in again.stdout.splitlines()]
    assert [(r["id"], r["status"]) for r in results] == [
        (ids[0], "already-revoked"),
        ("unknown-id", "failed"),
    ]
    assert results[1]["error"]


def test_revoking_twice_on_badgr_server_says_already_revoked(tmp_path: Path) -> None:
    """badgr-server's batch revoke answers an already-revoked item without a `code`: the CLI
    still tells it from a failure."""
    from badgr_mock import create_app
    from badgr_mock.testing import serve

    from .conftest import ALICE, PASSWORD

    with serve(create_app(":memory:", server="badgr-server")) as url:
        badgr = Badgr(url, tmp_path / "config-home")
        badgr.login("--server", "badgr-server")
        with Client(base_url=url, username=ALICE, password=PASSWORD, server="badgr-server") as sdk:
            _, badge = make_badge(sdk)
            award = sdk.assertions.award(badge, "twice@example.org")
        first = badgr.run("revoke", "--reason", "Wrong badge", "--yes", "--", award.entity_id)
        assert first.returncode == 0 and first.stdout.split() == [award.entity_id, "revoked"]
        second = badgr.run("revoke", "--reason", "Wrong badge", "--yes", "--", award.entity_id)
        assert second.returncode == 0, second.stderr
        assert second.stdout.split() == [award.entity_id, "already-revoked"]


def test_revoke_from_a_csv_without_an_id_column_names_its_own_way_out(
    logged_in: Badgr, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "ids.csv", [["name", "email"], ["Jane", "jane@example.org"]])
    done = logged_in.run("revoke", "--csv", str(path), "--reason", "x", "--yes")
    assert done.returncode == 2, done.stderr
    assert "no assertion id column among name, email" in done.stderr
    assert "assertion_id" in done.stderr and "--email-column" not in done.stderr


def test_revoke_results_on_a_terminal_never_share_the_bars_line(
    logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    _, badge = make_badge(sdk)
    ids = [sdk.assertions.award(badge, f"t{n}@example.org").entity_id for n in range(3)]
    env = logged_in.env(TERM="xterm-256color")
    # "--": one id in 64 begins with "-"
    code, drawn = run_in_pty(["revoke", "--reason", "Issued in error", "--yes", "--", *ids], env)
    assert code == 0, drawn
    assert "\x1b[" in drawn  # the bar was drawn
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn).replace("\r", "\n").splitlines()
    for entity_id in ids:
        (line,) = [line for line in lines if entity_id in line]
        assert line.split() == [entity_id, "revoked"], lines  # alone on its line


def test_revoke_results_piped_stay_on_stdout_while_the_bar_is_drawn(
    logged_in: Badgr, sdk: Client
) -> None:
    """stdout to a pipe, stderr to a terminal: every result reaches the pipe."""
    _, badge = make_badge(sdk)
    ids = [sdk.assertions.award(badge, f"p{n}@example.org").entity_id for n in range(3)]
    main, child = pty.openpty()
    done = subprocess.run(
        [str(BADGR), "revoke", "--reason", "x", "--yes", "--", *ids],
        stdin=child, stderr=child, stdout=subprocess.PIPE, env=logged_in.env(), text=True,
        timeout=120,
    )  # fmt: skip
    os.close(child)
    os.close(main)
    assert done.returncode == 0
    assert sorted(done.stdout.splitlines()) == sorted(f"{i}\trevoked" for i in ids)


HOSTILE = "Evil\x1b]0;pwned\x07\x1b[2J Academy"  # retitles the window, clears the screen
FORMULA = '=HYPERLINK("https://evil.example","click")'


def test_server_text_reaches_the_terminal_inert_and_spreadsheets_as_text(
    logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    issuer = sdk.issuers.create(name=HOSTILE, email=ALICE, url="https://evil.example")
    badge = sdk.badgeclasses.create(
        issuer=issuer.entity_id, name=FORMULA, description="d", image=PNG_DATA_URI,
        criteria_narrative="c",
    ).entity_id  # fmt: skip
    awarded = [sdk.assertions.award(badge, f"s{n}@example.org").entity_id for n in range(3)]

    listed = logged_in.run("issuers", "list")
    assert "\x1b" not in listed.stdout and "Evil\\x1b]0;pwned\\x07\\x1b[2J Academy" in listed.stdout
    table = logged_in.run("export", "assertions", "--badge", badge, "--format", "table")
    assert "\x1b" not in table.stdout and "\x07" not in table.stdout
    exact = json.loads(logged_in.run("issuers", "list", "--json").stdout)
    assert exact[0]["name"] == HOSTILE  # --json stays exact

    out = tmp_path / "awards.csv"
    assert (
        logged_in.run("export", "assertions", "--badge", badge, "--out", str(out)).returncode == 0
    )
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert {row["badge"] for row in rows} == {"'" + FORMULA}
    raw = logged_in.run("export", "assertions", "--badge", badge, "--format", "csv", "--raw-csv")
    assert {row["badge"] for row in csv.DictReader(io.StringIO(raw.stdout))} == {FORMULA}

    # the export is badgr revoke's input as it is: ids are never changed
    revoked = logged_in.run("revoke", "--csv", str(out), "--reason", "Issued in error", "--yes")
    assert revoked.returncode == 0, revoked.stderr
    assert sorted(line.split("\t")[0] for line in revoked.stdout.splitlines()) == sorted(awarded)


def test_an_id_that_begins_with_a_dash_is_never_escaped_in_csv() -> None:
    from badgr.cli._export import COLUMNS, _csv_row

    record = {c: "" for c in COLUMNS} | {"assertion_id": "-Yq3cEo5Tn2mEYbbXr1xIw", "badge": "-x"}
    row = dict(zip(COLUMNS, _csv_row(record, raw=False), strict=True))
    assert row["assertion_id"] == "-Yq3cEo5Tn2mEYbbXr1xIw" and row["badge"] == "'-x"


def test_error_lines_show_control_characters_instead_of_sending_them() -> None:
    from badgr.cli._errors import one_line

    line = one_line("404 issuer \x1b]8;;https://evil.example\x07here\x1b]8;;\x07 not found")
    assert "\x1b" not in line and "\x07" not in line and "\\x1b]8;;" in line
