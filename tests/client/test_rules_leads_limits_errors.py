"""Website-leads, request limits, injected faults and malformed requests through the client."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from datacollectief_client.api.account import get_download_statistics
from datacollectief_client.api.service import get_version
from datacollectief_client.api.website_leads import list_website_leads, list_websites
from datacollectief_client.errors import parse_error
from datacollectief_client.models import LeadsResult, WebsitesResult
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.client_rules import NO_LIMITS, assert_error, wire

__all__: list[str] = []

DAY = 86400


def website_names(mock: MockService, credentials: Credentials) -> list[str]:
    """When: the account lists its websites."""
    response = list_websites.sync_detailed(client=mock.client(credentials))
    assert isinstance(response.parsed, WebsitesResult), response.content
    return [site.name for site in response.parsed.websites]


def leads(mock: MockService, credentials: Credentials, site: str, start: int, end: int) -> Any:
    """When: the account asks the leads of one website for a period."""
    return list_website_leads.sync_detailed(
        client=mock.client(credentials), website=site, from_=wire(start), to=wire(end)
    )


# -- website leads ----------------------------------------------------------------------


def test_websites_are_listed(mock: MockService) -> None:
    """Given a new account, When it lists its websites, Then it has at least one, dated."""
    response = list_websites.sync_detailed(client=mock.client(mock.new_account()))

    assert isinstance(response.parsed, WebsitesResult), response.content
    assert response.parsed.websites
    for site in response.parsed.websites:
        assert site.name and site.start_date
        assert site.end_date is None or site.end_date > site.start_date


def test_ninety_days_of_leads_are_cut_at_250(mock: MockService) -> None:
    """Given a website with a busy day of more than 250 visits,
    When the account asks its leads over 90 days, Then 250 come back, Truncated, with the total."""
    account = mock.new_account()
    now = int(mock.clock()["epoch"])
    site = website_names(mock, account)[0]

    response = leads(mock, account, site, now - 90 * DAY, now)

    result = response.parsed
    assert isinstance(result, LeadsResult), response.content
    assert result.total_count > 250
    assert result.truncated is True
    assert len(result.visits) == 250
    starts = [visit.info_visit.start_date for visit in result.visits]
    assert starts == sorted(starts)
    assert all(wire(now - 90 * DAY) <= start <= wire(now) for start in starts)


def test_short_period_returns_every_lead(mock: MockService) -> None:
    """Given a website, When the account asks the leads of the three hours from its oldest
    visit, and of its last two days, Then every visit comes back and Truncated is false."""
    account = mock.new_account()
    now = int(mock.clock()["epoch"])
    site = website_names(mock, account)[0]
    oldest = leads(mock, account, site, now - 90 * DAY, now).parsed.visits[0].info_visit
    start = datetime.strptime(oldest.start_date, "%Y-%m-%d %H:%M:%S")
    end = (start + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S")
    client = mock.client(account)

    first_hours = list_website_leads.sync_detailed(
        client=client, website=site, from_=oldest.start_date, to=end
    )
    last_days = leads(mock, account, site, now - 2 * DAY, now)

    for response in (first_hours, last_days):
        result = response.parsed
        assert isinstance(result, LeadsResult), response.content
        assert result.truncated is False
        assert len(result.visits) == result.total_count <= 250
        assert all(visit.company.id >= 1 and visit.click_path for visit in result.visits)
    assert isinstance(first_hours.parsed, LeadsResult)
    assert first_hours.parsed.visits[0].info_visit == oldest


def test_website_of_another_account_is_400(mock: MockService) -> None:
    """Given a website of another account, When an account asks its leads, Then 400."""
    account = mock.new_account()
    own = {name.lower() for name in website_names(mock, account)}
    foreign = next(
        name
        for _ in range(10)
        for name in website_names(mock, mock.new_account())
        if name.lower() not in own
    )
    now = int(mock.clock()["epoch"])

    response = leads(mock, account, foreign, now - DAY, now)

    assert_error(response, 400, "BAD_REQUEST", foreign)


def test_from_after_to_is_306(mock: MockService) -> None:
    """Given a website, When the account asks leads with From after To, Then 306."""
    account = mock.new_account()
    now = int(mock.clock()["epoch"])
    site = website_names(mock, account)[0]

    response = leads(mock, account, site, now, now - DAY)

    assert_error(response, 306, "INVALID_DATETIME_VALUE", "Invalid datetime value.")


# -- limits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "operation", "code", "status", "period"),
    [
        ("perHour", get_version, 312, "EXCEEDED_LIMIT_HOUR", "hour"),
        ("perDay", get_download_statistics, 311, "EXCEEDED_LIMIT_DAY", "day"),
    ],
    ids=["hour_limit_is_312", "day_limit_is_311"],
)
def test_request_limit(
    limits: MockService, limit: str, operation: Any, code: int, status: str, period: str
) -> None:
    """Given at most 2 requests per hour (or per day), When an account makes a third,
    Then 312 (or 311)."""
    account = limits.new_account()
    client = limits.client(account)
    limits.control("PUT", "/limits", json={**NO_LIMITS, limit: 2})

    answers = [operation.sync_detailed(client=client) for _ in range(3)]

    assert [r.status_code for r in answers[:2]] == [200, 200]
    assert_error(answers[2], code, status, f"You have exceeded the limit of requests per {period}.")


def test_bad_requests_per_ip_is_313_until_lifted(limits: MockService) -> None:
    """Given at most 3 bad requests per IP address, When 3 requests with a wrong user were made,
    Then even a good request is 313, until the limit is lifted."""
    account = limits.new_account()
    client = limits.client(account)
    limits.control("PUT", "/limits", json={**NO_LIMITS, "badRequestsPerIp": 3})
    stranger = limits.client(Credentials("nobody@example.nl", "x", account.application_name))

    bad = [get_version.sync_detailed(client=stranger) for _ in range(3)]
    blocked = get_version.sync_detailed(client=client)

    assert [r.status_code for r in bad] == [301, 301, 301]
    assert_error(blocked, 313, "EXCEEDED_LIMIT_IP", "You have exceeded the limit of bad requests")
    limits.control("PUT", "/limits", json=NO_LIMITS)
    assert get_version.sync_detailed(client=client).status_code == 200


# -- faults and malformed requests ------------------------------------------------------


def test_injected_fault_answers_314_for_one_operation(mock: MockService) -> None:
    """Given a fault 314 on getVersion, When the account calls it and another operation,
    Then getVersion is 314, the other works, and after removing the fault getVersion works."""
    client = mock.client(mock.new_account())
    mock.control("POST", "/faults", json={"operation": "getVersion", "status": 314})
    try:
        faulty = get_version.sync_detailed(client=client)
        other = get_download_statistics.sync_detailed(client=client)
    finally:
        mock.control("DELETE", "/faults")

    assert_error(faulty, 314, "DATABASE_TIMEOUT", "A database timeout has occurred.")
    assert other.status_code == 200
    assert get_version.sync_detailed(client=client).status_code == 200


def test_unknown_request_type_is_300(mock: MockService) -> None:
    """Given an account, When it calls /api/Xyz, Then 300 UNKNOWN_REQUEST_TYPE."""
    account = mock.new_account()

    response = mock.http.get("/api/Xyz", params=account.query())

    assert response.status_code == 300
    assert response.headers["X-Error-Status"] == "UNKNOWN_REQUEST_TYPE"
    error = parse_error(response)
    assert (error.code, error.status) == (300, "UNKNOWN_REQUEST_TYPE")
    assert error.message == "The request type could not be found."


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b'{"LastChangedDate": "2026-01-01 00:00:00", "CompanyIds": [1,', "not valid JSON"),
        (b'{"LastChangedDate": "\xff\xfe", "CompanyIds": [1]}', "UTF-8"),
        (b"", "required"),
    ],
    ids=["malformed-json", "not-utf8", "empty"],
)
def test_malformed_body_is_400_never_500(mock: MockService, body: bytes, problem: str) -> None:
    """Given an account, When it posts a broken JSON body to UpdatedCompaniesV2,
    Then 400 BAD_REQUEST saying what is wrong (never 500)."""
    http = mock.client(mock.new_account()).get_httpx_client()

    response = http.post(
        "/api/UpdatedCompaniesV2", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400, response.text
    assert response.headers["X-Error-Status"] == "BAD_REQUEST"
    error = parse_error(response)
    assert (error.code, error.status) == (400, "BAD_REQUEST")
    assert error.message == "The request is invalid."
    assert isinstance(error.message_detail, str)
    assert problem in error.message_detail
