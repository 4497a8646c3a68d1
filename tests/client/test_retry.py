"""The generated client retries temporary errors only: 314 and lost connections, with backoff."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from datacollectief_client import AsyncRetryTransport, AuthenticatedClient, Retry, RetryTransport
from datacollectief_client.api.companies import download_company
from datacollectief_client.api.contributions import offer_contact_new
from datacollectief_client.api.service import get_version
from datacollectief_client.api.updates import get_updated_companies_v2
from datacollectief_client.models import Company, UpdatedCompaniesRequest
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.client_rules import assert_error

__all__: list[str] = []

#: Retries fast enough for tests: no jitter, a millisecond of backoff.
FAST = Retry(total=3, backoff_factor=0.001, backoff_jitter=0.0, max_time=10.0)
#: A company of the synthetic dataset (every dataset has it).
COMPANY = 1


class Counting(httpx.BaseTransport):
    """Pass requests to the mock's transport and remember them; never closes it."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Count, then send."""
        self.requests.append(request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        """The mock's transport is shared by the session: leave it open."""


@pytest.fixture
def faults(mock: MockService) -> Iterator[MockService]:
    """The mock (in-process and server); every fault is removed after the test."""
    yield mock
    mock.control("DELETE", "/faults")


def retrying(
    mock: MockService, account: Credentials, retry: Retry | None = FAST
) -> tuple[AuthenticatedClient, Counting]:
    """Given: the generated client with a retry policy, over a transport that counts requests."""
    counting = Counting(mock.http._transport)  # in-process or socket alike
    client = AuthenticatedClient(
        base_url=mock.base_url,
        user=account.user,
        password=account.password,
        application_name=account.application_name,
        retry=retry,
        httpx_args={"transport": counting},
    )
    return client, counting


def balance(mock: MockService, account: Credentials) -> int:
    """The account's credits."""
    return int(mock.control("GET", f"/accounts/{account.user}/ledger")["balance"])


# -- against the mock ---------------------------------------------------------------------------


def test_temporary_error_is_retried_until_it_works(faults: MockService) -> None:
    # Given Version fails with 314 twice
    account = faults.new_account(credits=0)
    faults.control("POST", "/faults", json={"operation": "getVersion", "status": 314, "times": 2})
    client, sent = retrying(faults, account)
    # When the client asks the Version
    response = get_version.sync_detailed(client=client)
    # Then it retried twice and got the answer
    assert response.status_code == 200
    assert len(sent.requests) == 3


def test_temporary_error_on_a_post_is_retried(faults: MockService) -> None:
    # Given the POST UpdatedCompaniesV2 fails with 314 once (not processed: safe to repeat)
    account = faults.new_account(credits=0)
    faults.control(
        "POST", "/faults", json={"operation": "getUpdatedCompaniesV2", "status": 314, "times": 1}
    )
    client, sent = retrying(faults, account)
    body = UpdatedCompaniesRequest(last_changed_date="2026-01-01 00:00:00", company_ids=[COMPANY])
    # When the client posts it
    response = get_updated_companies_v2.sync_detailed(client=client, body=body)
    # Then it was sent twice and answered
    assert response.status_code == 200, response.content
    assert [request.method for request in sent.requests] == ["POST", "POST"]


def test_functional_error_is_never_retried(faults: MockService) -> None:
    # Given an account without credits
    account = faults.new_account(credits=0)
    client, sent = retrying(faults, account)
    # When it downloads a company
    response = download_company.sync_detailed(client=client, id=COMPANY)
    # Then it gets 310 at once, sent a single time
    assert_error(response, 310, "INSUFFICIENT_CREDITS", "Insufficient credits")
    assert len(sent.requests) == 1


def test_retries_run_out_with_the_last_answer(faults: MockService) -> None:
    # Given Version always fails with 314
    account = faults.new_account(credits=0)
    faults.control("POST", "/faults", json={"operation": "getVersion", "status": 314})
    client, sent = retrying(faults, account, Retry(total=2, backoff_factor=0.001))
    # When the client asks the Version
    response = get_version.sync_detailed(client=client)
    # Then after the first try and two retries it hands over the 314
    assert_error(response, 314, "DATABASE_TIMEOUT", "database timeout")
    assert len(sent.requests) == 3


def test_lost_answer_of_a_download_is_retried_and_charged_once(faults: MockService) -> None:
    # Given the next download is processed but its answer lost
    account = faults.new_account(credits=5)
    faults.control(
        "POST", "/faults", json={"operation": "downloadCompany", "drop": "after", "times": 1}
    )
    client, sent = retrying(faults, account)
    # When the client downloads the company
    response = download_company.sync_detailed(client=client, id=COMPANY)
    # Then the retry brings the record, and the company was charged a single credit
    assert isinstance(response.parsed, Company) and response.parsed.id == COMPANY
    assert len(sent.requests) == 2
    assert balance(faults, account) == 4


def test_lost_answer_is_not_retried_without_a_policy(faults: MockService) -> None:
    # Given the next download is processed but its answer lost, and a client without retry
    account = faults.new_account(credits=5)
    faults.control(
        "POST", "/faults", json={"operation": "downloadCompany", "drop": "after", "times": 1}
    )
    client, sent = retrying(faults, account, retry=None)
    # When the client downloads / Then the lost connection reaches the caller
    with pytest.raises(httpx.RemoteProtocolError):
        download_company.sync_detailed(client=client, id=COMPANY)
    assert len(sent.requests) == 1 and balance(faults, account) == 4


@pytest.mark.parametrize("operation", ["getUpdatedCompaniesV2", "offerContactNew"])
def test_lost_answer_of_a_state_changing_call_is_not_retried(
    faults: MockService, operation: str
) -> None:
    # Given the next call is processed but its answer lost
    account = faults.new_account(credits=5)
    faults.control("POST", "/faults", json={"operation": operation, "drop": "after", "times": 1})
    client, sent = retrying(faults, account)
    # When the client makes it: a POST, or ContactNew (a GET that books an offer)
    # Then the lost connection reaches the caller after one attempt
    with pytest.raises(httpx.RemoteProtocolError):
        if operation == "offerContactNew":
            offer_contact_new.sync_detailed(client=client, company_id=COMPANY, name="Verloren")
        else:
            body = UpdatedCompaniesRequest(
                last_changed_date="2026-01-01 00:00:00", company_ids=[COMPANY]
            )
            get_updated_companies_v2.sync_detailed(client=client, body=body)
    assert len(sent.requests) == 1


# -- the policy on its own ----------------------------------------------------------------------


def scripted(*outcomes: int | Exception) -> Callable[[httpx.Request], httpx.Response]:
    """A handler answering the given statuses or raising the given errors, in turn."""
    queue = list(outcomes)

    def handle(request: httpx.Request) -> httpx.Response:
        outcome = queue.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return httpx.Response(outcome, request=request)

    return handle


def test_backoff_doubles_up_to_its_maximum() -> None:
    # Given a policy without jitter / When the waits are asked / Then they double, capped
    retry = Retry(backoff_factor=1.0, backoff_max=5.0, backoff_jitter=0.0)
    assert [retry.backoff(n) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]


def test_jitter_adds_at_most_its_amount() -> None:
    # Given a policy with jitter / When waits are asked / Then each lies in [base, base + jitter]
    retry = Retry(backoff_factor=1.0, backoff_jitter=0.5)
    assert all(2.0 <= retry.backoff(2) <= 2.5 for _ in range(50))


def test_connect_error_is_retried_for_any_method_and_waits_grow() -> None:
    # Given a server that cannot be reached twice
    waits: list[float] = []
    handler = scripted(httpx.ConnectError("refused"), httpx.ConnectError("refused"), 200)
    retry = Retry(total=3, backoff_factor=0.25, backoff_jitter=0.0)
    transport = RetryTransport(httpx.MockTransport(handler), retry, sleep=waits.append)
    # When a POST is sent
    with httpx.Client(transport=transport, base_url="http://mock") as client:
        response = client.post("/api/UserFeedbackCompanyV2", json={"Id": 1})
    # Then it was sent again after growing waits, and answered
    assert response.status_code == 200 and waits == [0.25, 0.5]


def test_retry_after_and_max_time_are_respected() -> None:
    # Given a 314 that asks to come back in 2 seconds, under policies with and without room
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(314, headers={"Retry-After": "2"}, request=request)

    request = httpx.Request("GET", "http://mock/api/Version")
    response = handler(request)
    # When the policies are asked for the wait / Then the header decides, within the budget
    assert Retry(backoff_max=30.0).wait(request, 1, 0.0, response=response) == 2.0
    assert Retry(backoff_max=1.0).wait(request, 1, 0.0, response=response) == 1.0
    assert Retry(max_time=1.5).wait(request, 1, 0.0, response=response) is None
    assert Retry(total=0).wait(request, 1, 0.0, response=response) is None


def test_only_temporary_statuses_and_safe_errors_are_retried() -> None:
    # Given the default policy and requests of several kinds
    retry = Retry()
    get = httpx.Request("GET", "http://mock/api/Company")
    post = httpx.Request("POST", "http://mock/api/UserFeedbackCompanyV2")
    offer = httpx.Request("GET", "http://mock/api/ContactNew")
    dropped = httpx.RemoteProtocolError("Server disconnected without sending a response.")
    # When / Then: functional errors never, 314 always, lost connections for safe GETs only
    for status in (304, 307, 310, 312, 400, 500):
        assert retry.wait(get, 1, 0.0, response=httpx.Response(status)) is None
    assert retry.wait(post, 1, 0.0, response=httpx.Response(314)) is not None
    assert retry.wait(get, 1, 0.0, error=dropped) is not None
    assert retry.wait(post, 1, 0.0, error=dropped) is None
    assert retry.wait(offer, 1, 0.0, error=dropped) is None
    assert retry.wait(post, 1, 0.0, error=httpx.ConnectTimeout("slow")) is not None
    assert retry.wait(get, 1, 0.0, error=httpx.UnsupportedProtocol("ftp")) is None


def test_async_transport_retries_the_same_way() -> None:
    # Given an async client whose server fails with 314, then drops the connection, then answers
    handler = scripted(314, httpx.ReadError("reset"), 200)

    async def respond(request: httpx.Request) -> httpx.Response:
        return handler(request)

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    transport = AsyncRetryTransport(httpx.MockTransport(respond), FAST, sleep=sleep)

    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            return await client.get("/api/Company", params={"id": 1})

    # When a GET is sent / Then it took three attempts and two waits
    assert asyncio.run(call()).status_code == 200
    assert waits == [0.001, 0.002]


def test_client_builds_its_own_retrying_transport() -> None:
    # Given a client with a retry policy and no transport of its own
    client = AuthenticatedClient(
        base_url="http://127.0.0.1:9", user="u", password="p", application_name="a", retry=FAST
    )
    # When it builds its httpx clients / Then both send through a retrying transport
    sync_transport: Any = client.get_httpx_client()._transport
    async_transport: Any = client.get_async_httpx_client()._transport
    assert isinstance(sync_transport, RetryTransport) and sync_transport.retry is FAST
    assert isinstance(sync_transport.transport, httpx.HTTPTransport)
    assert isinstance(async_transport, AsyncRetryTransport)
    client.get_httpx_client().close()
