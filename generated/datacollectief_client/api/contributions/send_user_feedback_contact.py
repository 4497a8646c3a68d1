from typing import Any, cast

import httpx
from datacollectief.errors import error_from_response

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.feedback_receipt import FeedbackReceipt
from ...models.gender import Gender
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    contact_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    contact_name: str | Unset = UNSET,
    firstname: str | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobile_phone: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    department: str | Unset = UNSET,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: dict[str, Any] = {}

    params["contactId"] = contact_id

    params["reasonId"] = reason_id

    params["otherReason"] = other_reason

    params["memo"] = memo

    params["contactName"] = contact_name

    params["firstname"] = firstname

    params["functionDescription"] = function_description

    params["email"] = email

    params["telephone"] = telephone

    params["mobilePhone"] = mobile_phone

    json_gender: int | Unset = UNSET
    if not isinstance(gender, Unset):
        json_gender = gender.value

    params["gender"] = json_gender

    params["department"] = department

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/UserFeedbackContact",
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

    if response.status_code == 308:
        response_308 = errors.parse_error(response)
        return response_308

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

    if response.status_code == 316:
        response_316 = errors.parse_error(response)
        return response_316

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
    contact_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    contact_name: str | Unset = UNSET,
    firstname: str | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobile_phone: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    department: str | Unset = UNSET,
) -> Response[Any | Error | FeedbackReceipt]:
    """Offer a contact mutation (mutatiebericht persoon)

     As `UserFeedbackCompany`, for a contact person, which must be owned (else 316).
    The reason must be applicable to contacts.

    Args:
        contact_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        contact_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        firstname (str | Unset): A free-text field of a contribution; at most 200 characters.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobile_phone (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        department (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | FeedbackReceipt]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        contact_name=contact_name,
        firstname=firstname,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobile_phone=mobile_phone,
        gender=gender,
        department=department,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    contact_name: str | Unset = UNSET,
    firstname: str | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobile_phone: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    department: str | Unset = UNSET,
) -> Any | Error | FeedbackReceipt | None:
    """Offer a contact mutation (mutatiebericht persoon)

     As `UserFeedbackCompany`, for a contact person, which must be owned (else 316).
    The reason must be applicable to contacts.

    Args:
        contact_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        contact_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        firstname (str | Unset): A free-text field of a contribution; at most 200 characters.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobile_phone (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        department (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | FeedbackReceipt
    """

    return sync_detailed(
        client=client,
        contact_id=contact_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        contact_name=contact_name,
        firstname=firstname,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobile_phone=mobile_phone,
        gender=gender,
        department=department,
    ).parsed


def sync_or_raise(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    contact_name: str | Unset = UNSET,
    firstname: str | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobile_phone: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    department: str | Unset = UNSET,
) -> FeedbackReceipt:
    """Offer a contact mutation (mutatiebericht persoon): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = sync_detailed(
        client=client,
        contact_id=contact_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        contact_name=contact_name,
        firstname=firstname,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobile_phone=mobile_phone,
        gender=gender,
        department=department,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(FeedbackReceipt, response.parsed)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    contact_name: str | Unset = UNSET,
    firstname: str | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobile_phone: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    department: str | Unset = UNSET,
) -> Response[Any | Error | FeedbackReceipt]:
    """Offer a contact mutation (mutatiebericht persoon)

     As `UserFeedbackCompany`, for a contact person, which must be owned (else 316).
    The reason must be applicable to contacts.

    Args:
        contact_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        contact_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        firstname (str | Unset): A free-text field of a contribution; at most 200 characters.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobile_phone (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        department (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | FeedbackReceipt]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        contact_name=contact_name,
        firstname=firstname,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobile_phone=mobile_phone,
        gender=gender,
        department=department,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    contact_name: str | Unset = UNSET,
    firstname: str | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobile_phone: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    department: str | Unset = UNSET,
) -> Any | Error | FeedbackReceipt | None:
    """Offer a contact mutation (mutatiebericht persoon)

     As `UserFeedbackCompany`, for a contact person, which must be owned (else 316).
    The reason must be applicable to contacts.

    Args:
        contact_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        contact_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        firstname (str | Unset): A free-text field of a contribution; at most 200 characters.
        function_description (str | Unset): A free-text field of a contribution; at most 200
            characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobile_phone (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`,
            documented); 1 = `Female` and 2 = `Unknown` are inferred. Json.NET also reads the names.
            Example: 0.
        department (str | Unset): A free-text field of a contribution; at most 200 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | FeedbackReceipt
    """

    return (
        await asyncio_detailed(
            client=client,
            contact_id=contact_id,
            reason_id=reason_id,
            other_reason=other_reason,
            memo=memo,
            contact_name=contact_name,
            firstname=firstname,
            function_description=function_description,
            email=email,
            telephone=telephone,
            mobile_phone=mobile_phone,
            gender=gender,
            department=department,
        )
    ).parsed


async def asyncio_or_raise(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    reason_id: int | Unset = UNSET,
    other_reason: str | Unset = UNSET,
    memo: str | Unset = UNSET,
    contact_name: str | Unset = UNSET,
    firstname: str | Unset = UNSET,
    function_description: str | Unset = UNSET,
    email: str | Unset = UNSET,
    telephone: str | Unset = UNSET,
    mobile_phone: str | Unset = UNSET,
    gender: Gender | Unset = UNSET,
    department: str | Unset = UNSET,
) -> FeedbackReceipt:
    """Offer a contact mutation (mutatiebericht persoon): the answer of a 200, else a typed error.

    Raises:
        datacollectief.DataCollectiefError: the subclass of the answer's code (``InsufficientCredits``
            for a 310, ...) for any answer other than 200.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = await asyncio_detailed(
        client=client,
        contact_id=contact_id,
        reason_id=reason_id,
        other_reason=other_reason,
        memo=memo,
        contact_name=contact_name,
        firstname=firstname,
        function_description=function_description,
        email=email,
        telephone=telephone,
        mobile_phone=mobile_phone,
        gender=gender,
        department=department,
    )
    if response.status_code != 200:
        raise error_from_response(response)
    return cast(FeedbackReceipt, response.parsed)
