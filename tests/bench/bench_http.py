"""Wire throughput of our mock against Prism's: wrk, alternating runs, ratios as JSON and a table.

Usage: python -m tests.bench.bench_http [--seconds 10] [--rounds 3] [--out FILE.json]
Installs wrk (Debian package) and the Node tools (npm ci in spec/tools) when they are missing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from tests.bench.benchkit import (
    CREDENTIALS,
    ROOT,
    SPEC,
    Server,
    ensure_node_tools,
    ensure_wrk,
    free_port,
    machine,
    median,
    table,
)

__all__ = ["main", "parse_wrk"]

#: Counts every answer that is not 200 (wrk itself only counts statuses >= 400, and the
#: API's own error codes are 300-319).
_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not200 = 0 end
function response(status, headers, body)
  if status ~= 200 then not200 = not200 + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("not200") end
  io.write(string.format("NOT200 %d\\n", total))
end
"""

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unknown wrk duration {text!r}")
    return float(match[1]) * _UNITS[match[2]]


def parse_wrk(output: str) -> dict[str, Any]:
    """Requests/s, latency p50/p99 (ms), counts and errors from `wrk --latency` output."""

    def find(pattern: str) -> re.Match[str] | None:
        return re.search(pattern, output, re.MULTILINE)

    rps = find(r"^Requests/sec:\s+([\d.]+)")
    p50, p99 = find(r"^\s+50%\s+(\S+)"), find(r"^\s+99%\s+(\S+)")
    total = find(r"^\s+(\d+) requests in")
    if not (rps and p50 and p99 and total):
        raise ValueError(f"cannot parse wrk output:\n{output}")
    socket_errors = find(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    non_2xx = find(r"Non-2xx or 3xx responses: (\d+)")
    not_200 = find(r"^NOT200 (\d+)")
    return {
        "rps": float(rps[1]),
        "p50_ms": round(_ms(p50[1]), 3),
        "p99_ms": round(_ms(p99[1]), 3),
        "requests": int(total[1]),
        "socket_errors": sum(int(x) for x in socket_errors.groups()) if socket_errors else 0,
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "not_200": int(not_200[1]) if not_200 else 0,
    }


def _wrk(wrk: str, url: str, seconds: int, args: argparse.Namespace, lua: Path) -> dict[str, Any]:
    command = [
        wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency",
        "--timeout", "10s", "-s", str(lua), url,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        sys.exit(f"wrk failed ({done.returncode}): {done.stdout}{done.stderr}")
    return parse_wrk(done.stdout)


def _get_200(client: httpx.Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"GET {url} answered {response.status_code}: {response.text[:300]}")
    body: dict[str, Any] = response.json()
    return body


def _requests(client: httpx.Client, ours: str) -> list[dict[str, str]]:
    """The measured requests, as paths for each target; downloads our company once first."""
    search = f"/api/CompanyList?pageNr=1&recordsPerPage=10&companyName=*bouw*&{CREDENTIALS}"
    stats = f"/api/DownloadStatistics?{CREDENTIALS}"
    first = _get_200(client, ours + search)["Companies"][0]["Id"]
    _get_200(client, f"{ours}/api/Company?id={first}&{CREDENTIALS}")
    return [
        {"name": "CompanyList *bouw* (10/page)", "ours": search, "prism": search},
        {
            "name": f"Company {first} (owned)",
            "ours": f"/api/Company?id={first}&{CREDENTIALS}",
            "prism": f"/api/Company?id=1&{CREDENTIALS}",
        },
        {"name": "DownloadStatistics", "ours": stats, "prism": stats},
    ]


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "rps": round(median([r["rps"] for r in runs]), 1),
        "p50_ms": round(median([r["p50_ms"] for r in runs]), 3),
        "p99_ms": round(median([r["p99_ms"] for r in runs]), 3),
        "runs": runs,
    }


def _measure(
    wrk: str, lua: Path, request: dict[str, str], bases: dict[str, str], args: argparse.Namespace
) -> dict[str, Any]:
    """Warm up both targets, then alternate them: A B, B A, A B, ... for `rounds` rounds."""
    targets = ["ours", "prism"]
    for target in targets:
        _wrk(wrk, bases[target] + request[target], args.warmup, args, lua)
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "prism": []}
    for round_nr in range(args.rounds):
        for target in targets if round_nr % 2 == 0 else targets[::-1]:
            result = _wrk(wrk, bases[target] + request[target], args.seconds, args, lua)
            result["loadavg_1m"] = round(os.getloadavg()[0], 2)
            runs[target].append(result)
            print(
                f"  {request['name']:<30} {target:<5} {result['rps']:>9.1f} req/s"
                f"  p50 {result['p50_ms']:.2f} ms  p99 {result['p99_ms']:.2f} ms",
                file=sys.stderr,
                flush=True,
            )
    ours, prism = _summary(runs["ours"]), _summary(runs["prism"])
    pairs = [o["rps"] / p["rps"] for o, p in zip(runs["ours"], runs["prism"], strict=True)]
    return {
        "name": request["name"],
        "paths": {"ours": request["ours"], "prism": request["prism"]},
        "ours": ours,
        "prism": prism,
        "ratio": round(ours["rps"] / prism["rps"], 3),
        "pair_ratios": [round(r, 3) for r in pairs],
    }


