"""Fixtures of the helper tests: a fresh account on the mock (both modes) and its client."""

from __future__ import annotations

import pytest

from datacollectief_client import AuthenticatedClient
from mockserver.pytest_plugin import Credentials, MockService

__all__ = ["account", "async_client", "client", "served_account"]


@pytest.fixture
def account(mock: MockService) -> Credentials:
    """Given: a fresh account with no credits on the mock."""
    return mock.new_account(credits=0)


@pytest.fixture
def client(mock: MockService, account: Credentials) -> AuthenticatedClient:
    """Given: the generated client bound to that account."""
    bound: AuthenticatedClient = mock.client(account)
    return bound


@pytest.fixture
def served_account(datacollectief_server: MockService) -> Credentials:
    """Given: a fresh account with no credits on the served mock (for the async helpers)."""
    return datacollectief_server.new_account(credits=0)


@pytest.fixture
def async_client(
    datacollectief_server: MockService, served_account: Credentials
) -> AuthenticatedClient:
    """Given: a client of that account on the served mock, with its own httpx clients (the
    async one is built in the event loop that first uses it)."""
    return AuthenticatedClient(
        base_url=datacollectief_server.base_url,
        user=served_account.user,
        password=served_account.password,
        application_name=served_account.application_name,
    )
