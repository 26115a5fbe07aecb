import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.envelope import Envelope
from ...models.issuer_changes_envelope import IssuerChangesEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: datetime.datetime | Unset = UNSET,
    num: int | str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_num: int | str | Unset
    if isinstance(num, Unset):
        json_num = UNSET
    else:
        json_num = num
    params["num"] = json_num

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/issuers/changed",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Envelope | IssuerChangesEnvelope | None:
    if response.status_code == 200:
        response_200 = IssuerChangesEnvelope.from_dict(response.json())

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
) -> Response[Envelope | IssuerChangesEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    num: int | str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Envelope | IssuerChangesEnvelope]:
    """Issuers changed since an instant

     badgr-server only. The caller's issuers ordered by `updatedAt` ascending, always paginated;
    the body's `pagination` says where the next page is and `timestamp` is the server's clock
    when the page was made (use it as the next `since`).

    Args:
        since (datetime.datetime | Unset):
        num (int | str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerChangesEnvelope]
    """

    kwargs = _get_kwargs(
        since=since,
        num=num,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    num: int | str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Envelope | IssuerChangesEnvelope | None:
    """Issuers changed since an instant

     badgr-server only. The caller's issuers ordered by `updatedAt` ascending, always paginated;
    the body's `pagination` says where the next page is and `timestamp` is the server's clock
    when the page was made (use it as the next `since`).

    Args:
        since (datetime.datetime | Unset):
        num (int | str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerChangesEnvelope
    """

    return sync_detailed(
        client=client,
        since=since,
        num=num,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    num: int | str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Envelope | IssuerChangesEnvelope]:
    """Issuers changed since an instant

     badgr-server only. The caller's issuers ordered by `updatedAt` ascending, always paginated;
    the body's `pagination` says where the next page is and `timestamp` is the server's clock
    when the page was made (use it as the next `since`).

    Args:
        since (datetime.datetime | Unset):
        num (int | str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerChangesEnvelope]
    """

    kwargs = _get_kwargs(
        since=since,
        num=num,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    num: int | str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Envelope | IssuerChangesEnvelope | None:
    """Issuers changed since an instant

     badgr-server only. The caller's issuers ordered by `updatedAt` ascending, always paginated;
    the body's `pagination` says where the next page is and `timestamp` is the server's clock
    when the page was made (use it as the next `since`).

    Args:
        since (datetime.datetime | Unset):
        num (int | str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerChangesEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            num=num,
            cursor=cursor,
        )
    ).parsed
