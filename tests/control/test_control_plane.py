"""The control plane (/_mock) in-process: every endpoint, the access rule and the journal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from starlette.testclient import TestClient

from mockserver.app import create_app
from mockserver.control import OPERATIONS, is_loopback
from mockserver.domain.clock import MAX_MOMENT, Clock, format_local
from mockserver.http.journal import Journal, JournalMiddleware, mask_query
from mockserver.settings import DEMO, Settings, spec_dir

LOCAL = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
OUTSIDER = ("10.1.2.3", 1234)
DEMO_QUERY = {
    "user": DEMO.user,
    "password": DEMO.password,
    "applicationName": DEMO.application_name,
}


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(Settings(companies=500, random_seed=1, validate_responses=True))


@pytest.fixture(scope="module")
def module_client(app: Any) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client(module_client: TestClient) -> Iterator[TestClient]:
    """The in-process mock; clock, faults, limits and journal put back after the test.

    Accounts stay (a reset re-creates the demo account, which is slow): every test makes its own.
    """
    saved = module_client.get("/_mock/clock").json()
    yield module_client
    module_client.put("/_mock/clock", json={"epoch": saved["epoch"], "frozen": saved["frozen"]})
    assert module_client.delete("/_mock/faults").status_code == 204
    assert module_client.put("/_mock/limits", json={}).status_code == 200
    assert module_client.delete("/_mock/journal").status_code == 204


def new_account(client: TestClient, **fields: Any) -> dict[str, Any]:
    response = client.post("/_mock/accounts", json=fields)
    assert response.status_code == 201, response.text
    return dict(response.json())


def creds(account: dict[str, Any]) -> dict[str, str]:
    return {k: account[k] for k in ("user", "password", "applicationName")}


def active_id(app: Any, table: str) -> int:
    row = app.backend.conn.execute(f"SELECT id FROM {table} WHERE deleted = 0 LIMIT 1").fetchone()
    return int(row[0])


def assert_error(response: Any, status: int, name: str) -> dict[str, Any]:
    """The error in the service's format; its "Message" here also holds the detail."""
    assert response.status_code == status, response.text
    assert response.headers["X-Error-Status"] == name
    body = response.json()
    assert body["Code"] == status and body["Status"] == name and body["Message"]
    return {**body, "Message": f"{body['Message']} {body.get('MessageDetail', '')}"}


# -- the table ----------------------------------------------------------------------------


def test_operation_table_matches_the_spec() -> None:
    # Given the control plane's description
    spec = yaml.safe_load((spec_dir() / "control.yaml").read_text())
    # When its operationIds are collected
    ids = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    # Then every one has exactly one handler and no handler is left over
    assert ids == set(OPERATIONS)


# -- state and accounts ---------------------------------------------------------------------


def test_reset_forgets_accounts_but_keeps_the_demo_account(client: TestClient) -> None:
    # Given an account
    account = new_account(client, credits=3)
    # When the mock is reset
    assert client.post("/_mock/reset").status_code == 204
    # Then the account is gone and the demo account works again
    assert_error(client.get(f"/_mock/accounts/{account['user']}/ledger"), 404, "NOT_FOUND")
    assert client.get("/api/Version", params=DEMO_QUERY).status_code == 200


def test_create_account_generates_missing_credentials(client: TestClient) -> None:
    # When an account is created without any field
    response = client.post("/_mock/accounts")
    # Then it answers usable credentials
    assert response.status_code == 201
    account = response.json()
    assert set(account) == {"user", "password", "applicationName", "portalPassword"}
    assert client.get("/api/Version", params=creds(account)).status_code == 200


def test_create_account_with_fields_and_credits(client: TestClient) -> None:
    # When an account is created with chosen credentials, credits and a subscription
    fields = {
        "user": "chosen@example.nl", "password": "pw-1", "applicationName": "App1",
        "credits": 7, "subscription": True, "portalPassword": "portal-1",
    }  # fmt: skip
    account = new_account(client, **fields)
    # Then those are its credentials and the API sees its credits and subscription
    assert account == {k: fields[k] for k in account}
    stats = client.get("/api/DownloadStatistics", params=creds(account)).json()
    assert stats["CreditsBalance"] == 7 and stats["PaymentMethod"] == "Subscription"


