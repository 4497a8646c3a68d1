"""Business invariants of the DATA-collectief API as schemathesis checks (CLI hooks and pytest).

Loaded by path: `hooks = "tests/support/schemathesis_checks.py"` in schemathesis.toml for the
CLI, and by tests/contract/test_schemathesis.py in-process. Each check looks only at the
operations it is about and makes its extra requests (statistics, the control plane's ledger, a
repeated download) over the same transport as the checked response: the ASGI app in-process, HTTP to
the same origin against a server.
"""

from __future__ import annotations

import math
import os
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import schemathesis

from mockserver.operation_facts import (
    Credits,
    account_writes,
    credits,
    owned_reads,
    record_of,
)
from mockserver.provenance import load_spec, operations

__all__ = [
    "AUTH_STATUSES",
    "credentials_accepted",
    "credits_add_up",
    "download_paid_once",
    "selection_page_size",
    "leads_bounded",
    "contact_names_masked",
    "tenant_isolated",
]

#: The service's answers to a credential it does not accept (see spec/README.md).
AUTH_STATUSES = frozenset({301, 302, 304, 305})
CREDENTIALS = ("user", "password", "applicationName")
_SPEC = load_spec()
#: The paid downloads (`x-credits: {charges: 1, unless: owned}`): operationId -> the ledger
#: subject of the record they answer and its id member (`Company`, `Id`).
DOWNLOADS = {
    operation["operationId"]: record_of(_SPEC, operation)
    for _, _, operation in operations(_SPEC)
    if credits(_SPEC).get(operation["operationId"], Credits()).unless == "owned"
}
SELECTION_PAGE_SIZE = 8
MAX_LEADS = 250
#: A second account that never acts itself (tenant_isolated): its credentials, by environment.
PEER_ENVIRONMENT = {
    "user": "DATACOLLECTIEF_PEER_USER",
    "password": "DATACOLLECTIEF_PEER_PASSWORD",
    "applicationName": "DATACOLLECTIEF_PEER_APPLICATION",
}
#: Reads of an account-owned object by its key (`x-owned-read`): what another account must
#: get instead, and the parameter without which the call reads nobody's own (CompanyList's
#: `selectionId`).
OWNED_READS = owned_reads(_SPEC)
#: Operations that change the calling account's ownership, mutations or ledger
#: (`x-account-write`).
ACCOUNT_WRITES = account_writes(_SPEC)


def _operation_id(case: Any) -> str | None:
    return case.operation.definition.raw.get("operationId")


def _is_positive(case: Any) -> bool:
    return case.meta is not None and case.meta.generation.mode.is_positive


def _credentials(response: Any) -> dict[str, str]:
    query = dict(parse_qsl(urlsplit(response.request.url).query, keep_blank_values=True))
    return {name: query.get(name, "") for name in CREDENTIALS}


@cache
def _client(app: Any, origin: str) -> httpx.Client:
    """One client per transport: the ASGI app in-process, or HTTP to the server's origin."""
    if app is not None:
        from starlette.testclient import TestClient

        return TestClient(app, base_url=origin)
    return httpx.Client(base_url=origin, timeout=30)


def _http(case: Any, response: Any) -> httpx.Client:
    url = urlsplit(response.request.url)
    return _client(case.operation.app, f"{url.scheme}://{url.netloc}")


def _statistics(http: httpx.Client, credentials: dict[str, str]) -> dict[str, int]:
    answer = http.get("/api/DownloadStatistics", params=credentials)
    assert answer.status_code == 200, f"DownloadStatistics answered {answer.status_code}"
    data: dict[str, int] = answer.json()
    return data


@schemathesis.check
def credentials_accepted(ctx: Any, response: Any, case: Any) -> None:
    """A valid request with the run's credentials is never refused as unauthenticated.

    schemathesis' `missing_auth` warning only counts 401/403; this API refuses credentials
    with 301/302/304/305, so without this check a run whose auth is broken would pass.
    """
    if _is_positive(case) and response.status_code in AUTH_STATUSES:
        raise AssertionError(
            f"The run's credentials were refused with {response.status_code} "
            f"({response.headers.get('x-error-status', ['?'])[0]}): check the auth config"
        )


@schemathesis.check
def credits_add_up(ctx: Any, response: Any, case: Any) -> None:
    """DownloadStatistics: balance = acquired + from WUS - used - alerts, and never below 0."""
    if _operation_id(case) != "getDownloadStatistics" or response.status_code != 200:
        return
    s = response.json()
    expected = (
        s["CreditsAcquired"] + s["CreditsFromWUS"] - s["CreditsUsed"] - s["CreditsUsedForAlerts"]
    )
    assert s["CreditsBalance"] >= 0, f"Negative balance: {s}"
    assert s["CreditsBalance"] == expected, f"Balance {s['CreditsBalance']} != {expected}: {s}"


