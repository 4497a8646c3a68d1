"""The credits ledger: 310 instead of a negative balance, statistics derived from the ledger,
and what an update subscription makes free."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from mockserver.domain.accounts import Account
from mockserver.domain.backend import Backend
from mockserver.domain.clock import AMSTERDAM
from mockserver.domain.contributions import ContactOffer
from mockserver.domain.errors import DomainError, ErrorCode
from mockserver.domain.records import COMPANY, CONTACT, Subject
from tests.support.domain import live_ids, new_account, small_backend

__all__: list[str] = []

START = int(datetime(2024, 1, 15, 10, tzinfo=AMSTERDAM).timestamp())
COMPLETE = {"gender": 1, "function_description": "Directeur/eigenaar"}


@pytest.fixture
def backend() -> Iterator[Backend]:
    """A fresh small dataset with a frozen clock (record changes must not leak between tests)."""
    yield from small_backend(START)


def incomplete_contact(backend: Backend) -> ContactOffer:
    """An offer of a contact without a first name (incomplete)."""
    return ContactOffer(live_ids(backend, COMPANY)[0], "Jansen", None, **COMPLETE)


def existing_contact(backend: Backend) -> ContactOffer:
    """An offer of a contact the dataset already holds at its company (a duplicate)."""
    row = backend.conn.execute(
        "SELECT company_id, name, first_name FROM contacts WHERE deleted = 0"
        " AND first_name IS NOT NULL ORDER BY id LIMIT 1"
    ).fetchone()
    return ContactOffer(row["company_id"], row["name"], row["first_name"], **COMPLETE)


def refused(call) -> ErrorCode | None:
    """The code a call is refused with, or None when it succeeds."""
    try:
        call()
    except DomainError as error:
        return error.code
    return None


def amounts(backend: Backend, account: Account) -> list[tuple[str, int]]:
    """The account's ledger as (kind, amount), oldest first."""
    return [(str(e["kind"]), int(e["amount"])) for e in backend.ledger(account.user)]


def contact_count(backend: Backend) -> int:
    """How many contacts the dataset holds now."""
    return int(backend.conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0])


def later(backend: Backend, *, months: int = 0, days: int = 0, seconds: int = 0) -> None:
    """Let time pass on the frozen clock."""
    backend.clock.advance(months=months, days=days, seconds=seconds)


# -- 310: nothing is booked without the credits to pay for it ---------------------------
@pytest.mark.parametrize("subject", [COMPANY, CONTACT], ids=["company", "contact"])
def test_a_download_without_credits_is_refused_and_books_nothing(backend, subject):
    """Given an account with no credits, when it downloads a record it does not own,
    then 310 and no ledger entry, no ownership, no balance change."""
    account = new_account(backend, credits=0)
    (record_id,) = live_ids(backend, subject)

    assert refused(lambda: backend.download(account, subject, record_id)) == 310

    assert amounts(backend, account) == []
    assert backend.owned(account.user, subject) == []
    assert backend.download_statistics(account).balance == 0


@pytest.mark.parametrize(
    "offer", [incomplete_contact, existing_contact], ids=["incomplete", "duplicate"]
)
def test_a_contact_penalty_without_credits_is_refused_and_books_nothing(backend, offer):
    """Given an account with no credits, when it offers an incomplete or an existing contact,
    then 310 (the −1 cannot be paid) and neither a ledger entry nor a new contact."""
    account = new_account(backend, credits=0)
    contacts_before = contact_count(backend)

    assert refused(lambda: backend.offer_contact(account, offer(backend))) == 310

    assert amounts(backend, account) == []
    assert contact_count(backend) == contacts_before
    assert backend.download_statistics(account).balance == 0


def test_a_reward_needs_no_credits(backend):
    """Given an account with no credits, when it offers a complete new contact,
    then it is accepted and earns 1 credit."""
    account = new_account(backend, credits=0)
    offer = ContactOffer(live_ids(backend, COMPANY)[0], "Zonder-Tegoed", "Anna", **COMPLETE)

    outcome = backend.offer_contact(account, offer)

    assert (outcome.status, outcome.credits_awarded) == ("Accepted", 1)
    assert amounts(backend, account) == [("contact-new-reward", 1)]


def test_an_owned_record_downloads_free_with_no_credits_left(backend):
    """Given an account that spent its last credit on a record, when it downloads that record
    again within the month, then it is free: nothing is charged, so no 310."""
    account = new_account(backend, credits=1)
    (company_id,) = live_ids(backend, COMPANY)
    assert backend.download(account, COMPANY, company_id).charged == 1

    later(backend, days=20)
    assert backend.download(account, COMPANY, company_id).charged == 0

    assert amounts(backend, account) == [("acquired", 1), ("download", -1)]


