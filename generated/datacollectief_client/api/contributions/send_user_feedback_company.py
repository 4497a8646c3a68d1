from typing import Any, cast

import httpx
from datacollectief.errors import error_from_response

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.feedback_receipt import FeedbackReceipt
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    company_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    street_number_suffix: str | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: dict[str, Any] = {}

    params["companyId"] = company_id

    params["reasonId"] = reason_id

    params["otherReason"] = other_reason

    params["memo"] = memo

    params["name"] = name

    params["street"] = street

    params["streetNumber"] = street_number

    params["streetNumberSuffix"] = street_number_suffix

    params["zipCode"] = zip_code

    params["city"] = city

    params["telephone"] = telephone

    params["email"] = email

    params["url"] = url_query

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/UserFeedbackCompany",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | FeedbackReceipt | None:
    if response.status_code == 200:
        response_200 = FeedbackReceipt.from_dict(response.json())

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

    if response.status_code == 315:
        response_315 = errors.parse_error(response)
        return response_315

    if response.status_code == 400:
        response_400 = errors.parse_error(response)
        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | FeedbackReceipt]:
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
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    street_number_suffix: str | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
) -> Response[Any | Error | FeedbackReceipt]:
    """Offer a company mutation (mutatiebericht bedrijf)

     Reports that something in a company record is wrong, optionally with the right
    value. The company must be owned (else 315). Needs `reasonId` from
    `BaseTableMessageReason` (applicable to companies) or a free-text `otherReason`.
    Each accepted mutation earns 1 credit at once (counted in `CreditsFromWUS`); its
    status can be followed in Mijn DATA-collectief. The data travels in the query.

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        street (str | Unset): A free-text field of a contribution; at most 200 characters.
        street_number (int | Unset):
        street_number_suffix (str | Unset): A free-text field of a contribution; at most 200
            characters.
        zip_code (str | Unset): A free-text field of a contribution; at most 200 characters.
        city (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        url_query (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | FeedbackReceipt]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        name=name,
        street=street,
        street_number=street_number,
        street_number_suffix=street_number_suffix,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        email=email,
        url_query=url_query,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    company_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    street_number_suffix: str | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
) -> Any | Error | FeedbackReceipt | None:
    """Offer a company mutation (mutatiebericht bedrijf)

     Reports that something in a company record is wrong, optionally with the right
    value. The company must be owned (else 315). Needs `reasonId` from
    `BaseTableMessageReason` (applicable to companies) or a free-text `otherReason`.
    Each accepted mutation earns 1 credit at once (counted in `CreditsFromWUS`); its
    status can be followed in Mijn DATA-collectief. The data travels in the query.

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        street (str | Unset): A free-text field of a contribution; at most 200 characters.
        street_number (int | Unset):
        street_number_suffix (str | Unset): A free-text field of a contribution; at most 200
            characters.
        zip_code (str | Unset): A free-text field of a contribution; at most 200 characters.
        city (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        url_query (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | FeedbackReceipt
    """

    return sync_detailed(
        client=client,
        company_id=company_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        name=name,
        street=street,
        street_number=street_number,
        street_number_suffix=street_number_suffix,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        email=email,
        url_query=url_query,
    ).parsed


def sync_or_raise(
    *,
    client: AuthenticatedClient,
    company_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    street_number_suffix: str | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
) -> FeedbackReceipt:
    """Offer a company mutation (mutatiebericht bedrijf): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = sync_detailed(
        client=client,
        company_id=company_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        name=name,
        street=street,
        street_number=street_number,
        street_number_suffix=street_number_suffix,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        email=email,
        url_query=url_query,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(FeedbackReceipt, response.parsed)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    company_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    street_number_suffix: str | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
) -> Response[Any | Error | FeedbackReceipt]:
    """Offer a company mutation (mutatiebericht bedrijf)

     Reports that something in a company record is wrong, optionally with the right
    value. The company must be owned (else 315). Needs `reasonId` from
    `BaseTableMessageReason` (applicable to companies) or a free-text `otherReason`.
    Each accepted mutation earns 1 credit at once (counted in `CreditsFromWUS`); its
    status can be followed in Mijn DATA-collectief. The data travels in the query.

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        street (str | Unset): A free-text field of a contribution; at most 200 characters.
        street_number (int | Unset):
        street_number_suffix (str | Unset): A free-text field of a contribution; at most 200
            characters.
        zip_code (str | Unset): A free-text field of a contribution; at most 200 characters.
        city (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        url_query (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | FeedbackReceipt]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        name=name,
        street=street,
        street_number=street_number,
        street_number_suffix=street_number_suffix,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        email=email,
        url_query=url_query,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    company_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    street_number_suffix: str | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
) -> Any | Error | FeedbackReceipt | None:
    """Offer a company mutation (mutatiebericht bedrijf)

     Reports that something in a company record is wrong, optionally with the right
    value. The company must be owned (else 315). Needs `reasonId` from
    `BaseTableMessageReason` (applicable to companies) or a free-text `otherReason`.
    Each accepted mutation earns 1 credit at once (counted in `CreditsFromWUS`); its
    status can be followed in Mijn DATA-collectief. The data travels in the query.

    Args:
        company_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        street (str | Unset): A free-text field of a contribution; at most 200 characters.
        street_number (int | Unset):
        street_number_suffix (str | Unset): A free-text field of a contribution; at most 200
            characters.
        zip_code (str | Unset): A free-text field of a contribution; at most 200 characters.
        city (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        url_query (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | FeedbackReceipt
    """

    return (
        await asyncio_detailed(
            client=client,
            company_id=company_id,
            reason_id=reason_id,
            other_reason=other_reason,
            memo=memo,
            name=name,
            street=street,
            street_number=street_number,
            street_number_suffix=street_number_suffix,
            zip_code=zip_code,
            city=city,
            telephone=telephone,
            email=email,
            url_query=url_query,
        )
    ).parsed


async def asyncio_or_raise(
    *,
    client: AuthenticatedClient,
    company_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    name: str | Unset = UNSET,
    street: str | Unset = UNSET,
    street_number: int | Unset = UNSET,
    street_number_suffix: str | Unset = UNSET,
    zip_code: str | Unset = UNSET,
    city: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    url_query: str | Unset = UNSET,
) -> FeedbackReceipt:
    """Offer a company mutation (mutatiebericht bedrijf): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = await asyncio_detailed(
        client=client,
        company_id=company_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        name=name,
        street=street,
        street_number=street_number,
        street_number_suffix=street_number_suffix,
        zip_code=zip_code,
        city=city,
        telephone=telephone,
        email=email,
        url_query=url_query,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(FeedbackReceipt, response.parsed)
