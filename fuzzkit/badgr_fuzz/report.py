"""Read schemathesis' NDJSON event stream and tell server defects from conformance drift.

- *Server defects*: the server misbehaves whatever the description says (5xx, auth ignored, a
  deleted resource still readable, a created one missing, a valid request refused, pages that lose
  items, a 404 disguised as an empty 200, HTTP method hygiene).
- *Conformance drift*: the server answers differently from the description (an undocumented status,
  content type, header or body shape, or invalid input accepted). Either side may be wrong.
- *Not implemented*: an operation whose every answer was a 405, or a 404 without a JSON body (a
  router's page, not the API's "entity not found"), is listed once instead of as failures (401s
  to the probes sent without credentials do not count against that).
"""

from __future__ import annotations

import base64
import json
import shlex
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from badgr_fuzz import html
from badgr_fuzz.causes import Cause, group, signature
from badgr_fuzz.recorded import Recorded, from_scenario

#: Recorded cases kept per finding, for `--replay` (which re-sends each): the first ones, so a
#: finding seen in hundreds of cases replays in seconds.
RECORDED_CASES = 5

#: the fuzz report has the first two; `badgr proxy` (badgr_fuzz.proxy) all four
Kind = Literal["defect", "drift", "unknown", "client"]

DRIFT_CHECKS = frozenset(
    {
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "negative_data_rejection",
        "max_response_time",
    }
)
# Every other check (schemathesis' and ours in badgr_fuzz.hooks) finds a server defect, e.g.
# not_a_server_error, ignored_auth, object_level_authorization, use_after_free,
# ensure_resource_availability, positive_data_acceptance, missing_required_header,
# unsupported_method, allow_header_conformance, pagination_is_complete,
# single_entity_has_one_result.


def kind_of(check: str) -> Kind:
    return "drift" if check in DRIFT_CHECKS else "defect"


#: What a failed check says about the server, in words (checks not named here: their own name).
CATEGORIES = {
    "not_a_server_error": "server error",
    "ignored_auth": "auth ignored",
    "object_level_authorization": "auth ignored",
    "use_after_free": "use after free",
    "ensure_resource_availability": "resource vanishes",
    "positive_data_acceptance": "valid request refused",
    "pagination_is_complete": "pages lose items",
    "single_entity_has_one_result": "404 disguised as 200",
    "unsupported_method": "HTTP method handling",
    "allow_header_conformance": "HTTP method handling",
    "missing_required_header": "HTTP method handling",
    "status_code_conformance": "undocumented status",
    "content_type_conformance": "undocumented content type",
    "response_headers_conformance": "undocumented headers",
    "response_schema_conformance": "undocumented body",
    "negative_data_rejection": "invalid request accepted",
}


def category_of(check: str, message: str) -> str:
    if check == "missing_required_header" and "'Authorization'" in message:
        return "auth ignored"  # a request without credentials got past authentication
    return CATEGORIES.get(check, check)


@dataclass
class Finding:
    """One distinct failure: the same check failing the same way on one operation."""

    kind: Kind
    category: str
    operation: str
    check: str
    title: str
    message: str
    reproduction: str
    occurrences: int = 1
    #: what makes findings on other operations the same cause (badgr_fuzz.causes)
    signature: str = ""
    #: the first failing case, to send again (replay, exported tests); not in summary.json
    recorded: Recorded | None = field(default=None, repr=False, compare=False)
    #: up to RECORDED_CASES failing cases, the first one first (replay sends each)
    cases: list[Recorded] = field(default_factory=list, repr=False, compare=False)


@dataclass
class OperationStats:
    cases: int = 0
    #: (status, whether the body was JSON) -> answers
    answers: Counter[tuple[int, bool]] = field(default_factory=Counter)

    @property
    def not_implemented(self) -> bool:
        """Every answer a 405, or a 404 that is not JSON (a router's page, not the API's "entity
        not found"); 401s are allowed, from the probes sent without credentials."""
        answers = {key: n for key, n in self.answers.items() if key[0] != 401}
        if not answers or {status for status, _ in answers} - {404, 405}:
            return False
        return all(status == 405 or not is_json for status, is_json in answers)


