"""The verified surface: only what the public sources show, so code proves it needs no guess."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.account import get_download_statistics
from datacollectief_client.api.companies import download_company, list_companies
from datacollectief_client.models import Company, CompanyListPage, DownloadStatistics, Error
from datacollectief_client.types import Unset
from mockserver.http.errors import MESSAGES
from mockserver.pytest_plugin import MockService, inprocess_mock, served_mock

__all__: list[str] = []


@pytest.fixture(scope="module")
def verified() -> Iterator[MockService]:
    """Given: an in-process mock serving the verified surface."""
    with inprocess_mock(200, "verified") as service:
        yield service


def _client(service: MockService) -> AuthenticatedClient:
    return service.client(service.new_account(credits=5))


def test_an_inferred_operation_answers_300(verified: MockService) -> None:
    """When an operation no public source names is called, then 300 with only `Message`."""
    credentials = verified.new_account()
    response = verified.http.post(
        "/api/UserFeedbackCompanyV2", params=credentials.query(), json={"CompanyId": 1}
    )
    assert response.status_code == 300
    assert response.json() == {"Message": MESSAGES[300]}
    assert response.reason_phrase == "UNKNOWN_REQUEST_TYPE"


def test_answers_hold_only_documented_members(verified: MockService) -> None:
    """When documented operations answer, then inferred members are left out, and the
    generated client still parses every answer."""
    client = _client(verified)
    stats = get_download_statistics.sync_detailed(client=client)
    page = list_companies.sync_detailed(client=client, page_nr=1, records_per_page=5)
    company = download_company.sync_detailed(client=client, id=1)

    assert isinstance(stats.parsed, DownloadStatistics)  # every member documented
    assert stats.parsed.credits_balance == 5
    assert isinstance(page.parsed, CompanyListPage)
    assert page.content == b"{}"  # the page's shape is not public
    assert isinstance(page.parsed.companies, Unset)
    assert isinstance(company.parsed, Company)
    assert company.parsed.to_dict() == {"Id": 1}
    assert isinstance(company.parsed.name, Unset)


def test_errors_hold_only_the_message_and_the_reason_phrase(verified: MockService) -> None:
    """When an error is answered, then the body is `{"Message"}` and the status name comes only
    as the reason phrase (no inferred `Code`, `Status` or `X-Error-Status`); the client still
    reports the code and the name."""
    client = verified.client(verified.new_account(credits=0))
    response = download_company.sync_detailed(client=client, id=1)

    assert response.status_code == 310
    assert response.content == b'{"Message": "%s"}' % MESSAGES[310].encode()
    assert "X-Error-Status" not in response.headers
    assert isinstance(response.parsed, Error)
    assert (response.parsed.code, response.parsed.status) == (310, "INSUFFICIENT_CREDITS")


def test_serve_surface_verified() -> None:
    """Given `serve --surface verified`, when a company is downloaded over a socket, then only
    its documented `Id` comes back."""
    with served_mock(200, "--surface", "verified") as service:
        credentials = service.new_account()
        response = service.http.get("/api/Company", params={**credentials.query(), "id": 1})
    assert (response.status_code, response.json()) == (200, {"Id": 1})


def test_plugin_option_selects_the_verified_surface(
    pytester: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a user's test suite, when pytest runs it with `--datacollectief-surface verified`,
    then the plugin's fixtures serve the verified surface."""
    pytester.makepyfile(
        test_user=textwrap.dedent(
            """
            from datacollectief_client.api.companies import download_company

            def test_download(datacollectief_client):
                response = download_company.sync_detailed(client=datacollectief_client, id=1)
                assert response.content == b'{"Id": 1}'
            """
        )
    )
    monkeypatch.setenv("DATACOLLECTIEF_MOCK_COMPANIES", "200")
    result = pytester.runpytest_subprocess(
        "--datacollectief-surface", "verified", "-p", "no:cacheprovider", "-W", "ignore"
    )
    result.assert_outcomes(passed=1)
