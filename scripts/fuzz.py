"""Fuzz a Credentials API server with schemathesis, driven by openapi/credentials.yaml.

    make fuzz                                   # starts the mock on a temporary SQLite file
    make fuzz URL=https://api.test.badgr.com    # a live server: read-only unless --allow-writes

Credentials come from flags or the environment: BADGR_TOKEN, or BADGR_USERNAME + BADGR_PASSWORD
(BADGR_CLIENT_ID, default `public`). Reports land in --report-dir: JUnit XML, NDJSON and HTML.
The exit code is 1 when any check failed.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import ipaddress
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import yaml
from rich.console import Console
from rich.table import Table

from badgr_mock.testing import run_subprocess

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "credentials.yaml"
CHECKS_CONFIG = ROOT / "schemathesis.toml"
BIN = Path(sys.executable).parent
MOCK_USER = ("alice@example.com", "badgr-demo")
console = Console(stderr=False, highlight=False)


class FuzzSetupError(Exception):
    """The run could not start: no server, no credentials, or a refused login."""


@dataclass
class OperationSummary:
    name: str
    cases: int = 0
    failures: list[str] = field(default_factory=list)


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextlib.contextmanager
def embedded_mock(defects: str | None) -> Iterator[str]:
    """Run `python -m badgr_mock` (strict, no login back-off) on a temporary SQLite file."""
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="badgr-fuzz-"))
        server = run_subprocess(
            Path(tmp) / "mock.sqlite3",
            extra_args=["--no-login-backoff", "--strict"],
            env={"BADGR_MOCK_DEFECTS": defects or ""},
        )
        try:
            mock = stack.enter_context(server)
        except RuntimeError as error:  # it exited or never listened
            raise FuzzSetupError(f"the mock server did not start: {error}") from error
        yield mock.base_url


def obtain_token(url: str, username: str, password: str, client_id: str) -> str:
    """Password grant at /o/token. Never retried: servers throttle failed logins."""
    form = {"grant_type": "password", "username": username, "password": password}
    form["client_id"] = client_id
    response = httpx.post(f"{url.rstrip('/')}/o/token", data=form, timeout=30.0)
    if response.status_code != 200:
        try:
            error = response.json().get("error", "")
        except ValueError:
            error = ""
        raise FuzzSetupError(f"login refused for {username}: HTTP {response.status_code} {error}")
    token = response.json().get("access_token")
    if not isinstance(token, str) or not token:
        raise FuzzSetupError("the token endpoint answered without an access_token")
    return token


def verified_email(url: str, token: str) -> str | None:
    """The caller's verified e-mail (issuers must use one), read from GET /v2/users/self."""
    headers = {"Authorization": f"Bearer {token}"}
    try:
        response = httpx.get(f"{url}/v2/users/self", headers=headers, timeout=30.0)
        emails = response.json()["result"][0].get("emails", [])
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    verified = [e.get("email") for e in emails if isinstance(e, dict) and e.get("verified")]
    return next((email for email in verified if isinstance(email, str)), None)


