"""The synthetic dataset: base tables, deterministic generation, SQLite build and trigram search."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mockserver.data.base_tables import BASE_TABLE_KEYS, BASE_TABLE_NAMES, load_base_table
from mockserver.data.generate import (
    COMPANY_COLUMNS,
    CONTACT_COLUMNS,
    generate_blocks,
    generate_companies,
    generate_contacts,
    generate_websites_and_leads,
)
from mockserver.data.leads import LEADS_DAYS
from mockserver.data.parallel import generate_blocks_parallel
from mockserver.store.build import build_dataset, read_meta

NOW = 1_764_460_800  # 2025-11-30 00:00:00 UTC
SEED = 42
COUNT = 10_000
PROVINCES = {
    "Groningen", "Friesland", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
    "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
}  # fmt: skip


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    """A 10k-company dataset built in memory once for this module."""
    conn = sqlite3.connect(":memory:")
    build_dataset(conn, SEED, COUNT, NOW)
    yield conn
    conn.close()


def _column(db: sqlite3.Connection, sql: str) -> list[Any]:
    """First column of every row of `sql`."""
    return [row[0] for row in db.execute(sql)]


# --- base tables ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", BASE_TABLE_NAMES)
def test_base_tables_load_with_documented_keys(name: str) -> None:
    """Given a base table, when loaded, then every row has the documented keys and a unique id."""
    rows = load_base_table(name)
    assert rows, name
    keys = BASE_TABLE_KEYS[name]
    assert all(tuple(row) == keys for row in rows)
    ids = [row[keys[0]] for row in rows]
    assert len(set(ids)) == len(ids) and all(isinstance(i, int) for i in ids)
    assert all(isinstance(row["Description"], str) and row["Description"] for row in rows)


def test_base_tables_are_copies_and_have_expected_content() -> None:
    """Given a loaded table, when mutated, then the next load is unaffected; content fits."""
    load_base_table("function")[0]["Description"] = "changed"
    functions = load_base_table("function")
    assert functions[0]["Description"] == "Directeur/eigenaar"
    assert len(functions) >= 30 and len(load_base_table("branche")) >= 40
    assert len(load_base_table("employee")) == 10
    assert {r["Description"] for r in load_base_table("import_export")} == {
        "Geen",
        "Import",
        "Export",
        "Import en export",
    }
    assert "Besloten Vennootschap" in {r["Description"] for r in load_base_table("legal_form")}
    reasons = load_base_table("message_reason")
    assert all(
        isinstance(r[k], bool) for r in reasons for k in BASE_TABLE_KEYS["message_reason"][2:]
    )
    assert any(r["ApplicableForCompanies"] for r in reasons) and any(
        r["ApplicableForContacts"] for r in reasons
    )
    with pytest.raises(KeyError):
        load_base_table("nope")


# --- deterministic generation --------------------------------------------------------------


def test_same_seed_same_rows_and_other_seed_other_rows() -> None:
    """Given a seed, when rows are generated twice, then they are equal; another seed differs."""
    first = list(generate_companies(7, 1500, NOW)), list(generate_contacts(7, 1500, NOW))
    again = list(generate_companies(7, 1500, NOW)), list(generate_contacts(7, 1500, NOW))
    other = list(generate_companies(8, 1500, NOW)), list(generate_contacts(8, 1500, NOW))
    assert first == again
    assert first[0] != other[0] and first[1] != other[1]
    assert all(len(row) == len(COMPANY_COLUMNS) for row in first[0])
    assert all(len(row) == len(CONTACT_COLUMNS) for row in first[1])


def test_smaller_dataset_is_a_prefix_of_a_larger_one() -> None:
    """Given one seed, when 1,200 and 2,500 companies are made, then the first 1,200 agree."""
    small = list(generate_blocks(3, 1200, NOW))
    large = list(generate_blocks(3, 2500, NOW))
    small_companies = [c for block, _ in small for c in block]
    large_companies = [c for block, _ in large for c in block]
    assert small_companies == large_companies[:1200]
    small_contacts = [c for _, block in small for c in block]
    large_contacts = [c for _, block in large for c in block]
    assert small_contacts == large_contacts[: len(small_contacts)]


def test_parallel_generation_yields_the_same_blocks() -> None:
    """Given worker processes, when blocks are made in parallel, then they equal in-process ones."""
    assert list(generate_blocks_parallel(5, 2300, NOW, workers=2)) == list(
        generate_blocks(5, 2300, NOW)
    )


# --- the built dataset ---------------------------------------------------------------------


def test_schema_column_order_matches_generated_tuples(db: sqlite3.Connection) -> None:
    """Given the built schema, when columns are listed, then they follow the generator's order."""
    assert tuple(r[1] for r in db.execute("PRAGMA table_info(companies)")) == COMPANY_COLUMNS
    assert tuple(r[1] for r in db.execute("PRAGMA table_info(contacts)")) == CONTACT_COLUMNS


