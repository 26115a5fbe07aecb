"""The fuzz report tells server defects from conformance drift and lists unimplemented operations
once, from schemathesis' NDJSON events (here written by hand, in the shape 4.32.5 records)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from badgr_fuzz.report import Report, category_of, curl, kind_of, read_events, write_summary

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
