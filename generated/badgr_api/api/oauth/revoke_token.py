from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.envelope import Envelope
from ...models.o_auth_error import OAuthError
from ...models.revoke_token_request import RevokeTokenRequest
from ...types import Response


def _get_kwargs(
    *,
    body: RevokeTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/o/revoke_token/",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Envelope | OAuthError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = Envelope.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Envelope | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenRequest,
) -> Response[Any | Envelope | OAuthError]:
    """Revoke an access token or a refresh token

     badgr-server only: django-oauth-toolkit's RFC 7009 revocation endpoint (measured: the
    documented API has no revocation route). Answers 200 with no body, also for a token the
    server does not know or has already revoked (RFC 7009 §2.2); the token answers 401
    afterwards. Revoking a refresh token revokes the access tokens of its grant too;
    revoking an access token leaves its refresh token. Mind the trailing slash: without it
    the server answers 500.

    Args:
        body (RevokeTokenRequest): RFC 7009 §2.1: the token to revoke and the client it was issued
            to (a confidential client
            also sends its secret). Form-encoded, never in the query string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Envelope | OAuthError]
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
    body: RevokeTokenRequest,
) -> Any | Envelope | OAuthError | None:
    """Revoke an access token or a refresh token

     badgr-server only: django-oauth-toolkit's RFC 7009 revocation endpoint (measured: the
    documented API has no revocation route). Answers 200 with no body, also for a token the
    server does not know or has already revoked (RFC 7009 §2.2); the token answers 401
    afterwards. Revoking a refresh token revokes the access tokens of its grant too;
    revoking an access token leaves its refresh token. Mind the trailing slash: without it
    the server answers 500.

    Args:
        body (RevokeTokenRequest): RFC 7009 §2.1: the token to revoke and the client it was issued
            to (a confidential client
            also sends its secret). Form-encoded, never in the query string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Envelope | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenRequest,
) -> Response[Any | Envelope | OAuthError]:
    """Revoke an access token or a refresh token

     badgr-server only: django-oauth-toolkit's RFC 7009 revocation endpoint (measured: the
    documented API has no revocation route). Answers 200 with no body, also for a token the
    server does not know or has already revoked (RFC 7009 §2.2); the token answers 401
    afterwards. Revoking a refresh token revokes the access tokens of its grant too;
    revoking an access token leaves its refresh token. Mind the trailing slash: without it
    the server answers 500.

    Args:
        body (RevokeTokenRequest): RFC 7009 §2.1: the token to revoke and the client it was issued
            to (a confidential client
            also sends its secret). Form-encoded, never in the query string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Envelope | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenRequest,
) -> Any | Envelope | OAuthError | None:
    """Revoke an access token or a refresh token

     badgr-server only: django-oauth-toolkit's RFC 7009 revocation endpoint (measured: the
    documented API has no revocation route). Answers 200 with no body, also for a token the
    server does not know or has already revoked (RFC 7009 §2.2); the token answers 401
    afterwards. Revoking a refresh token revokes the access tokens of its grant too;
    revoking an access token leaves its refresh token. Mind the trailing slash: without it
    the server answers 500.

    Args:
        body (RevokeTokenRequest): RFC 7009 §2.1: the token to revoke and the client it was issued
            to (a confidential client
            also sends its secret). Form-encoded, never in the query string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Envelope | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
