"""pytest plugin: the DATA-collectief mock in-process (no socket) or as a real server.

Fixtures (all opt-in by name):
- ``datacollectief_mock``: a :class:`MockService` over the in-process app (session-wide:
  what a test changes through it stays for later tests).
- ``datacollectief_isolated``: the same mock; everything the test changes (accounts,
  credits, clock, faults, limits, companies, the journal) is undone when it ends.
- ``datacollectief_server``: a :class:`MockService` over a real server process on a free
  loopback port (session-wide), for tests in other processes or languages.
- ``datacollectief_account``: a fresh account with 100 credits on the isolated mock.
- ``datacollectief_client``: the generated client bound to that fresh account.
- ``datacollectief_async_client``: the same with an ``httpx.AsyncClient`` (async fixture,
  for tests marked ``@pytest.mark.anyio``).
- ``datacollectief_clock``: the isolated mock, for tests that move its clock.

The in-process mock hashes passwords at a cheap scrypt cost (``Settings.password_cost``),
a server at full cost unless told otherwise.

For your own fixtures: ``inprocess_mock`` makes an in-process mock (with another dataset
size or surface); ``start_server`` starts a server process, ``stop_server`` stops it
(SIGTERM, then SIGKILL for it and its workers when it hangs), ``served_mock`` does both;
``freeze_server`` and ``kill_server`` stop or kill it at once. The process helpers live in
``mockserver.server_process`` and are re-exported here, the documented import path.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from .server_process import (
    DEFAULT_COMPANIES,
    freeze_server,
    kill_server,
    start_server,
    stop_server,
)

if TYPE_CHECKING:
    from starlette.types import ASGIApp

    from datacollectief_client import AuthenticatedClient

    from .isolation import Isolation

__all__ = [
    "Credentials",
    "MockService",
    "freeze_server",
    "inprocess_mock",
    "kill_server",
    "served_mock",
    "start_server",
    "stop_server",
]

#: The base URL of the in-process mock (no socket: any host would do).
INPROCESS_URL = "http://testserver"


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

    def __init__(
        self,
        http: httpx.Client,
        base_url: str,
        *,
        app: ASGIApp | None = None,
        async_transport: Callable[[], httpx.AsyncBaseTransport] | None = None,
        isolation: Isolation | None = None,
        create_account: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> None:
        self.http = http
        self.base_url = base_url
        #: The ASGI app of an in-process mock (None for a server).
        self.app = app
        self._async_transport = async_transport
        self._isolation = isolation
        self._create_account = create_account

    @contextmanager
    def isolated(self) -> Iterator[MockService]:
        """Undo, on leaving, everything done to the in-process mock meanwhile."""
        if self._isolation is None:
            raise TypeError("Only the in-process mock (datacollectief_mock) can be isolated.")
        with self._isolation.isolated():
            yield self

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
        if self._create_account is not None:  # in-process: the handler without HTTP
            data = self._create_account(body)
        else:
            data = self.control("POST", "/accounts", json=body)
        return Credentials(data["user"], data["password"], data["applicationName"])

    def client(self, credentials: Credentials) -> AuthenticatedClient:
        """The generated client bound to an account, over this mock's transport."""
        return _authenticated(self.base_url, credentials).set_httpx_client(_sibling(self.http))

    def async_client(self, credentials: Credentials) -> AuthenticatedClient:
        """The generated client bound to an account, with an `httpx.AsyncClient` (in-process:
        the app runs on the caller's event loop); close it with `aclose()` on its client."""
        transport = self._async_transport() if self._async_transport is not None else None
        http = httpx.AsyncClient(transport=transport, base_url=self.base_url, timeout=30)
        return _authenticated(self.base_url, credentials).set_async_httpx_client(http)

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


def _authenticated(base_url: str, credentials: Credentials) -> AuthenticatedClient:
    from datacollectief_client import AuthenticatedClient

    return AuthenticatedClient(
        base_url=base_url,
        user=credentials.user,
        password=credentials.password,
        application_name=credentials.application_name,
    )


def _sibling(http: httpx.Client) -> httpx.Client:
    """A new httpx client sharing `http`'s transport and base URL, without its params."""
    return httpx.Client(transport=http._transport, base_url=http.base_url)


