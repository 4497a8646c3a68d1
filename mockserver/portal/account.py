"""Mijn DATA-collectief: sign in and out, and "Mijn applicaties" (activate, disconnect)."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from ..domain.backend import Backend
from ..domain.contributions import FEEDBACK_STATUSES
from .pages import Endpoint, form_page, guarded, redirect
from .security import CSRF_FIELD, Session, Signer

__all__ = ["MAX_FIELD_LENGTH", "AccountPages", "account_routes"]

MAX_FIELD_LENGTH = 200
SIGN_IN = "/mijn/inloggen"
APPLICATIONS = "/mijn/applicaties"
_STALE_FORM = "Het formulier was verlopen. Probeer het nog eens."
_WRONG_PASSWORD = "Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw."
#: Fixed notices a redirect may ask for (never text from the URL itself).
_NOTICES = {
    "uitgelogd": "U bent uitgelogd.",
    "ontkoppeld": "De applicatie is ontkoppeld. Zij heeft geen toegang meer tot uw account.",
}
#: Status of an offered mutation, in Dutch.
STATUS_LABELS = dict(
    zip(FEEDBACK_STATUSES, ("Ontvangen", "In behandeling", "Verwerkt", "Afgewezen"), strict=True)
)


def _reasons() -> dict[int, str]:
    return {
        int(row["Code"]): str(row["Description"]) for row in Backend.base_table("message_reason")
    }


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip()[:MAX_FIELD_LENGTH] if isinstance(value, str) else ""


def _scope(session: Session) -> str:
    return f"mijn:{session.account_id}"


class AccountPages:
    """The pages under /mijn, over one backend and one signer."""

    def __init__(self, backend: Backend, signer: Signer) -> None:
        self.backend = backend
        self.signer = signer

    def routes(self) -> list[tuple[str, Endpoint, list[str]]]:
        """The pages: (path, endpoint, methods)."""
        pages: list[tuple[str, Endpoint, list[str]]] = [
            ("/mijn", _home, ["GET"]),
            (SIGN_IN, self.sign_in, ["GET", "POST"]),
            ("/mijn/uitloggen", self.sign_out, ["POST"]),
            (APPLICATIONS, self.applications, ["GET"]),
            (f"{APPLICATIONS}/activeren", self.change_link, ["POST"]),
            (f"{APPLICATIONS}/ontkoppelen", self.change_link, ["POST"]),
        ]
        return [(path, guarded(endpoint), methods) for path, endpoint, methods in pages]

    def _current(self, request: Request) -> Session | None:
        session = self.signer.read_session(request)
        if session is None:
            return None
        user = self.backend.portal_user(session.account_id)
        return session if user is not None and user.lower() == session.user.lower() else None

    def _sign_in_page(self, request: Request, status: int = 200, **context: Any) -> Response:
        context.setdefault("email", "")
        return form_page(
            request,
            self.signer,
            "inloggen.html",
            "inloggen",
            status=status,
            title="Inloggen",
            **context,
        )

    def _overview_page(
        self, request: Request, session: Session, status: int = 200, **context: Any
    ) -> Response:
        context = {
            "code": None,
            "application": "",
            "title": "Mijn applicaties",
            "user": session.user,
            "overview": self.backend.portal_overview(session.account_id),
            "reasons": _reasons(),
            "status_labels": STATUS_LABELS,
            **context,
        }
        return form_page(
            request, self.signer, "applicaties.html", _scope(session), status=status, **context
        )

    async def sign_in(self, request: Request) -> Response:
        """GET shows the sign-in form; POST signs in and starts a session."""
        if request.method == "GET":
            if self._current(request) is not None:
                return redirect(APPLICATIONS)
            return self._sign_in_page(
                request, notice=_NOTICES.get(request.query_params.get("melding", ""))
            )
        form = await request.form()
        email, password = _field(form, "email"), _field(form, "wachtwoord")
        if not self.signer.csrf_ok(request, form.get(CSRF_FIELD), "inloggen"):
            return self._sign_in_page(request, 403, email=email, errors=[_STALE_FORM])
        if not email or not password:
            return self._sign_in_page(
                request, 400, email=email, errors=["Vul uw e-mailadres en wachtwoord in."]
            )
        account_id = self.backend.portal_sign_in(email, password)
        if account_id is None:
            return self._sign_in_page(request, 401, email=email, errors=[_WRONG_PASSWORD])
        response = redirect(APPLICATIONS)
        user = self.backend.portal_user(account_id) or email
        self.signer.start_session(request, response, Session(account_id, user))
        return response

    async def sign_out(self, request: Request) -> Response:
        """POST ends the session."""
        session = self._current(request)
        form = await request.form()
        if session is not None and not self.signer.csrf_ok(
            request, form.get(CSRF_FIELD), _scope(session)
        ):
            return self._overview_page(request, session, 403, errors=[_STALE_FORM])
        response = redirect(f"{SIGN_IN}?melding=uitgelogd")
        self.signer.end_session(response)
        return response

    async def applications(self, request: Request) -> Response:
        """GET "Mijn applicaties" (the sign-in page without a session)."""
        session = self._current(request)
        if session is None:
            return redirect(SIGN_IN)
        return self._overview_page(
            request, session, notice=_NOTICES.get(request.query_params.get("melding", ""))
        )

    async def change_link(self, request: Request) -> Response:
        """POST activate or disconnect (by the path) an application."""
        session = self._current(request)
        if session is None:
            return redirect(SIGN_IN)
        form = await request.form()
        if not self.signer.csrf_ok(request, form.get(CSRF_FIELD), _scope(session)):
            return self._overview_page(request, session, 403, errors=[_STALE_FORM])
        application = _field(form, "applicatie")
        if not application:
            return self._overview_page(
                request, session, 400, errors=["Vul de naam van de applicatie in."]
            )
        if request.url.path.endswith("/ontkoppelen"):
            if self.backend.disconnect(session.user, application) == 0:
                problem = f"De applicatie {application} is niet (meer) gekoppeld."
                return self._overview_page(request, session, 400, errors=[problem])
            return redirect(f"{APPLICATIONS}?melding=ontkoppeld")
        code = self.backend.portal_activate(session.user, application)
        if code is None:
            problem = f"DATA-collectief kent geen applicatie met de naam {application}."
            return self._overview_page(
                request, session, 404, application=application, errors=[problem]
            )
        return self._overview_page(request, session, code=code, code_application=application)


async def _home(request: Request) -> Response:
    return redirect(APPLICATIONS)


def account_routes(backend: Backend, signer: Signer) -> list[tuple[str, Endpoint, list[str]]]:
    """The pages under /mijn: (path, endpoint, methods)."""
    return AccountPages(backend, signer).routes()
