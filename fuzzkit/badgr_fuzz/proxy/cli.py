"""`badgr proxy` (and `python -m badgr_fuzz.proxy`): check real traffic against the API
description.

    serve UPSTREAM_URL [--server documented|badgr-server] [--port N] [--strict] [--log FILE]
          [--record DIR]                                      # and a file per exchange in DIR
    check FILE [--server ...] [--output FILE] [--html FILE]   # the proxy's NDJSON, HAR, or DIR
    report FILE [--server ...] [--html FILE]                  # the summary of a proxy's NDJSON
    suggest FILE [--server ...] [--out OVERLAY.yaml]          # an overlay that fits the answers

`--spec PATH` (check, suggest) judges by that API description instead of the shipped one.

Exit code: 0 nothing found, 1 findings, 2 could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rich.console import Console

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.exchange import to_record
from badgr_fuzz.proxy.har import read_traffic
from badgr_fuzz.proxy.judge import Judge
from badgr_fuzz.proxy.summary import ProxyReport, print_summary, read_records, write_html
from badgr_mock.profiles import add_server_option
from badgr_mock.spec import SpecIndex, load_spec

DEFAULT_LOG = "badgr-proxy.ndjson"
DESCRIPTION = "Check real traffic against the API description of a kind of Credentials server."
EXAMPLES = """Examples:
  badgr proxy serve https://api.badgr.io --port 8010 --log traffic.ndjson
  badgr proxy check browser-session.har --server badgr-server --html report.html
  badgr proxy report traffic.ndjson
  badgr proxy suggest traffic.ndjson --out observed.overlay.yaml
"""
console = Console(highlight=False)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="badgr proxy",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="forward to UPSTREAM_URL, judging each exchange")
    serve.add_argument("upstream", metavar="UPSTREAM_URL")
    serve.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8010, help="port (default 8010; 0: any)")
    serve.add_argument(
        "--log",
        type=Path,
        default=Path(DEFAULT_LOG),
        help="NDJSON records, appended to (the summary on exit covers this run)",
    )
    serve.add_argument(
        "--upstream-public-url",
        default=None,
        help="the URL the upstream writes into its links, when not UPSTREAM_URL",
    )
    serve.add_argument(
        "--record",
        type=Path,
        default=None,
        metavar="DIR",
        help="also keep each redacted exchange as a file of its own in DIR",
    )
    serve.add_argument(
        "--strict", action="store_true", help="a 502 naming the violation for a broken answer"
    )
    for name, help_text in (
        ("check", "judge recorded traffic: the proxy's NDJSON or a HAR file"),
        ("report", "the summary of a proxy's NDJSON records"),
        ("suggest", "an OpenAPI Overlay that would make the recorded answers conform"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("file", type=Path, metavar="FILE")
    commands.choices["check"].add_argument(
        "--output", type=Path, default=None, help="write the new NDJSON records here"
    )
    commands.choices["suggest"].add_argument(
        "--out", type=Path, default=None, help="write the overlay here (default: stdout)"
    )
    for name in ("check", "suggest"):
        commands.choices[name].add_argument(
            "--spec", type=Path, default=None, help="this API description, not the shipped one"
        )
    for sub in commands.choices.values():
        add_server_option(sub)
        if sub.prog.split()[-1] != "suggest":
            sub.add_argument("--html", type=Path, default=None, help="the HTML report")
        if sub.prog.split()[-1] not in ("report", "suggest"):
            sub.add_argument(
                "--redact-emails", action="store_true", help="no e-mail address in records"
            )
    return parser


def _spec(server: str, path: Path | None = None) -> SpecIndex:
    return spec_of(server) if path is None else load_spec(path)


def _judge(server: str, path: Path | None = None) -> Judge:
    from badgr_fuzz.proxy.sdk import sdk_check

    return Judge(_spec(server, path), sdk_check)


def _summarize(
    report: ProxyReport, server: str, html: Path | None, spec_path: Path | None = None
) -> int:
    spec = _spec(server, spec_path)
    print_summary(report, spec, console)
    if html is not None:
        write_html(report, spec, html, server)
        console.print(f"HTML report: {html}", markup=False)
    return report.exit_code


def _check(args: argparse.Namespace) -> int:
    judge = _judge(args.server, args.spec)
    records: list[dict[str, Any]] = []
    for exchange in read_traffic(args.file):
        verdict = judge.judge(exchange)
        records.append(to_record(exchange, verdict.to_json(), redact_emails=args.redact_emails))
    if args.output is not None:
        _write(args.output, records)
    report = ProxyReport()
    for record in records:
        report.add(record)
    return _summarize(report, args.server, args.html, args.spec)


def _suggest(args: argparse.Namespace) -> int:
    from badgr_fuzz.proxy.suggest import dump_overlay, suggest

    found = suggest(Judge(_spec(args.server, args.spec)), read_traffic(args.file))
    overlay = found.overlay(f"What the answers recorded in {args.file.name} need ({args.server})")
    text = dump_overlay(overlay)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    out = sys.stderr if args.out is None else sys.stdout
    print(
        f"badgr proxy suggest: {found.exchanges} exchanges, {len(overlay['actions'])} actions"
        + (f", written to {args.out}" if args.out else ""),
        file=out,
    )
    for left in dict.fromkeys(found.left):
        print(f"  left to a person (no widening fixes it): {left}", file=out)
    return 0


def _write(path: Path, records: Iterable[dict[str, Any]]) -> None:
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    path.write_text("".join(lines), encoding="utf-8")


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from badgr_fuzz.proxy.recorder import Recorder
    from badgr_fuzz.proxy.server import Proxy, ProxySettings
    from badgr_mock.limits import uvicorn_options

    if urlsplit(args.upstream).scheme not in ("http", "https"):
        console.print(f"badgr proxy: {args.upstream} is not an http(s) URL", markup=False)
        return 2
    recorder = Recorder(
        _judge(args.server), args.log, redact_emails=args.redact_emails, record_dir=args.record
    )
    settings = ProxySettings(
        args.upstream, upstream_public_url=args.upstream_public_url, strict=args.strict
    )
    proxy = Proxy(settings, recorder)
    # bound and listening before the line below: a client that read it can connect
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)
    host, port = sock.getsockname()[:2]
    console.print(
        f"badgr proxy: http://{host}:{port} -> {args.upstream} ({args.server});"
        f" records: {args.log}",
        markup=False,
    )
    sys.stdout.flush()
    config = uvicorn.Config(
        proxy.app, log_level="warning", access_log=False, **uvicorn_options(settings.limits)
    )
    # uvicorn raises the Ctrl-C it caught again once it has shut down: the summary follows it
    with sock, contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[sock])
    with args.log.open(encoding="utf-8") as lines:
        lines.seek(recorder.start)  # this run's records: the log may hold earlier runs'
        report = read_records(lines)
    return _summarize(report, args.server, args.html)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "check":
            return _check(args)
        if args.command == "suggest":
            return _suggest(args)
        with args.file.open(encoding="utf-8") as lines:
            report = read_records(lines)
        return _summarize(report, args.server, args.html)
    except (OSError, ValueError, KeyError) as error:
        console.print(f"badgr proxy: {type(error).__name__}: {error}", markup=False)
        return 2


if __name__ == "__main__":
    sys.exit(main())
