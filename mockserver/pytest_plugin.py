"""pytest plugin: the DATA-collectief mock in-process (no socket) or as a real server.

Fixtures (all opt-in by name):
- ``datacollectief_mock``: a :class:`MockService` over the in-process app (session-wide).
- ``datacollectief_server``: a :class:`MockService` over a real server process on a free
  loopback port (session-wide), for tests in other processes or languages.
- ``datacollectief_account``: a fresh account with 100 credits on the in-process mock.
- ``datacollectief_client``: the generated client bound to that fresh account.
- ``datacollectief_clock``: the in-process mock, with its clock restored after the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

__all__ = ["Credentials", "MockService", "served_mock", "start_server"]

DEFAULT_COMPANIES = int(os.environ.get("DATACOLLECTIEF_MOCK_COMPANIES", "2000"))


@dataclass(frozen=True)
class Credentials:
    """The three query credentials of an API account."""

    user: str
    password: str
    application_name: str

    def query(self) -> dict[str, str]:
        """As query parameters."""
        return {
            "user": self.user,
            "password": self.password,
            "applicationName": self.application_name,
        }


class MockService:
    """A running mock (in-process or server) and its control plane."""

    def __init__(self, http: httpx.Client, base_url: str) -> None:
        self.http = http
        self.base_url = base_url

    def control(self, method: str, path: str, **kwargs: Any) -> Any:
        """Call the control plane; raise on an error answer; return the JSON (or None)."""
        response = self.http.request(method, f"/_mock{path}", **kwargs)
        if response.status_code >= 400:
            raise AssertionError(f"{method} /_mock{path}: {response.status_code} {response.text}")
        return response.json() if response.content else None

    def new_account(
        self, credits: int = 100, subscription: bool = False, **fields: Any
    ) -> Credentials:
        """A fresh main account (its own tenant) with credits."""
        body = {"credits": credits, "subscription": subscription, **fields}
        data = self.control("POST", "/accounts", json=body)
        return Credentials(data["user"], data["password"], data["applicationName"])

    def client(self, credentials: Credentials) -> Any:
        """The generated client bound to an account, over this mock's transport."""
        from datacollectief_client import AuthenticatedClient

        client = AuthenticatedClient(
            base_url=self.base_url,
            user=credentials.user,
            password=credentials.password,
            application_name=credentials.application_name,
        )
        return client.set_httpx_client(_sibling(self.http))

    def clock(self) -> dict[str, Any]:
        """The mock's clock."""
        return dict(self.control("GET", "/clock"))

    def set_clock(
        self, now: str | None = None, *, epoch: int | None = None, frozen: bool | None = None
    ) -> None:
        """Set the clock (`yyyy-MM-dd HH:mm:ss`, Amsterdam, or an epoch)."""
        body: dict[str, Any] = {"now": now} if now is not None else {"epoch": epoch}
        if frozen is not None:
            body["frozen"] = frozen
        self.control("PUT", "/clock", json=body)

    def advance_clock(self, months: int = 0, days: int = 0, seconds: int = 0) -> dict[str, Any]:
        """Move the clock forward."""
        return dict(
            self.control(
                "POST", "/clock/advance", json={"months": months, "days": days, "seconds": seconds}
            )
        )

    def add_credits(self, user: str, credits: int) -> int:
        """Grant credits; returns the balance."""
        return int(
            self.control("POST", f"/accounts/{user}/credits", json={"credits": credits})["balance"]
        )


def _sibling(http: httpx.Client) -> httpx.Client:
    """A new httpx client sharing `http`'s transport and base URL, without its params."""
    return httpx.Client(transport=http._transport, base_url=http.base_url)  # noqa: SLF001


def start_server(
    companies: int = DEFAULT_COMPANIES, *extra: str, workers: int = 1
) -> tuple[subprocess.Popen[str], str]:
    """Start `python -m mockserver serve` on a free loopback port; return it and its URL.

    With `workers` > 1 the server runs that many processes on one database (a temporary file
    unless `extra` names `--db`); it is printed once every worker answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "serve", "--host", "127.0.0.1", "--port", "0",
         "--companies", str(companies), "--workers", str(workers), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    for line in process.stdout:
        if "listening on " in line:
            # Keep reading what the server prints, so a full pipe never blocks it.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process, line.split("listening on ", 1)[1].strip()
    process.kill()
    raise RuntimeError("the mock server exited before it was listening")


@pytest.fixture(scope="session")
def datacollectief_mock() -> Iterator[MockService]:
    """The mock in-process: no socket, no subprocess."""
    from starlette.testclient import TestClient

    from mockserver.app import create_app
    from mockserver.settings import Settings

    app = create_app(Settings(companies=DEFAULT_COMPANIES, validate_responses=True))
    with TestClient(app, base_url="http://testserver", raise_server_exceptions=True) as http:
        yield MockService(http, "http://testserver")


@contextmanager
def served_mock(
    companies: int = DEFAULT_COMPANIES, *extra: str, workers: int = 1
) -> Iterator[MockService]:
    """A real server process (see `start_server`) as a MockService; stopped on exit."""
    process, url = start_server(companies, *extra, workers=workers)
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            yield MockService(http, url)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def datacollectief_server() -> Iterator[MockService]:
    """The mock as a real server process on a free loopback port."""
    with served_mock(DEFAULT_COMPANIES, "--validate-responses") as service:
        yield service


@pytest.fixture
def datacollectief_account(datacollectief_mock: MockService) -> Credentials:
    """A fresh account with 100 credits on the in-process mock."""
    return datacollectief_mock.new_account(credits=100)


@pytest.fixture
def datacollectief_client(
    datacollectief_mock: MockService, datacollectief_account: Credentials
) -> Any:
    """The generated client bound to a fresh account on the in-process mock."""
    return datacollectief_mock.client(datacollectief_account)


@pytest.fixture
def datacollectief_clock(datacollectief_mock: MockService) -> Iterator[MockService]:
    """The in-process mock; its clock is put back after the test."""
    saved = datacollectief_mock.clock()
    yield datacollectief_mock
    datacollectief_mock.set_clock(epoch=saved["epoch"], frozen=saved["frozen"])
