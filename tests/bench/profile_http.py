"""Profile our mock under wrk load with py-spy: where the time of each request goes.

Usage: python -m tests.bench.profile_http [--seconds 15] [--out-dir var/bench/profile]
Writes one collapsed-stack file per request (open it in speedscope.app or flamegraph.pl) and
prints the top frames by own time and by inclusive time. Installs py-spy into this Python's
environment when it is missing.
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.bench.benchkit import CREDENTIALS, ROOT, Server, ensure_wrk, free_port, machine, table

__all__ = ["main", "summarize"]

_REQUESTS = {
    "companylist": f"/api/CompanyList?pageNr=1&recordsPerPage=10&companyName=*bouw*&{CREDENTIALS}",
    "downloadstatistics": f"/api/DownloadStatistics?{CREDENTIALS}",
}


def _py_spy() -> str:
    found = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "py-spy"], check=True)
        found = shutil.which("py-spy", path=str(Path(sys.executable).parent))
    if not found:
        sys.exit("py-spy is missing")
    return found


def _frame(frame: str) -> str:
    """`handle (connexion/middleware/security.py:100)` without the site-packages prefix."""
    return re.sub(r"\(.*?site-packages/", "(", frame)


def summarize(collapsed: str, top: int = 25) -> tuple[list[list[str]], list[list[str]], int]:
    """Top frames by own samples and by inclusive samples of a collapsed-stack profile."""
    own: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_frame(f) for f in stack.split(";")]
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count

    def rows(counter: collections.Counter[str]) -> list[list[str]]:
        return [[f"{100 * n / total:5.1f}%", name] for name, n in counter.most_common(top)]

    return rows(own), rows(inclusive), total


def main() -> int:
    """Serve, load with wrk, record with py-spy, summarize."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="recording per request")
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    parser.add_argument("--out-dir", default="var/bench/profile")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if not 0 < args.seconds <= 120:
        sys.exit("keep --seconds in (0, 120]")
    wrk, py_spy = ensure_wrk(), _py_spy()
    out = ROOT / args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    command = [
        sys.executable, "-m", "mockserver", "serve", "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "warning",
    ]  # fmt: skip
    print(machine(), file=sys.stderr)
    with Server("our mock", command, port, out / "serve.log") as server:
        server.wait_ready(_REQUESTS["downloadstatistics"])
        listed = httpx.get(server.base + _REQUESTS["companylist"], timeout=30).json()
        first = listed["Companies"][0]["Id"]
        # A company of the account: the measured requests re-download it free of charge.
        requests = {**_REQUESTS, "company": f"/api/Company?id={first}&{CREDENTIALS}"}
        for name, path in requests.items():
            if httpx.get(server.base + path, timeout=30).status_code != 200:
                sys.exit(f"{path} did not answer 200")
            load = subprocess.Popen(
                [wrk, "-t1", "-c16", f"-d{args.seconds + 4}s", server.base + path],
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(2)
            target = out / f"{name}.collapsed.txt"
            subprocess.run(
                [
                    py_spy,
                    "record",
                    "--pid",
                    str(server.process.pid),
                    "--duration",
                    str(args.seconds),
                    "--rate",
                    str(args.rate),
                    "--format",
                    "raw",
                    "--function",
                    "--nonblocking",
                    "-o",
                    str(target),
                ],  # fmt: skip
                check=True,
                capture_output=True,
                timeout=args.seconds + 60,
            )
            wrk_out, _ = load.communicate(timeout=args.seconds + 60)
            rps = re.search(r"Requests/sec:\s+([\d.]+)", wrk_out)
            own, inclusive, total = summarize(target.read_text(), args.top)
            print(f"\n== {name}: {rps[1] if rps else '?'} req/s under py-spy, {total} samples")
            print(table(["own", "frame"], own))
            print()
            print(table(["inclusive", "frame"], inclusive))
            print(f"({target.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
