"""Download rules through the generated client: credits, monthly ownership, inactive records."""

from __future__ import annotations

import calendar
import re
from datetime import datetime

from datacollectief_client.api.companies import download_company
from datacollectief_client.api.contacts import download_contact, list_contacts
from datacollectief_client.models import (
    Company,
    Contact,
    ContactListResult,
)
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.client_rules import (
    AMSTERDAM,
    UNKNOWN_ID,
    assert_error,
    company_ids,
    statistics,
    wire,
)

__all__: list[str] = []

WIRE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
COMPANY_FIELDS = {
    "Name", "Street", "StreetNumber", "StreetNumberSuffix", "ZipCode", "City", "Province",
    "POBox", "POBoxZipCode", "POBoxCity", "Telephone", "Email", "Url", "KvkNumber",
    "BrancheID", "EmployeeID", "LegalFormID", "ImportExportID", "Deleted",
}  # fmt: skip


def a_month_later(epoch: int) -> str:
    """The same Amsterdam wall time one calendar month on (day clipped), on the wire."""
    local = datetime.fromtimestamp(epoch, AMSTERDAM)
    year, month = divmod(local.year * 12 + local.month, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return wire(local.replace(year=year, month=month + 1, day=day))


def balance(mock: MockService, credentials: Credentials) -> int:
    """The account's credit balance from DownloadStatistics."""
    return statistics(mock, credentials).credits_balance


def contact_ids(
    mock: MockService, credentials: Credentials, company: int
) -> list[tuple[int, bool]]:
    """The contacts (ID, Deleted) of a company, from ContactList (none if it fails, see
    test_rules_search.py::test_contact_list_of_every_company_conforms)."""
    response = list_contacts.sync_detailed(client=mock.client(credentials), id=company)
    if not isinstance(response.parsed, ContactListResult):
        return []
    return [(item.id, item.deleted) for item in response.parsed.contacts]


def test_company_download_costs_once_per_month(mock: MockService, frozen_now: int) -> None:
    """Given an account with 5 credits, When it downloads a company, again in the same month,
    and again a month later, Then it pays 1, 0 and 1 credit."""
    account = mock.new_account(credits=5)
    client = mock.client(account)
    company = company_ids(mock.client(account), 4)[0]

    first = download_company.sync_detailed(client=client, id=company)
    assert first.status_code == 200, first.content
    assert isinstance(first.parsed, Company) and first.parsed.id == company
    assert balance(mock, account) == 4
    assert first.parsed.owned_until == a_month_later(frozen_now)

    mock.advance_clock(days=27)
    assert download_company.sync_detailed(client=client, id=company).status_code == 200
    assert balance(mock, account) == 4

    mock.set_clock(epoch=frozen_now)
    mock.advance_clock(months=1, seconds=1)
    assert download_company.sync_detailed(client=client, id=company).status_code == 200
    assert balance(mock, account) == 3
    downloads = [e for e in mock.control("GET", f"/accounts/{account.user}/ledger")["entries"]
                 if e["kind"] == "download"]  # fmt: skip
    assert [(e["amount"], e["subjectId"]) for e in downloads] == [(-1, company), (-1, company)]


def test_company_download_without_credits_is_310(mock: MockService) -> None:
    """Given an account without credits, When it downloads a company it does not own,
    Then 310 and nothing is charged."""
    account = mock.new_account(credits=0)
    company = company_ids(mock.client(account), 4)[1]

    response = download_company.sync_detailed(client=mock.client(account), id=company)

    assert_error(response, 310, "INSUFFICIENT_CREDITS", "Insufficient credits.")
    assert balance(mock, account) == 0
    assert mock.control("GET", f"/accounts/{account.user}/ledger")["entries"] == []


def test_contact_download_costs_once_then_310_at_zero(mock: MockService) -> None:
    """Given an account with 1 credit, When it downloads a contact twice and then another,
    Then the first costs 1, the re-download is free, and the other is 310."""
    account = mock.new_account(credits=1)
    client = mock.client(account)
    active = [
        contact
        for company in company_ids(mock.client(account), 4)
        for contact, deleted in contact_ids(mock, account, company)
        if not deleted
    ]
    first, other = active[0], active[1]

    response = download_contact.sync_detailed(client=client, id=first)
    assert response.status_code == 200, response.content
    assert isinstance(response.parsed, Contact) and response.parsed.id == first
    assert balance(mock, account) == 0
    assert download_contact.sync_detailed(client=client, id=first).status_code == 200
    assert balance(mock, account) == 0

    refused = download_contact.sync_detailed(client=client, id=other)
    assert_error(refused, 310, "INSUFFICIENT_CREDITS", "Insufficient credits.")
    assert balance(mock, account) == 0


def test_unknown_company_is_307_and_unknown_contact_308(mock: MockService) -> None:
    """Given an account, When it downloads numbers that do not exist, Then 307 and 308."""
    account = mock.new_account(credits=5)
    client = mock.client(account)

    company = download_company.sync_detailed(client=client, id=UNKNOWN_ID)
    contact = download_contact.sync_detailed(client=client, id=UNKNOWN_ID)

    assert_error(company, 307, "UNKNOWN_COMPANY_ID", "Unknown company ID.")
    assert_error(contact, 308, "UNKNOWN_CONTACT_PERSON_ID", "Unknown contact person ID.")
    assert balance(mock, account) == 5


def test_deleted_records_are_317_and_318(mock: MockService) -> None:
    """Given a deleted company and a deleted contact (found via the lists),
    When an account downloads them, Then 317 and 318 and nothing is charged."""
    account = mock.new_account(credits=5)
    client = mock.client(account)
    deleted_company = next(
        company
        for page in range(1, 20)
        for company in company_ids(mock.client(account), page, deleted=True)
    )
    deleted_contact = next(
        contact
        for page in range(1, 20)
        for company in company_ids(mock.client(account), page)
        for contact, deleted in contact_ids(mock, account, company)
        if deleted
    )

    company = download_company.sync_detailed(client=client, id=deleted_company)
    contact = download_contact.sync_detailed(client=client, id=deleted_contact)

    assert_error(company, 317, "COMPANY_INACTIVE", "Company is inactive.")
    assert_error(contact, 318, "CONTACT_INACTIVE", "Contact is inactive.")
    assert balance(mock, account) == 5


def test_update_subscription_makes_changed_records_free(mock: MockService, frozen_now: int) -> None:
    """Given a subscriber who downloaded two companies, and one of them changed after the month,
    When it downloads both again, Then the changed one is free and the unchanged one costs 1."""
    account = mock.new_account(credits=5)
    mock.control("PUT", f"/accounts/{account.user}/subscription", json={"subscription": True})
    client = mock.client(account)
    changed, unchanged = company_ids(mock.client(account), 5)[:2]
    for company in (changed, unchanged):
        assert download_company.sync_detailed(client=client, id=company).status_code == 200
    assert balance(mock, account) == 3
    now = mock.advance_clock(months=1, seconds=1)["epoch"]
    mock.control("PATCH", f"/companies/{changed}", json={"Street": "Nieuwe Weg"})

    again = download_company.sync_detailed(client=client, id=changed)
    assert balance(mock, account) == 3
    assert download_company.sync_detailed(client=client, id=unchanged).status_code == 200
    assert balance(mock, account) == 2

    assert isinstance(again.parsed, Company)
    assert again.parsed.street == "Nieuwe Weg"
    assert again.parsed.timestamps.street == wire(now) == again.parsed.last_changed_date
    assert again.parsed.timestamps.name < wire(now)


def test_changed_record_after_the_month_costs_without_subscription(
    mock: MockService, frozen_now: int
) -> None:
    """Given an account without subscription whose company changed after the month,
    When it downloads it again, Then it pays 1 credit."""
    account = mock.new_account(credits=5)
    client = mock.client(account)
    company = company_ids(mock.client(account), 5)[2]
    assert download_company.sync_detailed(client=client, id=company).status_code == 200
    mock.advance_clock(months=1, seconds=1)
    mock.control("PATCH", f"/companies/{company}", json={"Street": "Oude Weg"})

    assert download_company.sync_detailed(client=client, id=company).status_code == 200

    assert balance(mock, account) == 3


def test_company_record_has_a_timestamp_for_every_field(mock: MockService, frozen_now: int) -> None:
    """Given an account, When it downloads DATA-collectief B.V. (company 1),
    Then every data field carries a wire-format timestamp and OwnedUntil is a month on."""
    account = mock.new_account()

    response = download_company.sync_detailed(client=mock.client(account), id=1)

    company = response.parsed
    assert isinstance(company, Company), response.content
    assert company.name == "DATA-collectief B.V."
    stamps = company.timestamps.to_dict()
    assert set(stamps) == COMPANY_FIELDS
    assert all(WIRE_DATE.match(stamp) for stamp in stamps.values())
    assert max(stamps.values()) == company.last_changed_date <= wire(frozen_now)
    assert company.owned_until == a_month_later(frozen_now)
