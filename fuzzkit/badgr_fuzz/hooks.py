"""Credentials-specific schemathesis hooks: the fuzzing profile and the extra checks.

Loaded by the fuzz kit (badgr_fuzz.cli sets SCHEMATHESIS_HOOKS) and by tests/fuzz, so both fuzz
alike.

The profile adjusts the loaded spec for fuzzing only (the files in openapi/ are untouched):
- schemathesis 4.32 finds no credential location in an `oauth2` scheme, so `ignored_auth` would
  silently check nothing; the scheme is shown as what it is on the wire, a bearer header;
- the facts a schema cannot know are added as JSON Schema: an issuer's e-mail must be one of
  the caller's verified addresses (CALLER_EMAIL), and images must be PNG/SVG data URIs or URLs.
  Valid data is then really valid, and the workflows get past "create" to the reads, updates,
  awards and deletes behind it. (Rules the servers enforce, such as a badge class's criteria,
  are the spec's own: never added here, where the mock would not see them.)
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import schemathesis
from schemathesis import Case, CheckContext, HookContext, Response

from badgr_mock.testing import PNG_DATA_URI

AnyCase = Case[Any]
#: The fuzzing identity's verified e-mail; badgr_fuzz.cli sets BADGR_FUZZ_EMAIL.
CALLER_EMAIL = os.environ.get("BADGR_FUZZ_EMAIL")
# Printable ASCII only: control characters count as whitespace to some URL checks, not others.
IMAGE = {"anyOf": [{"pattern": r"^https?://[!-~]+$"}, {"const": PNG_DATA_URI}]}


@schemathesis.hook
def before_load_schema(context: HookContext, raw_schema: dict[str, Any]) -> None:
    components = raw_schema.get("components", {})
    for scheme in components.get("securitySchemes", {}).values():
        if scheme.get("type") == "oauth2":
            scheme.clear()
            scheme.update({"type": "http", "scheme": "bearer"})
    schemas = components.get("schemas", {})
    # Linking an issuer to an organization needs write access to one the fuzzer cannot know.
    schemas.get("IssuerInput", {}).get("properties", {}).pop("organizationId", None)
    for name in (
        "IssuerInput",
        "IssuerUpdateInput",
        "BadgeClassInput",
        "BadgeClassUpdateInput",
        "BackpackImportInput",
    ):
        properties = schemas.get(name, {}).get("properties", {})
        if "image" in properties:
            image: dict[str, Any] = {"type": "string", **IMAGE}
            if any(branch.get("type") == "null" for branch in properties["image"].get("anyOf", [])):
                image = {"anyOf": [image, {"type": "null"}]}  # explicit null stays valid
            properties["image"] = image
        if "email" in properties and CALLER_EMAIL:
            properties["email"] = {"type": "string", "enum": [CALLER_EMAIL]}


MAX_PAGES = 100
CURSORS = ("after", "before", "cursor", "page")


def _result(response: Response) -> list[Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    result = body.get("result") if isinstance(body, dict) else None
    return result if isinstance(result, list) else None


def _key(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("entityId") or item.get("id") or item)
    return repr(item)


def _call(case: AnyCase, sent: Response, query: dict[str, Any]) -> Response:
    """Repeat `case` with another query, with the credentials the original request carried."""
    again = case.operation.Case(
        method=case.method,
        path_parameters=dict(case.path_parameters or {}),
        headers=dict(case.headers or {}),
        query=query,
    )
    authorization = sent.request.headers.get("Authorization")
    response: Response = again.call(
        headers={"Authorization": authorization} if authorization else None
    )
    return response


def _next_query(response: Response) -> dict[str, Any] | None:
    """The query of the next page: the `Link rel="next"` header, or a `/changed` feed's
    `pagination.nextResults` (badgr-server)."""
    for link in response.headers.get("link", []) or []:
        for part in link.split(","):
            url, _, params = part.partition(";")
            if 'rel="next"' in params.replace(" ", ""):
                return dict(parse_qsl(urlsplit(url.strip().strip("<>")).query))
    try:
        body = response.json()
    except ValueError:
        return None
    pagination = body.get("pagination") if isinstance(body, dict) else None
    next_url = pagination.get("nextResults") if isinstance(pagination, dict) else None
    if isinstance(next_url, str) and next_url:
        return dict(parse_qsl(urlsplit(next_url).query))
    return None


def _walk(case: AnyCase, first: Response) -> tuple[list[str], int, bool]:
    """Keys of every item from `first` on, following next pages: (keys, pages, complete)."""
    keys = [_key(item) for item in _result(first) or []]
    next_query, pages = _next_query(first), 1
    while next_query is not None and pages < MAX_PAGES:
        page = _call(case, first, next_query)
        items = _result(page)
        if page.status_code != 200 or items is None:
            raise AssertionError(f"Next page answered {page.status_code}: {page.text[:200]}")
        keys += [_key(item) for item in items]
        next_query, pages = _next_query(page), pages + 1
    return keys, pages, next_query is None


@schemathesis.check
def pagination_is_complete(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """Following the next pages from a first page yields every item of the list exactly once."""
    query = dict(case.query or {})
    if case.method != "GET" or response.status_code != 200 or "num" not in query:
        return None
    if any(name in query for name in CURSORS) or _result(response) is None:
        return None
    unpaged = _call(case, response, {k: v for k, v in query.items() if k != "num"})
    if unpaged.status_code != 200 or _result(unpaged) is None:
        return None
    everything, _, known = _walk(case, unpaged)
    seen, pages, complete = _walk(case, response)
    if not (known and complete):
        return None  # too long to walk here; nothing proven either way
    duplicates = sorted({key for key in seen if seen.count(key) > 1})
    missing = sorted(set(everything) - set(seen))
    if duplicates or missing:
        raise AssertionError(
            f"Walking {pages} page(s) of num={query['num']} lost {len(missing)} item(s) "
            f"{missing[:5]} and repeated {len(duplicates)} {duplicates[:5]}"
        )
    return True


@schemathesis.check
def single_entity_has_one_result(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """A 200 for one addressed entity carries exactly it: an empty `result` hides a 404."""
    if case.method not in ("GET", "PUT", "PATCH") or not case.path.endswith("}"):
        return None
    if response.status_code != 200:
        return None
    result = _result(response)
    if result is not None and len(result) != 1:
        raise AssertionError(f"Expected exactly one entity in `result`, got {len(result)}")
    return True
