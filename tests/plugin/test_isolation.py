"""Per-test isolation of the in-process mock: what one test changes, the next never sees."""

from __future__ import annotations

from typing import Any

import pytest

from datacollectief_client.api.companies import download_company, get_company_limited
from datacollectief_client.models import Company, CompanyLimited
from mockserver.pytest_plugin import Credentials, MockService

__all__: list[str] = []


def _observable(mock: MockService, user: str) -> dict[str, Any]:
    """Everything a test could see of the state: the user's ledger, clock, faults, limits,
    journal and company 1, read through the control plane and the API."""
    ledger = mock.http.get(f"/_mock/accounts/{user}/ledger")
    company = get_company_limited.sync(client=mock.client(_reader(mock)), id=1)
    assert isinstance(company, CompanyLimited)
    return {
        "ledger": (ledger.status_code, ledger.json()),
        "clock": mock.clock(),
        "faults": mock.control("GET", "/faults"),
        "limits": mock.control("GET", "/limits"),
        "journal": [(e["method"], e["path"]) for e in mock.control("GET", "/journal")],
        "company": company.name,
    }


_READERS: dict[int, Credentials] = {}


def _reader(mock: MockService) -> Credentials:
    """One account, made outside any isolation, that reads company 1 for free."""
    if id(mock) not in _READERS:
        _READERS[id(mock)] = mock.new_account(credits=0)
    return _READERS[id(mock)]


def _change_everything(mock: MockService, user: str) -> Credentials:
    """When: a test makes an account and changes the clock, faults, limits and a company."""
    credentials = mock.new_account(credits=7, user=user)
    client = mock.client(credentials)
    assert isinstance(download_company.sync(client=client, id=2), Company)
    mock.set_clock(epoch=1_900_000_000, frozen=True)
    mock.control("POST", "/faults", json={"operation": "getVersion", "status": 314})
    mock.control("PUT", "/limits", json={"perHour": 1})
    mock.control("PATCH", "/companies/1", json={"Name": "Changed by an isolated test"})
    return credentials


def test_leaving_an_isolation_undoes_every_change(datacollectief_mock: MockService) -> None:
    # Given the state of the session-wide mock, read before and after a plain change
    user = "isolated-everything@example.nl"
    _reader(datacollectief_mock)
    datacollectief_mock.control("DELETE", "/journal")
    before = _observable(datacollectief_mock, user)
    # When a block under isolation changes accounts, credits, clock, faults, limits, a company
    with datacollectief_mock.isolated() as mock:
        _change_everything(mock, user)
        inside = _observable(mock, user)
    after = _observable(datacollectief_mock, user)
    # Then the block saw its changes, and after it none of them is left; the journal holds
    # what it held before (plus the reads of `before` and `after` themselves)
    assert inside["ledger"][0] == 200 and inside["company"] != before["company"]
    assert inside["clock"]["epoch"] == 1_900_000_000 and inside["faults"]
    assert after["ledger"][0] == 404
    for key in ("clock", "faults", "limits", "company"):
        if key == "clock":
            assert after["clock"]["frozen"] == before["clock"]["frozen"]
            assert abs(after["clock"]["epoch"] - before["clock"]["epoch"]) < 60
        else:
            assert after[key] == before[key], key
    changes = {("POST", "/_mock/faults"), ("PATCH", "/_mock/companies/1"), ("PUT", "/_mock/clock")}
    assert changes <= set(inside["journal"])
    assert not changes & set(after["journal"])
    assert after["journal"][-len(before["journal"]) :] == before["journal"]


def test_isolations_nest(datacollectief_mock: MockService) -> None:
    # Given an outer isolation with an account in it
    with datacollectief_mock.isolated() as mock:
        outer = mock.new_account(user="outer-isolation@example.nl")
        # When an inner isolation makes another account and ends
        with mock.isolated():
            mock.new_account(user="inner-isolation@example.nl")
        # Then the outer one's account is still there, the inner one's is gone
        assert mock.http.get(f"/_mock/accounts/{outer.user}/ledger").status_code == 200
        assert mock.http.get("/_mock/accounts/inner-isolation@example.nl/ledger").status_code == 404
    assert mock.http.get(f"/_mock/accounts/{outer.user}/ledger").status_code == 404


def test_a_failed_request_inside_an_isolation_keeps_the_isolation(
    datacollectief_mock: MockService,
) -> None:
    # Given an isolation, when a control request fails inside it (its transaction rolls back)
    with datacollectief_mock.isolated() as mock:
        mock.new_account(user="kept-until-the-end@example.nl")
        with pytest.raises(AssertionError, match="400"):
            mock.control("POST", "/accounts", json={"user": "kept-until-the-end@example.nl"})
        # Then what the test did before the failure is still there until the isolation ends
        assert mock.http.get("/_mock/accounts/kept-until-the-end@example.nl/ledger").is_success
    assert (
        datacollectief_mock.http.get(
            "/_mock/accounts/kept-until-the-end@example.nl/ledger"
        ).status_code
        == 404
    )


def test_a_server_cannot_be_isolated() -> None:
    # Given a MockService without an in-process app, when isolation is asked, then TypeError
    import httpx

    with httpx.Client() as http, pytest.raises(TypeError, match="in-process"):
        with MockService(http, "http://127.0.0.1:9").isolated():
            pass
