"""``make demo``, last part: the ``badgr`` command line does one award from a CSV file and one
export, against the same mock the SDK tour used."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

USERNAME = "alice@example.com"
PASSWORD = "badgr-demo"
BADGR = Path(sys.executable).parent / "badgr"
STUDENTS = 25

Step = Callable[[int, str, str], None]


def run_cli(base_url: str, workdir: Path, step: Step, first: int) -> None:
    """Steps ``first`` … ``first + 2``: log in, award from a CSV, export."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(workdir / "config")}

    def badgr(*args: str, capture: bool = False, password: bool = False) -> str:
        extra = {"BADGR_PASSWORD": PASSWORD} if password else {}
        done = subprocess.run(
            [str(BADGR), *args],
            env={**env, **extra},
            check=True,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        return done.stdout or ""

    step(first, "The command line: log in once", f"badgr login --base-url {base_url} ...")
    badgr("login", "--base-url", base_url, "--username", USERNAME, password=True)
    issuer = badgr("issuers", "list", capture=True).split("\t")[0]
    badge = badgr(
        "badges",
        "create",
        "--issuer",
        issuer,
        "--name",
        "Command Line Basics",
        "--description",
        "Uses a shell",
        "--image",
        "https://example.org/cli.png",
        "--criteria-narrative",
        "Finish the shell tutorial",
        capture=True,
    ).strip()

    students = workdir / "class.csv"
    students.write_text(
        "name,email\n" + "".join(f"Student {n},cli{n:02d}@example.com\n" for n in range(STUDENTS)),
        encoding="utf-8",
    )
    results = workdir / "results.csv"
    step(
        first + 1, "Award from a CSV file", f"badgr award {badge} --csv class.csv --out results.csv"
    )
    badgr("award", badge, "--csv", str(students), "--out", str(results))
    print("Run it again and nothing is awarded twice:")
    badgr("award", badge, "--csv", str(students), "--out", str(results))

    step(
        first + 2, "Export who holds it", f"badgr export assertions --badge {badge} --format table"
    )
    badgr("export", "assertions", "--badge", badge, "--format", "table")
