"""The proxy's report: its NDJSON records read back into the fuzz kit's sections and wording.

Each problem of a record is a finding (`badgr_fuzz.report.Finding`); findings are grouped into
causes as the fuzz report groups them and shown in the same tables, in the terminal and through
the kit's HTML renderer (`badgr_fuzz.html`). Coverage adds what the traffic exercised: the
operations, statuses and response properties seen, against those the API description declares
(`properties.py`).
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from badgr_fuzz import html
from badgr_fuzz.causes import Cause, group, mask
from badgr_fuzz.proxy.exchange import from_record
from badgr_fuzz.proxy.judge import CHECKS, SECTION_TITLES
from badgr_fuzz.proxy.properties import declared_properties, response_schema, seen_properties
from badgr_fuzz.report import CATEGORIES, COLUMNS, Finding, Kind, cause_row, causes_table, curl
from badgr_mock.spec import Operation, SpecIndex

#: the proxy's own checks, in the fuzz kit's words
PROXY_CATEGORIES = {
    **CATEGORIES,
    "unknown_operation": "unknown operation",
    "request_conformance": "request breaks the API description",
}
TONES = {"defect": "defect", "drift": "drift", "unknown": "drift", "client": ""}
_SCHEMA_PATH = re.compile(r"fails schema path (\S+?):")
_INDEX = re.compile(r"/\d+(?=/|$)")


def _signature(status: int, problem: dict[str, Any]) -> str:
    pointer = _INDEX.sub("/*", str(problem.get("pointer", "")))
    message = str(problem.get("message", ""))
    schema_path = _SCHEMA_PATH.search(message)
    said = f"fails {schema_path.group(1)}" if schema_path else mask(message)
    return f"{status} {problem.get('part')} {pointer}: {said}"


def _reproduction(record: dict[str, Any]) -> str:
    exchange = from_record(record)  # the record's body decoded once, as `check` reads it
    body = exchange.request_body
    encoded = {"$base64": base64.b64encode(body).decode("ascii")} if body else None
    headers = {name: [value] for name, value in exchange.request_headers.items()}
    return curl(
        {"method": exchange.method, "headers": headers, "body": encoded, "uri": exchange.target}
    )


def findings_of(record: dict[str, Any]) -> Iterator[Finding]:
    sdk = record.get("sdk", "not checked")
    for problem in record.get("problems") or []:
        check = CHECKS.get(problem["part"], "request_conformance")
        where = f" (at {problem['pointer']})" if problem.get("pointer") else ""
        yield Finding(
            kind=problem["section"],
            category=PROXY_CATEGORIES.get(check, check),
            operation=record["operation"],
            check=check,
            title=f"HTTP {record['status']}, {problem['part']}",
            message=f"{problem['message']}{where}\nthe SDK's models: {sdk}",
            reproduction=_reproduction(record),
            signature=_signature(record["status"], problem),
        )


@dataclass
class ProxyReport:
    exchanges: int = 0
    findings: list[Finding] = field(default_factory=list)
    #: operation -> statuses seen (with how many exchanges)
    seen: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))
    #: exchanges whose answer the SDK's models could not read
    sdk_failures: int = 0
    #: operation -> 2xx status -> the property paths its JSON answers showed
    properties: dict[str, dict[int, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set))
    )

    def add(self, record: dict[str, Any]) -> None:
        self.exchanges += 1
        if record.get("operation_id"):
            self.seen[record["operation"]][int(record["status"])] += 1
            self._properties(record)
        if str(record.get("sdk", "")).startswith("fails"):
            self.sdk_failures += 1
        self.findings += findings_of(record)

    def _properties(self, record: dict[str, Any]) -> None:
        status = int(record["status"])
        response = record.get("response") or {}
        body = response.get("body")
        if not 200 <= status < 300 or body is None or response.get("base64"):
            return
        try:
            decoded = json.loads(body)
        except ValueError:
            return
        self.properties[record["operation"]][status].update(seen_properties(decoded))

    def causes(self, kind: Kind) -> list[Cause]:
        return group(f for f in self.findings if f.kind == kind)

    @property
    def exit_code(self) -> int:
        return 1 if self.findings else 0


def read_records(lines: Iterable[str]) -> ProxyReport:
    report = ProxyReport()
    for line in lines:
        if line.strip():
            report.add(json.loads(line))
    return report


def _property_coverage(
    report: ProxyReport, spec: SpecIndex, name: str, operation: Operation | None
) -> tuple[str, str]:
    """("seen of declared", the declared never seen) of the operation's 2xx answers seen."""
    answered = report.properties.get(name) or {}
    if operation is None or not answered:
        return "", ""
    declared: set[str] = set()
    for status in answered:
        schema = response_schema(spec, operation, str(status))
        declared |= declared_properties(spec.document, schema)
    seen = set().union(*answered.values()) & declared
    never = sorted(declared - seen)
    more = f" (+{len(never) - PROPERTIES_SHOWN} more)" if len(never) > PROPERTIES_SHOWN else ""
    return f"{len(seen)} of {len(declared)}", ", ".join(never[:PROPERTIES_SHOWN]) + more


