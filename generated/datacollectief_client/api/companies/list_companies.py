from typing import Any, cast

import httpx
from datacollectief.errors import error_from_response

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.company_list_page import CompanyListPage
from ...models.company_sort_order import CompanySortOrder
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_nr: int,
    records_per_page: int,
    sort_order: CompanySortOrder | Unset = UNSET,
    company_name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    po_box: str | Unset = UNSET,
    po_box_zip_code: str | Unset = UNSET,
    po_box_city: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
    email: str | Unset = UNSET,
    selection_id: int | Unset = UNSET,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: dict[str, Any] = {}

    params["pageNr"] = page_nr

    params["recordsPerPage"] = records_per_page

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sortOrder"] = json_sort_order

    params["companyName"] = company_name

    params["street"] = street

    params["streetNumber"] = street_number

    params["zipCode"] = zip_code

    params["city"] = city

    params["telephone"] = telephone

    params["POBox"] = po_box

    params["POBoxZipCode"] = po_box_zip_code

    params["POBoxCity"] = po_box_city

    params["url"] = url_query

    params["email"] = email

    params["selectionId"] = selection_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/CompanyList",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CompanyListPage | Error | None:
    if response.status_code == 200:
        response_200 = CompanyListPage.from_dict(response.json())

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

    if response.status_code == 309:
        response_309 = errors.parse_error(response)
        return response_309

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
) -> Response[Any | CompanyListPage | Error]:
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
    page_nr: int,
    records_per_page: int,
    sort_order: CompanySortOrder | Unset = UNSET,
    company_name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    po_box: str | Unset = UNSET,
    po_box_zip_code: str | Unset = UNSET,
    po_box_city: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
    email: str | Unset = UNSET,
    selection_id: int | Unset = UNSET,
) -> Response[Any | CompanyListPage | Error]:
    """Search companies (bedrijven zoeken)

     Pages through the companies that match every given filter. `companyName` and
    `city` accept `*` wildcards anywhere (`*ata-collectief*` finds DATA-collectief);
    without a `*` they match the whole value. All text filters ignore case; `zipCode`
    also ignores spaces. Free of charge. Answers a limited record per company.

    Args:
        page_nr (int):
        records_per_page (int):
        sort_order (CompanySortOrder | Unset): Sort field of `CompanyList`; `Desc` variants sort
            descending.
        company_name (str | Unset): A search value; at most 100 characters, no control characters.
        street (str | Unset): A search value; at most 100 characters, no control characters.
        street_number (int | Unset):
        zip_code (str | Unset): A search value; at most 100 characters, no control characters.
        city (str | Unset): A search value; at most 100 characters, no control characters.
        telephone (str | Unset): A search value; at most 100 characters, no control characters.
        po_box (str | Unset): A search value; at most 100 characters, no control characters.
        po_box_zip_code (str | Unset): A search value; at most 100 characters, no control
            characters.
        po_box_city (str | Unset): A search value; at most 100 characters, no control characters.
        url_query (str | Unset): A search value; at most 100 characters, no control characters.
        email (str | Unset): A search value; at most 100 characters, no control characters.
        selection_id (int | Unset): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CompanyListPage | Error]
    """

    kwargs = _get_kwargs(
        page_nr=page_nr,
        records_per_page=records_per_page,
        sort_order=sort_order,
        company_name=company_name,
        street=street,
        street_number=street_number,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        po_box=po_box,
        po_box_zip_code=po_box_zip_code,
        po_box_city=po_box_city,
        url_query=url_query,
        email=email,
        selection_id=selection_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page_nr: int,
    records_per_page: int,
    sort_order: CompanySortOrder | Unset = UNSET,
    company_name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    po_box: str | Unset = UNSET,
    po_box_zip_code: str | Unset = UNSET,
    po_box_city: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
    email: str | Unset = UNSET,
    selection_id: int | Unset = UNSET,
) -> Any | CompanyListPage | Error | None:
    """Search companies (bedrijven zoeken)

     Pages through the companies that match every given filter. `companyName` and
    `city` accept `*` wildcards anywhere (`*ata-collectief*` finds DATA-collectief);
    without a `*` they match the whole value. All text filters ignore case; `zipCode`
    also ignores spaces. Free of charge. Answers a limited record per company.

    Args:
        page_nr (int):
        records_per_page (int):
        sort_order (CompanySortOrder | Unset): Sort field of `CompanyList`; `Desc` variants sort
            descending.
        company_name (str | Unset): A search value; at most 100 characters, no control characters.
        street (str | Unset): A search value; at most 100 characters, no control characters.
        street_number (int | Unset):
        zip_code (str | Unset): A search value; at most 100 characters, no control characters.
        city (str | Unset): A search value; at most 100 characters, no control characters.
        telephone (str | Unset): A search value; at most 100 characters, no control characters.
        po_box (str | Unset): A search value; at most 100 characters, no control characters.
        po_box_zip_code (str | Unset): A search value; at most 100 characters, no control
            characters.
        po_box_city (str | Unset): A search value; at most 100 characters, no control characters.
        url_query (str | Unset): A search value; at most 100 characters, no control characters.
        email (str | Unset): A search value; at most 100 characters, no control characters.
        selection_id (int | Unset): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CompanyListPage | Error
    """

    return sync_detailed(
        client=client,
        page_nr=page_nr,
        records_per_page=records_per_page,
        sort_order=sort_order,
        company_name=company_name,
        street=street,
        street_number=street_number,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        po_box=po_box,
        po_box_zip_code=po_box_zip_code,
        po_box_city=po_box_city,
        url_query=url_query,
        email=email,
        selection_id=selection_id,
    ).parsed


