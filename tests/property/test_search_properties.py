"""Search properties: CompanyList paging, order and wildcards; selection pages; update id limits."""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import assume, event, example, given, settings
from hypothesis import strategies as st

from datacollectief_client.api.companies import list_companies
from datacollectief_client.api.selections import get_company_selection
from datacollectief_client.api.updates import get_updated_companies, get_updated_companies_v2
from datacollectief_client.models import (
    CompanyListItem,
    CompanyListPage,
    CompanySelectionPage,
    CompanySortOrder,
    Error,
    UpdatedCompaniesRequest,
    UpdatedCompaniesResult,
    UpdatedCompaniesV1Result,
)
from mockserver.app import create_backend
from mockserver.domain import search
from mockserver.domain.backend import Backend
from mockserver.domain.records import COMPANY
from mockserver.pytest_plugin import Credentials, MockService
from mockserver.settings import Settings
from tests.support.strategies import (
    AMSTERDAM,
    MAX_IDS,
    WIRE_FORMAT,
    dates_around_month_ends,
    id_lists_around_100,
    page_requests,
    selection_filters,
    wildcard_patterns,
    wire_date,
)

__all__: list[str] = []

# A walk asks at most this many pages (a larger page size when a small one would need more).
MAX_PAGES = 25
SELECTION_PAGE_SIZE = 8
MAX_SELECTION_PAGES = 40
RENAMED_COMPANIES = 300
FILTERS = {"name": "company_name", "city": "city"}
SORT_COLUMNS = {"Name": "name", "City": "city", "ZipCode": "zip_code"}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# -- references ---------------------------------------------------------------------------
def nocase(text: str) -> str:
    """SQLite's NOCASE and LIKE: ASCII letters fold, every other character stays itself."""
    return text.translate(_ASCII_LOWER)


def reference_matches(pattern: str, value: str | None) -> bool:
    """A `*` pattern against a whole value, ASCII case-insensitively (no `*`: equality)."""
    if value is None:
        return False
    # Runs of `*` are one `*` (else `.*.*.*` backtracks polynomially on every value).
    parts = re.sub(r"\*+", "*", pattern).split("*")
    regex = ".*".join(re.escape(nocase(part)) for part in parts)
    return re.fullmatch(regex, nocase(value), flags=re.DOTALL) is not None


def search_path(pattern: str) -> str:
    """Which SQL the mock should take: trigram index (a run of >= 3), LIKE scan, equality."""
    if "*" not in pattern:
        return "equality"
    return "trigram" if max(map(len, pattern.split("*"))) >= 3 else "like"


def reference_order(rows: Iterable[sqlite3.Row], sort_order: str) -> list[int]:
    """Ids in `sort_order`: NOCASE text (NULL first ascending), ties by ascending id."""
    by_id = sorted(rows, key=lambda row: row["id"])
    if sort_order in ("Id", "IdDesc"):
        ids = [row["id"] for row in by_id]
        return ids[::-1] if sort_order == "IdDesc" else ids
    descending = sort_order.endswith("Desc")
    column = SORT_COLUMNS[sort_order.removesuffix("Desc")]
    fold: Callable[[str], str] = (lambda text: text) if column == "zip_code" else nocase

    def key(row: sqlite3.Row) -> tuple[bool, str]:
        value = row[column]
        return (value is not None, "" if value is None else fold(value))

    # sorted() is stable also with reverse=True, so ties keep ascending ids either way.
    return [row["id"] for row in sorted(by_id, key=key, reverse=descending)]


def companies(backend: Backend) -> list[sqlite3.Row]:
    """The dataset as it is now, read straight from the backend's database."""
    return backend.conn.execute(
        "SELECT id, name, city, zip_code, province, deleted, last_changed, branche_id,"
        " legal_form_id, employee_id FROM companies ORDER BY id"
    ).fetchall()


# -- fixtures -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def backend(datacollectief_mock: MockService) -> Backend:
    """The in-process mock's backend (its SQLite connection is the reference's source)."""
    app: Any = datacollectief_mock.app
    return app.backend  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def account(datacollectief_mock: MockService) -> Credentials:
    """One account for the free operations of this module."""
    return datacollectief_mock.new_account(credits=100)


@pytest.fixture(scope="module")
def client(datacollectief_mock: MockService, account: Credentials) -> Any:
    """The generated client of that account."""
    return datacollectief_mock.client(account)


@pytest.fixture(scope="module")
def stranger(datacollectief_mock: MockService) -> Any:
    """The generated client of another account."""
    return datacollectief_mock.client(datacollectief_mock.new_account(credits=1))


