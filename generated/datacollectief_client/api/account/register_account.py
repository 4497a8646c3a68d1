from typing import Any, cast

import httpx
from datacollectief.errors import error_from_response

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.registered_account import RegisteredAccount
from ...types import UNSET, Response


def _get_kwargs(
    *,
    new_user: str,
    code: str,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: dict[str, Any] = {}

    params["newUser"] = new_user

    params["code"] = code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/RegisterAccount",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | RegisteredAccount | None:
    if response.status_code == 200:
        response_200 = RegisteredAccount.from_dict(response.json())

        return response_200

    if response.status_code == 301:
        response_301 = errors.parse_error(response)
        return response_301

    if response.status_code == 302:
        response_302 = errors.parse_error(response)
        return response_302

    if response.status_code == 303:
        response_303 = errors.parse_error(response)
        return response_303

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 305:
        response_305 = errors.parse_error(response)
        return response_305

    if response.status_code == 311:
        response_311 = errors.parse_error(response)
        return response_311

    if response.status_code == 312:
        response_312 = errors.parse_error(response)
        return response_312

    if response.status_code == 313:
        response_313 = errors.parse_error(response)
        return response_313

    if response.status_code == 314:
        response_314 = errors.parse_error(response)
        return response_314

    if response.status_code == 319:
        response_319 = errors.parse_error(response)
        return response_319

    if response.status_code == 400:
        response_400 = errors.parse_error(response)
        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | RegisteredAccount]:
    built = Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )
    if client.raise_on_error and built.status_code != 200:
        raise error_from_response(built)
    return built


def sync_detailed(
    *,
    client: AuthenticatedClient,
    new_user: str,
    code: str,
) -> Response[Any | Error | RegisteredAccount]:
    """Link a new user to the application (nieuw account koppelen)

     Called with the main account's credentials. `newUser` is the e-mail of a Mijn
    DATA-collectief account that activated the application under "Mijn applicaties",
    which created the one-off `code`. Answers that user and a new API password; all later
    calls of that user use those, and its downloads and credits are booked on its own
    account.

    Args:
        new_user (str):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | RegisteredAccount]
    """

    kwargs = _get_kwargs(
        new_user=new_user,
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    new_user: str,
    code: str,
) -> Any | Error | RegisteredAccount | None:
    """Link a new user to the application (nieuw account koppelen)

     Called with the main account's credentials. `newUser` is the e-mail of a Mijn
    DATA-collectief account that activated the application under "Mijn applicaties",
    which created the one-off `code`. Answers that user and a new API password; all later
    calls of that user use those, and its downloads and credits are booked on its own
    account.

    Args:
        new_user (str):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | RegisteredAccount
    """

    return sync_detailed(
        client=client,
        new_user=new_user,
        code=code,
    ).parsed


def sync_or_raise(
    *,
    client: AuthenticatedClient,
    new_user: str,
    code: str,
) -> RegisteredAccount:
    """Link a new user to the application (nieuw account koppelen): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = sync_detailed(
        client=client,
        new_user=new_user,
        code=code,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(RegisteredAccount, response.parsed)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    new_user: str,
    code: str,
) -> Response[Any | Error | RegisteredAccount]:
    """Link a new user to the application (nieuw account koppelen)

     Called with the main account's credentials. `newUser` is the e-mail of a Mijn
    DATA-collectief account that activated the application under "Mijn applicaties",
    which created the one-off `code`. Answers that user and a new API password; all later
    calls of that user use those, and its downloads and credits are booked on its own
    account.

    Args:
        new_user (str):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | RegisteredAccount]
    """

    kwargs = _get_kwargs(
        new_user=new_user,
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    new_user: str,
    code: str,
) -> Any | Error | RegisteredAccount | None:
    """Link a new user to the application (nieuw account koppelen)

     Called with the main account's credentials. `newUser` is the e-mail of a Mijn
    DATA-collectief account that activated the application under "Mijn applicaties",
    which created the one-off `code`. Answers that user and a new API password; all later
    calls of that user use those, and its downloads and credits are booked on its own
    account.

    Args:
        new_user (str):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | RegisteredAccount
    """

    return (
        await asyncio_detailed(
            client=client,
            new_user=new_user,
            code=code,
        )
    ).parsed


async def asyncio_or_raise(
    *,
    client: AuthenticatedClient,
    new_user: str,
    code: str,
) -> RegisteredAccount:
    """Link a new user to the application (nieuw account koppelen): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = await asyncio_detailed(
        client=client,
        new_user=new_user,
        code=code,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(RegisteredAccount, response.parsed)
