"""``python -m badgr_mock``: run the mock server with uvicorn."""

from __future__ import annotations

import argparse
import importlib.metadata
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
    import yaml  # noqa: F401
except ModuleNotFoundError as missing:  # the [mock] extra is not installed: one line, no trace
    print(
        f"badgr-mock: the mock server needs the 'mock' extra ({missing.name} is missing):"
        " pip install 'badgr-credentials[mock]'",
        file=sys.stderr,
    )
    raise SystemExit(2) from None

from .app import BadgrMockApp, create_app
from .auth import is_loopback
from .context import DEFAULT_REFRESH_TOKEN_TTL
from .faults import Faults, defects_from_env, faults_from_env
from .limits import Limits, uvicorn_options
from .profiles import SERVER_ENV_VAR, add_server_option
from .recorded import RecordingError
from .spec import SPEC_ENV_VAR
from .store import (
    DEMO_APP_CLIENT_ID,
    DEMO_APP_REDIRECT_URI,
    DEMO_APP_SECRET,
    DEMO_PASSWORD,
    DEMO_USERS,
)


def _parser(env_faults: Faults) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="badgr-mock", description="Stateful local Badgr / Canvas Credentials server."
    )
    version = importlib.metadata.version("badgr-credentials")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version}")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--db", default=os.environ.get("BADGR_MOCK_DB", "badgr-mock.sqlite3"), help=":memory: too"
    )
    old_env = os.environ.get("BADGR_MOCK_PROFILE")
    if old_env:
        print("badgr-mock: BADGR_MOCK_PROFILE is deprecated, use BADGR_SERVER", file=sys.stderr)
    add_server_option(parser, default=os.environ.get(SERVER_ENV_VAR) or old_env)
    parser.add_argument(
        "--spec",
        type=Path,
        default=os.environ.get(SPEC_ENV_VAR) or None,
        help="an API description to serve instead of the shipped one of --server",
    )
    parser.add_argument(
        "--public-url",
        "--base-url",
        dest="public_url",
        default=os.environ.get("BADGR_MOCK_PUBLIC_URL") or os.environ.get("BADGR_MOCK_BASE_URL"),
        help="scheme and host used in Link headers and openBadgeIds "
        "(default: trust the request's Host header, as badgr-server does)",
    )
    parser.add_argument(
        "--recorded",
        type=Path,
        default=None,
        metavar="DIR",
        help="answer the operations the records in DIR cover (`badgr proxy serve --record DIR`,"
        " or its --log file) with the recorded answers, once a request is accepted (auth and"
        " parameters valid); every other operation, logins via /o/token included, is answered"
        " by the stateful mock as usual",
    )
    parser.add_argument("--strict", action="store_true", help="validate every response")
    parser.add_argument("--token-ttl", type=int, default=86400, help="access token lifetime (s)")
    parser.add_argument(
        "--refresh-token-ttl",
        type=int,
        default=DEFAULT_REFRESH_TOKEN_TTL,
        help=f"refresh token lifetime (s, default {DEFAULT_REFRESH_TOKEN_TTL}: 30 days)",
    )
    parser.add_argument(
        "--badgr-domain",
        default="localhost:4200",
        help="the domain of the server's default BadgrApp, sent as badgrDomain "
        "(default localhost:4200; '' sends null, as a server without one does)",
    )
    parser.add_argument(
        "--no-login-backoff", action="store_true", help="do not throttle failed logins"
    )
    parser.add_argument(
        "--login-backoff-per-username",
        action="store_true",
        help="count failed logins per username alone, as badgr-server does "
        "(anyone's wrong password then delays the real user)",
    )
    parser.add_argument(
        "--test-login-route",
        action="store_true",
        help="TEST ONLY, loopback only: GET /auth/oauth2/authorize?username=… issues a code "
        "without a password",
    )
    _add_fault_options(parser, env_faults)
    _add_limit_options(parser)
    parser.add_argument("--log-level", default="info")
    return parser


def _add_fault_options(parser: argparse.ArgumentParser, env_faults: Faults) -> None:
    """Injected infrastructure faults (defaults from BADGR_MOCK_*) and test-only defects."""
    parser.add_argument("--latency-ms", type=float, default=env_faults.latency_ms)
    parser.add_argument("--fail-rate", type=float, default=env_faults.fail_rate)
    parser.add_argument(
        "--rate-limit", type=float, default=env_faults.rate_limit, help="requests/second"
    )
    parser.add_argument("--drop-rate", type=float, default=env_faults.drop_rate)
    parser.add_argument("--fault-seed", type=int, default=env_faults.seed)
    parser.add_argument(
        "--faults-on-token",
        action="store_true",
        default=env_faults.include_token_endpoint,
        help="also inject faults on /o/token and /auth/",
    )
    parser.add_argument(
        "--defects",
        default=",".join(sorted(defects_from_env())),
        help="TEST ONLY: comma-separated deliberate bugs (env BADGR_MOCK_DEFECTS)",
    )


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    """What one client may hold (badgr_mock.limits.Limits and its defaults)."""
    defaults = Limits()
    limits = parser.add_argument_group("limits (see README, Limits)")
    limits.add_argument(
        "--header-timeout",
        type=float,
        default=defaults.header_timeout,
        help="seconds for a request's headers to arrive; silent connections close after it",
    )
    limits.add_argument(
        "--timeout-keep-alive",
        type=float,
        default=defaults.keep_alive,
        help="seconds an idle keep-alive connection stays open",
    )
    limits.add_argument(
        "--body-timeout",
        type=float,
        default=defaults.body_timeout,
        help="seconds for a request body to arrive (408 after)",
    )
    limits.add_argument(
        "--max-connections",
        type=int,
        default=defaults.max_connections,
        help="open connections at most (lowered to fit the open-file limit); 503 past it",
    )
    limits.add_argument(
        "--anonymous-body-bytes",
        type=int,
        default=defaults.anonymous_body_bytes,
        help="largest body accepted without a token (the token endpoint)",
    )
    limits.add_argument(
        "--body-bytes-in-flight",
        type=int,
        default=defaults.body_bytes_in_flight,
        help="body bytes held at once by all uploads still arriving (503 past it)",
    )


