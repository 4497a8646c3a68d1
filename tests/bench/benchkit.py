"""Shared helpers of the benchmarks: tools, processes, machine facts, statistics, tables."""

from __future__ import annotations

import math
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import httpx

__all__ = [
    "CREDENTIALS",
    "PRISM",
    "ROOT",
    "SPEC",
    "Server",
    "ensure_node_tools",
    "ensure_wrk",
    "free_port",
    "machine",
    "median",
    "percentile",
    "table",
]

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "datacollectief.yaml"
TOOLS = ROOT / "spec" / "tools"
PRISM = TOOLS / "node_modules" / ".bin" / "prism"
#: The demo account `python -m mockserver serve` creates, as query parameters.
CREDENTIALS = "user=demo%40example.nl&password=demo-api-password&applicationName=DemoApp"


def _run(command: Sequence[str]) -> None:
    print("+", " ".join(command), file=sys.stderr, flush=True)
    subprocess.run(command, check=True, timeout=900)


def ensure_wrk() -> str:
    """The path of wrk; installs Debian's package when missing (needs root)."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit("wrk is missing: install it (Debian: apt-get install wrk)")
    _run(["apt-get", "update", "-qq"])
    _run(["apt-get", "install", "-y", "-qq", "wrk"])
    found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is still missing after apt-get install")
    return found


def ensure_node_tools() -> Path:
    """The path of Prism; runs `npm ci` in spec/tools when it is missing."""
    if not PRISM.exists():
        _run(["npm", "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"])
    if not PRISM.exists():
        sys.exit(f"{PRISM.relative_to(ROOT)} is missing after npm ci")
    return PRISM


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """One server process on loopback, its output in a log file; stopped on exit."""

    def __init__(self, name: str, command: Sequence[str], port: int, log: Path) -> None:
        self.name = name
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log = log
        self._out: IO[bytes] = log.open("wb")
        self.process = subprocess.Popen(
            list(command), cwd=ROOT, stdout=self._out, stderr=subprocess.STDOUT
        )

    def wait_ready(self, path: str, timeout: float = 120.0) -> float:
        """Poll `path` until it answers 200; returns the seconds it took."""
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"{self.name} exited with {self.process.returncode}; see {self.log}")
            try:
                if httpx.get(self.base + path, timeout=5).status_code == 200:
                    return time.monotonic() - started
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        sys.exit(f"{self.name} did not answer 200 on {path} within {timeout} s; see {self.log}")

    def stop(self) -> None:
        """Terminate the process (kill it if it lingers)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._out.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match[1].strip() if match else "unknown"


def machine() -> dict[str, Any]:
    """Facts about this machine and its load right now."""
    return {
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (fraction in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    """The median of a non-empty sequence."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table, first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])
