"""`badgr proxy suggest`: from observed answers to an OpenAPI Overlay 1.0 document (the format
of openapi/badgr-server.overlay.yaml) that would make them conform to the API description.

Three kinds of action, each only ever adding: an undeclared status code added to its operation
with the observed body's shape (a page that is not JSON: its media type, `type: string`); a type
(`null` among them) added to a field seen with it; an undeclared field added, optional, with its
observed shape. Nothing is removed on the strength of absence: a required field an answer lacks,
a missing header, an undeclared media type on a declared status stay as they are, listed as left
to a person. (The one `remove` it writes takes a `$ref`-only schema out to put it back in an
`anyOf` with the observed shape: a widening.)

A value failing its `format` or `pattern` (a date-time without a zone, a URL the pattern
refuses) is listed too, never widened. The widenings at hand would each tell callers less than
the truth: dropping the keyword takes the promise away from every value (the SDK's models parse a
`date-time` into a datetime and would then return strings), and an `anyOf` with a pattern guessed
from the values seen generalises from a sample, and would document a defect as the contract. A
value off its format is as likely the server's fault as the description's: a person decides. The
note names the operation, the value's JSON pointer, the keyword and where the schema says it,
never the value (an e-mail format failure would show the address).

Of the 5xx, only an answer a correctly running deployment gives (502, 503, 504: a gateway, an
overload, a maintenance page) is described; any other is a defect, listed as left to a person.
`badgr proxy check` still reports every 5xx as a server defect, declared or not (as the fuzz
kit's `not_a_server_error` does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from badgr_fuzz.proxy.exchange import Exchange
from badgr_fuzz.proxy.judge import DRIFT, Judge, decoded
from badgr_fuzz.proxy.shapes import Schema, Walker, infer, merge
from badgr_mock.requests import media_type_of
from badgr_mock.spec import is_json

#: keys written as `.key` in a JSONPath target (anything else is quoted: `['key']`)
_PLAIN = frozenset(
    {"paths", "components", "schemas", "responses", "content", "schema", "properties", "items"}
    | {"allOf", "anyOf", "oneOf", "additionalProperties", "get", "put", "post", "delete", "patch"}
)
_INDEX = re.compile(r"\d+")
_MEMBER = re.compile(r"/(?:allOf|anyOf|oneOf)/\d+$")
JSON = "application/json"
#: the 5xx a deployment answers while running as it should: described like any other status
UNAVAILABLE = frozenset({502, 503, 504})


def jsonpath(pointer: str) -> str:
    """A JSON pointer as the JSONPath target of an overlay action."""
    path = "$"
    for raw in pointer.lstrip("/").split("/") if pointer else []:
        key = raw.replace("~1", "/").replace("~0", "~")
        if key in _PLAIN:
            path += f".{key}"
        elif _INDEX.fullmatch(key) and path.endswith(("allOf", "anyOf", "oneOf")):
            path += f"[{key}]"
        else:
            path += "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return path


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


@dataclass
class Suggestion:
    """What the observed answers ask of the description, gathered exchange by exchange."""

    judge: Judge
    walker: Walker = field(init=False)
    #: (path, method, status) -> media type -> observed shape (none: no body)
    statuses: dict[tuple[str, str, str], dict[str, Schema]] = field(default_factory=dict)
    #: drift no action can fix without narrowing or guessing
    left: list[str] = field(default_factory=list)
    exchanges: int = 0

    def __post_init__(self) -> None:
        self.walker = Walker(self.judge.spec.document)

    def add(self, exchange: Exchange) -> None:
        self.exchanges += 1
        found = self.judge.find(exchange.method, exchange.routed_path)
        if found is None or exchange.note or exchange.client_gone:
            return  # no operation, or not the whole answer: nothing to learn from
        operation = found[0]
        media_type = media_type_of(exchange.response_headers.get("content-type"))
        body = decoded(exchange.response_body, media_type)
        where = f"{operation.method} {operation.path} {exchange.status}"
        declared = operation.responses.get(str(exchange.status))
        if exchange.status >= 500:  # judged a defect, its page never drift
            if declared is None and exchange.status in UNAVAILABLE:
                self._status(operation.path, operation.method, exchange.status, media_type, body)
            elif declared is None:
                self.left.append(f"{where}: a server error, a defect to fix, not to describe")
            return
        problems = [p for p in self.judge.judge(exchange).problems if p.section == DRIFT]
        if any(p.part == "status" for p in problems):
            self._status(operation.path, operation.method, exchange.status, media_type, body)
            return
        for problem in problems:
            unfixable = problem.part in ("media type", "header")
            if unfixable or problem.message.startswith(("no body", "a body")):
                self.left.append(f"{where}: {problem.message}")
        if declared is None or not is_json(media_type) or media_type not in declared.media_types:
            return
        pointer = self._schema_pointer(
            operation.path, operation.method.lower(), exchange.status, media_type
        )
        if body is not None and pointer is not None:
            self.walker.walk(self.walker.lookup(pointer), pointer, body, f"{where}: ")

    def _status(self, path: str, method: str, status: int, media_type: str, body: Any) -> None:
        """An undeclared status: its observed body's shape under the observed media type."""
        shapes = self.statuses.setdefault((path, method.lower(), str(status)), {})
        if body is None:
            return  # no content: the status alone
        if not media_type:
            self.left.append(f"{method} {path} {status}: a body without a content type")
            return
        # the validators judge any JSON body by application/json's schema: declared too; a
        # page that is not JSON by its own media type's, as they read it (text: a string)
        chosen = [media_type, JSON] if is_json(media_type) else [media_type]
        shape = infer(body)
        for media in dict.fromkeys(chosen):
            old = shapes.get(media)
            shapes[media] = merge(old, shape) if old else shape

    def _schema_pointer(self, path: str, method: str, status: int, media_type: str) -> str | None:
        pointer = f"/paths/{_escape(path)}/{method}/responses/{status}"
        response = self.walker.lookup(pointer)
        while isinstance(response, dict) and isinstance(response.get("$ref"), str):
            pointer = response["$ref"][1:]
            response = self.walker.lookup(pointer)
        content = response.get("content", {})
        for chosen in (media_type, JSON):  # the validators judge by application/json's
            if "schema" in content.get(chosen, {}):
                return f"{pointer}/content/{_escape(chosen)}/schema"
        return None

    def actions(self) -> list[dict[str, Any]]:
        """The overlay's actions, in a stable order: statuses, then schemas by pointer."""
        found: list[dict[str, Any]] = []
        for (path, method, status), shapes in sorted(self.statuses.items()):
            content = {m: {"schema": s} for m, s in sorted(shapes.items())}
            response: dict[str, Any] = {"description": "Observed by badgr proxy (undeclared)."}
            if content:
                response["content"] = content
            found.append(
                {
                    "target": jsonpath(f"/paths/{_escape(path)}/{method}/responses"),
                    "description": f"{method.upper()} {path} answered {status}",
                    "update": {status: response},
                }
            )
        found += self._schema_actions()
        self._kept()
        return found

    def _schema_actions(self) -> list[dict[str, Any]]:
        widening, found = self.walker.widening, []
        notes = widening.seen
        for pointer, names in sorted(widening.properties.items()):
            update: dict[str, Any] = {"properties": dict(sorted(names.items()))}
            found.append(_action(pointer, notes[pointer], update))
        for pointer, kinds in sorted(widening.types.items()):
            if self._unreachable(pointer, notes[pointer]):
                continue
            declared = self.walker.lookup(pointer)["type"]
            types = kinds if isinstance(declared, list) else [declared, *kinds]
            found.append(_action(pointer, notes[pointer], {"type": types}))
        for pointer, values in sorted(widening.enums.items()):
            if self._unreachable(pointer, notes[pointer]):
                continue
            found.append(_action(pointer, notes[pointer], {"enum": values}))
        for pointer, (ref, shape) in sorted(widening.alternatives.items()):
            parent, _, key = pointer.rpartition("/")
            name = key.replace("~1", "/").replace("~0", "~")
            found.append({"target": jsonpath(pointer), "remove": True})
            update = {name: {"anyOf": [{"$ref": ref}, shape]}}
            found.append(_action(parent, notes[pointer], update))
        return found

    def _kept(self) -> None:
        """What the walk found that no widening honestly fixes, one line per schema keyword."""
        for (what, pointer), wheres in sorted(self.walker.widening.kept.items()):
            more = f" (and {len(wheres) - 1} more)" if len(wheres) > 1 else ""
            self.left.append(f"{wheres[0].rstrip()}{more} {what} (schema {pointer})")

    def _unreachable(self, pointer: str, notes: list[str]) -> bool:
        """Whether the node is a member of a list (`allOf/1`), which oas-patch cannot update."""
        if _MEMBER.search(pointer) is None:
            return False
        self.left += [f"{note} (the schema at {pointer} is a list member)" for note in notes]
        return True

    def overlay(self, title: str) -> dict[str, Any]:
        return {
            "overlay": "1.0.0",
            "info": {"title": title, "version": "1.0.0"},
            "actions": self.actions(),
        }


def _action(pointer: str, notes: list[str], update: dict[str, Any]) -> dict[str, Any]:
    shown = "; ".join(notes[:3]) + (f"; and {len(notes) - 3} more" if len(notes) > 3 else "")
    return {"target": jsonpath(pointer), "description": shown, "update": update}


def suggest(judge: Judge, exchanges: Iterable[Exchange]) -> Suggestion:
    suggestion = Suggestion(judge)
    for exchange in exchanges:
        suggestion.add(exchange)
    return suggestion


def dump_overlay(overlay: dict[str, Any]) -> str:
    return yaml.safe_dump(overlay, sort_keys=False, allow_unicode=True, width=100)
