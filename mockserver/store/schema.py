"""SQLite DDL of the synthetic dataset: companies, contacts, indexes, trigram search, meta."""

from __future__ import annotations

import sqlite3

__all__ = [
    "DATASET_DDL",
    "DATASET_INDEXES_DDL",
    "DATASET_SCHEMA_VERSION",
    "DATASET_SEARCH_DDL",
    "DATASET_TABLES_DDL",
    "create_dataset_schema",
]

#: Bumped whenever the dataset tables or their meaning change; stored in meta('schema_version').
DATASET_SCHEMA_VERSION = 1

#: Tables only. Times are UTC epoch seconds; `stamps` is JSON {column: epoch} of later changes.
DATASET_TABLES_DDL = """
CREATE TABLE IF NOT EXISTS companies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    street TEXT,
    street_number INTEGER,
    street_number_suffix TEXT,
    zip_code TEXT,
    city TEXT,
    province TEXT,
    po_box TEXT,
    po_box_zip_code TEXT,
    po_box_city TEXT,
    telephone TEXT,
    email TEXT,
    url TEXT,
    kvk_number TEXT,
    branche_id INTEGER,
    employee_id INTEGER,
    legal_form_id INTEGER,
    import_export_id INTEGER,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    stamps TEXT,
    last_changed INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    name TEXT NOT NULL,
    first_name TEXT,
    initials TEXT,
    gender INTEGER NOT NULL DEFAULT 2,
    function_id INTEGER,
    department TEXT,
    email TEXT,
    telephone TEXT,
    mobilephone TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    stamps TEXT,
    last_changed INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

#: Secondary indexes; built after a bulk load (much faster than maintaining them row by row).
DATASET_INDEXES_DDL = """
CREATE INDEX IF NOT EXISTS contacts_company_id ON contacts(company_id);
CREATE INDEX IF NOT EXISTS companies_last_changed ON companies(last_changed);
CREATE INDEX IF NOT EXISTS contacts_last_changed ON contacts(last_changed);
CREATE INDEX IF NOT EXISTS companies_city ON companies(city COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS companies_zip_code ON companies(zip_code);
CREATE INDEX IF NOT EXISTS companies_name ON companies(name COLLATE NOCASE);
"""

#: External-content FTS5 table: stores only the trigram index, reads name/city from `companies`.
#: Query with LIKE/GLOB: SELECT rowid FROM companies_fts WHERE name LIKE '%ata-collectief%'
#: (runs of >= 3 characters use the index; shorter patterns still work, by a full scan).
#: detail=none keeps the index ~3x smaller and faster to build; it rules out MATCH phrase queries.
#: It has no triggers: whoever changes companies.name or .city must first insert the old values
#: with the 'delete' command, then the new values (as the backend does); triggers on top of that
#: would corrupt the index.
DATASET_SEARCH_DDL = """
CREATE VIRTUAL TABLE IF NOT EXISTS companies_fts USING fts5(
    name, city, content='companies', content_rowid='id', tokenize='trigram case_sensitive 0',
    detail=none
);
"""
#: The whole dataset schema, idempotent (every statement is IF NOT EXISTS).
DATASET_DDL = DATASET_TABLES_DDL + DATASET_INDEXES_DDL + DATASET_SEARCH_DDL


def create_dataset_schema(conn: sqlite3.Connection, *, indexes: bool = True) -> None:
    """Create the tables and, unless `indexes` is False, the indexes and the search table."""
    conn.executescript(DATASET_DDL if indexes else DATASET_TABLES_DDL)
