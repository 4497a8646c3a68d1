"""Contribution rules through the generated client: new contacts and mutations for credits."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from datacollectief_client.api.companies import download_company
from datacollectief_client.api.contacts import download_contact, list_contacts
from datacollectief_client.api.contributions import (
    offer_contact_new,
    offer_contact_new_v2,
    send_user_feedback_company,
    send_user_feedback_company_v2,
    send_user_feedback_contact,
    send_user_feedback_contact_v2,
)
from datacollectief_client.models import (
    ContactListResult,
    ContactNewRequest,
    ContactNewResult,
    FeedbackReceipt,
    Gender,
    UserFeedbackCompanyRequest,
    UserFeedbackContactRequest,
)
from mockserver.pytest_plugin import MockService
from tests.support.client_rules import assert_error, company_ids, statistics

__all__: list[str] = []

#: Reason codes of BaseTableMessageReason: 1 "Adres onjuist" (companies),
#: 9 "Persoon niet meer werkzaam" (contacts).
COMPANY_REASON, CONTACT_REASON = 1, 9


def active_company(client: Any, page: int, index: int = 0) -> int:
    """A company that is not deleted, from one CompanyList page (20 by number)."""
    return company_ids(client, page)[index]


def active_contact(client: Any, page: int) -> int:
    """A contact that is not deleted, of a company on one CompanyList page."""
    for index in range(20):
        result = list_contacts.sync_detailed(client=client, id=active_company(client, page, index))
        if not isinstance(result.parsed, ContactListResult):
            continue  # see test_rules_search.py::test_contact_list_of_every_company_conforms
        for contact in result.parsed.contacts:
            if not contact.deleted:
                return contact.id
    raise AssertionError(f"no active contact on page {page}")


def offer(client: Any, company: int, name: str, **fields: Any) -> ContactNewResult:
    """When: the account offers a contact through ContactNew (v1, query)."""
    response = offer_contact_new.sync_detailed(
        client=client, company_id=company, name=name, **fields
    )
    assert isinstance(response.parsed, ContactNewResult), response.content
    return response.parsed


def complete(first_name: str = "Jan") -> dict[str, Any]:
    """The fields that make an offer complete besides the last name."""
    return {"first_name": first_name, "gender": Gender.VALUE_0, "function_description": "Directeur"}


def test_complete_new_contact_is_accepted_for_one_credit(mock: MockService) -> None:
    """Given an account, When it offers a complete new contact,
    Then it is Accepted, earns 1 credit (CreditsFromWUS) and appears in ContactList."""
    account = mock.new_account(credits=10)
    client = mock.client(account)
    company = active_company(client, 8)
    name = f"Testmans{uuid4().hex[:6]}"

    result = offer(client, company, name, **complete(), email="jan@example.nl")

    assert (result.status, result.credits_awarded) == ("Accepted", 1)
    assert result.id is not None and result.company_id == company
    stats = statistics(mock, account)
    assert (stats.credits_from_wus, stats.credits_balance, stats.credits_used) == (1, 11, 0)
    listed = list_contacts.sync_detailed(client=client, id=company).parsed
    assert isinstance(listed, ContactListResult)
    assert (name[:-3] + "...", result.id) in [(c.name, c.id) for c in listed.contacts]


def test_incomplete_and_duplicate_contacts_cost_one_credit(mock: MockService) -> None:
    """Given an accepted contact, When the account offers it again, and then one without gender,
    Then they are Duplicate and Incomplete and each costs 1 credit."""
    account = mock.new_account(credits=10)
    client = mock.client(account)
    company = active_company(client, 8, 1)
    name = f"Dubbel{uuid4().hex[:6]}"
    assert offer(client, company, name, **complete()).status == "Accepted"

    duplicate = offer(client, company, name.upper(), **complete())
    incomplete = offer(client, company, f"Half{uuid4().hex[:6]}", first_name="Piet")

    assert (duplicate.status, duplicate.credits_awarded) == ("Duplicate", -1)
    assert (incomplete.status, incomplete.credits_awarded) == ("Incomplete", -1)
    stats = statistics(mock, account)
    assert (stats.credits_from_wus, stats.credits_used, stats.credits_balance) == (1, 2, 9)


def test_penalty_without_credits_is_310(mock: MockService) -> None:
    """Given an account without credits, When it offers an incomplete contact, Then 310 and
    nothing is booked; a complete one is still accepted."""
    account = mock.new_account(credits=0)
    client = mock.client(account)
    company = active_company(client, 8, 2)

    response = offer_contact_new.sync_detailed(client=client, company_id=company, name="Zonder")

    assert_error(response, 310, "INSUFFICIENT_CREDITS", "Insufficient credits.")
    assert mock.control("GET", f"/accounts/{account.user}/ledger")["entries"] == []
    assert offer(client, company, f"Wel{uuid4().hex[:6]}", **complete()).status == "Accepted"
    assert statistics(mock, account).credits_balance == 1


def test_contact_new_v2_accepts_then_refuses_a_duplicate(mock: MockService) -> None:
    """Given an account, When it offers a complete contact via ContactNewV2 twice,
    Then the first is Accepted (+1) and the second a Duplicate (-1)."""
    account = mock.new_account(credits=5)
    client = mock.client(account)
    body = ContactNewRequest(
        company_id=active_company(client, 8, 3), name=f"Nieuw{uuid4().hex[:6]}",
        first_name="Anna", gender=Gender.VALUE_1, function_description="Directeur",
    )  # fmt: skip

    first = offer_contact_new_v2.sync_detailed(client=client, body=body)
    second = offer_contact_new_v2.sync_detailed(client=client, body=body)

    assert isinstance(first.parsed, ContactNewResult)
    assert isinstance(second.parsed, ContactNewResult)
    assert (first.parsed.status, first.parsed.credits_awarded) == ("Accepted", 1)
    assert (second.parsed.status, second.parsed.credits_awarded) == ("Duplicate", -1)
    assert second.parsed.id == first.parsed.id
    assert statistics(mock, account).credits_balance == 5


def test_feedback_on_a_company_not_owned_is_315(mock: MockService) -> None:
    """Given a company the account never downloaded, When it offers a mutation (v1 and V2),
    Then 315."""
    client = mock.client(mock.new_account())
    company = active_company(client, 9)

    v1 = send_user_feedback_company.sync_detailed(
        client=client, company_id=company, reason_id=COMPANY_REASON
    )
    v2 = send_user_feedback_company_v2.sync_detailed(
        client=client, body=UserFeedbackCompanyRequest(company_id=company, other_reason="Fout")
    )

    message = "A mutation may only be offered when a company is in possession."
    for response in (v1, v2):
        assert_error(response, 315, "COMPANY_MUTATION_REFUSED", message)


def test_feedback_on_a_contact_not_owned_is_316(mock: MockService) -> None:
    """Given a contact the account never downloaded, When it offers a mutation (v1 and V2),
    Then 316."""
    client = mock.client(mock.new_account())
    contact = active_contact(client, 9)

    v1 = send_user_feedback_contact.sync_detailed(
        client=client, contact_id=contact, reason_id=CONTACT_REASON
    )
    v2 = send_user_feedback_contact_v2.sync_detailed(
        client=client, body=UserFeedbackContactRequest(contact_id=contact, reason_id=CONTACT_REASON)
    )

    message = "A mutation may only be offered when a contactperson is in possession."
    for response in (v1, v2):
        assert_error(response, 316, "CONTACT_MUTATION_REFUSED", message)


def test_feedback_on_an_owned_company_earns_one_credit(mock: MockService) -> None:
    """Given a downloaded company, When the account offers mutations (v1 and V2),
    Then each earns 1 credit and the portal shows them with their status."""
    account = mock.new_account(credits=5)
    client = mock.client(account)
    company = active_company(client, 9, 1)
    assert download_company.sync_detailed(client=client, id=company).status_code == 200

    v1 = send_user_feedback_company.sync_detailed(
        client=client, company_id=company, reason_id=COMPANY_REASON, street="Nieuwe Weg",
        memo="Verhuisd",
    )  # fmt: skip
    v2 = send_user_feedback_company_v2.sync_detailed(
        client=client,
        body=UserFeedbackCompanyRequest(company_id=company, other_reason="Nieuw logo"),
    )

    receipts = [v1.parsed, v2.parsed]
    for receipt in receipts:
        assert isinstance(receipt, FeedbackReceipt), v1.content
        assert (receipt.subject, receipt.subject_id) == ("Company", company)
        assert (receipt.status, receipt.credits_awarded) == ("Received", 1)
    assert statistics(mock, account).credits_from_wus == 2
    assert statistics(mock, account).credits_balance == 4 + 2
    portal = mock.control("GET", f"/accounts/{account.user}/feedback")
    entries = portal if isinstance(portal, list) else portal["feedback"]
    by_id = {entry["id"]: entry for entry in entries}
    assert set(by_id) == {r.feedback_id for r in receipts if isinstance(r, FeedbackReceipt)}
    assert all(entry["status"] == "Received" for entry in entries)
    first = receipts[0]
    assert isinstance(first, FeedbackReceipt)
    mock.control("PUT", f"/feedback/{first.feedback_id}", json={"status": "Processed"})
    portal = mock.control("GET", f"/accounts/{account.user}/feedback")
    entries = portal if isinstance(portal, list) else portal["feedback"]
    assert {e["id"]: e["status"] for e in entries}[first.feedback_id] == "Processed"


def test_feedback_on_an_owned_contact_earns_one_credit(mock: MockService) -> None:
    """Given a downloaded contact, When the account offers mutations (v1 and V2),
    Then each earns 1 credit."""
    account = mock.new_account(credits=5)
    client = mock.client(account)
    contact = active_contact(client, 9)
    assert download_contact.sync_detailed(client=client, id=contact).status_code == 200

    v1 = send_user_feedback_contact.sync_detailed(
        client=client, contact_id=contact, reason_id=CONTACT_REASON
    )
    v2 = send_user_feedback_contact_v2.sync_detailed(
        client=client,
        body=UserFeedbackContactRequest(
            contact_id=contact, other_reason="Andere functie", function_description="Directeur"
        ),
    )

    for response in (v1, v2):
        receipt = response.parsed
        assert isinstance(receipt, FeedbackReceipt), response.content
        assert (receipt.subject, receipt.subject_id, receipt.credits_awarded) == (
            "Contact", contact, 1,
        )  # fmt: skip
    assert statistics(mock, account).credits_from_wus == 2


def test_feedback_needs_a_known_reason_or_other_reason(mock: MockService) -> None:
    """Given a downloaded company, When the account offers a mutation without reasonId and
    otherReason, or with an unknown reasonId, Then 400 naming the problem and no credit."""
    account = mock.new_account(credits=5)
    client = mock.client(account)
    company = active_company(client, 9, 2)
    assert download_company.sync_detailed(client=client, id=company).status_code == 200

    missing = send_user_feedback_company.sync_detailed(client=client, company_id=company)
    unknown = send_user_feedback_company.sync_detailed(
        client=client, company_id=company, reason_id=9999
    )
    missing_v2 = send_user_feedback_company_v2.sync_detailed(
        client=client, body=UserFeedbackCompanyRequest(company_id=company)
    )

    assert_error(missing, 400, "BAD_REQUEST", "reasonId")
    assert_error(missing_v2, 400, "BAD_REQUEST", "reasonId")
    assert_error(unknown, 400, "BAD_REQUEST", "9999")
    assert statistics(mock, account).credits_from_wus == 0
