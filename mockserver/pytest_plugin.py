"""pytest plugin: the DATA-collectief mock in-process (no socket) or as a real server.

Fixtures (all opt-in by name):
- ``datacollectief_mock``: a :class:`MockService` over the in-process app (session-wide).
- ``datacollectief_server``: a :class:`MockService` over a real server process on a free
  loopback port (session-wide), for tests in other processes or languages.
- ``datacollectief_account``: a fresh account with 100 credits on the in-process mock.
- ``datacollectief_client``: the generated client bound to that fresh account.
- ``datacollectief_clock``: the in-process mock, with its clock restored after the test.

For your own fixtures: ``start_server`` starts a server process, ``stop_server`` stops it
(SIGTERM, then SIGKILL for it and its workers when it hangs), ``served_mock`` does both;
``freeze_server`` and ``kill_server`` stop or kill it at once. The process helpers live in
``mockserver.server_process`` and are re-exported here, the documented import path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from .server_process import (
    DEFAULT_COMPANIES,
    freeze_server,
    kill_server,
    start_server,
    stop_server,
)

__all__ = [
    "Credentials",
    "MockService",
    "freeze_server",
    "kill_server",
    "served_mock",
    "start_server",
    "stop_server",
]


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
    return httpx.Client(transport=http._transport, base_url=http.base_url)


_SURFACE_OPTION = "--datacollectief-surface"


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--datacollectief-surface verified`: the fixtures' mock answers the verified surface."""
    parser.addoption(
        _SURFACE_OPTION,
        choices=["full", "verified"],
        default=None,
        help="full: the whole contract (default); verified: only what the public sources show"
        " (inferred operations answer 300, inferred members are left out of answers)",
    )
    parser.addini(
        "datacollectief_surface", "full or verified (see --datacollectief-surface)", default="full"
    )


def _surface(config: pytest.Config) -> str:
    """The surface the fixtures serve: the option, else the ini value."""
    return str(config.getoption(_SURFACE_OPTION) or config.getini("datacollectief_surface"))


@pytest.fixture(scope="session")
def datacollectief_mock(pytestconfig: pytest.Config) -> Iterator[MockService]:
    """The mock in-process: no socket, no subprocess."""
    from starlette.testclient import TestClient

    from mockserver.app import create_app
    from mockserver.inprocess import ReasonPhraseTransport
    from mockserver.settings import Settings

    app = create_app(
        Settings(
            companies=DEFAULT_COMPANIES, validate_responses=True, surface=_surface(pytestconfig)
        )
    )
    with TestClient(app, base_url="http://testserver", raise_server_exceptions=True) as http:
        http._transport = ReasonPhraseTransport(http._transport)
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
        stop_server(process)


@pytest.fixture(scope="session")
def datacollectief_server(pytestconfig: pytest.Config) -> Iterator[MockService]:
    """The mock as a real server process on a free loopback port."""
    surface = ("--surface", _surface(pytestconfig))
    with served_mock(DEFAULT_COMPANIES, "--validate-responses", *surface) as service:
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
