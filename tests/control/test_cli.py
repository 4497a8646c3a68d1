"""The command line: `serve` as a real process on a free port, `build`, and the host guard."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mockserver.cli import main
from mockserver.pytest_plugin import start_server, stop_server
from mockserver.settings import DEMO

DEMO_QUERY = {
    "user": DEMO.user,
    "password": DEMO.password,
    "applicationName": DEMO.application_name,
}
BANNER = "DATA-collectief mock listening on "


def _start(
    *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[str], str, list[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
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
        stop_server(process)


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


def test_serve_refuses_fewer_than_one_worker(capsys: pytest.CaptureFixture[str]) -> None:
    # When serve is asked for no worker at all
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--workers", "0"])
    # Then it exits 2 naming the option
    assert exited.value.code == 2
    assert "--workers" in capsys.readouterr().err


def test_serve_help_says_where_several_workers_keep_an_in_memory_database(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # When serve's help is asked for
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    # Then it names --workers and the temporary file it uses for the default --db
    text = " ".join(capsys.readouterr().out.split())
    assert "--workers" in text and "temporary file, removed at exit" in text


@pytest.mark.server
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_with_workers_stops_cleanly_and_removes_its_temporary_database(
    tmp_path: Path, stop: signal.Signals
) -> None:
    # Given `serve --workers 2` with the default in-memory database, its temp dir in tmp_path
    process, url, _ = _start(
        "--companies", "300", "--workers", "2", env={**os.environ, "TMPDIR": str(tmp_path)}
    )
    try:
        databases = list(tmp_path.glob("datacollectief-mock-*/mock.db"))
        workers = set()
        with httpx.Client(base_url=url, timeout=10, headers={"Connection": "close"}) as http:
            for _ in range(20):
                answer = http.get("/api/Version", params=DEMO_QUERY)
                assert answer.status_code == 200
                workers.add(int(answer.headers["X-Mock-Worker"]))
        # When the server gets the signal
        process.send_signal(stop)
        code = process.wait(timeout=20)
    finally:
        stop_server(process)
    # Then it served from a temporary database file, exits 0, stops its workers and removes
    # the file
    assert len(databases) == 1 and workers
    assert code == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert not list(tmp_path.iterdir())


def _running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.server
def test_stop_server_kills_a_hung_server_and_its_workers() -> None:
    # Given `serve --workers 2` whose supervisor hangs (stopped, it ignores SIGTERM)
    process, url = start_server(300, workers=2)
    try:
        workers: set[int] = set()
        with httpx.Client(base_url=url, timeout=10, headers={"Connection": "close"}) as http:
            for _ in range(40):
                answer = http.get("/api/Version", params=DEMO_QUERY)
                workers.add(int(answer.headers["X-Mock-Worker"]))
                if len(workers) == 2:
                    break
        os.kill(process.pid, signal.SIGSTOP)
        # When the fixture stops it and the graceful stop times out
        stop_server(process, timeout=1)
    finally:
        stop_server(process)
    # Then the supervisor was killed, and every worker went with it
    assert process.returncode == -signal.SIGKILL
    assert workers
    for _ in range(100):  # a killed orphan lingers until init reaps it
        if not any(_running(pid) for pid in workers):
            break
        time.sleep(0.1)
    assert not any(_running(pid) for pid in workers)
