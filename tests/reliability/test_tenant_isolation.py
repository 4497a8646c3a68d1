"""Tenant isolation: one account never reads or changes another's state through the API.

Two fresh accounts, A and B, on the same mock (in-process and a real server). A downloads,
offers mutations, saves a selection and has websites; every operation that takes the id of
an account-owned object is then tried by B with A's ids. Records themselves (companies,
contacts) are the shared dataset: what belongs to an account is its ownership windows,
selections, mutations, websites and leads, ledger and statistics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from mockserver.pytest_plugin import Credentials, MockService

CREDITS = 100


@dataclass(frozen=True)
class Tenants:
    """Account A after some activity, and account B that has done nothing yet."""

    mock: MockService
    a: Credentials
    b: Credentials
    company: int
    contact: int
    selection: int


def _api(
    mock: MockService, who: Credentials, method: str, name: str, **kwargs: Any
) -> httpx.Response:
    params = {**who.query(), **kwargs.pop("params", {})}
    return mock.http.request(method, f"/api/{name}", params=params, **kwargs)


def _ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def _refused(response: httpx.Response, code: int, status: str) -> str:
    """The service's error `code`; returns its message."""
    assert response.status_code == code, response.text
    assert response.headers["X-Error-Status"] == status
    body = response.json()
    assert (body["Code"], body["Status"]) == (code, status)
    return " ".join(filter(None, (body["Message"], body.get("MessageDetail"))))


def _state(mock: MockService, who: Credentials) -> dict[str, Any]:
    """Everything the control plane shows of one account."""
    user = who.user
    return {
        "ledger": mock.control("GET", f"/accounts/{user}/ledger"),
        "owned": mock.control("GET", f"/accounts/{user}/owned"),
        "feedback": mock.control("GET", f"/accounts/{user}/feedback"),
        "statistics": _ok(_api(mock, who, "GET", "DownloadStatistics")),
    }


@pytest.fixture
def tenants(mock: MockService) -> Tenants:
    """Given A owning a company and one of its contacts, with feedback on both and a selection."""
    a, b = mock.new_account(credits=CREDITS), mock.new_account(credits=CREDITS)
    company = _ok(_api(mock, a, "GET", "Company", params={"id": 1}))["Id"]
    contacts = _ok(_api(mock, a, "GET", "ContactList", params={"id": company}))["Contacts"]
    assert contacts, "company 1 has no contacts"
    contact = _ok(_api(mock, a, "GET", "Contact", params={"id": contacts[0]["ID"]}))["ID"]
    _ok(
        _api(mock, a, "POST", "UserFeedbackCompany",
             params={"companyId": company, "otherReason": "Moved"})
    )  # fmt: skip
    _ok(
        _api(
            mock,
            a,
            "POST",
            "UserFeedbackContactV2",
            json={"ContactId": contact, "OtherReason": "Left"},
        )
    )
    saved = mock.control("POST", "/selections", json={"user": a.user, "filters": {"city": "*"}})
    return Tenants(mock, a, b, company, contact, int(saved["selectionId"]))


def test_b_starts_with_nothing_of_a(tenants: Tenants) -> None:
    mock, b = tenants.mock, tenants.b
    # When B looks at its own state after A's activity
    state = _state(mock, b)
    # Then it holds only B's own grant: no ownership, mutations, charges or rewards of A
    assert state["owned"] == {"companies": [], "contacts": []}
    assert state["feedback"] == []
    assert [entry["kind"] for entry in state["ledger"]["entries"]] == ["acquired"]
    statistics = state["statistics"]
    assert statistics["CreditsBalance"] == statistics["CreditsAcquired"] == CREDITS
    assert statistics["CreditsUsed"] == statistics["CreditsFromWUS"] == 0


def test_ownership_is_per_account(tenants: Tenants) -> None:
    mock, a, b = tenants.mock, tenants.a, tenants.b
    a_before = _state(mock, a)
    # When B downloads the company and the contact A owns
    company = _ok(_api(mock, b, "GET", "Company", params={"id": tenants.company}))
    contact = _ok(_api(mock, b, "GET", "Contact", params={"id": tenants.contact}))
    # Then B pays for each (A's ownership is not B's) and gets its own windows
    b_after = _state(mock, b)
    assert b_after["statistics"]["CreditsUsed"] == 2
    assert [c["id"] for c in b_after["owned"]["companies"]] == [tenants.company]
    assert [c["id"] for c in b_after["owned"]["contacts"]] == [tenants.contact]
    assert company["OwnedUntil"] and contact["OwnedUntil"]
    # And A's windows, ledger, mutations and statistics did not change
    assert _state(mock, a) == a_before


@pytest.mark.parametrize(
    ("method", "name", "request_args", "code", "status"),
    [
        ("POST", "UserFeedbackCompany", {"params": {"otherReason": "x"}}, 315,
         "COMPANY_MUTATION_REFUSED"),
        ("POST", "UserFeedbackCompanyV2", {"json": {"OtherReason": "x"}}, 315,
         "COMPANY_MUTATION_REFUSED"),
        ("POST", "UserFeedbackContact", {"params": {"otherReason": "x"}}, 316,
         "CONTACT_MUTATION_REFUSED"),
        ("POST", "UserFeedbackContactV2", {"json": {"OtherReason": "x"}}, 316,
         "CONTACT_MUTATION_REFUSED"),
    ],
    ids=["company-v1", "company-v2", "contact-v1", "contact-v2"],
)  # fmt: skip
def test_b_cannot_offer_mutations_on_what_a_owns(
    tenants: Tenants, method: str, name: str, request_args: dict[str, Any], code: int, status: str
) -> None:
    mock, a, b = tenants.mock, tenants.a, tenants.b
    before = {"a": _state(mock, a), "b": _state(mock, b)}
    # When B offers a mutation on a record only A owns
    is_company = code == 315
    record = tenants.company if is_company else tenants.contact
    args = {key: dict(value) for key, value in request_args.items()}
    if "params" in args:
        args["params"]["companyId" if is_company else "contactId"] = record
    else:
        args["json"]["CompanyId" if is_company else "ContactId"] = record
    response = _api(mock, b, method, name, **args)
    # Then it is refused as not in B's possession
    _refused(response, code, status)
    # And neither account's ledger, ownership, mutations or statistics changed
    assert {"a": _state(mock, a), "b": _state(mock, b)} == before


