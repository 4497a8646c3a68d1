"""No password reaches the server's output: its access log and journal mask them."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from mockserver.http.access_log import MaskSecrets
from mockserver.pytest_plugin import stop_server
from mockserver.settings import DEMO

__all__: list[str] = []

DEMO_QUERY = {
    "user": DEMO.user,
    "password": DEMO.password,
    "applicationName": DEMO.application_name,
}


def _serve_with_access_log(log: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """Given: `serve --access-log` writing everything it prints to `log`."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mockserver", "serve", "--port", "0", "--companies", "200",
             "--workers", str(workers), "--access-log"],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        for line in log.read_text(errors="replace").splitlines():
            if "listening on " in line:
                return process, line.split("listening on ", 1)[1].strip()
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the server did not start:\n{log.read_text(errors='replace')}")


@pytest.mark.server
@pytest.mark.parametrize("workers", [1, 2])
def test_the_access_log_never_shows_a_password(tmp_path: Path, workers: int) -> None:
    # Given a server that logs every request
    log = tmp_path / "server.log"
    process, url = _serve_with_access_log(log, workers)
    try:
        # When a client sends its credentials, right and wrong
        with httpx.Client(base_url=url, timeout=30) as http:
            for password in (DEMO.password, "Wrong-Secret-123"):
                http.get("/api/Version", params={**DEMO_QUERY, "password": password})
            journal = http.get("/_mock/journal", params={"limit": 5}).json()
    finally:
        stop_server(process, timeout=30)
    output = log.read_text(errors="replace")
    # (The start-up banner prints the demo credentials on purpose; the rest must not.)
    requests = [line for line in output.splitlines() if "/api/Version" in line]
    # Then the log shows both requests with the password masked, and never the password
    assert len(requests) == 2 and all("password=***" in line for line in requests), output
    assert "Wrong-Secret-123" not in output
    assert not any(DEMO.password in line for line in requests)
    # And so does the journal
    assert all("password=***" in entry["query"] for entry in journal)


def test_the_filter_leaves_other_records_alone() -> None:
    # Given records with and without a request line
    plain = logging.LogRecord("x", logging.INFO, __file__, 1, "started %s", ("ok",), None)
    request = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5", "GET", "/api/Version?user=a&PassWord=s3cret&x=1", "1.1", 200), None,
    )  # fmt: skip
    # When the filter sees them
    kept = [MaskSecrets().filter(record) for record in (plain, request)]
    # Then both are kept; only the password of the request line is masked
    assert kept == [True, True]
    assert plain.getMessage() == "started ok"
    assert request.getMessage() == (
        '127.0.0.1:5 - "GET /api/Version?user=a&PassWord=***&x=1 HTTP/1.1" 200'
    )
