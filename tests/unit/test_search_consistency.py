"""CompanyList search stays exact: through company changes, rollbacks, moves, non-ASCII folds
and dataset upgrades, in the page and in the count."""

from __future__ import annotations

import sqlite3

import pytest

from mockserver.app import create_backend
from mockserver.domain import search
from mockserver.domain.backend import Backend
from mockserver.domain.records import COMPANY
from mockserver.settings import Settings
from mockserver.store.build import build_dataset, read_meta, upgrade_dataset
from mockserver.store.db import transaction
from mockserver.store.schema import DATASET_SCHEMA_VERSION

__all__: list[str] = []


@pytest.fixture(scope="module")
def backend() -> Backend:
    return create_backend(Settings(companies=2000, demo_account=True))


def test_counts_follow_changes_and_rollbacks(backend: Backend):
    filters = {"company_name": "*zzqqx*"}
    assert backend.list_companies(filters, 1, 10, "Id").total == 0
    backend.patch_record(COMPANY, 5, {"name": "Zzqqx Bouw"})
    page = backend.list_companies(filters, 1, 10, "Id")
    assert (page.total, [row["id"] for row in page.rows]) == (1, [5])
    with pytest.raises(RuntimeError), transaction(backend.conn):
        backend.conn.execute("UPDATE companies SET name = 'Zzqqx Two' WHERE id = 6")
        assert backend.list_companies(filters, 1, 10, "Id").total == 2
        raise RuntimeError
    assert backend.list_companies(filters, 1, 10, "Id").total == 1


@pytest.mark.parametrize(
    ("name", "pattern", "found"),
    [
        ("Qqz\u212aoi Bouw", "*qqzkoi*", False),  # KELVIN SIGN: the index folds it to k, LIKE not
        ("Qqz\u212aoi Bouw", "*qqz\u212aoi*", True),
        ("Qqzkoi Bouw", "*QQZKOI*", True),
        ("Qq\u017fzoi Bouw", "qqszoi*", False),  # LONG S folds to s in the index only
        ("Qq\u017fzoi Bouw", "qq\u017fzoi*", True),
    ],
)
def test_trigram_folds_outside_ascii_are_confirmed_by_like(
    backend: Backend, name: str, pattern: str, found: bool
):
    # Given a company renamed to a name with a character the trigram index folds onto ASCII
    backend.patch_record(COMPANY, 7, {"name": name})
    # When searching a pattern that only such a fold would match (or one that matches for real)
    page = backend.list_companies({"company_name": pattern}, 1, 10, "Id")
    # Then the search agrees with LIKE, in the page and in the count
    assert ([row["id"] for row in page.rows], page.total) == (([7], 1) if found else ([], 0))


def test_city_counts_follow_moves(backend: Backend):
    # Given a company moved to a new city
    backend.patch_record(COMPANY, 8, {"city": "Zzqqxdam"})
    before = backend.list_companies({"city": "*dam"}, 1, 10, "Id").total
    home = backend.conn.execute("SELECT city FROM companies WHERE id = 9").fetchone()[0]
    # When another company moves to that city (other case) and back home again
    backend.patch_record(COMPANY, 9, {"city": "zzqqxDAM"})
    moved_in = backend.list_companies({"city": "zzqq*"}, 1, 10, "Id")
    backend.patch_record(COMPANY, 9, {"city": home})
    moved_out = backend.list_companies({"city": "zzqq*"}, 1, 10, "Id")
    # Then the city wildcard and its count follow every move
    assert ([row["id"] for row in moved_in.rows], moved_in.total) == ([8, 9], 2)
    assert ([row["id"] for row in moved_out.rows], moved_out.total) == ([8], 1)
    assert backend.list_companies({"city": "*dam"}, 1, 10, "Id").total == before
    cities = backend.conn.execute(
        "SELECT city, companies FROM company_cities WHERE city LIKE 'zzqq%'"
    ).fetchall()
    assert [tuple(row) for row in cities] == [("Zzqqxdam", 1)]


