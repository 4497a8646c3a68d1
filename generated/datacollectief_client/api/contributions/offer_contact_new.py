from typing import Any, cast

import httpx
from datacollectief.errors import error_from_response

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_new_result import ContactNewResult
from ...models.error import Error
from ...models.gender import Gender
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    company_id: int,
    name: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobilephone: str | Unset = UNSET,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: dict[str, Any] = {}

    params["companyId"] = company_id

    params["name"] = name

    params["firstName"] = first_name

    json_gender: int | Unset = UNSET
    if not isinstance(gender, Unset):
        json_gender = gender.value

    params["gender"] = json_gender

    params["functionDescription"] = function_description

    params["email"] = email

    params["telephone"] = telephone

    params["mobilephone"] = mobilephone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ContactNew",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ContactNewResult | Error | None:
    if response.status_code == 200:
        response_200 = ContactNewResult.from_dict(response.json())

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
) -> Response[Any | ContactNewResult | Error]:
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
    company_id: int,
    name: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobilephone: str | Unset = UNSET,
) -> Response[Any | ContactNewResult | Error]:
    """Offer a new contact person (nieuwe contactpersoon aanbieden)

     A complete, new contact (company number, initials or first name and last name,
    gender and function) earns 1 credit. An incomplete offer, or one of a person already
    present at that company (same last name and initials or first name, case-insensitive),
    costs 1 credit; 310 when the balance cannot pay that. The data travels in the query
    (parameter names inferred from `ContactNewV2`).

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        first_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobilephone (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContactNewResult | Error]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        name=name,
        first_name=first_name,
        gender=gender,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobilephone=mobilephone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    company_id: int,
    name: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobilephone: str | Unset = UNSET,
) -> Any | ContactNewResult | Error | None:
    """Offer a new contact person (nieuwe contactpersoon aanbieden)

     A complete, new contact (company number, initials or first name and last name,
    gender and function) earns 1 credit. An incomplete offer, or one of a person already
    present at that company (same last name and initials or first name, case-insensitive),
    costs 1 credit; 310 when the balance cannot pay that. The data travels in the query
    (parameter names inferred from `ContactNewV2`).

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        first_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobilephone (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContactNewResult | Error
    """

    return sync_detailed(
        client=client,
        company_id=company_id,
        name=name,
        first_name=first_name,
        gender=gender,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobilephone=mobilephone,
    ).parsed


def sync_or_raise(
    *,
    client: AuthenticatedClient,
    company_id: int,
    name: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobilephone: str | Unset = UNSET,
) -> ContactNewResult:
    """Offer a new contact person (nieuwe contactpersoon aanbieden): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = sync_detailed(
        client=client,
        company_id=company_id,
        name=name,
        first_name=first_name,
        gender=gender,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobilephone=mobilephone,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(ContactNewResult, response.parsed)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    company_id: int,
    name: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobilephone: str | Unset = UNSET,
) -> Response[Any | ContactNewResult | Error]:
    """Offer a new contact person (nieuwe contactpersoon aanbieden)

     A complete, new contact (company number, initials or first name and last name,
    gender and function) earns 1 credit. An incomplete offer, or one of a person already
    present at that company (same last name and initials or first name, case-insensitive),
    costs 1 credit; 310 when the balance cannot pay that. The data travels in the query
    (parameter names inferred from `ContactNewV2`).

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        first_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobilephone (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContactNewResult | Error]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        name=name,
        first_name=first_name,
        gender=gender,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobilephone=mobilephone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    company_id: int,
    name: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobilephone: str | Unset = UNSET,
) -> Any | ContactNewResult | Error | None:
    """Offer a new contact person (nieuwe contactpersoon aanbieden)

     A complete, new contact (company number, initials or first name and last name,
    gender and function) earns 1 credit. An incomplete offer, or one of a person already
    present at that company (same last name and initials or first name, case-insensitive),
    costs 1 credit; 310 when the balance cannot pay that. The data travels in the query
    (parameter names inferred from `ContactNewV2`).

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        first_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobilephone (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContactNewResult | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            company_id=company_id,
            name=name,
            first_name=first_name,
            gender=gender,
            function_description=function_description,
            email=email,
            telephone=telephone,
            mobilephone=mobilephone,
        )
    ).parsed


async def asyncio_or_raise(
    *,
    client: AuthenticatedClient,
    company_id: int,
    name: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobilephone: str | Unset = UNSET,
) -> ContactNewResult:
    """Offer a new contact person (nieuwe contactpersoon aanbieden): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = await asyncio_detailed(
        client=client,
        company_id=company_id,
        name=name,
        first_name=first_name,
        gender=gender,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobilephone=mobilephone,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(ContactNewResult, response.parsed)
