"""Who may use the proxy: loopback only, unless a token is given; then /_proxy needs it."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from mockserver.cli import main
from mockserver.proxy.app import TOKEN_HEADER, ProxyApp
from mockserver.proxy.contract import contract
from mockserver.proxy.ledger import Ledger

TOKEN = "proxy-token-1"


def _status(path: str, headers: dict[str, str]) -> int:
    """The status the proxy app (with TOKEN, before an upstream that answers 200) gives."""
    upstream = httpx.MockTransport(lambda request: httpx.Response(200, json={"Version": "1"}))
    app = ProxyApp("http://upstream.test", Ledger(contract()), token=TOKEN, transport=upstream)

    async def call() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://proxy.test") as client:
            return (await client.get(path, headers=headers)).status_code

    return asyncio.run(call())


def test_a_network_address_without_a_token_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # Given a proxy asked to bind every interface without a token
    # When the command line starts
    with pytest.raises(SystemExit) as stopped:
        main(["proxy", "--upstream", "http://127.0.0.1:9", "--host", "0.0.0.0"])
    # Then it refuses, naming the option that would allow it
    assert stopped.value.code == 2
    assert "--token" in capsys.readouterr().err


def test_with_a_token_the_proxy_pages_need_it_and_the_api_does_not() -> None:
    # Given a proxy with a token
    # When its pages are asked for without, with a wrong and with the right token
    # Then only the right token opens them
    assert _status("/_proxy/report", {}) == 403
    assert _status("/_proxy/report", {TOKEN_HEADER: "wrong"}) == 403
    assert _status("/_proxy/report", {TOKEN_HEADER: TOKEN}) == 200
    # And the API is forwarded without it (the service's own credentials guard it)
    assert _status("/api/Version", {}) == 200
