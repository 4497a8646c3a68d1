"""A client library for accessing DATA-collectief API

Temporary errors can be retried with exponential backoff, as the service advises; functional errors
(no credits, an unknown ID, a limit, bad input) never are::

    client = AuthenticatedClient(
        base_url="https://api.datacollectief.nl",
        user="me@example.nl", password="api-password", application_name="MyApp",
        retry=Retry(total=4, backoff_factor=0.5, max_time=30),
    )

``Retry`` retries a 314 (``DATABASE_TIMEOUT``) and a connection that failed before the request was sent
for every request, and an error after it was sent (a dropped connection) for GET requests except
ContactNew. ``RetryTransport`` / ``AsyncRetryTransport`` wrap any httpx transport with such a policy.
"""

from .client import AsyncRetryTransport, AuthenticatedClient, Client, Retry, RetryTransport

__all__ = (
    "AsyncRetryTransport",
    "AuthenticatedClient",
    "Client",
    "Retry",
    "RetryTransport",
)