def coverage(report: ProxyReport, spec: SpecIndex) -> tuple[list[tuple[str, ...]], list[str]]:
    """Rows (operation, exchanges, statuses seen, declared statuses not seen, response
    properties seen of declared, declared properties never seen) for the operations seen, and
    the declared operations never seen."""
    rows: list[tuple[str, ...]] = []
    for name, statuses in sorted(report.seen.items()):
        method, _, path = name.partition(" ")
        operation = spec.paths.get(path, {}).get(method)
        declared = set(operation.responses) if operation else set()
        seen = sorted(statuses)
        missing = sorted(declared - {str(s) for s in seen})
        shown = ", ".join(f"{s} x{statuses[s]}" for s in seen)
        properties = _property_coverage(report, spec, name, operation)
        rows.append((name, str(sum(statuses.values())), shown, ", ".join(missing), *properties))
    never = sorted(
        f"{op.method} {op.path}"
        for op in spec.operations.values()
        if f"{op.method} {op.path}" not in report.seen
    )
    return rows, never


def counts(report: ProxyReport, spec: SpecIndex) -> str:
    sections = ", ".join(
        f"{len(report.causes(kind))} {title.lower()}" for kind, title in SECTION_TITLES.items()
    )
    return (
        f"{report.exchanges} exchanges, {len(report.seen)} of {len(spec.operations)} operations"
        f" seen: {sections} (causes; {len(report.findings)} findings);"
        f" the SDK's models failed on {report.sdk_failures} answers."
    )


COVERAGE_COLUMNS = (
    "operation",
    "exchanges",
    "statuses seen",
    "declared, not seen",
    "response properties seen (2xx)",
    "declared properties never seen",
)
#: declared properties never seen, listed per operation before "(+N more)"
PROPERTIES_SHOWN = 12


def print_summary(report: ProxyReport, spec: SpecIndex, console: Console) -> None:
    for kind, title in SECTION_TITLES.items():
        causes = report.causes(kind)
        if causes:
            style = "red" if kind == "defect" else "yellow" if TONES[kind] else None
            console.print(causes_table(f"{title} ({len(causes)})", causes), style=style)
    console.print(counts(report, spec), markup=False)


def write_html(report: ProxyReport, spec: SpecIndex, path: Path, server: str) -> Path:
    sections = [
        html.Section(
            f"{title} ({len(causes)})",
            table=html.Table(COLUMNS, [cause_row(c) for c in causes]),
            tone=TONES[kind],
        )
        for kind, title in SECTION_TITLES.items()
        if (causes := report.causes(kind))
    ]
    rows, never = coverage(report, spec)
    sections.append(html.Section("Coverage", table=html.Table(COVERAGE_COLUMNS, rows)))
    if never:
        sections.append(html.Section(f"Operations never seen ({len(never)})", items=never))
    intro = [f"Kind of server: {server}.", counts(report, spec)]
    path.write_text(html.render_page("Proxy report", sections, intro), encoding="utf-8")
    return path
