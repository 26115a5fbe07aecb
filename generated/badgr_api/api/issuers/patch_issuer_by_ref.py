from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.envelope import Envelope
from ...models.issuer_envelope import IssuerEnvelope
from ...models.issuer_update_input import IssuerUpdateInput
from ...models.patch_issuer_by_ref_include_staff import (
    PatchIssuerByRefIncludeStaff,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    issuer_open_badge_id_base_64: str,
    *,
    body: IssuerUpdateInput,
    include_staff: PatchIssuerByRefIncludeStaff | Unset = "true",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_include_staff: str | Unset = UNSET
    if not isinstance(include_staff, Unset):
        json_include_staff = include_staff

    params["include_staff"] = json_include_staff

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v2/issuers/ref/{issuer_open_badge_id_base_64}".format(
            issuer_open_badge_id_base_64=quote(str(issuer_open_badge_id_base_64), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Envelope | IssuerEnvelope | None:
    if response.status_code == 200:
        response_200 = IssuerEnvelope.from_dict(response.json())

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
) -> Response[Envelope | IssuerEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    issuer_open_badge_id_base_64: str,
    *,
    client: AuthenticatedClient,
    body: IssuerUpdateInput,
    include_staff: PatchIssuerByRefIncludeStaff | Unset = "true",
) -> Response[Envelope | IssuerEnvelope]:
    """Update a single Issuer

     Second documented alias of the `openBadgeId` route.

    Args:
        issuer_open_badge_id_base_64 (str): Base64 text in one path segment (URL-safe alphabet;
            standard padding optional).
        include_staff (PatchIssuerByRefIncludeStaff | Unset):  Default: 'true'.
        body (IssuerUpdateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerEnvelope]
    """

    kwargs = _get_kwargs(
        issuer_open_badge_id_base_64=issuer_open_badge_id_base_64,
        body=body,
        include_staff=include_staff,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    issuer_open_badge_id_base_64: str,
    *,
    client: AuthenticatedClient,
    body: IssuerUpdateInput,
    include_staff: PatchIssuerByRefIncludeStaff | Unset = "true",
) -> Envelope | IssuerEnvelope | None:
    """Update a single Issuer

     Second documented alias of the `openBadgeId` route.

    Args:
        issuer_open_badge_id_base_64 (str): Base64 text in one path segment (URL-safe alphabet;
            standard padding optional).
        include_staff (PatchIssuerByRefIncludeStaff | Unset):  Default: 'true'.
        body (IssuerUpdateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerEnvelope
    """

    return sync_detailed(
        issuer_open_badge_id_base_64=issuer_open_badge_id_base_64,
        client=client,
        body=body,
        include_staff=include_staff,
    ).parsed


async def asyncio_detailed(
    issuer_open_badge_id_base_64: str,
    *,
    client: AuthenticatedClient,
    body: IssuerUpdateInput,
    include_staff: PatchIssuerByRefIncludeStaff | Unset = "true",
) -> Response[Envelope | IssuerEnvelope]:
    """Update a single Issuer

     Second documented alias of the `openBadgeId` route.

    Args:
        issuer_open_badge_id_base_64 (str): Base64 text in one path segment (URL-safe alphabet;
            standard padding optional).
        include_staff (PatchIssuerByRefIncludeStaff | Unset):  Default: 'true'.
        body (IssuerUpdateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerEnvelope]
    """

    kwargs = _get_kwargs(
        issuer_open_badge_id_base_64=issuer_open_badge_id_base_64,
        body=body,
        include_staff=include_staff,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    issuer_open_badge_id_base_64: str,
    *,
    client: AuthenticatedClient,
    body: IssuerUpdateInput,
    include_staff: PatchIssuerByRefIncludeStaff | Unset = "true",
) -> Envelope | IssuerEnvelope | None:
    """Update a single Issuer

     Second documented alias of the `openBadgeId` route.

    Args:
        issuer_open_badge_id_base_64 (str): Base64 text in one path segment (URL-safe alphabet;
            standard padding optional).
        include_staff (PatchIssuerByRefIncludeStaff | Unset):  Default: 'true'.
        body (IssuerUpdateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerEnvelope
    """

    return (
        await asyncio_detailed(
            issuer_open_badge_id_base_64=issuer_open_badge_id_base_64,
            client=client,
            body=body,
            include_staff=include_staff,
        )
    ).parsed
