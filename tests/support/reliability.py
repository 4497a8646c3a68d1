"""Helpers for the reliability tests: real servers on a database file, accounts, hard kills."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from mockserver.http.workers import WORKER_HEADER
from mockserver.pytest_plugin import freeze_server, kill_server, start_server, stop_server

__all__ = [
    "COMPANIES",
    "Account",
    "Server",
    "Call",
    "Snapshot",
    "concurrently",
    "freeze",
    "kill_hard",
    "live_records",
    "new_account",
    "running_server",
    "snapshot",
    "spread_connections",
    "start_on_file",
    "stop",
]

#: Dataset size of the reliability servers: small, so a server starts in a second or two.
COMPANIES = 300


@dataclass(frozen=True)
class Server:
    """A running `serve` process (with its workers) on a database file."""

    process: subprocess.Popen[str]
    url: str
    db: Path
    workers: int


@dataclass(frozen=True)
class Account:
    """A fresh account: its user name and the three query credentials."""

    user: str
    query: dict[str, str]


def start_on_file(db: Path, workers: int = 1, companies: int = COMPANIES) -> Server:
    """Start `serve --db FILE --workers N` on a free loopback port."""
    process, url = start_server(companies, "--db", str(db), workers=workers)
    return Server(process, url, db, workers)


def freeze(server: Server) -> None:
    """SIGSTOP the server and every worker: from now on it does nothing, as if dead."""
    freeze_server(server.process)


def kill_hard(server: Server) -> None:
    """SIGKILL the server and every worker (frozen first, so all die at one moment)."""
    kill_server(server.process)


def stop(server: Server) -> None:
    """Stop a server gracefully (SIGTERM), or hard when it does not stop in time."""
    stop_server(server.process)


@contextmanager
def running_server(db: Path, workers: int = 1) -> Iterator[Server]:
    """A server on `db` for the duration of the block; stopped (or killed) afterwards."""
    server = start_on_file(db, workers)
    try:
        yield server
    finally:
        stop(server)


#: One API request: method, path and query parameters.
Call = tuple[str, str, dict[str, Any]]


#: One TLS context for every client: building one per client costs milliseconds each.
_TLS = ssl.create_default_context()


async def _connect(stack: AsyncExitStack, url: str) -> tuple[httpx.AsyncClient, str]:
    """A client holding one open keep-alive connection, and the worker that accepted it."""
    client = await stack.enter_async_context(
        httpx.AsyncClient(
            base_url=url, limits=httpx.Limits(max_connections=1), timeout=60, verify=_TLS
        )
    )
    response = await client.get("/_mock/clock")
    assert response.status_code == 200, response.text
    return client, response.headers.get(WORKER_HEADER, "")


async def spread_connections(
    stack: AsyncExitStack, server: Server, count: int
) -> list[httpx.AsyncClient]:
    """`count` open connections, each worker holding at least half its fair share of them."""
    opened = list(await asyncio.gather(*(_connect(stack, server.url) for _ in range(count))))
    share = max(1, count // (2 * server.workers))
    for _ in range(4 * count):
        by_worker = Counter(worker for _, worker in opened)
        if server.workers == 1 or (
            len(by_worker) == server.workers and min(by_worker.values()) >= share
        ):
            return [client for client, _ in opened]
        extra = await _connect(stack, server.url)
        if by_worker[extra[1]] < share:
            busiest = by_worker.most_common(1)[0][0]
            opened[next(i for i, (_, w) in enumerate(opened) if w == busiest)] = extra
    raise AssertionError(f"{count} connections did not reach all {server.workers} workers")


async def _all_at_once(server: Server, calls: Sequence[Call]) -> list[httpx.Response]:
    async with AsyncExitStack() as stack:
        clients = await spread_connections(stack, server, len(calls))
        return await asyncio.gather(
            *(
                client.request(method, path, params=params)
                for client, (method, path, params) in zip(clients, calls, strict=True)
            )
        )


def concurrently(server: Server, calls: Sequence[Call]) -> list[httpx.Response]:
    """When: every call is sent at once, each on its own open connection, the connections
    spread over every worker of the server; the answers come in call order."""
    return asyncio.run(_all_at_once(server, calls))


def new_account(http: httpx.Client, credits: int) -> Account:
    """Given: a fresh account (its own tenant) with `credits` credits, via the control plane."""
    response = http.post("/_mock/accounts", json={"credits": credits})
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    query = {
        "user": data["user"],
        "password": data["password"],
        "applicationName": data["applicationName"],
    }
    return Account(data["user"], query)


def live_records(
    http: httpx.Client, account: Account, pages: int = 1, contacts_of: int = 10
) -> dict[str, list[int]]:
    """Active companies of the first CompanyList pages (100 each, by id) and the active
    contacts of the first `contacts_of` of them, read with the free operations."""
    companies: list[int] = []
    for page in range(1, pages + 1):
        listing = _get(http, "/api/CompanyList", **account.query, pageNr=page, recordsPerPage=100)
        companies += [item["Id"] for item in listing["Companies"] if not item["Deleted"]]
    contacts: list[int] = []
    for company in companies[:contacts_of]:
        listing = _get(http, "/api/ContactList", **account.query, id=company)
        contacts += [item["ID"] for item in listing["Contacts"] if not item["Deleted"]]
    return {"Company": companies, "Contact": contacts}


@dataclass(frozen=True)
class Snapshot:
    """What the server holds for an account: ledger, ownership, feedback and statistics."""

    entries: list[dict[str, Any]]
    balance: int
    owned: dict[str, set[int]]
    feedback_ids: set[int]
    statistics: dict[str, Any]

    def ledger_keys(self, kind: str) -> list[tuple[str | None, int | None]]:
        """(subject, id) of every ledger entry of one kind, in ledger order."""
        return [(e["subject"], e["subjectId"]) for e in self.entries if e["kind"] == kind]


def _get(http: httpx.Client, path: str, **params: Any) -> Any:
    response = http.get(path, params=params)
    assert response.status_code == 200, f"{path}: {response.status_code} {response.text}"
    return response.json()


def snapshot(http: httpx.Client, account: Account) -> Snapshot:
    """Read an account's state through the control plane and DownloadStatistics."""
    ledger = _get(http, f"/_mock/accounts/{account.user}/ledger")
    owned = _get(http, f"/_mock/accounts/{account.user}/owned")
    feedback = _get(http, f"/_mock/accounts/{account.user}/feedback")
    return Snapshot(
        entries=ledger["entries"],
        balance=ledger["balance"],
        owned={
            "Company": {item["id"] for item in owned["companies"]},
            "Contact": {item["id"] for item in owned["contacts"]},
        },
        feedback_ids={item["id"] for item in feedback},
        statistics=_get(http, "/api/DownloadStatistics", **account.query),
    )
