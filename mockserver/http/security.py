"""Authentication through connexion's apiKey schemes: the three query credentials together."""

from __future__ import annotations

import typing as t
from functools import partial

from ..domain.backend import Backend
from .framework import NO_VALUE, ConnexionRequest, QueryApiKeyHandler
from .query import raw_query

__all__ = ["ACCOUNT_KEY", "security_map"]

ACCOUNT_KEY = "account"

_Check = t.Callable[[ConnexionRequest], t.Any]


class _CredentialsHandler(QueryApiKeyHandler):
    """The `user` scheme checks all three credentials; the other two only require theirs.

    connexion ANDs the three query apiKey schemes of every operation, in spec order (user,
    password, applicationName). Its generic per-scheme wrapper re-reads the query string and
    inspects the check function's signature on every request; these checks read the query
    once per request (see `query.raw_query`) and keep connexion's semantics: an absent
    credential is NO_VALUE (answered as 401 by the error table), a present one is checked.
    """

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self._backend = backend

    def check_for(self, name: str) -> _Check:
        """The check of the query apiKey scheme `name`."""
        if name == "user":
            return self._authenticate
        return partial(_present, name)

    def _authenticate(self, request: ConnexionRequest) -> t.Any:
        query = raw_query(request.scope)
        user = query.get("user")
        if user is None:
            return NO_VALUE
        client = request.scope.get("client")
        account = self._backend.authenticate(
            user,
            query.get("password"),
            query.get("applicationName"),
            client[0] if client else "unknown",
        )
        return {ACCOUNT_KEY: account}


def _present(name: str, request: ConnexionRequest) -> t.Any:
    """The credential `name` was sent (it is checked by the `user` scheme)."""
    return NO_VALUE if raw_query(request.scope).get(name) is None else {"checked-by": "user"}


def security_map(backend: Backend) -> dict[str, t.Any]:
    """connexion's security_map for the API's three ANDed query apiKey schemes."""
    return {"apiKey": partial(_CredentialsHandler, backend)}
