"""Built datasets kept in the user's cache folder, per schema version, seed, size and generator.

A cached file is named `dataset-v<schema>-seed<seed>-companies<n>-<generator>-<digest>.sqlite3`:
`<generator>` fingerprints the code and word lists that make the rows, `<digest>` the file's own
bytes. The file appears by one rename after it is complete, so the name is its seal: a reader
takes a file only when its bytes have that digest, SQLite's quick check passes and its meta
holds the schema version, seed and size of its name. Anything else is deleted and rebuilt.

The file is never opened by SQLite: its bytes are read, checked and copied into the caller's
in-memory database (through a scratch connection and SQLite's backup API). A dataset is built
at a moment `now` and every time in it is a fixed offset from `now`, so a dataset built at
another moment is moved to this one by adding the difference to each time column.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing, suppress
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ..cache_dir import cache_root, fingerprint, write_atomically
from .build import build_dataset, read_meta
from .db import transaction
from .schema import COMPANIES_GENERATION_KEY, DATASET_SCHEMA_VERSION

__all__ = ["CACHE_UP_TO", "cached_dataset", "dataset_prefix", "load_dataset"]

#: Larger datasets are always built: a copy of them would cost more memory than it saves time.
CACHE_UP_TO = 200_000

_SUFFIX = ".sqlite3"
#: Every time column, moved together; `stamps` is JSON {column: epoch}.
_SHIFT = """
UPDATE {table} SET created_at = created_at + :d, last_changed = last_changed + :d,
    stamps = CASE WHEN stamps IS NULL THEN NULL ELSE
        (SELECT json_group_object(key, value + :d) FROM json_each({table}.stamps)) END
"""


def _sources(node: Traversable) -> list[tuple[str, bytes]]:
    """(name, bytes) of every file under `node` except compiled ones, sorted by name."""
    found: list[tuple[str, bytes]] = []
    for child in node.iterdir():
        if child.is_dir():
            if child.name != "__pycache__":
                found += [(f"{child.name}/{n}", b) for n, b in _sources(child)]
        elif not child.name.endswith(".pyc"):
            found.append((child.name, child.read_bytes()))
    return sorted(found)


@cache
def _generator() -> str:
    """A fingerprint of what makes the rows: the generator, its word lists, the build code."""
    store = files("mockserver.store")
    chunks = [b for pair in _sources(files("mockserver.data")) for b in (pair[0].encode(), pair[1])]
    chunks += [store.joinpath(name).read_bytes() for name in ("build.py", "schema.py")]
    return fingerprint(chunks)[:12]


def dataset_prefix(seed: int, companies: int) -> str:
    """The start of the names of the cached files of this dataset (schema, seed, size, code)."""
    return f"dataset-v{DATASET_SCHEMA_VERSION}-seed{seed}-companies{companies}-{_generator()}-"


def cached_dataset(folder: Path, seed: int, companies: int) -> list[Path]:
    """The cached files of this dataset in `folder`, newest first."""
    stamped = []
    for path in folder.glob(f"{dataset_prefix(seed, companies)}*{_SUFFIX}"):
        with suppress(OSError):  # another process may have just replaced it
            stamped.append((path.stat().st_mtime, path))
    return [path for _, path in sorted(stamped, reverse=True)]


def _restore(path: Path, conn: sqlite3.Connection, seed: int, companies: int) -> bool:
    """Copy the cached file into `conn` when it passes every check; False when it does not."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if path.name != f"{dataset_prefix(seed, companies)}{fingerprint([data])}{_SUFFIX}":
        return False
    try:
        with closing(sqlite3.connect(":memory:")) as scratch:
            scratch.deserialize(data)
            if scratch.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return False
            meta = read_meta(scratch)
            expected = (str(DATASET_SCHEMA_VERSION), str(seed), str(companies))
            if (meta.get("schema_version"), meta.get("seed"), meta.get("companies")) != expected:
                return False
            scratch.backup(conn)
    except sqlite3.DatabaseError:
        return False
    return True


def _move_to(conn: sqlite3.Connection, now: int) -> None:
    """Move every time of the dataset in `conn` to the dataset built at `now`."""
    meta = read_meta(conn)
    delta = now - int(meta["now"])
    if not delta:
        return
    with transaction(conn):
        for table in ("companies", "contacts"):
            conn.execute(_SHIFT.format(table=table), {"d": delta})  # fixed table names
        conn.executemany(
            "UPDATE meta SET value = ? WHERE key = ?",
            [(str(now), "now"), (meta[COMPANIES_GENERATION_KEY], COMPANIES_GENERATION_KEY)],
        )


def _save(conn: sqlite3.Connection, folder: Path, seed: int, companies: int) -> None:
    """Keep the dataset just built in `conn` as this dataset's only cached file."""
    data = conn.serialize()
    path = folder / f"{dataset_prefix(seed, companies)}{fingerprint([data])}{_SUFFIX}"
    write_atomically(path, lambda temporary: temporary.write_bytes(data))
    # Also the copies older code or schema versions made of this seed and size: never read again.
    for other in folder.glob(f"dataset-v*-seed{seed}-companies{companies}-*{_SUFFIX}"):
        if other != path:
            with suppress(OSError):  # another process may hold or remove it
                other.unlink()


def load_dataset(conn: sqlite3.Connection, seed: int, companies: int, now: int) -> bool:
    """Fill the empty in-memory `conn` with the dataset (seed, companies, now); True if cached.

    Takes the cached copy when a valid one exists, else builds the dataset and caches it (when
    the cache folder is writable). Without a cache folder (see `cache_dir`) it only builds."""
    folder = cache_root()
    if folder is None or companies > CACHE_UP_TO:
        build_dataset(conn, seed, companies, now)
        return False
    for path in cached_dataset(folder, seed, companies) if folder.is_dir() else []:
        if _restore(path, conn, seed, companies):
            _move_to(conn, now)
            return True
        with suppress(OSError):
            path.unlink()  # damaged or stale: rebuilt below
    build_dataset(conn, seed, companies, now)
    with suppress(OSError):  # a read-only cache folder only costs the next start its build
        _save(conn, folder, seed, companies)
    return False
