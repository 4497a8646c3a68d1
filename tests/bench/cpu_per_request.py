"""CPU time per request of our mock's ASGI app, in-process: robust on a busy machine.

Usage: python -m tests.bench.cpu_per_request [--requests 1000] [--repeat 5] [--profile KIND]
Drives the app with raw ASGI calls (no socket, no HTTP client) and divides the process CPU
time (`time.process_time`) by the number of requests, per request kind; the kinds take turns
and each kind's best of `--repeat` runs is reported (the least disturbed by other processes),
with the Python function calls per request (cProfile; independent of the machine's load).
`--profile KIND` runs that kind under cProfile and prints the top functions.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import sys
import time
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.bench.benchkit import ROOT, machine, median, table

__all__ = ["main", "measure"]

_CREDENTIALS = {
    "user": "demo@example.nl",
    "password": "demo-api-password",
    "applicationName": "DemoApp",
}
_App = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def _scope(path: str, query: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
        "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
        "root_path": "", "query_string": urlencode(query).encode(),
        "headers": [(b"host", b"127.0.0.1:8080"), (b"user-agent", b"cpu-per-request"),
                    (b"accept", b"*/*")],
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8080),
    }  # fmt: skip


async def _call(app: _App, scope: dict[str, Any]) -> tuple[int, bytes]:
    """One request through the ASGI app; its status and body."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(dict(scope), receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


async def measure(app: _App, scope: dict[str, Any], requests: int) -> float:
    """CPU microseconds per request over `requests` sequential calls (each must answer 200)."""
    status, body = await _call(app, scope)
    if status != 200:
        sys.exit(f"{scope['path']} answered {status}: {body[:300]!r}")
    started = time.process_time()
    for _ in range(requests):
        status, _ = await _call(app, scope)
        if status != 200:
            sys.exit(f"{scope['path']} answered {status} while measuring")
    return (time.process_time() - started) * 1e6 / requests


def _kinds(app: _App, loop: asyncio.AbstractEventLoop) -> dict[str, dict[str, Any]]:
    """The three requests of `make bench`; downloads the first listed company once first."""
    search = {"pageNr": 1, "recordsPerPage": 10, "companyName": "*bouw*", **_CREDENTIALS}
    listing = _scope("/api/CompanyList", search)
    status, body = loop.run_until_complete(_call(app, listing))
    if status != 200:
        sys.exit(f"CompanyList answered {status}: {body[:300]!r}")
    first = json.loads(body)["Companies"][0]["Id"]
    return {
        "companylist": listing,
        "company": _scope("/api/Company", {"id": first, **_CREDENTIALS}),
        "downloadstatistics": _scope("/api/DownloadStatistics", _CREDENTIALS),
    }


def _calls(
    app: _App, loop: asyncio.AbstractEventLoop, scope: dict[str, Any], n: int = 200
) -> float:
    """Python function calls per request: a load-independent measure of the work done."""
    profiler = cProfile.Profile()
    profiler.enable()
    loop.run_until_complete(measure(app, scope, n))
    profiler.disable()
    stats = pstats.Stats(profiler)
    return float(stats.total_calls) / (n + 1)  # type: ignore[attr-defined]


def _profile(app: _App, loop: asyncio.AbstractEventLoop, scope: dict[str, Any], n: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    loop.run_until_complete(measure(app, scope, n))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)
    return out.getvalue().replace(str(ROOT) + "/", "")


def _new_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency through uvicorn[standard]
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def main() -> int:
    """Build the app (default dataset, validation on), measure each kind, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000, help="requests per run and kind")
    parser.add_argument("--repeat", type=int, default=5, help="runs per kind (best is kept)")
    parser.add_argument("--only", choices=["companylist", "company", "downloadstatistics"])
    parser.add_argument("--profile", choices=["companylist", "company", "downloadstatistics"])
    parser.add_argument("--out", help="write the results as JSON here too")
    args = parser.parse_args()
    if not (0 < args.requests <= 50_000 and 0 < args.repeat <= 20):
        sys.exit("keep --requests in (0, 50000] and --repeat in (0, 20]")
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from mockserver.app import create_app
    from mockserver.settings import Settings

    built = time.perf_counter()
    app = create_app(Settings())
    loop = _new_loop()
    kinds = _kinds(app, loop)
    print(f"app ready in {time.perf_counter() - built:.1f} s", file=sys.stderr)
    if args.profile:
        print(_profile(app, loop, kinds[args.profile], args.requests))
        return 0
    chosen = {name: scope for name, scope in kinds.items() if args.only in (None, name)}
    runs: dict[str, list[float]] = {name: [] for name in chosen}
    for _ in range(args.repeat):  # kinds interleaved, so a busy spell hits all of them alike
        for name, scope in chosen.items():
            runs[name].append(loop.run_until_complete(measure(app, scope, args.requests)))
    results = {
        name: {"best_us": round(min(r), 1), "median_us": round(median(r), 1),
               "runs_us": [round(x, 1) for x in r],
               "calls_per_request": round(_calls(app, loop, chosen[name]))}
        for name, r in runs.items()
    }  # fmt: skip
    rows = [[name, f"{r['best_us']:.0f}", f"{r['median_us']:.0f}", f"{1e6 / r['best_us']:.0f}",
             str(r["calls_per_request"])] for name, r in results.items()]  # fmt: skip
    headers = ["request", "best CPU µs/req", "median CPU µs/req", "≈ req/s per core"]
    print(table([*headers, "Python calls/req"], rows))
    facts = machine()
    print(f"{args.requests} requests x {args.repeat} runs; {facts['nproc']} x {facts['cpu']};"
          f" load {facts['loadavg']}")  # fmt: skip
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        report = {"benchmark": "cpu_per_request", "machine": facts, "results": results}
        Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
