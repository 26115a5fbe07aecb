from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.envelope import Envelope
from ...models.o_auth_error import OAuthError
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/o/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Envelope | OAuthError | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Envelope.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = OAuthError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Envelope | OAuthError | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Envelope | OAuthError | TokenResponse]:
    """Obtain or refresh an access token

     OAuth2 token endpoint. Grant parameters go in a form-encoded body (never the query string).
    `grant_type` defaults to `password`; without `client_id` the public client `public` is used.
    A successful refresh returns a new access token **and** a new refresh token and revokes the old
    access token. Repeated failed logins are throttled with 429 and an exponential back-off, so a
    password grant must never be retried automatically.

    Args:
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Envelope | OAuthError | TokenResponse | None:
    """Obtain or refresh an access token

     OAuth2 token endpoint. Grant parameters go in a form-encoded body (never the query string).
    `grant_type` defaults to `password`; without `client_id` the public client `public` is used.
    A successful refresh returns a new access token **and** a new refresh token and revokes the old
    access token. Repeated failed logins are throttled with 429 and an exponential back-off, so a
    password grant must never be retried automatically.

    Args:
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | OAuthError | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Envelope | OAuthError | TokenResponse]:
    """Obtain or refresh an access token

     OAuth2 token endpoint. Grant parameters go in a form-encoded body (never the query string).
    `grant_type` defaults to `password`; without `client_id` the public client `public` is used.
    A successful refresh returns a new access token **and** a new refresh token and revokes the old
    access token. Repeated failed logins are throttled with 429 and an exponential back-off, so a
    password grant must never be retried automatically.

    Args:
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Envelope | OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Envelope | OAuthError | TokenResponse | None:
    """Obtain or refresh an access token

     OAuth2 token endpoint. Grant parameters go in a form-encoded body (never the query string).
    `grant_type` defaults to `password`; without `client_id` the public client `public` is used.
    A successful refresh returns a new access token **and** a new refresh token and revokes the old
    access token. Repeated failed logins are throttled with 429 and an exponential back-off, so a
    password grant must never be retried automatically.

    Args:
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Envelope | OAuthError | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