def sync_or_raise(
    *,
    client: AuthenticatedClient,
    page_nr: int,
    records_per_page: int,
    sort_order: CompanySortOrder | Unset = UNSET,
    company_name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    po_box: str | Unset = UNSET,
    po_box_zip_code: str | Unset = UNSET,
    po_box_city: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
    email: str | Unset = UNSET,
    selection_id: int | Unset = UNSET,
) -> CompanyListPage:
    """Search companies (bedrijven zoeken): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = sync_detailed(
        client=client,
        page_nr=page_nr,
        records_per_page=records_per_page,
        sort_order=sort_order,
        company_name=company_name,
        street=street,
        street_number=street_number,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        po_box=po_box,
        po_box_zip_code=po_box_zip_code,
        po_box_city=po_box_city,
        url_query=url_query,
        email=email,
        selection_id=selection_id,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(CompanyListPage, response.parsed)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_nr: int,
    records_per_page: int,
    sort_order: CompanySortOrder | Unset = UNSET,
    company_name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    po_box: str | Unset = UNSET,
    po_box_zip_code: str | Unset = UNSET,
    po_box_city: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
    email: str | Unset = UNSET,
    selection_id: int | Unset = UNSET,
) -> Response[Any | CompanyListPage | Error]:
    """Search companies (bedrijven zoeken)

     Pages through the companies that match every given filter. `companyName` and
    `city` accept `*` wildcards anywhere (`*ata-collectief*` finds DATA-collectief);
    without a `*` they match the whole value. All text filters ignore case; `zipCode`
    also ignores spaces. Free of charge. Answers a limited record per company.

    Args:
        page_nr (int):
        records_per_page (int):
        sort_order (CompanySortOrder | Unset): Sort field of `CompanyList`; `Desc` variants sort
            descending.
        company_name (str | Unset): A search value; at most 100 characters, no control characters.
        street (str | Unset): A search value; at most 100 characters, no control characters.
        street_number (int | Unset):
        zip_code (str | Unset): A search value; at most 100 characters, no control characters.
        city (str | Unset): A search value; at most 100 characters, no control characters.
        telephone (str | Unset): A search value; at most 100 characters, no control characters.
        po_box (str | Unset): A search value; at most 100 characters, no control characters.
        po_box_zip_code (str | Unset): A search value; at most 100 characters, no control
            characters.
        po_box_city (str | Unset): A search value; at most 100 characters, no control characters.
        url_query (str | Unset): A search value; at most 100 characters, no control characters.
        email (str | Unset): A search value; at most 100 characters, no control characters.
        selection_id (int | Unset): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CompanyListPage | Error]
    """

    kwargs = _get_kwargs(
        page_nr=page_nr,
        records_per_page=records_per_page,
        sort_order=sort_order,
        company_name=company_name,
        street=street,
        street_number=street_number,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        po_box=po_box,
        po_box_zip_code=po_box_zip_code,
        po_box_city=po_box_city,
        url_query=url_query,
        email=email,
        selection_id=selection_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_nr: int,
    records_per_page: int,
    sort_order: CompanySortOrder | Unset = UNSET,
    company_name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    po_box: str | Unset = UNSET,
    po_box_zip_code: str | Unset = UNSET,
    po_box_city: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
    email: str | Unset = UNSET,
    selection_id: int | Unset = UNSET,
) -> Any | CompanyListPage | Error | None:
    """Search companies (bedrijven zoeken)

     Pages through the companies that match every given filter. `companyName` and
    `city` accept `*` wildcards anywhere (`*ata-collectief*` finds DATA-collectief);
    without a `*` they match the whole value. All text filters ignore case; `zipCode`
    also ignores spaces. Free of charge. Answers a limited record per company.

    Args:
        page_nr (int):
        records_per_page (int):
        sort_order (CompanySortOrder | Unset): Sort field of `CompanyList`; `Desc` variants sort
            descending.
        company_name (str | Unset): A search value; at most 100 characters, no control characters.
        street (str | Unset): A search value; at most 100 characters, no control characters.
        street_number (int | Unset):
        zip_code (str | Unset): A search value; at most 100 characters, no control characters.
        city (str | Unset): A search value; at most 100 characters, no control characters.
        telephone (str | Unset): A search value; at most 100 characters, no control characters.
        po_box (str | Unset): A search value; at most 100 characters, no control characters.
        po_box_zip_code (str | Unset): A search value; at most 100 characters, no control
            characters.
        po_box_city (str | Unset): A search value; at most 100 characters, no control characters.
        url_query (str | Unset): A search value; at most 100 characters, no control characters.
        email (str | Unset): A search value; at most 100 characters, no control characters.
        selection_id (int | Unset): A DATA-collectief record number. Example: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CompanyListPage | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            page_nr=page_nr,
            records_per_page=records_per_page,
            sort_order=sort_order,
            company_name=company_name,
            street=street,
            street_number=street_number,
            zip_code=zip_code,
            city=city,
            telephone=telephone,
            po_box=po_box,
            po_box_zip_code=po_box_zip_code,
            po_box_city=po_box_city,
            url_query=url_query,
            email=email,
            selection_id=selection_id,
        )
    ).parsed


async def asyncio_or_raise(
    *,
    client: AuthenticatedClient,
    page_nr: int,
    records_per_page: int,
    sort_order: CompanySortOrder | Unset = UNSET,
    company_name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    po_box: str | Unset = UNSET,
    po_box_zip_code: str | Unset = UNSET,
    po_box_city: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
    email: str | Unset = UNSET,
    selection_id: int | Unset = UNSET,
) -> CompanyListPage:
    """Search companies (bedrijven zoeken): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = await asyncio_detailed(
        client=client,
        page_nr=page_nr,
        records_per_page=records_per_page,
        sort_order=sort_order,
        company_name=company_name,
        street=street,
        street_number=street_number,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        po_box=po_box,
        po_box_zip_code=po_box_zip_code,
        po_box_city=po_box_city,
        url_query=url_query,
        email=email,
        selection_id=selection_id,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(CompanyListPage, response.parsed)
