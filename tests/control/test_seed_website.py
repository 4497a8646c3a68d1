"""PUT /_mock/accounts/{user}/websites/{name}: a website with exactly the visits given."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from mockserver.pytest_plugin import Credentials, MockService

__all__: list[str] = []

SITE = "www.seeded.nl"


def seed(
    mock: MockService, user: str, visits: list[dict[str, Any]], site: str = SITE
) -> httpx.Response:
    """When: the control plane seeds the user's website."""
    return mock.http.put(f"/_mock/accounts/{user}/websites/{site}", json={"visits": visits})


def leads(mock: MockService, account: Credentials, start: str, end: str) -> dict[str, Any]:
    """The website's leads in [start, end], as the API answers them."""
    query = {**account.query(), "Website": SITE, "From": start, "To": end}
    response = mock.http.get("/api/WebsiteleadsLeads", params=query)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_seeded_visits_are_answered_in_order_and_a_reseed_replaces_them(
    datacollectief_mock: MockService,
) -> None:
    # Given an account whose website is seeded with 3 visits, two in one second
    account = datacollectief_mock.new_account(credits=0)
    visits = [
        {"start": "2026-11-02 10:00:00", "companyId": 7, "referrer": "a"},
        {"start": "2026-11-02 10:00:00", "referrer": "b"},
        {"start": "2026-11-02 09:59:59", "companyId": 3},
    ]
    response = seed(datacollectief_mock, account.user, visits)
    assert response.status_code == 200 and response.json() == {"name": SITE, "visits": 3}

    # When the leads of that hour are asked
    answer = leads(datacollectief_mock, account, "2026-11-02 09:00:00", "2026-11-02 10:00:00")

    # Then they come oldest first (a second's visits as seeded), with the given companies
    assert [(v["Company"]["Id"], v["InfoVisit"]["Referrer"]) for v in answer["Visits"]] == [
        (3, None),
        (7, "a"),
        (1, "b"),
    ]
    # And the website is one of the account's, beside the generated ones
    websites = datacollectief_mock.http.get("/api/WebsiteleadsWebsites", params=account.query())
    assert SITE in [site["Name"] for site in websites.json()["Websites"]]
    # And seeding again replaces the visits
    seed(datacollectief_mock, account.user, [{"start": "2026-11-02 09:30:00"}])
    again = leads(datacollectief_mock, account, "2026-11-02 09:00:00", "2026-11-02 10:00:00")
    assert again["TotalCount"] == 1


@pytest.mark.parametrize(
    ("user", "visits", "status"),
    [
        ("nobody@example.invalid", [], 404),
        (None, [{"start": "2026-11-02 10:00:00", "companyId": 1_999_999_999}], 400),
        (None, [{"start": "2026-11-02"}], 306),
        (None, [{"start": "2026-02-30 10:00:00"}], 306),
    ],
    ids=["unknown user", "unknown company", "bad pattern", "no such day"],
)
def test_seeding_refuses_what_does_not_exist(
    datacollectief_mock: MockService, user: str | None, visits: list[dict[str, Any]], status: int
) -> None:
    # Given an account; When a website is seeded for an unknown user or with a bad visit
    account = datacollectief_mock.new_account(credits=0)
    response = seed(datacollectief_mock, user or account.user, visits)
    # Then the control plane refuses it
    assert response.status_code == status, response.text
