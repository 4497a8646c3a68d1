"""Every company of a search or a selection, page after page, each page asked once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TypedDict, Unpack

from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.companies import list_companies
from datacollectief_client.api.selections import get_company_selection
from datacollectief_client.models import (
    CompanyListItem,
    CompanyListPage,
    CompanySelectionPage,
    CompanySortOrder,
)
from datacollectief_client.types import Unset

__all__ = [
    "MAX_PAGE_SIZE",
    "SELECTION_PAGE_SIZE",
    "CompanyFilters",
    "iter_companies",
    "iter_companies_async",
    "iter_company_pages",
    "iter_company_pages_async",
    "iter_selection",
    "iter_selection_async",
]

#: The largest `recordsPerPage` CompanyList takes.
MAX_PAGE_SIZE = 100
#: CompanySelection's fixed page size.
SELECTION_PAGE_SIZE = 8


class CompanyFilters(TypedDict, total=False):
    """The filters and the sort order of a CompanyList search (the generated names)."""

    sort_order: CompanySortOrder
    company_name: str
    street: str
    street_number: int
    zip_code: str
    city: str
    telephone: str
    po_box: str
    po_box_zip_code: str
    po_box_city: str
    url_query: str
    email: str


def _companies(page: CompanyListPage | CompanySelectionPage) -> list[CompanyListItem]:
    """A page's companies (none when the answer leaves them out)."""
    return [] if isinstance(page.companies, Unset) else page.companies


def _is_last(page: CompanyListPage | CompanySelectionPage, page_size: int, seen: int) -> bool:
    """Whether no page follows: a short page, or (when the answer says) all companies seen.

    `TotalCount` is inferred, so a short or empty page ends the walk whatever it says."""
    total = page.total_count
    return len(_companies(page)) < page_size or (isinstance(total, int) and seen >= total)


def _check_page_size(page_size: int) -> None:
    """Refuse a page size CompanyList does not take, before any request."""
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must lie in 1..{MAX_PAGE_SIZE}, not {page_size}")


def iter_company_pages(
    client: AuthenticatedClient,
    *,
    page_size: int = MAX_PAGE_SIZE,
    **filters: Unpack[CompanyFilters],
) -> Iterator[CompanyListPage]:
    """Every non-empty page of a CompanyList search, in order; each page is asked once.

    Lists are free of charge. The walk stops on a page shorter than `page_size`, or when the
    companies seen reach the answer's `TotalCount`. Errors raise the typed `DataCollectiefError`.
    """
    _check_page_size(page_size)
    page_nr, seen = 1, 0
    while True:
        page = list_companies.sync_or_raise(
            client=client, page_nr=page_nr, records_per_page=page_size, **filters
        )
        seen += len(_companies(page))
        if _companies(page):
            yield page
        if _is_last(page, page_size, seen):
            return
        page_nr += 1


async def iter_company_pages_async(
    client: AuthenticatedClient,
    *,
    page_size: int = MAX_PAGE_SIZE,
    **filters: Unpack[CompanyFilters],
) -> AsyncIterator[CompanyListPage]:
    """The async twin of `iter_company_pages`."""
    _check_page_size(page_size)
    page_nr, seen = 1, 0
    while True:
        page = await list_companies.asyncio_or_raise(
            client=client, page_nr=page_nr, records_per_page=page_size, **filters
        )
        seen += len(_companies(page))
        if _companies(page):
            yield page
        if _is_last(page, page_size, seen):
            return
        page_nr += 1


def iter_companies(
    client: AuthenticatedClient,
    *,
    page_size: int = MAX_PAGE_SIZE,
    **filters: Unpack[CompanyFilters],
) -> Iterator[CompanyListItem]:
    """Every company of a CompanyList search, in the service's order, each once.

    A company that moves between pages while the walk runs (the data changed) is not yielded
    twice. Free of charge; see `iter_company_pages` for when the walk stops.
    """
    yielded: set[int] = set()
    for page in iter_company_pages(client, page_size=page_size, **filters):
        for company in _companies(page):
            if company.id not in yielded:
                yielded.add(company.id)
                yield company


async def iter_companies_async(
    client: AuthenticatedClient,
    *,
    page_size: int = MAX_PAGE_SIZE,
    **filters: Unpack[CompanyFilters],
) -> AsyncIterator[CompanyListItem]:
    """The async twin of `iter_companies`."""
    yielded: set[int] = set()
    async for page in iter_company_pages_async(client, page_size=page_size, **filters):
        for company in _companies(page):
            if company.id not in yielded:
                yielded.add(company.id)
                yield company


def iter_selection(client: AuthenticatedClient, selection_id: int) -> Iterator[CompanyListItem]:
    """Every company of a saved selection, 8 a page (CompanySelection), each page asked once.

    Free of charge. Another account's selection raises `UnknownSelectionId` (309).
    """
    page_nr, seen = 1, 0
    while True:
        page = get_company_selection.sync_or_raise(
            client=client, selection_id=selection_id, page_nr=page_nr
        )
        seen += len(_companies(page))
        yield from _companies(page)
        if _is_last(page, SELECTION_PAGE_SIZE, seen):
            return
        page_nr += 1


async def iter_selection_async(
    client: AuthenticatedClient, selection_id: int
) -> AsyncIterator[CompanyListItem]:
    """The async twin of `iter_selection`."""
    page_nr, seen = 1, 0
    while True:
        page = await get_company_selection.asyncio_or_raise(
            client=client, selection_id=selection_id, page_nr=page_nr
        )
        seen += len(_companies(page))
        for company in _companies(page):
            yield company
        if _is_last(page, SELECTION_PAGE_SIZE, seen):
            return
        page_nr += 1