def test_selection_of_another_account_is_309(tenants: Tenants) -> None:
    mock, a, b = tenants.mock, tenants.a, tenants.b
    # Given A reads its own selection
    page = {"selectionId": tenants.selection, "pageNr": 1}
    assert _ok(_api(mock, a, "GET", "CompanySelection", params=page))["TotalCount"] > 0
    # When B asks for A's selection, on its first and a later page
    for page_nr in (1, 2):
        response = _api(
            mock, b, "GET", "CompanySelection",
            params={"selectionId": tenants.selection, "pageNr": page_nr},
        )  # fmt: skip
        # Then it is 309, exactly as for a selection that does not exist
        assert _refused(response, 309, "UNKNOWN_SELECTION_ID") == "Unknown selection ID."
    missing = _api(
        mock, b, "GET", "CompanySelection", params={"selectionId": 2**31 - 1, "pageNr": 1}
    )
    assert missing.json() == response.json()
    # And B's own selection still pages for B only
    own = mock.control("POST", "/selections", json={"user": b.user, "filters": {"city": "*"}})
    assert own["selectionId"] != tenants.selection
    own_page = {"selectionId": own["selectionId"], "pageNr": 1}
    _ok(_api(mock, b, "GET", "CompanySelection", params=own_page))
    _refused(_api(mock, a, "GET", "CompanySelection", params=own_page), 309, "UNKNOWN_SELECTION_ID")


def _website_names(mock: MockService, who: Credentials) -> dict[str, dict[str, Any]]:
    websites = _ok(_api(mock, who, "GET", "WebsiteleadsWebsites"))["Websites"]
    return {site["Name"].lower(): site for site in websites}


def test_websites_and_leads_of_another_account_are_not_given(tenants: Tenants) -> None:
    mock, a = tenants.mock, tenants.a
    # Given A's websites and their leads (names come from a small pool, so accounts share some)
    a_sites = _website_names(mock, a)
    periods = {
        name: {"Website": site["Name"], "From": site["StartDate"], "To": "2099-12-31 23:59:59"}
        for name, site in a_sites.items()
    }
    a_leads = {
        name: _ok(_api(mock, a, "GET", "WebsiteleadsLeads", params=period))["Visits"]
        for name, period in periods.items()
    }
    refused = 0
    peer = tenants.b
    for _ in range(20):
        peer_sites = _website_names(mock, peer)
        for name, period in periods.items():
            # When another account asks for the leads of A's website
            response = _api(mock, peer, "GET", "WebsiteleadsLeads", params=period)
            if name in peer_sites:
                # Then, when it has a website of that name too, it gets its own visits
                assert _ok(response)["Visits"] != a_leads[name]
            else:
                # Then, when it has not, 400 names the website as not its own
                message = _refused(response, 400, "BAD_REQUEST")
                assert "Website" in message and period["Website"] in message, message
                refused += 1
        if refused:
            break
        peer = mock.new_account()
    assert refused, "twenty accounts had all of A's website names"


def test_credentials_of_two_accounts_do_not_mix(tenants: Tenants) -> None:
    mock, a, b = tenants.mock, tenants.a, tenants.b
    other_app = mock.new_account(applicationName="OtherApp")
    # When A's user name is sent with B's password, or with another account's application
    wrong_password = {**a.query(), "password": b.password}
    wrong_app = {**a.query(), "applicationName": other_app.application_name}
    # Then 304 and 305: nothing of A is answered
    first = mock.http.get("/api/DownloadStatistics", params=wrong_password)
    assert (first.status_code, first.headers["X-Error-Status"]) == (304, "WRONG_PASSWORD")
    second = mock.http.get("/api/DownloadStatistics", params=wrong_app)
    _refused(second, 305, "UNKNOWN_APPLICATION")


def test_an_activation_code_links_a_user_once(tenants: Tenants) -> None:
    mock, a, b = tenants.mock, tenants.a, tenants.b
    # Given a portal user who activated the application A and B both use
    user = f"linked-{a.user}"
    code = mock.control(
        "POST", f"/accounts/{user}/activation-codes", json={"applicationName": a.application_name}
    )["code"]
    # When A registers the user with the code
    linked = _ok(_api(mock, a, "POST", "RegisterAccount", params={"newUser": user, "code": code}))
    # Then B cannot redeem the same code again (303), so A's link stays A's
    refused = _api(mock, b, "POST", "RegisterAccount", params={"newUser": user, "code": code})
    _refused(refused, 303, "LICENSE_ID_MISMATCH")
    credentials = Credentials(linked["User"], linked["Password"], a.application_name)
    assert _ok(_api(mock, credentials, "GET", "DownloadStatistics"))["CreditsUsed"] == 0
    # And a main account of another application cannot use a code made for this one
    other = mock.new_account(applicationName="OtherApp")
    fresh = mock.control(
        "POST", f"/accounts/{user}/activation-codes", json={"applicationName": a.application_name}
    )["code"]
    refused = _api(mock, other, "POST", "RegisterAccount", params={"newUser": user, "code": fresh})
    _refused(refused, 303, "LICENSE_ID_MISMATCH")
