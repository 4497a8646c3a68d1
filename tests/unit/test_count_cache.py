"""The CompanyList count cache survives writes to other tables and follows company changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mockserver.app import create_backend
from mockserver.domain.backend import Backend
from mockserver.domain.records import COMPANY
from mockserver.http.journal import SharedJournal
from mockserver.settings import Settings
from mockserver.store.build import upgrade_dataset
from mockserver.store.db import connect

__all__: list[str] = []

FILTERS = {"company_name": "*e*"}
ENTRY = {
    "method": "GET", "path": "/api/CompanyList", "query": "", "status": 200,
    "operation": "listCompanies", "durationMs": 1.0, "at": "2026-11-30 10:00:00",
}  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("count-cache") / "mock.db")


@pytest.fixture(scope="module")
def workers(db: str) -> Iterator[tuple[Backend, Backend]]:
    """Two backends on one database file, as two worker processes have them."""
    settings = Settings(db=db, companies=300, random_seed=1, workers=2)
    first = create_backend(settings)
    second = create_backend(settings, join=True)
    yield first, second
    first.conn.close()
    second.conn.close()


def counted(backend: Backend) -> tuple[int, int]:
    """Search once; (the total, how many COUNT statements ran for it)."""
    statements: list[str] = []
    backend.conn.set_trace_callback(statements.append)
    try:
        total = backend.list_companies(FILTERS, 1, 10, "Name").total
    finally:
        backend.conn.set_trace_callback(None)
    return total, sum("COUNT(" in sql.upper() for sql in statements)


def rename_a_non_match(reader: Backend, writer: Backend) -> None:
    """`writer` renames a company that does not match FILTERS into one that does."""
    company = reader.conn.execute(
        "SELECT id FROM companies WHERE name NOT LIKE '%e%' AND deleted = 0 LIMIT 1"
    ).fetchone()[0]
    writer.patch_record(COMPANY, company, {"name": "Zeeland Bouw"})


def test_writes_to_other_tables_keep_the_cached_count(
    db: str, workers: tuple[Backend, Backend]
) -> None:
    # Given a search counted once by one worker
    first, second = workers
    total, _ = counted(first)
    # When the shared journal (its own connection) records requests and another worker
    # creates an account
    journal_conn = connect(db)
    for _ in range(3):
        SharedJournal(journal_conn, 1).record(ENTRY)
    journal_conn.close()
    second.create_account(credits=1)
    # Then the same search is answered from the cache: same total, no COUNT ran
    assert counted(first) == (total, 0)


def test_a_company_change_from_another_worker_invalidates_it(
    workers: tuple[Backend, Backend],
) -> None:
    # Given a search counted and cached by one worker
    first, second = workers
    before, _ = counted(first)
    assert counted(first) == (before, 0)
    # When another worker renames a company that did not match into one that does
    rename_a_non_match(first, second)
    # Then the first worker counts again and sees it
    assert counted(first) == (before + 1, 1)


def test_a_database_without_the_counter_gets_it_when_opened(tmp_path: Path) -> None:
    # Given a dataset file whose counter and triggers are gone (built before they existed)
    db = str(tmp_path / "old.db")
    backend = create_backend(Settings(db=db, companies=50, random_seed=1))
    backend.conn.executescript(
        "DROP TRIGGER companies_generation_insert; DROP TRIGGER companies_generation_update;"
        " DROP TRIGGER companies_generation_delete;"
        " DELETE FROM meta WHERE key = 'companies_generation';"
        " UPDATE meta SET value = '2' WHERE key = 'schema_version';"
    )
    # Then a search there is never cached (it cannot know when companies change)
    assert counted(backend)[1] == 1 and counted(backend)[1] == 1
    backend.conn.close()
    # When it is opened again (which upgrades it; a second upgrade has nothing to do)
    reopened = create_backend(Settings(db=db, companies=50, random_seed=1))
    assert not upgrade_dataset(reopened.conn)
    # Then searches are cached again and a company change still counts anew
    total, _ = counted(reopened)
    assert counted(reopened) == (total, 0)
    rename_a_non_match(reopened, reopened)
    assert counted(reopened) == (total + 1, 1)
    reopened.conn.close()
