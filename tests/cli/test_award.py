"""``badgr award``: exactly once across SIGKILL, invalid rows, dry run, progress on a pty."""

from __future__ import annotations

import csv
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from badgr import Client

from .conftest import Badgr, make_badge, run_in_pty, write_csv

ROWS = 500


def result_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def server_awards(sdk: Client, badge: str) -> list[tuple[str, str]]:
    return [
        (str(a.recipient.plaintext_identity), a.entity_id)
        for a in sdk.assertions.list(badgeclass=badge, page_size=500)
    ]


def wait_for_rows(path: Path, process: subprocess.Popen[str], rows: int) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_text().count("\n") > rows:
            return
        time.sleep(0.02)
    raise AssertionError(f"the award did not reach {rows} rows while running")


def test_award_killed_midway_resumes_exactly_once(
    app: Any, logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    _, badge = make_badge(sdk)
    students = write_csv(
        tmp_path / "students.csv",
        [["name", "email"], *([f"Student {n}", f"student{n}@example.org"] for n in range(ROWS))],
    )
    out = tmp_path / "results.csv"
    app.faults.latency_ms = 5  # keep awards in flight when the kill lands
    first = logged_in.popen("award", "--csv", str(students), "--out", str(out), "--", badge)
    wait_for_rows(out, first, 150)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    recorded = len(result_rows(out))
    assert 0 < recorded < ROWS, "the kill should land midway"
    app.faults.latency_ms = 0

    second = logged_in.run("award", "--csv", str(students), "--out", str(out), "--", badge)
    assert second.returncode == 0, second.stderr

    awards = server_awards(sdk, badge)
    recipients = [email for email, _ in awards]
    assert len(awards) == ROWS and len(set(recipients)) == ROWS
    assert set(recipients) == {f"student{n}@example.org" for n in range(ROWS)}
    final = {row["email"]: row for row in result_rows(out)}  # the last row per recipient wins
    assert set(final) == set(recipients)
    assert {row["status"] for row in final.values()} <= {"awarded", "already-held"}
    assert {(email, row["assertion_id"]) for email, row in final.items()} == set(awards)
    summary = second.stderr.strip().splitlines()[-1]
    assert summary.startswith("Award of 'Python': awarded ") and "failed 0" in summary


def test_ctrl_c_stops_with_a_summary_and_the_rerun_completes(
    app: Any, logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    _, badge = make_badge(sdk)
    emails = [f"pupil{n}@example.org" for n in range(200)]
    students = write_csv(tmp_path / "pupils.csv", [["email"], *([e] for e in emails)])
    out = tmp_path / "pupils.results.csv"
    app.faults.latency_ms = 5
    first = logged_in.popen("award", "--csv", str(students), "--", badge)
    wait_for_rows(out, first, 40)
    first.send_signal(signal.SIGINT)
    _, stderr = first.communicate(timeout=120)
    app.faults.latency_ms = 0
    assert first.returncode == 130, stderr
    assert "re-run the same command to resume" in stderr.splitlines()[-1]
    assert "Traceback" not in stderr

    second = logged_in.run("award", "--csv", str(students), "--", badge)
    assert second.returncode == 0, second.stderr
    awards = server_awards(sdk, badge)
    assert sorted(email for email, _ in awards) == sorted(emails)
    final = {row["email"]: row["status"] for row in result_rows(out)}
    assert set(final) == set(emails) and set(final.values()) <= {"awarded", "already-held"}


def test_invalid_rows_are_listed_before_anything_is_awarded(
    logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    _, badge = make_badge(sdk)
    rows = [
        ["name", "E-Mail"],
        ["Ann", "ok@example.org"],
        ["Bob", ""],
        ["Cy", "not-an-address"],
        ["Di", "OK@example.org"],
    ]
    students = write_csv(tmp_path / "bad.csv", rows)
    refused = logged_in.run("award", "--csv", str(students), "--", badge)
    assert refused.returncode == 2
    assert f"{students}: line 3: empty e-mail" in refused.stderr
    assert f"{students}: line 4: not an e-mail address: 'not-an-address'" in refused.stderr
    assert f"{students}: line 5: duplicate of line 2: 'OK@example.org'" in refused.stderr
    assert server_awards(sdk, badge) == []

    dry = logged_in.run("award", "--csv", str(students), "--skip-invalid", "--dry-run", "--", badge)
    assert dry.returncode == 0 and dry.stdout.split() == ["ok@example.org"]
    assert server_awards(sdk, badge) == []

    done = logged_in.run(
        "award",
        "--csv",
        str(students),
        "--skip-invalid",
        "--quiet",
        "--narrative",
        "Top of the class",
        "--evidence-url",
        "https://example.org/work",
        "--",
        badge,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # --quiet: no progress lines, no summary
    [award] = sdk.assertions.list(badgeclass=badge)
    assert award.recipient.plaintext_identity == "ok@example.org"
    assert award.narrative == "Top of the class"
    assert [e.url for e in award.evidence or []] == ["https://example.org/work"]
    assert (tmp_path / "bad.results.csv").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,phone\nJane,123\n", "no e-mail column among name, phone; pass --email-column"),
        (b"email\n\xff\xfe@x.org\n", "is not a readable UTF-8 CSV file"),
        (b"", "is empty"),
    ],
)
def test_unusable_csv_files_are_one_line_setup_errors(
    logged_in: Badgr, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    done = logged_in.run("award", "--csv", str(path), "--", "anybadge")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr


def test_missing_csv_and_unknown_badge(logged_in: Badgr, tmp_path: Path) -> None:
    missing = logged_in.run("award", "--csv", str(tmp_path / "nope.csv"), "--", "anybadge")
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    students = write_csv(tmp_path / "s.csv", [["email"], ["a@example.org"]])
    unknown = logged_in.run("award", "--csv", str(students), "--", "doesnotexist")
    assert unknown.returncode == 1 and unknown.stderr.startswith("badgr: 404")


def test_award_on_a_terminal_draws_a_progress_bar_and_a_summary_table(
    logged_in: Badgr, sdk: Client, tmp_path: Path
) -> None:
    _, badge = make_badge(sdk)
    sdk.assertions.award(badge, "early@example.org")
    rows = [["email"], ["early@example.org"], *([f"p{n}@example.org"] for n in range(40))]
    students = write_csv(tmp_path / "class.csv", rows)
    env = logged_in.env(TERM="xterm-256color")
    env.pop("NO_COLOR")
    code, drawn = run_in_pty(["award", "--csv", str(students), "--", badge], env)
    assert code == 0, drawn
    assert "\x1b[" in drawn  # a terminal gets colours and cursor movement
    output = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)
    assert "Awarding Python" in output and "━" in output  # the bar
    assert "41/41" in output and "/s" in output and "ETA" in output
    table = output[output.rindex("Award of 'Python'") :]
    header = next(line for line in table.splitlines() if "awarded" in line)
    assert [cell.strip() for cell in header.strip("┃ \r").split("┃")] == [
        "awarded",
        "already-held",
        "failed",
    ]
    counts = next(line for line in table.splitlines() if "40" in line)
    assert [cell.strip() for cell in counts.strip("│ \r").split("│")] == ["40", "1", "0"]


def test_an_id_that_begins_with_a_dash_is_explained_and_passes_after_double_dash(
    logged_in: Badgr, tmp_path: Path
) -> None:
    # one id in 64 begins with "-" (url-safe base64), which reads as an option
    dashed = "-Yq3cEo5Tn2mEYbbXr1xIw"
    students = write_csv(tmp_path / "s.csv", [["email"], ["a@example.org"]])
    refused = logged_in.run("award", dashed, "--csv", str(students))
    assert refused.returncode == 2
    assert f"If {dashed} is an id, pass it after '--': badgr award [OPTIONS] -- {dashed}" in (
        refused.stderr
    )
    passed = logged_in.run("award", "--csv", str(students), "--", dashed)
    assert passed.returncode == 1 and passed.stderr.startswith("badgr: 404")  # reached the server
