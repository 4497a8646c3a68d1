"""A reset while a request is under way: the request answers 301, never a 500.

Authentication comes first, then a fault's latency, then the operation; a reset in between
(`POST /_mock/reset`, or another worker's at any moment) removes the caller's account. Every
account-scoped operation must then refuse with 301 (the account no longer exists) instead of
reading a row that is gone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from mockserver.app import create_app, create_backend
from mockserver.domain.accounts import Account
from mockserver.domain.backend import Backend
from mockserver.domain.contributions import ContactOffer
from mockserver.domain.errors import DomainError, ErrorCode
from mockserver.domain.records import COMPANY, CONTACT
from mockserver.http import faults as wire_faults
from mockserver.settings import Settings

#: Every account-scoped operation of the backend, called as the authenticated `account`.
OPERATIONS: dict[str, Callable[[Backend, Account], object]] = {
    "RegisterAccount": lambda b, a: b.register_account(a, "new@example.nl", "ABCD-1234"),
    "DownloadStatistics": lambda b, a: b.download_statistics(a),
    "Company": lambda b, a: b.download(a, COMPANY, 1),
    "Contact": lambda b, a: b.download(a, CONTACT, 1),
    "UrlCompanySelection": lambda b, a: b.selection_token(a),
    "CompanySelection": lambda b, a: b.selection_page(a, 1, 1),
    "ContactNew": lambda b, a: b.offer_contact(
        a, ContactOffer(1, "Jansen", "Piet", 1, "Directeur", "piet@example.nl")
    ),
    "UserFeedbackCompany": lambda b, a: b.send_feedback(a, COMPANY, 1, None, "Moved", None, {}),
    "WebsiteleadsWebsites": lambda b, a: b.websites(a),
    "WebsiteleadsLeads": lambda b, a: b.leads(
        a, "example.nl", "2026-01-01 00:00:00", "2026-01-31 00:00:00"
    ),
}


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Backend, Backend]]:
    """Given: two workers' backends on one database file."""
    settings = Settings(
        db=str(tmp_path_factory.mktemp("reset") / "mock.db"), companies=300, workers=2
    )
    first = create_backend(settings)
    other = create_backend(settings, join=True)
    yield first, other
    first.conn.close()
    other.conn.close()


def _signed_in(backend: Backend, credits: int = 10) -> Account:
    """Given: a fresh account, authenticated (as a request does before its operation)."""
    new = backend.create_account(credits=credits)
    return backend.authenticate(new.user, new.password, new.application_name, "127.0.0.1")


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_an_operation_after_another_workers_reset_is_301(
    workers: tuple[Backend, Backend], operation: str
) -> None:
    first, other = workers
    account = _signed_in(first)
    # When the other worker resets between the authentication and the operation
    other.reset()
    # Then the operation refuses with 301: the account no longer exists
    with pytest.raises(DomainError) as refused:
        OPERATIONS[operation](first, account)
    assert refused.value.code == ErrorCode.UNKNOWN_LICENSE_NAME
    assert refused.value.detail == "The account no longer exists."


def test_a_new_account_on_the_reused_id_is_not_touched(workers: tuple[Backend, Backend]) -> None:
    first, other = workers
    stale = _signed_in(first)
    # Given a reset, then a new account that took over the same id
    other.reset()
    new = other.create_account(credits=5)
    assert new.id == stale.id
    # When the stale request downloads
    with pytest.raises(DomainError) as refused:
        first.download(stale, COMPANY, 1)
    # Then it is refused, and the new account's credits are untouched
    assert refused.value.code == ErrorCode.UNKNOWN_LICENSE_NAME
    assert other.ledger(new.user)[-1]["amount"] == 5
    assert len(other.ledger(new.user)) == 1


class _HeldLatency:
    """Stands in for a fault's latency: tells the test the request waits, then waits until
    the test lets it go (so the reset surely falls inside the latency)."""

    def __init__(self) -> None:
        self.waiting = asyncio.Event()
        self.release = asyncio.Event()

    async def sleep(self, _seconds: float) -> None:
        self.waiting.set()
        await self.release.wait()


async def _download_across_a_reset(app: Any, latency: _HeldLatency) -> httpx.Response:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as http:
        created = await http.post("/_mock/accounts", json={"credits": 5})
        assert created.status_code == 201, created.text
        query = {k: created.json()[k] for k in ("user", "password", "applicationName")}
        fault = {"operation": "downloadCompany", "latencyMs": 1000}
        assert (await http.post("/_mock/faults", json=fault)).status_code == 201
        # When a download waits out its latency and the state is reset meanwhile
        download = asyncio.create_task(http.get("/api/Company", params={**query, "id": 1}))
        await latency.waiting.wait()
        assert (await http.post("/_mock/reset")).status_code == 204
        latency.release.set()
        return await download


def test_a_reset_during_a_latency_fault_answers_301(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given an in-process mock with a latency fault on downloadCompany
    app = create_app(Settings(companies=300))
    latency = _HeldLatency()
    monkeypatch.setattr(wire_faults, "asyncio", SimpleNamespace(sleep=latency.sleep))
    response = asyncio.run(_download_across_a_reset(app, latency))
    # Then the download answers 301 in the service's format, not a 500
    assert response.status_code == 301, response.text
    assert response.headers["X-Error-Status"] == "UNKNOWN_LICENSE_NAME"
    body = response.json()
    assert (body["Code"], body["Status"]) == (301, "UNKNOWN_LICENSE_NAME")
    assert "no longer exists" in body["MessageDetail"]