def company_page(client: Any, page_nr: int, per_page: int, sort: str, **filters: str) -> Any:
    """When: one CompanyList page; Then: it is a page of that number and size."""
    response = list_companies.sync_detailed(
        client=client, page_nr=page_nr, records_per_page=per_page,
        sort_order=CompanySortOrder(sort), **filters,
    )  # fmt: skip
    assert response.status_code == 200, response.content
    page = response.parsed
    assert isinstance(page, CompanyListPage)
    assert (page.page_nr, page.records_per_page) == (page_nr, per_page)
    return page


# -- CompanyList: paging and order ----------------------------------------------------------
# Up to MAX_PAGES + 1 requests per example: no per-example deadline.
@settings(max_examples=min(settings.default.max_examples, 40), deadline=None)
@given(data=st.data())
def test_walking_all_pages_yields_every_match_once_in_sort_order(client, backend, data) -> None:
    # Given a wildcard pattern on a name or city of the dataset, a page size and a sort order
    rows = companies(backend)
    column = data.draw(st.sampled_from(sorted(FILTERS)), label="column")
    pattern = data.draw(wildcard_patterns([row[column] for row in rows]), label="pattern")
    request = data.draw(page_requests(), label="page request")
    filters = {FILTERS[column]: pattern}
    matching = [row for row in rows if reference_matches(pattern, row[column])]
    per_page = max(request.records_per_page, math.ceil(len(matching) / MAX_PAGES))
    event(f"{search_path(pattern)}, {'none' if not matching else 'some'} found")

    # When a client walks the pages until one is not full
    walked: list[CompanyListItem] = []
    page_nr, totals = 0, set()
    while True:
        page_nr += 1
        page = company_page(client, page_nr, per_page, request.sort_order, **filters)
        totals.add(page.total_count)
        walked.extend(page.companies)
        if len(page.companies) < per_page:
            break

    # Then every page told the same TotalCount, the number of companies the walk yielded
    ids = [company.id for company in walked]
    assert totals == {len(ids)}
    assert page_nr == len(ids) // per_page + 1
    # And each company came exactly once, and they are exactly those the reference matches
    assert len(set(ids)) == len(ids), "a company came twice"
    assert set(ids) == {row["id"] for row in matching}
    # And they came in the sort order (ties by id), as the reference sorts them
    assert ids == reference_order(matching, request.sort_order)
    # And the answers carried the dataset's names and cities
    by_id = {row["id"]: row for row in matching}
    assert all((c.name, c.city) == (by_id[c.id]["name"], by_id[c.id]["city"]) for c in walked)

    # And a page past the end is empty, with the same TotalCount
    past_end = max(request.page_nr, page_nr + 1)
    beyond = company_page(client, past_end, per_page, request.sort_order, **filters)
    assert (beyond.companies, beyond.total_count) == ([], len(ids))


# -- CompanyList: wildcards ------------------------------------------------------------------
def found(backend: Backend, column: str, pattern: str) -> tuple[set[int], int]:
    """When: the search finds the companies a pattern selects (all of them, one query)."""
    total = backend.company_count()
    page = search.list_companies(backend.conn, {FILTERS[column]: pattern}, 1, total + 1)
    return {row["id"] for row in page.rows}, page.total


@settings(max_examples=min(settings.default.max_examples, 200))
@given(data=st.data())
def test_a_wildcard_finds_exactly_what_the_reference_matcher_finds(backend, data) -> None:
    # Given a pattern drawn from a real name or city (a run of >= 3 takes the trigram index,
    # shorter runs a LIKE scan, no `*` an equality)
    rows = companies(backend)
    column = data.draw(st.sampled_from(sorted(FILTERS)), label="column")
    pattern = data.draw(wildcard_patterns([row[column] for row in rows]), label="pattern")
    event(search_path(pattern))

    # When the mock's search runs it
    ids, total = found(backend, column, pattern)

    # Then it finds exactly what an ASCII case-insensitive regex finds, and counts them
    assert ids == {row["id"] for row in rows if reference_matches(pattern, row[column])}
    assert total == len(ids)


@pytest.fixture(scope="module")
def own_backend() -> Iterator[Backend]:
    """A small backend of its own, free to rename companies in."""
    backend = create_backend(Settings(companies=RENAMED_COMPANIES, demo_account=False))
    yield backend
    backend.conn.close()


# KELVIN SIGN and LONG S: the trigram index folds them onto k and s, LIKE does not.
NEW_TEXTS = st.text(alphabet="abcdeABCDE kKsS xyz.-'&%_\\éöÉÖ\u212a\u017f", min_size=1, max_size=20)