def test_meta_and_counts(db: sqlite3.Connection) -> None:
    """Given a 10k build, when meta is read, then it records seed, counts, now and version."""
    meta = read_meta(db)
    contacts = db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    assert meta["seed"] == str(SEED) and meta["now"] == str(NOW) and meta["schema_version"] == "4"
    assert meta["companies"] == str(COUNT) and meta["contacts"] == str(contacts)
    assert db.execute("SELECT count(*), min(id), max(id) FROM companies").fetchone() == (
        COUNT,
        1,
        COUNT,
    )
    assert db.execute("SELECT min(id), max(id) FROM contacts").fetchone() == (1, contacts)
    assert 2.7 <= contacts / COUNT <= 3.3


def test_company_field_formats(db: sqlite3.Connection) -> None:
    """Given a 10k build, when company fields are inspected, then they look Dutch and valid."""
    rows = [
        dict(zip(COMPANY_COLUMNS, r, strict=True)) for r in db.execute("SELECT * FROM companies")
    ]
    assert all(re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", r["zip_code"]) for r in rows)
    assert all(
        r["po_box_zip_code"] is None or re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", r["po_box_zip_code"])
        for r in rows
    )
    kvk = [r["kvk_number"] for r in rows]
    assert all(re.fullmatch(r"\d{8}", k) for k in kvk) and len(set(kvk)) == len(kvk)
    phones = [r["telephone"] for r in rows if r["telephone"]]
    assert all(re.fullmatch(r"0\d{2,3}-[2-9]\d{5,6}", p) and len(p) == 11 for p in phones)
    assert all(
        re.fullmatch(r"[a-z]+@[a-z0-9-]+\.(nl|com|eu)", r["email"]) for r in rows if r["email"]
    )
    assert all(re.fullmatch(r"www\.[a-z0-9-]+\.(nl|com|eu)", r["url"]) for r in rows if r["url"])
    assert {r["province"] for r in rows} == PROVINCES
    assert 0.015 <= sum(r["deleted"] for r in rows) / len(rows) <= 0.05
    assert {r["street_number_suffix"] for r in rows} > {None}


def test_contact_field_formats(db: sqlite3.Connection) -> None:
    """Given a 10k build, when contact fields are inspected, then they are well formed."""
    rows = [
        dict(zip(CONTACT_COLUMNS, r, strict=True)) for r in db.execute("SELECT * FROM contacts")
    ]
    functions = {f["FunctionID"] for f in load_base_table("function")}
    assert all(re.fullmatch(r"([A-Z]\.)+", r["initials"]) for r in rows)
    assert all(r["first_name"] and r["initials"].startswith(r["first_name"][0]) for r in rows)
    assert {r["gender"] for r in rows} == {0, 1, 2}
    assert all(r["function_id"] in functions and r["department"] for r in rows)
    assert all(re.fullmatch(r"06-[1-9]\d{7}", r["mobilephone"]) for r in rows if r["mobilephone"])
    assert any(
        " " in r["name"] and r["name"].split()[0] in {"van", "de", "ter", "in"} for r in rows
    )


def test_stamps_and_last_changed(db: sqlite3.Connection) -> None:
    """Given a 10k build, when stamps are parsed, then they name columns and set last_changed."""
    for table, columns in (("companies", COMPANY_COLUMNS), ("contacts", CONTACT_COLUMNS)):
        rows = db.execute(
            f"SELECT created_at, stamps, last_changed, deleted FROM {table}"
        ).fetchall()
        changed = 0
        for created, stamps, last_changed, deleted in rows:
            assert NOW - 6 * 365 * 86400 < created <= NOW
            if stamps is None:
                assert last_changed == created and not deleted
                continue
            parsed = json.loads(stamps)
            changed += any(k != "deleted" for k in parsed)
            assert set(parsed) <= set(columns)
            assert all(created <= t <= NOW for t in parsed.values())
            assert last_changed == max(parsed.values()) and ("deleted" in parsed) == bool(deleted)
            assert "deleted" not in parsed or parsed["deleted"] == last_changed
        assert 0.15 <= changed / len(rows) <= 0.25, table


def test_contacts_reference_existing_companies(db: sqlite3.Connection) -> None:
    """Given a 10k build, when contacts join companies, then none is orphaned or outlives one."""
    orphans = (
        "SELECT count(*) FROM contacts LEFT JOIN companies c ON c.id = company_id"
        " WHERE c.id IS NULL"
    )
    assert _column(db, orphans) == [0]
    alive = (
        "SELECT count(*) FROM contacts k JOIN companies c ON c.id = k.company_id"
        " WHERE c.deleted = 1 AND k.deleted = 0"
    )
    assert _column(db, alive) == [0]
    per_company = Counter(
        _column(
            db,
            "SELECT count(k.id) FROM companies c LEFT JOIN contacts k ON k.company_id = c.id"
            " GROUP BY c.id",
        )
    )
    assert min(per_company) == 0 and max(per_company) == 8


def test_data_collectief_company_is_present(db: sqlite3.Connection) -> None:
    """Given any build, when company 1 is read, then it is DATA-collectief B.V. in Goes, active."""
    name, city, deleted = db.execute(
        "SELECT name, city, deleted FROM companies WHERE id = 1"
    ).fetchone()
    assert (name, city, deleted) == ("DATA-collectief B.V.", "Goes", 0)


@pytest.mark.parametrize(
    "pattern", ["%ata-collectief%", "%DATA-COLLECTIEF%", "data-collectief b.v.", "%collectief b%"]
)
def test_trigram_search_finds_infix(db: sqlite3.Connection, pattern: str) -> None:
    """Given the docs example `*ata-collectief*`, when searched, then company 1 is found."""
    assert _column(db, f"SELECT rowid FROM companies_fts WHERE name LIKE '{pattern}'") == [1]


@pytest.mark.parametrize(
    ("column", "pattern"),
    [("name", "%bouw%"), ("name", "%vries%"), ("city", "%dam"), ("city", "g%")],
)
def test_trigram_search_agrees_with_a_table_scan(
    db: sqlite3.Connection, column: str, pattern: str
) -> None:
    """Given a LIKE pattern, when run on the FTS table and on companies, then both agree."""
    fts = [
        r[0]
        for r in db.execute(
            f"SELECT rowid FROM companies_fts WHERE {column} LIKE ? ORDER BY rowid", (pattern,)
        )
    ]
    scan = [
        r[0]
        for r in db.execute(
            f"SELECT id FROM companies WHERE {column} LIKE ? ORDER BY id", (pattern,)
        )
    ]
    assert fts == scan and fts


def test_search_index_follows_plain_writes() -> None:
    """Given a build, when companies are renamed, moved, added and removed by plain SQL, then
    the triggers keep the search index right."""
    conn = sqlite3.connect(":memory:")
    build_dataset(conn, 1, 300, NOW)
    rng = random.Random(1)
    for step in range(500):
        # When: a writer renames or moves a company, or changes a column the index lacks
        company_id = rng.randint(1, 300)
        column = rng.choice(["name", "city", "telephone"])
        value = f"{rng.choice(['Zeldzaam Bouw', 'Goes', 'Amsterdam'])} {step}"
        conn.execute(f"UPDATE companies SET {column} = ? WHERE id = ?", (value, company_id))
    conn.execute(
        "INSERT INTO companies (id, name, city, created_at, last_changed)"
        " VALUES (301, 'Zeldzaam Nieuw', 'Goes', 0, 0)"
    )
    conn.execute(
        "DELETE FROM companies WHERE id = (SELECT MIN(id) FROM companies"
        " WHERE name LIKE '%zeldzaam%' AND id > 1)"
    )
    conn.commit()
    # Then: the index is consistent, holds what the table holds and agrees with a table scan.
    conn.execute("INSERT INTO companies_fts(companies_fts, rank) VALUES ('integrity-check', 1)")
    for column, pattern in (("name", "%zeldzaam%"), ("city", "%goes%"), ("name", "%ata-coll%")):
        fts = _column(conn, f"SELECT rowid FROM companies_fts WHERE {column} LIKE '{pattern}'")
        scan = _column(conn, f"SELECT id FROM companies WHERE {column} LIKE '{pattern}'")
        assert sorted(fts) == sorted(scan)


def test_build_to_file_reports_progress_and_restores_wal(tmp_path: Path) -> None:
    """Given a file, when built, then progress completes, WAL is on and a rebuild is refused."""
    path = tmp_path / "dataset.sqlite"
    calls: list[tuple[int, int]] = []
    stats = build_dataset(
        path, 9, 2500, NOW, progress=lambda done, total: calls.append((done, total))
    )
    assert calls[-1] == (2500, 2500) and stats["companies"] == 2500 and stats["bytes"] > 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(ValueError, match="already contains"):
            build_dataset(conn, 9, 10, NOW)


# --- website leads ------------------------------------------------------------------------


def test_websites_and_leads() -> None:
    """Given an account, when leads are made, then they are stable, recent, one day > 250."""
    websites, visits = generate_websites_and_leads(SEED, "acct-1", NOW, COUNT)
    assert (websites, visits) == generate_websites_and_leads(SEED, "acct-1", NOW, COUNT)
    assert generate_websites_and_leads(SEED, "acct-2", NOW, COUNT) != (websites, visits)
    assert 1 <= len(websites) <= 3 and websites[0]["EndDate"] is None
    assert all(
        w["StartDate"] < NOW and (w["EndDate"] is None or w["EndDate"] > NOW) for w in websites
    )
    assert {v["website"] for v in visits} <= {w["Name"] for w in websites}
    assert all(
        NOW - LEADS_DAYS * 86400 <= v["start"] < NOW and 1 <= v["company_id"] <= COUNT
        for v in visits
    )
    assert all(
        1 <= v["highest_rating_score"] <= 100 and v["page_views"] == len(v["click_path"])
        for v in visits
    )
    assert all(set(step) == {"Url", "Title", "Seconds"} for v in visits for step in v["click_path"])
    tz = ZoneInfo("Europe/Amsterdam")
    per_day = Counter((v["website"], datetime.fromtimestamp(v["start"], tz).date()) for v in visits)
    assert max(per_day.values()) > 250
