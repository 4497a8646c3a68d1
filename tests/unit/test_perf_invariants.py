"""The fast paths of CompanyList and downloads answer exactly what the plain queries answer."""

from __future__ import annotations

import pytest

from mockserver.app import create_backend
from mockserver.domain import search
from mockserver.domain.backend import Backend
from mockserver.domain.records import COMPANY
from mockserver.settings import Settings
from mockserver.store.db import transaction

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
]


@pytest.fixture(scope="module")
def backend() -> Backend:
    return create_backend(Settings(companies=2000, demo_account=True))


def plain(backend: Backend, filters: dict[str, object], page: int, size: int, sort: str):
    query = search.build_query(filters)
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
@pytest.mark.parametrize("sort", ["Id", "IdDesc", "Name"])
def test_pages_match_the_plain_query(backend: Backend, filters: dict[str, object], sort: str):
    for page, size in [(1, 10), (2, 10), (3, 7), (1, 100), (50, 10), (1000, 100)]:
        got = search.list_companies(backend.conn, filters, page, size, sort)
        total, rows = plain(backend, filters, page, size, sort)
        assert (got.total, [tuple(row) for row in got.rows]) == (total, rows)
        assert all(row.keys() == search.LIST_COLUMNS.split(", ") for row in got.rows)


def test_counts_follow_changes_and_rollbacks(backend: Backend):
    filters = {"company_name": "*zzqqx*"}
    assert search.list_companies(backend.conn, filters, 1, 10, "Id").total == 0
    backend.patch_record(COMPANY, 5, {"name": "Zzqqx Bouw"})
    page = search.list_companies(backend.conn, filters, 1, 10, "Id")
    assert (page.total, [row["id"] for row in page.rows]) == (1, [5])
    with pytest.raises(RuntimeError), transaction(backend.conn):
        backend.conn.execute("UPDATE companies SET name = 'Zzqqx Two' WHERE id = 6")
        backend.conn.execute(
            "INSERT INTO companies_fts (rowid, name, city) SELECT id, name, city"
            " FROM companies WHERE id = 6"
        )
        assert search.list_companies(backend.conn, filters, 1, 10, "Id").total == 2
        raise RuntimeError
    assert search.list_companies(backend.conn, filters, 1, 10, "Id").total == 1
