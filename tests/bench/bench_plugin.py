"""The pytest plugin's speed beside moto's, measured in the same run.

Usage: python tests/bench/bench_plugin.py [--companies 2000] [--moto-python PATH] [--out FILE]

Our figures come from the plugin's own in-process mock (`inprocess_mock`, as the
`datacollectief_mock` fixture builds it): `new_account`; one request through the generated
client (DownloadStatistics), sync and async, p50; session start, from launching a fresh
Python process to the first answered request; and a fresh state for one test (entering and
leaving `datacollectief_isolated` around a test that made an account and changed a company).
moto's figures come from `mock_aws()` with a boto3 S3 client in a separate virtualenv
(`make bench-plugin` installs pinned moto and boto3 into var/bench/, never into the project's
venv); they run as a subprocess so that neither side's imports touch the other.
Imports only mockserver, the generated client and the standard library.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.account import get_download_statistics
from mockserver.pytest_plugin import MockService, inprocess_mock

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[2]

#: (key, what, unit, target (None: shown for comparison only), what moto's figure is)
FIGURES: list[tuple[str, str, str, float | None, str]] = [
    ("new_account", "new_account", "ms", 2.0, "mock_aws() + boto3 client"),
    ("request_sync", "one request p50, sync client", "ms", 0.5, "list_buckets p50"),
    ("request_async", "one request p50, async client", "ms", 0.5, "list_buckets p50"),
    ("session_setup", "session set-up (imported)", "s", 0.3, "imports done to 1st answer"),
    ("session_start", "fresh process to 1st answer", "s", None, "fresh process to 1st answer"),
    ("fresh_state", "fresh state for one test", "ms", 5.0, "mock_aws() start + stop"),
]
#: Which of moto's measurements stands beside each of ours.
MOTO_FOR = {
    "new_account": "setup_ms",
    "request_sync": "request_ms",
    "request_async": "request_ms",
    "session_setup": "session_setup_s",
    "session_start": "session_start_s",
    "fresh_state": "fresh_ms",
}

#: A fresh process: the plugin's in-process mock, then one request through the client.
SESSION_PROBE = """
import sys, time
from datacollectief_client.api.account import get_download_statistics
from mockserver.pytest_plugin import inprocess_mock
import mockserver.app  # what the fixture imports on first use (connexion among it)
imported = time.time()
with inprocess_mock(int(sys.argv[1])) as mock:
    response = get_download_statistics.sync_detailed(client=mock.client(mock.new_account()))
    print(imported, time.time(), response.status_code, flush=True)
"""

#: moto's side, run by the moto virtualenv's Python; prints one JSON object.
MOTO_PROBE = """
import json, statistics, sys, time
started = float(sys.argv[1])
import boto3
from moto import mock_aws
imported = time.time()

def client():
    return boto3.client("s3", region_name="us-east-1")

with mock_aws():
    client().list_buckets()
    first = time.time()
setup, fresh = [], []
cpu = time.process_time()
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    mock = mock_aws()
    mock.start()
    s3 = client()
    t1 = time.perf_counter()
    mock.stop()
    t2 = time.perf_counter()
    setup.append((t1 - t0) * 1000)
    fresh.append(((t2 - t1) + (t1 - t0)) * 1000)
fresh_cpu = (time.process_time() - cpu) / int(sys.argv[2]) * 1000
with mock_aws():
    s3 = client()
    s3.create_bucket(Bucket="bench")
    for _ in range(20):
        s3.list_buckets()
    calls = []
    cpu = time.process_time()
    for _ in range(int(sys.argv[3])):
        t0 = time.perf_counter()
        s3.list_buckets()
        calls.append((time.perf_counter() - t0) * 1000)
    request_cpu = (time.process_time() - cpu) / int(sys.argv[3]) * 1000
