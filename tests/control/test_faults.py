"""Injected faults: counted hits, dropped connections, slow bodies, shared by worker processes."""

from __future__ import annotations

import asyncio
import random
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from mockserver.domain.faults import Fault, Faults, Strike
from mockserver.http.faults import MARK, FaultMiddleware
from mockserver.http.workers import WORKER_HEADER
from mockserver.pytest_plugin import Credentials, MockService, start_server, stop_server
from mockserver.store.state import STATE_DDL, reset_state

__all__: list[str] = []

#: A company of the synthetic dataset (every dataset has it).
COMPANY = 1


@pytest.fixture
def faults(mock: MockService) -> Iterator[MockService]:
    """The mock (in-process and server); every fault is removed after the test."""
    yield mock
    mock.control("DELETE", "/faults")


def add_fault(mock: MockService, **body: Any) -> dict[str, Any]:
    """Given: a fault as the control plane answers it."""
    return dict(mock.control("POST", "/faults", json=body))


def download(mock: MockService, account: Credentials, company: int = COMPANY) -> httpx.Response:
    """When: the account downloads a company over the mock's own HTTP client."""
    return mock.http.get("/api/Company", params={**account.query(), "id": company})


def balance(mock: MockService, account: Credentials) -> int:
    """The account's credits."""
    return int(mock.control("GET", f"/accounts/{account.user}/ledger")["balance"])


def owned(mock: MockService, account: Credentials) -> list[int]:
    """The companies the account owns now."""
    return [
        row["id"] for row in mock.control("GET", f"/accounts/{account.user}/owned")["companies"]
    ]


