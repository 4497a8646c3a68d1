"""The portal pages in-process: sign-in, CSRF, escaping, activation, selection tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockserver.app import create_app
from mockserver.domain.records import COMPANY
from mockserver.settings import Settings

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
LOCAL = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(Settings(companies=500, random_seed=7, validate_responses=True))


@pytest.fixture
def browser(app: Any) -> Iterator[TestClient]:
    """A fresh browser (own cookie jar) that does not follow redirects."""
    with TestClient(app, follow_redirects=False) as client:
        yield client


@pytest.fixture
def clock(app: Any) -> Iterator[TestClient]:
    """The control plane; the clock is put back after the test."""
    with TestClient(app) as control:
        saved = control.get("/_mock/clock").json()
        yield control
        control.put("/_mock/clock", json={"epoch": saved["epoch"], "frozen": saved["frozen"]})


def new_account(browser: TestClient, **fields: Any) -> dict[str, Any]:
    response = browser.post("/_mock/accounts", json={"credits": 20, **fields})
    assert response.status_code == 201, response.text
    return dict(response.json())


def api(browser: TestClient, account: dict[str, Any], name: str, method: str = "GET", **params):
    query = {k: account[k] for k in ("user", "password", "applicationName")} | params
    return browser.request(method, f"/api/{name}", params=query)


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, "the page has no CSRF field"
    return match[1]


def sign_in(browser: TestClient, account: dict[str, Any]) -> str:
    """Sign in; returns the CSRF token of the Mijn applicaties page."""
    token = csrf_of(browser.get("/mijn/inloggen").text)
    answer = browser.post(
        "/mijn/inloggen",
        data={"csrf": token, "email": account["user"], "wachtwoord": account["portalPassword"]},
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/mijn/applicaties"
    page = browser.get("/mijn/applicaties")
    assert page.status_code == 200
    return csrf_of(page.text)


def count_rows(app: Any, table: str) -> int:
    return int(app.backend.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def selection_path(browser: TestClient, account: dict[str, Any]) -> str:
    url = api(browser, account, "UrlCompanySelection").json()["Url"]
    assert url.startswith("http://testserver/selectie/")
    return url.removeprefix("http://testserver")


# -- sign-in -------------------------------------------------------------------------------
def test_mijn_pages_need_a_sign_in(browser: TestClient) -> None:
    for path in ("/mijn", "/mijn/applicaties"):
        answer = browser.get(path, follow_redirects=True)
        assert answer.url.path == "/mijn/inloggen"
        assert "Wachtwoord" in answer.text


def test_a_wrong_password_shows_a_dutch_message_and_sets_no_session(browser: TestClient) -> None:
    account = new_account(browser)
    token = csrf_of(browser.get("/mijn/inloggen").text)
    answer = browser.post(
        "/mijn/inloggen", data={"csrf": token, "email": account["user"], "wachtwoord": "fout"}
    )
    assert answer.status_code == 401
    assert "horen niet bij elkaar" in answer.text
    assert f'value="{account["user"]}"' in answer.text
    assert "dc_sessie" not in browser.cookies
    unknown = browser.post(
        "/mijn/inloggen", data={"csrf": token, "email": "niemand@example.nl", "wachtwoord": "x"}
    )
    assert unknown.status_code == 401 and "horen niet bij elkaar" in unknown.text
    empty = browser.post("/mijn/inloggen", data={"csrf": token, "email": "", "wachtwoord": ""})
    assert empty.status_code == 400 and "Vul uw e-mailadres en wachtwoord in." in empty.text


def test_sign_in_without_a_valid_csrf_token_is_refused(browser: TestClient) -> None:
    account = new_account(browser)
    form = {"email": account["user"], "wachtwoord": account["portalPassword"]}
    browser.get("/mijn/inloggen")
    for token in (None, "vervalst", "x" * 43):
        data = form if token is None else {**form, "csrf": token}
        answer = browser.post("/mijn/inloggen", data=data)
        assert answer.status_code == 403
        assert "Het formulier was verlopen" in answer.text
        assert "dc_sessie" not in browser.cookies


def test_the_session_cookie_is_http_only_lax_and_signed(browser: TestClient) -> None:
    account = new_account(browser)
    token = csrf_of(browser.get("/mijn/inloggen").text)
    answer = browser.post(
        "/mijn/inloggen",
        data={"csrf": token, "email": account["user"], "wachtwoord": account["portalPassword"]},
    )
    assert answer.status_code == 303
    for cookie in answer.headers.get_list("set-cookie"):
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    page = browser.get("/mijn/applicaties")
    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    payload, _, mac = browser.cookies["dc_sessie"].partition(".")
    for forged in (f"{payload}.{mac[::-1]}", f"{payload[:-2]}.{mac}", "kapot"):
        with TestClient(
            browser.app, follow_redirects=False, cookies={"dc_sessie": forged}
        ) as other:
            assert other.get("/mijn/applicaties").status_code == 303


def test_signing_out_needs_the_token_and_ends_the_session(browser: TestClient) -> None:
    token = sign_in(browser, new_account(browser))
    assert browser.post("/mijn/uitloggen", data={"csrf": "nee"}).status_code == 403
    assert browser.get("/mijn/applicaties").status_code == 200
    answer = browser.post("/mijn/uitloggen", data={"csrf": token}, follow_redirects=True)
    assert "U bent uitgelogd." in answer.text
    assert browser.get("/mijn/applicaties").status_code == 303


# -- Mijn applicaties ----------------------------------------------------------------------
def test_activation_gives_a_code_that_links_the_user(app: Any, browser: TestClient) -> None:
    main = new_account(browser, applicationName="PortalTestApp")
    member = new_account(browser, applicationName="MemberOwnApp")
    token = sign_in(browser, member)
    codes = count_rows(app, "activation_codes")
    refused = browser.post("/mijn/applicaties/activeren", data={"applicatie": "PortalTestApp"})
    assert refused.status_code == 403 and count_rows(app, "activation_codes") == codes
    unknown = browser.post(
        "/mijn/applicaties/activeren", data={"csrf": token, "applicatie": "<b>GeenApp</b>"}
    )
    assert unknown.status_code == 404
    assert "kent geen applicatie met de naam &lt;b&gt;GeenApp&lt;/b&gt;" in unknown.text
    page = browser.post(
        "/mijn/applicaties/activeren", data={"csrf": token, "applicatie": "PortalTestApp"}
    )
    assert page.status_code == 200
    code = re.search(r'id="activatiecode">([A-Z0-9-]+)<', page.text)
    assert code, page.text
    registered = api(browser, main, "RegisterAccount", "POST", newUser=member["user"], code=code[1])
    assert registered.status_code == 200, registered.text
    linked = {
        "user": member["user"],
        "password": registered.json()["Password"],
        "applicationName": "PortalTestApp",
    }
    assert api(browser, linked, "DownloadStatistics").status_code == 200
    overview = browser.get("/mijn/applicaties").text
    assert "PortalTestApp" in overview and "Gekoppeld account" in overview

    gone = browser.post(
        "/mijn/applicaties/ontkoppelen",
        data={"csrf": token, "applicatie": "PortalTestApp"},
        follow_redirects=True,
    )
    assert "De applicatie is ontkoppeld." in gone.text and "Ontkoppeld op" in gone.text
    revoked = api(browser, linked, "DownloadStatistics")
    assert revoked.status_code == 302
    assert revoked.headers["X-Error-Status"] == "LICENSE_REVOKED"
    again = browser.post(
        "/mijn/applicaties/ontkoppelen", data={"csrf": token, "applicatie": "PortalTestApp"}
    )
    assert again.status_code == 400 and "niet (meer) gekoppeld" in again.text


def test_credits_owned_records_and_mutations_are_shown(app: Any, browser: TestClient) -> None:
    account = new_account(browser, credits=5)
    assert api(browser, account, "Company", id=3).status_code == 200
    contacts = api(browser, account, "ContactList", id=3).json()["Contacts"]
    if contacts:
        assert api(browser, account, "Contact", id=contacts[0]["ID"]).status_code == 200
    feedback = api(browser, account, "UserFeedbackCompany", "POST", companyId=3, reasonId=1)
    assert feedback.status_code == 200, feedback.text
    with TestClient(app) as control:
        feedback_id = feedback.json()["FeedbackId"]
        control.put(f"/_mock/feedback/{feedback_id}", json={"status": "InProgress"})
    sign_in(browser, account)
    page = browser.get("/mijn/applicaties").text
    stats = api(browser, account, "DownloadStatistics").json()
    assert f'id="saldo">{stats["CreditsBalance"]}<' in page
    owned = browser.app.backend.owned(account["user"], COMPANY)
    until = re.search(r'<table id="bedrijven">.*?</table>', page, re.S)
    assert until and LOCAL.search(until[0])
    assert len(owned) == 1 and str(owned[0]["record_id"]) in until[0]
    assert "In behandeling" in page and "Adres onjuist" in page


def test_an_injected_script_in_a_company_name_is_shown_as_text(browser: TestClient) -> None:
    account = new_account(browser)
    assert api(browser, account, "Company", id=5).status_code == 200
    patched = browser.patch("/_mock/companies/5", json={"Name": SCRIPT})
    assert patched.status_code == 200, patched.text
    sign_in(browser, account)
    page = browser.get("/mijn/applicaties").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert SCRIPT not in page


def test_an_unexpected_failure_shows_a_dutch_page(
    browser: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(browser, new_account(browser))

    def broken(account_id: int) -> None:
        raise RuntimeError("kapot: secret detail")

    monkeypatch.setattr(browser.app.backend, "portal_overview", broken)
    answer = browser.get("/mijn/applicaties")
    assert answer.status_code == 500
    assert "Er ging aan onze kant iets mis" in answer.text
    assert "Traceback" not in answer.text and "secret detail" not in answer.text


# -- the selection page --------------------------------------------------------------------
def test_a_selection_saved_on_the_page_pages_through_exactly_its_companies(
    app: Any, browser: TestClient
) -> None:
    account = new_account(browser)
    path = selection_path(browser, account)
    page = browser.get(path)
    assert page.status_code == 200 and "Zuid-Holland" in page.text
    filters = {"provincie": "Zuid-Holland", "plaats": "*e*"}
    count = browser.get(f"{path}/aantal", params=filters).json()["aantal"]
    assert count > 0
    saved = browser.post(path, data={"csrf": csrf_of(page.text), **filters})
    assert saved.status_code == 200
    number = int(re.search(r'id="selectienummer">(\d+)<', saved.text)[1])  # type: ignore[index]
    ids: list[int] = []
    for page_nr in range(1, 100):
        companies = api(
            browser, account, "CompanySelection", selectionId=number, pageNr=page_nr
        ).json()
        assert companies["TotalCount"] == count
        assert len(companies["Companies"]) <= 8
        if not companies["Companies"]:
            break
        ids += [company["Id"] for company in companies["Companies"]]
    assert len(ids) == len(set(ids)) == count
    marks = ",".join("?" * len(ids))
    rows = app.backend.conn.execute(
        f"SELECT province, city FROM companies WHERE id IN ({marks})", ids
    ).fetchall()
    assert all(row["province"] == "Zuid-Holland" and "e" in row["city"].lower() for row in rows)
    other = new_account(browser)
    foreign = api(browser, other, "CompanySelection", selectionId=number, pageNr=1)
    assert foreign.status_code == 309


def test_bad_filters_are_explained_and_save_nothing(app: Any, browser: TestClient) -> None:
    path = selection_path(browser, new_account(browser))
    token = csrf_of(browser.get(path).text)
    before = count_rows(app, "selections")
    answer = browser.post(path, data={"csrf": token, "provincie": "Brabant", "branche": "999"})
    assert answer.status_code == 400
    assert "Kies een provincie uit de lijst." in answer.text
    assert "Kies een branche uit de lijst." in answer.text
    assert browser.get(f"{path}/aantal", params={"werknemers": "x"}).status_code == 400
    empty = browser.post(path, data={"csrf": token, "plaats": "Geenplaatsnaamhier"})
    assert empty.status_code == 400 and "Geen enkel bedrijf voldoet" in empty.text
    assert count_rows(app, "selections") == before


def test_saving_without_the_pages_csrf_token_creates_nothing(app: Any, browser: TestClient) -> None:
    account = new_account(browser)
    path, other_path = selection_path(browser, account), selection_path(browser, account)
    other_token = csrf_of(browser.get(other_path).text)
    browser.get(path)
    before = count_rows(app, "selections")
    for data in ({}, {"csrf": "vervalst"}, {"csrf": other_token}):
        answer = browser.post(path, data={**data, "provincie": "Utrecht"})
        assert answer.status_code == 403 and "Het formulier was verlopen" in answer.text
    assert count_rows(app, "selections") == before


def test_unknown_and_expired_tokens_show_an_error_and_create_nothing(
    app: Any, browser: TestClient, clock: TestClient
) -> None:
    account = new_account(browser)
    path = selection_path(browser, account)
    token = csrf_of(browser.get(path).text)
    before = count_rows(app, "selections")
    for unknown in ("/selectie/onbekend", "/selectie/" + "A" * 300):
        page = browser.get(unknown)
        assert page.status_code == 404 and "bestaat niet" in page.text
        assert browser.post(unknown, data={"csrf": token}).status_code == 404
        assert browser.get(f"{unknown}/aantal").status_code == 404
    clock.post("/_mock/clock/advance", json={"days": 1, "seconds": 1})
    expired = browser.get(path)
    assert expired.status_code == 410 and "verlopen" in expired.text
    assert browser.post(path, data={"csrf": token, "provincie": "Utrecht"}).status_code == 410
    assert browser.get(f"{path}/aantal").status_code == 410
    assert count_rows(app, "selections") == before


def test_the_api_and_control_plane_answer_as_before(browser: TestClient) -> None:
    unknown = browser.get("/api/NoSuchRequest")
    assert unknown.status_code == 300 and unknown.json()["Status"] == "UNKNOWN_REQUEST_TYPE"
    assert browser.get("/_mock/clock").status_code == 200
    info = api(browser, new_account(browser), "UrlAccountInfo").json()
    assert info["Url"].endswith("/mijn/applicaties")
