"""`badgr proxy serve` as a user runs it: the installed `badgr` command, stopped with Ctrl-C,
prints the summary and writes the HTML report; `badgr proxy report` reads the records."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.exchange import Exchange
from badgr_fuzz.proxy.judge import Judge
from badgr_fuzz.proxy.recorder import Recorder
from badgr_mock.app import create_app
from badgr_mock.testing import serve

BADGR = Path(sys.executable).parent / "badgr"
TIMEOUT = 120


def _an_earlier_run(log: Path) -> None:
    recorder = Recorder(Judge(spec_of("documented")), log)
    recorder.record(Exchange("GET", "/v2/earlier", {}, b"", 404, {}, b""))
    recorder.close()


def test_serve_until_interrupted_then_the_summary(tmp_path: Path) -> None:
    log, html = tmp_path / "traffic.ndjson", tmp_path / "report.html"
    _an_earlier_run(log)  # appended to; the summary on exit is this run's
    with serve(create_app()) as upstream:
        command = [str(BADGR), "proxy", "serve", upstream, "--port", "0", "--log", str(log)]
        proxy = subprocess.Popen(
            [*command, "--html", str(html)],
            stdout=subprocess.PIPE,
            text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        try:
            assert proxy.stdout is not None
            started = proxy.stdout.readline()  # printed once it listens
            url = started.split()[2]
            assert httpx.get(f"{url}/v2/users/self").status_code == 401  # declared
            assert httpx.get(f"{url}/v2/nowhere").status_code == 404
            proxy.send_signal(signal.SIGINT)
            output, _ = proxy.communicate(timeout=TIMEOUT)
        finally:
            proxy.kill()
    assert proxy.returncode == 1
    assert "Unknown operations (1)" in output
    assert "2 exchanges, 1 of" in output
    assert "Unknown operations (1)" in html.read_text()
    again = subprocess.run(
        [str(BADGR), "proxy", "report", str(log)], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert again.returncode == 1
    assert "GET /v2/nowhere" in again.stdout
    assert "GET /v2/earlier" in again.stdout and "3 exchanges" in again.stdout