@settings(max_examples=min(settings.default.max_examples, 50))
@given(data=st.data())
def test_a_wildcard_finds_what_the_reference_finds_after_renames(own_backend, data) -> None:
    # Given companies renamed or moved (the trigram index must follow every change)
    column = data.draw(st.sampled_from(sorted(FILTERS)), label="column")
    new_values = data.draw(st.lists(NEW_TEXTS, min_size=1, max_size=5), label="new values")
    ids = st.integers(min_value=1, max_value=RENAMED_COMPANIES)
    for value in new_values:
        own_backend.patch_record(COMPANY, data.draw(ids, label="renamed id"), {column: value})
    # And a pattern drawn from the new values
    pattern = data.draw(wildcard_patterns(new_values), label="pattern")
    event(search_path(pattern))

    # When the search runs it / Then it finds exactly what the reference finds
    ids_found, total = found(own_backend, column, pattern)
    rows = companies(own_backend)
    assert ids_found == {row["id"] for row in rows if reference_matches(pattern, row[column])}
    assert total == len(ids_found)


@pytest.mark.parametrize(
    ("column", "pattern"),
    [
        ("name", "*ata-collectief*"),  # trigram
        ("name", "*ATA-COLLECTIEF*"),  # trigram, other case
        ("name", "*coöperatie*"),  # trigram, non-ASCII letter
        ("name", "*COÖPERATIE*"),  # trigram: Ö is not ö for NOCASE/LIKE
        ("name", "*Ö*"),  # LIKE scan, non-ASCII
        ("name", "*b.v"),  # LIKE scan
        ("name", "*%*"),  # LIKE's own wildcard, escaped: nothing
        ("name", "*_*"),  # idem
        ("name", "*\\*"),  # the escape character itself
        ("name", "*a_b*"),  # `_` inside a trigram run
        ("name", "*"),  # everything
        ("name", "**"),
        ("city", "*'s-*"),
        ("city", "'S-GRAVENHAGE"),  # equality ignores ASCII case
        ("city", "goes"),
        ("city", "go"),  # equality is whole-value
    ],
)
def test_edge_patterns_find_what_the_reference_matcher_finds(backend, column, pattern) -> None:
    # Given an edge-case pattern / When the search runs it
    ids, total = found(backend, column, pattern)
    # Then it finds exactly what the reference finds
    rows = companies(backend)
    assert ids == {row["id"] for row in rows if reference_matches(pattern, row[column])}
    assert total == len(ids)


# -- CompanySelection ------------------------------------------------------------------------
CODE_COLUMNS = {
    "brancheId": "branche_id",
    "legalFormId": "legal_form_id",
    "employeeId": "employee_id",
}


def reference_selection(backend: Backend, filters: dict[str, Any]) -> set[int]:
    """Active companies matching every filter, by SQL and the reference wildcard matcher."""
    clauses, params = ["deleted = 0"], []
    if "province" in filters:
        clauses.append("province = ? COLLATE NOCASE")
        params.append(filters["province"])
    for name, column in CODE_COLUMNS.items():
        if name in filters:
            clauses.append(f"{column} = ?")
            params.append(filters[name])
    rows = backend.conn.execute(
        f"SELECT id, city FROM companies WHERE {' AND '.join(clauses)}", params
    ).fetchall()
    city = filters.get("city")
    return {row["id"] for row in rows if city is None or reference_matches(city, row["city"])}


def selection_page(client: Any, selection_id: int, page_nr: int) -> CompanySelectionPage:
    """When: one CompanySelection page; Then: it is that page of that selection."""
    response = get_company_selection.sync_detailed(
        client=client, selection_id=selection_id, page_nr=page_nr
    )
    assert response.status_code == 200, response.content
    page = response.parsed
    assert isinstance(page, CompanySelectionPage)
    assert (page.selection_id, page.page_nr) == (selection_id, page_nr)
    return page


