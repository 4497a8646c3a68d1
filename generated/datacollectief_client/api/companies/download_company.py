from typing import Any, cast

import httpx
from datacollectief.errors import error_from_response

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.company import Company
from ...models.error import Error
from ...types import UNSET, Response


def _get_kwargs(
    *,
    id: int,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: dict[str, Any] = {}

    params["id"] = id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Company",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Company | Error | None:
    if response.status_code == 200:
        response_200 = Company.from_dict(response.json())

        return response_200

    if response.status_code == 301:
        response_301 = errors.parse_error(response)
        return response_301

    if response.status_code == 302:
        response_302 = errors.parse_error(response)
        return response_302

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 305:
        response_305 = errors.parse_error(response)
        return response_305

    if response.status_code == 307:
        response_307 = errors.parse_error(response)
        return response_307

    if response.status_code == 310:
        response_310 = errors.parse_error(response)
        return response_310

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

    if response.status_code == 317:
        response_317 = errors.parse_error(response)
        return response_317

    if response.status_code == 400:
        response_400 = errors.parse_error(response)
        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Company | Error]:
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
    id: int,
) -> Response[Any | Company | Error]:
    """Download a company (bedrijf downloaden)

     The full record. Costs 1 credit unless the account owns the company; ownership
    lasts one calendar month (Europe/Amsterdam) from the download, after which a download
    costs again. With an update subscription (actualisatie-abonnement), downloading a
    company that changed since the account last downloaded it is free. Every data field
    carries its last-change timestamp in `Timestamps`.

    Args:
        id (int): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Company | Error]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    id: int,
) -> Any | Company | Error | None:
    """Download a company (bedrijf downloaden)

     The full record. Costs 1 credit unless the account owns the company; ownership
    lasts one calendar month (Europe/Amsterdam) from the download, after which a download
    costs again. With an update subscription (actualisatie-abonnement), downloading a
    company that changed since the account last downloaded it is free. Every data field
    carries its last-change timestamp in `Timestamps`.

    Args:
        id (int): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Company | Error
    """

    return sync_detailed(
        client=client,
        id=id,
    ).parsed


def sync_or_raise(
    *,
    client: AuthenticatedClient,
    id: int,
) -> Company:
    """Download a company (bedrijf downloaden): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = sync_detailed(
        client=client,
        id=id,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(Company, response.parsed)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    id: int,
) -> Response[Any | Company | Error]:
    """Download a company (bedrijf downloaden)

     The full record. Costs 1 credit unless the account owns the company; ownership
    lasts one calendar month (Europe/Amsterdam) from the download, after which a download
    costs again. With an update subscription (actualisatie-abonnement), downloading a
    company that changed since the account last downloaded it is free. Every data field
    carries its last-change timestamp in `Timestamps`.

    Args:
        id (int): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Company | Error]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    id: int,
) -> Any | Company | Error | None:
    """Download a company (bedrijf downloaden)

     The full record. Costs 1 credit unless the account owns the company; ownership
    lasts one calendar month (Europe/Amsterdam) from the download, after which a download
    costs again. With an update subscription (actualisatie-abonnement), downloading a
    company that changed since the account last downloaded it is free. Every data field
    carries its last-change timestamp in `Timestamps`.

    Args:
        id (int): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Company | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
        )
    ).parsed


async def asyncio_or_raise(
    *,
    client: AuthenticatedClient,
    id: int,
) -> Company:
    """Download a company (bedrijf downloaden): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = await asyncio_detailed(
        client=client,
        id=id,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(Company, response.parsed)
