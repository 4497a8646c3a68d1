"""Durability: SIGKILL a loaded server, restart it on the same file, and audit the account.

The mock commits each request's transaction before it answers (commit-then-respond), and
`mockserver/store/db.py` opens files in WAL mode with `synchronous = NORMAL`: a commit has
been written to the WAL file (the operating system's page cache) before COMMIT returns,
so it survives the death of the process. It is NOT durable against an operating-system
crash or power loss: with NORMAL the WAL is only fsync'ed at checkpoints, so the last
commits may be lost then. This test kills the process, not the machine.
"""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
from collections import Counter
from contextlib import AsyncExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from mockserver.http.workers import WORKER_HEADER
from tests.support.reliability import (
    Account,
    Server,
    freeze,
    kill_hard,
    live_records,
    new_account,
    running_server,
    snapshot,
    spread_connections,
    start_on_file,
    stop,
)

pytestmark = pytest.mark.server

SEED = 20261130
#: Concurrent clients driving the load.
CLIENTS = 12
#: Credits the account starts with: enough for about 80 downloads with the rewards.
CREDITS = 40
#: Seconds between the freeze (the moment of death) and the SIGKILL.
GRACE = 0.2
#: A reason code per subject (BaseTableMessageReason) that applies to it.
REASONS = {"Company": 1, "Contact": 5}


@dataclass(frozen=True)
class Outcome:
    """One request of the load and what came back: a status, or None (no answer)."""

    operation: str  # "download" or "feedback"
    subject: str
    record_id: int
    status: int | None
    feedback_id: int | None = None
    worker: str = ""


@dataclass
class Load:
    """The requests still to send, the outcomes so far and when to kill the server."""

    server: Server
    account: Account
    plan: list[tuple[str, int]]
    kill_after: int
    outcomes: list[Outcome] = field(default_factory=list)
    frozen: bool = False
    killed: bool = False

    def answered(self) -> int:
        """How many requests got an answer so far."""
        return sum(outcome.status is not None for outcome in self.outcomes)


async def _send(
    load: Load, http: httpx.AsyncClient, operation: str, subject: str, record_id: int
) -> Outcome:
    params: dict[str, str | int] = {**load.account.query}
    if operation == "download":
        request = http.get(f"/api/{subject}", params={**params, "id": record_id})
    else:
        params |= {f"{subject.lower()}Id": record_id, "reasonId": REASONS[subject]}
        request = http.post(f"/api/UserFeedback{subject}", params=params)
    try:
        response = await request
    except httpx.TransportError:
        return Outcome(operation, subject, record_id, None)
    status = response.status_code
    feedback_id = (
        response.json()["FeedbackId"] if operation == "feedback" and status == 200 else None
    )
    worker = response.headers.get(WORKER_HEADER, "")
    return Outcome(operation, subject, record_id, status, feedback_id, worker)


def _kill(load: Load) -> None:
    kill_hard(load.server)
    load.killed = True


def _record(load: Load, outcome: Outcome) -> None:
    load.outcomes.append(outcome)
    if not load.frozen and load.answered() >= load.kill_after:
        # The moment of death: the server stops dead (SIGSTOP) amid the requests it holds.
        # The clients go on sending for a moment, so more requests are certainly in flight,
        # then every process is SIGKILLed.
        freeze(load.server)
        load.frozen = True
        asyncio.get_running_loop().call_later(GRACE, _kill, load)


async def _client(load: Load, http: httpx.AsyncClient) -> None:
    """Download the next planned record; offer a mutation for every other one it got."""
    while load.plan and not load.killed:
        index = len(load.plan)
        subject, record_id = load.plan.pop()
        outcome = await _send(load, http, "download", subject, record_id)
        _record(load, outcome)
        if outcome.status == 200 and index % 2 == 0 and not load.killed:
            _record(load, await _send(load, http, "feedback", subject, record_id))


async def _drive(load: Load) -> None:
    async with AsyncExitStack() as stack:
        clients = await spread_connections(stack, load.server, CLIENTS)
        await asyncio.gather(*(_client(load, http) for http in clients))


def _loaded_and_killed(db: Path, workers: int, rng: random.Random) -> tuple[Account, Load]:
    """Given a server on `db` under load, SIGKILLed after a seeded number of answers."""
    server = start_on_file(db, workers)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as http:
            account = new_account(http, credits=CREDITS)
            records = live_records(http, account, pages=3, contacts_of=40)
        plan = [(subject, rid) for subject, ids in records.items() for rid in ids]
        rng.shuffle(plan)
        load = Load(server, account, plan, kill_after=rng.randint(60, 180))
        asyncio.run(_drive(load))
    finally:
        stop(server)
    assert load.killed, "the load ended before the kill"
    assert server.process.returncode == -signal.SIGKILL
    return account, load


@pytest.mark.parametrize("workers", [1, 2], ids=lambda n: f"workers{n}")
def test_a_killed_server_keeps_exactly_the_answered_work(tmp_path: Path, workers: int) -> None:
    # Given a server on a file under a load of downloads and mutations, killed mid-flight
    db = tmp_path / "mock.db"
    account, load = _loaded_and_killed(db, workers, random.Random(SEED + workers))
    outcomes = load.outcomes
    ok = [o for o in outcomes if o.status == 200]
    refused = [o for o in outcomes if o.status is not None and o.status != 200]
    in_flight = [o for o in outcomes if o.status is None]
    assert ok and in_flight, "the kill did not hit a server under load"
    assert len({o.worker for o in ok}) == workers, "not every worker was under load"
    # Every refusal was for want of credits: never a 5xx or a lock error
    assert {(o.operation, o.status) for o in refused} <= {("download", 310)}

    # When it is started again on the same file
    with running_server(db, workers) as server:
        with httpx.Client(base_url=server.url, timeout=30) as http:
            state = snapshot(http, account)

    # Then every download answered 200 is charged once and owned
    downloads = Counter(state.ledger_keys("download"))
    owned = {(subject, rid) for subject, ids in state.owned.items() for rid in ids}
    answered = {(o.subject, o.record_id) for o in ok if o.operation == "download"}
    assert answered <= set(downloads) and answered <= owned
    # And nothing was charged or owned that was refused or never asked for. Requests that
    # got no answer may be in or out: the server commits, then answers, and may die between.
    requested = {(o.subject, o.record_id) for o in outcomes if o.operation == "download"}
    refused_keys = {(o.subject, o.record_id) for o in refused}
    assert set(downloads) <= requested - refused_keys and set(downloads.values()) == {1}
    assert owned == set(downloads)
    # And every mutation answered 200 is kept with its reward, and no other one exists
    rewards = Counter(state.ledger_keys("mutation-reward"))
    offered = {(o.subject, o.record_id) for o in outcomes if o.operation == "feedback"}
    assert {o.feedback_id for o in ok if o.operation == "feedback"} <= state.feedback_ids
    assert {(o.subject, o.record_id) for o in ok if o.operation == "feedback"} <= set(rewards)
    assert set(rewards) <= offered and set(rewards.values()) <= {1}
    assert len(state.feedback_ids) == sum(rewards.values())
    # And the balance is the sum of the ledger, in the control plane and in the statistics
    assert state.balance == sum(entry["amount"] for entry in state.entries)
    assert state.statistics["CreditsBalance"] == state.balance
    assert state.statistics["CreditsAcquired"] == CREDITS
    assert state.statistics["CreditsUsed"] == sum(downloads.values())
    assert state.statistics["CreditsFromWUS"] == sum(rewards.values())
    # And the database file is intact
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