def test_create_account_refuses_a_duplicate_and_bad_input(client: TestClient) -> None:
    # Given an account
    new_account(client, user="dup@example.nl")
    # When it is created again, or with negative credits or an unknown field
    again = client.post("/_mock/accounts", json={"user": "dup@example.nl"})
    negative = client.post("/_mock/accounts", json={"credits": -1})
    unknown = client.post("/_mock/accounts", json={"colour": "blue"})
    # Then each is a 400 in the API's error format
    assert "exists" in assert_error(again, 400, "BAD_REQUEST")["Message"]
    assert "credits" in assert_error(negative, 400, "BAD_REQUEST")["Message"]
    assert_error(unknown, 400, "BAD_REQUEST")


def test_add_credits(client: TestClient) -> None:
    # Given an account with 2 credits
    account = new_account(client, credits=2)
    # When 5 are added
    response = client.post(f"/_mock/accounts/{account['user']}/credits", json={"credits": 5})
    # Then the balance is 7; zero credits and unknown users are refused
    assert response.status_code == 200 and response.json() == {"balance": 7}
    zero = client.post(f"/_mock/accounts/{account['user']}/credits", json={"credits": 0})
    assert_error(zero, 400, "BAD_REQUEST")
    nobody = client.post("/_mock/accounts/nobody@example.nl/credits", json={"credits": 1})
    assert "nobody@example.nl" in assert_error(nobody, 404, "NOT_FOUND")["Message"]


def test_set_subscription(client: TestClient) -> None:
    # Given a prepaid account
    account = new_account(client)
    # When its subscription is switched on
    response = client.put(
        f"/_mock/accounts/{account['user']}/subscription", json={"subscription": True}
    )
    # Then the API reports the subscription
    assert response.status_code == 200 and response.json() == {"subscription": True}
    stats = client.get("/api/DownloadStatistics", params=creds(account)).json()
    assert stats["PaymentMethod"] == "Subscription"


def test_activation_code_lets_the_main_account_register_a_new_user(client: TestClient) -> None:
    # Given a main account and a portal user who activates its application
    main = new_account(client, applicationName="LinkApp")
    response = client.post(
        "/_mock/accounts/new.user@example.nl/activation-codes", json={"applicationName": "LinkApp"}
    )
    assert response.status_code == 201
    issued = response.json()
    assert issued["portalPassword"]
    # When the main account registers that user with the code
    registered = client.post(
        "/api/RegisterAccount",
        params={**creds(main), "newUser": "new.user@example.nl", "code": issued["code"]},
    )
    # Then the new user can call the API with its own password
    assert registered.status_code == 200, registered.text
    user = registered.json()
    query = {"user": user["User"], "password": user["Password"], "applicationName": "LinkApp"}
    assert client.get("/api/Version", params=query).status_code == 200


def test_activation_code_for_an_existing_user_has_no_portal_password(client: TestClient) -> None:
    # Given an existing user
    account = new_account(client)
    # When it activates another application
    response = client.post(
        f"/_mock/accounts/{account['user']}/activation-codes", json={"applicationName": "Other"}
    )
    # Then no portal password is issued
    assert response.status_code == 201 and response.json()["portalPassword"] is None


def test_disconnect_revokes_the_link(client: TestClient) -> None:
    # Given an account that can call the API
    account = new_account(client)
    # When its application is disconnected
    response = client.delete(
        f"/_mock/accounts/{account['user']}/link",
        params={"applicationName": account["applicationName"]},
    )
    # Then one link was revoked and the API answers 302 LICENSE_REVOKED
    assert response.status_code == 200 and response.json() == {"revoked": 1}
    assert_error(client.get("/api/Version", params=creds(account)), 302, "LICENSE_REVOKED")
    again = client.delete(f"/_mock/accounts/{account['user']}/link")
    assert again.json() == {"revoked": 0}


