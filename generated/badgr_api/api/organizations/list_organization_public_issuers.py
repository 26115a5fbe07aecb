from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.envelope import Envelope
from ...models.issuer_envelope import IssuerEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    name_query: str | Unset = UNSET,
    num: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["nameQuery"] = name_query

    params["num"] = num

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/organizations/{id}/public-issuers".format(
            id=quote(str(id), safe=""),
        ),
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
    id: str,
    *,
    client: AuthenticatedClient | Client,
    name_query: str | Unset = UNSET,
    num: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Envelope | IssuerEnvelope]:
    """List public issuers for the specified organization with pagination and optional name filtering

     Public (no scope shown in the documentation). Page-number paging: `num` items per page and
    1-based `page`; the documentation renders both as strings, they are integers here. Verb, the
    response body and the `Link` header to the neighbouring pages are inferred.

    Args:
        id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        name_query (str | Unset):
        num (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerEnvelope]
    """

    kwargs = _get_kwargs(
        id=id,
        name_query=name_query,
        num=num,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    name_query: str | Unset = UNSET,
    num: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Envelope | IssuerEnvelope | None:
    """List public issuers for the specified organization with pagination and optional name filtering

     Public (no scope shown in the documentation). Page-number paging: `num` items per page and
    1-based `page`; the documentation renders both as strings, they are integers here. Verb, the
    response body and the `Link` header to the neighbouring pages are inferred.

    Args:
        id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        name_query (str | Unset):
        num (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerEnvelope
    """

    return sync_detailed(
        id=id,
        client=client,
        name_query=name_query,
        num=num,
        page=page,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    name_query: str | Unset = UNSET,
    num: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Envelope | IssuerEnvelope]:
    """List public issuers for the specified organization with pagination and optional name filtering

     Public (no scope shown in the documentation). Page-number paging: `num` items per page and
    1-based `page`; the documentation renders both as strings, they are integers here. Verb, the
    response body and the `Link` header to the neighbouring pages are inferred.

    Args:
        id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        name_query (str | Unset):
        num (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | IssuerEnvelope]
    """

    kwargs = _get_kwargs(
        id=id,
        name_query=name_query,
        num=num,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    name_query: str | Unset = UNSET,
    num: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Envelope | IssuerEnvelope | None:
    """List public issuers for the specified organization with pagination and optional name filtering

     Public (no scope shown in the documentation). Page-number paging: `num` items per page and
    1-based `page`; the documentation renders both as strings, they are integers here. Verb, the
    response body and the `Link` header to the neighbouring pages are inferred.

    Args:
        id (str): A 24-hex `id` or a URL-safe base64 `entityId`.
        name_query (str | Unset):
        num (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | IssuerEnvelope
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            name_query=name_query,
            num=num,
            page=page,
        )
    ).parsed
