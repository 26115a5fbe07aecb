"""Fuzz a Credentials API server with schemathesis, driven by the API description of its kind.

    badgr-fuzz                                    # the embedded mock, writes on
    badgr-fuzz --url https://api.test.badgr.com   # a live server: read-only unless --allow-writes
    badgr-fuzz --url http://127.0.0.1:8000 --server badgr-server     # a self-hosted badgr-server

Credentials come from flags or the environment: BADGR_TOKEN, or BADGR_USERNAME + BADGR_PASSWORD
(BADGR_CLIENT_ID, default `public`). Reports land in --report-dir: summary.json, JUnit XML,
NDJSON and the kit's HTML report (one entry per cause). Exit code 0 clean, 1 failures found, 2
the run could not start.

    badgr-fuzz --export-tests DIR                 # and a pytest regression test per finding
    badgr-fuzz --replay REPORT_DIR [--url URL]    # send a run's failing cases again: fixed yet?
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import yaml
from rich.console import Console

from badgr_fuzz.export import export_tests
from badgr_fuzz.replay import findings_of, recorded_server, replay
from badgr_fuzz.report import print_report, read_events, write_html, write_summary
from badgr_fuzz.resources import PROFILES, checks_config, data_file
from badgr_mock.profiles import add_server_option

MOCK_USER = ("alice@example.com", "badgr-demo")
#: Scopes a password grant asks for when --scope is not given: badgr-server gives a token
#: without `scope` only `r:profile`, and its `public` client allows these three.
DEFAULT_SCOPES = {"documented": None, "badgr-server": "rw:profile rw:issuer rw:backpack"}
console = Console(stderr=False, highlight=False)


class FuzzSetupError(Exception):
    """The run could not start: no server, no credentials, or a refused login."""


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextlib.contextmanager
def embedded_mock(defects: str | None, server: str = "documented") -> Iterator[str]:
    """Run `python -m badgr_mock` (strict, no login back-off) on a temporary SQLite file."""
    try:
        from badgr_mock.testing import run_subprocess
    except ImportError as error:
        raise FuzzSetupError("no URL given and the mock server is not installed") from error
    extra_args = ["--no-login-backoff", "--strict"]
    if server != "documented":
        extra_args += ["--server", server]
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="badgr-fuzz-"))
        process = run_subprocess(
            Path(tmp) / "mock.sqlite3",
            extra_args=extra_args,
            env={"BADGR_MOCK_DEFECTS": defects or ""},
        )
        try:
            mock = stack.enter_context(process)
        except RuntimeError as error:  # it exited or never listened
            raise FuzzSetupError(f"the mock server did not start: {error}") from error
        yield mock.base_url


def _request(method: str, url: str, **kwargs: Any) -> httpx.Response:
    try:
        return httpx.request(method, url, timeout=30.0, **kwargs)
    except httpx.HTTPError as error:
        origin = urlsplit(url)
        reason = str(error) or type(error).__name__
        raise FuzzSetupError(f"cannot reach {origin.scheme}://{origin.netloc}: {reason}") from None


def obtain_token(
    url: str, username: str, password: str, client_id: str, scope: str | None = None
) -> str:
    """Password grant at /o/token. Never retried: servers throttle failed logins."""
    form = {"grant_type": "password", "username": username, "password": password}
    form["client_id"] = client_id
    if scope:
        form["scope"] = scope
    response = _request("POST", f"{url}/o/token", data=form)
    if response.status_code != 200:
        try:
            error = response.json().get("error", "")
        except (ValueError, AttributeError):
            error = ""
        raise FuzzSetupError(f"login refused for {username}: HTTP {response.status_code} {error}")
    try:
        token = response.json().get("access_token")
    except (ValueError, AttributeError):
        token = None
    if not isinstance(token, str) or not token:
        raise FuzzSetupError("the token endpoint answered without an access_token")
    return token


def caller_email(url: str, token: str) -> str | None:
    """The caller's verified e-mail (issuers must use one), from GET /v2/users/self.

    A 401 there means the server refused the token: the run could not do anything useful."""
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    response = _request("GET", f"{url}/v2/users/self", headers=headers)
    if response.status_code == 401:
        raise FuzzSetupError(f"the server refused the token: HTTP 401 at {url}/v2/users/self")
    try:
        emails = response.json()["result"][0].get("emails", [])
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    verified = [e.get("email") for e in emails if isinstance(e, dict) and e.get("verified")]
    return next((email for email in verified if isinstance(email, str)), None)


def write_config(directory: Path) -> Path:
    """The shipped per-operation check settings, plus the headers every request carries: the
    bearer token (read from the environment, never the command line) and `Accept: JSON`, without
    which Django REST Framework servers answer `application/ld+json`."""
    config = directory / "schemathesis.toml"
    headers = 'Authorization = "Bearer ${BADGR_FUZZ_TOKEN}", Accept = "application/json"'
    text = f"headers = {{ {headers} }}\n" + checks_config()
    config.write_text(text, encoding="utf-8")
    return config


def schemathesis_command(args: argparse.Namespace, url: str, config: Path, spec: Path) -> list[str]:
    st = shutil.which("st", path=str(Path(sys.executable).parent)) or "st"
    command = [st, "--config-file", str(config), "run", str(spec), "--url", url]
    command += ["--checks", "all", "--max-examples", str(args.max_examples)]
    command += ["--seed", str(args.seed), "--workers", "1", "--continue-on-failure"]
    command += ["--report", "junit,ndjson", "--report-dir", str(args.report_dir)]
    command += ["--report-junit-path", str(args.report_dir / "junit.xml")]
    command += ["--report-ndjson-path", str(args.report_dir / "events.ndjson")]
    if not args.shrink:
        command.append("--no-shrink")
    phases = args.phases
    if (
        not phases
        and args.include_operation_id
        and not links_within(spec, args.include_operation_id)
    ):
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


def links_within(spec_path: Path, operation_ids: list[str]) -> bool:
    """Whether the spec links two of these operations (stateful testing needs one)."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
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


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="badgr-fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="server to fuzz; empty: start the embedded mock")
    add_server_option(parser)
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
    parser.add_argument(
        "--export-tests",
        type=Path,
        metavar="DIR",
        help="write a pytest regression test per distinct finding into DIR",
    )
    parser.add_argument(
        "--replay",
        type=Path,
        metavar="REPORT_DIR",
        help="send the failing cases of an earlier run again (its --report-dir) and say which "
        "still fail; no fuzzing",
    )
    parser.add_argument("--token", default=os.environ.get("BADGR_TOKEN"))
    parser.add_argument("--username", default=os.environ.get("BADGR_USERNAME"))
    parser.add_argument("--password", default=os.environ.get("BADGR_PASSWORD"))
    parser.add_argument("--client-id", default=os.environ.get("BADGR_CLIENT_ID", "public"))
    parser.add_argument(
        "--scope",
        default=os.environ.get("BADGR_SCOPE"),
        help="scopes the login asks for (default: the server's; documented: none, i.e. all)",
    )
    parser.add_argument(
        "--mock-defects", default=os.environ.get("BADGR_MOCK_DEFECTS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.scope is None:
        args.scope = DEFAULT_SCOPES[args.server]
    args.writes_allowed = args.allow_writes or not args.url or is_loopback(args.url)
    if args.url and not is_loopback(args.url) and args.rate_limit is None:
        args.rate_limit = "auto"
    return args


def login(args: argparse.Namespace, url: str) -> str:
    """A token: --token/BADGR_TOKEN, a password grant, or the embedded mock's demo user."""
    if args.token:
        return str(args.token)
    if args.username and args.password:
        return obtain_token(url, args.username, args.password, args.client_id, args.scope)
    if not args.url:
        return obtain_token(url, *MOCK_USER, args.client_id, args.scope)
    raise FuzzSetupError("no credentials: set BADGR_TOKEN or BADGR_USERNAME/BADGR_PASSWORD")


def replay_run(args: argparse.Namespace, url: str) -> int:
    """`--replay REPORT_DIR`: the recorded failing cases, sent again to `url`."""
    try:
        findings = findings_of(args.replay)
    except (OSError, ValueError) as error:
        raise FuzzSetupError(f"cannot read the report: {error}") from None
    server = recorded_server(args.replay, args.server)
    token = login(args, url)
    caller_email(url, token)  # a refused token: exit code 2, before anything is judged
    console.print(
        f"Replaying {len(findings)} findings of {args.replay} against {url}", markup=False
    )
    return replay(findings, server, url, token, console)


def fuzz(args: argparse.Namespace, url: str) -> int:
    token = login(args, url)
    email = caller_email(url, token)
    mode = "read and write" if args.writes_allowed else "read-only (GET/HEAD)"
    console.print(
        f"Fuzzing {url} as a {args.server} server ({mode}), seed {args.seed}, "
        f"{args.max_examples} examples/op"
    )
    args.report_dir.mkdir(parents=True, exist_ok=True)
    events = args.report_dir / "events.ndjson"
    events.unlink(missing_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="badgr-fuzz-config-") as tmp,
        data_file(PROFILES[args.server]) as spec,
    ):
        command = schemathesis_command(args, url, write_config(Path(tmp)), spec)
        env = {**os.environ, "BADGR_FUZZ_TOKEN": token, "SCHEMATHESIS_HOOKS": "badgr_fuzz.hooks"}
        env["BADGR_FUZZ_EMAIL"] = email or ""
        returncode = subprocess.run(command, env=env).returncode
    if not events.exists():
        raise FuzzSetupError(f"schemathesis did not run (exit code {returncode})")
    report = read_events(events)
    print_report(report, args.report_dir, console)
    write_summary(report, args.report_dir, args.server)
    write_html(report, args.report_dir, args.server)
    if args.export_tests:
        findings = report.of_kind("defect") + report.of_kind("drift")
        written = export_tests(findings, args.server, args.export_tests)
        what = f"{len(findings)} tests in {written[0]}" if written else "nothing (no findings)"
        console.print(f"Exported {what}", markup=False)
    return report.exit_code


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz kit; returns the exit code (0 clean, 1 failures found, 2 could not run)."""
    args = parse_args(argv)
    run = replay_run if args.replay else fuzz
    try:
        if args.url:
            return run(args, args.url.rstrip("/"))
        with embedded_mock(args.mock_defects, args.server) as url:
            return run(args, url)
    except FuzzSetupError as error:
        print(f"fuzz: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
