"""The mock as the upstream: answers through the proxy are the mock's, byte for byte, and a
schemathesis run through the proxy finds no departure from the contract."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mockserver.pytest_plugin import start_server, stop_server
from tests.support.proxy import ProxyProcess, proxy_process
from tests.support.schemathesis_config import config_text

ROOT = Path(__file__).resolve().parents[2]
#: Examples per operation and phase: enough to reach every operation, bounded in time.
MAX_EXAMPLES = 3
#: Seconds the schemathesis run may take at most.
RUN_TIMEOUT = 600


@pytest.fixture(scope="module")
def mock() -> Iterator[str]:
    """A mock server process holding every answer to the contract, and its URL."""
    process, url = start_server(200, "--validate-responses", "--strict-params")
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def proxy(mock: str) -> Iterator[ProxyProcess]:
    """The proxy in front of the mock."""
    with proxy_process(mock) as running:
        yield running


def _account(mock: str) -> dict[str, str]:
    created = httpx.post(f"{mock}/_mock/accounts", json={"credits": 1_000_000}, timeout=30)
    assert created.status_code == 201, created.text
    return {key: created.json()[key] for key in ("user", "password", "applicationName")}


def _requests(credentials: dict[str, str]) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, httpx arguments) of requests with answers of every kind."""
    wrong = {**credentials, "password": "not-the-password"}
    return [
        ("GET", "/api/Version", {"params": credentials}),
        ("GET", "/api/DownloadStatistics", {"params": credentials}),
        ("GET", "/api/CompanyList", {"params": {**credentials, "city": "*e*"}}),
        ("GET", "/api/Company", {"params": {**credentials, "id": 1}}),
        ("GET", "/api/Company", {"params": {**credentials, "id": 999_999_999}}),
        ("GET", "/api/Company", {"params": {**credentials, "id": "x"}}),
        ("GET", "/api/Company", {"params": {**wrong, "id": 1}}),
        ("GET", "/api/BaseTableFunction",
         {"params": credentials, "headers": {"Accept": "application/xml"}}),
        ("POST", "/api/UpdatedCompaniesV2",
         {"params": credentials,
          "json": {"LastChangedDate": "2020-01-01 00:00:00", "CompanyIds": [1, 2]}}),
        ("GET", "/api/NoSuchRequest", {"params": credentials}),
    ]  # fmt: skip


def _wire(answer: httpx.Response) -> tuple[int, str, list[tuple[bytes, bytes]], bytes]:
    headers = [(k.lower(), v) for k, v in answer.headers.raw if k.lower() != b"date"]
    return answer.status_code, answer.reason_phrase, headers, answer.content


@pytest.mark.server
def test_answers_through_the_proxy_are_byte_identical(mock: str, proxy: ProxyProcess) -> None:
    # Given an account on the mock, and a client that sends exactly what it is given
    credentials = _account(mock)
    with httpx.Client(timeout=30, headers={"Accept-Encoding": "identity"}) as client:
        for method, path, arguments in _requests(credentials):
            # When the same request goes to the mock directly and through the proxy
            direct = client.request(method, mock + path, **arguments)
            proxied = client.request(method, proxy.url + path, **arguments)
            # Then status, reason phrase, headers (but the date) and body are the same
            assert _wire(proxied) == _wire(direct), f"{method} {path}"


@pytest.mark.server
@pytest.mark.slow
def test_schemathesis_through_the_proxy_finds_no_departure(
    mock: str, proxy: ProxyProcess, tmp_path: Path
) -> None:
    # Given a fresh account and the schemathesis configuration without the mock-only hooks
    credentials = _account(mock)
    config = tmp_path / "schemathesis.toml"
    text = "\n".join(line for line in config_text().splitlines() if not line.startswith("hooks ="))
    config.write_text(text + "\n", encoding="utf-8")
    env = {
        **os.environ, "NO_COLOR": "1",
        "DATACOLLECTIEF_USER": credentials["user"],
        "DATACOLLECTIEF_PASSWORD": credentials["password"],
        "DATACOLLECTIEF_APPLICATION": credentials["applicationName"],
    }  # fmt: skip
    # When `schemathesis run` goes through the proxy
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
         "spec/datacollectief.yaml", "--url", proxy.url, "--max-examples", str(MAX_EXAMPLES),
         "--seed", "20261208"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT,
    )  # fmt: skip
    # Then schemathesis finds nothing, and the proxy saw many exchanges but no departure
    assert run.returncode == 0, (run.stdout + run.stderr)[-5_000:]
    report = httpx.get(f"{proxy.url}/_proxy/report", timeout=30).json()
    departures = httpx.get(f"{proxy.url}/_proxy/departures", timeout=30).json()
    assert departures == []
    assert report["exchanges"] > 100, report
    assert proxy.departure_lines() == []
