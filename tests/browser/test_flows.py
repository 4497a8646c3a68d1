"""The portal flows in a real browser: activate an application, select a target group, escaping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.account import get_download_statistics, register_account
from datacollectief_client.api.companies import download_company
from datacollectief_client.api.selections import get_company_selection, get_url_company_selection
from datacollectief_client.models import (
    Company,
    CompanySelectionPage,
    DownloadStatistics,
    RegisteredAccount,
    UrlResult,
)
from mockserver.pytest_plugin import MockService

pytestmark = [pytest.mark.browser, pytest.mark.server]

SCRIPT = "<script>alert(1)</script>"


def new_account(server: MockService, **fields: Any) -> dict[str, Any]:
    """Given: a fresh main account (with its portal password)."""
    return dict(server.control("POST", "/accounts", json={"credits": 10, **fields}))


def client_of(server: MockService, user: str, password: str, application: str) -> Any:
    return AuthenticatedClient(
        base_url=server.base_url, user=user, password=password, application_name=application
    )


def sign_in(page: Any, server: MockService, account: dict[str, Any]) -> None:
    """When: the user signs in on Mijn DATA-collectief."""
    page.goto(f"{server.base_url}/mijn/applicaties")
    assert page.url.endswith("/mijn/inloggen")
    page.get_by_label("E-mailadres").fill(account["user"])
    page.get_by_label("Wachtwoord").fill(account["portalPassword"])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/applicaties")
    assert page.get_by_role("heading", name="Mijn applicaties").is_visible()


def test_activate_an_application_and_use_the_new_credentials(
    page: Any, server: MockService, shots: Path
) -> None:
    main = new_account(server, applicationName="BrowserApp")
    member = new_account(server, applicationName="MemberApp")
    page.goto(f"{server.base_url}/mijn/inloggen")
    page.screenshot(path=shots / "inloggen.png", full_page=True)
    sign_in(page, server, member)

    page.get_by_label("Naam van de applicatie").fill("BrowserApp")
    page.get_by_role("button", name="Activeren").click()
    code = page.locator("#activatiecode").inner_text().strip()
    page.screenshot(path=shots / "applicaties-code.png", full_page=True)

    main_client = client_of(server, main["user"], main["password"], "BrowserApp")
    registered = register_account.sync(client=main_client, new_user=member["user"], code=code)
    assert isinstance(registered, RegisteredAccount), registered
    assert registered.user == member["user"]
    linked = client_of(server, registered.user, registered.password, "BrowserApp")
    stats = get_download_statistics.sync_detailed(client=linked)
    assert stats.status_code == 200 and isinstance(stats.parsed, DownloadStatistics)

    page.goto(f"{server.base_url}/mijn/applicaties")
    row = page.locator("#applicaties tr", has_text="BrowserApp")
    assert "Gekoppeld account" in row.inner_text()
    row.get_by_role("button", name="Ontkoppelen").click()
    page.wait_for_url("**/mijn/applicaties?melding=ontkoppeld")
    assert "Ontkoppeld op" in page.locator("#applicaties tr", has_text="BrowserApp").inner_text()
    page.screenshot(path=shots / "applicaties-ontkoppeld.png", full_page=True)
    revoked = get_download_statistics.sync_detailed(client=linked)
    assert revoked.status_code == 302
    assert revoked.headers["X-Error-Status"] == "LICENSE_REVOKED"


def test_select_a_target_group_and_page_through_it(
    page: Any, server: MockService, shots: Path
) -> None:
    account = new_account(server)
    client = client_of(server, account["user"], account["password"], account["applicationName"])
    link = get_url_company_selection.sync(client=client)
    assert isinstance(link, UrlResult)
    page.goto(link.url)
    count = page.locator("#aantal")
    everything = int(count.inner_text().replace(".", ""))

    page.get_by_label("Provincie").select_option("Zuid-Holland")
    page.get_by_label("Rechtsvorm").select_option(label="Eenmanszaak")
    page.get_by_label("Plaats").fill("*e*")
    page.locator("#aantal[data-state=klaar]").wait_for()
    shown = int(count.inner_text().replace(".", ""))
    assert 8 < shown < everything
    page.screenshot(path=shots / "selectie.png", full_page=True)

    page.get_by_role("button", name="Opslaan").click()
    number = int(page.locator("#selectienummer").inner_text())
    assert int(page.locator("#opgeslagen-aantal").inner_text().replace(".", "")) == shown
    page.screenshot(path=shots / "selectie-opgeslagen.png", full_page=True)

    seen: list[int] = []
    for page_nr in range(1, 1000):
        result = get_company_selection.sync(client=client, selection_id=number, page_nr=page_nr)
        assert isinstance(result, CompanySelectionPage), result
        assert result.total_count == shown
        if not result.companies:
            break
        assert len(result.companies) == min(8, shown - len(seen))
        seen += [company.id for company in result.companies]
    assert len(seen) == len(set(seen)) == shown


def test_an_injected_script_shows_as_text(page: Any, server: MockService, shots: Path) -> None:
    account = new_account(server)
    client = client_of(server, account["user"], account["password"], account["applicationName"])
    assert isinstance(download_company.sync(client=client, id=11), Company)
    server.control("PATCH", "/companies/11", json={"Name": SCRIPT})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, server, account)
    owned = page.locator("#bedrijven tr", has_text="alert(1)")
    assert SCRIPT in owned.inner_text()
    page.screenshot(path=shots / "applicaties-script.png", full_page=True)
    page.reload()
    assert dialogs == []

    page.goto(f"{server.base_url}/selectie/bestaat-niet")
    assert "bestaat niet" in page.locator("main").inner_text()
    page.screenshot(path=shots / "fout.png", full_page=True)
