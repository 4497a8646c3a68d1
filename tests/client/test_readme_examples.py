"""The README's examples run as written: each python block, found by the marker before it.

`<!-- example: served -->` (optionally `, prints "..."`) runs the block as a script against a
served mock (its `http://127.0.0.1:8080` replaced by the server's URL); `<!-- example: pytest -->`
runs it as a test file under pytest. Every python block carries a marker, and all of them pass
`mypy --strict` as a user's modules.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockserver.pytest_plugin import start_server, stop_server
from tests.support.readme import PYTHON_BLOCKS, SERVED, UNDER_PYTEST

ROOT = Path(__file__).resolve().parents[2]


def test_every_python_block_is_marked_as_an_example() -> None:
    """Given the README, then each python block is preceded by an example marker."""
    assert len(SERVED) + len(UNDER_PYTEST) == len(PYTHON_BLOCKS) and SERVED and UNDER_PYTEST


@pytest.fixture(scope="module")
def served_url() -> Iterator[str]:
    """A mock served on a free port for the README's client examples."""
    process, url = start_server(500)
    try:
        yield url
    finally:
        stop_server(process)


@pytest.mark.server
@pytest.mark.parametrize(
    ("prints", "code"), SERVED, ids=[f"served-{i}" for i in range(len(SERVED))]
)
def test_the_client_examples_run_against_a_served_mock(
    served_url: str, prints: str, code: str
) -> None:
    """Given `serve` on a free port, when a README client example runs against it, then it
    ends without error (and prints what its marker says first)."""
    example = code.replace("http://127.0.0.1:8080", served_url)
    result = subprocess.run(
        [sys.executable, "-c", example], capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(prints or "") and result.stdout.strip()


@pytest.mark.parametrize("code", UNDER_PYTEST)
def test_the_plugin_example_passes_under_pytest(tmp_path: Path, code: str) -> None:
    """Given the README's plugin example as a test file, when pytest runs it in a fresh
    process, then it passes through the installed plugin."""
    (tmp_path / "test_example.py").write_text(code, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"DATACOLLECTIEF_MOCK_COMPANIES": "300", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_the_examples_pass_mypy_strict_as_a_users_modules(tmp_path: Path) -> None:
    """Given each python block of the README as a module of its own, when `mypy --strict`
    checks them with the client distribution on its path, then it finds nothing."""
    files = []
    for index, code in enumerate(PYTHON_BLOCKS):
        files.append(tmp_path / f"readme_example_{index}.py")
        files[-1].write_text(code, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *map(str, files)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(ROOT / "generated")},
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
