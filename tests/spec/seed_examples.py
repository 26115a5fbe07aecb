"""Parse the request/response examples out of the documentation pages in docs/seeds/.

Each documented operation appears as an HTTP request line (``GET /v2/... HTTP/1.1``), its headers,
then the JSON request body (for writes) and the JSON response body.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEEDS_DIR = Path(__file__).resolve().parents[2] / "docs" / "seeds"
REQUEST_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/\S+) HTTP/1\.1$")
WRITE_METHODS = {"POST", "PUT", "PATCH"}


@dataclass(frozen=True)
class SeedExample:
    seed: str
    method: str
    path: str
    request: Any | None
    response: Any | None


def _json_values(text: str, limit: int) -> list[Any]:
    decoder = json.JSONDecoder()
    values: list[Any] = []
    pos = 0
    while len(values) < limit:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text) or text[pos] not in "{[":
            break
        value, pos = decoder.raw_decode(text, pos)
        values.append(value)
    return values


def parse_seed(path: Path) -> list[SeedExample]:
    lines = path.read_text(encoding="utf-8").splitlines()
    examples = []
    for index, line in enumerate(lines):
        match = REQUEST_LINE.match(line.strip())
        if not match:
            continue
        method, route = match.groups()
        body_start = index + 1
        while body_start < len(lines) and re.match(r"^[A-Za-z-]+: ", lines[body_start]):
            body_start += 1
        values = _json_values("\n".join(lines[body_start : body_start + 400]), limit=2)
        request = values.pop(0) if method in WRITE_METHODS and len(values) == 2 else None
        response = values[0] if values else None
        examples.append(SeedExample(path.name, method, route, request, response))
    return examples


def all_seed_examples() -> list[SeedExample]:
    return [ex for seed in sorted(SEEDS_DIR.glob("*.txt")) for ex in parse_seed(seed)]
