"""The README's examples run as written: the client example and the five-line plugin test."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from mockserver.pytest_plugin import start_server, stop_server

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


@pytest.mark.server
def test_the_client_example_downloads_a_company_from_a_served_mock() -> None:
    """Given `serve` on a free port, when the README's client example runs against it,
    then it finds DATA-collectief and downloads it without error."""
    process, url = start_server(500)
    try:
        example = PYTHON_BLOCKS[0].replace("http://127.0.0.1:8080", url)
        result = subprocess.run(
            [sys.executable, "-c", example], capture_output=True, text=True, timeout=60
        )
    finally:
        stop_server(process)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("DATA-collectief B.V.")


def test_the_plugin_example_passes_under_pytest(tmp_path: Path) -> None:
    """Given the README's plugin example as a test file, when pytest runs it in a fresh
    process, then it passes through the installed plugin."""
    (tmp_path / "test_example.py").write_text(PYTHON_BLOCKS[1], encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"DATACOLLECTIEF_MOCK_COMPANIES": "300", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
