"""The in-process transports: one loop, whole answers, reason phrases, exceptions, lifespan."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from mockserver.inprocess import CLIENT, InProcessApp

__all__: list[str] = []


class Probe:
    """A small ASGI app that records where and how it ran."""

    def __init__(self) -> None:
        self.threads: list[int] = []
        self.lifespan: list[str] = []

        @asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
            self.lifespan.append("startup")
            yield {"greeting": "hello"}
            self.lifespan.append("shutdown")

        async def echo(request: Request) -> Response:
            self.threads.append(threading.get_ident())
            body = await request.body()
            return JSONResponse(
                {
                    "method": request.method,
                    "path": request.url.path,
                    "query": request.url.query,
                    "body": body.decode(),
                    "client": list(request.client or ()),
                    "state": request.state.greeting,
                }
            )

        async def coded(request: Request) -> Response:
            return Response(b"{}", status_code=310, media_type="application/json")

        async def chunks(request: Request) -> Response:
            async def parts() -> AsyncIterator[bytes]:
                for part in (b"one ", b"two ", b"three"):
                    yield part

            return StreamingResponse(parts())

        async def boom(request: Request) -> Response:
            raise LookupError("the app failed")

        self.app = Starlette(
            routes=[
                Route("/echo/{rest:path}", echo, methods=["GET", "POST"]),
                Route("/coded", coded),
                Route("/chunks", chunks),
                Route("/boom", boom),
            ],
            lifespan=lifespan,
        )


@pytest.fixture
def probe() -> Iterator[tuple[Probe, InProcessApp]]:
    """Given: the probe app running in-process."""
    probe = Probe()
    with InProcessApp(probe.app) as runner:
        yield probe, runner


def test_sync_requests_run_in_the_callers_thread_with_body_query_and_state(
    probe: tuple[Probe, InProcessApp],
) -> None:
    app, runner = probe
    # When a sync client sends requests through the transport
    with httpx.Client(transport=runner.transport(), base_url="http://testserver") as http:
        answers = [
            http.post("/echo/a%20b", params={"q": "x y"}, content=b"payload") for _ in range(3)
        ]
    # Then the app saw the request as sent, from a loopback client, with the lifespan's state,
    # and every request ran in the caller's own thread: no hand-off
    assert answers[0].json() == {
        "method": "POST",
        "path": "/echo/a b",
        "query": "q=x+y",
        "body": "payload",
        "client": list(CLIENT),
        "state": "hello",
    }
    assert app.threads == [threading.get_ident()] * 3
    assert app.lifespan == ["startup"]


@pytest.mark.anyio
async def test_a_sync_client_inside_an_event_loop_hands_off_once(
    probe: tuple[Probe, InProcessApp],
) -> None:
    app, runner = probe
    # When sync code inside an async test (its loop running) sends two requests
    with httpx.Client(transport=runner.transport(), base_url="http://testserver") as http:
        answers = [http.get("/echo/x"), http.get("/echo/y")]
    # Then both are answered, on the one helper thread, not the caller's
    assert [answer.json()["path"] for answer in answers] == ["/echo/x", "/echo/y"]
    assert len(set(app.threads)) == 1 and app.threads[0] != threading.get_ident()


@pytest.mark.anyio
async def test_async_requests_run_on_the_callers_loop(
    probe: tuple[Probe, InProcessApp],
) -> None:
    app, runner = probe
    # When an async client sends a request through the async transport
    async with httpx.AsyncClient(
        transport=runner.async_transport(), base_url="http://testserver"
    ) as http:
        answer = await http.get("/echo/x")
    # Then it ran on the caller's own thread and loop: no hand-off
    assert answer.json()["path"] == "/echo/x"
    assert app.threads == [threading.get_ident()]


def test_service_codes_carry_their_reason_phrase(probe: tuple[Probe, InProcessApp]) -> None:
    _, runner = probe
    with httpx.Client(transport=runner.transport(), base_url="http://testserver") as http:
        # When the app answers one of the service's codes, then the reason phrase names it
        assert http.get("/coded").reason_phrase == "INSUFFICIENT_CREDITS"
        # and an ordinary status keeps its usual phrase
        assert http.get("/echo/").reason_phrase == "OK"


def test_a_streamed_answer_arrives_whole(probe: tuple[Probe, InProcessApp]) -> None:
    _, runner = probe
    with httpx.Client(transport=runner.transport(), base_url="http://testserver") as http:
        # When the app streams its body in parts
        response = http.get("/chunks")
    # Then the client gets it complete, already read
    assert response.is_stream_consumed and response.content == b"one two three"


def test_an_app_exception_reaches_the_caller_as_itself(probe: tuple[Probe, InProcessApp]) -> None:
    _, runner = probe
    with httpx.Client(transport=runner.transport(), base_url="http://testserver") as http:
        # When the app raises, then the caller gets that exception, noted with the request
        with pytest.raises(LookupError, match="the app failed") as raised:
            http.get("/boom")
    assert "GET /boom" in " ".join(raised.value.__notes__)


def test_closing_shuts_the_lifespan_down_and_stops_the_thread() -> None:
    # Given a running in-process app and a client on it
    probe = Probe()
    threads_before = set(threading.enumerate())
    runner = InProcessApp(probe.app)
    http = httpx.Client(transport=runner.transport(), base_url="http://testserver")
    http.get("/echo/")
    # When a client closes, then the app still answers (clients do not own it)
    http.close()
    with httpx.Client(transport=runner.transport(), base_url="http://testserver") as other:
        assert other.get("/echo/").status_code == 200
    # When the app is closed (twice is fine)
    runner.close()
    runner.close()
    # Then the lifespan has shut down, no thread of it is left, and it refuses requests
    assert probe.lifespan == ["startup", "shutdown"]
    assert set(threading.enumerate()) <= threads_before
    with (
        httpx.Client(transport=runner.transport(), base_url="http://testserver") as late,
        pytest.raises(RuntimeError, match="closed"),
    ):
        late.get("/echo/")
