"""Account rules through the generated client: credentials, linked users, statistics."""

from __future__ import annotations

from dataclasses import replace
from uuid import uuid4

from datacollectief_client.api.account import get_download_statistics, register_account
from datacollectief_client.api.companies import download_company
from datacollectief_client.models import RegisteredAccount
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.client_rules import assert_error, company_ids, statistics

__all__: list[str] = []


def activation_code(mock: MockService, user: str, application_name: str) -> str:
    """Given: `user` activated the application in "Mijn applicaties"."""
    body = {"applicationName": application_name}
    return str(mock.control("POST", f"/accounts/{user}/activation-codes", json=body)["code"])


def new_user_name() -> str:
    """A portal user nobody else uses."""
    return f"colleague-{uuid4().hex[:10]}@example.nl"


def test_unknown_user_is_301(mock: MockService) -> None:
    """Given an account, When a user that does not exist calls, Then 301."""
    account = mock.new_account()
    client = mock.client(replace(account, user=f"nobody-{uuid4().hex[:8]}@example.nl"))
    response = get_download_statistics.sync_detailed(client=client)
    assert_error(response, 301, "UNKNOWN_LICENSE_NAME", "Unkown license name specified.")


def test_wrong_password_is_304_without_body(mock: MockService) -> None:
    """Given an account, When it calls with a wrong password, Then 304, no body, status header."""
    account = mock.new_account()
    response = get_download_statistics.sync_detailed(
        client=mock.client(replace(account, password="not-the-password"))
    )
    assert response.status_code == 304
    assert response.content == b""
    assert response.parsed is None
    assert response.headers["X-Error-Status"] == "WRONG_PASSWORD"


def test_unknown_application_is_305(mock: MockService) -> None:
    """Given an account, When it names an application it has no link for, Then 305."""
    account = mock.new_account()
    client = mock.client(replace(account, application_name="NoSuchApp"))
    response = get_download_statistics.sync_detailed(client=client)
    assert_error(response, 305, "UNKNOWN_APPLICATION", "Unknown application name specified.")


def test_disconnected_application_is_302(mock: MockService) -> None:
    """Given a working account, When its link is disconnected in the portal, Then 302."""
    account = mock.new_account()
    assert statistics(mock, account).credits_balance == 100
    mock.control("DELETE", f"/accounts/{account.user}/link")
    response = get_download_statistics.sync_detailed(client=mock.client(account))
    assert_error(response, 302, "LICENSE_REVOKED", "License has been revoked.")


def test_register_account_links_a_user_with_its_own_ledger(mock: MockService) -> None:
    """Given a main account and a user who activated the application,
    When the main account registers that user with the code,
    Then the user's new password works and its downloads are booked on its own ledger."""
    main = mock.new_account(credits=10)
    user = new_user_name()
    code = activation_code(mock, user, main.application_name)

    response = register_account.sync_detailed(client=mock.client(main), new_user=user, code=code)

    assert response.status_code == 200, response.content
    registered = response.parsed
    assert isinstance(registered, RegisteredAccount)
    assert registered.user == user and registered.password
    linked = Credentials(registered.user, registered.password, main.application_name)
    assert statistics(mock, linked).credits_balance == 0
    mock.add_credits(user, 3)
    company = company_ids(mock.client(main), 2)[0]
    assert download_company.sync_detailed(client=mock.client(linked), id=company).status_code == 200
    ledger = mock.control("GET", f"/accounts/{user}/ledger")
    assert [(e["kind"], e["amount"]) for e in ledger["entries"]] == [
        ("acquired", 3),
        ("download", -1),
    ]
    assert ledger["balance"] == 2 == statistics(mock, linked).credits_balance
    main_ledger = mock.control("GET", f"/accounts/{main.user}/ledger")
    assert [(e["kind"], e["amount"]) for e in main_ledger["entries"]] == [("acquired", 10)]
    assert statistics(mock, main).credits_balance == 10


def test_register_account_refuses_used_or_foreign_codes_with_303(mock: MockService) -> None:
    """Given a code that was used once, and a code of another user,
    When the main account registers with them, Then 303 each time."""
    main = mock.new_account()
    user, other = new_user_name(), new_user_name()
    code = activation_code(mock, user, main.application_name)
    other_code = activation_code(mock, other, main.application_name)
    client = mock.client(main)
    first = register_account.sync_detailed(client=client, new_user=user, code=code)
    assert first.status_code == 200

    reused = register_account.sync_detailed(client=client, new_user=user, code=code)
    foreign = register_account.sync_detailed(client=client, new_user=user, code=other_code)
    unknown = register_account.sync_detailed(client=client, new_user=other, code="ZZZZ-0000")

    for response in (reused, foreign, unknown):
        assert_error(response, 303, "LICENSE_ID_MISMATCH", "License ID mismatch.")


def test_linked_user_may_not_register_accounts_319(mock: MockService) -> None:
    """Given a linked (non-main) user, When it calls RegisterAccount, Then 319."""
    main = mock.new_account()
    user, third = new_user_name(), new_user_name()
    code = activation_code(mock, user, main.application_name)
    registered = register_account.sync_detailed(client=mock.client(main), new_user=user, code=code)
    assert isinstance(registered.parsed, RegisteredAccount)
    linked = Credentials(registered.parsed.user, registered.parsed.password, main.application_name)
    third_code = activation_code(mock, third, main.application_name)

    response = register_account.sync_detailed(
        client=mock.client(linked), new_user=third, code=third_code
    )

    assert_error(response, 319, "LICENSE_NOT_ALLOWED", "License not allowed.")


def test_download_statistics_derive_from_the_ledger(mock: MockService) -> None:
    """Given an account with 10 credits, When it downloads twice and gets 5 more credits,
    Then DownloadStatistics and the ledger agree: 15 acquired, 2 used, 13 left."""
    account = mock.new_account(credits=10)
    client = mock.client(account)
    for company in company_ids(mock.client(account), 3)[:2]:
        assert download_company.sync_detailed(client=client, id=company).status_code == 200
    assert mock.add_credits(account.user, 5) == 13

    stats = statistics(mock, account)

    assert stats.payment_method == "Prepaid"
    assert (stats.credits_acquired, stats.credits_used, stats.credits_balance) == (15, 2, 13)
    assert (stats.credits_from_wus, stats.credits_used_for_alerts) == (0, 0)
    ledger = mock.control("GET", f"/accounts/{account.user}/ledger")
    assert ledger["balance"] == sum(entry["amount"] for entry in ledger["entries"]) == 13


def test_subscription_shows_as_payment_method(mock: MockService) -> None:
    """Given an account with an update subscription, When it asks its statistics,
    Then the payment method is Subscription."""
    account = mock.new_account(subscription=True)
    assert statistics(mock, account).payment_method == "Subscription"
