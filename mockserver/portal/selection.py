"""The target-group selection page at /selectie/{token}: filters, live count, save."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ..domain.backend import Backend
from ..domain.portal_reads import TokenState
from .filters import FilterForm, choices, parse_filters
from .pages import Endpoint, error_page, form_page, guarded, json_answer
from .security import CSRF_FIELD, Signer

__all__ = ["MAX_TOKEN_LENGTH", "selection_routes"]

MAX_TOKEN_LENGTH = 100
_UNKNOWN = (
    404,
    "Selectiepagina niet gevonden",
    "Deze link naar de selectiepagina bestaat niet. Controleer de link, of vraag in uw"
    " applicatie een nieuwe aan.",
)
_EXPIRED = (
    410,
    "Deze link is verlopen",
    "Een link naar de selectiepagina is 24 uur geldig. Vraag in uw applicatie een nieuwe aan.",
)
_STALE_FORM = "Het formulier was verlopen. Controleer de filters en klik nogmaals op opslaan."
_EMPTY = (
    "Geen enkel bedrijf voldoet aan deze filters. Maak de selectie ruimer en probeer het opnieuw."
)


def selection_routes(backend: Backend, signer: Signer) -> list[tuple[str, Endpoint, list[str]]]:
    """The selection page and its live count: (path, endpoint, methods)."""

    def refusal(token: str) -> tuple[int, str, str] | int:
        """The token's account, or why the page cannot be shown."""
        if len(token) > MAX_TOKEN_LENGTH:
            return _UNKNOWN
        state, account_id = backend.selection_token_state(token)
        if state is TokenState.EXPIRED:
            return _EXPIRED
        return _UNKNOWN if account_id is None else account_id

    def page(
        request: Request, token: str, form: FilterForm, status: int = 200, **context: Any
    ) -> Response:
        errors = [*form.errors, *context.pop("errors", ())]
        count = None if form.errors else backend.count_selection(form.filters)
        context = {
            "title": "Doelgroep selecteren",
            "token": token,
            "form": form,
            "choices": choices(),
            "count": count,
            "saved": None,
            **context,
            "errors": errors,
        }
        return form_page(
            request, signer, "selectie.html", f"selectie:{token}", status=status, **context
        )

    async def selection(request: Request) -> Response:
        token = request.path_params["token"]
        checked = refusal(token)
        if isinstance(checked, tuple):
            return error_page(*checked)
        if request.method == "GET":
            form = parse_filters(request.query_params)
            return page(request, token, form, 400 if form.errors else 200)
        posted = await request.form()
        form = parse_filters(posted)
        if not signer.csrf_ok(request, posted.get(CSRF_FIELD), f"selectie:{token}"):
            return page(request, token, form, 403, errors=[_STALE_FORM])
        if form.errors:
            return page(request, token, form, 400)
        if backend.count_selection(form.filters) == 0:
            return page(request, token, form, 400, errors=[_EMPTY])
        saved = backend.save_selection(checked, form.filters)
        return page(request, token, form, saved=saved)

    async def count(request: Request) -> Response:
        checked = refusal(request.path_params["token"])
        if isinstance(checked, tuple):
            status, title, message = checked
            return json_answer({"fout": f"{title}. {message}"}, status)
        form = parse_filters(request.query_params)
        if form.errors:
            return json_answer({"fouten": form.errors}, 400)
        return json_answer({"aantal": backend.count_selection(form.filters)})

    pages: list[tuple[str, Endpoint, list[str]]] = [
        ("/selectie/{token}", selection, ["GET", "POST"]),
        ("/selectie/{token}/aantal", count, ["GET"]),
    ]
    return [(path, guarded(endpoint), methods) for path, endpoint, methods in pages]
