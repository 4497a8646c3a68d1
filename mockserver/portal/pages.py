"""Rendering of the portal pages: Jinja2 with autoescape, security headers, the error page."""

from __future__ import annotations

import functools
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from ..domain.clock import format_local
from .security import Signer

__all__ = [
    "Endpoint",
    "error_page",
    "form_page",
    "guarded",
    "json_answer",
    "redirect",
    "render",
]

Endpoint = Callable[[Request], Awaitable[Response]]
logger = logging.getLogger(__name__)


def _number(value: int) -> str:
    """A whole number the Dutch way: 12.345."""
    return f"{int(value):,}".replace(",", ".")


def _local(moment: int | None) -> str:
    """Epoch seconds as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam."""
    return "" if moment is None else format_local(int(moment))


_ENV = Environment(
    loader=PackageLoader("mockserver.portal", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["number"] = _number
_ENV.filters["local"] = _local

#: Page defaults, so every template may use them.
_BASE: dict[str, Any] = {"user": None, "errors": (), "notice": None}


def _harden(response: Response, nonce: str | None = None) -> Response:
    """Headers every portal answer carries: no caching, no framing, no referrer, strict CSP."""
    source = f"'nonce-{nonce}'" if nonce else "'none'"
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src {source}; style-src {source}; connect-src 'self';"
        " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def render(template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page (values are escaped) with a fresh CSP nonce for its inline style/script."""
    nonce = secrets.token_urlsafe(12)
    html = _ENV.get_template(template).render({**_BASE, **context, "nonce": nonce})
    response = HTMLResponse(html, status_code=status)
    _harden(response, nonce)
    return response


def form_page(
    request: Request,
    signer: Signer,
    template: str,
    scope: str,
    *,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render a page whose forms carry the CSRF token of `scope`; set the nonce cookie if new."""
    nonce, new = signer.csrf_nonce(request)
    response = render(template, status=status, csrf=signer.csrf_token(nonce, scope), **context)
    if new:
        signer.set_csrf_cookie(request, response, nonce)
    return response


def error_page(status: int, title: str, message: str) -> HTMLResponse:
    """A plain Dutch error page."""
    return render("fout.html", status=status, title=title, message=message)


def redirect(url: str) -> Response:
    """303 See Other (after a POST, or to the sign-in page)."""
    return _harden(RedirectResponse(url, status_code=303))


def json_answer(body: dict[str, Any], status: int = 200) -> Response:
    """A small JSON answer (the live count)."""
    return _harden(JSONResponse(body, status_code=status))


def guarded(endpoint: Endpoint) -> Endpoint:
    """Answer any unexpected failure with a Dutch error page instead of a stack trace."""

    @functools.wraps(endpoint)
    async def wrapper(request: Request) -> Response:
        try:
            return await endpoint(request)
        except Exception:
            logger.exception("portal page %s failed", request.url.path)
            return error_page(
                500,
                "Er ging iets mis",
                "Er ging aan onze kant iets mis. Probeer het later opnieuw.",
            )

    return wrapper
