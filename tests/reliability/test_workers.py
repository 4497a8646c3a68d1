"""`serve --workers 2` on one database file: every worker keeps the same clock, limits,
journal, downloads and credits, whichever worker a request lands on."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator, Sequence
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any
from unittest.mock import patch

import httpx
import pytest

from mockserver.app import create_backend, ensure_demo_account
from mockserver.domain.contributions import ContactOffer
from mockserver.domain.errors import DomainError, ErrorCode
from mockserver.http.workers import WORKER_HEADER
from mockserver.pytest_plugin import start_server, stop_server
from mockserver.settings import DEMO, Settings

pytestmark = pytest.mark.server

WORKERS = 2
#: Keep-alive connections held open to each worker while a test sends its requests.
PER_WORKER = 3
#: New connections tried before concluding that a worker never answers.
MAX_CONNECTIONS = 60

CSRF = re.compile(r'name="csrf" value="([^"]+)"')

Call = tuple[str, str, dict[str, Any]]
DEMO_QUERY = {
    "user": DEMO.user,
    "password": DEMO.password,
    "applicationName": DEMO.application_name,
}


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Given: `serve --workers 2 --db FILE` running as a real process."""
    db: Path = tmp_path_factory.mktemp("workers") / "mock.db"
    process, address = start_server(300, "--db", str(db), workers=WORKERS)
    try:
        yield address
    finally:
        stop_server(process, timeout=15)


@pytest.fixture
def http(url: str) -> Iterator[httpx.Client]:
    """A control-plane client; limits and the clock are put back after each test."""
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
        client.put("/_mock/limits", json={})
        client.put("/_mock/clock", json={"epoch": 1_780_000_000, "frozen": False})


async def _by_worker(url: str, stack: AsyncExitStack) -> list[list[httpx.AsyncClient]]:
    """Clients of one keep-alive connection each, PER_WORKER of them per worker."""
    by_worker: dict[str, list[httpx.AsyncClient]] = {}
    for _ in range(MAX_CONNECTIONS):
        client = await stack.enter_async_context(
            httpx.AsyncClient(base_url=url, timeout=30, limits=httpx.Limits(max_connections=1))
        )
        worker = (await client.get("/_mock/clock")).headers[WORKER_HEADER]
        by_worker.setdefault(worker, []).append(client)
        if len(by_worker) == WORKERS and all(len(c) >= PER_WORKER for c in by_worker.values()):
            break
    else:
        raise AssertionError(f"connections reached only workers {sorted(by_worker)}")
    return [clients[:PER_WORKER] for clients in by_worker.values()]


async def _on_every_worker(url: str, calls: Sequence[Call]) -> list[httpx.Response]:
    async with AsyncExitStack() as stack:
        # Interleave the workers, so that consecutive calls go to different processes.
        pools = await _by_worker(url, stack)
        clients = [client for group in zip(*pools, strict=True) for client in group]
        return await asyncio.gather(
            *(
                clients[i % len(clients)].request(method, path, **kwargs)
                for i, (method, path, kwargs) in enumerate(calls)
            )
        )


def on_every_worker(url: str, calls: Sequence[Call]) -> list[httpx.Response]:
    """Send the calls at once, spread round-robin over connections held to every worker."""
    return asyncio.run(_on_every_worker(url, calls))


def workers_of(answers: Sequence[httpx.Response]) -> set[str]:
    """The workers (process ids) that answered."""
    return {answer.headers[WORKER_HEADER] for answer in answers}


def new_account(http: httpx.Client, credits: int) -> dict[str, str]:
    """A fresh account's query credentials."""
    response = http.post("/_mock/accounts", json={"credits": credits})
    assert response.status_code == 201, response.text
    data = response.json()
    return {
        "user": data["user"],
        "password": data["password"],
        "applicationName": data["applicationName"],
    }


def test_both_workers_answer_and_name_themselves(url: str) -> None:
    # When many Version requests arrive at once
    answers = on_every_worker(url, [("GET", "/api/Version", {"params": DEMO_QUERY})] * 12)
    # Then two distinct worker processes answered, each naming its process id
    assert len(workers_of(answers)) == WORKERS
    assert all(worker.isdigit() for worker in workers_of(answers))


