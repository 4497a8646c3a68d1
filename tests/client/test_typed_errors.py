"""Typed errors: each documented code raises its own class, on the typed path and on request."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

import datacollectief
from datacollectief import (
    BadRequest,
    CredentialsError,
    DataCollectiefError,
    InsufficientCredits,
    LimitExceeded,
    UnknownCompanyId,
    UnknownIdError,
    error_class,
)
from datacollectief.retry import TEMPORARY_STATUSES
from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.companies import download_company
from datacollectief_client.api.service import get_version
from datacollectief_client.errors import STATUS_NAMES
from mockserver.http.errors import MESSAGES
from mockserver.pytest_plugin import MockService
from tests.support.client_rules import UNKNOWN_ID

__all__: list[str] = []

#: The groups a code belongs to besides DataCollectiefError.
GROUPS = {
    CredentialsError: {301, 302, 303, 304, 305, 319},
    UnknownIdError: {307, 308, 309},
    LimitExceeded: {311, 312, 313},
}


def class_name(status: str) -> str:
    """INSUFFICIENT_CREDITS -> InsufficientCredits."""
    return "".join(part.capitalize() for part in status.split("_"))


@pytest.fixture
def faults(datacollectief_mock: MockService) -> Iterator[MockService]:
    """The in-process mock; every fault is removed after the test."""
    yield datacollectief_mock
    datacollectief_mock.control("DELETE", "/faults")


@pytest.mark.parametrize("code", sorted(STATUS_NAMES))
def test_every_documented_code_has_its_class(code: int) -> None:
    # Given a documented code and its status name
    status = STATUS_NAMES[code]
    # When its class is looked up
    cls = error_class(code)
    # Then it is named for the status, exported, in its groups, and retryable only for 314
    assert cls.__name__ == class_name(status) and cls.code_of_class == code
    assert getattr(datacollectief, cls.__name__) is cls
    assert {group for group, codes in GROUPS.items() if code in codes} == {
        group for group in GROUPS if issubclass(cls, group)
    }
    assert cls.retryable == (code in TEMPORARY_STATUSES)


def test_a_code_without_a_class_gets_the_base_class() -> None:
    # Given a 400 and an undocumented status
    # Then 400 is BadRequest and anything else the base class
    assert error_class(400) is BadRequest
    assert error_class(500) is DataCollectiefError and error_class(200) is DataCollectiefError


@pytest.mark.parametrize("code", sorted(STATUS_NAMES))
def test_the_typed_path_raises_the_class_of_the_code(faults: MockService, code: int) -> None:
    # Given the service answers the code to getVersion
    faults.control("POST", "/faults", json={"operation": "getVersion", "status": code})
    client = faults.client(faults.new_account())
    # When the typed path is called
    with pytest.raises(DataCollectiefError) as caught:
        get_version.sync_or_raise(client=client)
    # Then it raises the code's class with the status name and the documented message
    error = caught.value
    assert type(error) is error_class(code)
    assert (error.code, error.status) == (code, STATUS_NAMES[code])
    # (304 has no body, and the generated Response keeps no reason phrase: the status name)
    assert error.message == (STATUS_NAMES[code] if code == 304 else MESSAGES[code])
    assert re.match(rf"{code} {STATUS_NAMES[code]}", str(error))


def test_raise_on_error_makes_the_stock_functions_raise(datacollectief_mock: MockService) -> None:
    # Given a client that asks for typed errors
    account = datacollectief_mock.new_account()
    client = datacollectief_mock.client(account)
    raising = AuthenticatedClient(
        base_url=datacollectief_mock.base_url,
        user=account.user,
        password=account.password,
        application_name=account.application_name,
        raise_on_error=True,
    ).set_httpx_client(client.get_httpx_client())
    # When an unknown company is downloaded with the stock function
    # Then it raises UnknownCompanyId, as the typed path does, and a 200 still returns
    with pytest.raises(UnknownCompanyId) as caught:
        download_company.sync(client=raising, id=UNKNOWN_ID)
    assert caught.value.message == MESSAGES[307]
    assert download_company.sync(client=raising, id=1) is not None


def test_an_answer_outside_the_contract_still_raises_a_typed_error() -> None:
    # Given a server that answers an undocumented 500 with ASP.NET's body, or a 400 in HTML
    answers = iter(
        [
            httpx.Response(500, json={"Message": "An error has occurred."}),
            httpx.Response(400, text="<html>Bad Request</html>"),
        ]
    )
    client = AuthenticatedClient(
        base_url="http://service", user="u", password="p", application_name="a"
    ).set_httpx_client(
        httpx.Client(
            base_url="http://service", transport=httpx.MockTransport(lambda _: next(answers))
        )
    )
    # When the typed path is called twice
    # Then the 500 is the base class with the body's message, and the 400 is a BadRequest
    with pytest.raises(DataCollectiefError) as caught:
        get_version.sync_or_raise(client=client)
    assert type(caught.value) is DataCollectiefError
    assert (caught.value.code, caught.value.message) == (500, "An error has occurred.")
    with pytest.raises(BadRequest):
        get_version.sync_or_raise(client=client)


def test_the_code_is_the_http_status_whatever_the_body_says() -> None:
    # Given a 310 whose body carries another (inferred) Code, and a 502 with an HTML body
    answers = iter(
        [
            httpx.Response(310, json={"Code": 1, "Message": "Insufficient credits."}),
            httpx.Response(502, text="<html>Bad Gateway</html>"),
        ]
    )
    client = AuthenticatedClient(
        base_url="http://service", user="u", password="p", application_name="a"
    ).set_httpx_client(
        httpx.Client(
            base_url="http://service", transport=httpx.MockTransport(lambda _: next(answers))
        )
    )
    # When the typed path is called twice
    # Then the class and code follow the HTTP status, and the text names what is known
    with pytest.raises(InsufficientCredits) as credits:
        download_company.sync_or_raise(client=client, id=1)
    assert (credits.value.code, credits.value.status) == (310, "INSUFFICIENT_CREDITS")
    with pytest.raises(DataCollectiefError) as gateway:
        download_company.sync_or_raise(client=client, id=1)
    assert (gateway.value.code, str(gateway.value)) == (502, "502")


def test_every_exported_name_resolves_from_its_module() -> None:
    # Given the package's lazily loaded names
    # When each is looked up
    # Then it is the object its module defines (a name missing from the module table would
    # be looked up in errors and fail here)
    for name in datacollectief.__all__:
        value = getattr(datacollectief, name)
        assert getattr(value, "__module__", "datacollectief").startswith("datacollectief"), name