def _bad_answers(results: list[dict[str, Any]]) -> list[str]:
    problems = []
    for result in results:
        for target in ("ours", "prism"):
            for run in result[target]["runs"]:
                bad = run["not_200"] + run["non_2xx"] + run["socket_errors"]
                if bad:
                    problems.append(f"{result['name']} {target}: {bad} bad answers or errors")
    return problems


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of one run (s)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up run per target (s)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per target and request")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--out", default="var/bench/bench-results.json", help="JSON results")
    parser.add_argument("--prism-log-level", default="warn", help="Prism's --verboseLevel")
    return parser


def main() -> int:
    """Run the benchmark; exits non-zero when any measured answer was not a 200."""
    args = _parser().parse_args()
    if not (0 < args.seconds <= 120 and 0 < args.rounds <= 20 and 0 < args.warmup <= 60):
        sys.exit("keep --seconds in (0, 120], --rounds in (0, 20] and --warmup in (0, 60]")
    wrk, prism_bin = ensure_wrk(), ensure_node_tools()
    started = machine()
    logs = Path(tempfile.mkdtemp(prefix="bench-http-"))
    lua = logs / "count_status.lua"
    lua.write_text(_LUA)
    ours_port, prism_port = free_port(), free_port()
    ours_cmd = [
        sys.executable, "-m", "mockserver", "serve", "--host", "127.0.0.1",
        "--port", str(ours_port), "--log-level", "warning",
    ]  # fmt: skip
    prism_cmd = [
        str(prism_bin), "mock", str(SPEC.relative_to(ROOT)), "-h", "127.0.0.1",
        "-p", str(prism_port), "-v", args.prism_log_level,
    ]  # fmt: skip
    with (
        Server("our mock", ours_cmd, ours_port, logs / "ours.log") as ours,
        Server("Prism", prism_cmd, prism_port, logs / "prism.log") as prism,
        httpx.Client(timeout=30) as client,
    ):
        ready = {
            "ours_s": round(ours.wait_ready(f"/api/DownloadStatistics?{CREDENTIALS}"), 2),
            "prism_s": round(prism.wait_ready(f"/api/DownloadStatistics?{CREDENTIALS}"), 2),
        }
        bases = {"ours": ours.base, "prism": prism.base}
        requests = _requests(client, ours.base)
        for request in requests:
            for target in ("ours", "prism"):
                _get_200(client, bases[target] + request[target])
        before = _get_200(client, f"{ours.base}/api/DownloadStatistics?{CREDENTIALS}")
        results = [_measure(wrk, lua, request, bases, args) for request in requests]
        for request in requests:
            for target in ("ours", "prism"):
                _get_200(client, bases[target] + request[target])
        after = _get_200(client, f"{ours.base}/api/DownloadStatistics?{CREDENTIALS}")
    problems = _bad_answers(results)
    if after["CreditsUsed"] != before["CreditsUsed"]:
        problems.append(f"credits were charged while measuring: {before} -> {after}")
    report = {
        "benchmark": "http",
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {**started, "loadavg_after": machine()["loadavg"]},
        "config": {
            "seconds": args.seconds,
            "warmup": args.warmup,
            "rounds": args.rounds,
            "wrk": f"-t{args.threads} -c{args.connections} --latency",
            "ours": "python -m mockserver serve (default dataset, in memory)",
            "prism": f"prism mock -v {args.prism_log_level} (5.14.2)",
        },  # fmt: skip
        "ready": ready,
        "results": results,
        "problems": problems,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    rows = [
        [
            r["name"], f"{r['ours']['rps']:.0f}", f"{r['prism']['rps']:.0f}", f"{r['ratio']:.2f}",
            f"{r['ours']['p50_ms']:.1f}/{r['ours']['p99_ms']:.1f}",
            f"{r['prism']['p50_ms']:.1f}/{r['prism']['p99_ms']:.1f}",
        ]
        for r in results
    ]  # fmt: skip
    headers = ["request", "ours req/s", "Prism req/s", "ours/Prism", "ours p50/p99 ms"]
    print(table([*headers, "Prism p50/p99 ms"], rows))
    m = report["machine"]
    print(f"{m['nproc']} x {m['cpu']}; load {m['loadavg']} -> {m['loadavg_after']}; {args.out}")
    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
