"""Which of any number of companies or contacts changed since a moment, 100 IDs a call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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


@dataclass(frozen=True)
class _Updates:
    """One subject's update requests: the v1 and V2 modules, and the names they use."""

    v1: Any  # the generated module of the v1 GET (comma-separated IDs)
    v2: Any  # the generated module of the V2 POST
    request: Callable[..., Any]  # the V2 body's model
    ids: str  # the IDs' keyword of the v1 call and of the V2 body
    answer: str  # the answer's member listing the changed IDs

    def arguments(self, chunk: list[int], moment: str, v1: bool) -> dict[str, Any]:
        """The keyword arguments of one call besides the client."""
        if v1:
            return {self.ids: format_ids(chunk), "last_changed_date": moment}
        return {"body": self.request(last_changed_date=moment, **{self.ids: chunk})}

    def ask(self, client: AuthenticatedClient, v1: bool) -> Ask:
        """One call per chunk, by the typed path."""
        module = self.v1 if v1 else self.v2

        def ask(chunk: list[int], moment: str) -> set[int]:
            answer = module.sync_or_raise(client=client, **self.arguments(chunk, moment, v1))
            return _ids(getattr(answer, self.answer))

        return ask

    def ask_async(self, client: AuthenticatedClient, v1: bool) -> AskAsync:
        """`ask` for an async client."""
        module = self.v1 if v1 else self.v2

        async def ask(chunk: list[int], moment: str) -> set[int]:
            arguments = self.arguments(chunk, moment, v1)
            answer = await module.asyncio_or_raise(client=client, **arguments)
            return _ids(getattr(answer, self.answer))

        return ask


_COMPANIES = _Updates(
    get_updated_companies, get_updated_companies_v2, UpdatedCompaniesRequest, "company_ids",
    "updated_companies",
)  # fmt: skip
_CONTACTS = _Updates(
    get_updated_contacts, get_updated_contacts_v2, UpdatedContactsRequest, "contact_ids",
    "updated_contacts",
)  # fmt: skip


def updated_companies(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The companies among `ids` whose record changed after `since`, in the order asked.

    Any number of IDs: repeats are asked once, calls carry at most 100 IDs (the V2 POST, or
    the v1 GET with comma-separated IDs when `v1`), unknown IDs are left out. Free of charge.
    """
    return _changed(ids, since, _COMPANIES.ask(client, v1))


async def updated_companies_async(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The async twin of `updated_companies`."""
    return await _changed_async(ids, since, _COMPANIES.ask_async(client, v1))


def updated_contacts(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The contacts among `ids` whose record changed after `since` (as `updated_companies`)."""
    return _changed(ids, since, _CONTACTS.ask(client, v1))


async def updated_contacts_async(
    client: AuthenticatedClient, ids: Iterable[int], since: datetime, *, v1: bool = False
) -> list[int]:
    """The async twin of `updated_contacts`."""
    return await _changed_async(ids, since, _CONTACTS.ask_async(client, v1))
