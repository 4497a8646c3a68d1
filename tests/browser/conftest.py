"""A real mock server and headless Debian Chromium (driven by Playwright) for the portal flows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mockserver.pytest_plugin import MockService, served_mock

#: The system Chromium; Playwright cannot download its own browser in CI.
CHROMIUM = os.environ.get("DATACOLLECTIEF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = (
    f"The browser tests need Chromium at {CHROMIUM} (set DATACOLLECTIEF_CHROMIUM to use"
    " another). On Debian/Ubuntu: apt-get update && apt-get install -y chromium"
)


@pytest.fixture(scope="module")
def server() -> Iterator[MockService]:
    """A real mock server process with a small dataset."""
    with served_mock(1000) as service:
        yield service


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    """Playwright's driver (no browser download: it drives the system Chromium).

    Module-scoped: while the sync driver lives, its event loop counts as running in the main
    thread, and later tests that call `asyncio.run` would fail."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(MISSING, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def page(playwright: Any, tmp_path: Path) -> Iterator[Any]:
    """A page in a fresh Chromium profile (own cookies), closed after the test."""
    try:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "profile",
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            locale="nl-NL",
            viewport={"width": 1100, "height": 900},
        )
    except Exception as exc:  # the message names what is missing
        pytest.fail(f"{MISSING}\nLaunching it failed: {exc}", pytrace=False)
    context.set_default_timeout(15_000)
    try:
        yield context.pages[0] if context.pages else context.new_page()
    finally:
        context.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: $PORTAL_SCREENSHOTS when set, else the test's temp dir."""
    folder = Path(os.environ.get("PORTAL_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
