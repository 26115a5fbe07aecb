"""Test-only deliberate bugs, planted by wrapping the handler table (see README, "Defects").

The fuzz kit's tests switch one on to prove that each kind of server bug gets reported. Handlers
and the pipeline know nothing about them: ``create_app`` passes its operation table through
``plant_defects``. A wrong answer leaves as ``DefectAnswer``, past strict mode, so strict mode
never masks a defect; its transaction is rolled back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .context import Context, Handler, Reply, load_user
from .envelope import ErrorReply, JSONBytesResponse, dump_json, success_body
from .pagination import BEFORE, MAX_PAGE_SIZE, page_size, read_position, requested_page_size
from .spec import SpecIndex
from .store import ALL_SCOPES

DEFECT_NAMES = frozenset(
    {
        "server_error",
        "missing_field",
        "wrong_type",
        "delete_keeps_row",
        "ignore_auth",
        "pagination_drops_item",
        "not_found_as_empty",
        "failure_as_success",
        "next_links_to_itself",
        "empty_pages_forever",
    }
)
_ISSUER_WRITES = frozenset(
    {
        "create_issuer",
        "update_issuer",
        "patch_issuer",
        "update_issuer_by_open_badge_id",
        "patch_issuer_by_open_badge_id",
        "update_issuer_by_ref",
        "patch_issuer_by_ref",
    }
)
_ISSUER_READS = frozenset({"get_issuer", "get_issuer_by_open_badge_id", "get_issuer_by_ref"})
_ISSUER_DELETES = frozenset(
    {"delete_issuer", "delete_issuer_by_open_badge_id", "delete_issuer_by_ref"}
)
_BIG_PAGE_LISTS = frozenset({"list_issuers", "list_issuer_badgeclasses", "list_badgeclasses"})
_OPEN_LIST = "list_issuers"
_DEMO_USER_PK = 1

Wrapper = Callable[[Handler], Handler]


class DefectAnswer(Exception):
    """A deliberately wrong answer, sent as it is."""

    def __init__(self, status: int, body: dict[str, Any] | None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


async def send_defect_answer(request: Request, exc: Exception) -> Response:
    """Starlette exception handler for ``DefectAnswer``."""
    assert isinstance(exc, DefectAnswer)
    if exc.body is None:
        return Response(status_code=exc.status)
    return JSONBytesResponse(dump_json(exc.body), status_code=exc.status)


def plant_defects(
    spec: SpecIndex, handlers: dict[str, Handler], defects: Iterable[str]
) -> tuple[SpecIndex, dict[str, Handler]]:
    """The spec index and handler table with the chosen defects planted."""
    chosen = frozenset(defects)
    unknown = chosen - DEFECT_NAMES
    if unknown:
        raise ValueError(f"unknown defects {sorted(unknown)}; known: {sorted(DEFECT_NAMES)}")
    planted = dict(handlers)

    def wrap(operation_ids: Iterable[str], wrapper: Wrapper) -> None:
        for operation_id in operation_ids:
            planted[operation_id] = wrapper(planted[operation_id])

    if "server_error" in chosen:
        wrap(_ISSUER_WRITES, _fails_on_nul_name)
        wrap(_BIG_PAGE_LISTS, _fails_above_page_cap)
    if "missing_field" in chosen:
        wrap(["get_issuer"], _drops_entity_id)
    if "wrong_type" in chosen:
        wrap(["get_issuer"], _names_as_numbers)
    if "delete_keeps_row" in chosen:
        wrap(_ISSUER_DELETES, _keeps_row)
    if "not_found_as_empty" in chosen:
        wrap(_ISSUER_READS, _instead_of_not_found(_empty_result))
    if "pagination_drops_item" in chosen:
        keyset_lists = [
            operation_id
            for operation_id, operation in spec.operations.items()
            if any(parameter.name in ("after", "cursor") for parameter in operation.parameters)
        ]
        wrap(keyset_lists, _drops_item_between_pages)
    if "failure_as_success" in chosen:
        wrap(_ISSUER_READS, _instead_of_not_found(_failure_in_a_200))
    if "next_links_to_itself" in chosen:
        wrap([_OPEN_LIST], _next_links_to_itself)
    if "empty_pages_forever" in chosen:
        wrap([_OPEN_LIST], _empty_pages_forever)
    if "ignore_auth" in chosen:
        spec = _declared_public(spec, _OPEN_LIST)
        wrap([_OPEN_LIST], _answers_as_demo_user)
    return spec, planted


def _server_error(ctx: Context, why: str) -> DefectAnswer:
    failure = ErrorReply(500, f"server error (defect server_error: {why})")
    return DefectAnswer(500, failure.body(ctx.store.now_text()))


def _fails_on_nul_name(handler: Handler) -> Handler:
    def planted(ctx: Context) -> Reply:
        if isinstance(ctx.body, dict) and "\x00" in str(ctx.body.get("name", "")):
            raise _server_error(ctx, "issuer name with a NUL character")
        return handler(ctx)

    return planted


def _fails_above_page_cap(handler: Handler) -> Handler:
    """A server that crashes on the largest pages (``num`` of the cap or more) where it
    should clamp. Including the cap itself lets a fuzzer reach it in both profiles: the
    badgr-server spec bounds integer ``num`` to 1..500, so 500 is its boundary value."""

    def planted(ctx: Context) -> Reply:
        if (requested_page_size(ctx) or 0) >= MAX_PAGE_SIZE:
            raise _server_error(ctx, f"num of {MAX_PAGE_SIZE} or more")
        return handler(ctx)

    return planted


def _drops_entity_id(handler: Handler) -> Handler:
    def planted(ctx: Context) -> Reply:
        reply = handler(ctx)
        for entity in reply.result or []:
            entity.pop("entityId", None)
        body = success_body(reply.result or [], ctx.store.now_text(), reply.description)
        raise DefectAnswer(reply.status, body)

    return planted


def _names_as_numbers(handler: Handler) -> Handler:
    """Each result's ``name`` (a string in every spec) as the number of its characters."""

    def planted(ctx: Context) -> Reply:
        reply = handler(ctx)
        for entity in reply.result or []:
            entity["name"] = len(str(entity.get("name", "")))
        body = success_body(reply.result or [], ctx.store.now_text(), reply.description)
        raise DefectAnswer(reply.status, body)

    return planted