def main(argv: Sequence[str] | None = None) -> None:
    import uvicorn

    try:
        env_faults = faults_from_env()
    except ValueError as exc:
        sys.exit(f"badgr-mock: bad fault setting in the environment: {exc}")
    args = _parser(env_faults).parse_args(argv)
    if args.test_login_route and not is_loopback(args.host):
        sys.exit(
            "badgr-mock: --test-login-route hands out logins without a password; it is test-only "
            "and needs a loopback --host (127.0.0.1, ::1 or localhost)"
        )
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s %(message)s")
    app, limits = _build(args)
    _banner(args, app)
    # uvicorn's access log prints query strings; the app keeps secrets out of its own logs.
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=False,
        **uvicorn_options(limits),
    )


def _build(args: argparse.Namespace) -> tuple[BadgrMockApp, Limits]:
    """The app and its limits from the flags; a bad setting exits with a one-line message."""
    try:
        faults = Faults(
            latency_ms=args.latency_ms,
            fail_rate=args.fail_rate,
            rate_limit=args.rate_limit,
            drop_rate=args.drop_rate,
            include_token_endpoint=args.faults_on_token,
            seed=args.fault_seed,
        )
        limits = Limits(
            header_timeout=args.header_timeout,
            keep_alive=args.timeout_keep_alive,
            body_timeout=args.body_timeout,
            max_connections=args.max_connections,
            anonymous_body_bytes=args.anonymous_body_bytes,
            body_bytes_in_flight=args.body_bytes_in_flight,
        )
        app = create_app(
            args.db,
            base_url=args.public_url,
            strict=args.strict,
            token_ttl=args.token_ttl,
            refresh_token_ttl=args.refresh_token_ttl,
            login_backoff=not args.no_login_backoff,
            login_backoff_per_username=args.login_backoff_per_username,
            test_login_route=args.test_login_route,
            badgr_domain=args.badgr_domain or None,
            limits=limits,
            faults=faults,
            defects=_defects(args),
            server=args.server,
            spec_path=args.spec,
            recorded=args.recorded,
        )
    except RecordingError as exc:  # bad input, as a bad flag is: exit code 2
        print(f"badgr-mock: --recorded: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    except (ValueError, OSError) as exc:
        sys.exit(f"badgr-mock: {exc}")
    return app, limits


def _defects(args: argparse.Namespace) -> frozenset[str]:
    return frozenset(name.strip() for name in args.defects.split(",") if name.strip())


def _banner(args: argparse.Namespace, app: BadgrMockApp) -> None:
    """Where the mock listens, its demo logins, and every non-default behaviour switched on."""
    url = args.public_url or f"http://{args.host}:{args.port}"
    users = ", ".join(email for email, _, _ in DEMO_USERS)
    print(f"badgr-mock listening on {url} (server {args.server}, database {args.db})", flush=True)
    print(f"  API docs: {url}/docs", flush=True)
    print(f"  demo users: {users}  password: {DEMO_PASSWORD}", flush=True)
    print(
        f"  OAuth clients: public (no secret); {DEMO_APP_CLIENT_ID} / {DEMO_APP_SECRET} "
        f"(redirect {DEMO_APP_REDIRECT_URI})",
        flush=True,
    )
    if app.recordings is not None:
        recorded = app.recordings
        print(
            f"  recorded answers: {len(recorded.answers)} from {recorded.source} for "
            f"{len(recorded.covered)} operations; every other operation is stateful",
            flush=True,
        )
        if recorded.origins:
            print(
                f"  recorded server URLs made this mock's: {', '.join(recorded.origins)}",
                flush=True,
            )
    if app.faults.active:
        print(f"  faults: {app.faults}", flush=True)
    if args.test_login_route:
        print("  TEST-ONLY password-less login route enabled (loopback only)", flush=True)
    defects = _defects(args)
    if defects:
        print(f"  DELIBERATE DEFECTS (test only): {', '.join(sorted(defects))}", flush=True)


if __name__ == "__main__":
    main()
