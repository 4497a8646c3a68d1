"""updated_companies, updated_contacts: any number of IDs, 100 a call, as single calls answer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from datetime import datetime

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacollectief import (
    MAX_IDS_PER_CALL,
    format_datetime,
    id_chunks,
    updated_companies,
    updated_companies_async,
    updated_contacts,
    updated_contacts_async,
)
from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.updates import get_updated_companies_v2, get_updated_contacts_v2
from datacollectief_client.models import UpdatedCompaniesRequest, UpdatedContactsRequest
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.journal import clear_journal, queries_of

__all__: list[str] = []

#: At most this many examples (the profile may ask fewer): each one makes many requests.
EXAMPLES = 25

#: Record numbers the lists are drawn from: few enough that single calls stay cheap.
KNOWN_POOL = 320
#: Numbers no company or contact has.
UNKNOWN_IDS = range(1_999_999_990, 2_000_000_000)
#: Moments the changes are asked since (naive: Amsterdam wall-clock time).
SINCE = [datetime(2020, 1, 1), datetime(2025, 6, 1, 12, 30), datetime(2026, 11, 1)]
Helper = Callable[..., list[int]]


def id_lists(max_size: int = 1_000) -> st.SearchStrategy[list[int]]:
    """0 to 1,000 record numbers: repeats and unknown numbers included."""
    known = st.integers(1, KNOWN_POOL)
    ids = known | known | known | st.sampled_from(UNKNOWN_IDS)
    # Hypothesis favours short lists: half the lists are long enough for several calls.
    return st.lists(ids, max_size=max_size) | st.lists(ids, min_size=250, max_size=max_size)


def company_changed(client: AuthenticatedClient, value: int, since: datetime) -> bool:
    """One UpdatedCompaniesV2 call for one number, through the generated client alone."""
    body = UpdatedCompaniesRequest(last_changed_date=format_datetime(since), company_ids=[value])
    answer = get_updated_companies_v2.sync_or_raise(client=client, body=body)
    return any(item.id == value for item in answer.updated_companies or [])


def contact_changed(client: AuthenticatedClient, value: int, since: datetime) -> bool:
    """One UpdatedContactsV2 call for one number, through the generated client alone."""
    body = UpdatedContactsRequest(last_changed_date=format_datetime(since), contact_ids=[value])
    answer = get_updated_contacts_v2.sync_or_raise(client=client, body=body)
    return any(item.id == value for item in answer.updated_contacts or [])


class SingleCalls:
    """The reference: one generated call per ID, not the helper (cached: it does not change
    within a test)."""

    def __init__(self, client: AuthenticatedClient, single: Callable[..., bool]) -> None:
        self.client, self.single, self.known = client, single, dict[tuple[int, datetime], bool]()

    def changed(self, ids: Iterable[int], since: datetime) -> set[int]:
        """Union of the single calls' answers."""
        for value in ids:
            if (value, since) not in self.known:
                self.known[value, since] = self.single(self.client, value, since)
        return {value for value in ids if self.known[value, since]}


def record_bodies(client: AuthenticatedClient) -> list[dict[str, object]]:
    """Given: every JSON body the client sends is recorded (the journal keeps no bodies)."""
    bodies: list[dict[str, object]] = []

    def keep(request: httpx.Request) -> None:
        if request.method == "POST":
            bodies.append(json.loads(request.content))

    client.get_httpx_client().event_hooks["request"].append(keep)
    return bodies


@pytest.fixture
def single_companies(client: AuthenticatedClient) -> SingleCalls:
    """Given: the single-call reference for companies (v2)."""
    return SingleCalls(client, company_changed)


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,
    max_examples=min(settings.default.max_examples, EXAMPLES),
)
@given(ids=id_lists(), since=st.sampled_from(SINCE), v1=st.booleans())
def test_chunked_updates_equal_the_union_of_single_calls(
    mock: MockService,
    client: AuthenticatedClient,
    single_companies: SingleCalls,
    ids: list[int],
    since: datetime,
    v1: bool,
) -> None:
    # Given any list of company numbers (repeats, unknown ones) and the single calls' answers
    expected = single_companies.changed(ids, since)
    bodies = record_bodies(client)
    clear_journal(mock)

    # When the chunked helper asks them all
    found = updated_companies(client, ids, since, v1=v1)

    # Then it answers the union of the single calls, each once, in the order first asked
    assert found == [value for value in dict.fromkeys(ids) if value in expected]
    # And no call carried more than 100 numbers, and each distinct number went out once
    if v1:
        sent = [query["companyIds"].split(",") for query in queries_of(mock, "getUpdatedCompanies")]
    else:
        sent = [body["CompanyIds"] for body in bodies]  # type: ignore[misc]
    assert all(1 <= len(chunk) <= MAX_IDS_PER_CALL for chunk in sent)
    assert sorted(int(v) for chunk in sent for v in chunk) == sorted(set(ids))


@pytest.mark.parametrize("v1", [False, True], ids=["v2", "v1"])
def test_updated_contacts_chunks_as_the_companies_do(
    mock: MockService, client: AuthenticatedClient, v1: bool
) -> None:
    # Given 250 contact numbers, repeated, with unknown ones, and the single calls' answers
    ids = [*range(1, 126), *range(1, 126), *UNKNOWN_IDS]
    expected = SingleCalls(client, contact_changed).changed(ids, SINCE[1])
    assert expected  # the dataset has contacts changed since then: the test can see a miss
    clear_journal(mock)
    # When the chunked helper asks them
    found = updated_contacts(client, ids, SINCE[1], v1=v1)
    # Then it answers the union in order, in two calls (135 distinct numbers)
    assert found == [value for value in dict.fromkeys(ids) if value in expected]
    operation = "getUpdatedContacts" if v1 else "getUpdatedContactsV2"
    assert len(queries_of(mock, operation)) == 2


def test_no_ids_make_no_call_and_bad_ids_are_refused(
    mock: MockService, client: AuthenticatedClient
) -> None:
    # Given an empty journal; When no IDs are asked, Then nothing is sent
    clear_journal(mock)
    assert updated_companies(client, [], SINCE[0]) == []
    assert queries_of(mock, "getUpdatedCompaniesV2") == []
    # And a number below 1 is refused before any call
    with pytest.raises(ValueError, match="positive"):
        id_chunks([3, 0])


def test_the_async_twins_answer_as_the_sync_helpers(
    datacollectief_server: MockService,
    served_account: Credentials,
    async_client: AuthenticatedClient,
) -> None:
    # Given 230 company and contact numbers
    ids = list(range(1, 231))

    async def ask() -> tuple[list[int], list[int], list[int]]:
        return (
            await updated_companies_async(async_client, ids, SINCE[1]),
            await updated_companies_async(async_client, ids, SINCE[1], v1=True),
            await updated_contacts_async(async_client, ids, SINCE[1]),
        )

    # When the async twins ask them
    companies, companies_v1, contacts = asyncio.run(ask())

    # Then they answer what the sync helpers answer
    sync_client = datacollectief_server.client(served_account)
    assert companies == companies_v1 == updated_companies(sync_client, ids, SINCE[1])
    assert contacts == updated_contacts(sync_client, ids, SINCE[1], v1=True)