def test_a_clock_set_through_one_worker_is_seen_by_every_worker(
    url: str, http: httpx.Client
) -> None:
    # Given the clock frozen through the control plane (on whichever worker takes it)
    http.put("/_mock/clock", json={"now": "2027-03-01 12:00:00", "frozen": True})
    moment = http.get("/_mock/clock").json()["epoch"]
    # When every worker is asked for the time
    answers = on_every_worker(url, [("GET", "/_mock/clock", {})] * 12)
    # Then every worker tells the same frozen moment
    assert {answer.json()["epoch"] for answer in answers} == {moment}
    assert all(answer.json()["frozen"] for answer in answers)
    # And when the clock is advanced a day through one worker, every worker is a day on
    advanced = http.post("/_mock/clock/advance", json={"days": 1}).json()["epoch"]
    answers = on_every_worker(url, [("GET", "/_mock/clock", {})] * 12)
    assert advanced == moment + 86400
    assert {answer.json()["epoch"] for answer in answers} == {advanced}


def test_concurrent_advances_on_different_workers_all_count(url: str, http: httpx.Client) -> None:
    # Given a frozen clock
    http.put("/_mock/clock", json={"epoch": 1_800_000_000, "frozen": True})
    # When ten one-hour advances arrive at once, on both workers
    calls: list[Call] = [("POST", "/_mock/clock/advance", {"json": {"seconds": 3600}})] * 10
    answers = on_every_worker(url, calls)
    # Then both workers advanced, and none is lost: the clock moved ten hours
    assert len(workers_of(answers)) == WORKERS
    assert all(answer.status_code == 200 for answer in answers)
    assert http.get("/_mock/clock").json()["epoch"] == 1_800_000_000 + 10 * 3600


def test_an_hourly_limit_set_through_one_worker_holds_across_workers(
    url: str, http: httpx.Client
) -> None:
    # Given a fresh account and an hourly limit of 8 requests, set through the control plane
    account = new_account(http, credits=0)
    assert http.put("/_mock/limits", json={"perHour": 8}).json()["perHour"] == 8
    # When 16 requests of the account arrive at once
    answers = on_every_worker(url, [("GET", "/api/DownloadStatistics", {"params": account})] * 16)
    # Then both workers answered, and exactly 8 passed in all: the rest got 312
    assert len(workers_of(answers)) == WORKERS
    codes = sorted(
        200 if answer.status_code == 200 else answer.json()["Code"] for answer in answers
    )
    assert codes == [200] * 8 + [312] * 8


def test_the_journal_shows_the_requests_of_every_worker(url: str, http: httpx.Client) -> None:
    # Given an empty journal
    assert http.delete("/_mock/journal").status_code == 204
    # When free CompanyLimited requests, each for another company, land on both workers
    marked: list[Call] = [
        ("GET", "/api/CompanyLimited", {"params": {**DEMO_QUERY, "id": str(company)}})
        for company in range(1, 13)
    ]
    answers = on_every_worker(url, marked)
    served_by = {
        answer.request.url.params["id"]: answer.headers[WORKER_HEADER] for answer in answers
    }
    # Then the journal read through one worker lists every one, naming the worker that served
    # it, with the password masked
    entries = http.get("/_mock/journal", params={"limit": 1000}).json()
    seen: dict[str, str] = {}
    for entry in entries:
        assert DEMO.password not in entry["query"]
        if entry["path"] == "/api/CompanyLimited":
            company = dict(part.split("=", 1) for part in entry["query"].split("&"))["id"]
            seen[company] = str(entry["worker"])
    assert seen == served_by
    assert len(set(seen.values())) == WORKERS


def test_downloads_and_credits_stay_consistent_across_workers(url: str, http: httpx.Client) -> None:
    # Given an account with 5 credits and 10 active companies
    account = new_account(http, credits=5)
    listing = http.get(
        "/api/CompanyList", params={**account, "pageNr": 1, "recordsPerPage": 100}
    ).json()
    ids = [item["Id"] for item in listing["Companies"] if not item["Deleted"]][:10]
    # When each company is downloaded twice, all at once, on both workers
    calls: list[Call] = [
        ("GET", "/api/Company", {"params": {**account, "id": company}})
        for company in ids
        for _ in range(2)
    ]
    answers = on_every_worker(url, calls)
    # Then both workers served, and exactly 5 companies were bought, each charged once
    assert len(workers_of(answers)) == WORKERS
    bought = {int(a.json()["Id"]) for a in answers if a.status_code == 200}
    refused = [a.json()["Code"] for a in answers if a.status_code != 200]
    assert len(bought) == 5 and set(refused) == {310}
    ledger = http.get(f"/_mock/accounts/{account['user']}/ledger").json()
    owned = http.get(f"/_mock/accounts/{account['user']}/owned").json()
    assert ledger["balance"] == 0
    assert {item["id"] for item in owned["companies"]} == bought
    spent = [e for e in ledger["entries"] if e["amount"] < 0]
    assert sorted(e["subjectId"] for e in spent) == sorted(bought)


