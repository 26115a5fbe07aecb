"""The facts of badgr-server-observed.md §12, continued: explicit nulls, error bodies, and the
real server's defects the mock does not copy (see test_observed_s12)."""

# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import httpx

from badgr_mock.testing import PNG_DATA_URI

from .conftest import ALICE, BOB
from .s12_cases import NO_EXPIRY, Expect, World, bad, case, first

NOT_NULL = ["This field may not be null."]
ISSUER_BODY = {"name": "Alice Academy", "email": ALICE, "url": "https://alice.example.org"}
BADGE_BODY = {"name": "Python", "image": PNG_DATA_URI, "description": "d", "criteriaNarrative": "c"}


def _create_badge(w: World, **fields: Any) -> httpx.Response:
    return w.send(
        "POST", f"/v2/issuers/{w.issuer()['entityId']}/badgeclasses", json={**BADGE_BODY, **fields}
    )


def _award(w: World, **fields: Any) -> httpx.Response:
    body = {"recipient": {"identity": "n@example.com"}, **fields}
    return w.send("POST", f"/v2/badgeclasses/{w.badge()['entityId']}/assertions", json=body)


def _put_issuer(w: World, **fields: Any) -> httpx.Response:
    issuer = w.issuer(description="Kept", image=PNG_DATA_URI)
    return w.send(
        "PUT",
        f"/v2/issuers/{issuer['entityId']}",
        json={**ISSUER_BODY, "description": "d", **fields},
    )


# ---- explicit nulls (the §12 table) ---------------------------------------------------------


@case(Expect(201, result={"image": None}))
def issuer_post_image_null_is_accepted(w: World) -> httpx.Response:
    return w.send("POST", "/v2/issuers", json={**ISSUER_BODY, "image": None})


# The documented spec makes it nullable: the documented kind keeps that (README, decisions).
@case(bad({"description": NOT_NULL}), Expect(201, result={"description": None}))
def issuer_post_description_null_is_refused(w: World) -> httpx.Response:
    return w.send("POST", "/v2/issuers", json={**ISSUER_BODY, "description": None})


@case(Expect(201, result={"description": None}))
def issuer_without_description_answers_null(w: World) -> httpx.Response:
    return w.send("POST", "/v2/issuers", json=ISSUER_BODY)


@case(bad({"description": NOT_NULL}), Expect(200, result={"description": None}))
def issuer_put_description_null_is_refused(w: World) -> httpx.Response:
    return _put_issuer(w, description=None)


# The real server answers 500 (a defect): the mock refuses it as the spec says (README).
@case(bad({"image": NOT_NULL}), Expect(200))
def issuer_put_image_null_is_refused_not_a_500(w: World) -> httpx.Response:
    return _put_issuer(w, image=None)


@case(Expect(201, result={"criteriaUrl": None}))
def badge_class_criteria_url_null_is_accepted(w: World) -> httpx.Response:
    return _create_badge(w, criteriaUrl=None)


@case(Expect(201, result={"criteriaNarrative": None}), bad({"criteriaNarrative": NOT_NULL}))
def badge_class_criteria_narrative_null_is_accepted(w: World) -> httpx.Response:
    return _create_badge(w, criteriaNarrative=None, criteriaUrl="https://example.org/c")


@case(Expect(201, result={"expires": NO_EXPIRY}), Expect(201, result={"expires": None}))
def badge_class_expires_null_is_accepted(w: World) -> httpx.Response:
    return _create_badge(w, expires=None)


@case(bad({"description": NOT_NULL}))
def badge_class_description_null_is_refused(w: World) -> httpx.Response:
    return _create_badge(w, description=None)


@case(bad({"tags": NOT_NULL}))
def badge_class_tags_null_is_refused(w: World) -> httpx.Response:
    return _create_badge(w, tags=None)


@case(bad({"alignments": NOT_NULL}))
def badge_class_alignments_null_is_refused(w: World) -> httpx.Response:
    return _create_badge(w, alignments=None)


@case(Expect(201, result={"narrative": None}))
def award_narrative_null_is_accepted(w: World) -> httpx.Response:
    return _award(w, narrative=None)


@case(Expect(201, result={"expires": None}))
def award_expires_null_is_accepted(w: World) -> httpx.Response:
    return _award(w, expires=None)


# The documented spec makes it nullable: the documented kind keeps that (README, decisions).
@case(bad({"evidence": NOT_NULL}), Expect(201, result={"evidence": []}))
def award_evidence_null_is_refused(w: World) -> httpx.Response:
    return _award(w, evidence=None)


