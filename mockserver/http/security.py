"""Authentication through connexion's apiKey schemes: the three query credentials together."""

from __future__ import annotations

import typing as t
from functools import partial

from connexion.lifecycle import ConnexionRequest
from connexion.security import ApiKeySecurityHandler

from ..domain.backend import Backend

__all__ = ["ACCOUNT_KEY", "security_map"]

ACCOUNT_KEY = "account"


class _CredentialsHandler(ApiKeySecurityHandler):
    """Each query apiKey scheme resolves to one check of all three credentials."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self._backend = backend
        self._accepts: dict[tuple[t.Callable[..., t.Any], str], bool] = {}

    def _accepts_kwarg(self, func: t.Callable[..., t.Any], keyword: str) -> bool:
        """connexion asks this twice per scheme on every request; cache its inspect.signature."""
        key = (func, keyword)
        accepts = self._accepts.get(key)
        if accepts is None:
            accepts = self._accepts[key] = ApiKeySecurityHandler._accepts_kwarg(func, keyword)
        return accepts

    def _resolve_func(self, security_scheme: dict[str, t.Any]) -> t.Callable[..., t.Any]:
        backend = self._backend
        if security_scheme.get("name") != "user":
            return lambda _key, request: {"checked-by": "user"}

        def authenticate(_key: str, request: ConnexionRequest) -> dict[str, t.Any]:
            query = request.query_params
            client = request.scope.get("client")
            account = backend.authenticate(
                query.get("user"),
                query.get("password"),
                query.get("applicationName"),
                client[0] if client else "unknown",
            )
            return {ACCOUNT_KEY: account}

        return authenticate


def security_map(backend: Backend) -> dict[str, t.Any]:
    """connexion's security_map for the API's three ANDed query apiKey schemes."""
    return {"apiKey": partial(_CredentialsHandler, backend)}