def test_ledger_and_owned_after_a_download(app: Any, client: TestClient) -> None:
    # Given an account with 3 credits and a frozen clock
    client.put("/_mock/clock", json={"now": "2026-01-31 12:00:00", "frozen": True})
    account = new_account(client, credits=3)
    company = active_id(app, "companies")
    # When it downloads a company
    assert client.get("/api/Company", params={**creds(account), "id": company}).status_code == 200
    # Then the ledger books the download and the company is owned for a calendar month
    ledger = client.get(f"/_mock/accounts/{account['user']}/ledger").json()
    assert ledger["balance"] == 2
    assert [(e["kind"], e["amount"]) for e in ledger["entries"]] == [
        ("acquired", 3), ("download", -1)
    ]  # fmt: skip
    assert ledger["entries"][1]["subject"] == "Company"
    assert ledger["entries"][1]["subjectId"] == company
    assert all(LOCAL.match(e["at"]) for e in ledger["entries"])
    owned = client.get(f"/_mock/accounts/{account['user']}/owned").json()
    assert owned == {
        "companies": [
            {"id": company, "ownedFrom": "2026-01-31 12:00:00", "ownedUntil": "2026-02-28 12:00:00"}
        ],
        "contacts": [],
    }


def test_feedback_list_and_status(app: Any, client: TestClient) -> None:
    # Given an account that owns a company and offered a mutation
    account = new_account(client, credits=3)
    company = active_id(app, "companies")
    client.get("/api/Company", params={**creds(account), "id": company})
    offered = client.post(
        "/api/UserFeedbackCompany",
        params={**creds(account), "companyId": company, "reasonId": 3, "city": "Utrecht"},
    )
    assert offered.status_code == 200, offered.text
    # When the control plane lists and judges it
    items = client.get(f"/_mock/accounts/{account['user']}/feedback").json()
    assert len(items) == 1 and items[0]["status"] == "Received"
    assert items[0]["subjectId"] == company and items[0]["changes"] == {"city": "Utrecht"}
    judged = client.put(f"/_mock/feedback/{items[0]['id']}", json={"status": "Processed"})
    # Then the new status shows; unknown ids and statuses are refused
    assert judged.status_code == 200
    assert judged.json() == {"id": items[0]["id"], "status": "Processed"}
    items = client.get(f"/_mock/accounts/{account['user']}/feedback").json()
    assert items[0]["status"] == "Processed"
    assert_error(
        client.put("/_mock/feedback/999999", json={"status": "Rejected"}), 404, "NOT_FOUND"
    )
    bad = client.put(f"/_mock/feedback/{items[0]['id']}", json={"status": "Lost"})
    assert_error(bad, 400, "BAD_REQUEST")


# -- clock ----------------------------------------------------------------------------------


def test_clock_set_freeze_and_advance(client: TestClient) -> None:
    # Given the clock set to a local time and frozen
    response = client.put("/_mock/clock", json={"now": "2026-01-31 23:30:00", "frozen": True})
    assert response.status_code == 200
    assert response.json()["now"] == "2026-01-31 23:30:00" and response.json()["frozen"] is True
    # When it is advanced by a month, a day and a second
    moved = client.post("/_mock/clock/advance", json={"months": 1, "days": 1, "seconds": 1})
    # Then the calendar month is clipped to February's end and the clock stays frozen
    assert moved.status_code == 200
    assert moved.json()["now"] == "2026-03-01 23:30:01"
    assert client.get("/_mock/clock").json() == moved.json()


def test_clock_set_by_epoch(client: TestClient) -> None:
    # When the clock is set to an epoch (a summer time moment)
    response = client.put("/_mock/clock", json={"epoch": 1782900000, "frozen": True})
    # Then it shows as Amsterdam local time
    assert response.json() == {"now": "2026-07-01 12:00:00", "epoch": 1782900000, "frozen": True}


