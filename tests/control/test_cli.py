"""The command line: `serve` as a real process on a free port, `build`, and the host guard."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mockserver.cli import main
from mockserver.settings import DEMO

DEMO_QUERY = {
    "user": DEMO.user,
    "password": DEMO.password,
    "applicationName": DEMO.application_name,
}
BANNER = "DATA-collectief mock listening on "


def _start(*args: str) -> tuple[subprocess.Popen[str], str, list[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    first = process.stdout.readline()
    if not first.startswith(BANNER):
        process.kill()
        raise AssertionError(f"unexpected first line: {first!r}")
    rest = [process.stdout.readline() for _ in range(2)]
    return process, first[len(BANNER) :].strip(), rest


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    db = tmp_path_factory.mktemp("serve") / "mock.db"
    process, url, rest = _start("--companies", "300", "--db", str(db))
    try:
        yield url, rest
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.server
def test_serve_prints_its_url_and_answers_the_demo_account(served: tuple[str, list[str]]) -> None:
    # Given `python -m mockserver serve --port 0` running as a process
    url, rest = served
    # When the demo account calls Version on the printed URL
    response = httpx.get(f"{url}/api/Version", params=DEMO_QUERY, timeout=10)
    # Then it answers 200 on a real loopback port, and the banner named the demo and the UI
    assert response.status_code == 200 and response.json()["Version"]
    assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
    assert DEMO.user in rest[0] and DEMO.password in rest[0]
    assert f"{url}/ui/" in rest[1]


@pytest.mark.server
def test_served_control_plane_answers_loopback(served: tuple[str, list[str]]) -> None:
    # When the control plane is called over the loopback interface
    url, _ = served
    response = httpx.get(f"{url}/_mock/clock", timeout=10)
    # Then it answers
    assert response.status_code == 200 and "epoch" in response.json()


def test_serve_refuses_a_public_host_without_token(capsys: pytest.CaptureFixture[str]) -> None:
    # When serve is asked to bind every interface without a control token
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--host", "0.0.0.0"])
    # Then it exits 2 with a message naming the fix
    assert exited.value.code == 2
    assert "--control-token" in capsys.readouterr().err


def test_build_writes_a_dataset_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # When a dataset file is built
    db = tmp_path / "data.db"
    assert main(["build", "--db", str(db), "--companies", "50", "--now", "1796000000"]) == 0
    # Then it exists and reports its size; a second build into it is refused
    assert db.is_file() and "50 companies" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        main(["build", "--db", str(db)])
    assert exited.value.code == 2
