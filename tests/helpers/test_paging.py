"""iter_companies, iter_company_pages, iter_selection: every company once, each page once."""

from __future__ import annotations

import asyncio
import math
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacollectief import (
    MAX_PAGE_SIZE,
    CompanyFilters,
    iter_companies,
    iter_companies_async,
    iter_company_pages,
    iter_selection,
    iter_selection_async,
)
from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.companies import list_companies
from datacollectief_client.api.selections import get_company_selection
from datacollectief_client.models import CompanySortOrder
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.journal import clear_journal, queries_of
from tests.support.strategies import wildcard_patterns

__all__: list[str] = []

#: At most this many examples (the profile may ask fewer): each one makes many requests.
EXAMPLES = 25

#: At most this many pages per walk, so that an example stays quick.
MAX_PAGES = 30
FIXTURES = [HealthCheck.function_scoped_fixture]


def sample_values(client: AuthenticatedClient) -> tuple[list[str], list[str]]:
    """Names and cities of the dataset's first 100 companies (sources of filters)."""
    page = list_companies.sync_or_raise(client=client, page_nr=1, records_per_page=100)
    items = page.companies or []
    cities = sorted({item.city for item in items if isinstance(item.city, str)})
    return sorted({str(item.name) for item in items}), cities


@st.composite
def company_filters(draw: st.DrawFn, names: list[str], cities: list[str]) -> CompanyFilters:
    """A CompanyList search: a name and/or city pattern from the dataset, any sort order."""
    filters = CompanyFilters()
    if draw(st.booleans(), label="by name"):
        filters["company_name"] = draw(wildcard_patterns(names), label="company_name")
    if draw(st.booleans(), label="by city") or not filters:
        filters["city"] = draw(wildcard_patterns(cities), label="city")
    filters["sort_order"] = draw(st.sampled_from(list(CompanySortOrder)), label="sort_order")
    return filters


def reference_ids(client: AuthenticatedClient, filters: CompanyFilters) -> list[int]:
    """The search's companies, read 100 a page until an empty page (ignoring TotalCount)."""
    found: list[int] = []
    for page_nr in range(1, 1_000):
        page = list_companies.sync_or_raise(
            client=client, page_nr=page_nr, records_per_page=MAX_PAGE_SIZE, **filters
        )
        if not page.companies:
            return found
        found += [item.id for item in page.companies]
    raise AssertionError("the reference walk did not end")


def page_numbers_asked(mock: MockService, operation: str) -> list[int]:
    """Then-helper: the pageNr of every request of `operation` in the journal."""
    return [int(query["pageNr"]) for query in queries_of(mock, operation)]


@settings(
    suppress_health_check=FIXTURES,
    deadline=None,
    max_examples=min(settings.default.max_examples, EXAMPLES),
)
@given(data=st.data())
def test_iter_companies_yields_the_search_once_in_order(
    mock: MockService, client: AuthenticatedClient, data: st.DataObject
) -> None:
    # Given a search drawn from the dataset's names and cities, and its companies read by hand
    names, cities = sample_values(client)
    filters = data.draw(company_filters(names, cities), label="filters")
    expected = reference_ids(client, filters)
    least = max(1, math.ceil(len(expected) / MAX_PAGES))
    page_size = data.draw(st.integers(least, MAX_PAGE_SIZE), label="page_size")
    clear_journal(mock)

    # When iter_companies walks it
    found = [company.id for company in iter_companies(client, page_size=page_size, **filters)]

    # Then it yields exactly those companies, in the service's order, each once
    assert found == expected
    # And it asked pages 1, 2, ... once each, no more than needed (a full last page may need
    # one empty page after it only when the answer gives no total)
    asked = page_numbers_asked(mock, "listCompanies")
    assert asked == list(range(1, len(asked) + 1))
    assert len(asked) <= len(expected) // page_size + 1


def test_iter_company_pages_yields_full_pages_then_the_rest(client: AuthenticatedClient) -> None:
    # Given a search of more than one page of 97
    filters = CompanyFilters(company_name="*e*")
    expected = reference_ids(client, filters)
    assert len(expected) > 97
    # When its pages of 97 are walked
    pages = list(iter_company_pages(client, page_size=97, **filters))
    # Then every page but the last holds 97, and no page is empty
    sizes = [len(page.companies or []) for page in pages]
    assert all(size == 97 for size in sizes[:-1]) and 1 <= sizes[-1] <= 97
    assert [item.id for page in pages for item in page.companies or []] == expected


@pytest.mark.parametrize("page_size", [0, MAX_PAGE_SIZE + 1])
def test_a_page_size_out_of_range_is_refused_before_any_request(
    client: AuthenticatedClient, page_size: int
) -> None:
    # Given a page size the service does not take; When iter_companies starts; Then ValueError
    with pytest.raises(ValueError, match="page_size"):
        next(iter_companies(client, page_size=page_size))


def saved_selection(mock: MockService, account: Credentials, filters: dict[str, Any]) -> int:
    """Given: a selection saved for the account through the control plane."""
    answer = mock.control("POST", "/selections", json={"user": account.user, "filters": filters})
    return int(answer["selectionId"])


def reference_selection(client: AuthenticatedClient, selection_id: int) -> list[int]:
    """The selection's companies, 8 a page, read until an empty page."""
    found: list[int] = []
    for page_nr in range(1, 10_000):
        page = get_company_selection.sync_or_raise(
            client=client, selection_id=selection_id, page_nr=page_nr
        )
        if not page.companies:
            return found
        found += [item.id for item in page.companies]
    raise AssertionError("the reference walk did not end")


@settings(suppress_health_check=FIXTURES, deadline=None, max_examples=5)
@given(province=st.sampled_from(["Zeeland", "Utrecht", "Drenthe", "Flevoland"]))
def test_iter_selection_yields_the_selection_once(
    mock: MockService, account: Credentials, client: AuthenticatedClient, province: str
) -> None:
    # Given a selection of a province, saved by the account, and its companies read by hand
    selection_id = saved_selection(mock, account, {"province": province})
    expected = reference_selection(client, selection_id)
    clear_journal(mock)

    # When iter_selection walks it
    found = [company.id for company in iter_selection(client, selection_id)]

    # Then it yields exactly those companies, each once, and asks each page once
    assert found == expected and not [n for n, k in Counter(found).items() if k > 1]
    asked = page_numbers_asked(mock, "getCompanySelection")
    assert asked == list(range(1, len(asked) + 1)) and len(asked) <= len(expected) // 8 + 1


def test_the_async_twins_walk_the_same_companies(
    datacollectief_server: MockService,
    served_account: Credentials,
    async_client: AuthenticatedClient,
) -> None:
    # Given a search and a saved selection
    filters = CompanyFilters(city="*o*", sort_order=CompanySortOrder.NAMEDESC)
    selection_id = saved_selection(datacollectief_server, served_account, {"province": "Zeeland"})

    async def walk() -> tuple[list[int], list[int]]:
        companies = [
            c.id async for c in iter_companies_async(async_client, page_size=37, **filters)
        ]
        selection = [c.id async for c in iter_selection_async(async_client, selection_id)]
        return companies, selection

    # When the async twins walk both
    companies, selection = asyncio.run(walk())

    # Then they yield what the sync helpers yield
    sync_client = datacollectief_server.client(served_account)
    assert companies == [c.id for c in iter_companies(sync_client, page_size=37, **filters)]
    assert selection == [c.id for c in iter_selection(sync_client, selection_id)]
