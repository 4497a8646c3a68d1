"""SQLite DDL of the synthetic dataset: companies, contacts, indexes, trigram search, meta."""

from __future__ import annotations

__all__ = [
    "CITIES_DDL",
    "CITIES_FILL_SQL",
    "COMPANIES_GENERATION_DDL",
    "COMPANIES_GENERATION_KEY",
    "COMPANIES_GENERATION_SQL",
    "DATASET_INDEXES_DDL",
    "DATASET_SCHEMA_VERSION",
    "DATASET_SEARCH_DDL",
    "DATASET_TABLES_DDL",
    "NAME_FOLDS_TO_ASCII",
    "SEARCH_TRIGGERS_DDL",
]

#: Bumped whenever the dataset tables or their meaning change; stored in meta('schema_version').
#: 2: trigram index with positions (detail=full), `company_cities`, `companies_name_folds`.
#: 3: the companies change counter (`COMPANIES_GENERATION_DDL`).
#: 4: triggers keep the trigram index (`SEARCH_TRIGGERS_DDL`).
DATASET_SCHEMA_VERSION = 4

#: Names holding a character that the trigram index folds onto an ASCII letter while LIKE and
#: NOCASE do not (KELVIN SIGN to k, LONG S to s): the only rows where an ASCII phrase match of
#: the index can disagree with LIKE. A partial index keeps them at hand for a re-check.
NAME_FOLDS_TO_ASCII = "name GLOB '*[\u212a\u017f]*'"

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
#: Each CompanyList sort order has one whose order it is (ties by ascending id); a backward
#: scan serves NameDesc and ZipCodeDesc, whose ties are few, but not CityDesc.
DATASET_INDEXES_DDL = f"""
CREATE INDEX IF NOT EXISTS contacts_company_id ON contacts(company_id);
CREATE INDEX IF NOT EXISTS companies_last_changed ON companies(last_changed);
CREATE INDEX IF NOT EXISTS contacts_last_changed ON contacts(last_changed);
CREATE INDEX IF NOT EXISTS companies_city ON companies(city COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS companies_city_desc ON companies(city COLLATE NOCASE DESC, id);
CREATE INDEX IF NOT EXISTS companies_zip_code ON companies(zip_code);
CREATE INDEX IF NOT EXISTS companies_name ON companies(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS companies_name_folds ON companies(name) WHERE {NAME_FOLDS_TO_ASCII};
"""

#: External-content FTS5 table: stores only the trigram index, reads name/city from `companies`.
#: Phrase queries find substrings: companies_fts MATCH 'name : "ata-collectief"' (anywhere),
#: 'name : ^"data-c"' (at the start); each phrase needs >= 3 characters. The tokenizer folds
#: case like Unicode does, so a match is a candidate that LIKE (ASCII folding) confirms unless
#: the phrase is ASCII and the name is not in `companies_name_folds`. detail=full keeps the
#: positions phrases need. `SEARCH_TRIGGERS_DDL` keeps it up to date after the bulk load.
DATASET_SEARCH_DDL = """
CREATE VIRTUAL TABLE IF NOT EXISTS companies_fts USING fts5(
    name, city, content='companies', content_rowid='id', tokenize='trigram case_sensitive 0',
    detail=full
);
"""
#: Keep the trigram index in step with `companies` (created after a bulk load and its 'rebuild',
#: as the index of an external-content table is never written any other way): a change takes
#: the old values out with FTS5's 'delete' command, then puts the new ones in. Nobody writes
#: `companies_fts` by hand, or the index would hold a row twice.
SEARCH_TRIGGERS_DDL = """
CREATE TRIGGER IF NOT EXISTS companies_fts_insert AFTER INSERT ON companies BEGIN
    INSERT INTO companies_fts (rowid, name, city) VALUES (new.id, new.name, new.city);
END;
CREATE TRIGGER IF NOT EXISTS companies_fts_delete AFTER DELETE ON companies BEGIN
    INSERT INTO companies_fts (companies_fts, rowid, name, city)
    VALUES ('delete', old.id, old.name, old.city);
END;
CREATE TRIGGER IF NOT EXISTS companies_fts_update AFTER UPDATE OF id, name, city ON companies
BEGIN
    INSERT INTO companies_fts (companies_fts, rowid, name, city)
    VALUES ('delete', old.id, old.name, old.city);
    INSERT INTO companies_fts (rowid, name, city) VALUES (new.id, new.name, new.city);
END;
"""
#: The distinct cities with their number of companies, kept by triggers: a city wildcard is
#: matched against ~165 rows here, and a search by city alone is counted from them.
CITIES_DDL = """
CREATE TABLE IF NOT EXISTS company_cities (
    city TEXT PRIMARY KEY,
    companies INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS companies_cities_insert AFTER INSERT ON companies
WHEN new.city IS NOT NULL BEGIN
    INSERT INTO company_cities (city, companies) VALUES (new.city, 1)
    ON CONFLICT (city) DO UPDATE SET companies = companies + 1;
END;
CREATE TRIGGER IF NOT EXISTS companies_cities_delete AFTER DELETE ON companies
WHEN old.city IS NOT NULL BEGIN
    UPDATE company_cities SET companies = companies - 1 WHERE city = old.city;
    DELETE FROM company_cities WHERE city = old.city AND companies <= 0;
END;
CREATE TRIGGER IF NOT EXISTS companies_cities_update AFTER UPDATE OF city ON companies
WHEN old.city IS NOT new.city BEGIN
    UPDATE company_cities SET companies = companies - 1 WHERE city = old.city;
    DELETE FROM company_cities WHERE city = old.city AND companies <= 0;
    INSERT INTO company_cities (city, companies) SELECT new.city, 1 WHERE new.city IS NOT NULL
    ON CONFLICT (city) DO UPDATE SET companies = companies + 1;
END;
"""
#: Fill `company_cities` from a bulk-loaded `companies` (whose triggers did not run).
CITIES_FILL_SQL = (
    "INSERT INTO company_cities (city, companies)"
    " SELECT city, COUNT(*) FROM companies WHERE city IS NOT NULL GROUP BY city"
)
#: A counter in `meta` that every change of `companies` bumps (by triggers, from any
#: connection): a cached search count is exact while it stands still, whatever other tables do.
COMPANIES_GENERATION_KEY = "companies_generation"
#: Reads the counter; no row means a database without the triggers (never cache then).
COMPANIES_GENERATION_SQL = f"SELECT value FROM meta WHERE key = '{COMPANIES_GENERATION_KEY}'"
_BUMP = (
    f"UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = '{COMPANIES_GENERATION_KEY}';"
)
#: Idempotent; safe on a file built before the counter existed.
COMPANIES_GENERATION_DDL = f"""
INSERT OR IGNORE INTO meta (key, value) VALUES ('{COMPANIES_GENERATION_KEY}', '0');
CREATE TRIGGER IF NOT EXISTS companies_generation_insert AFTER INSERT ON companies
BEGIN {_BUMP} END;
CREATE TRIGGER IF NOT EXISTS companies_generation_update AFTER UPDATE ON companies
BEGIN {_BUMP} END;
CREATE TRIGGER IF NOT EXISTS companies_generation_delete AFTER DELETE ON companies
BEGIN {_BUMP} END;
"""
