"""Search rules through the generated client: CompanyList filters, wildcards, order, paging."""

from __future__ import annotations

import math
from typing import Any

from datacollectief_client.api.companies import list_companies
from datacollectief_client.api.contacts import download_contact, list_contacts
from datacollectief_client.models import (
    CompanyListPage,
    CompanySortOrder,
    Contact,
    ContactListResult,
)
from mockserver.pytest_plugin import MockService
from tests.support.client_rules import UNKNOWN_ID, assert_error

__all__: list[str] = []

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(text: str) -> str:
    """SQL's NOCASE collation: ASCII letters fold, everything else compares by code point."""
    return text.translate(_ASCII_LOWER)


def search(client: Any, page_nr: int = 1, records_per_page: int = 100, **filters: Any) -> Any:
    """When: CompanyList with these filters; returns the parsed page."""
    response = list_companies.sync_detailed(
        client=client, page_nr=page_nr, records_per_page=records_per_page, **filters
    )
    assert response.status_code == 200, response.content
    assert isinstance(response.parsed, CompanyListPage)
    return response.parsed


def all_pages(client: Any, per_page: int, **filters: Any) -> list[Any]:
    """Every page of a search, first to last."""
    first = search(client, 1, per_page, **filters)
    pages = [first]
    for page_nr in range(2, math.ceil(first.total_count / per_page) + 1):
        pages.append(search(client, page_nr, per_page, **filters))
    return pages


def test_wildcard_finds_data_collectief(mock: MockService) -> None:
    """Given the dataset, When searching `*ata-collectief*`, Then DATA-collectief B.V. is found."""
    client = mock.client(mock.new_account())

    page = search(client, company_name="*ata-collectief*")

    assert page.total_count >= 1
    assert any(c.id == 1 and c.name == "DATA-collectief B.V." for c in page.companies)
    assert all("ata-collectief" in nocase(c.name) for c in page.companies)


def test_wildcards_ignore_case(mock: MockService) -> None:
    """Given the dataset, When the same wildcard search is written in other cases,
    Then the same companies are found, for the name and for the city."""
    client = mock.client(mock.new_account())
    lower = search(client, company_name="*ata-collectief*")

    upper = search(client, company_name="*ATA-COLLECTIEF*")
    mixed = search(client, company_name="data-COLLECTIEF b.v.*")
    city = search(client, company_name="*collectief*", city="gOE*")

    ids = [c.id for c in lower.companies]
    assert [c.id for c in upper.companies] == ids
    assert 1 in [c.id for c in mixed.companies]
    assert 1 in [c.id for c in city.companies]
    assert all(nocase(c.city).startswith("goe") for c in city.companies)


def test_filters_match_street_number_zip_code_and_city(mock: MockService) -> None:
    """Given company 1 in Voorstraat 12, 4461 AB Goes,
    When searching with those filters (other case and spacing), Then every hit matches them."""
    client = mock.client(mock.new_account())

    page = search(client, street="voorstraat", street_number=12, city="GOES", zip_code="4461ab")

    assert 1 in [c.id for c in page.companies]
    assert page.total_count == len(page.companies)
    for company in page.companies:
        assert nocase(company.street) == "voorstraat"
        assert company.street_number == 12
        assert nocase(company.city) == "goes"


def test_exact_city_filter(mock: MockService) -> None:
    """Given the dataset, When filtering on a city, Then only companies of that city come back."""
    client = mock.client(mock.new_account())

    page = search(client, city="amsterdam")

    assert page.total_count > 0
    assert {c.city for c in page.companies} == {"Amsterdam"}


def test_sort_orders_name_and_name_desc(mock: MockService) -> None:
    """Given the companies of one city, When sorted by Name and by NameDesc,
    Then names ascend (case-insensitively) and the descending order is its mirror."""
    client = mock.client(mock.new_account())

    ascending = [
        c.name
        for page in all_pages(client, 40, city="Amsterdam", sort_order=CompanySortOrder.NAME)
        for c in page.companies
    ]
    descending = [
        c.name
        for page in all_pages(client, 40, city="Amsterdam", sort_order=CompanySortOrder.NAMEDESC)
        for c in page.companies
    ]

    assert len(ascending) > 40
    assert ascending == sorted(ascending, key=nocase)
    assert [nocase(n) for n in descending] == [nocase(n) for n in reversed(ascending)]


def test_paging_partitions_the_result_with_total_count(mock: MockService) -> None:
    """Given a search with more hits than one page, When all pages are fetched,
    Then they partition the hits, each page says the total, and past the end is empty."""
    client = mock.client(mock.new_account())

    pages = all_pages(client, 25, city="Amsterdam")

    total = pages[0].total_count
    assert total > 25
    ids = [c.id for page in pages for c in page.companies]
    assert len(ids) == len(set(ids)) == total
    assert ids == sorted(ids)
    assert all(page.total_count == total and page.records_per_page == 25 for page in pages)
    assert [page.page_nr for page in pages] == list(range(1, len(pages) + 1))
    assert all(len(page.companies) == 25 for page in pages[:-1])
    assert search(client, len(pages) + 1, 25, city="Amsterdam").companies == []


def test_more_than_100_records_per_page_is_400(mock: MockService) -> None:
    """Given an account, When it asks 101 records per page, Then 400 naming recordsPerPage."""
    client = mock.client(mock.new_account())

    response = list_companies.sync_detailed(client=client, page_nr=1, records_per_page=101)

    assert_error(response, 400, "BAD_REQUEST", "recordsPerPage")


def test_contact_list_masks_the_last_three_characters(mock: MockService) -> None:
    """Given a company with contacts, When listing them, Then each last name ends in `...`
    in place of its last 3 characters (the download shows the full name)."""
    account = mock.new_account()
    client = mock.client(account)
    companies = [c.id for c in search(client, 7, 20).companies if not c.deleted]
    contacts = next(
        result.contacts
        for result in (list_contacts.sync_detailed(client=client, id=i).parsed for i in companies)
        if isinstance(result, ContactListResult) and result.contacts
    )

    assert all(contact.name.endswith("...") for contact in contacts)
    full = download_contact.sync_detailed(client=client, id=contacts[0].id).parsed
    assert isinstance(full, Contact)
    expected = full.name[:-3] + "..." if len(full.name) > 3 else "..."
    assert contacts[0].name == expected


def test_contact_list_of_every_company_conforms(mock: MockService) -> None:
    """Given the first 60 companies, When listing the contacts of each,
    Then every answer is a ContactList that conforms to the contract."""
    client = mock.client(mock.new_account())
    companies = [c.id for page in (1, 2, 3) for c in search(client, page, 20).companies]

    failures = {
        company: response.status_code
        for company in companies
        if (response := list_contacts.sync_detailed(client=client, id=company)).status_code != 200
    }

    assert failures == {}


def test_contact_list_of_unknown_company_is_307(mock: MockService) -> None:
    """Given an account, When it lists the contacts of an unknown company, Then 307."""
    client = mock.client(mock.new_account())

    response = list_contacts.sync_detailed(client=client, id=UNKNOWN_ID)

    assert_error(response, 307, "UNKNOWN_COMPANY_ID", "Unknown company ID.")
