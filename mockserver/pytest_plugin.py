"""pytest plugin: the DATA-collectief mock in-process (no socket) or as a real server.

Fixtures (all opt-in by name):
- ``datacollectief_mock``: a :class:`MockService` over the in-process app (session-wide).
- ``datacollectief_server``: a :class:`MockService` over a real server process on a free
  loopback port (session-wide), for tests in other processes or languages.
- ``datacollectief_account``: a fresh account with 100 credits on the in-process mock.
- ``datacollectief_client``: the generated client bound to that fresh account.
- ``datacollectief_clock``: the in-process mock, with its clock restored after the test.

For your own fixtures: ``start_server`` starts a server process, ``stop_server`` stops it
(SIGTERM, then SIGKILL for it and its workers when it hangs), ``served_mock`` does both.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

__all__ = [
    "Credentials",
    "MockService",
    "freeze_server",
    "kill_server",
    "served_mock",
    "start_server",
    "stop_server",
]

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
    return httpx.Client(transport=http._transport, base_url=http.base_url)


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


def _children(pid: int) -> list[int]:
    """The direct children of a process (Linux /proc; none found elsewhere)."""
    found = []
    with suppress(OSError):
        entries = os.listdir("/proc")
        for entry in entries:
            if not entry.isdigit():
                continue
            with suppress(OSError, IndexError, ValueError):
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    # The fields after the parenthesised command: state, ppid, ...
                    fields = stat.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry))
    return found


def _tree(pid: int) -> list[int]:
    """A process and all its descendants, parents first."""
    pids, index = [pid], 0
    while index < len(pids):
        pids.extend(_children(pids[index]))
        index += 1
    return pids


def _started(pid: int) -> str | None:
    """When a process started (Linux /proc), to tell it from a later one with its pid."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _is_group_leader(process: subprocess.Popen[Any]) -> bool:
    try:
        return os.getpgid(process.pid) == process.pid
    except ProcessLookupError:
        return False


def freeze_server(process: subprocess.Popen[Any]) -> None:
    """SIGSTOP a server and every worker: from now on it does nothing, as if dead."""
    if _is_group_leader(process):
        os.killpg(process.pid, signal.SIGSTOP)
        return
    os.kill(process.pid, signal.SIGSTOP)  # the supervisor first: stopped, it restarts no worker
    for child in _tree(process.pid)[1:]:
        with suppress(ProcessLookupError):
            os.kill(child, signal.SIGSTOP)


def kill_server(process: subprocess.Popen[Any]) -> None:
    """SIGKILL a server and every worker (frozen first, so all die at one moment)."""
    if process.poll() is None:
        freeze_server(process)
        if _is_group_leader(process):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            for member in _tree(process.pid):  # listed before the first kill orphans them
                with suppress(ProcessLookupError):
                    os.kill(member, signal.SIGKILL)
    process.wait(timeout=10)


def stop_server(process: subprocess.Popen[Any], timeout: float = 10) -> None:
    """Stop a server from `start_server` with its workers: SIGTERM, and SIGKILL for the
    server and every worker when it has not stopped within `timeout` seconds."""
    if process.poll() is not None:
        return
    workers = {pid: _started(pid) for pid in _tree(process.pid)[1:]}
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_server(process)
    for pid, started in workers.items():  # a worker its supervisor left behind
        if started is not None and _started(pid) == started:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


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