def test_the_balance_never_goes_below_zero(backend):
    """Given an account with 1 credit, when it downloads two new records and offers an
    incomplete contact, then only the first download is booked and the balance stays 0."""
    account = new_account(backend, credits=1)
    first, second = live_ids(backend, COMPANY, 2)
    incomplete = ContactOffer(first, "Jansen", "Piet", gender=None, function_description="x")

    assert backend.download(account, COMPANY, first).charged == 1
    assert refused(lambda: backend.download(account, COMPANY, second)) == 310
    assert refused(lambda: backend.offer_contact(account, incomplete)) == 310

    stats = backend.download_statistics(account)
    assert stats.balance == 0 == sum(amount for _, amount in amounts(backend, account))
    assert [o["record_id"] for o in backend.owned(account.user, COMPANY)] == [first]


# -- DownloadStatistics derive from the ledger ------------------------------------------
def test_download_statistics_are_derived_from_the_ledger(backend):
    """Given an account with 5 credits, when it downloads a company and a contact (−2), offers
    a mutation (+1), a new contact (+1), an incomplete and an existing contact (−2), and buys
    2 credits, then CreditsUsed counts downloads and penalties, CreditsFromWUS counts mutation
    and new-contact rewards, and the balance is acquired − used + from WUS."""
    account = new_account(backend, credits=5)
    (company_id,), (contact_id,) = live_ids(backend, COMPANY), live_ids(backend, CONTACT)

    backend.download(account, COMPANY, company_id)
    backend.download(account, CONTACT, contact_id)
    feedback = backend.send_feedback(
        account, COMPANY, company_id, None, "Telefoonnummer gewijzigd", None, {}
    )
    accepted = backend.offer_contact(
        account, ContactOffer(company_id, "Statistiek", "Sanne", **COMPLETE)
    )
    incomplete = backend.offer_contact(account, ContactOffer(company_id, "Statistiek"))
    duplicate = backend.offer_contact(account, existing_contact(backend))
    backend.add_credits(account.user, 2)

    assert feedback.credits_awarded == 1
    assert [o.status for o in (accepted, incomplete, duplicate)] == [
        "Accepted",
        "Incomplete",
        "Duplicate",
    ]
    assert amounts(backend, account) == [
        ("acquired", 5),
        ("download", -1),
        ("download", -1),
        ("mutation-reward", 1),
        ("contact-new-reward", 1),
        ("contact-new-penalty", -1),
        ("contact-new-penalty", -1),
        ("acquired", 2),
    ]
    stats = backend.download_statistics(account)
    assert (stats.acquired, stats.used, stats.from_wus, stats.used_for_alerts) == (7, 4, 2, 0)
    assert stats.balance == 7 - 4 + 2 == sum(amount for _, amount in amounts(backend, account))
    assert stats.payment_method == "Prepaid"


def test_feedback_on_a_record_not_owned_earns_nothing(backend):
    """Given an account that never downloaded a company and whose contact's month has passed,
    when it offers mutations on them, then 315 and 316 and the ledger is unchanged."""
    account = new_account(backend, credits=1)
    (company_id,), (contact_id,) = live_ids(backend, COMPANY), live_ids(backend, CONTACT)
    backend.download(account, CONTACT, contact_id)
    later(backend, months=1)

    def feedback(subject: Subject, record_id: int) -> ErrorCode | None:
        return refused(
            lambda: backend.send_feedback(account, subject, record_id, None, "Verhuisd", None, {})
        )

    assert feedback(COMPANY, company_id) == 315
    assert feedback(CONTACT, contact_id) == 316
    assert amounts(backend, account) == [("acquired", 1), ("download", -1)]


# -- the update subscription ------------------------------------------------------------
def download_then_change(backend: Backend, account: Account) -> int:
    """Download a company (1 credit), and a day later the service changes it."""
    (company_id,) = live_ids(backend, COMPANY)
    assert backend.download(account, COMPANY, company_id).charged == 1
    later(backend, days=1)
    backend.patch_record(COMPANY, company_id, {"telephone": "020-1234567"})
    return company_id


def test_with_a_subscription_a_record_changed_since_the_last_download_is_free(backend):
    """Given a subscriber who downloaded a company that changed afterwards, when the month has
    passed and it is downloaded again, then it is free (even with no credits left) and owned
    for a new month."""
    account = new_account(backend, credits=1, subscription=True)
    company_id = download_then_change(backend, account)
    later(backend, months=1)

    again = backend.download(account, COMPANY, company_id)

    assert again.charged == 0
    assert [o["record_id"] for o in backend.owned(account.user, COMPANY)] == [company_id]
    assert amounts(backend, account) == [("acquired", 1), ("download", -1)]
    assert backend.download_statistics(account).payment_method == "Subscription"


