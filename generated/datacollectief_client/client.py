import email.utils
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Self

import anyio
import httpx
from attrs import define, evolve, field

#: 314 DATABASE_TIMEOUT: the service did not process the request and advises to try again.
TEMPORARY_STATUSES = frozenset({314})
#: Methods that may be sent again after the request may have reached the server (urllib3's default).
IDEMPOTENT_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT", "TRACE"})
#: GET paths that change state when repeated: a repeated ContactNew is a duplicate offer (a penalty).
NON_IDEMPOTENT_PATHS = frozenset({"/api/ContactNew"})
# Errors before the request left: safe to send again whatever the method.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Errors after the request may have reached the server (a dropped connection among them).
_MAYBE_SENT = (httpx.ReadError, httpx.ReadTimeout, httpx.WriteError, httpx.WriteTimeout, httpx.RemoteProtocolError)
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
    - an error before the request was sent (connect, connection pool) is retried whatever the method;
    - an error after it may have arrived (read, write, a dropped connection) is retried only for
      ``allowed_methods`` outside ``non_idempotent_paths``: repeating a download within the
      ownership month is free, repeating a ContactNew offers a duplicate.

    Retry ``n`` (1, 2, ...) waits ``backoff_factor * 2 ** (n - 1)`` seconds plus up to ``backoff_jitter``
    random seconds, at most ``backoff_max``; a ``Retry-After`` header replaces that wait when
    ``respect_retry_after_header``. At most ``total`` retries happen, and none whose wait would end more
    than ``max_time`` seconds after the first attempt began. When retries run out, the last answer is
    returned or the last error raised.
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
        """Seconds to wait before retry ``retry_number`` after ``response`` or ``error``; None: give up"""
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
    """An httpx transport that sends each request through ``transport``, again as ``retry`` allows"""

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
                wait = self.retry.wait(request, retry_number, time.monotonic() - started, error=error)
                if wait is None:
                    raise
            else:
                wait = self.retry.wait(request, retry_number, time.monotonic() - started, response=response)
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
                wait = self.retry.wait(request, retry_number, time.monotonic() - started, error=error)
                if wait is None:
                    raise
            else:
                wait = self.retry.wait(request, retry_number, time.monotonic() - started, response=response)
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


def _with_retry(retry: Retry | None, verify: str | bool | ssl.SSLContext, httpx_args: dict[str, Any]) -> dict[str, Any]:
    """``httpx_args`` for an ``httpx.Client``, its transport wrapped in a RetryTransport when ``retry`` is set"""
    if retry is None:
        return httpx_args
    args = dict(httpx_args)
    transport = args.pop("transport", None)
    if transport is None:
        transport = httpx.HTTPTransport(verify=verify, **{name: args[name] for name in _TRANSPORT_ARGS if name in args})
    return {**args, "transport": RetryTransport(transport, retry)}


def _with_async_retry(
    retry: Retry | None, verify: str | bool | ssl.SSLContext, httpx_args: dict[str, Any]
) -> dict[str, Any]:
    """``httpx_args`` for an ``httpx.AsyncClient``, its transport wrapped in an AsyncRetryTransport when ``retry`` is set"""
    if retry is None:
        return httpx_args
    args = dict(httpx_args)
    transport = args.pop("transport", None)
    if transport is None:
        transport = httpx.AsyncHTTPTransport(
            verify=verify, **{name: args[name] for name in _TRANSPORT_ARGS if name in args}
        )
    return {**args, "transport": AsyncRetryTransport(transport, retry)}


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

        ``retry``: A :class:`Retry` policy: the httpx clients built here send through a :class:`RetryTransport`
        (around ``httpx_args["transport"]`` when given). Not applied to a client given to ``set_httpx_client``:
        build that one with ``transport=RetryTransport(...)``. Default None: no retries.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise an errors.UnexpectedStatus if the API returns a
            status code that was not documented in the source OpenAPI document. Can also be provided as a keyword
            argument to the constructor.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _retry: Retry | None = field(default=None, kw_only=True, alias="retry")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **_with_retry(self._retry, self._verify_ssl, self._httpx_args),
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **_with_async_retry(self._retry, self._verify_ssl, self._httpx_args),
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    Every request carries the credentials ``user``, ``password`` and ``applicationName`` as query
    parameters (merged into the httpx client's default ``params``, also into a client given to
    ``set_httpx_client``/``set_async_httpx_client``)::

        client = AuthenticatedClient(
            base_url="https://api.datacollectief.nl",
            user="me@example.nl",
            password="api-password",
            application_name="MyApp",
        )

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

        ``retry``: A :class:`Retry` policy: the httpx clients built here send through a :class:`RetryTransport`
        (around ``httpx_args["transport"]`` when given). Not applied to a client given to ``set_httpx_client``:
        build that one with ``transport=RetryTransport(...)``. Default None: no retries.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise an errors.UnexpectedStatus if the API returns a
            status code that was not documented in the source OpenAPI document. Can also be provided as a keyword
            argument to the constructor.
        user: The e-mail address of the Mijn DATA-collectief account (query parameter ``user``)
        password: The API password of the application link (query parameter ``password``)
        application_name: The name of the linked application (query parameter ``applicationName``)
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _retry: Retry | None = field(default=None, kw_only=True, alias="retry")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    user: str = field(kw_only=True)
    password: str = field(kw_only=True, repr=False)
    application_name: str = field(kw_only=True)

    @property
    def credentials(self) -> dict[str, str]:
        """The query parameters that authenticate every request"""
        return {"user": self.user, "password": self.password, "applicationName": self.application_name}

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        client.params = client.params.merge(self.credentials)
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **_with_retry(self._retry, self._verify_ssl, self._httpx_args),
            )
            self._client.params = self._client.params.merge(self.credentials)
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        async_client.params = async_client.params.merge(self.credentials)
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **_with_async_retry(self._retry, self._verify_ssl, self._httpx_args),
            )
            self._async_client.params = self._async_client.params.merge(self.credentials)
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)
