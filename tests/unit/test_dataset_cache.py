"""Built datasets in the user's cache folder: verified on open, rebuilt when stale or damaged."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from mockserver.app import create_backend
from mockserver.cache_dir import CACHE_ENV, cache_root, write_atomically
from mockserver.settings import Settings
from mockserver.store.build import build_dataset, read_meta
from mockserver.store.dataset_cache import cached_dataset, dataset_prefix, load_dataset
from mockserver.store.db import connect

__all__: list[str] = []

SEED, COMPANIES = 3, 150
BUILT_AT, LATER = 1_760_000_000, 1_764_500_123


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, named by the environment variable."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (search index included), in a fixed order."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {
        table: [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
        for table in sorted(tables)
        if table != "companies_fts"  # a virtual table: its shadow tables are compared
    }


def fresh(now: int) -> dict[str, list[tuple[Any, ...]]]:
    """The dataset built anew at `now`, without any cache."""
    conn = connect()
    build_dataset(conn, SEED, COMPANIES, now)
    return dump(conn)


def load(now: int) -> tuple[bool, sqlite3.Connection]:
    """Load the dataset into a new in-memory database: (taken from the cache, the database)."""
    conn = connect()
    return load_dataset(conn, SEED, COMPANIES, now), conn


def the_only_file(folder: Path) -> Path:
    files = cached_dataset(folder, SEED, COMPANIES)
    assert len(files) == 1
    return files[0]


def test_a_cached_dataset_is_the_one_a_fresh_build_makes_at_the_new_moment(folder: Path) -> None:
    # Given a dataset built and cached at one moment
    cached, _ = load(BUILT_AT)
    assert not cached and the_only_file(folder).stat().st_size > 0
    # When a later start takes it from the cache
    cached, conn = load(LATER)
    # Then it was cached, and it equals the dataset built at the later moment, row for row
    assert cached
    assert dump(conn) == fresh(LATER)
    assert read_meta(conn)["now"] == str(LATER)


def test_search_and_change_counting_work_on_a_cached_dataset(folder: Path) -> None:
    # Given a dataset taken from the cache
    load(BUILT_AT)
    _, conn = load(LATER)
    # When a company is renamed and then searched for
    conn.execute("UPDATE companies SET name = 'Zyxwvut Cache B.V.' WHERE id = 7")
    found = [
        tuple(row)
        for row in conn.execute(
            "SELECT rowid FROM companies_fts WHERE companies_fts MATCH 'name : \"xwvut\"'"
        )
    ]
    # Then the trigram index followed, and the change counter counts from where a build starts
    assert found == [(7,)]
    assert read_meta(conn)["companies_generation"] == "1"


@pytest.mark.parametrize("damage", ["truncated", "bytes changed", "not a database"])
def test_a_damaged_file_is_rebuilt(folder: Path, damage: str) -> None:
    # Given a cached dataset whose file was damaged afterwards
    load(BUILT_AT)
    path = the_only_file(folder)
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "bytes changed":
        data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    else:
        data = bytearray(b"not a database at all" * 100)
    path.write_bytes(data)
    # When the next start loads the dataset
    cached, conn = load(LATER)
    # Then it built it anew, and replaced the damaged file by a good one
    assert not cached
    assert dump(conn) == fresh(LATER)
    assert the_only_file(folder) != path or path.read_bytes() != data
    assert load(LATER)[0]


def test_a_file_of_another_schema_version_is_rebuilt(folder: Path) -> None:
    # Given a sealed file under this dataset's name whose meta says another schema version
    conn = connect()
    build_dataset(conn, SEED, COMPANIES, BUILT_AT)
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    data = conn.serialize()
    from mockserver.cache_dir import fingerprint

    stale = folder / f"{dataset_prefix(SEED, COMPANIES)}{fingerprint([data])}.sqlite3"
    write_atomically(stale, lambda temporary: temporary.write_bytes(data))
    # When the next start loads the dataset
    cached, loaded = load(LATER)
    # Then it did not take the stale file: it built the current version and cached that
    assert not cached
    assert read_meta(loaded)["schema_version"] != "3"
    assert the_only_file(folder) != stale and not stale.exists()


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the cache turned off in the environment
    monkeypatch.setenv(CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    # When a dataset is loaded twice
    first, second = load(BUILT_AT)[0], load(LATER)[0]
    # Then both were built and nothing was written
    assert cache_root() is None
    assert (first, second) == (False, False)
    assert list(tmp_path.iterdir()) == []


def test_settings_can_turn_the_cache_off_for_one_app(folder: Path) -> None:
    # Given settings that turn the dataset cache off
    settings = Settings(companies=COMPANIES, seed=SEED, demo_account=False, dataset_cache=False)
    # When the backend is created
    create_backend(settings)
    # Then the cache folder holds no dataset
    assert not folder.exists() or cached_dataset(folder, SEED, COMPANIES) == []


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    # Given a file in place
    path = tmp_path / "kept.bin"
    path.write_bytes(b"old")

    def half(temporary: Path) -> None:
        temporary.write_bytes(b"ne")
        raise OSError("disk full")

    # When a new version fails half-way
    with pytest.raises(OSError, match="disk full"):
        write_atomically(path, half)
    # Then the old file is whole and no temporary file is left
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.bin"]


def _start(folder: str, now: int) -> str:
    """A worker's start: load the dataset, return a digest of its rows."""
    import hashlib
    import os

    os.environ[CACHE_ENV] = folder
    conn = connect()
    load_dataset(conn, SEED, COMPANIES, now)
    return hashlib.sha256(repr(dump(conn)).encode()).hexdigest()


def test_processes_starting_at_once_all_get_the_whole_dataset(folder: Path) -> None:
    # Given an empty cache folder and four processes starting at the same moment
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        # When they all load the dataset at once
        digests = pool.starmap(_start, [(str(folder), LATER)] * 4)
        # Then every one holds the dataset a fresh build makes, and so does a later start
        later = pool.apply(_start, (str(folder), LATER))
    assert set(digests) == {later}
    cached, conn = load(LATER)
    assert cached and dump(conn) == fresh(LATER)


def test_copies_made_by_older_code_are_removed_when_the_dataset_is_cached(folder: Path) -> None:
    # Given files of this seed and size left by another generator and another schema version,
    # and one of another size
    folder.mkdir(parents=True, exist_ok=True)
    left = [
        folder / f"dataset-v1-seed{SEED}-companies{COMPANIES}-000000000000-abc.sqlite3",
        folder / f"dataset-v4-seed{SEED}-companies{COMPANIES}-111111111111-def.sqlite3",
    ]
    other_size = folder / f"dataset-v1-seed{SEED}-companies{COMPANIES + 1}-000000000000-a.sqlite3"
    for path in [*left, other_size]:
        path.write_bytes(b"old")
    # When this code caches the dataset
    load(BUILT_AT)
    # Then only its own file of this seed and size is left, and the other size is untouched
    assert not any(path.exists() for path in left) and other_size.exists()
    assert len(cached_dataset(folder, SEED, COMPANIES)) == 1