def write_config(directory: Path) -> Path:
    """The committed per-operation check settings, plus the bearer header read from the env."""
    config = directory / "schemathesis.toml"
    header = 'headers = { Authorization = "Bearer ${BADGR_FUZZ_TOKEN}" }\n'
    config.write_text(header + CHECKS_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    return config


def schemathesis_command(args: argparse.Namespace, url: str, config: Path) -> list[str]:
    command = [str(BIN / "st"), "--config-file", str(config), "run", str(SPEC), "--url", url]
    command += ["--checks", "all", "--max-examples", str(args.max_examples)]
    command += ["--seed", str(args.seed), "--workers", "1"]
    command += ["--report", "junit,ndjson,html", "--report-dir", str(args.report_dir)]
    command += ["--report-junit-path", str(args.report_dir / "junit.xml")]
    command += ["--report-ndjson-path", str(args.report_dir / "events.ndjson")]
    command += ["--report-html-path", str(args.report_dir / "html")]
    if not args.shrink:
        command.append("--no-shrink")
    phases = args.phases
    if not phases and args.include_operation_id and not links_within(args.include_operation_id):
        phases = "examples,coverage,fuzzing"  # the stateful phase needs a link to follow
    if phases:
        command += ["--phases", phases]
    if args.rate_limit:
        command += ["--rate-limit", args.rate_limit]
    if not args.writes_allowed:
        command += ["--include-method", "GET", "--include-method", "HEAD"]
    for operation_id in args.include_operation_id:
        command += ["--include-operation-id", operation_id]
    if args.baseline:
        command += ["--baseline", str(args.baseline)]
        if args.baseline_update:
            command.append("--baseline-update")
    return command


def links_within(operation_ids: list[str]) -> bool:
    """Whether the spec links two of these operations (stateful testing needs one)."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    chosen = set(operation_ids)
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or operation.get("operationId") not in chosen:
                continue
            for response in operation.get("responses", {}).values():
                for link in response.get("links", {}).values():
                    if link.get("operationId") in chosen:
                        return True
    return False


def summarize(events: Path) -> list[OperationSummary]:
    """One row per operation (or stateful run) from schemathesis' NDJSON event stream."""
    summaries: dict[str, OperationSummary] = {}
    for line in events.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished.get("recorder", {})
        name = recorder.get("label", "?")
        summary = summaries.setdefault(name, OperationSummary(name))
        summary.cases += len(recorder.get("cases", {}))
        interactions = recorder.get("interactions", {})
        for checks in recorder.get("checks", {}).values():
            for check in checks:
                failure = (check.get("failure_info") or {}).get("failure")
                if check.get("status") != "failure" or not failure:
                    continue
                text = f"{failure.get('code', '')} {failure.get('title', '')}: "
                text += failure.get("message", "").strip()
                interaction = interactions.get(failure.get("case_id", ""))
                if interaction:
                    text += "\n" + curl(interaction["request"])
                if text not in summary.failures:
                    summary.failures.append(text)
    return sorted(summaries.values(), key=lambda s: (not s.failures, s.name))


def curl(request: dict[str, Any]) -> str:
    """A curl command for a recorded request (credentials stay `[Filtered]`)."""
    parts = ["curl", "-X", request["method"]]
    for name, values in request.get("headers", {}).items():
        parts += ["-H", shlex.quote(f"{name}: {values[0] if values else ''}")]
    body = (request.get("body") or {}).get("$base64")
    if body:
        parts += ["-d", shlex.quote(base64.b64decode(body).decode("utf-8", "replace"))]
    return " ".join([*parts, shlex.quote(request["uri"])])


def _shorten(text: str, limit: int = 400) -> str:
    """Table cells stay readable; the reports keep every request in full."""
    return "\n".join(
        line if len(line) <= limit else line[:limit] + " …" for line in text.splitlines()
    )


def print_summary(rows: list[OperationSummary], report_dir: Path) -> None:
    table = Table(title="Fuzzing summary", show_lines=True)
    table.add_column("operation")
    table.add_column("cases", justify="right")
    table.add_column("failures", justify="right")
    table.add_column("first failure (with a curl reproduction)", overflow="fold")
    for row in rows:
        failure = _shorten(row.failures[0]) if row.failures else ""
        style = "red" if row.failures else None
        table.add_row(row.name, str(row.cases), str(len(row.failures)), failure, style=style)
    console.print(table)
    failed = sum(bool(row.failures) for row in rows)
    console.print(f"{len(rows)} operations, {failed} with failures. Reports: {report_dir}/")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="server to fuzz; empty: start the embedded mock")
    parser.add_argument("--report-dir", type=Path, default=Path("fuzz-report"))
    parser.add_argument("--max-examples", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--phases", help="examples,coverage,fuzzing,stateful (default: all)")
    parser.add_argument("--rate-limit", help="e.g. 100/m, or 'auto' to honour Retry-After")
    parser.add_argument(
        "--allow-writes",
        action="store_true",
        help="also send POST/PUT/PATCH/DELETE to a non-loopback server (awards e-mail people!)",
    )
    parser.add_argument("--include-operation-id", action="append", default=[])
    parser.add_argument("--baseline", type=Path, help="schemathesis baseline of accepted failures")
    parser.add_argument(
        "--baseline-update", action="store_true", help="record this run's failures in --baseline"
    )
    parser.add_argument("--shrink", action="store_true", help="shrink failing examples (slow)")
    parser.add_argument("--token", default=os.environ.get("BADGR_TOKEN"))
    parser.add_argument("--username", default=os.environ.get("BADGR_USERNAME"))
    parser.add_argument("--password", default=os.environ.get("BADGR_PASSWORD"))
    parser.add_argument("--client-id", default=os.environ.get("BADGR_CLIENT_ID", "public"))
    parser.add_argument(
        "--mock-defects", default=os.environ.get("BADGR_MOCK_DEFECTS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    args.writes_allowed = args.allow_writes or not args.url or is_loopback(args.url)
    if args.url and not is_loopback(args.url) and args.rate_limit is None:
        args.rate_limit = "auto"
    return args


def fuzz(args: argparse.Namespace, url: str) -> int:
    if args.token:
        token = args.token
    elif args.username and args.password:
        token = obtain_token(url, args.username, args.password, args.client_id)
    elif not args.url:
        token = obtain_token(url, *MOCK_USER, args.client_id)
    else:
        raise FuzzSetupError("no credentials: set BADGR_TOKEN or BADGR_USERNAME/BADGR_PASSWORD")
    mode = "read and write" if args.writes_allowed else "read-only (GET/HEAD)"
    console.print(f"Fuzzing {url} ({mode}), seed {args.seed}, {args.max_examples} examples/op")
    args.report_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="badgr-fuzz-config-") as tmp:
        command = schemathesis_command(args, url, write_config(Path(tmp)))
        env = {**os.environ, "BADGR_FUZZ_TOKEN": token, "SCHEMATHESIS_HOOKS": "scripts.fuzz_hooks"}
        env["BADGR_FUZZ_EMAIL"] = verified_email(url, token) or ""
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        returncode = subprocess.run(command, cwd=ROOT, env=env).returncode
    events = args.report_dir / "events.ndjson"
    rows = summarize(events) if events.exists() else []
    print_summary(rows, args.report_dir)
    return 1 if returncode != 0 or any(row.failures for row in rows) else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.url:
            return fuzz(args, args.url.rstrip("/"))
        with embedded_mock(args.mock_defects) as url:
            return fuzz(args, url)
    except FuzzSetupError as error:
        console.print(f"[red]fuzz: {error}[/red]")
        return 2


if __name__ == "__main__":
    sys.exit(main())
