from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assertion_envelope import AssertionEnvelope
from ...models.envelope import Envelope
from ...models.list_assertions_scope import ListAssertionsScope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    scope: ListAssertionsScope,
    id_or_entity_id: str,
    *,
    recipient: str | Unset = UNSET,
    num: int | Unset = UNSET,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["recipient"] = recipient

    params["num"] = num

    params["include_expired"] = include_expired

    params["include_revoked"] = include_revoked

    params["after"] = after

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/{scope}/{id_or_entity_id}/assertions".format(
            scope=quote(str(scope), safe=""),
            id_or_entity_id=quote(str(id_or_entity_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssertionEnvelope | Envelope | None:
    if response.status_code == 200:
        response_200 = AssertionEnvelope.from_dict(response.json())

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
    scope: ListAssertionsScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    recipient: str | Unset = UNSET,
    num: int | Unset = UNSET,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[AssertionEnvelope | Envelope]:
    """Get list of Assertions for the specified scope

     Expired and revoked assertions are left out unless asked for. Paginates when `num` is sent;
    the cursors for the next and previous pages come in the `Link` response header.

    Args:
        scope (ListAssertionsScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        recipient (str | Unset):
        num (int | Unset):
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssertionEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        scope=scope,
        id_or_entity_id=id_or_entity_id,
        recipient=recipient,
        num=num,
        include_expired=include_expired,
        include_revoked=include_revoked,
        after=after,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    scope: ListAssertionsScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    recipient: str | Unset = UNSET,
    num: int | Unset = UNSET,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> AssertionEnvelope | Envelope | None:
    """Get list of Assertions for the specified scope

     Expired and revoked assertions are left out unless asked for. Paginates when `num` is sent;
    the cursors for the next and previous pages come in the `Link` response header.

    Args:
        scope (ListAssertionsScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        recipient (str | Unset):
        num (int | Unset):
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        after (str | Unset):
        before (str | Unset):

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
        recipient=recipient,
        num=num,
        include_expired=include_expired,
        include_revoked=include_revoked,
        after=after,
        before=before,
    ).parsed


async def asyncio_detailed(
    scope: ListAssertionsScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    recipient: str | Unset = UNSET,
    num: int | Unset = UNSET,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[AssertionEnvelope | Envelope]:
    """Get list of Assertions for the specified scope

     Expired and revoked assertions are left out unless asked for. Paginates when `num` is sent;
    the cursors for the next and previous pages come in the `Link` response header.

    Args:
        scope (ListAssertionsScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        recipient (str | Unset):
        num (int | Unset):
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssertionEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        scope=scope,
        id_or_entity_id=id_or_entity_id,
        recipient=recipient,
        num=num,
        include_expired=include_expired,
        include_revoked=include_revoked,
        after=after,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    scope: ListAssertionsScope,
    id_or_entity_id: str,
    *,
    client: AuthenticatedClient,
    recipient: str | Unset = UNSET,
    num: int | Unset = UNSET,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> AssertionEnvelope | Envelope | None:
    """Get list of Assertions for the specified scope

     Expired and revoked assertions are left out unless asked for. Paginates when `num` is sent;
    the cursors for the next and previous pages come in the `Link` response header.

    Args:
        scope (ListAssertionsScope):
        id_or_entity_id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        recipient (str | Unset):
        num (int | Unset):
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        after (str | Unset):
        before (str | Unset):

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
            recipient=recipient,
            num=num,
            include_expired=include_expired,
            include_revoked=include_revoked,
            after=after,
            before=before,
        )
    ).parsed