@dataclass
class Report:
    operations: dict[str, OperationStats] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def not_implemented(self) -> list[str]:
        return sorted(name for name, stats in self.operations.items() if stats.not_implemented)

    def of_kind(self, kind: Kind) -> list[Finding]:
        hidden = set(self.not_implemented)
        return [f for f in self.findings if f.kind == kind and f.operation not in hidden]

    @property
    def exit_code(self) -> int:
        return 1 if self.of_kind("defect") or self.of_kind("drift") or self.errors else 0

    def causes(self, kind: Kind) -> list[Cause]:
        return group(self.of_kind(kind))

    def to_json(self, server: str | None = None) -> dict[str, Any]:
        """The summary: one entry per cause (the cases themselves stay in the NDJSON)."""
        return {
            **({"server": server} if server else {}),
            "operations": {name: stats.cases for name, stats in sorted(self.operations.items())},
            "server_defects": [asdict(c) for c in self.causes("defect")],
            "conformance_drift": [asdict(c) for c in self.causes("drift")],
            "not_implemented": self.not_implemented,
            "errors": self.errors,
            "exit_code": self.exit_code,
        }


def read_events(events: Path) -> Report:
    report = Report()
    seen: dict[tuple[str, str, str, str], Finding] = {}
    for line in events.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if "NonFatalError" in event:
            report.errors.append(_error_text(event["NonFatalError"]))
        elif "FatalError" in event:
            report.errors.append(_error_text(event["FatalError"]))
        elif "ScenarioFinished" in event:
            _read_scenario(event["ScenarioFinished"].get("recorder", {}), report, seen)
    return report


def _error_text(error: dict[str, Any]) -> str:
    info = error.get("info") or {}
    label = error.get("label", "")
    text = info.get("message") or info.get("title") or json.dumps(error)[:300]
    return f"{label}: {text}".strip(": ")


HTTP_METHODS = frozenset({"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"})


def _operation(label: str, case: dict[str, Any]) -> str:
    """The operation a case exercises: its scenario's label ("GET /v2/issuers"), which also covers
    the probes with undocumented methods; in stateful scenarios the case's own method and path."""
    if label.split(" ", 1)[0] in HTTP_METHODS:
        return label
    value = case.get("value", case)
    return f"{value.get('method', '?')} {value.get('path', '?')}"


def _read_scenario(
    recorder: dict[str, Any], report: Report, seen: dict[tuple[str, str, str, str], Finding]
) -> None:
    label: str = recorder.get("label", "")
    cases: dict[str, Any] = recorder.get("cases", {})
    interactions: dict[str, Any] = recorder.get("interactions", {})
    for case_id, case in cases.items():
        stats = report.operations.setdefault(_operation(label, case), OperationStats())
        stats.cases += 1
        response = (interactions.get(case_id) or {}).get("response")
        if response:
            stats.answers[(response["status_code"], _is_json(response))] += 1
    for case_id, checks in recorder.get("checks", {}).items():
        for check in checks:
            failure = (check.get("failure_info") or {}).get("failure")
            if check.get("status") != "failure" or not failure:
                continue
            failed_id = failure.get("case_id") or case_id
            interaction = interactions.get(failed_id) or interactions.get(case_id) or {}
            kind = kind_of(check["name"])
            status = (interaction.get("response") or {}).get("status_code", 0)
            if kind == "drift" and status >= 500:
                continue  # the 5xx itself is the defect; its page is not drift
            operation = _operation(label, cases.get(failed_id) or cases.get(case_id) or {})
            title = f"{failure.get('code', '')} {failure.get('title', '')}".strip()
            message = failure.get("message", "").strip()
            cause = signature(check["name"], message, interaction.get("response"))
            key = (operation, check["name"], title, cause)
            found = failed_id if failed_id in interactions else case_id
            if key in seen:
                _another_case(seen[key], recorder, found, message)
                continue
            request = interaction.get("request")
            reproduction = curl(request) if request else ""
            category = category_of(check["name"], message)
            finding = Finding(
                kind, category, operation, check["name"], title, message, reproduction
            )
            finding.signature = cause
            finding.recorded = from_scenario(recorder, found, operation, check["name"], message)
            finding.cases = [finding.recorded] if finding.recorded else []
            seen[key] = finding
            report.findings.append(finding)


def _another_case(finding: Finding, recorder: dict[str, Any], case_id: str, message: str) -> None:
    """Count one more case of `finding`; keep it for replay while fewer than RECORDED_CASES."""
    finding.occurrences += 1
    if len(finding.cases) >= RECORDED_CASES:
        return
    recorded = from_scenario(recorder, case_id, finding.operation, finding.check, message)
    if recorded is not None:
        finding.cases.append(recorded)


