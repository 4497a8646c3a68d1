"""Session start of the in-process mock, as the plugin's `datacollectief_mock` fixture starts it.

Usage: python -m tests.bench.startup [--companies 2000] [--repeat 5] [--out FILE]
Each run is a fresh Python process that imports the mock, then times three phases: the
dataset (`create_backend`), the app set-up (`create_app`) and the first answered request
(the test client's start and one control-plane call). `cold` runs start from an empty cache
folder, `warm` runs from one an earlier run filled, `off` runs with the cache turned off
(`DATACOLLECTIEF_MOCK_CACHE=off`). Medians of `--repeat` runs, with the session start's CPU
time (all threads; steadier than wall time on a busy machine); `no demo` is the same start
without the demo account (two scrypt hashes at full cost).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from tests.bench.benchkit import ROOT, machine, median, table

__all__ = ["main", "measure"]

PHASES = ("imports", "dataset", "app", "first request")


def measure(companies: int, demo: bool) -> dict[str, float]:
    """Time one start in this process (seconds per phase)."""
    started = time.perf_counter()
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from starlette.testclient import TestClient

    from mockserver.app import create_app, create_backend
    from mockserver.inprocess import ReasonPhraseTransport
    from mockserver.settings import Settings

    imported, cpu = time.perf_counter(), time.process_time()
    settings = Settings(companies=companies, validate_responses=True, demo_account=demo)
    backend = create_backend(settings)
    built = time.perf_counter()
    app = create_app(settings, backend)
    ready = time.perf_counter()
    with TestClient(app, base_url="http://testserver") as http:
        http._transport = ReasonPhraseTransport(http._transport)
        assert http.get("/_mock/clock").status_code == 200
        answered = time.perf_counter()
        cpu = time.process_time() - cpu
    return {
        "imports": imported - started,
        "dataset": built - imported,
        "app": ready - built,
        "first request": answered - ready,
        "cpu": cpu,
    }


def _child(companies: int, demo: bool, cache: str) -> dict[str, float]:
    """One start in a fresh process with DATACOLLECTIEF_MOCK_CACHE=`cache`."""
    env = {**os.environ, "DATACOLLECTIEF_MOCK_CACHE": cache}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    command = [
        sys.executable,
        "-m",
        "tests.bench.startup",
        "--child",
        str(companies),
        "--demo",
        str(int(demo)),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _runs(companies: int, repeat: int, demo: bool) -> dict[str, list[dict[str, float]]]:
    """`repeat` cold, warm and uncached starts, taking turns."""
    runs: dict[str, list[dict[str, float]]] = {"cold": [], "warm": [], "off": []}
    with tempfile.TemporaryDirectory() as warm:
        _child(companies, demo, warm)  # fills the warm folder
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as cold:
                runs["cold"].append(_child(companies, demo, cold))
            runs["warm"].append(_child(companies, demo, warm))
            runs["off"].append(_child(companies, demo, "off"))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--demo", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, bool(args.demo))))
        return
    rows = []
    results: dict[str, Any] = {"machine": machine(), "companies": args.companies}
    for demo in (True, False):
        for mode, runs in _runs(args.companies, args.repeat, demo).items():
            label = f"{mode}{'' if demo else ', no demo'}"
            medians = {phase: median([run[phase] for run in runs]) for phase in PHASES}
            start = median([sum(run[p] for p in PHASES[1:]) for run in runs])
            cpu = median([run["cpu"] for run in runs])
            results[label] = {**medians, "session start": start, "session cpu": cpu}
            cells = [f"{value * 1000:.0f}" for value in (*medians.values(), start, cpu)]
            rows.append([label, *cells])
    headers = ["start (ms, median)", *PHASES, "session start", "its CPU time"]
    print(f"{args.companies} companies, {args.repeat} runs each; session start = all but imports")
    print(f"load average {results['machine']['loadavg']} on {results['machine']['nproc']} cores")
    print(table(headers, rows))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
