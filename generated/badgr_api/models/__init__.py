"""Contains all the data models used in inputs/outputs

Imported lazily on first access (badgr-credentials override): importing one model, or the
package, no longer imports all of them.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .acceptance import Acceptance
    from .acceptance_input import AcceptanceInput
    from .access_token import AccessToken
    from .access_token_application_type_0 import AccessTokenApplicationType0
    from .access_token_envelope import AccessTokenEnvelope
    from .alignment import Alignment
    from .alignment_input import AlignmentInput
    from .assertion import Assertion
    from .assertion_changes_envelope import AssertionChangesEnvelope
    from .assertion_envelope import AssertionEnvelope
    from .assertion_input import AssertionInput
    from .assertion_recipient import AssertionRecipient
    from .assertion_ref import AssertionRef
    from .assertion_update_input import AssertionUpdateInput
    from .award_assertion_scope import AwardAssertionScope
    from .backpack_import_input import BackpackImportInput
    from .backpack_import_input_assertion import BackpackImportInputAssertion
    from .badge_class import BadgeClass
    from .badge_class_changes_envelope import BadgeClassChangesEnvelope
    from .badge_class_create_input import BadgeClassCreateInput
    from .badge_class_envelope import BadgeClassEnvelope
    from .badge_class_input import BadgeClassInput
    from .badge_class_preferences import BadgeClassPreferences
    from .badge_class_update_input import BadgeClassUpdateInput
    from .badge_ref import BadgeRef
    from .badge_user import BadgeUser
    from .batch_award_input import BatchAwardInput
    from .batch_award_item import BatchAwardItem
    from .changes_pagination import ChangesPagination
    from .claim_code import ClaimCode
    from .claim_code_envelope import ClaimCodeEnvelope
    from .claim_code_input import ClaimCodeInput
    from .collection import Collection
    from .collection_envelope import CollectionEnvelope
    from .collection_input import CollectionInput
    from .collection_update_input import CollectionUpdateInput
    from .create_issuer_include_staff import CreateIssuerIncludeStaff
    from .custom_property_choice import CustomPropertyChoice
    from .custom_property_definition import CustomPropertyDefinition
    from .custom_property_value import CustomPropertyValue
    from .delete_badgeclass_by_ref_hard_delete import DeleteBadgeclassByRefHardDelete
    from .delete_badgeclass_hard_delete import DeleteBadgeclassHardDelete
    from .duplicate_badge_class_input import DuplicateBadgeClassInput
    from .empty_expiration import EmptyExpiration
    from .envelope import Envelope
    from .evidence import Evidence
    from .evidence_input import EvidenceInput
    from .expiration import Expiration
    from .expiration_duration import ExpirationDuration
    from .extensions import Extensions
    from .get_issuer_by_open_badge_id_include_staff import GetIssuerByOpenBadgeIdIncludeStaff
    from .get_issuer_by_ref_include_staff import GetIssuerByRefIncludeStaff
    from .get_issuer_include_staff import GetIssuerIncludeStaff
    from .invitation_envelope import InvitationEnvelope
    from .issuer import Issuer
    from .issuer_changes_envelope import IssuerChangesEnvelope
    from .issuer_envelope import IssuerEnvelope
    from .issuer_input import IssuerInput
    from .issuer_preferences import IssuerPreferences
    from .issuer_ref import IssuerRef
    from .issuer_staff import IssuerStaff
    from .issuer_staff_envelope import IssuerStaffEnvelope
    from .issuer_update_input import IssuerUpdateInput
    from .list_assertions_scope import ListAssertionsScope
    from .list_issuers_include_staff import ListIssuersIncludeStaff
    from .o_auth_error import OAuthError
    from .ob_3_award_properties import Ob3AwardProperties
    from .ob_3_properties import Ob3Properties
    from .organization import Organization
    from .organization_envelope import OrganizationEnvelope
    from .patch_issuer_by_open_badge_id_include_staff import PatchIssuerByOpenBadgeIdIncludeStaff
    from .patch_issuer_by_ref_include_staff import PatchIssuerByRefIncludeStaff
    from .patch_issuer_include_staff import PatchIssuerIncludeStaff
    from .pathway import Pathway
    from .pathway_envelope import PathwayEnvelope
    from .pathway_input import PathwayInput
    from .recipient_input import RecipientInput
    from .recipient_type import RecipientType
    from .revocation_input import RevocationInput
    from .revocation_result import RevocationResult
    from .revocation_result_envelope import RevocationResultEnvelope
    from .revoke_input import RevokeInput
    from .revoke_token_request import RevokeTokenRequest
    from .skill_linking_preferences import SkillLinkingPreferences
    from .staff_input import StaffInput
    from .staff_invitation import StaffInvitation
    from .staff_ref_input import StaffRefInput
    from .staff_role import StaffRole
    from .status import Status
    from .token_request import TokenRequest
    from .token_request_grant_type import TokenRequestGrantType
    from .token_response import TokenResponse
    from .update_issuer_by_open_badge_id_include_staff import UpdateIssuerByOpenBadgeIdIncludeStaff
    from .update_issuer_by_ref_include_staff import UpdateIssuerByRefIncludeStaff
    from .update_issuer_include_staff import UpdateIssuerIncludeStaff
    from .user_email import UserEmail
    from .user_envelope import UserEnvelope
    from .user_recipient import UserRecipient
    from .user_update_input import UserUpdateInput
    from .warnings import Warnings

_MODULE_OF = {
    "Acceptance": ".acceptance",
    "AcceptanceInput": ".acceptance_input",
    "AccessToken": ".access_token",
    "AccessTokenApplicationType0": ".access_token_application_type_0",
    "AccessTokenEnvelope": ".access_token_envelope",
    "Alignment": ".alignment",
    "AlignmentInput": ".alignment_input",
    "Assertion": ".assertion",
    "AssertionChangesEnvelope": ".assertion_changes_envelope",
    "AssertionEnvelope": ".assertion_envelope",
    "AssertionInput": ".assertion_input",
    "AssertionRecipient": ".assertion_recipient",
    "AssertionRef": ".assertion_ref",
    "AssertionUpdateInput": ".assertion_update_input",
    "AwardAssertionScope": ".award_assertion_scope",
    "BackpackImportInput": ".backpack_import_input",
    "BackpackImportInputAssertion": ".backpack_import_input_assertion",
    "BadgeClass": ".badge_class",
    "BadgeClassChangesEnvelope": ".badge_class_changes_envelope",
    "BadgeClassCreateInput": ".badge_class_create_input",
    "BadgeClassEnvelope": ".badge_class_envelope",
    "BadgeClassInput": ".badge_class_input",
    "BadgeClassPreferences": ".badge_class_preferences",
    "BadgeClassUpdateInput": ".badge_class_update_input",
    "BadgeRef": ".badge_ref",
    "BadgeUser": ".badge_user",
    "BatchAwardInput": ".batch_award_input",
    "BatchAwardItem": ".batch_award_item",
    "ChangesPagination": ".changes_pagination",
    "ClaimCode": ".claim_code",
    "ClaimCodeEnvelope": ".claim_code_envelope",
    "ClaimCodeInput": ".claim_code_input",
    "Collection": ".collection",
    "CollectionEnvelope": ".collection_envelope",
    "CollectionInput": ".collection_input",
    "CollectionUpdateInput": ".collection_update_input",
    "CreateIssuerIncludeStaff": ".create_issuer_include_staff",
    "CustomPropertyChoice": ".custom_property_choice",
    "CustomPropertyDefinition": ".custom_property_definition",
    "CustomPropertyValue": ".custom_property_value",
    "DeleteBadgeclassByRefHardDelete": ".delete_badgeclass_by_ref_hard_delete",
    "DeleteBadgeclassHardDelete": ".delete_badgeclass_hard_delete",
    "DuplicateBadgeClassInput": ".duplicate_badge_class_input",
    "EmptyExpiration": ".empty_expiration",
    "Envelope": ".envelope",
    "Evidence": ".evidence",
    "EvidenceInput": ".evidence_input",
    "Expiration": ".expiration",
    "ExpirationDuration": ".expiration_duration",
    "Extensions": ".extensions",
    "GetIssuerByOpenBadgeIdIncludeStaff": ".get_issuer_by_open_badge_id_include_staff",
    "GetIssuerByRefIncludeStaff": ".get_issuer_by_ref_include_staff",
    "GetIssuerIncludeStaff": ".get_issuer_include_staff",
    "InvitationEnvelope": ".invitation_envelope",
    "Issuer": ".issuer",
    "IssuerChangesEnvelope": ".issuer_changes_envelope",
    "IssuerEnvelope": ".issuer_envelope",
    "IssuerInput": ".issuer_input",
    "IssuerPreferences": ".issuer_preferences",
    "IssuerRef": ".issuer_ref",
    "IssuerStaff": ".issuer_staff",
    "IssuerStaffEnvelope": ".issuer_staff_envelope",
    "IssuerUpdateInput": ".issuer_update_input",
    "ListAssertionsScope": ".list_assertions_scope",
    "ListIssuersIncludeStaff": ".list_issuers_include_staff",
    "OAuthError": ".o_auth_error",
    "Ob3AwardProperties": ".ob_3_award_properties",
    "Ob3Properties": ".ob_3_properties",
    "Organization": ".organization",
    "OrganizationEnvelope": ".organization_envelope",
    "PatchIssuerByOpenBadgeIdIncludeStaff": ".patch_issuer_by_open_badge_id_include_staff",
    "PatchIssuerByRefIncludeStaff": ".patch_issuer_by_ref_include_staff",
    "PatchIssuerIncludeStaff": ".patch_issuer_include_staff",
    "Pathway": ".pathway",
    "PathwayEnvelope": ".pathway_envelope",
    "PathwayInput": ".pathway_input",
    "RecipientInput": ".recipient_input",
    "RecipientType": ".recipient_type",
    "RevocationInput": ".revocation_input",
    "RevocationResult": ".revocation_result",
    "RevocationResultEnvelope": ".revocation_result_envelope",
    "RevokeInput": ".revoke_input",
    "RevokeTokenRequest": ".revoke_token_request",
    "SkillLinkingPreferences": ".skill_linking_preferences",
    "StaffInput": ".staff_input",
    "StaffInvitation": ".staff_invitation",
    "StaffRefInput": ".staff_ref_input",
    "StaffRole": ".staff_role",
    "Status": ".status",
    "TokenRequest": ".token_request",
    "TokenRequestGrantType": ".token_request_grant_type",
    "TokenResponse": ".token_response",
    "UpdateIssuerByOpenBadgeIdIncludeStaff": ".update_issuer_by_open_badge_id_include_staff",
    "UpdateIssuerByRefIncludeStaff": ".update_issuer_by_ref_include_staff",
    "UpdateIssuerIncludeStaff": ".update_issuer_include_staff",
    "UserEmail": ".user_email",
    "UserEnvelope": ".user_envelope",
    "UserRecipient": ".user_recipient",
    "UserUpdateInput": ".user_update_input",
    "Warnings": ".warnings",
}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "Acceptance",
    "AcceptanceInput",
    "AccessToken",
    "AccessTokenApplicationType0",
    "AccessTokenEnvelope",
    "Alignment",
    "AlignmentInput",
    "Assertion",
    "AssertionChangesEnvelope",
    "AssertionEnvelope",
    "AssertionInput",
    "AssertionRecipient",
    "AssertionRef",
    "AssertionUpdateInput",
    "AwardAssertionScope",
    "BackpackImportInput",
    "BackpackImportInputAssertion",
    "BadgeClass",
    "BadgeClassChangesEnvelope",
    "BadgeClassCreateInput",
    "BadgeClassEnvelope",
    "BadgeClassInput",
    "BadgeClassPreferences",
    "BadgeClassUpdateInput",
    "BadgeRef",
    "BadgeUser",
    "BatchAwardInput",
    "BatchAwardItem",
    "ChangesPagination",
    "ClaimCode",
    "ClaimCodeEnvelope",
    "ClaimCodeInput",
    "Collection",
    "CollectionEnvelope",
    "CollectionInput",
    "CollectionUpdateInput",
    "CreateIssuerIncludeStaff",
    "CustomPropertyChoice",
    "CustomPropertyDefinition",
    "CustomPropertyValue",
    "DeleteBadgeclassByRefHardDelete",
    "DeleteBadgeclassHardDelete",
    "DuplicateBadgeClassInput",
    "EmptyExpiration",
    "Envelope",
    "Evidence",
    "EvidenceInput",
    "Expiration",
    "ExpirationDuration",
    "Extensions",
    "GetIssuerByOpenBadgeIdIncludeStaff",
    "GetIssuerByRefIncludeStaff",
    "GetIssuerIncludeStaff",
    "InvitationEnvelope",
    "Issuer",
    "IssuerChangesEnvelope",
    "IssuerEnvelope",
    "IssuerInput",
    "IssuerPreferences",
    "IssuerRef",
    "IssuerStaff",
    "IssuerStaffEnvelope",
    "IssuerUpdateInput",
    "ListAssertionsScope",
    "ListIssuersIncludeStaff",
    "OAuthError",
    "Ob3AwardProperties",
    "Ob3Properties",
    "Organization",
    "OrganizationEnvelope",
    "PatchIssuerByOpenBadgeIdIncludeStaff",
    "PatchIssuerByRefIncludeStaff",
    "PatchIssuerIncludeStaff",
    "Pathway",
    "PathwayEnvelope",
    "PathwayInput",
    "RecipientInput",
    "RecipientType",
    "RevocationInput",
    "RevocationResult",
    "RevocationResultEnvelope",
    "RevokeInput",
    "RevokeTokenRequest",
    "SkillLinkingPreferences",
    "StaffInput",
    "StaffInvitation",
    "StaffRefInput",
    "StaffRole",
    "Status",
    "TokenRequest",
    "TokenRequestGrantType",
    "TokenResponse",
    "UpdateIssuerByOpenBadgeIdIncludeStaff",
    "UpdateIssuerByRefIncludeStaff",
    "UpdateIssuerIncludeStaff",
    "UserEmail",
    "UserEnvelope",
    "UserRecipient",
    "UserUpdateInput",
    "Warnings",
)