@settings(max_examples=min(settings.default.max_examples, 30), deadline=None)
@given(data=st.data())
def test_selection_pages_partition_the_selection(
    datacollectief_mock, backend, account, client, stranger, data
) -> None:
    # Given selection filters drawn from the dataset's provinces, cities and codes
    rows = companies(backend)
    codes = {name: sorted({row[col] for row in rows}) for name, col in CODE_COLUMNS.items()}
    provinces = sorted({row["province"] for row in rows})
    cities = sorted({row["city"] for row in rows})
    filters = data.draw(selection_filters(provinces, cities, codes), label="filters")
    expected = reference_selection(backend, filters)
    assume(len(expected) <= SELECTION_PAGE_SIZE * MAX_SELECTION_PAGES)

    # When the account saves the selection and walks its pages
    body = {"user": account.user, "filters": filters}
    saved = datacollectief_mock.control("POST", "/selections", json=body)
    selection_id = saved["selectionId"]
    pages_needed = math.ceil(len(expected) / SELECTION_PAGE_SIZE)
    pages = [selection_page(client, selection_id, n) for n in range(1, pages_needed + 2)]

    # Then the selection holds what the filters select
    assert saved["total"] == len(expected)
    assert {page.total_count for page in pages} == {len(expected)}
    # And pages 1..n hold 8 each except the last, and the page after them is empty
    full, rest = divmod(len(expected), SELECTION_PAGE_SIZE)
    sizes = [SELECTION_PAGE_SIZE] * full + [rest] * bool(rest) + [0]
    assert [len(page.companies) for page in pages] == sizes
    # And together they hold each selected company exactly once
    ids = [company.id for page in pages for company in page.companies]
    assert len(ids) == len(set(ids)), "a company is on two pages"
    assert set(ids) == expected

    # And another account cannot read it: 309
    response = get_company_selection.sync_detailed(
        client=stranger, selection_id=selection_id, page_nr=1
    )
    assert response.status_code == 309
    assert isinstance(response.parsed, Error) and response.parsed.code == 309


# -- UpdatedCompanies: at most 100 ids ------------------------------------------------------
def wall_time_exists(text: str) -> bool:
    """Whether the Amsterdam clock shows `text` at some moment (not in March's skipped hour)."""
    wall = datetime.strptime(text, WIRE_FORMAT)
    moments = (wall.replace(tzinfo=AMSTERDAM, fold=fold).timestamp() for fold in (0, 1))
    return any(datetime.fromtimestamp(m, AMSTERDAM).replace(tzinfo=None) == wall for m in moments)


def earliest_instant(text: str) -> int:
    """The first moment the Amsterdam clock shows `text` (the earlier of a repeated hour)."""
    return int(datetime.strptime(text, WIRE_FORMAT).replace(tzinfo=AMSTERDAM).timestamp())


def changed_after(backend: Backend, ids: Sequence[int], since: int) -> list[int]:
    """Reference: those of `ids` (each once, ascending) whose company changed after `since`."""
    last_changed = dict(backend.conn.execute("SELECT id, last_changed FROM companies").fetchall())
    return sorted(i for i in set(ids) if i in last_changed and last_changed[i] > since)


def updated_companies(client: Any, version: str, ids: list[int], since: str) -> Any:
    """When: UpdatedCompanies (v1 comma string) or UpdatedCompaniesV2 (JSON body)."""
    if version == "v1":
        text = ",".join(map(str, ids))
        return get_updated_companies.sync_detailed(
            client=client, company_ids=text, last_changed_date=since
        )
    body = UpdatedCompaniesRequest(last_changed_date=since, company_ids=ids)
    return get_updated_companies_v2.sync_detailed(client=client, body=body)


@pytest.mark.parametrize(("version", "parameter"), [("v1", "companyIds"), ("V2", "CompanyIds")])
@settings(max_examples=min(settings.default.max_examples, 50))
@given(ids=id_lists_around_100(), moment=dates_around_month_ends())
@example(ids=list(range(1, 101)), moment="2026-03-29 02:30:00")
@example(ids=list(range(1, 102)), moment="2026-10-25 02:30:00")
def test_updated_companies_takes_at_most_100_ids(
    client, backend, version, parameter, ids, moment
) -> None:
    # Given 95 to 105 company numbers and a moment near a month end or a DST switch
    since = wire_date(moment)
    event(f"{'at most' if len(ids) <= MAX_IDS else 'over'} {MAX_IDS} ids")

    # When asking which of them changed since then
    response = updated_companies(client, version, ids, since)

    # Then more than 100 numbers is a 400 that names the parameter
    if len(ids) > MAX_IDS:
        assert response.status_code == 400, response.content
        assert isinstance(response.parsed, Error)
        assert (response.parsed.code, response.parsed.status) == (400, "BAD_REQUEST")
        assert parameter in str(response.parsed.message_detail)
        return
    # And at most 100 succeed
    assert response.status_code == 200, response.content
    result = response.parsed
    assert isinstance(result, UpdatedCompaniesResult | UpdatedCompaniesV1Result)
    # And the answer echoes the moment (a wall time March skips reads as the hour after)
    echoed = result.last_changed_date
    if wall_time_exists(since):
        assert echoed == since
    else:
        shift = datetime.strptime(echoed, WIRE_FORMAT) - datetime.strptime(since, WIRE_FORMAT)
        assert wall_time_exists(echoed) and timedelta(0) < shift <= timedelta(hours=1)
    # And it lists, once each, exactly those that changed after it (a repeated autumn hour
    # reads as its first occurrence, so no change is missed)
    got = sorted(item.id for item in result.updated_companies)
    assert got == changed_after(backend, ids, earliest_instant(echoed))
