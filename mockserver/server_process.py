"""A mock server as a child process: start it, and stop, freeze or kill it with its workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from contextlib import suppress
from typing import Any

__all__ = [
    "DEFAULT_COMPANIES",
    "freeze_server",
    "kill_server",
    "start_server",
    "stop_server",
]

#: Companies in the dataset of a mock started without a count.
DEFAULT_COMPANIES = int(os.environ.get("DATACOLLECTIEF_MOCK_COMPANIES", "2000"))


def start_server(
    companies: int = DEFAULT_COMPANIES,
    *extra: str,
    workers: int = 1,
    program: Sequence[str] = (sys.executable, "-m", "mockserver"),
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
) -> tuple[subprocess.Popen[str], str]:
    """Start `python -m mockserver serve` on a free loopback port; return it and its URL.

    With `workers` > 1 the server runs that many processes on one database (a temporary file
    unless `extra` names `--db`); it is printed once every worker answers. `program` is the
    command before `serve` (e.g. an installed `datacollectief-mock` script)."""
    process = subprocess.Popen(
        [*program, "serve", "--host", "127.0.0.1", "--port", "0",
         "--companies", str(companies), "--workers", str(workers), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    printed = []
    for line in process.stdout:
        if "listening on " in line:
            # Keep reading what the server prints, so a full pipe never blocks it.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process, line.split("listening on ", 1)[1].strip()
        printed.append(line)
    process.kill()
    tail = "".join(printed[-20:])
    raise RuntimeError(f"the mock server exited before it was listening:\n{tail}")


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