def memory_faults(seed: int = 7) -> Faults:
    """Faults over a fresh in-memory state database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript(STATE_DDL)
    return Faults(conn, random.Random(seed))


# -- the rules of picking, on the domain --------------------------------------------------------


def test_hits_combine_latency_oldest_status_and_slowest_rate() -> None:
    # Given faults for all operations and for one
    faults = memory_faults()
    faults.add(latency_ms=5)
    faults.add(operation="getVersion", status=314, latency_ms=7, bytes_per_second=500)
    faults.add(status=310, bytes_per_second=200)
    # When a request of that operation and one of another are picked
    version, other = faults.pick("getVersion"), faults.pick("downloadCompany")
    # Then latencies add up, the oldest status wins and the slowest rate
    assert version is not None and other is not None
    assert (version.latency_ms, version.error, version.bytes_per_second) == (12, 314, 200)
    assert (other.latency_ms, other.error, other.bytes_per_second) == (5, 310, 200)


def test_counted_fault_hits_exactly_times_then_stays_listed_as_spent() -> None:
    # Given a fault for the next two requests
    faults = memory_faults()
    fault = faults.add(operation="getVersion", status=314, times=2)
    # When five requests come
    hits = [faults.pick("getVersion") for _ in range(5)]
    # Then the first two are hit, and the fault remains listed with nothing left
    assert [hit is not None for hit in hits] == [True, True, False, False, False]
    assert faults.all() == [Fault(fault.id, "getVersion", 314, 0, 1.0, None, None, 2, 0)]


def test_reset_removes_every_fault() -> None:
    # Given a configured fault
    faults = memory_faults()
    faults.add(status=314)
    # When the state is reset
    reset_state(faults._conn)  # the connection the backend resets
    # Then no fault remains
    assert faults.all() == [] and faults.pick("getVersion") is None


def test_probability_decides_and_only_hits_count_down() -> None:
    # Given a counted fault that hits half of the requests
    faults = memory_faults(seed=3)
    faults.add(operation="getVersion", drop="after", probability=0.5, times=3)
    # When many requests come
    hits = [faults.pick("getVersion") for _ in range(40)]
    # Then exactly three are hit, all with a drop, and some missed before the last hit
    hit_at = [index for index, hit in enumerate(hits) if hit is not None]
    assert [hits[index] for index in hit_at] == [Strike(drop="after")] * 3
    assert hit_at[-1] > 2


def test_without_faults_nothing_is_picked() -> None:
    # Given no faults (or only a spent one)
    faults = memory_faults()
    # When / Then a request is not hit
    assert faults.pick("getVersion") is None
    faults.add(latency_ms=1, times=1)
    assert faults.pick("getVersion") is not None
    assert faults.pick("getVersion") is None


# -- the control plane --------------------------------------------------------------------------


def test_new_fault_kinds_round_trip(faults: MockService) -> None:
    # When faults of the new kinds are added
    dropped = add_fault(faults, operation="downloadCompany", drop="after", times=1)
    slow = add_fault(faults, bytesPerSecond=5000, latencyMs=3)
    # Then the control plane answers and lists them with every field
    assert dropped == {
        "id": dropped["id"], "operation": "downloadCompany", "status": None, "latencyMs": 0,
        "probability": 1.0, "drop": "after", "bytesPerSecond": None, "times": 1, "remaining": 1,
    }  # fmt: skip
    assert slow["bytesPerSecond"] == 5000 and slow["drop"] is None and slow["times"] is None
    assert faults.control("GET", "/faults") == [dropped, slow]


@pytest.mark.parametrize(
    "body",
    [
        {"drop": "sideways"},
        {"drop": "after", "status": 314},
        {"drop": "before", "bytesPerSecond": 100},
        {"bytesPerSecond": 0},
        {"status": 314, "times": 0},
        {"times": 2},
        {"latencyMs": 0},
    ],
)
def test_meaningless_faults_are_refused(faults: MockService, body: dict[str, Any]) -> None:
    # When a fault that cannot work is added
    response = faults.http.post("/_mock/faults", json=body)
    # Then it is refused in the service's error format, and nothing is configured
    assert response.status_code == 400, response.text
    assert response.headers["X-Error-Status"] == "BAD_REQUEST"
    assert response.json()["Code"] == 400 and response.json()["Message"]
    assert faults.control("GET", "/faults") == []


def test_counted_status_fault_fails_the_next_requests_only(faults: MockService) -> None:
    # Given a 314 for the next two Version calls
    account = faults.new_account(credits=0)
    add_fault(faults, operation="getVersion", status=314, times=2)
    # When Version is called four times
    statuses = [
        faults.http.get("/api/Version", params=account.query()).status_code for _ in range(4)
    ]
    # Then two fail with the temporary error, then it works; the fault shows it is spent
    assert statuses == [314, 314, 200, 200]
    assert faults.control("GET", "/faults")[0]["remaining"] == 0


def test_drop_before_loses_the_request(faults: MockService) -> None:
    # Given a dropped connection before the next download runs
    account = faults.new_account(credits=3)
    add_fault(faults, operation="downloadCompany", drop="before", times=1)
    # When the account downloads
    # Then the connection closes without an answer and nothing happened
    with pytest.raises(httpx.RemoteProtocolError):
        download(faults, account)
    assert balance(faults, account) == 3 and owned(faults, account) == []


def test_drop_after_loses_only_the_answer_and_the_retry_is_free(faults: MockService) -> None:
    # Given a dropped connection after the next download ran
    account = faults.new_account(credits=3)
    add_fault(faults, operation="downloadCompany", drop="after", times=1)
    # When the account downloads, and downloads again after the lost answer
    with pytest.raises(httpx.RemoteProtocolError):
        download(faults, account)
    charged = balance(faults, account)
    again = download(faults, account)
    # Then the first download was processed: owned and charged once; the second is free
    assert charged == 2 and owned(faults, account) == [COMPANY]
    assert again.status_code == 200 and again.json()["Id"] == COMPANY
    assert balance(faults, account) == 2
    # And the journal tells the lost answer from the delivered one
    downloads = [
        entry
        for entry in faults.control("GET", "/journal", params={"limit": 20})
        if entry["operation"] == "downloadCompany"
    ]
    assert [entry.get("dropped", False) for entry in downloads[:2]] == [False, True]


def test_slow_body_arrives_whole(faults: MockService) -> None:
    # Given the answer of a plain Version call
    account = faults.new_account(credits=0)
    plain = faults.http.get("/api/Version", params=account.query())
    # When Version answers at 2000 bytes per second
    add_fault(faults, operation="getVersion", bytesPerSecond=2000)
    slow = faults.http.get("/api/Version", params=account.query())
    # Then the same answer arrives, intact
    assert (slow.status_code, slow.json()) == (200, plain.json())
    assert slow.headers["content-length"] == str(len(slow.content))


def test_faults_spare_the_control_plane_and_unauthenticated_calls(faults: MockService) -> None:
    # Given a dropped connection for every API operation
    add_fault(faults, drop="before")
    # When the control plane is used / Then it still answers
    assert faults.control("GET", "/clock")["now"]
    # When the API is called with a wrong password / Then authentication answers first
    assert faults.http.get("/api/Version", params={"user": "x@example.nl"}).status_code >= 300
    # When the faults are cleared / Then the API answers again
    faults.control("DELETE", "/faults")
    account = faults.new_account(credits=0)
    assert faults.http.get("/api/Version", params=account.query()).status_code == 200


# -- the middleware, at the ASGI level -----------------------------------------------------------


def test_slow_body_is_sent_in_chunks_keeping_more_body() -> None:
    # Given an app whose operation marked its 25-byte answer for 100 bytes per second
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        scope["extensions"][MARK] = Strike(bytes_per_second=100)
        headers = [(b"content-length", b"25")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"a" * 20, "more_body": True})
        await send({"type": "http.response.body", "body": b"b" * 5, "more_body": False})

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    # When the middleware serves it
    asyncio.run(FaultMiddleware(app)({"type": "http", "path": "/api/Version"}, receive, send))
    # Then the body goes out in tenth-of-a-second chunks; only the last one ends the body
    bodies = [(message["body"], message["more_body"]) for message in sent[1:]]
    assert sent[0]["type"] == "http.response.start"
    assert bodies == [(b"a" * 10, True), (b"a" * 10, True), (b"b" * 5, False)]


# -- over a real socket -------------------------------------------------------------------------


@pytest.mark.server
def test_slow_body_trickles_over_the_socket(datacollectief_server: MockService) -> None:
    # Given Version answering at 100 bytes per second on a real server
    server = datacollectief_server
    account = server.new_account(credits=0)
    plain = server.http.get("/api/Version", params=account.query())
    add_fault(server, operation="getVersion", bytesPerSecond=100)
    try:
        # When the answer is streamed
        with server.http.stream("GET", "/api/Version", params=account.query()) as response:
            chunks = list(response.iter_raw())
    finally:
        server.control("DELETE", "/faults")
    # Then it comes in several pieces that make up the whole answer
    assert len(chunks) >= 2
    assert b"".join(chunks) == plain.content


@pytest.fixture(scope="module")
def app() -> Any:
    """Given: an app of the mock, to serve in a thread."""
    from mockserver.app import create_app
    from mockserver.settings import Settings

    return create_app(Settings(companies=300))


@contextmanager
def uvicorn_thread(app: Any, http: str) -> Iterator[str]:
    """Serve `app` with uvicorn's `http` implementation on a free loopback port, in a thread."""
    import uvicorn

    # log_config=None: uvicorn's loggers propagate to the root, where caplog listens.
    config = uvicorn.Config(app, http=http, loop="asyncio", log_config=None, lifespan="off")
    server = uvicorn.Server(config)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started:
                break
            time.sleep(0.01)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.mark.server