def test_clock_refuses_bad_input(client: TestClient) -> None:
    # Then: both or neither of now/epoch, an impossible date, an empty advance are refused
    both = client.put("/_mock/clock", json={"now": "2026-01-01 00:00:00", "epoch": 1})
    assert "exactly one" in assert_error(both, 400, "BAD_REQUEST")["Message"]
    assert_error(client.put("/_mock/clock", json={"frozen": True}), 400, "BAD_REQUEST")
    bad_date = client.put("/_mock/clock", json={"now": "2026-02-30 10:00:00"})
    assert_error(bad_date, 306, "INVALID_DATETIME_VALUE")
    assert_error(
        client.put("/_mock/clock", json={"now": "tomorrow"}), 306, "INVALID_DATETIME_VALUE"
    )
    assert_error(client.post("/_mock/clock/advance", json={}), 400, "BAD_REQUEST")
    assert_error(client.post("/_mock/clock/advance", json={"days": -1}), 400, "BAD_REQUEST")


def test_clock_at_its_maximum_keeps_the_mock_answering(app: Any, client: TestClient) -> None:
    # Given the clock frozen at the latest moment the spec allows
    top = client.put("/_mock/clock", json={"epoch": MAX_MOMENT, "frozen": True})
    assert top.status_code == 200, top.text
    assert top.json() == {"now": "9999-11-30 01:00:00", "epoch": MAX_MOMENT, "frozen": True}
    # When an account downloads a company then
    account = new_account(client, credits=3)
    company = active_id(app, "companies")
    download = client.get("/api/Company", params={**creds(account), "id": company})
    # Then the download works and its month of ownership still has a date
    assert download.status_code == 200, download.text
    owned = client.get(f"/_mock/accounts/{account['user']}/owned").json()["companies"]
    assert owned == [
        {"id": company, "ownedFrom": "9999-11-30 01:00:00", "ownedUntil": "9999-12-30 01:00:00"}
    ]
    # And the journal stamps its requests with that time
    assert client.get("/_mock/journal").json()[0]["at"] == "9999-11-30 01:00:00"


@pytest.mark.parametrize(
    "move", [{"seconds": 1}, {"days": 1}, {"months": 1}, {"months": 1200}, {"days": 36500}]
)
def test_clock_refuses_to_move_past_its_maximum(client: TestClient, move: dict[str, int]) -> None:
    # Given the clock frozen at its maximum
    client.put("/_mock/clock", json={"epoch": MAX_MOMENT, "frozen": True})
    # When it is advanced past it
    refused = client.post("/_mock/clock/advance", json=move)
    # Then the move is refused naming the maximum, and the clock did not move
    assert str(MAX_MOMENT) in assert_error(refused, 400, "BAD_REQUEST")["Message"]
    assert client.get("/_mock/clock").json()["epoch"] == MAX_MOMENT
    # And the mock keeps answering, the clock can be put back and the API works
    back = client.put("/_mock/clock", json={"now": "2026-11-30 10:00:00", "frozen": True})
    assert back.status_code == 200
    assert client.get("/api/Version", params=DEMO_QUERY).status_code == 200


def test_clock_refuses_a_local_time_past_its_maximum(client: TestClient) -> None:
    # When the clock is set to a local time the date pattern allows but the clock does not
    refused = client.put("/_mock/clock", json={"now": "9999-12-31 23:59:59"})
    # Then it is refused naming the maximum, and the mock keeps answering
    assert "9999-11-30 01:00:00" in assert_error(refused, 400, "BAD_REQUEST")["Message"]
    assert client.get("/_mock/clock").status_code == 200
    # And an epoch past it is refused by the schema
    assert_error(client.put("/_mock/clock", json={"epoch": MAX_MOMENT + 1}), 400, "BAD_REQUEST")


def test_a_running_clock_stops_at_its_maximum() -> None:
    # Given a running clock one second before the maximum
    real = [1000.0]
    clock = Clock(MAX_MOMENT - 1, real=lambda: real[0])
    # When a long real time passes
    real[0] += 10 * 365 * 86400
    # Then the clock shows the maximum, which still formats
    assert clock.now() == MAX_MOMENT and format_local(clock.now()) == "9999-11-30 01:00:00"


