from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.badge_class_envelope import BadgeClassEnvelope
from ...models.badge_class_input import BadgeClassInput
from ...models.envelope import Envelope
from ...types import Response


def _get_kwargs(
    id_or_entity_id: str,
    *,
    body: BadgeClassInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/issuers/{id_or_entity_id}/badgeclasses".format(
            id_or_entity_id=quote(str(id_or_entity_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadgeClassEnvelope | Envelope | None:
    if response.status_code == 201:
        response_201 = BadgeClassEnvelope.from_dict(response.json())

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
) -> Response[BadgeClassEnvelope | Envelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassInput,
) -> Response[BadgeClassEnvelope | Envelope]:
    """Create a new BadgeClass associated with an Issuer

     Owners and editors only. Criteria are required as `criteriaNarrative` and/or `criteriaUrl`;
    the image is a PNG or SVG (data URI or URL).

    Args:
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (BadgeClassInput): Criteria are required as `criteriaNarrative` and/or `criteriaUrl`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadgeClassEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        id_or_entity_id=id_or_entity_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassInput,
) -> BadgeClassEnvelope | Envelope | None:
    """Create a new BadgeClass associated with an Issuer

     Owners and editors only. Criteria are required as `criteriaNarrative` and/or `criteriaUrl`;
    the image is a PNG or SVG (data URI or URL).

    Args:
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (BadgeClassInput): Criteria are required as `criteriaNarrative` and/or `criteriaUrl`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadgeClassEnvelope | Envelope
    """

    return sync_detailed(
        id_or_entity_id=id_or_entity_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassInput,
) -> Response[BadgeClassEnvelope | Envelope]:
    """Create a new BadgeClass associated with an Issuer

     Owners and editors only. Criteria are required as `criteriaNarrative` and/or `criteriaUrl`;
    the image is a PNG or SVG (data URI or URL).

    Args:
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (BadgeClassInput): Criteria are required as `criteriaNarrative` and/or `criteriaUrl`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadgeClassEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        id_or_entity_id=id_or_entity_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassInput,
) -> BadgeClassEnvelope | Envelope | None:
    """Create a new BadgeClass associated with an Issuer

     Owners and editors only. Criteria are required as `criteriaNarrative` and/or `criteriaUrl`;
    the image is a PNG or SVG (data URI or URL).

    Args:
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        body (BadgeClassInput): Criteria are required as `criteriaNarrative` and/or `criteriaUrl`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadgeClassEnvelope | Envelope
    """

    return (
        await asyncio_detailed(
            id_or_entity_id=id_or_entity_id,
            client=client,
            body=body,
        )
    ).parsed
