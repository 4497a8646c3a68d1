"""EXCEEDED_LIMIT_IP (313): repeated bad requests block one address for one window, no other.

Each mode gets its own mock (in-process, and a real server), because the test sets the limit
and moves the clock, which would disturb the session-wide mocks other tests share. The other
address is `192.0.2.7` in-process (the ASGI scope's client) and `127.0.0.2` against the server
(a real second loopback source address).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from starlette.testclient import TestClient

from mockserver.app import create_app
from mockserver.http.size_limits import MAX_QUERY_BYTES
from mockserver.pytest_plugin import Credentials, MockService, served_mock
from mockserver.settings import Settings

COMPANIES = 300
LIMIT = 3
WINDOW = 600


@dataclass(frozen=True)
class TwoAddresses:
    """One mock, reached from two client addresses."""

    mock: MockService
    other: httpx.Client


@pytest.fixture(params=["inprocess", pytest.param("server", marks=pytest.mark.server)])
def two_addresses(request: pytest.FixtureRequest) -> Iterator[TwoAddresses]:
    """A fresh mock of its own and a second client address, in both modes."""
    if request.param == "inprocess":
        app = create_app(Settings(companies=COMPANIES, validate_responses=True, random_seed=7))
        with (
            TestClient(app, base_url="http://testserver") as http,
            TestClient(app, base_url="http://testserver", client=("192.0.2.7", 50000)) as other,
        ):
            yield TwoAddresses(MockService(http, "http://testserver"), other)
        return
    with served_mock(COMPANIES, "--validate-responses") as mock:
        transport = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(base_url=mock.base_url, transport=transport, timeout=30) as other:
            yield TwoAddresses(mock, other)


def _good(http: httpx.Client, account: Credentials) -> httpx.Response:
    return http.get("/api/DownloadStatistics", params=account.query())


def _bad_requests(http: httpx.Client, account: Credentials) -> list[httpx.Response]:
    """Three kinds of bad input: a schema violation, an oversized query, an unknown request."""
    query = account.query()
    return [
        http.get("/api/CompanyList", params={**query, "pageNr": 1, "recordsPerPage": 500}),
        http.get("/api/Version", params={**query, "padding": "x" * (MAX_QUERY_BYTES + 1)}),
        http.get("/api/NoSuchRequest", params=query),
    ]


def test_bad_requests_block_one_address_for_one_window(two_addresses: TwoAddresses) -> None:
    mock, other = two_addresses.mock, two_addresses.other
    # Given a frozen clock at the start of a window, at most 3 bad requests per IP per 600 s
    epoch = mock.clock()["epoch"]
    mock.set_clock(epoch=epoch - epoch % WINDOW + 1, frozen=True)
    mock.control("PUT", "/limits", json={"badRequestsPerIp": LIMIT, "ipWindowSeconds": WINDOW})
    account = mock.new_account()
    assert _good(mock.http, account).status_code == 200
    # When one address sends 3 bad requests
    bad = _bad_requests(mock.http, account)
    # Then each was answered as what it is, naming the problem
    assert [r.status_code for r in bad] == [400, 400, 300], [r.text for r in bad]
    assert "recordsPerPage" in bad[0].json()["MessageDetail"]
    assert f"at most {MAX_QUERY_BYTES} bytes" in bad[1].json()["MessageDetail"]
    # And that address is now refused with 313, even for a good request
    blocked = _good(mock.http, account)
    assert blocked.status_code == 313, blocked.text
    assert blocked.headers["X-Error-Status"] == "EXCEEDED_LIMIT_IP"
    assert blocked.json()["Code"] == 313
    assert "bad requests for this IP address" in blocked.json()["Message"]
    # But another address with the same account is served
    assert _good(other, account).status_code == 200
    # When the clock passes the window minus one second, the address is still blocked
    mock.advance_clock(seconds=WINDOW - 2)
    assert _good(mock.http, account).status_code == 313
    # Then after the window it is served again
    mock.advance_clock(seconds=2)
    assert _good(mock.http, account).status_code == 200, "313 was not lifted after the window"


def test_good_requests_and_control_plane_errors_do_not_count(two_addresses: TwoAddresses) -> None:
    mock = two_addresses.mock
    # Given at most 2 bad requests per IP
    mock.control("PUT", "/limits", json={"badRequestsPerIp": 2, "ipWindowSeconds": WINDOW})
    mock.set_clock(epoch=mock.clock()["epoch"], frozen=True)
    account = mock.new_account()
    # When the address makes many good requests, refused control-plane requests and one bad one
    for _ in range(5):
        assert _good(mock.http, account).status_code == 200
    for _ in range(3):
        refused = mock.http.get("/_mock/accounts/nobody@example.nl/ledger")
        assert refused.status_code == 404
        oversized = mock.http.get("/_mock/clock", params={"x": "y" * (MAX_QUERY_BYTES + 1)})
        assert oversized.status_code == 400
    bad = mock.http.get("/api/CompanyList", params={**account.query(), "recordsPerPage": 0})
    assert bad.status_code == 400, bad.text
    # Then it is still served: only the one bad API request counted
    assert _good(mock.http, account).status_code == 200
