"""download_companies: never more than `max_credits` spent (the ledger says), each ID once."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacollectief import (
    CompanyInactive,
    Downloads,
    UnknownCompanyId,
    download_companies,
    download_companies_async,
)
from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.companies import download_company
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.client_rules import UNKNOWN_ID

__all__: list[str] = []

#: At most this many examples (the profile may ask fewer): each one makes many requests.
EXAMPLES = 25


def company_lists() -> st.SearchStrategy[list[int]]:
    """Up to 40 company numbers from a small pool: repeats and an unknown number included."""
    return st.lists(st.integers(1, 25) | st.just(UNKNOWN_ID), max_size=40)


def downloads_in_ledger(
    mock: MockService, account: Credentials, after: int
) -> list[dict[str, Any]]:
    """Then-helper: the account's ledger entries for downloads after entry `after`."""
    entries = mock.control("GET", f"/accounts/{account.user}/ledger")["entries"]
    return [entry for entry in entries if entry["id"] > after and entry["kind"] == "download"]


def ledger_now(mock: MockService, account: Credentials) -> tuple[int, int]:
    """The id of the account's newest ledger entry (0: none) and its balance."""
    ledger = mock.control("GET", f"/accounts/{account.user}/ledger")
    return max((int(entry["id"]) for entry in ledger["entries"]), default=0), ledger["balance"]


def assert_partition(result: Downloads, ids: list[int]) -> None:
    """Then: every distinct ID is downloaded, refused or left, exactly once, in order."""
    handled = [*result.companies, *result.refused, *result.left]
    assert sorted(handled) == sorted(set(ids))
    assert result.left == [value for value in dict.fromkeys(ids) if value in result.left]


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,
    max_examples=min(settings.default.max_examples, EXAMPLES),
)
@given(
    ids=company_lists(),
    owned=st.lists(st.integers(1, 25), max_size=6, unique=True),
    balance=st.integers(0, 12),
    max_credits=st.integers(0, 12),
)
def test_the_guard_never_spends_more_than_allowed(
    mock: MockService, ids: list[int], owned: list[int], balance: int, max_credits: int
) -> None:
    # Given an account that already owns some companies and has `balance` credits left
    account = mock.new_account(credits=len(owned) + balance)
    client = mock.client(account)
    for company_id in owned:
        with contextlib.suppress(CompanyInactive):  # a deleted company cannot be owned
            download_company.sync_or_raise(client=client, id=company_id)
    before, balance = ledger_now(mock, account)

    # When the guard downloads a list of companies with a budget
    result = download_companies(client, ids, max_credits=max_credits)

    # Then the ledger shows at most `max_credits` spent, as the result says, one entry per
    # company paid, and none for a company the account owned
    paid = downloads_in_ledger(mock, account, before)
    spent = -sum(entry["amount"] for entry in paid)
    assert spent <= max_credits and spent == result.credits_spent
    paid_ids = [entry["subjectId"] for entry in paid]
    assert len(paid_ids) == len(set(paid_ids)) and not set(paid_ids) & set(owned)
    # And every ID is handled once: downloaded (each paid one among them), refused, or left
    assert_partition(result, ids)
    assert set(paid_ids) <= set(result.companies)
    assert all(
        isinstance(error, UnknownCompanyId | CompanyInactive) for error in result.refused.values()
    )
    # And it stops only when the budget or the balance is spent
    if result.left:
        assert spent == max_credits or spent == balance


def test_the_async_twin_guards_the_same_way(
    datacollectief_server: MockService, served_account: Credentials
) -> None:
    # Given an account with 3 credits that owns company 1
    datacollectief_server.add_credits(served_account.user, 3)
    client = datacollectief_server.client(served_account)
    download_company.sync_or_raise(client=client, id=1)
    async_client = AuthenticatedClient(
        base_url=datacollectief_server.base_url,
        user=served_account.user,
        password=served_account.password,
        application_name=served_account.application_name,
    )
    # When the async guard downloads 1..5 (and 1 again) for at most 1 credit
    result = asyncio.run(download_companies_async(async_client, [1, 2, 1, 3, 4, 5], max_credits=1))
    # Then it gets 1 (owned, free) and 2 (1 credit), and leaves the rest
    assert sorted(result.companies) == [1, 2] and result.left == [3, 4, 5]
    assert result.credits_spent == 1
