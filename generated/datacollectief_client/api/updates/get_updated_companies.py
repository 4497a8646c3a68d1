from typing import Any, cast

import httpx
from datacollectief.errors import error_from_response

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.updated_companies_v1_result import UpdatedCompaniesV1Result
from ...types import UNSET, Response


def _get_kwargs(
    *,
    company_ids: str,
    last_changed_date: str,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: dict[str, Any] = {}

    params["companyIds"] = company_ids

    params["lastChangedDate"] = last_changed_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/UpdatedCompanies",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | UpdatedCompaniesV1Result | None:
    if response.status_code == 200:
        response_200 = UpdatedCompaniesV1Result.from_dict(response.json())

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

    if response.status_code == 306:
        response_306 = errors.parse_error(response)
        return response_306

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

    if response.status_code == 400:
        response_400 = errors.parse_error(response)
        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | UpdatedCompaniesV1Result]:
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
    company_ids: str,
    last_changed_date: str,
) -> Response[Any | Error | UpdatedCompaniesV1Result]:
    """Which companies changed since a date (bedrijven met mutatie)

     Of at most 100 company numbers, answers those whose record changed after
    `lastChangedDate`. Unknown numbers are left out. Free of charge. The answer has the
    same shape as `UpdatedCompaniesV2` (inferred).

    Args:
        company_ids (str): Comma-separated record numbers, at most 100 of them (spaces around
            numbers allowed). Example: 1,2,3.
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time
            (not RFC 3339). Example: 2026-11-30 14:05:00.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | UpdatedCompaniesV1Result]
    """

    kwargs = _get_kwargs(
        company_ids=company_ids,
        last_changed_date=last_changed_date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    company_ids: str,
    last_changed_date: str,
) -> Any | Error | UpdatedCompaniesV1Result | None:
    """Which companies changed since a date (bedrijven met mutatie)

     Of at most 100 company numbers, answers those whose record changed after
    `lastChangedDate`. Unknown numbers are left out. Free of charge. The answer has the
    same shape as `UpdatedCompaniesV2` (inferred).

    Args:
        company_ids (str): Comma-separated record numbers, at most 100 of them (spaces around
            numbers allowed). Example: 1,2,3.
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time
            (not RFC 3339). Example: 2026-11-30 14:05:00.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | UpdatedCompaniesV1Result
    """

    return sync_detailed(
        client=client,
        company_ids=company_ids,
        last_changed_date=last_changed_date,
    ).parsed


def sync_or_raise(
    *,
    client: AuthenticatedClient,
    company_ids: str,
    last_changed_date: str,
) -> UpdatedCompaniesV1Result:
    """Which companies changed since a date (bedrijven met mutatie): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = sync_detailed(
        client=client,
        company_ids=company_ids,
        last_changed_date=last_changed_date,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(UpdatedCompaniesV1Result, response.parsed)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    company_ids: str,
    last_changed_date: str,
) -> Response[Any | Error | UpdatedCompaniesV1Result]:
    """Which companies changed since a date (bedrijven met mutatie)

     Of at most 100 company numbers, answers those whose record changed after
    `lastChangedDate`. Unknown numbers are left out. Free of charge. The answer has the
    same shape as `UpdatedCompaniesV2` (inferred).

    Args:
        company_ids (str): Comma-separated record numbers, at most 100 of them (spaces around
            numbers allowed). Example: 1,2,3.
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time
            (not RFC 3339). Example: 2026-11-30 14:05:00.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | UpdatedCompaniesV1Result]
    """

    kwargs = _get_kwargs(
        company_ids=company_ids,
        last_changed_date=last_changed_date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    company_ids: str,
    last_changed_date: str,
) -> Any | Error | UpdatedCompaniesV1Result | None:
    """Which companies changed since a date (bedrijven met mutatie)

     Of at most 100 company numbers, answers those whose record changed after
    `lastChangedDate`. Unknown numbers are left out. Free of charge. The answer has the
    same shape as `UpdatedCompaniesV2` (inferred).

    Args:
        company_ids (str): Comma-separated record numbers, at most 100 of them (spaces around
            numbers allowed). Example: 1,2,3.
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time
            (not RFC 3339). Example: 2026-11-30 14:05:00.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | UpdatedCompaniesV1Result
    """

    return (
        await asyncio_detailed(
            client=client,
            company_ids=company_ids,
            last_changed_date=last_changed_date,
        )
    ).parsed


async def asyncio_or_raise(
    *,
    client: AuthenticatedClient,
    company_ids: str,
    last_changed_date: str,
) -> UpdatedCompaniesV1Result:
    """Which companies changed since a date (bedrijven met mutatie): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = await asyncio_detailed(
        client=client,
        company_ids=company_ids,
        last_changed_date=last_changed_date,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(UpdatedCompaniesV1Result, response.parsed)
