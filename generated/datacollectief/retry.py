"""Retrying temporary errors, as the service advises: a policy and httpx transports."""

from __future__ import annotations

import email.utils
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Self

import anyio
import httpx
from attrs import define, field

__all__ = [
    "IDEMPOTENT_METHODS",
    "NON_IDEMPOTENT_PATHS",
    "TEMPORARY_STATUSES",
    "AsyncRetryTransport",
    "Retry",
    "RetryTransport",
    "with_async_retry",
    "with_retry",
]

#: 314 DATABASE_TIMEOUT: the service did not process the request and advises to try again.
TEMPORARY_STATUSES = frozenset({314})
#: Methods that may be sent again after the request may have reached the server (urllib3's default).
IDEMPOTENT_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT", "TRACE"})
#: GET paths that change state when repeated: a repeated ContactNew is a duplicate offer.
NON_IDEMPOTENT_PATHS = frozenset({"/api/ContactNew"})
# Errors before the request left: safe to send again whatever the method.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Errors after the request may have reached the server (a dropped connection among them).
_MAYBE_SENT = (
    httpx.ReadError,
    httpx.ReadTimeout,
    httpx.WriteError,
    httpx.WriteTimeout,
    httpx.RemoteProtocolError,
)
# httpx.Client arguments that configure its default transport.
_TRANSPORT_ARGS = ("cert", "trust_env", "http1", "http2", "limits")


def _upper(methods: Any) -> frozenset[str]:
    return frozenset(str(method).upper() for method in methods)


@define(frozen=True)
class Retry:
    """When and how a request that failed for a temporary reason is sent again.

    Modelled on urllib3's ``Retry``. The service advises to retry temporary errors only, never
    functional ones (an unknown ID, no credits, a limit, bad input), so:

    - an answer with a status in ``status_forcelist`` (314 ``DATABASE_TIMEOUT``: not processed)
      is retried whatever the method (urllib3 asks ``allowed_methods`` here too);
    - an error before the request was sent (connect, connection pool) is retried whatever the
      method;
    - an error after it may have arrived (read, write, a dropped connection) is retried only for
      ``allowed_methods`` outside ``non_idempotent_paths``: repeating a download within the
      ownership month is free, repeating a ContactNew offers a duplicate.

    Retry ``n`` (1, 2, ...) waits ``backoff_factor * 2 ** (n - 1)`` seconds plus up to
    ``backoff_jitter`` random seconds, at most ``backoff_max``; a ``Retry-After`` header replaces
    that wait when ``respect_retry_after_header``. At most ``total`` retries happen, and none whose
    wait would end more than ``max_time`` seconds after the first attempt began. When retries run
    out, the last answer is returned or the last error raised.
    """

    total: int = 3
    backoff_factor: float = 0.5
    backoff_max: float = 30.0
    backoff_jitter: float = 0.5
    max_time: float | None = 60.0
    status_forcelist: frozenset[int] = field(default=TEMPORARY_STATUSES, converter=frozenset)
    allowed_methods: frozenset[str] = field(default=IDEMPOTENT_METHODS, converter=_upper)
    non_idempotent_paths: frozenset[str] = field(default=NON_IDEMPOTENT_PATHS, converter=frozenset)
    respect_retry_after_header: bool = True

    def backoff(self, retry_number: int) -> float:
        """Seconds to wait before retry ``retry_number`` (1 for the first)"""
        wait = self.backoff_factor * 2.0 ** (retry_number - 1)
        if self.backoff_jitter:
            wait += random.random() * self.backoff_jitter
        return max(0.0, min(self.backoff_max, wait))

    def is_retryable_error(self, request: httpx.Request, error: Exception) -> bool:
        """Whether ``request`` may go again after ``error``"""
        if isinstance(error, _NOT_SENT):
            return True
        if not isinstance(error, _MAYBE_SENT) or request.method.upper() not in self.allowed_methods:
            return False
        return not any(request.url.path.endswith(path) for path in self.non_idempotent_paths)

    def wait(
        self,
        request: httpx.Request,
        retry_number: int,
        elapsed: float,
        *,
        response: httpx.Response | None = None,
        error: Exception | None = None,
    ) -> float | None:
        """Seconds to wait before retry `retry_number` after `response` or `error` (None: stop)."""
        if retry_number > self.total:
            return None
        if error is not None:
            if not self.is_retryable_error(request, error):
                return None
            delay = self.backoff(retry_number)
        elif response is not None and response.status_code in self.status_forcelist:
            after = _retry_after(response) if self.respect_retry_after_header else None
            delay = self.backoff(retry_number) if after is None else min(after, self.backoff_max)
        else:
            return None
        if self.max_time is not None and elapsed + delay > self.max_time:
            return None
        return delay


