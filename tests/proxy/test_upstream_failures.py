"""An upstream that is down, slow or closes mid-answer: 502/504 in the service's error shape,
and the proxy keeps serving."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from tests.support.proxy import Answer, proxy_process, scripted_upstream

STATISTICS = json.dumps({
    "PaymentMethod": "Prepaid", "CreditsAcquired": 10, "CreditsUsed": 0, "CreditsBalance": 10,
    "CreditsFromWUS": 0, "CreditsUsedForAlerts": 0,
}).encode()  # fmt: skip
#: The proxy's --timeout in these tests, and how much longer the slow upstream takes.
TIMEOUT, SLOWER = 1.0, 3.0


def _script(target: str) -> Answer:
    path = target.split("?", 1)[0]
    if path == "/api/Version":
        return Answer(200, b'{"Version": "1"}', delay=TIMEOUT + SLOWER)
    if path == "/api/Company":
        return Answer(200, b'{"Id": 1, "Name": "cut short"}', cut_at=8)
    return Answer(200, STATISTICS)


def _is_service_error(answer: httpx.Response, status: int) -> bool:
    body = answer.json()
    return answer.status_code == status and set(body) == {"Message"} and bool(body["Message"])


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.server
@pytest.mark.slow
def test_slow_or_cut_upstream_gives_504_or_502_and_the_proxy_keeps_serving() -> None:
    # Given a proxy with a one-second timeout before an upstream that is slow on Version and
    # closes mid-answer on Company
    with (
        scripted_upstream(_script) as upstream,
        proxy_process(upstream.url, "--timeout", str(TIMEOUT)) as proxy,
        httpx.Client(base_url=proxy.url, timeout=30) as client,
    ):
        # When Version is asked for
        slow = client.get("/api/Version")
        # Then the proxy answers 504 in the service's error shape
        assert _is_service_error(slow, 504), slow.text
        # When Company is asked for
        cut = client.get("/api/Company", params={"id": 1})
        # Then the proxy answers 502 in the service's error shape
        assert _is_service_error(cut, 502), cut.text
        # And the next request is forwarded as usual
        after = client.get("/api/DownloadStatistics")
        assert after.status_code == 200
        assert after.content == STATISTICS


@pytest.mark.server
def test_unreachable_upstream_gives_502_and_the_proxy_keeps_serving() -> None:
    # Given a proxy before a port nothing listens on
    with proxy_process(f"http://127.0.0.1:{_closed_port()}", "--timeout", "5") as proxy:
        with httpx.Client(base_url=proxy.url, timeout=30) as client:
            # When a request is sent twice, with the password in the query
            answers = [
                client.get("/api/Version", params={"password": "s3cret-Pa55"}) for _ in range(2)
            ]
            # Then both answer 502 in the service's error shape, never naming the password
            for answer in answers:
                assert _is_service_error(answer, 502), answer.text
                assert "s3cret" not in answer.text
            # And the proxy's own pages still answer
            assert client.get("/_proxy/departures").json() == []
