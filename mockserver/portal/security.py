"""Signed session cookies and CSRF tokens of the portal pages (HMAC-SHA256, per-app secret)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "SESSION_COOKIE",
    "SESSION_LIFETIME",
    "Session",
    "Signer",
]

SESSION_COOKIE = "dc_sessie"
CSRF_COOKIE = "dc_csrf"
CSRF_FIELD = "csrf"
#: How long a sign-in lasts, in wall-clock seconds (the mock's clock may jump months).
SESSION_LIFETIME = 8 * 3600


@dataclass(frozen=True)
class Session:
    """A signed-in portal user."""

    account_id: int
    user: str


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """Signs sessions and CSRF tokens with one secret; sets and reads the cookies."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _mac(self, purpose: str, value: str) -> str:
        message = f"{purpose}\0{value}".encode()
        return _b64(hmac.new(self._secret, message, hashlib.sha256).digest())

    # -- sessions ------------------------------------------------------------------------
    def session_value(self, session: Session, issued_at: float | None = None) -> str:
        """The cookie value: payload and its signature."""
        issued = int(time.time() if issued_at is None else issued_at)
        payload = _b64(json.dumps([session.account_id, session.user, issued]).encode())
        return f"{payload}.{self._mac('session', payload)}"

    def read_session(self, request: Request) -> Session | None:
        """The session a request carries, when its signature holds and it has not expired."""
        payload, _, mac = request.cookies.get(SESSION_COOKIE, "").partition(".")
        if not payload or not hmac.compare_digest(mac, self._mac("session", payload)):
            return None
        try:
            account_id, user, issued = json.loads(_unb64(payload))
            if 0 <= time.time() - float(issued) < SESSION_LIFETIME:
                return Session(int(account_id), str(user))
        except (ValueError, TypeError):
            pass
        return None

    def start_session(self, request: Request, response: Response, session: Session) -> None:
        """Set the session cookie and a fresh CSRF cookie (a sign-in rotates both)."""
        _set_cookie(request, response, SESSION_COOKIE, self.session_value(session))
        _set_cookie(request, response, CSRF_COOKIE, secrets.token_urlsafe(18), max_age=None)

    @staticmethod
    def end_session(response: Response) -> None:
        """Forget the session cookie."""
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")

    # -- CSRF ----------------------------------------------------------------------------
    @staticmethod
    def csrf_nonce(request: Request) -> tuple[str, bool]:
        """The browser's CSRF nonce, and whether it is new (and must be set as a cookie)."""
        nonce = request.cookies.get(CSRF_COOKIE, "")
        if 16 <= len(nonce) <= 64:
            return nonce, False
        return secrets.token_urlsafe(18), True

    def csrf_token(self, nonce: str, scope: str) -> str:
        """The token a form of `scope` carries for this nonce."""
        return self._mac("csrf", f"{scope}\0{nonce}")

    def csrf_ok(self, request: Request, sent: object, scope: str) -> bool:
        """Whether a posted token belongs to this browser's nonce and to this form's scope."""
        nonce = request.cookies.get(CSRF_COOKIE, "")
        if not nonce or not isinstance(sent, str):
            return False
        return hmac.compare_digest(sent, self.csrf_token(nonce, scope))

    @staticmethod
    def set_csrf_cookie(request: Request, response: Response, nonce: str) -> None:
        """Give the browser its CSRF nonce."""
        _set_cookie(request, response, CSRF_COOKIE, nonce, max_age=None)


def _set_cookie(
    request: Request,
    response: Response,
    name: str,
    value: str,
    max_age: int | None = SESSION_LIFETIME,
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
