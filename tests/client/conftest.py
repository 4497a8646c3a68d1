"""Fixtures shared by the client rule tests: a frozen clock and lifted request limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockserver.pytest_plugin import MockService
from tests.support.client_rules import NO_LIMITS

__all__ = ["frozen_now", "limits"]


@pytest.fixture
def frozen_now(mock: MockService) -> Iterator[int]:
    """Given: the mock's clock frozen at its current moment; put back after the test."""
    saved = mock.clock()
    mock.set_clock(epoch=saved["epoch"], frozen=True)
    try:
        yield int(saved["epoch"])
    finally:
        mock.set_clock(epoch=saved["epoch"], frozen=saved["frozen"])


@pytest.fixture
def limits(mock: MockService, frozen_now: int) -> Iterator[MockService]:
    """Given: limits may be set (on a frozen clock); they are all lifted after the test."""
    try:
        yield mock
    finally:
        mock.control("PUT", "/limits", json=NO_LIMITS)