def test_concurrent_resets_on_both_workers_leave_one_demo_account(
    url: str, http: httpx.Client
) -> None:
    # When four resets arrive at once, on both workers
    answers = on_every_worker(url, [("POST", "/_mock/reset", {})] * 4)
    # Then every reset succeeded and the demo account exists once, with its credits
    assert [answer.status_code for answer in answers] == [204] * 4
    ledger = http.get(f"/_mock/accounts/{DEMO.user}/ledger").json()
    assert ledger["balance"] == DEMO.credits
    assert http.get("/api/Version", params=DEMO_QUERY).status_code == 200


async def _portal_across_workers(url: str) -> tuple[int, str]:
    async with AsyncExitStack() as stack:
        (first, *_), (second, *_) = await _by_worker(url, stack)
        # The sign-in form (and its CSRF cookie) from one worker ...
        form = await first.get("/mijn/inloggen")
        token = CSRF.search(form.text)
        assert token is not None
        # ... is posted to the other, and the session it starts is used on the first again
        second.cookies.update(first.cookies)
        signed_in = await second.post(
            "/mijn/inloggen",
            data={"csrf": token[1], "email": DEMO.user, "wachtwoord": DEMO.portal_password},
        )
        first.cookies.update(signed_in.cookies)
        page = await first.get("/mijn/applicaties")
        return signed_in.status_code, page.text if page.status_code == 200 else ""


def test_a_portal_session_started_on_one_worker_holds_on_the_other(url: str) -> None:
    # When the portal's sign-in form of one worker is posted to the other, and the session
    # it starts is used on the first
    status, page = asyncio.run(_portal_across_workers(url))
    # Then the sign-in was accepted (a redirect) and the first worker knows the user
    assert status == 303
    assert DEMO.user in page


def test_a_worker_started_after_a_contact_was_offered_removes_it_on_reset(
    tmp_path: Path,
) -> None:
    # Given a contact offered through one worker's backend on a database file
    settings = Settings(db=str(tmp_path / "mock.db"), companies=300, workers=WORKERS)
    first = create_backend(settings)
    new = first.create_account(credits=0)
    account = first.authenticate(new.user, new.password, new.application_name, "127.0.0.1")
    offer = ContactOffer(1, "Jansen", "Piet", 1, "Directeur", "piet@example.nl")
    outcome = first.offer_contact(account, offer)
    assert outcome.status == "Accepted" and outcome.contact_id is not None
    # When a worker that started later resets the state
    later = create_backend(settings, join=True)
    later.reset()
    # Then the offered contact is gone too
    gone = first.conn.execute("SELECT 1 FROM contacts WHERE id = ?", (outcome.contact_id,))
    assert gone.fetchone() is None
    first.conn.close()
    later.conn.close()


def test_a_demo_account_created_by_another_worker_meanwhile_is_kept(tmp_path: Path) -> None:
    # Given two workers' backends on one database file, and the demo account created by
    # the first just after the second looked for it and found none
    settings = Settings(db=str(tmp_path / "mock.db"), companies=300, workers=WORKERS)
    first = create_backend(settings)
    later = create_backend(settings, join=True)
    first.reset()
    looked = iter([DomainError(ErrorCode.UNKNOWN_LICENSE_NAME)])

    def account_id(user: str) -> int:
        error = next(looked, None)
        if error is not None:
            ensure_demo_account(first)
            raise error
        return first.account_id(user)

    # When the second ensures the demo account
    with patch.object(later, "account_id", account_id):
        ensure_demo_account(later)
    # Then that is no error, and the account is there once, with its credits
    assert first.ledger(DEMO.user)[0]["amount"] == DEMO.credits
    assert len(first.ledger(DEMO.user)) == 1
    first.conn.close()
    later.conn.close()