def test_with_a_subscription_an_unchanged_record_costs_a_credit(backend):
    """Given a subscriber who downloaded a company that did not change, when the month has
    passed and it is downloaded again, then it costs 1 credit."""
    account = new_account(backend, credits=2, subscription=True)
    (company_id,) = live_ids(backend, COMPANY)
    backend.download(account, COMPANY, company_id)
    later(backend, months=1)

    assert backend.download(account, COMPANY, company_id).charged == 1


def test_with_a_subscription_a_change_before_the_last_download_costs_a_credit(backend):
    """Given a subscriber who downloaded a company after it had changed, when the month has
    passed and it is downloaded again, then it costs 1 credit: nothing changed since."""
    account = new_account(backend, credits=2, subscription=True)
    (company_id,) = live_ids(backend, COMPANY)
    backend.patch_record(COMPANY, company_id, {"telephone": "020-7654321"})
    later(backend, days=1)
    backend.download(account, COMPANY, company_id)
    later(backend, months=1)

    assert backend.download(account, COMPANY, company_id).charged == 1


def test_a_free_download_within_the_month_counts_as_the_last_download(backend):
    """Given a subscriber who downloaded a company, which then changed, and who downloaded it
    again (free) after the change, when the month has passed, then the next download costs
    1 credit: the record has not changed since the account's last download."""
    account = new_account(backend, credits=2, subscription=True)
    company_id = download_then_change(backend, account)
    later(backend, days=1)
    assert backend.download(account, COMPANY, company_id).charged == 0
    later(backend, months=1)

    assert backend.download(account, COMPANY, company_id).charged == 1


def test_with_a_subscription_a_changed_record_never_downloaded_costs_a_credit(backend):
    """Given a subscriber, when it downloads a changed company it never downloaded before,
    then it costs 1 credit (and 310 with no credits)."""
    account = new_account(backend, credits=1, subscription=True)
    first, second = live_ids(backend, COMPANY, 2)
    later(backend, days=1)
    backend.patch_record(COMPANY, first, {"telephone": "020-1111111"})
    backend.patch_record(COMPANY, second, {"telephone": "020-2222222"})
    later(backend, days=1)

    assert backend.download(account, COMPANY, first).charged == 1
    assert refused(lambda: backend.download(account, COMPANY, second)) == 310


def test_without_a_subscription_a_changed_record_costs_a_credit(backend):
    """Given an account without a subscription that downloaded a company that changed
    afterwards, when the month has passed, then downloading it again costs 1 credit."""
    account = new_account(backend, credits=2, subscription=False)
    company_id = download_then_change(backend, account)
    later(backend, months=1)

    assert backend.download(account, COMPANY, company_id).charged == 1
    assert backend.download_statistics(account).payment_method == "Prepaid"


def test_switching_the_subscription_on_later_still_makes_the_changed_record_free(backend):
    """Given an account that downloaded a company without a subscription, and the company
    changed, when the subscription is switched on and the month has passed, then the download
    is free: the rule looks at the subscription at the moment of the download."""
    account = new_account(backend, credits=1, subscription=False)
    company_id = download_then_change(backend, account)
    backend.set_subscription(account.user, True)
    later(backend, months=1)

    assert backend.download(account, COMPANY, company_id).charged == 0


def test_with_a_subscription_a_change_in_the_same_second_before_the_download_costs(backend):
    """Given a subscriber and a frozen clock, when a company changes and is downloaded in the
    same second, and the month passes, then downloading it again costs 1 credit."""
    account = new_account(backend, credits=2, subscription=True)
    (company_id,) = live_ids(backend, COMPANY)
    backend.patch_record(COMPANY, company_id, {"telephone": "020-4444444"})
    backend.download(account, COMPANY, company_id)
    later(backend, months=1)

    assert backend.download(account, COMPANY, company_id).charged == 1


def test_with_a_subscription_a_change_in_the_same_second_as_the_download_is_free(backend):
    """Given a subscriber and a frozen clock, when a company is downloaded and then changed in
    the same second, and the month passes, then downloading it again is free."""
    account = new_account(backend, credits=2, subscription=True)
    (company_id,) = live_ids(backend, COMPANY)
    backend.download(account, COMPANY, company_id)
    backend.patch_record(COMPANY, company_id, {"telephone": "020-3333333"})
    later(backend, months=1)

    assert backend.download(account, COMPANY, company_id).charged == 0
