"""The fast paths of CompanyList and downloads answer exactly what the plain queries answer."""

from __future__ import annotations

import pytest

from mockserver.app import create_backend
from mockserver.domain import company_query, search
from mockserver.domain.backend import Backend
from mockserver.settings import Settings

__all__: list[str] = []

FILTERS = [
    {"company_name": "*bouw*"},
    {"company_name": "*BOUW*", "city": "Rotterdam"},
    {"company_name": "*bouw*", "city": "*am*"},
    {"company_name": "*bouw*", "city": "*dam*"},
    {"company_name": "*b.v.*", "street_number": 12},
    {"company_name": "*bouw*", "zip_code": "1234ab"},
    {"city": "*dam"},
    {"company_name": "*x_y*"},
    {"company_name": "*a\\b*"},
    {"company_name": "bouw*"},
    {"company_name": "b*"},
    {"company_name": "*bouw"},
    {"company_name": "de*bouw*"},
    {"company_name": "*"},
    {"city": "*dam*", "street_number": 3},
    {"city": "Goes"},
    {"city": "*"},
    {},
]


@pytest.fixture(scope="module")
def backend() -> Backend:
    return create_backend(Settings(companies=2000, demo_account=True))


def plain(backend: Backend, filters: dict[str, object], page: int, size: int, sort: str):
    query = company_query.build_query(filters)
    total = backend.conn.execute(
        f"SELECT COUNT(*) FROM companies{query.where()}", query.params
    ).fetchone()[0]
    rows = backend.conn.execute(
        f"SELECT {search.LIST_COLUMNS} FROM companies{query.where()}"
        f" ORDER BY {search.SORT_ORDERS[sort]} LIMIT ? OFFSET ?",
        [*query.params, size, (page - 1) * size],
    ).fetchall()
    return total, [tuple(row) for row in rows]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("sort", sorted(search.SORT_ORDERS))
@pytest.mark.parametrize("scan_seconds", [0.0, 10.0], ids=["scans-interrupted", "scans-finish"])
def test_pages_match_the_plain_query(
    backend: Backend,
    filters: dict[str, object],
    sort: str,
    scan_seconds: float,
    monkeypatch: pytest.MonkeyPatch,
):
    # Given in-order scans that always give way to the planner, or never do
    monkeypatch.setattr(search, "_SCAN_SECONDS", scan_seconds)
    monkeypatch.setattr(search, "_PROGRESS_STEPS", 1)
    # When each page is asked / Then it is the plain query's page, with its total
    for page, size in [(1, 10), (2, 10), (3, 7), (1, 100), (50, 10), (1000, 100)]:
        got = search.list_companies(backend.conn, filters, page, size, sort)
        total, rows = plain(backend, filters, page, size, sort)
        assert (got.total, [tuple(row) for row in got.rows]) == (total, rows)
        assert all(row.keys() == search.LIST_COLUMNS.split(", ") for row in got.rows)


def test_an_interrupted_scan_gives_way_and_leaves_the_connection_usable(backend: Backend):
    # Given a statement that runs for many VM steps
    sql, params = "SELECT COUNT(*) FROM companies WHERE name LIKE ?", ["%zz%"]
    # When it may run for no time at all, and then for long enough
    late = search._within(backend.conn, 0.0, sql, params)
    in_time = search._within(backend.conn, 10.0, sql, params)
    # Then the first gives way (None), the second answers, and nothing is left behind
    assert late is None
    assert in_time is not None and in_time[0][0] == backend.conn.execute(sql, params).fetchone()[0]
    assert not backend.conn.in_transaction
