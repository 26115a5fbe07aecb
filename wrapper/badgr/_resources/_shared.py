"""What several namespaces share: argument coercion, addressing, page size, field sets.

Two conventions hold for every namespace (and are checked here, once):

* **Addressing** — methods that reach one entity take ``by=``: ``"id"`` (the 24-hex id or the
  ``entityId``, the default), ``"open_badge_id"`` or ``"ref"`` (the entity's ``openBadgeId``
  URL, base64-encoded for you, through the ``/openBadgeId/`` or ``/ref/`` route).
* **Replace or patch** — where the API offers both, ``replace=True`` sends PUT and
  ``replace=False`` PATCH.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any, Literal, TypeVar

from badgr_api.models.recipient_input import RecipientInput
from badgr_api.types import UNSET, Unset

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "By",
    "Recipient",
    "address",
    "as_model",
    "as_models",
    "encode_ref",
    "field_values",
    "flag",
    "optional",
    "recipient_input",
]

#: Page size sent as ``num`` when the caller gives none: without ``num`` Badgr returns every
#: item in one response, which is unbounded.
DEFAULT_PAGE_SIZE = 100

By = Literal["id", "open_badge_id", "ref"]
Recipient = str | RecipientInput | Mapping[str, Any]
#: the path parameter of every ``/{idOrEntityId}`` route
ID_PARAM = "id_or_entity_id"
_Model = TypeVar("_Model")


def encode_ref(open_badge_id: str) -> str:
    """URL-safe base64 (no padding) of an ``openBadgeId`` or e-mail, as the ``ref`` paths want."""
    return base64.urlsafe_b64encode(open_badge_id.encode()).decode().rstrip("=")


def address(
    forms: Mapping[str, tuple[ModuleType, str]], by: str, target: str
) -> tuple[ModuleType, dict[str, Any]]:
    """The operation and path argument for ``target`` addressed ``by`` one of ``forms``.

    ``forms`` maps each allowed ``by`` to ``(operation, path parameter)``; every form but
    ``"id"`` takes the base64 of an ``openBadgeId``.
    """
    try:
        operation, parameter = forms[by]
    except (KeyError, TypeError):
        allowed = ", ".join(repr(key) for key in forms)
        raise ValueError(f"by must be one of {allowed}; got {by!r}") from None
    return operation, {parameter: target if by == "id" else encode_ref(target)}


def optional(value: _Model | None) -> _Model | Unset:
    """``None`` means "not given": the field is left out of the request."""
    return UNSET if value is None else value


def flag(value: bool) -> Any:
    """A boolean query parameter declared as the strings ``true`` / ``false`` in the spec."""
    return "true" if value else "false"


def as_model(cls: type[_Model], value: Any) -> _Model:
    """Accept a generated model instance or a mapping in wire (camelCase) form."""
    if isinstance(value, cls):
        return value
    if isinstance(value, Mapping):
        from_dict: Any = getattr(cls, "from_dict")  # noqa: B009 - typed as Any on purpose
        result: _Model = from_dict(dict(value))
        return result
    raise TypeError(f"expected {cls.__name__} or a mapping, got {type(value).__name__}")


def as_models(cls: type[_Model], values: Iterable[Any] | None) -> list[_Model] | Unset:
    return UNSET if values is None else [as_model(cls, v) for v in values]


def optional_model(cls: type[_Model], value: Any) -> _Model | Unset:
    return UNSET if value is None else as_model(cls, value)


def field_values(field_set: Any, given: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Every field of a ``TypedDict`` field set, ``UNSET`` where ``given`` lacks it or has
    ``None``, after checking ``given``'s keys against the set.

    ``**fields: Unpack[...]`` is checked by type checkers only; this gives callers without one
    the same ``TypeError`` a misspelt or missing keyword argument gets.
    """
    required: frozenset[str] = field_set.__required_keys__
    allowed = required | field_set.__optional_keys__
    unknown = sorted(set(given) - allowed)
    if unknown:
        raise TypeError(
            f"{where}() got unexpected keyword argument(s) {', '.join(unknown)};"
            f" allowed: {', '.join(sorted(allowed))}"
        )
    missing = sorted(required - set(given))
    if missing:
        raise TypeError(f"{where}() missing required keyword argument(s): {', '.join(missing)}")
    return {name: optional(given.get(name)) for name in field_set.__annotations__}


def recipient_input(recipient: Recipient) -> RecipientInput:
    """An e-mail (or URL / telephone) string, a ``RecipientInput``, or a wire-form mapping."""
    if isinstance(recipient, str):
        identity = recipient.strip()
        if identity.startswith(("http://", "https://")):
            return RecipientInput(identity=identity, type_="url")
        if identity.startswith("+") and identity[1:].replace(" ", "").isdigit():
            return RecipientInput(identity=identity, type_="telephone")
        return RecipientInput(identity=identity, type_="email")
    return as_model(RecipientInput, recipient)