@pytest.mark.parametrize("http", ["h11", "httptools"])
@pytest.mark.parametrize("drop", ["before", "after"])
def test_uvicorn_drops_the_connection_quietly(
    app: Any, http: str, drop: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Given uvicorn (either HTTP implementation) and a dropped connection for the next Version
    with uvicorn_thread(app, http) as url, httpx.Client(base_url=url, timeout=10) as client:
        account = client.post("/_mock/accounts", json={"credits": 0}).json()
        query = {key: account[key] for key in ("user", "password", "applicationName")}
        client.post("/_mock/faults", json={"operation": "getVersion", "drop": drop, "times": 1})
        # When Version is called twice
        # Then the first call loses its connection, the second is answered
        with pytest.raises(httpx.RemoteProtocolError):
            client.get("/api/Version", params=query)
        assert client.get("/api/Version", params=query).status_code == 200
        client.delete("/_mock/faults")
    # and the server logged no error about it
    assert [record.getMessage() for record in caplog.records if record.levelno >= 40] == []


@pytest.fixture(scope="module")
def two_workers() -> Iterator[str]:
    """Given: `serve --workers 2` on one database file."""
    process, url = start_server(300, workers=2)
    try:
        yield url
    finally:
        stop_server(process, timeout=15)


async def _versions(url: str, query: dict[str, str], count: int) -> list[httpx.Response]:
    # One connection per request, so the kernel hands each to whichever worker accepts.
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        return await asyncio.gather(
            *(client.get("/api/Version", params=query) for _ in range(count))
        )


@pytest.mark.server
def test_every_worker_applies_the_faults_and_counts_them_together(two_workers: str) -> None:
    # Given two workers and a 314 for the next five Version calls, set through one of them
    with httpx.Client(base_url=two_workers, timeout=30) as http:
        account = http.post("/_mock/accounts", json={"credits": 0}).json()
        query = {key: account[key] for key in ("user", "password", "applicationName")}
        assert http.post(
            "/_mock/faults", json={"operation": "getVersion", "status": 314, "times": 5}
        ).status_code == 201  # fmt: skip
        # When batches of calls land on both workers
        answers: list[httpx.Response] = []
        for _ in range(10):
            answers += asyncio.run(_versions(two_workers, query, 12))
            if len({answer.headers[WORKER_HEADER] for answer in answers}) == 2:
                break
        faults = http.get("/_mock/faults").json()
        http.delete("/_mock/faults")
    # Then both workers answered, and exactly five calls failed, whichever worker served them
    assert len({answer.headers[WORKER_HEADER] for answer in answers}) == 2
    assert sorted({answer.status_code for answer in answers}) == [200, 314]
    assert [answer.status_code for answer in answers].count(314) == 5
    assert faults[0]["remaining"] == 0
