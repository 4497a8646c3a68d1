"""Shared test configuration: the hypothesis settings profiles `dev` and `ci`."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from mockserver.pytest_plugin import MockService

__all__ = ["mock"]

# dev: hypothesis defaults. ci: fewer examples, reproducible, no flaky timing failures.
settings.register_profile("dev")
settings.register_profile(
    "ci", max_examples=10, derandomize=True, deadline=None, database=None, print_blob=True
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").strip().lower() == "true" else "dev")
)


@pytest.fixture(
    params=["inprocess", pytest.param("server", marks=pytest.mark.server)],
)
def mock(request: pytest.FixtureRequest) -> MockService:
    """The mock in both modes: in-process (`datacollectief_mock`) and a real server."""
    name = "datacollectief_mock" if request.param == "inprocess" else "datacollectief_server"
    service: MockService = request.getfixturevalue(name)
    return service