@schemathesis.check
def download_paid_once(ctx: Any, response: Any, case: Any) -> None:
    """A 200 download is paid exactly once per ownership window; the balance never goes negative.

    The run's account has no update subscription and nothing moves the clock during a run,
    so every downloaded record carries exactly one `download` charge of 1 credit in the
    ledger. That makes a 200 for an account that had no credit and did not own the record
    impossible (its charge would drive the running balance below zero). Downloading the
    record again must answer 200 with the same ownership window and cost nothing.
    """
    spec = DOWNLOADS.get(_operation_id(case) or "")
    if spec is None or response.status_code != 200:
        return
    subject, id_field = spec
    record_id = response.json()[id_field]
    credentials = _credentials(response)
    http = _http(case, response)
    ledger = http.get(f"/_mock/accounts/{credentials['user']}/ledger")
    assert ledger.status_code == 200, f"ledger answered {ledger.status_code}"
    balance = 0
    for entry in ledger.json()["entries"]:
        balance += entry["amount"]
        assert balance >= 0, f"Ledger balance went below zero at entry {entry}"
    charges = [
        entry
        for entry in ledger.json()["entries"]
        if entry["kind"] == "download"
        and entry["subject"] == subject
        and entry["subjectId"] == record_id
    ]
    assert [c["amount"] for c in charges] == [-1], (
        f"{subject} {record_id} answered 200 but its ledger charges are {charges}"
    )
    before = _statistics(http, credentials)
    again = http.get(response.request.url)
    assert again.status_code == 200, f"A second download answered {again.status_code}"
    assert again.json()["OwnedUntil"] == response.json()["OwnedUntil"], "The window moved"
    after = _statistics(http, credentials)
    assert after == before, f"A second download within the month cost credits: {before} -> {after}"


@schemathesis.check
def selection_page_size(ctx: Any, response: Any, case: Any) -> None:
    """CompanySelection pages hold at most 8 companies, exactly 8 before the last page."""
    if _operation_id(case) != "getCompanySelection" or response.status_code != 200:
        return
    page = response.json()
    size = len(page["Companies"])
    assert size <= SELECTION_PAGE_SIZE, f"A selection page holds {size} companies"
    last_page = math.ceil(page["TotalCount"] / SELECTION_PAGE_SIZE)
    if page["PageNr"] < last_page:
        assert size == SELECTION_PAGE_SIZE, f"Page {page['PageNr']} of {last_page} holds {size}"
    elif page["PageNr"] > last_page:
        assert size == 0, f"Page {page['PageNr']} past the end holds {size}"


@schemathesis.check
def leads_bounded(ctx: Any, response: Any, case: Any) -> None:
    """WebsiteleadsLeads: at most 250 visits; `Truncated` exactly when `TotalCount` > 250."""
    if _operation_id(case) != "listWebsiteLeads" or response.status_code != 200:
        return
    leads = response.json()
    visits, total = len(leads["Visits"]), leads["TotalCount"]
    assert visits <= MAX_LEADS, f"{visits} visits in one answer"
    assert leads["Truncated"] == (total > MAX_LEADS), f"Truncated={leads['Truncated']}, {total=}"
    assert visits == min(total, MAX_LEADS), f"{visits} visits for TotalCount {total}"


@schemathesis.check
def contact_names_masked(ctx: Any, response: Any, case: Any) -> None:
    """ContactList and ContactLimited hide the end of every last name as '...'."""
    operation = _operation_id(case)
    if operation not in ("listContacts", "getContactLimited") or response.status_code != 200:
        return
    body = response.json()
    contacts = body["Contacts"] if operation == "listContacts" else [body]
    unmasked = [c["Name"] for c in contacts if not c["Name"].endswith("...")]
    assert not unmasked, f"Unmasked contact names: {unmasked}"


def _peer() -> dict[str, str]:
    missing = [name for name in PEER_ENVIRONMENT.values() if not os.environ.get(name)]
    if missing:
        raise AssertionError(
            f"tenant_isolated needs a second account's credentials in {', '.join(missing)}"
        )
    return {scheme: os.environ[name] for scheme, name in PEER_ENVIRONMENT.items()}


@schemathesis.check
def tenant_isolated(ctx: Any, response: Any, case: Any) -> None:
    """Another account (the peer, which never acts) sees and keeps nothing of this one's.

    A read of an account-owned object by id (a selection, a website's leads) is replayed as
    the peer: it must be refused (309, 400) or, for a website name both accounts happen to
    have, answer the peer's own different visits. After a write that changes the caller's
    ownership, mutations or ledger, the peer still owns nothing, offered nothing and has
    spent or earned nothing.
    """
    operation = _operation_id(case) or ""
    if response.status_code != 200 or (
        operation not in OWNED_READS and operation not in ACCOUNT_WRITES
    ):
        return
    peer = _peer()
    http = _http(case, response)
    if operation in OWNED_READS:
        url = urlsplit(response.request.url)
        query = dict(parse_qsl(url.query, keep_blank_values=True)) | peer
        needed = OWNED_READS[operation].with_parameter
        if needed is not None and not query.get(needed):
            return  # without it (CompanyList without `selectionId`: a search), nobody's own
        answer = http.request(response.request.method, url.path, params=query)
        if operation == "listWebsiteLeads" and answer.status_code == 200:
            mine = response.json()["Visits"]
            assert not mine or answer.json()["Visits"] != mine, (
                f"The peer got this account's leads: {url.path}?{url.query}"
            )
            return
        expected = OWNED_READS[operation].refused
        assert answer.status_code == expected, (
            f"The peer asked for this account's {operation} and got {answer.status_code},"
            f" not {expected}: {answer.text[:300]}"
        )
        return
    statistics = _statistics(http, peer)
    assert statistics["CreditsUsed"] == statistics["CreditsFromWUS"] == 0, (
        f"The peer's statistics changed after {operation}: {statistics}"
    )
    owned = http.get(f"/_mock/accounts/{peer['user']}/owned").json()
    assert owned == {"companies": [], "contacts": []}, f"The peer owns {owned} after {operation}"
    feedback = http.get(f"/_mock/accounts/{peer['user']}/feedback").json()
    assert feedback == [], f"The peer has mutations {feedback} after {operation}"
