from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.envelope import Envelope
from ...models.issuer_envelope import IssuerEnvelope
from ...models.list_issuers_include_staff import ListIssuersIncludeStaff
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_staff: ListIssuersIncludeStaff | Unset = "true",
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_include_staff: str | Unset = UNSET
    if not isinstance(include_staff, Unset):
        json_include_staff = include_staff

    params["include_staff"] = json_include_staff

    params["num"] = num

    params["after"] = after

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/issuers",
        "params": params,
    }

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
    *,
    client: AuthenticatedClient,
    include_staff: ListIssuersIncludeStaff | Unset = "true",
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[Envelope | IssuerEnvelope]:
    """Get a list of Issuers for authenticated user

     Issuers on which the caller is staff, editor or owner. Paginates only when `num` is sent
    (pagination of this list is inferred from the documented pagination scheme).

    Args:
        include_staff (ListIssuersIncludeStaff | Unset):  Default: 'true'.
        num (int | Unset):
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerEnvelope]
    """

    kwargs = _get_kwargs(
        include_staff=include_staff,
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
    include_staff: ListIssuersIncludeStaff | Unset = "true",
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Envelope | IssuerEnvelope | None:
    """Get a list of Issuers for authenticated user

     Issuers on which the caller is staff, editor or owner. Paginates only when `num` is sent
    (pagination of this list is inferred from the documented pagination scheme).

    Args:
        include_staff (ListIssuersIncludeStaff | Unset):  Default: 'true'.
        num (int | Unset):
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerEnvelope
    """

    return sync_detailed(
        client=client,
        include_staff=include_staff,
        num=num,
        after=after,
        before=before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include_staff: ListIssuersIncludeStaff | Unset = "true",
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[Envelope | IssuerEnvelope]:
    """Get a list of Issuers for authenticated user

     Issuers on which the caller is staff, editor or owner. Paginates only when `num` is sent
    (pagination of this list is inferred from the documented pagination scheme).

    Args:
        include_staff (ListIssuersIncludeStaff | Unset):  Default: 'true'.
        num (int | Unset):
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerEnvelope]
    """

    kwargs = _get_kwargs(
        include_staff=include_staff,
        num=num,
        after=after,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include_staff: ListIssuersIncludeStaff | Unset = "true",
    num: int | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Envelope | IssuerEnvelope | None:
    """Get a list of Issuers for authenticated user

     Issuers on which the caller is staff, editor or owner. Paginates only when `num` is sent
    (pagination of this list is inferred from the documented pagination scheme).

    Args:
        include_staff (ListIssuersIncludeStaff | Unset):  Default: 'true'.
        num (int | Unset):
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            include_staff=include_staff,
            num=num,
            after=after,
            before=before,
        )
    ).parsed
