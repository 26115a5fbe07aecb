from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.badge_class_envelope import BadgeClassEnvelope
from ...models.badge_class_update_input import BadgeClassUpdateInput
from ...models.envelope import Envelope
from ...types import Response


def _get_kwargs(
    ref: str,
    *,
    body: BadgeClassUpdateInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v2/badgeclasses/ref/{ref}".format(
            ref=quote(str(ref), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadgeClassEnvelope | Envelope | None:
    if response.status_code == 200:
        response_200 = BadgeClassEnvelope.from_dict(response.json())

        return response_200

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
    ref: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassUpdateInput,
) -> Response[BadgeClassEnvelope | Envelope]:
    """Update an existing BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        body (BadgeClassUpdateInput): A PUT of a badge class: every field, as on creation
            (criteria as `criteriaNarrative` and/or `criteriaUrl`). Its own schema because servers
            differ in what a PUT may leave out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadgeClassEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        ref=ref,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ref: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassUpdateInput,
) -> BadgeClassEnvelope | Envelope | None:
    """Update an existing BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        body (BadgeClassUpdateInput): A PUT of a badge class: every field, as on creation
            (criteria as `criteriaNarrative` and/or `criteriaUrl`). Its own schema because servers
            differ in what a PUT may leave out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadgeClassEnvelope | Envelope
    """

    return sync_detailed(
        ref=ref,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    ref: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassUpdateInput,
) -> Response[BadgeClassEnvelope | Envelope]:
    """Update an existing BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        body (BadgeClassUpdateInput): A PUT of a badge class: every field, as on creation
            (criteria as `criteriaNarrative` and/or `criteriaUrl`). Its own schema because servers
            differ in what a PUT may leave out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadgeClassEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        ref=ref,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ref: str,
    *,
    client: AuthenticatedClient,
    body: BadgeClassUpdateInput,
) -> BadgeClassEnvelope | Envelope | None:
    """Update an existing BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        body (BadgeClassUpdateInput): A PUT of a badge class: every field, as on creation
            (criteria as `criteriaNarrative` and/or `criteriaUrl`). Its own schema because servers
            differ in what a PUT may leave out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadgeClassEnvelope | Envelope
    """

    return (
        await asyncio_detailed(
            ref=ref,
            client=client,
            body=body,
        )
    ).parsed
