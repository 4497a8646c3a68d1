"""Determinism: a seed gives the same dataset whenever it is built, and a served mock with the
same seed, start and random seed answers the same requests with the same bytes."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from mockserver.pytest_plugin import start_server, stop_server
from mockserver.settings import DEMO
from mockserver.store.build import build_dataset
from tests.support.spec_requests import example_requests

__all__: list[str] = []

CREDENTIALS = {
    "user": DEMO.user,
    "password": DEMO.password,
    "applicationName": DEMO.application_name,
}
#: The same start for both runs: a moment well after the dataset's reference moment.
NOW = "2026-06-15 12:00:00"
#: Headers that name the moment of sending or the process, not the answer.
VOLATILE = {"date", "server"}


def dump(path: Path) -> list[str]:
    """Every statement that recreates the database, in order."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def test_a_seed_builds_the_same_dataset_at_any_wall_clock_time(tmp_path: Path) -> None:
    # Given the same seed and size, built twice a few seconds apart
    build_dataset(tmp_path / "first.sqlite", seed=3, companies=120)
    time.sleep(1.1)
    build_dataset(tmp_path / "second.sqlite", seed=3, companies=120)
    # When both are dumped
    # Then every row is the same: no timestamp follows the wall clock
    assert dump(tmp_path / "first.sqlite") == dump(tmp_path / "second.sqlite")


def answers(url: str) -> list[tuple[int, str, list[tuple[str, str]], bytes]]:
    """The answers of every operation's example request, then a few of the control plane."""
    with httpx.Client(base_url=url, timeout=30) as client:
        requests = [(method, path, body) for method, path, body in example_requests()] + [
            ("GET", "/_mock/clock", None),
            ("GET", f"/_mock/accounts/{DEMO.user}/ledger", None),
        ]
        seen = []
        for method, path, body in requests:
            params = CREDENTIALS if path.startswith("/api/") else None
            response = client.request(method, path, params=params, json=body)
            headers = sorted((k, v) for k, v in response.headers.items() if k not in VOLATILE)
            # The port differs from run to run; links name it (UrlAccountInfo, selections).
            content = response.content.replace(url.encode(), b"http://mock")
            seen.append((response.status_code, path, headers, content))
        return seen


@pytest.mark.server
def test_two_servers_with_one_seed_and_start_answer_byte_for_byte_alike() -> None:
    # Given two servers, one after the other, with the same seed, start and random seed
    runs = []
    for _ in range(2):
        process, url = start_server(
            150, "--seed", "5", "--now", NOW, "--frozen-clock", "--random-seed", "9"
        )
        try:
            # When every operation is asked with its example, as the demo account
            runs.append(answers(url))
        finally:
            stop_server(process)
    # Then both runs answered alike, to the byte, and not only with errors
    first, second = runs
    for one, other in zip(first, second, strict=True):
        assert one == other, one[1]
    assert sum(1 for status, *_ in first if status == 200) >= 15
