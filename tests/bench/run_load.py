"""A steady load against a real mock server on a database file: no error answers, flat memory.

Starts `python -m mockserver serve --db FILE`, prepares an account (credits for every
download), then sends a mix of operations (searches, downloads, limited records, contact
lists, statistics, updates, leads, selections, feedback) at a fixed rate for a fixed time,
open-loop: request i leaves at start + i / rate, whatever the answers before it did. Every
second it samples the server's VmRSS from /proc. Exit status 1 on any answer other than the
expected one (or a transport error), when the rate was not reached, or when memory was not flat.

Memory is flat when the median RSS of the last 20 seconds exceeds the median of seconds 10-20
(after warm-up: connexion's lazy caches, SQLite's page cache) by at most `--max-growth-mib`.
The default 4 MiB is 5% of the server's RSS (about 82 MiB with 2000 companies) and forty
times the drift measured over a 60 s run (+0.1 MiB), while a leak of 1 KiB per request at
100 req/s adds 4 MiB over those 40 seconds; slower leaks need a longer `--seconds`.

    python -m tests.bench.run_load [--seconds 60] [--rate 100] [--companies 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from mockserver.pytest_plugin import start_server, stop_server

__all__ = ["Outcome", "judge_memory", "main", "run"]

MIB = 1024 * 1024
WARM_UP = (10, 20)
TAIL_SECONDS = 20
#: Requests in flight at most; beyond it the load is late, which counts against the rate.
MAX_IN_FLIGHT = 64
#: The achieved rate must be at least this share of the asked rate.
MIN_RATE_SHARE = 0.95
SEARCHES = ("*bakker*", "*ata-collectief*", "*groep*", "Hollandhof*", "*b.v.*")
CITIES = ("Goes", "Utrecht", "Amsterdam", "Rotterdam", "*dam")


@dataclass
class Outcome:
    """What a load run saw: answers per operation and status, errors, RSS per second."""

    sent: int = 0
    seconds: float = 0.0
    answers: Counter[tuple[str, int]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)


def judge_memory(rss: Sequence[int], max_growth: int) -> tuple[bool, str]:
    """Whether RSS samples (one per second, bytes) stayed flat after the warm-up, and why."""
    start, end = WARM_UP
    if len(rss) < end + TAIL_SECONDS:
        return False, f"{len(rss)} samples: at least {end + TAIL_SECONDS} seconds are needed"
    baseline = statistics.median(rss[start:end])
    tail = statistics.median(rss[-TAIL_SECONDS:])
    growth = tail - baseline
    verdict = (
        f"RSS median s{start}-{end} {baseline / MIB:.1f} MiB, last {TAIL_SECONDS} s"
        f" {tail / MIB:.1f} MiB: {growth / MIB:+.1f} MiB (limit +{max_growth / MIB:.1f} MiB)"
    )
    return growth <= max_growth, verdict


def _rss(pid: int) -> int:
    """VmRSS of a process in bytes (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0


@dataclass(frozen=True)
class Fixture:
    """What the requests draw from: the account, live companies and contacts, leads, selection."""

    query: dict[str, str]
    companies: list[int]
    contacts: list[int]
    owned: list[int]
    website: dict[str, str]
    selection: int


def _prepare(http: httpx.Client, rate: float, seconds: float) -> Fixture:
    """An account with credits for every request, and the ids the load draws from."""
    credits = int(rate * seconds) + 1000
    account = http.post("/_mock/accounts", json={"credits": credits}).raise_for_status().json()
    query = {k: account[k] for k in ("user", "password", "applicationName")}
    listed = http.get(
        "/api/CompanyList", params={**query, "pageNr": 1, "recordsPerPage": 100, "city": "*"}
    ).raise_for_status()
    companies = [c["Id"] for c in listed.json()["Companies"] if not c["Deleted"]]
    contacts: list[int] = []
    for company in companies[:20]:
        answer = http.get("/api/ContactList", params={**query, "id": company}).raise_for_status()
        contacts += [c["ID"] for c in answer.json()["Contacts"] if not c["Deleted"]]
    owned = companies[:10]
    for company in owned:
        http.get("/api/Company", params={**query, "id": company}).raise_for_status()
    site = http.get("/api/WebsiteleadsWebsites", params=query).raise_for_status().json()
    first = site["Websites"][0]
    website = {"Website": first["Name"], "From": first["StartDate"], "To": "2099-12-31 23:59:59"}
    saved = http.post("/_mock/selections", json={"user": query["user"], "filters": {"city": "*"}})
    selection = int(saved.raise_for_status().json()["selectionId"])
    return Fixture(query, companies, contacts, owned, website, selection)


Request = tuple[str, str, str, dict[str, Any]]  # operation, method, path, httpx arguments


def _mix(fx: Fixture) -> list[tuple[int, Callable[[random.Random], Request]]]:
    """(weight, request maker) per operation; every request is valid and answers 200."""
    q = fx.query

    def get(name: str, **params: Any) -> Request:
        return name, "GET", f"/api/{name}", {"params": {**q, **params}}

    def ids(rng: random.Random) -> str:
        return ",".join(str(i) for i in rng.sample(fx.companies, 20))

    since = "2020-01-01 00:00:00"
    return [
        (12, lambda r: get("CompanyList", pageNr=r.randint(1, 3), recordsPerPage=25,
                           companyName=r.choice(SEARCHES))),
        (8, lambda r: get("CompanyList", pageNr=1, recordsPerPage=10, city=r.choice(CITIES))),
        (15, lambda r: get("Company", id=r.choice(fx.companies))),
        (10, lambda r: get("CompanyLimited", id=r.choice(fx.companies))),
        (10, lambda r: get("ContactList", id=r.choice(fx.companies))),
        (10, lambda r: get("Contact", id=r.choice(fx.contacts))),
        (10, lambda r: get("DownloadStatistics")),
        (5, lambda r: get("UpdatedCompanies", companyIds=ids(r), lastChangedDate=since)),
        (5, lambda r: ("UpdatedCompaniesV2", "POST", "/api/UpdatedCompaniesV2", {
            "params": q, "json": {"LastChangedDate": since,
                                  "CompanyIds": [int(i) for i in ids(r).split(",")]}})),
        (5, lambda r: get("WebsiteleadsLeads", **fx.website)),
        (5, lambda r: get("CompanySelection", selectionId=fx.selection, pageNr=r.randint(1, 5))),
        (5, lambda r: ("UserFeedbackCompany", "POST", "/api/UserFeedbackCompany", {
            "params": {**q, "companyId": r.choice(fx.owned), "otherReason": "Load test"}})),
    ]  # fmt: skip


async def _drive(
    url: str, fx: Fixture, pid: int, rate: float, seconds: float, seed: int
) -> Outcome:
    """Send the mix at `rate` for `seconds`, sampling the server's RSS every second."""
    rng = random.Random(seed)
    mix = _mix(fx)
    weights = [weight for weight, _ in mix]
    outcome = Outcome()
    slots = asyncio.Semaphore(MAX_IN_FLIGHT)
    limits = httpx.Limits(max_connections=MAX_IN_FLIGHT, max_keepalive_connections=MAX_IN_FLIGHT)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as http:

        async def one(request: Request) -> None:
            operation, method, path, arguments = request
            try:
                started = time.perf_counter()
                answer = await http.request(method, path, **arguments)
                elapsed = time.perf_counter() - started
                outcome.latencies.setdefault(operation, []).append(elapsed)
                outcome.answers[(operation, answer.status_code)] += 1
                if answer.status_code != 200:
                    outcome.errors.append(f"{operation}: {answer.status_code} {answer.text[:200]}")
            except httpx.HTTPError as exc:
                outcome.errors.append(f"{operation}: {type(exc).__name__} {exc}")
            finally:
                slots.release()

        async def sample() -> None:
            while True:
                outcome.rss.append(_rss(pid))
                await asyncio.sleep(1)

        sampler = asyncio.create_task(sample())
        tasks: set[asyncio.Task[None]] = set()
        start = time.perf_counter()
        total = int(rate * seconds)
        for i in range(total):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            await slots.acquire()
            (_, make) = rng.choices(mix, weights)[0]
            task = asyncio.create_task(one(make(rng)))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            outcome.sent += 1
        await asyncio.gather(*tasks)
        outcome.seconds = time.perf_counter() - start
        sampler.cancel()
    return outcome


def run(seconds: float, rate: float, companies: int, seed: int, db: Path) -> Outcome:
    """Start a server on `db`, prepare, drive the load; stop the server."""
    process, url = start_server(companies, "--db", str(db))
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            fixture = _prepare(http, rate, seconds)
        return asyncio.run(_drive(url, fixture, process.pid, rate, seconds, seed))
    finally:
        stop_server(process)


def _percentile(times: Sequence[float], share: float) -> float:
    """The `share` percentile of durations in seconds, in milliseconds."""
    ordered = sorted(times) or [0.0]
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


def _report(outcome: Outcome, rate: float, memory: tuple[bool, str]) -> None:
    print(f"{'operation':<22}{'answers':>8}{'p50 ms':>9}{'p99 ms':>9}  statuses")
    for operation, times in sorted(outcome.latencies.items()):
        statuses = {s: n for (o, s), n in outcome.answers.items() if o == operation}
        p50, p99 = _percentile(times, 0.5), _percentile(times, 0.99)
        print(f"{operation:<22}{len(times):>8}{p50:>9.1f}{p99:>9.1f}  {json.dumps(statuses)}")
    every = [t for times in outcome.latencies.values() for t in times]
    achieved = outcome.sent / outcome.seconds if outcome.seconds else 0.0
    print(f"sent {outcome.sent} in {outcome.seconds:.1f} s: {achieved:.1f} req/s (asked {rate:g})")
    print(
        f"latency p50 {_percentile(every, 0.5):.1f} ms, p99 {_percentile(every, 0.99):.1f} ms,"
        f" max {_percentile(every, 1.0):.1f} ms"
    )
    rss = outcome.rss
    marks = sorted({0, 10, 20, 30, 40, 50, len(rss) - 1} & set(range(len(rss))))
    print("RSS MiB by second: " + ", ".join(f"s{s}={rss[s] / MIB:.1f}" for s in marks))
    print(("memory flat: " if memory[0] else "MEMORY GREW: ") + memory[1])
    print(f"errors: {len(outcome.errors)}")
    for error in outcome.errors[:10]:
        print(f"  {error}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load; 0 when there was no error, the rate was reached and memory stayed flat."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long (default 60)")
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second")
    parser.add_argument("--companies", type=int, default=2000, help="dataset size")
    parser.add_argument("--seed", type=int, default=1, help="seed of the request mix")
    parser.add_argument("--max-growth-mib", type=float, default=4.0, help="flat-memory limit")
    parser.add_argument("--no-memory-check", action="store_true", help="for short smoke runs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="datacollectief-load-") as tmp:
        outcome = run(args.seconds, args.rate, args.companies, args.seed, Path(tmp) / "mock.db")
    if args.no_memory_check:
        memory = (True, "not judged (--no-memory-check)")
    else:
        memory = judge_memory(outcome.rss, int(args.max_growth_mib * MIB))
    _report(outcome, args.rate, memory)
    achieved = outcome.sent / outcome.seconds if outcome.seconds else 0.0
    reached = achieved >= MIN_RATE_SHARE * args.rate
    if not reached:
        print(f"RATE NOT REACHED: {achieved:.1f} req/s < {MIN_RATE_SHARE:.0%} of {args.rate:g}")
    return 0 if not outcome.errors and memory[0] and reached else 1


if __name__ == "__main__":
    sys.exit(main())
