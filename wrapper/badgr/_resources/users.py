"""``users``: your own profile and other users' (``/v2/users``)."""

from __future__ import annotations

from typing import TypedDict, Unpack

from badgr_api.api.users import get_self, get_user, patch_self, patch_user, update_self, update_user
from badgr_api.models.badge_user import BadgeUser
from badgr_api.models.user_update_input import UserUpdateInput

from .._call import Call, one
from .._namespace import M, Namespace, op
from ._shared import field_values

__all__ = ["UserFields", "Users"]


class UserFields(TypedDict, total=False):
    """The editable profile fields; ``None`` or leaving one out keeps its current value."""

    first_name: str | None
    last_name: str | None
    marketing_opt_in: bool | None


def _user_update(fields: UserFields, where: str) -> UserUpdateInput:
    return UserUpdateInput(**field_values(UserFields, fields, where))


class Users(Namespace[M]):
    """``/v2/users``: your own profile and other users'."""

    @op
    def me(self) -> Call[BadgeUser]:
        """Get your own BadgeUser profile (``GET /v2/users/self``)."""
        return one(get_self, BadgeUser)

    @op
    def get(self, user_id: str) -> Call[BadgeUser]:
        """Get a single BadgeUser profile by its ``entityId``."""
        return one(get_user, BadgeUser, id_or_entity_id=user_id)

    @op
    def update_me(self, *, replace: bool = False, **fields: Unpack[UserFields]) -> Call[BadgeUser]:
        """Update your own profile: PATCH the given fields; ``replace=True`` sends a PUT."""
        body = _user_update(fields, "users.update_me")
        return one(update_self if replace else patch_self, BadgeUser, body=body)

    @op
    def update(
        self, user_id: str, *, replace: bool = False, **fields: Unpack[UserFields]
    ) -> Call[BadgeUser]:
        """Update a BadgeUser: PATCH the given fields; ``replace=True`` sends a PUT."""
        body = _user_update(fields, "users.update")
        operation = update_user if replace else patch_user
        return one(operation, BadgeUser, id_or_entity_id=user_id, body=body)