_SURFACE_OPTION = "--datacollectief-surface"
_NOW_OPTION = "--datacollectief-now"


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
    parser.addoption(
        _NOW_OPTION,
        default=None,
        help="start the fixtures' clock at this moment ('yyyy-MM-dd HH:mm:ss', Amsterdam time,"
        " or UTC epoch seconds), standing still: every run answers alike (default: the wall"
        " clock, running)",
    )
    parser.addini("datacollectief_now", "see --datacollectief-now", default="")


def _surface(config: pytest.Config) -> str:
    """The surface the fixtures serve: the option, else the ini value."""
    return str(config.getoption(_SURFACE_OPTION) or config.getini("datacollectief_surface"))


def _now(config: pytest.Config) -> int | None:
    """The fixtures' fixed start (UTC epoch seconds): the option, else the ini value, else None."""
    text = str(config.getoption(_NOW_OPTION) or config.getini("datacollectief_now") or "")
    if not text.strip():
        return None
    from .domain.clock import parse_moment

    try:
        return parse_moment(text)
    except ValueError as error:
        raise pytest.UsageError(f"{_NOW_OPTION}: {error}") from None


@contextmanager
def inprocess_mock(
    companies: int = DEFAULT_COMPANIES,
    surface: str = "full",
    *,
    validate_responses: bool = True,
    now: int | None = None,
) -> Iterator[MockService]:
    """The mock in-process, as `datacollectief_mock` has it: no socket, no subprocess, the
    app on one event loop in a thread, passwords hashed at the cheap cost, tokens from a fixed
    random seed; with `now` (UTC epoch seconds) its clock starts there and stands still.
    Closed on exit."""
    from mockserver.app import create_app
    from mockserver.inprocess import InProcessApp
    from mockserver.inprocess_control import direct_new_account
    from mockserver.isolation import Isolation
    from mockserver.settings import Settings

    settings = Settings(
        companies=companies,
        validate_responses=validate_responses,
        surface=surface,
        password_cost="cheap",  # in-process, for tests only: see Settings.password_cost
        random_seed=1,
        start=now,
        frozen_clock=now is not None,
    )
    app = create_app(settings)
    with (
        InProcessApp(app) as runner,
        httpx.Client(transport=runner.transport(), base_url=INPROCESS_URL) as http,
    ):
        yield MockService(
            http,
            INPROCESS_URL,
            app=app,
            async_transport=runner.async_transport,
            isolation=Isolation(app.backend, app.journal),
            create_account=direct_new_account(app.backend, app.journal),
        )


@pytest.fixture(scope="session")
def datacollectief_mock(pytestconfig: pytest.Config) -> Iterator[MockService]:
    """The mock in-process: no socket, no subprocess, one event loop in a thread."""
    with inprocess_mock(
        DEFAULT_COMPANIES, _surface(pytestconfig), now=_now(pytestconfig)
    ) as service:
        yield service


@pytest.fixture
def datacollectief_isolated(datacollectief_mock: MockService) -> Iterator[MockService]:
    """The in-process mock; whatever the test changes is undone when it ends."""
    with datacollectief_mock.isolated() as service:
        yield service


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
    now = _now(pytestconfig)
    fixed = ("--now", str(now), "--frozen-clock", "--random-seed", "1") if now is not None else ()
    with served_mock(DEFAULT_COMPANIES, "--validate-responses", *surface, *fixed) as service:
        yield service


@pytest.fixture
def datacollectief_account(datacollectief_isolated: MockService) -> Credentials:
    """A fresh account with 100 credits on the isolated in-process mock."""
    return datacollectief_isolated.new_account(credits=100)


@pytest.fixture
def datacollectief_client(
    datacollectief_isolated: MockService, datacollectief_account: Credentials
) -> AuthenticatedClient:
    """The generated client bound to a fresh account on the isolated in-process mock."""
    return datacollectief_isolated.client(datacollectief_account)


@pytest.fixture
async def datacollectief_async_client(
    datacollectief_isolated: MockService, datacollectief_account: Credentials
) -> AsyncIterator[AuthenticatedClient]:
    """`datacollectief_client` with an `httpx.AsyncClient`, the app on the test's loop."""
    client = datacollectief_isolated.async_client(datacollectief_account)
    try:
        yield client
    finally:
        await client.get_async_httpx_client().aclose()


@pytest.fixture
def datacollectief_clock(datacollectief_isolated: MockService) -> MockService:
    """The isolated in-process mock: its clock (like everything else) is put back after."""
    return datacollectief_isolated
