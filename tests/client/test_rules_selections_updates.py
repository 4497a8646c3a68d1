"""Selection and update rules through the generated client: 8 per page, changed-since queries."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from datacollectief_client.api.companies import list_companies
from datacollectief_client.api.contacts import list_contacts
from datacollectief_client.api.selections import get_company_selection, get_url_company_selection
from datacollectief_client.api.updates import (
    get_updated_companies,
    get_updated_companies_v2,
    get_updated_contacts,
    get_updated_contacts_v2,
)
from datacollectief_client.models import (
    CompanyListPage,
    CompanySelectionPage,
    ContactListResult,
    UpdatedCompaniesRequest,
    UpdatedCompaniesResult,
    UpdatedCompaniesV1Result,
    UpdatedContactsRequest,
    UpdatedContactsResult,
    UpdatedContactsV1Result,
    UrlResult,
)
from mockserver.pytest_plugin import MockService
from tests.support.client_rules import assert_error, company_ids, wire

__all__: list[str] = []


def selection_page(client: Any, selection_id: int, page_nr: int) -> CompanySelectionPage:
    """When: CompanySelection for one page."""
    response = get_company_selection.sync_detailed(
        client=client, selection_id=selection_id, page_nr=page_nr
    )
    assert isinstance(response.parsed, CompanySelectionPage), response.content
    return response.parsed


def test_url_company_selection_carries_a_fresh_token(mock: MockService) -> None:
    """Given an account, When it asks the selection URL twice,
    Then each URL leads to the selection page with its own unguessable token."""
    client = mock.client(mock.new_account())

    urls = [get_url_company_selection.sync_detailed(client=client).parsed for _ in range(2)]

    tokens = []
    for url in urls:
        assert isinstance(url, UrlResult)
        path = urlsplit(url.url).path
        assert path.startswith("/selectie/")
        tokens.append(path.removeprefix("/selectie/"))
    assert tokens[0] != tokens[1]
    assert all(len(token) >= 16 for token in tokens)


def test_saved_selection_is_paged_8_per_page(mock: MockService) -> None:
    """Given a selection saved for an account (all active companies of Zeeland),
    When it reads every page, Then pages of 8 partition the selection and say its total."""
    account = mock.new_account()
    client = mock.client(account)
    saved = mock.control(
        "POST", "/selections", json={"user": account.user, "filters": {"province": "Zeeland"}}
    )
    selection_id, total = saved["selectionId"], saved["total"]
    assert total > 8

    pages = [selection_page(client, selection_id, n) for n in range(1, math.ceil(total / 8) + 1)]

    ids = [c.id for page in pages for c in page.companies]
    assert len(ids) == len(set(ids)) == total
    assert all(len(page.companies) == 8 for page in pages[:-1])
    assert 1 <= len(pages[-1].companies) <= 8
    assert all(page.total_count == total and page.selection_id == selection_id for page in pages)
    assert not any(c.deleted for page in pages for c in page.companies)
    assert 1 in ids  # DATA-collectief B.V. lies in Goes, Zeeland
    assert selection_page(client, selection_id, len(pages) + 1).companies == []


def test_selection_of_another_account_is_309(mock: MockService) -> None:
    """Given a selection saved for one account, When another account (or anyone, for an
    unknown number) asks it, Then 309."""
    owner, other = mock.new_account(), mock.new_account()
    saved = mock.control(
        "POST", "/selections", json={"user": owner.user, "filters": {"city": "Goes"}}
    )
    client = mock.client(other)

    foreign = get_company_selection.sync_detailed(
        client=client, selection_id=saved["selectionId"], page_nr=1
    )
    unknown = get_company_selection.sync_detailed(
        client=client, selection_id=1_999_999_999, page_nr=1
    )

    for response in (foreign, unknown):
        assert_error(response, 309, "UNKNOWN_SELECTION_ID", "Unknown selection ID.")


def test_updated_companies_answer_only_changed_ids(mock: MockService, frozen_now: int) -> None:
    """Given three companies of which one is changed a day from now,
    When asking v1 and V2 for changes since just before then, Then only that one comes back,
    and nothing since the change itself."""
    account = mock.new_account()
    client = mock.client(account)
    changed, *others = company_ids(client, 6)[:3]
    mock.set_clock(epoch=frozen_now + 86400)
    mock.control("PATCH", f"/companies/{changed}", json={"Street": "Nieuwe Weg"})
    before, after = wire(frozen_now + 86400 - 60), wire(frozen_now + 86400)
    ids = [changed, *others]

    v1 = get_updated_companies.sync_detailed(
        client=client, company_ids=",".join(map(str, ids)), last_changed_date=before
    )
    v2 = get_updated_companies_v2.sync_detailed(
        client=client, body=UpdatedCompaniesRequest(last_changed_date=before, company_ids=ids)
    )
    none = get_updated_companies_v2.sync_detailed(
        client=client, body=UpdatedCompaniesRequest(last_changed_date=after, company_ids=ids)
    )

    for response in (v1, v2):
        assert isinstance(response.parsed, UpdatedCompaniesResult | UpdatedCompaniesV1Result), (
            response.content
        )
        assert [item.id for item in response.parsed.updated_companies] == [changed]
        assert response.parsed.last_changed_date == before
    assert isinstance(none.parsed, UpdatedCompaniesResult)
    assert none.parsed.updated_companies == []
    assert '"updatedCompanies"' in v2.content.decode()  # the V2 answer's camelCase


def test_updated_contacts_answer_only_changed_ids(mock: MockService, frozen_now: int) -> None:
    """Given contacts of which one is changed a day from now,
    When asking v1 and V2 for changes since just before then, Then only that one comes back."""
    account = mock.new_account()
    client = mock.client(account)
    contacts = next(
        [c.id for c in result.contacts]
        for company in company_ids(client, 6)[3:]
        if isinstance(result := list_contacts.sync_detailed(client=client, id=company).parsed,
                      ContactListResult) and len(result.contacts) >= 2
    )  # fmt: skip
    mock.set_clock(epoch=frozen_now + 86400)
    mock.control("PATCH", f"/contacts/{contacts[0]}", json={"Department": "Inkoop"})
    before = wire(frozen_now + 86400 - 60)

    v1 = get_updated_contacts.sync_detailed(
        client=client, contact_ids=",".join(map(str, contacts)), last_changed_date=before
    )
    v2 = get_updated_contacts_v2.sync_detailed(
        client=client, body=UpdatedContactsRequest(last_changed_date=before, contact_ids=contacts)
    )

    for response in (v1, v2):
        assert isinstance(response.parsed, UpdatedContactsResult | UpdatedContactsV1Result), (
            response.content
        )
        assert [item.id for item in response.parsed.updated_contacts] == [contacts[0]]
    assert '"UpdatedContacts"' in v2.content.decode()  # the V2 answer's PascalCase


def test_more_than_100_ids_is_400(mock: MockService) -> None:
    """Given 101 company numbers, When asking v1 or V2 for their changes,
    Then 400 naming the parameter."""
    client = mock.client(mock.new_account())
    ids = list(range(1, 102))
    since = "2020-01-01 00:00:00"

    v1 = get_updated_companies.sync_detailed(
        client=client, company_ids=",".join(map(str, ids)), last_changed_date=since
    )
    v2 = get_updated_companies_v2.sync_detailed(
        client=client, body=UpdatedCompaniesRequest(last_changed_date=since, company_ids=ids)
    )
    contacts = get_updated_contacts.sync_detailed(
        client=client, contact_ids=",".join(map(str, ids)), last_changed_date=since
    )

    assert_error(v1, 400, "BAD_REQUEST", "companyIds")
    assert_error(v2, 400, "BAD_REQUEST", "CompanyIds")
    assert_error(contacts, 400, "BAD_REQUEST", "contactIds")


def test_bad_last_changed_date_is_306(mock: MockService) -> None:
    """Given an account, When it sends a date that is not `yyyy-MM-dd HH:mm:ss` or not a real
    date, Then 306 for v1 and V2."""
    client = mock.client(mock.new_account())

    responses = [
        get_updated_companies.sync_detailed(client=client, company_ids="1", last_changed_date=d)
        for d in ("yesterday", "2026-13-45 10:00:00", "2026-01-01T10:00:00")
    ]
    responses.append(
        get_updated_contacts_v2.sync_detailed(
            client=client,
            body=UpdatedContactsRequest(last_changed_date="2026-02-30 10:00:00", contact_ids=[1]),
        )
    )

    for response in responses:
        assert_error(response, 306, "INVALID_DATETIME_VALUE", "Invalid datetime value.")


def test_company_list_pages_a_selection_as_the_php_client_asks(mock: MockService) -> None:
    """Given a saved selection, When CompanyList is asked with its `selectionId` and a page
    size (as the public client's companySelection does), Then the pages hold exactly the
    selection's companies in the selection's order; another account's selection is 309."""
    account, other = mock.new_account(), mock.new_account()
    saved = mock.control(
        "POST", "/selections", json={"user": account.user, "filters": {"province": "Zeeland"}}
    )
    selection_id, total = saved["selectionId"], saved["total"]
    by_eight = [
        c.id
        for n in range(1, math.ceil(total / 8) + 1)
        for c in selection_page(mock.client(account), selection_id, n).companies
    ]

    listed = []
    for page_nr in range(1, math.ceil(total / 20) + 1):
        page = list_companies.sync_detailed(
            client=mock.client(account), page_nr=page_nr, records_per_page=20,
            selection_id=selection_id, company_name="no such name",
        )  # fmt: skip
        assert isinstance(page.parsed, CompanyListPage), page.content
        assert page.parsed.total_count == total
        listed += [c.id for c in page.parsed.companies]
    foreign = list_companies.sync_detailed(
        client=mock.client(other), page_nr=1, records_per_page=20, selection_id=selection_id
    )

    assert listed == by_eight
    assert_error(foreign, 309, "UNKNOWN_SELECTION_ID", "Unknown selection ID.")
