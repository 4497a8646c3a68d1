"""Helpers shared by the domain tests: a small Backend, fresh accounts, live record IDs."""

from __future__ import annotations

from collections.abc import Iterator
from unittest.mock import patch

from mockserver.app import create_backend
from mockserver.domain import accounts
from mockserver.domain.accounts import Account
from mockserver.domain.backend import Backend
from mockserver.domain.records import Subject
from mockserver.settings import Settings
from mockserver.store.db import transaction

__all__ = ["live_ids", "new_account", "small_backend"]


def small_backend(start: int) -> Iterator[Backend]:
    """A small dataset (300 companies, seed 1) with its clock frozen at `start`; closed after.
    For a fixture: `yield from small_backend(START)`."""
    backend = create_backend(
        Settings(
            companies=300,
            seed=1,
            random_seed=1,
            demo_account=False,
            frozen_clock=True,
            start=start,
        )
    )
    yield backend
    backend.conn.close()


def new_account(backend: Backend, credits: int = 0, subscription: bool = False) -> Account:
    """A fresh main account; no website leads and no slow scrypt hash (nobody logs in here)."""
    with transaction(backend.conn), patch.object(accounts, "hash_password", str):
        new = accounts.create_account(
            backend.conn,
            backend.clock.now(),
            backend.rng,
            credits=credits,
            subscription=subscription,
        )
    return Account(new.id, new.user, new.application_name, True)


def live_ids(backend: Backend, subject: Subject, count: int = 1) -> list[int]:
    """The first records of `subject` that are not deleted."""
    rows = backend.conn.execute(
        f"SELECT id FROM {subject.table} WHERE deleted = 0 ORDER BY id LIMIT ?", (count,)
    )
    return [int(row[0]) for row in rows]