def _is_json(response: dict[str, Any]) -> bool:
    headers = {name.lower(): values for name, values in response.get("headers", {}).items()}
    content_type = str((headers.get("content-type") or [""])[0]).split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


def curl(request: dict[str, Any]) -> str:
    """A curl command for a recorded request (credentials stay `[Filtered]`)."""
    parts = ["curl", "-X", request["method"]]
    for name, values in request.get("headers", {}).items():
        parts += ["-H", shlex.quote(f"{name}: {values[0] if values else ''}")]
    body = (request.get("body") or {}).get("$base64")
    if body:
        parts += ["-d", shlex.quote(base64.b64decode(body).decode("utf-8", "replace"))]
    return " ".join([*parts, shlex.quote(request["uri"])])


def write_summary(report: Report, report_dir: Path, server: str | None = None) -> Path:
    path = report_dir / "summary.json"
    path.write_text(json.dumps(report.to_json(server), indent=2) + "\n", encoding="utf-8")
    return path


def _shorten(text: str, limit: int = 400) -> str:
    """Table cells stay readable; the reports keep every request in full."""
    return "\n".join(
        line if len(line) <= limit else line[:limit] + " …" for line in text.splitlines()
    )


COLUMNS = ("cause (check)", "operations", "cases", "failure (one curl reproduction)")


def cause_row(cause: Cause) -> tuple[str, str, str, str]:
    detail = _shorten(f"{cause.title}: {cause.message}\n{cause.reproduction}".strip())
    return (
        f"{cause.category}\n({cause.check})",
        "\n".join(cause.operations),
        str(cause.cases),
        detail,
    )


def causes_table(title: str, causes: list[Cause]) -> Table:
    table = Table(title=title, show_lines=True, title_justify="left")
    for column in COLUMNS:
        table.add_column(column, overflow="fold", justify="right" if column == "cases" else "left")
    for cause in causes:
        table.add_row(*(escape(cell) for cell in cause_row(cause)))
    return table


def _sections(report: Report) -> list[tuple[str, str, list[Cause]]]:
    return [
        ("Server defects", "defect", report.causes("defect")),
        ("Conformance drift", "drift", report.causes("drift")),
    ]


def _counts(report: Report) -> str:
    cases = sum(stats.cases for stats in report.operations.values())
    defects, drift = report.causes("defect"), report.causes("drift")
    return (
        f"{len(report.operations)} operations, {cases} cases: {len(defects)} server defects, "
        f"{len(drift)} conformance drift (causes; "
        f"{len(report.of_kind('defect')) + len(report.of_kind('drift'))} findings), "
        f"{len(report.not_implemented)} not implemented, {len(report.errors)} errors."
    )


def print_report(report: Report, report_dir: Path, console: Console) -> None:
    for title, kind, causes in _sections(report):
        if causes:
            style = "red" if kind == "defect" else "yellow"
            console.print(causes_table(f"{title} ({len(causes)})", causes), style=style)
    if report.not_implemented:
        console.print(f"Not implemented by this server ({len(report.not_implemented)}):")
        for name in report.not_implemented:
            console.print(f"  {escape(name)}")
    for error in report.errors:
        console.print(f"[red]error:[/red] {escape(_shorten(error, 300))}")
    console.print(
        f"{_counts(report)} Reports: {report_dir}/ (summary.json, report.html, junit.xml, "
        "events.ndjson)",
        markup=False,
    )


def write_html(report: Report, report_dir: Path, server: str | None = None) -> Path:
    """The kit's HTML report (badgr_fuzz.html): the same causes as the terminal's tables."""
    sections = [
        html.Section(
            f"{title} ({len(causes)})",
            table=html.Table(COLUMNS, [cause_row(c) for c in causes]),
            tone=kind,
        )
        for title, kind, causes in _sections(report)
        if causes
    ]
    if report.not_implemented:
        not_implemented = html.Section(
            "Not implemented by this server", items=report.not_implemented
        )
        sections.append(not_implemented)
    if report.errors:
        sections.append(html.Section("Errors of the run", items=report.errors, tone="defect"))
    intro = [_counts(report), "Every case, check, request and answer: events.ndjson."]
    if server:
        intro.insert(0, f"Kind of server: {server}.")
    path = report_dir / "report.html"
    path.write_text(html.render_page("Fuzz report", sections, intro), encoding="utf-8")
    return path
