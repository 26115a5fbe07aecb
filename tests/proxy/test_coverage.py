"""The proxy report's coverage: operations, statuses and response properties seen against what
the API description declares."""

from __future__ import annotations

import json
from typing import Any

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.exchange import Exchange, to_record
from badgr_fuzz.proxy.judge import Judge
from badgr_fuzz.proxy.properties import declared_properties, response_schema
from badgr_fuzz.proxy.summary import COVERAGE_COLUMNS, ProxyReport, coverage

ME = "GET /v2/users/self"


def _record(judge: Judge, body: dict[str, Any]) -> dict[str, Any]:
    headers = {"content-type": "application/json"}
    exchange = Exchange("GET", "/v2/users/self", {}, b"", 200, headers, json.dumps(body).encode())
    return to_record(exchange, judge.judge(exchange).to_json())


def test_response_properties_seen_against_those_declared() -> None:
    spec = spec_of("documented")
    judge, report = Judge(spec), ProxyReport()
    first = {"status": {"success": True}, "result": [{"entityId": "u1"}], "servedBy": "edge-7"}
    report.add(_record(judge, first))  # servedBy: drift, not coverage
    report.add(_record(judge, {"status": {"success": True}, "result": [{"firstName": "Al"}]}))
    rows, never_seen_operations = coverage(report, spec)
    (row,) = [dict(zip(COVERAGE_COLUMNS, r, strict=True)) for r in rows if r[0] == ME]
    operation = spec.paths["/v2/users/self"]["GET"]
    declared = declared_properties(spec.document, response_schema(spec, operation, "200"))
    seen = {"/status", "/status/success", "/result", "/result/*/entityId", "/result/*/firstName"}
    assert seen <= declared  # what the two answers showed, all of it declared
    assert row["response properties seen (2xx)"] == f"{len(seen)} of {len(declared)}"
    never = row["declared properties never seen"]
    assert "/result/*/agreedTermsVersion" in never and "/result/*/firstName" not in never
    assert ME not in never_seen_operations


def test_a_schema_that_refers_to_itself_is_walked_once() -> None:
    node = {"type": "object", "properties": {"name": {}, "child": {"$ref": "#/$defs/Node"}}}
    document = {"$defs": {"Node": node}}
    found = declared_properties(document, {"items": {"$ref": "#/$defs/Node"}})
    assert found == {"/*/name", "/*/child"}