def test_a_version_1_dataset_is_upgraded_in_place():
    # Given a dataset as schema version 1 left it: no city table, no positions in the index,
    # no triggers keeping it
    conn = sqlite3.connect(":memory:")
    build_dataset(conn, 3, 500, 1_764_460_800)
    expected = [search.list_companies(conn, f, 1, 20, "Name") for f in UPGRADE_FILTERS]
    conn.executescript(
        f"{DROP_SEARCH_TRIGGERS}"
        " DROP TABLE company_cities; DROP TABLE companies_fts; DROP INDEX companies_name_folds;"
        " CREATE VIRTUAL TABLE companies_fts USING fts5(name, city, content='companies',"
        " content_rowid='id', tokenize='trigram case_sensitive 0', detail=none);"
        " INSERT INTO companies_fts(companies_fts) VALUES ('rebuild');"
        " UPDATE meta SET value = '1' WHERE key = 'schema_version';"
    )
    # When it is upgraded (twice: the second time there is nothing to do)
    upgraded = [upgrade_dataset(conn), upgrade_dataset(conn)]
    # Then it is at the current version and searches answer as on a fresh build
    assert upgraded == [True, False]
    assert read_meta(conn)["schema_version"] == str(DATASET_SCHEMA_VERSION)
    got = [search.list_companies(conn, f, 1, 20, "Name") for f in UPGRADE_FILTERS]
    assert [(p.total, [tuple(r) for r in p.rows]) for p in got] == [
        (p.total, [tuple(r) for r in p.rows]) for p in expected
    ]
    assert search_triggers(conn) == SEARCH_TRIGGERS
    conn.close()


def test_a_patched_company_is_found_by_its_new_name_only(backend: Backend):
    # Given a company found by its name
    old = {"company_name": "*qqzold*"}
    backend.patch_record(COMPANY, 11, {"name": "Qqzold Bouw"})
    assert [row["id"] for row in backend.list_companies(old, 1, 10, "Id").rows] == [11]
    # When it is renamed
    backend.patch_record(COMPANY, 11, {"name": "Qqznew Bouw"})
    # Then the new name finds it and the old one no longer does, in the page and in the count
    new = backend.list_companies({"company_name": "*qqznew*"}, 1, 10, "Id")
    gone = backend.list_companies(old, 1, 10, "Id")
    assert ([row["id"] for row in new.rows], new.total) == ([11], 1)
    assert (gone.rows, gone.total) == ([], 0)
    backend.conn.execute(INTEGRITY_CHECK)


def test_a_version_3_dataset_gets_the_search_triggers():
    # Given a dataset as schema version 3 left it: the backend kept the index, no triggers did
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    build_dataset(conn, 3, 300, 1_764_460_800)
    conn.executescript(
        f"{DROP_SEARCH_TRIGGERS} UPDATE meta SET value = '3' WHERE key = 'schema_version';"
    )
    assert search_triggers(conn) == set()
    # When it is upgraded
    assert upgrade_dataset(conn)
    # Then it is at the current version and a rename by plain SQL is followed by the index
    assert read_meta(conn)["schema_version"] == str(DATASET_SCHEMA_VERSION)
    assert search_triggers(conn) == SEARCH_TRIGGERS
    conn.execute("UPDATE companies SET name = 'Qqznew Bouw' WHERE id = 5")
    conn.commit()
    found = search.list_companies(conn, {"company_name": "*qqznew*"}, 1, 10, "Id")
    assert [row["id"] for row in found.rows] == [5]
    conn.execute(INTEGRITY_CHECK)
    conn.close()


#: Fails unless the index holds exactly what `companies` holds (rank 1: against the content).
INTEGRITY_CHECK = "INSERT INTO companies_fts(companies_fts, rank) VALUES ('integrity-check', 1)"
SEARCH_TRIGGERS = {"companies_fts_insert", "companies_fts_update", "companies_fts_delete"}
DROP_SEARCH_TRIGGERS = "".join(f"DROP TRIGGER {name};" for name in sorted(SEARCH_TRIGGERS))


def search_triggers(conn: sqlite3.Connection) -> set[str]:
    """The names of the triggers that keep the trigram index."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'companies_fts_%'"
    )
    return {row[0] for row in rows}


UPGRADE_FILTERS = [{"company_name": "*bouw*"}, {"city": "*dam"}, {"company_name": "b*"}]
