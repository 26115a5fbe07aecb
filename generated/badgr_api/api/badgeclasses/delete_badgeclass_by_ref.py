from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_badgeclass_by_ref_hard_delete import (
    DeleteBadgeclassByRefHardDelete,
)
from ...models.envelope import Envelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    ref: str,
    *,
    hard_delete: DeleteBadgeclassByRefHardDelete | Unset = "false",
    archival_note: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_hard_delete: str | Unset = UNSET
    if not isinstance(hard_delete, Unset):
        json_hard_delete = hard_delete

    params["hard_delete"] = json_hard_delete

    params["archivalNote"] = archival_note

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/badgeclasses/ref/{ref}".format(
            ref=quote(str(ref), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Envelope | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Envelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Envelope.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Envelope.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Envelope.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Envelope]:
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
    hard_delete: DeleteBadgeclassByRefHardDelete | Unset = "false",
    archival_note: str | Unset = UNSET,
) -> Response[Any | Envelope]:
    """Archive or delete a BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb and parameter location inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        hard_delete (DeleteBadgeclassByRefHardDelete | Unset):  Default: 'false'.
        archival_note (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Envelope]
    """

    kwargs = _get_kwargs(
        ref=ref,
        hard_delete=hard_delete,
        archival_note=archival_note,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ref: str,
    *,
    client: AuthenticatedClient,
    hard_delete: DeleteBadgeclassByRefHardDelete | Unset = "false",
    archival_note: str | Unset = UNSET,
) -> Any | Envelope | None:
    """Archive or delete a BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb and parameter location inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        hard_delete (DeleteBadgeclassByRefHardDelete | Unset):  Default: 'false'.
        archival_note (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Envelope
    """

    return sync_detailed(
        ref=ref,
        client=client,
        hard_delete=hard_delete,
        archival_note=archival_note,
    ).parsed


async def asyncio_detailed(
    ref: str,
    *,
    client: AuthenticatedClient,
    hard_delete: DeleteBadgeclassByRefHardDelete | Unset = "false",
    archival_note: str | Unset = UNSET,
) -> Response[Any | Envelope]:
    """Archive or delete a BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb and parameter location inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        hard_delete (DeleteBadgeclassByRefHardDelete | Unset):  Default: 'false'.
        archival_note (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Envelope]
    """

    kwargs = _get_kwargs(
        ref=ref,
        hard_delete=hard_delete,
        archival_note=archival_note,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ref: str,
    *,
    client: AuthenticatedClient,
    hard_delete: DeleteBadgeclassByRefHardDelete | Unset = "false",
    archival_note: str | Unset = UNSET,
) -> Any | Envelope | None:
    """Archive or delete a BadgeClass

     Addressed by the base64 of its `openBadgeId`. Verb and parameter location inferred.

    Args:
        ref (str): Base64 text in one path segment (URL-safe alphabet; standard padding optional).
        hard_delete (DeleteBadgeclassByRefHardDelete | Unset):  Default: 'false'.
        archival_note (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Envelope
    """

    return (
        await asyncio_detailed(
            ref=ref,
            client=client,
            hard_delete=hard_delete,
            archival_note=archival_note,
        )
    ).parsed
