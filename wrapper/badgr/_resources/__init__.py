"""Namespaces: one module per tag of the spec, each method a builder of a generated-operation call.

Every method is written once (see :mod:`badgr._namespace`) and serves ``Client`` (returns the
value) and ``AsyncClient`` (returns a coroutine). List methods return lazy pagers. Entities are
the generated attrs models (``badgr_api.models``). The conventions every namespace follows
(``by=`` for addressing, ``replace=`` for PUT vs PATCH) are in :mod:`._shared`.
"""

from ._shared import encode_ref, recipient_input
from .assertions import Assertions, AwardOptions, plaintext_identity
from .backpack import Backpack, BackpackAssertions, Collections
from .badgeclasses import BadgeClasses, BadgeClassFields, ClaimCodeFields, ClaimCodes
from .issuers import IssuerInvitations, Issuers, IssuerStaffMembers
from .oauth import OAuth
from .organizations import Organizations
from .pathways import PathwayFields, Pathways
from .tokens import AccessTokens
from .users import UserFields, Users

__all__ = [
    "AccessTokens",
    "Assertions",
    "AwardOptions",
    "Backpack",
    "BackpackAssertions",
    "BadgeClassFields",
    "BadgeClasses",
    "ClaimCodeFields",
    "ClaimCodes",
    "Collections",
    "IssuerInvitations",
    "IssuerStaffMembers",
    "Issuers",
    "OAuth",
    "Organizations",
    "PathwayFields",
    "Pathways",
    "UserFields",
    "Users",
    "encode_ref",
    "plaintext_identity",
    "recipient_input",
]
