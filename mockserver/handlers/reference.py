"""Handlers of the BaseTables tag."""

from __future__ import annotations

from functools import partial
from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend

__all__ = ["base_table"]


def _base_table(table: str, wrapper: str, backend: Backend, account: Account) -> dict[str, Any]:
    return {wrapper: backend.base_table(table)}


def base_table(table: str, wrapper: str) -> Any:
    """A handler answering one code table wrapped as {<TableName>: [...]}."""
    return partial(_base_table, table, wrapper)
