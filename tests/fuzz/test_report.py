"""The fuzz report tells server defects from conformance drift and lists unimplemented operations
once, from schemathesis' NDJSON events (here written by hand, in the shape 4.32.5 records)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from badgr_fuzz.recorded import from_scenario
from badgr_fuzz.report import (
    Report,
    category_of,
    curl,
    kind_of,
    read_events,
    write_html,
    write_summary,
)

JSON = {"content-type": ["application/json"]}
HTML = {"content-type": ["text/html; charset=utf-8"]}


def _interaction(method: str, path: str, status: int, headers: dict[str, list[str]]) -> Any:
    request: dict[str, Any] = {"method": method, "uri": f"http://127.0.0.1:1{path}"}
    request["headers"] = {"Authorization": ["[Filtered]"]}
    return {"request": request, "response": {"status_code": status, "headers": headers}}


def _scenario(label: str, cases: list[tuple[str, int, dict[str, list[str]], list[str]]]) -> Any:
    """A finished scenario: (case id, status, headers, failed checks) per case."""
    method, path = label.split(" ", 1)
    recorder: dict[str, Any] = {"label": label, "cases": {}, "checks": {}, "interactions": {}}
    for case_id, status, headers, failed in cases:
        recorder["cases"][case_id] = {"value": {"method": method, "path": path, "id": case_id}}
        recorder["interactions"][case_id] = _interaction(method, path, status, headers)
        recorder["checks"][case_id] = [{"name": "not_a_server_error", "status": "success"}] + [
            {
                "name": check,
                "status": "failure",
                "failure_info": {
                    "failure": {
                        "code": "ST1",
                        "title": f"{check} failed",
                        "message": f"status {status}",
                        "case_id": case_id,
                    }
                },
            }
            for check in failed
        ]
    return {"ScenarioFinished": {"recorder": recorder}}


def _report(tmp_path: Path, *events: Any) -> Report:
    path = tmp_path / "events.ndjson"
    path.write_text("\n".join(json.dumps(e) for e in [{"Initialize": {}}, *events]) + "\n")
    return read_events(path)


@pytest.mark.parametrize(
    ("check", "kind"),
    [
        ("not_a_server_error", "defect"),
        ("ignored_auth", "defect"),
        ("use_after_free", "defect"),
        ("ensure_resource_availability", "defect"),
        ("positive_data_acceptance", "defect"),
        ("pagination_is_complete", "defect"),
        ("single_entity_has_one_result", "defect"),
        ("unsupported_method", "defect"),
        ("status_code_conformance", "drift"),
        ("content_type_conformance", "drift"),
        ("response_schema_conformance", "drift"),
        ("response_headers_conformance", "drift"),
        ("negative_data_rejection", "drift"),
    ],
)
def test_each_check_is_a_defect_or_drift(check: str, kind: str) -> None:
    assert kind_of(check) == kind


def test_defects_and_drift_are_reported_apart_and_counted_once(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        _scenario(
            "GET /v2/issuers",
            [
                ("a", 200, JSON, ["response_schema_conformance"]),
                ("b", 200, JSON, ["response_schema_conformance"]),
                ("c", 200, JSON, ["ignored_auth"]),
            ],
        ),
    )
    defects, drift = report.of_kind("defect"), report.of_kind("drift")
    assert [(f.operation, f.check) for f in defects] == [("GET /v2/issuers", "ignored_auth")]
    assert [(f.check, f.occurrences) for f in drift] == [("response_schema_conformance", 2)]
    assert "curl -X GET -H 'Authorization: [Filtered]'" in defects[0].reproduction
    assert report.exit_code == 1


def test_a_server_error_is_one_defect_not_also_drift(tmp_path: Path) -> None:
    failed = ["not_a_server_error", "status_code_conformance", "content_type_conformance"]
    report = _report(tmp_path, _scenario("POST /v2/issuers", [("a", 500, HTML, failed)]))
    assert [f.check for f in report.of_kind("defect")] == ["not_a_server_error"]
    assert report.of_kind("drift") == []


def test_an_operation_answered_only_by_the_router_is_listed_once_as_not_implemented(
    tmp_path: Path,
) -> None:
    report = _report(
        tmp_path,
        _scenario(
            "GET /v2/pathways/{id}/versions/draft",
            [
                ("a", 404, HTML, ["content_type_conformance"]),
                ("b", 404, HTML, ["content_type_conformance"]),
                ("c", 401, JSON, []),  # the probe without credentials
            ],
        ),
        _scenario(
            "PATCH /v2/issuers/{idOrEntityId}", [("d", 405, JSON, ["status_code_conformance"])]
        ),
        _scenario("GET /v2/issuers", [("e", 200, JSON, [])]),
    )
    assert report.not_implemented == [
        "GET /v2/pathways/{id}/versions/draft",
        "PATCH /v2/issuers/{idOrEntityId}",
    ]
    assert report.of_kind("drift") == [] and report.of_kind("defect") == []
    assert report.exit_code == 0


def test_an_entity_not_found_everywhere_is_not_mistaken_for_a_missing_route(
    tmp_path: Path,
) -> None:
    report = _report(
        tmp_path,
        _scenario("GET /v2/users/{idOrEntityId}", [("a", 404, JSON, []), ("b", 404, JSON, [])]),
    )
    assert report.not_implemented == []


def test_errors_of_the_run_fail_it_and_the_summary_file_says_everything(tmp_path: Path) -> None:
    error = {"NonFatalError": {"label": "GET /v2/issuers", "info": {"message": "boom"}}}
    report = _report(
        tmp_path, error, _scenario("GET /v2/issuers", [("a", 500, JSON, ["not_a_server_error"])])
    )
    assert report.errors == ["GET /v2/issuers: boom"]
    summary = json.loads(write_summary(report, tmp_path).read_text())
    assert summary["exit_code"] == 1
    assert [d["check"] for d in summary["server_defects"]] == ["not_a_server_error"]
    assert summary["conformance_drift"] == [] and summary["not_implemented"] == []
    assert summary["operations"] == {"GET /v2/issuers": 1}


def test_curl_reproduces_the_request_with_its_body() -> None:
    request = {
        "method": "POST",
        "uri": "http://127.0.0.1:1/v2/issuers",
        "headers": {"Authorization": ["[Filtered]"]},
        "body": {"$base64": base64.b64encode(b'{"name": "x"}').decode()},
    }
    assert curl(request) == (
        "curl -X POST -H 'Authorization: [Filtered]' -d '{\"name\": \"x\"}' "
        "http://127.0.0.1:1/v2/issuers"
    )


def test_a_request_without_credentials_getting_past_auth_is_auth_ignored() -> None:
    message = "Got 404 when missing required 'Authorization' header, expected 401"
    assert category_of("missing_required_header", message) == "auth ignored"
    assert category_of("missing_required_header", "missing 'X-Other'") == "HTTP method handling"
    assert category_of("ignored_auth", "") == "auth ignored"


def _failing(
    label: str, case_id: str, check: str, status: int, message: str, body: bytes = b""
) -> Any:
    """A scenario with one case failing `check`, answered `status` with `body`."""
    event = _scenario(label, [(case_id, status, JSON, [check])])
    recorder = event["ScenarioFinished"]["recorder"]
    recorder["checks"][case_id][1]["failure_info"]["failure"]["message"] = message
    content = {"$base64": base64.b64encode(body).decode()}
    recorder["interactions"][case_id]["response"]["content"] = content
    return event


def _schema_message(value: str, component: str) -> str:
    return (
        f"{value} is not of type 'integer'\n\nValidated against the response schema for status "
        f"code 200.\n\nSchema at /components/schemas/{component}:\n\n    {{}}"
    )


def test_the_same_schema_location_on_several_operations_is_one_cause(tmp_path: Path) -> None:
    check = "response_schema_conformance"
    report = _report(
        tmp_path,
        _failing("GET /v2/issuers", "a", check, 200, _schema_message("'1'", "Issuer")),
        _failing("GET /v2/issuers/{id}", "b", check, 200, _schema_message("'2'", "Issuer")),
        _failing("GET /v2/issuers/{id}", "c", check, 200, _schema_message("'3'", "Issuer")),
        _failing("GET /v2/badgeclasses", "d", check, 200, _schema_message("'1'", "BadgeClass")),
    )
    causes = report.causes("drift")
    assert [(c.operations, c.findings, c.cases) for c in causes] == [
        (["GET /v2/issuers", "GET /v2/issuers/{id}"], 2, 3),
        (["GET /v2/badgeclasses"], 1, 1),
    ]
    summary = report.to_json("documented")
    assert summary["server"] == "documented"
    assert summary["conformance_drift"][0]["operations"] == causes[0].operations


def test_server_errors_are_one_cause_per_error_text(tmp_path: Path) -> None:
    def error(text: str) -> bytes:
        return json.dumps({"status": {"success": False, "description": text}}).encode()

    report = _report(
        tmp_path,
        *[
            _failing(f"GET /v2/op{n}", str(n), "not_a_server_error", 500, "", error(f"boom {n}"))
            for n in range(6)
        ],
        _failing("GET /v2/op0/x", "x", "not_a_server_error", 500, "", error("boom 0")),
        _failing("GET /v2/op9", "y", "not_a_server_error", 502, "", b"<html>Bad gateway</html>"),
    )
    causes = report.causes("defect")
    assert len(causes) == 7  # six different 500s stay six; the same text on two operations is one
    assert causes[0].operations == ["GET /v2/op0", "GET /v2/op0/x"]
    assert causes[-1].signature == "502: <html>Bad gateway</html>"


def test_the_html_report_is_the_kits_escaped_and_without_script(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    report = _report(
        tmp_path,
        _failing(f"GET /v2/{hostile}", "a", "not_a_server_error", 500, hostile, hostile.encode()),
    )
    page = write_html(report, tmp_path, "documented").read_text()
    assert "<script" not in page.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src &#x27;none&#x27;" in page and "Server defects (1)" in page


def test_a_recorded_case_holds_no_credential() -> None:
    """What replay and the exported tests keep of a request: no credential header, and the
    SDK's redaction over its query and body."""
    event = _scenario("POST /v2/issuers", [("a", 500, JSON, ["not_a_server_error"])])
    recorder = event["ScenarioFinished"]["recorder"]
    request = recorder["interactions"]["a"]["request"]
    request["uri"] += "?access_token=abcdef123456&name=x"
    request["headers"] = {"Authorization": ["Bearer sekrit-token"], "Cookie": ["session=s3cr3t"]}
    body = json.dumps({"password": "hunter22hunter", "name": "x"}).encode()
    request["body"] = {"$base64": base64.b64encode(body).decode()}
    recorded = from_scenario(recorder, "a", "POST /v2/issuers", "not_a_server_error", "")
    assert recorded is not None
    text = json.dumps(recorded.to_json()) + base64.b64decode(recorded.steps[0].body or "").decode()
    for secret in ("sekrit-token", "s3cr3t", "abcdef123456", "hunter22hunter", "Authorization"):
        assert secret not in text
    assert recorded.steps[0].authenticated and "name=x" in recorded.steps[0].target


def test_slow_answers_to_one_limit_are_one_cause() -> None:
    """`max_response_time` messages differ in the time taken, not in the limit it broke."""
    from badgr_fuzz.causes import signature

    first = signature("max_response_time", "Actual: 12.50ms\nLimit: 10.00ms", {"status_code": 200})
    second = signature("max_response_time", "Actual: 31.00ms\nLimit: 10.00ms", {"status_code": 200})
    assert first == second == "200: Limit: 10.00ms"