def test_a_clock_the_journal_cannot_format_does_not_take_requests_down() -> None:
    # Given the journal middleware in front of an app, with a clock that fails to format
    async def answer(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    def broken_now() -> str:
        raise OverflowError("year 10000 is out of range")

    journal = Journal()
    app = JournalMiddleware(answer, journal=journal, now=broken_now)
    # When a request comes in
    response = TestClient(app).get("/anything")
    # Then it is answered, and recorded with a placeholder time
    assert response.status_code == 204
    assert [(e["path"], e["status"], e["at"]) for e in journal.recent()] == [
        ("/anything", 204, "0000-00-00 00:00:00")
    ]


def test_the_spec_allows_no_epoch_past_the_maximum() -> None:
    # Given the control spec
    schemas = yaml.safe_load((spec_dir() / "control.yaml").read_text())["components"]["schemas"]
    # Then the epoch a client may send (and is shown) ends at the clock's maximum
    assert schemas["ClockRequest"]["properties"]["epoch"]["maximum"] == MAX_MOMENT
    assert schemas["Clock"]["properties"]["epoch"]["maximum"] == MAX_MOMENT


# -- records ----------------------------------------------------------------------------------


def test_save_selection_serves_company_selection(client: TestClient) -> None:
    # Given an account and a saved selection of every active company
    account = new_account(client)
    response = client.post("/_mock/selections", json={"user": account["user"], "filters": {}})
    assert response.status_code == 201
    saved = response.json()
    # When the account reads the selection through the API
    page = client.get(
        "/api/CompanySelection",
        params={**creds(account), "selectionId": saved["selectionId"], "pageNr": 1},
    )
    # Then it holds the saved total
    assert page.status_code == 200 and page.json()["TotalCount"] == saved["total"] > 0


def test_save_selection_with_filters(client: TestClient) -> None:
    # Given an account
    account = new_account(client)
    # When a selection is filtered on a branche, and on a province that does not exist
    some = client.post(
        "/_mock/selections", json={"user": account["user"], "filters": {"brancheId": 1}}
    )
    none = client.post(
        "/_mock/selections", json={"user": account["user"], "filters": {"province": "Atlantis"}}
    )
    # Then the totals shrink; unknown users and filters are refused
    everything = client.post("/_mock/selections", json={"user": account["user"], "filters": {}})
    assert some.json()["total"] <= everything.json()["total"]
    assert none.json()["total"] == 0
    nobody = client.post("/_mock/selections", json={"user": "nobody@example.nl", "filters": {}})
    assert_error(nobody, 404, "NOT_FOUND")
    odd = client.post("/_mock/selections", json={"user": account["user"], "filters": {"x": 1}})
    assert_error(odd, 400, "BAD_REQUEST")


def test_patch_company_is_stamped_with_the_clock(app: Any, client: TestClient) -> None:
    # Given a company and a clock a day after a reference moment
    company = active_id(app, "companies")
    client.put("/_mock/clock", json={"now": "2027-03-01 10:00:00", "frozen": True})
    client.post("/_mock/clock/advance", json={"days": 1})
    # When its city is changed
    response = client.patch(f"/_mock/companies/{company}", json={"City": "Zwolle"})
    # Then the API shows the change and lists the company as updated since the reference
    assert response.status_code == 200
    assert response.json() == {
        "id": company, "changed": ["City"], "lastChangedDate": "2027-03-02 10:00:00"
    }  # fmt: skip
    account = new_account(client)
    limited = client.get("/api/CompanyLimited", params={**creds(account), "id": company}).json()
    assert limited["City"] == "Zwolle"
    updated = client.get(
        "/api/UpdatedCompanies",
        params={
            **creds(account), "companyIds": str(company), "lastChangedDate": "2027-03-01 10:00:00"
        },
    )  # fmt: skip
    assert updated.status_code == 200
    assert updated.json()["updatedCompanies"] == [{"Id": company}]


def test_patch_company_refusals(app: Any, client: TestClient) -> None:
    company = active_id(app, "companies")
    # Then unknown ids, unknown fields, wrong types and empty bodies are refused
    assert_error(client.patch("/_mock/companies/999999", json={"City": "X"}), 404, "NOT_FOUND")
    unknown = client.patch(f"/_mock/companies/{company}", json={"Colour": "red"})
    assert_error(unknown, 400, "BAD_REQUEST")
    wrong = client.patch(f"/_mock/companies/{company}", json={"BrancheID": "one"})
    assert_error(wrong, 400, "BAD_REQUEST")
    assert_error(client.patch(f"/_mock/companies/{company}", json={}), 400, "BAD_REQUEST")


def test_patch_contact(app: Any, client: TestClient) -> None:
    # Given a contact
    contact = active_id(app, "contacts")
    # When it is marked deleted and its e-mail changes
    response = client.patch(
        f"/_mock/contacts/{contact}", json={"Email": "new@example.nl", "Deleted": True}
    )
    # Then the API shows it as deleted; unknown contacts are 404
    assert response.status_code == 200 and response.json()["changed"] == ["Email", "Deleted"]
    account = new_account(client)
    limited = client.get("/api/ContactLimited", params={**creds(account), "id": contact}).json()
    assert limited["Deleted"] is True
    assert_error(client.patch("/_mock/contacts/9999999", json={"Email": "x"}), 404, "NOT_FOUND")


# -- faults and limits ------------------------------------------------------------------------


def test_fault_forces_an_error_until_cleared(client: TestClient) -> None:
    # Given a fault that makes every Version call a database timeout
    response = client.post("/_mock/faults", json={"operation": "getVersion", "status": 314})
    assert response.status_code == 201
    fault = response.json()
    assert fault == {
        "id": fault["id"], "operation": "getVersion", "status": 314, "latencyMs": 0,
        "probability": 1.0, "drop": None, "bytesPerSecond": None, "times": None, "remaining": None,
    }  # fmt: skip
    # When the API is called
    # Then it answers 314 until the faults are cleared
    assert_error(client.get("/api/Version", params=DEMO_QUERY), 314, "DATABASE_TIMEOUT")
    assert client.get("/_mock/faults").json() == [fault]
    assert client.delete("/_mock/faults").status_code == 204
    assert client.get("/_mock/faults").json() == []
    assert client.get("/api/Version", params=DEMO_QUERY).status_code == 200


def test_fault_latency_shows_in_the_journal(client: TestClient) -> None:
    # Given a latency fault on every operation
    assert client.post("/_mock/faults", json={"latencyMs": 40}).status_code == 201
    # When the API is called
    assert client.get("/api/Version", params=DEMO_QUERY).status_code == 200
    # Then the journal shows the delay
    entry = client.get("/_mock/journal", params={"limit": 1}).json()[0]
    assert entry["operation"] == "getVersion" and entry["durationMs"] >= 40


def test_fault_refusals(client: TestClient) -> None:
    # Then unknown operations, non-service codes, empty faults and bad chances are refused
    for body in (
        {"operation": "noSuchThing", "status": 314},
        {"status": 404},
        {},
        {"status": 314, "probability": 2},
    ):
        assert_error(client.post("/_mock/faults", json=body), 400, "BAD_REQUEST")


def test_limits_per_hour(client: TestClient) -> None:
    # Given a limit of two requests per hour
    response = client.put("/_mock/limits", json={"perHour": 2})
    assert response.json() == {
        "perHour": 2, "perDay": None, "badRequestsPerIp": None, "ipWindowSeconds": 3600
    }  # fmt: skip
    assert client.get("/_mock/limits").json() == response.json()
    account = new_account(client)
    # When the account calls three times
    statuses = [client.get("/api/Version", params=creds(account)).status_code for _ in range(3)]
    # Then the third is 312; a reset lifts the limit
    assert statuses == [200, 200, 312]
    client.post("/_mock/reset")
    assert client.get("/_mock/limits").json()["perHour"] is None


def test_control_plane_errors_do_not_count_as_bad_requests(client: TestClient) -> None:
    # Given a limit of one bad request per IP
    client.put("/_mock/limits", json={"badRequestsPerIp": 1})
    # When the control plane is called badly twice
    for _ in range(2):
        assert client.post("/_mock/accounts", json={"credits": -1}).status_code == 400
    # Then the API still answers this client
    assert client.get("/api/Version", params=DEMO_QUERY).status_code == 200


def test_limits_refuse_bad_input(client: TestClient) -> None:
    assert_error(client.put("/_mock/limits", json={"perHour": 0}), 400, "BAD_REQUEST")
    assert_error(client.put("/_mock/limits", json={"perMinute": 5}), 400, "BAD_REQUEST")


# -- journal ----------------------------------------------------------------------------------


def test_journal_records_requests_and_masks_secrets(client: TestClient) -> None:
    # Given an API call with credentials and a request carrying a portal password
    client.delete("/_mock/journal")
    client.get("/api/Version", params=DEMO_QUERY)
    client.get("/_mock/clock", params={"portalPassword": "hunter2"})
    # When the journal is read (twice: requests to it are not recorded)
    client.get("/_mock/journal")
    entries = client.get("/_mock/journal").json()
    # Then both requests show, newest first, without their secrets
    assert [e["path"] for e in entries] == ["/_mock/clock", "/api/Version"]
    clock, version = entries
    assert clock["query"] == "portalPassword=***" and clock["status"] == 400
    assert version["query"] == "user=demo%40example.nl&password=***&applicationName=DemoApp"
    assert version["status"] == 200 and version["operation"] == "getVersion"
    assert version["method"] == "GET" and LOCAL.match(version["at"])
    assert DEMO.password not in str(entries) and "hunter2" not in str(entries)


def test_journal_limit(client: TestClient) -> None:
    # Given three requests
    for _ in range(3):
        client.get("/_mock/clock")
    # Then a limit cuts the answer; a bad limit is refused
    assert len(client.get("/_mock/journal", params={"limit": 2}).json()) == 2
    assert_error(client.get("/_mock/journal", params={"limit": 0}), 400, "BAD_REQUEST")
    assert client.delete("/_mock/journal").status_code == 204
    assert client.get("/_mock/journal").json() == []


def test_mask_query_keeps_everything_else() -> None:
    assert mask_query("") == ""
    assert mask_query("a=1&password=x%20y&PortalPassword=z&b") == (
        "a=1&password=***&PortalPassword=***&b"
    )


# -- access ---------------------------------------------------------------------------------


def test_unknown_control_path_is_404(client: TestClient) -> None:
    assert_error(client.get("/_mock/nothing-here"), 404, "NOT_FOUND")


def test_non_loopback_clients_are_refused(app: Any, client: TestClient) -> None:
    # Given a client from another host
    outsider = TestClient(app, client=OUTSIDER)
    # When it calls the control plane and the API
    refused = outsider.get("/_mock/clock")
    # Then the control plane refuses it and the API serves it
    assert "loopback" in assert_error(refused, 403, "FORBIDDEN")["Message"]
    assert_error(outsider.post("/_mock/reset"), 403, "FORBIDDEN")
    assert outsider.get("/api/Version", params=DEMO_QUERY).status_code == 200


def test_control_token_is_required_from_every_host(app: Any) -> None:
    # Given a mock with a control token (sharing the backend of the other tests)
    guarded = create_app(Settings(control_token="s3cret"), backend=app.backend)
    local, outsider = TestClient(guarded), TestClient(guarded, client=OUTSIDER)
    # Then without the right token even loopback is refused; with it any host is served
    assert_error(local.get("/_mock/clock"), 403, "FORBIDDEN")
    wrong = outsider.get("/_mock/clock", headers={"X-Mock-Token": "guess"})
    assert "X-Mock-Token" in assert_error(wrong, 403, "FORBIDDEN")["Message"]
    assert outsider.get("/_mock/clock", headers={"X-Mock-Token": "s3cret"}).status_code == 200


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("::ffff:127.0.0.1", True),
        ("testclient", True), ("10.1.2.3", False), ("::ffff:10.0.0.1", False),
        ("example.nl", False), (None, False),
    ],
)  # fmt: skip
def test_is_loopback(host: str | None, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_spec_file_is_packaged_next_to_the_api_spec() -> None:
    assert Path(spec_dir(), "control.yaml").is_file()
