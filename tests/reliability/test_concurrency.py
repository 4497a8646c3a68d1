"""Credits under real concurrency: many simultaneous downloads against a server on a file.

Every test talks to a real `serve --db FILE` process (one worker, or several worker
processes sharing the file) over loopback sockets, sends each burst with every request on
its own open connection (spread over the workers), and reads the outcome back through the
control plane and DownloadStatistics.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mockserver.http.workers import WORKER_HEADER
from tests.support.reliability import (
    Server,
    concurrently,
    live_records,
    new_account,
    running_server,
    snapshot,
)

pytestmark = pytest.mark.server


@pytest.fixture(scope="module", params=[1, 2], ids=lambda n: f"workers{n}")
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A server on a fresh database file, shared by this module's tests (one account each)."""
    db: Path = tmp_path_factory.mktemp("concurrency") / "mock.db"
    with running_server(db, workers=request.param) as running:
        yield running


@pytest.fixture
def http(server: Server) -> Iterator[httpx.Client]:
    """A plain client for the control plane and single API calls."""
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def records(server: Server) -> dict[str, list[int]]:
    """Active company and contact ids of the server's dataset."""
    with httpx.Client(base_url=server.url, timeout=30) as client:
        return live_records(client, new_account(client, credits=0), pages=1, contacts_of=10)


def _assert_every_worker_answered(server: Server, answers: list[httpx.Response]) -> None:
    """With several workers, the burst really raced across processes."""
    if server.workers > 1:
        assert len({answer.headers[WORKER_HEADER] for answer in answers}) == server.workers


def _assert_insufficient_credits(response: httpx.Response) -> None:
    assert response.status_code == 310, response.text
    assert response.headers["X-Error-Status"] == "INSUFFICIENT_CREDITS"
    assert response.json()["Code"] == 310


def test_200_simultaneous_downloads_of_one_company_charge_one_credit(
    server: Server, http: httpx.Client, records: dict[str, list[int]]
) -> None:
    # Given an account with 5 credits and an active company
    account, company = new_account(http, credits=5), records["Company"][0]
    # When it downloads that company two hundred times at once
    answers = concurrently(
        server, [("GET", "/api/Company", {**account.query, "id": company})] * 200
    )
    # Then every download succeeds with the company (on every worker)
    assert Counter(a.status_code for a in answers) == {200: 200}
    _assert_every_worker_answered(server, answers)
    assert {a.json()["Id"] for a in answers} == {company}
    # And exactly one credit was charged, once, in the ledger and in the statistics
    state = snapshot(http, account)
    assert state.ledger_keys("download") == [("Company", company)]
    assert state.balance == 4 == sum(entry["amount"] for entry in state.entries)
    assert state.statistics["CreditsUsed"] == 1
    assert state.statistics["CreditsBalance"] == 4
    # And the account owns the company
    assert state.owned == {"Company": {company}, "Contact": set()}


def test_simultaneous_downloads_beyond_the_balance_charge_exactly_the_balance(
    server: Server, http: httpx.Client, records: dict[str, list[int]]
) -> None:
    # Given an account with k = 23 credits and N = 60 active companies
    credits, companies = 23, records["Company"][20:80]
    account = new_account(http, credits=credits)
    # When it downloads N = 60 different companies at once
    answers = concurrently(
        server, [("GET", "/api/Company", {**account.query, "id": cid}) for cid in companies]
    )
    # Then exactly k downloads succeed and the other N - k are refused with 310
    _assert_every_worker_answered(server, answers)
    served = {
        cid for cid, answer in zip(companies, answers, strict=True) if answer.status_code == 200
    }
    refused = [answer for answer in answers if answer.status_code != 200]
    assert len(served) == credits
    assert len(refused) == len(companies) - credits
    for answer in refused:
        _assert_insufficient_credits(answer)
    # And the ledger holds one charge per served company and nothing else; the balance is 0
    state = snapshot(http, account)
    assert sorted(state.ledger_keys("download")) == sorted(("Company", cid) for cid in served)
    assert state.ledger_keys("acquired") == [(None, None)]
    assert state.balance == 0 == sum(entry["amount"] for entry in state.entries)
    assert (state.statistics["CreditsUsed"], state.statistics["CreditsBalance"]) == (credits, 0)
    # And the account owns exactly the served companies
    assert state.owned == {"Company": served, "Contact": set()}


def test_two_tenants_downloading_the_same_records_at_once_are_charged_separately(
    server: Server, http: httpx.Client, records: dict[str, list[int]]
) -> None:
    # Given two accounts with 10 credits each, 4 active companies and 4 active contacts
    first, second = new_account(http, credits=10), new_account(http, credits=10)
    companies, contacts = set(records["Company"][:4]), set(records["Contact"][:4])
    # When both download each of those 8 records 10 times, all at once
    wanted = [("/api/Company", cid) for cid in companies] + [
        ("/api/Contact", cid) for cid in contacts
    ]
    calls = [
        ("GET", path, {**account.query, "id": rid})
        for account in (first, second)
        for path, rid in wanted
        for _ in range(10)
    ]
    answers = concurrently(server, calls)
    # Then all succeed
    assert Counter(a.status_code for a in answers) == {200: len(calls)}
    _assert_every_worker_answered(server, answers)
    # And each account paid each record exactly once, from its own balance
    for account in (first, second):
        state = snapshot(http, account)
        assert Counter(state.ledger_keys("download")) == Counter(
            {("Company", cid): 1 for cid in companies} | {("Contact", cid): 1 for cid in contacts}
        )
        assert state.balance == 2 == state.statistics["CreditsBalance"]
        assert state.owned == {"Company": companies, "Contact": contacts}
