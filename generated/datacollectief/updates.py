"""Which of any number of companies or contacts changed since a moment, 100 IDs a call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime

from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.updates import (
    get_updated_companies,
    get_updated_companies_v2,
    get_updated_contacts,
    get_updated_contacts_v2,
)
from datacollectief_client.models import IdItem, UpdatedCompaniesRequest, UpdatedContactsRequest
from datacollectief_client.types import Unset

from .wire import format_datetime, format_ids

__all__ = [
    "MAX_IDS_PER_CALL",
    "id_chunks",
    "updated_companies",
    "updated_companies_async",
    "updated_contacts",
    "updated_contacts_async",
]

#: The most IDs one UpdatedCompanies/UpdatedContacts call takes.
MAX_IDS_PER_CALL = 100


def id_chunks(ids: Iterable[int], size: int = MAX_IDS_PER_CALL) -> list[list[int]]:
    """The distinct IDs, first occurrence first, in lists of at most `size`."""
    unique = list(dict.fromkeys(int(value) for value in ids))
    if any(value < 1 for value in unique):
        raise ValueError("IDs are positive integers")
    return [unique[start : start + size] for start in range(0, len(unique), size)]


def _ids(items: list[IdItem] | Unset) -> set[int]:
    """The IDs of an answer's list (none when it is left out)."""
    return set() if isinstance(items, Unset) else {item.id for item in items}


def _in_order(chunks: list[list[int]], changed: set[int]) -> list[int]:
    """The changed IDs in the order they were asked."""
    return [value for chunk in chunks for value in chunk if value in changed]


#: One call: (the IDs of a chunk, the moment on the wire) -> the changed IDs among them.
Ask = Callable[[list[int], str], set[int]]
AskAsync = Callable[[list[int], str], Awaitable[set[int]]]


def _changed(ids: Iterable[int], since: datetime, ask: Ask) -> list[int]:
    """Ask chunk after chunk; the changed IDs in the order asked."""
    chunks, moment = id_chunks(ids), format_datetime(since)
    changed = set[int]().union(*(ask(chunk, moment) for chunk in chunks))
    return _in_order(chunks, changed)


async def _changed_async(ids: Iterable[int], since: datetime, ask: AskAsync) -> list[int]:
    """The async twin of `_changed`."""
    chunks, moment, changed = id_chunks(ids), format_datetime(since), set[int]()
    for chunk in chunks:
        changed |= await ask(chunk, moment)
    return _in_order(chunks, changed)


def updated_companies(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The companies among `ids` whose record changed after `since`, in the order asked.

    Any number of IDs: repeats are asked once, calls carry at most 100 IDs (the V2 POST, or
    the v1 GET with comma-separated IDs when `v1`), unknown IDs are left out. Free of charge.
    """

    def ask(chunk: list[int], moment: str) -> set[int]:
        if v1:
            return _ids(
                get_updated_companies.sync_or_raise(
                    client=client, company_ids=format_ids(chunk), last_changed_date=moment
                ).updated_companies
            )
        body = UpdatedCompaniesRequest(last_changed_date=moment, company_ids=chunk)
        return _ids(
            get_updated_companies_v2.sync_or_raise(client=client, body=body).updated_companies
        )

    return _changed(ids, since, ask)


async def updated_companies_async(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The async twin of `updated_companies`."""

    async def ask(chunk: list[int], moment: str) -> set[int]:
        if v1:
            old = await get_updated_companies.asyncio_or_raise(
                client=client, company_ids=format_ids(chunk), last_changed_date=moment
            )
            return _ids(old.updated_companies)
        body = UpdatedCompaniesRequest(last_changed_date=moment, company_ids=chunk)
        new = await get_updated_companies_v2.asyncio_or_raise(client=client, body=body)
        return _ids(new.updated_companies)

    return await _changed_async(ids, since, ask)


def updated_contacts(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The contacts among `ids` whose record changed after `since` (as `updated_companies`)."""

    def ask(chunk: list[int], moment: str) -> set[int]:
        if v1:
            return _ids(
                get_updated_contacts.sync_or_raise(
                    client=client, contact_ids=format_ids(chunk), last_changed_date=moment
                ).updated_contacts
            )
        body = UpdatedContactsRequest(last_changed_date=moment, contact_ids=chunk)
        return _ids(
            get_updated_contacts_v2.sync_or_raise(client=client, body=body).updated_contacts
        )

    return _changed(ids, since, ask)


async def updated_contacts_async(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The async twin of `updated_contacts`."""

    async def ask(chunk: list[int], moment: str) -> set[int]:
        if v1:
            old = await get_updated_contacts.asyncio_or_raise(
                client=client, contact_ids=format_ids(chunk), last_changed_date=moment
            )
            return _ids(old.updated_contacts)
        body = UpdatedContactsRequest(last_changed_date=moment, contact_ids=chunk)
        new = await get_updated_contacts_v2.asyncio_or_raise(client=client, body=body)
        return _ids(new.updated_contacts)

    return await _changed_async(ids, since, ask)