import moto, botocore
print(json.dumps({
    "session_start_s": first - started,
    "session_setup_s": first - imported,
    "setup_ms": statistics.median(setup),
    "fresh_ms": statistics.median(fresh),
    "request_ms": statistics.median(calls),
    "setup_cpu_ms": fresh_cpu, "fresh_cpu_ms": fresh_cpu, "request_cpu_ms": request_cpu,
    "versions": {"moto": moto.__version__, "boto3": boto3.__version__,
                 "botocore": botocore.__version__},
}))
"""
_MOTO_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
}


def _p50_ms(call: Callable[[], object], count: int, warm_up: int = 20) -> tuple[float, float]:
    """The wall-clock median and the mean CPU time (every thread of this process), in ms."""
    for _ in range(warm_up):
        call()
    times = []
    cpu = time.process_time()
    for _ in range(count):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, (time.process_time() - cpu) / count * 1000


def _statistics_call(client: AuthenticatedClient) -> None:
    response = get_download_statistics.sync_detailed(client=client)
    if response.status_code != 200:
        sys.exit(f"DownloadStatistics answered {response.status_code}: {response.content!r}")


def client_floor_ms(mock: MockService, count: int) -> tuple[float, float]:
    """The same request through the generated client and httpx with no app behind them: an
    `httpx.MockTransport` answering the bytes the mock answered. What any in-process mock
    pays before its app runs; p50 and CPU."""
    client = mock.client(mock.new_account())
    answer = get_download_statistics.sync_detailed(client=client)
    canned = httpx.MockTransport(
        lambda request: httpx.Response(200, headers=answer.headers, content=answer.content)
    )
    bare = AuthenticatedClient(
        base_url=mock.base_url, user="u@example.nl", password="p", application_name="a"
    ).set_httpx_client(httpx.Client(base_url=mock.base_url, transport=canned))
    return _p50_ms(lambda: _statistics_call(bare), count)


def _async_p50_ms(mock: MockService, count: int) -> tuple[float, float]:
    """One request through the generated client on an `httpx.AsyncClient`: p50 and CPU."""

    async def run() -> tuple[float, float]:
        client = mock.async_client(mock.new_account())
        try:
            times = []
            for index in range(count + 20):
                if index == 20:
                    cpu = time.process_time()
                started = time.perf_counter()
                response = await get_download_statistics.asyncio_detailed(client=client)
                if index >= 20:
                    times.append(time.perf_counter() - started)
                if response.status_code != 200:
                    sys.exit(f"DownloadStatistics answered {response.status_code}")
            return statistics.median(times) * 1000, (time.process_time() - cpu) / count * 1000
        finally:
            await client.get_async_httpx_client().aclose()

    return asyncio.run(run())


def _fresh_state_ms(mock: MockService, count: int) -> tuple[float, float]:
    """Entering and leaving an isolation around a test that made an account and changed
    company 1 (the body itself not counted): p50 and mean CPU."""
    times, cpu = [], 0.0
    for index in range(count):
        isolation = mock.isolated()
        started, cpu_started = time.perf_counter(), time.process_time()
        isolation.__enter__()
        entered, cpu_entered = time.perf_counter(), time.process_time()
        mock.new_account(credits=1)
        mock.control("PATCH", "/companies/1", json={"Name": f"Changed {index}"})
        leaving, cpu_leaving = time.perf_counter(), time.process_time()
        isolation.__exit__(None, None, None)
        left = time.perf_counter()
        cpu += (cpu_entered - cpu_started) + (time.process_time() - cpu_leaving)
        times.append((entered - started) + (left - leaving))
    return statistics.median(times) * 1000, cpu / count * 1000


def _session_start_s(companies: int, runs: int) -> tuple[float, float]:
    """Median seconds from launching a fresh process, and from its imports being done, to its
    first answered request."""
    times, setups = [], []
    for _ in range(runs):
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", SESSION_PROBE, str(companies)],
            capture_output=True, text=True, check=False, timeout=300, cwd=ROOT,
        )  # fmt: skip
        fields = done.stdout.split()
        if done.returncode != 0 or len(fields) != 3 or fields[2] != "200":
            sys.exit(f"the session-start probe failed:\n{done.stdout}\n{done.stderr}")
        times.append(float(fields[1]) - started)
        setups.append(float(fields[1]) - float(fields[0]))
    return statistics.median(times), statistics.median(setups)


def measure_ours(companies: int, count: int, runs: int) -> dict[str, tuple[float, float | None]]:
    """Our figures, in-process as the plugin runs: (wall, CPU or None) each."""
    start, setup = _session_start_s(companies, runs)
    figures: dict[str, tuple[float, float | None]] = {
        "session_start": (start, None),
        "session_setup": (setup, None),
    }
    with inprocess_mock(companies) as mock:
        figures["new_account"] = _p50_ms(mock.new_account, max(50, count // 4), warm_up=5)
        client = mock.client(mock.new_account())
        figures["request_sync"] = _p50_ms(lambda: _statistics_call(client), count)
        figures["request_async"] = _async_p50_ms(mock, count)
        figures["fresh_state"] = _fresh_state_ms(mock, max(50, count // 4))
    return figures


def measure_moto(python: str, count: int) -> dict[str, Any]:
    """moto's figures from its own virtualenv's Python."""
    if not Path(python).exists():
        sys.exit(f"{python} is missing: `make bench-plugin` installs moto and boto3 there")
    env = {**os.environ, **_MOTO_ENV}
    started = time.time()
    done = subprocess.run(
        [python, "-c", MOTO_PROBE, repr(started), str(max(20, count // 10)), str(count)],
        capture_output=True, text=True, check=False, timeout=600, env=env,
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"the moto probe failed:\n{done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _format(value: float, unit: str) -> str:
    return f"{value:.2f} s" if unit == "s" else f"{value:.3f} ms"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    every = [headers, *rows]
    widths = [max(len(row[i]) for row in every) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def _cpu(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def report(
    ours: dict[str, tuple[float, float | None]], moto: dict[str, Any]
) -> tuple[str, list[dict[str, Any]]]:
    """The side-by-side table and its rows as data."""
    rows, data = [], []
    for key, what, unit, target, moto_what in FIGURES:
        (mine, mine_cpu), theirs = ours[key], float(moto[MOTO_FOR[key]])
        their_cpu = moto.get(MOTO_FOR[key].replace("_ms", "_cpu_ms")) if unit == "ms" else None
        met = None if target is None else mine <= target
        rows.append(
            [
                what,
                _format(mine, unit),
                _format(theirs, unit),
                f"{theirs / mine:.1f}x" if mine else "-",
                "-" if target is None else f"<= {_format(target, unit)}",
                {None: "", True: "met", False: "NOT MET"}[met],
                f"{_cpu(mine_cpu)} / {_cpu(their_cpu)}",
                moto_what,
            ]
        )
        data.append(
            {"figure": key, "ours": mine, "moto": theirs, "unit": unit, "target": target,
             "met": met, "ours_cpu_ms": mine_cpu, "moto_cpu_ms": their_cpu,
             "moto_figure": moto_what}
        )  # fmt: skip
    headers = ["figure", "ours", "moto", "moto/ours", "target", "", "CPU ms ours / moto", "moto's"]
    return _table(headers, rows), data


def main(argv: Sequence[str] | None = None) -> int:
    """Measure both sides, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=2000, help="dataset size (2000)")
    parser.add_argument("--requests", type=int, default=1000, help="timed requests per figure")
    parser.add_argument("--starts", type=int, default=3, help="fresh processes timed (3)")
    parser.add_argument(
        "--moto-python",
        default=str(ROOT / "var" / "bench" / "moto-venv" / "bin" / "python"),
        help="the Python of a virtualenv with moto and boto3 (make bench-plugin makes it)",
    )
    parser.add_argument("--out", help="write the figures as JSON here")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()
    moto = measure_moto(args.moto_python, args.requests)
    ours = measure_ours(args.companies, args.requests, args.starts)
    with inprocess_mock(args.companies) as mock:
        floor, _ = client_floor_ms(mock, args.requests)
    text, rows = report(ours, moto)
    versions = ", ".join(f"{name} {version}" for name, version in moto["versions"].items())
    print(f"The plugin in-process ({args.companies} companies) beside {versions}:\n")
    print(text)
    print(
        "\nWall-clock medians decide met / NOT MET; the CPU column (mean per call, all threads)"
        " is what a busy machine distorts least."
    )
    sync_ms = ours["request_sync"][0]
    print(
        f"\nOf one sync request, the generated client and httpx alone (no app: a MockTransport"
        f" with the same answer) take {floor:.3f} ms p50; the in-process app and its transport"
        f" the other {sync_ms - floor:.3f} ms."
    )
    load = f"{load_before[0]:.2f} -> {os.getloadavg()[0]:.2f}"
    print(f"\nPython {platform.python_version()}, {os.cpu_count()} CPUs, load average {load}")
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "companies": args.companies,
            "requests": args.requests,
            "figures": rows,
            "client_floor_ms": floor,
            "moto": moto,
            "python": platform.python_version(),
            "loadavg": [load_before[0], os.getloadavg()[0]],
        }
        out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
