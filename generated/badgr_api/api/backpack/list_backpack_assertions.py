from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assertion_envelope import AssertionEnvelope
from ...models.envelope import Envelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    include_pending: bool | Unset = False,
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_expired"] = include_expired

    params["include_revoked"] = include_revoked

    params["include_pending"] = include_pending

    params["num"] = num

    params["after"] = after

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/backpack/assertions",
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
    *,
    client: AuthenticatedClient,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    include_pending: bool | Unset = False,
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[AssertionEnvelope | Envelope]:
    """Get a list of Assertions in authenticated user's backpack

     Path inferred. Awards made to one of the caller's verified e-mail addresses, plus imported ones.
    Rejected, expired, revoked and pending items are left out unless asked for.

    Args:
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        include_pending (bool | Unset):  Default: False.
        num (int | Unset):
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssertionEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        include_expired=include_expired,
        include_revoked=include_revoked,
        include_pending=include_pending,
        num=num,
        after=after,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    include_pending: bool | Unset = False,
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> AssertionEnvelope | Envelope | None:
    """Get a list of Assertions in authenticated user's backpack

     Path inferred. Awards made to one of the caller's verified e-mail addresses, plus imported ones.
    Rejected, expired, revoked and pending items are left out unless asked for.

    Args:
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        include_pending (bool | Unset):  Default: False.
        num (int | Unset):
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssertionEnvelope | Envelope
    """

    return sync_detailed(
        client=client,
        include_expired=include_expired,
        include_revoked=include_revoked,
        include_pending=include_pending,
        num=num,
        after=after,
        before=before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    include_pending: bool | Unset = False,
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[AssertionEnvelope | Envelope]:
    """Get a list of Assertions in authenticated user's backpack

     Path inferred. Awards made to one of the caller's verified e-mail addresses, plus imported ones.
    Rejected, expired, revoked and pending items are left out unless asked for.

    Args:
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        include_pending (bool | Unset):  Default: False.
        num (int | Unset):
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssertionEnvelope | Envelope]
    """

    kwargs = _get_kwargs(
        include_expired=include_expired,
        include_revoked=include_revoked,
        include_pending=include_pending,
        num=num,
        after=after,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include_expired: bool | Unset = False,
    include_revoked: bool | Unset = False,
    include_pending: bool | Unset = False,
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> AssertionEnvelope | Envelope | None:
    """Get a list of Assertions in authenticated user's backpack

     Path inferred. Awards made to one of the caller's verified e-mail addresses, plus imported ones.
    Rejected, expired, revoked and pending items are left out unless asked for.

    Args:
        include_expired (bool | Unset):  Default: False.
        include_revoked (bool | Unset):  Default: False.
        include_pending (bool | Unset):  Default: False.
        num (int | Unset):
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
            client=client,
            include_expired=include_expired,
            include_revoked=include_revoked,
            include_pending=include_pending,
            num=num,
            after=after,
            before=before,
        )
    ).parsed