@case(bad({"issuedOn": NOT_NULL}))
def award_issued_on_null_is_refused(w: World) -> httpx.Response:
    return _award(w, issuedOn=None)


# ---- error bodies ---------------------------------------------------------------------------


@case(bad({"expires": {"duration": ['"fortnights" is not a valid choice.']}}, []))
def expires_errors_nest_like_the_input(w: World) -> httpx.Response:
    return _create_badge(w, expires={"amount": 2, "duration": "fortnights"})


@case(bad({"alignments": [{}, {"targetUrl": ["This field is required."]}]}, []))
def alignment_errors_are_a_list_per_item(w: World) -> httpx.Response:
    alignments = [{"targetName": "X", "targetUrl": "https://example.org/x"}, {"targetName": "Y"}]
    return _create_badge(w, alignments=alignments)


@case(bad({"evidence": [{"non_field_errors": ["Either url or narrative is required"]}]}, []))
def evidence_errors_are_a_list_per_item(w: World) -> httpx.Response:
    return _award(w, evidence=[{"name": "nameless"}])


# The documented spec requires `issuer` in the body (schema validation, a list of strings).
@case(bad({"issuer": "This field is required"}, []), bad({"issuer": ["This field is required."]}))
def badge_class_without_issuer_is_a_view_check(w: World) -> httpx.Response:
    return w.send("POST", "/v2/badgeclasses", json=BADGE_BODY)


@case(bad({"image": "Valid image file or data URI required."}, []))
def bad_image_is_a_view_check(w: World) -> httpx.Response:
    return _create_badge(w, image="not an image")


@case(
    bad(
        {},
        [
            "Issuer email must be one of your verified addresses. Add this email to your profile and try again."
        ],
    )
)
def unverified_issuer_email_is_a_validation_error(w: World) -> httpx.Response:
    return w.send("POST", "/v2/issuers", json={**ISSUER_BODY, "email": "stranger@example.com"})


ISSUER_HAS_AWARDED = "Issuer can not be deleted because it has previously issued badges."


@case(
    bad({}, [], body={"status": {"success": False, "description": ISSUER_HAS_AWARDED}}),
    bad(
        {},
        [],
        body={
            "status": {
                "success": False,
                "description": "Issuer may only be deleted if all its awards have been revoked.",
            }
        },
    ),
)
def delete_issuer_that_has_awarded(w: World) -> httpx.Response:
    issuer = w.issuer()
    w.award(w.badge(issuer["entityId"])["entityId"])
    return w.send("DELETE", f"/v2/issuers/{issuer['entityId']}")


# The documented spec refuses only while awards are unrevoked.
@case(
    bad({}, [], body={"status": {"success": False, "description": ISSUER_HAS_AWARDED}}), Expect(204)
)
def delete_issuer_whose_awards_are_all_revoked(w: World) -> httpx.Response:
    issuer = w.issuer()
    award = w.award(w.badge(issuer["entityId"])["entityId"])
    w.send("DELETE", f"/v2/assertions/{award['entityId']}", json={"revocation_reason": "x"})
    return w.send("DELETE", f"/v2/issuers/{issuer['entityId']}")


# ---- the real server's defects, not copied ----------------------------------------------------


@case(Expect(201, result={"revoked": False}))
def notify_true_awards_once_not_a_500(w: World) -> httpx.Response:
    return _award(w, notify=True)


@case(bad(validation_errors=None))
def batch_revoke_with_an_object_body_is_a_400(w: World) -> httpx.Response:
    return w.send("POST", "/v2/assertions/revoke", json={"entityId": "x", "revocationReason": "y"})


@case(Expect(201, check=lambda w, r: len(first(r)["assertions"]) == 1))
def collection_created_with_assertions(w: World) -> httpx.Response:
    award = w.award(identity=ALICE)
    return w.send(
        "POST",
        "/v2/backpack/collections",
        json={"name": "C", "published": False, "assertions": [award["entityId"]]},
    )


@case(Expect(404))
def another_users_profile_is_hidden(w: World) -> httpx.Response:
    bob = w.send("GET", "/v2/users/self", user=BOB).json()["result"][0]
    return w.send("GET", f"/v2/users/{bob['entityId']}")


@case(Expect(404))
def a_profile_only_token_cannot_put_an_issuer(w: World) -> httpx.Response:
    issuer = w.issuer()
    body = {**ISSUER_BODY, "description": "d"}
    return w.send("PUT", f"/v2/issuers/{issuer['entityId']}", scope="rw:profile", json=body)