def _keeps_row(handler: Handler) -> Handler:
    def planted(ctx: Context) -> Reply:
        reply = handler(ctx)  # every check runs; the answer's rollback keeps the row
        raise DefectAnswer(reply.status, None)

    return planted


def _instead_of_not_found(answer: Callable[[Context, ErrorReply], Reply]) -> Wrapper:
    """A wrapper that turns the handler's 404 into ``answer(ctx, error)``."""

    def wrapper(handler: Handler) -> Handler:
        def planted(ctx: Context) -> Reply:
            try:
                return handler(ctx)
            except ErrorReply as error:
                if error.status != 404:
                    raise
                return answer(ctx, error)

        return planted

    return wrapper


def _empty_result(ctx: Context, error: ErrorReply) -> Reply:
    """``not_found_as_empty``: a 200 with nothing in it."""
    return Reply(result=[])


def _failure_in_a_200(ctx: Context, error: ErrorReply) -> Reply:
    """``failure_as_success``: the 404's envelope (``success: false``) sent with a 200 (a
    server that puts the outcome only in the body)."""
    raise DefectAnswer(200, error.body(ctx.store.now_text()))


def _next_links_to_itself(handler: Handler) -> Handler:
    """Every page's ``Link rel="next"`` is the page's own URL."""

    def planted(ctx: Context) -> Reply:
        reply = handler(ctx)
        if not _has_next(reply):
            return reply
        link = f'<{ctx.absolute_url()}>; rel="next"'
        return dataclasses.replace(reply, headers={**reply.headers, "Link": link})

    return planted


def _empty_pages_forever(handler: Handler) -> Handler:
    """Every page is empty and links to a next page that is never the same."""

    def planted(ctx: Context) -> Reply:
        ctx.require_user()
        position = str(ctx.params.get("after") or "")
        step = int(position) + 1 if position.isdigit() else 1
        link = f'<{ctx.absolute_url(after=str(step))}>; rel="next"'
        return Reply(result=[], headers={"Link": link})

    return planted


def _has_next(reply: Reply) -> bool:
    return 'rel="next"' in reply.headers.get("Link", "")


def _drops_item_between_pages(handler: Handler) -> Handler:
    """Forward pages whose next page has two or more rows: the next cursor skips one row."""

    def planted(ctx: Context) -> Reply:
        reply = handler(ctx)
        num = page_size(ctx)
        position = read_position(ctx)
        if num is None or (position and position[0] == BEFORE) or not _has_next(reply):
            return reply
        ctx.params = {**ctx.params, "num": num + 1}
        longer = handler(ctx)
        if not _has_next(longer):
            return reply
        return dataclasses.replace(longer, result=(longer.result or [])[:num])

    return planted


def _declared_public(spec: SpecIndex, operation_id: str) -> SpecIndex:
    public = dataclasses.replace(spec.operations[operation_id], security=())
    paths = {
        path: {
            method: public if operation.operation_id == operation_id else operation
            for method, operation in methods.items()
        }
        for path, methods in spec.paths.items()
    }
    operations = {**spec.operations, operation_id: public}
    return dataclasses.replace(spec, operations=operations, paths=paths)


def _answers_as_demo_user(handler: Handler) -> Handler:
    def planted(ctx: Context) -> Reply:
        if ctx.user is None:
            ctx.user = load_user(ctx.db, _DEMO_USER_PK)
            ctx.scopes = frozenset(ALL_SCOPES)
        return handler(ctx)

    return planted