def _retry_after(response: httpx.Response) -> float | None:
    """The seconds a ``Retry-After`` header asks for (a number or an HTTP date), if any"""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


class RetryTransport(httpx.BaseTransport):
    """An httpx transport: each request through `transport`, again as `retry` allows."""

    def __init__(
        self,
        transport: httpx.BaseTransport,
        retry: Retry | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.transport = transport
        self.retry = retry or Retry()
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request; wait and send it again while the retry policy allows"""
        request.read()  # a body that can be sent again
        started, retry_number = time.monotonic(), 0
        while True:
            retry_number += 1
            try:
                response = self.transport.handle_request(request)
            except httpx.TransportError as error:
                wait = self.retry.wait(
                    request, retry_number, time.monotonic() - started, error=error
                )
                if wait is None:
                    raise
            else:
                wait = self.retry.wait(
                    request, retry_number, time.monotonic() - started, response=response
                )
                if wait is None:
                    return response
                response.read()  # so that the connection can be used again
                response.close()
            self._sleep(wait)

    def close(self) -> None:
        """Close the wrapped transport"""
        self.transport.close()

    def __enter__(self) -> Self:
        self.transport.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self.transport.__exit__(exc_type, exc_value, traceback)


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`RetryTransport`"""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        retry: Retry | None = None,
        *,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        self.transport = transport
        self.retry = retry or Retry()
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request; wait and send it again while the retry policy allows"""
        await request.aread()  # a body that can be sent again
        started, retry_number = time.monotonic(), 0
        while True:
            retry_number += 1
            try:
                response = await self.transport.handle_async_request(request)
            except httpx.TransportError as error:
                wait = self.retry.wait(
                    request, retry_number, time.monotonic() - started, error=error
                )
                if wait is None:
                    raise
            else:
                wait = self.retry.wait(
                    request, retry_number, time.monotonic() - started, response=response
                )
                if wait is None:
                    return response
                await response.aread()  # so that the connection can be used again
                await response.aclose()
            await self._sleep(wait)

    async def aclose(self) -> None:
        """Close the wrapped transport"""
        await self.transport.aclose()

    async def __aenter__(self) -> Self:
        await self.transport.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.transport.__aexit__(exc_type, exc_value, traceback)


def with_retry(
    retry: Retry | None, verify: str | bool | ssl.SSLContext, httpx_args: dict[str, Any]
) -> dict[str, Any]:
    """`httpx_args` for an `httpx.Client`, its transport in a RetryTransport when `retry` is set."""
    if retry is None:
        return httpx_args
    args = dict(httpx_args)
    transport = args.pop("transport", None) or httpx.HTTPTransport(
        verify=verify, **_transport_args(args)
    )
    return {**args, "transport": RetryTransport(transport, retry)}


def with_async_retry(
    retry: Retry | None, verify: str | bool | ssl.SSLContext, httpx_args: dict[str, Any]
) -> dict[str, Any]:
    """`with_retry` for an `httpx.AsyncClient`: an AsyncRetryTransport."""
    if retry is None:
        return httpx_args
    args = dict(httpx_args)
    transport = args.pop("transport", None) or httpx.AsyncHTTPTransport(
        verify=verify, **_transport_args(args)
    )
    return {**args, "transport": AsyncRetryTransport(transport, retry)}


def _transport_args(httpx_args: dict[str, Any]) -> dict[str, Any]:
    """The httpx client arguments that configure its default transport."""
    return {name: httpx_args[name] for name in _TRANSPORT_ARGS if name in httpx_args}
