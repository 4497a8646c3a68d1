"""`schemathesis run` (the CLI, all phases, schemathesis.toml) against a real mock server process.

The configuration is schemathesis.toml with the spec's per-operation expectations appended
(tests/support/schemathesis_config.py), written to a temporary file for `--config-file`.

A fresh account per run comes from the control plane; its credentials reach the config's
`${DATACOLLECTIEF_*}` placeholders through the environment. CI=true fixes the seed;
SCHEMATHESIS_PROFILE=deep runs many more examples, SCHEMATHESIS_PROFILE=long (`make fuzz-long`)
enough for 20,000+ cases, positive and negative, within 40 minutes. The run's summary (the
number of test cases per phase) is printed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mockserver.pytest_plugin import start_server, stop_server
from tests.support.schemathesis_config import config_text

__all__ = ["MAX_EXAMPLES", "PEER_ENVIRONMENT", "schemathesis_command"]

ROOT = Path(__file__).resolve().parents[2]
SPEC = "spec/datacollectief.yaml"
CI = os.environ.get("CI", "").strip().lower() == "true"
CI_SEED = 20261130
PROFILE = os.environ.get("SCHEMATHESIS_PROFILE", "ci")
MAX_EXAMPLES = {"ci": 15, "deep": 300, "long": int(os.environ.get("FUZZ_LONG_EXAMPLES", 700))}[
    PROFILE
]
CREDITS = 1_000_000
TIMEOUT = {"ci": 600, "deep": 3600, "long": 2400}[PROFILE]
#: The last lines of `schemathesis run`: the phases, the checks and the count of test cases.
SUMMARY_LINES = 40
#: Where the `tenant_isolated` check (tests/support/schemathesis_checks.py) finds its peer: a
#: second account that never acts.
PEER_ENVIRONMENT = {
    "user": "DATACOLLECTIEF_PEER_USER",
    "password": "DATACOLLECTIEF_PEER_PASSWORD",
    "applicationName": "DATACOLLECTIEF_PEER_APPLICATION",
}
#: The long run must reach this many test cases (issue #7).
LONG_MIN_CASES = 20_000


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A mock server process with response validation; its log is drained, not shown."""
    process, url = start_server(2000, "--validate-responses", "--strict-params")
    assert process.stdout is not None
    # Keep reading so the server never blocks on a full pipe.
    threading.Thread(target=process.stdout.read, daemon=True).start()
    try:
        yield url
    finally:
        stop_server(process)


def schemathesis_command(url: str, config: Path) -> list[str]:
    """The CLI call: the config file, the spec file, the server's URL, the profile's size, the
    CI seed."""
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config)]
    command += ["run", SPEC, "--url", url]
    command += ["--max-examples", str(MAX_EXAMPLES)]
    if CI:
        command += ["--seed", str(CI_SEED)]
    return command


@pytest.mark.server
@pytest.mark.slow
def test_schemathesis_cli_finds_no_failure(server: str, tmp_path: Path) -> None:
    # Given a fresh account with plenty of credits on a real server
    account = httpx.post(f"{server}/_mock/accounts", json={"credits": CREDITS}, timeout=30)
    assert account.status_code == 201, account.text
    credentials = account.json()
    # And a second account, the peer the tenant_isolated check replays reads as
    peer = httpx.post(f"{server}/_mock/accounts", json={"credits": CREDITS}, timeout=30)
    assert peer.status_code == 201, peer.text
    env = {
        # This run's peer wins over any left in os.environ (the in-process run sets its own).
        **os.environ,
        **{variable: peer.json()[scheme] for scheme, variable in PEER_ENVIRONMENT.items()},
        "DATACOLLECTIEF_USER": credentials["user"],
        "DATACOLLECTIEF_PASSWORD": credentials["password"],
        "DATACOLLECTIEF_APPLICATION": credentials["applicationName"],
        "NO_COLOR": "1",
    }
    # When `schemathesis run` fuzzes it with schemathesis.toml and the spec's expectations
    config = tmp_path / "schemathesis.toml"
    config.write_text(config_text(), encoding="utf-8")
    run = subprocess.run(
        schemathesis_command(server, config), cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=TIMEOUT,
    )  # fmt: skip
    # Then every phase ran and no check failed (nor did the run stop on a warning)
    output = run.stdout + run.stderr
    print("\n".join(output.splitlines()[-SUMMARY_LINES:]))
    assert run.returncode == 0, output[-20_000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in output, output[-5_000:]
    cases = re.search(r"(\d+) generated, (\d+) passed", output)
    assert cases is not None, output[-5_000:]
    assert cases[1] == cases[2], cases[0]
    if PROFILE == "long":
        assert int(cases[1]) >= LONG_MIN_CASES, f"Only {cases[1]} test cases: raise the examples"
