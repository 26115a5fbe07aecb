from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assertion_envelope import AssertionEnvelope
from ...models.assertion_input import AssertionInput
from ...models.award_assertion_scope import AwardAssertionScope
from ...models.envelope import Envelope
from ...types import Response


def _get_kwargs(
    scope: AwardAssertionScope,
    id_or_entity_id: str,
    *,
    body: AssertionInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/{scope}/{id_or_entity_id}/assertions".format(
            scope=quote(str(scope), safe=""),
            id_or_entity_id=quote(str(id_or_entity_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssertionEnvelope | Envelope | None:
    if response.status_code == 201:
        response_201 = AssertionEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Envelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Envelope.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Envelope.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Envelope.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = Envelope.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssertionEnvelope | Envelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    scope: AwardAssertionScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: AssertionInput,
) -> Response[AssertionEnvelope | Envelope]:
    """Issue a new Assertion to a recipient

     Request to award an assertion. When request scope is issuers, one of badgeclass or
    badgeclassOpenBadgeId must be provided. With `allowDuplicateAwards: false` the server refuses
    (400) to award a badge the recipient already holds, which makes a retried award safe.
    Real awards notify the recipient by e-mail.

    Args:
        scope (AwardAssertionScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (AssertionInput): When the path scope is `issuers`, one of `badgeclass` or
            `badgeclassOpenBadgeId` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssertionEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        scope=scope,
        id_or_entity_id=id_or_entity_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    scope: AwardAssertionScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: AssertionInput,
) -> AssertionEnvelope | Envelope | None:
    """Issue a new Assertion to a recipient

     Request to award an assertion. When request scope is issuers, one of badgeclass or
    badgeclassOpenBadgeId must be provided. With `allowDuplicateAwards: false` the server refuses
    (400) to award a badge the recipient already holds, which makes a retried award safe.
    Real awards notify the recipient by e-mail.

    Args:
        scope (AwardAssertionScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (AssertionInput): When the path scope is `issuers`, one of `badgeclass` or
            `badgeclassOpenBadgeId` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssertionEnvelope | Envelope
    """

    return sync_detailed(
        scope=scope,
        id_or_entity_id=id_or_entity_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    scope: AwardAssertionScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: AssertionInput,
) -> Response[AssertionEnvelope | Envelope]:
    """Issue a new Assertion to a recipient

     Request to award an assertion. When request scope is issuers, one of badgeclass or
    badgeclassOpenBadgeId must be provided. With `allowDuplicateAwards: false` the server refuses
    (400) to award a badge the recipient already holds, which makes a retried award safe.
    Real awards notify the recipient by e-mail.

    Args:
        scope (AwardAssertionScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (AssertionInput): When the path scope is `issuers`, one of `badgeclass` or
            `badgeclassOpenBadgeId` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssertionEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        scope=scope,
        id_or_entity_id=id_or_entity_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    scope: AwardAssertionScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: AssertionInput,
) -> AssertionEnvelope | Envelope | None:
    """Issue a new Assertion to a recipient

     Request to award an assertion. When request scope is issuers, one of badgeclass or
    badgeclassOpenBadgeId must be provided. With `allowDuplicateAwards: false` the server refuses
    (400) to award a badge the recipient already holds, which makes a retried award safe.
    Real awards notify the recipient by e-mail.

    Args:
        scope (AwardAssertionScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (AssertionInput): When the path scope is `issuers`, one of `badgeclass` or
            `badgeclassOpenBadgeId` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssertionEnvelope | Envelope
    """

    return (
        await asyncio_detailed(
            scope=scope,
            id_or_entity_id=id_or_entity_id,
            client=client,
            body=body,
        )
    ).parsed
