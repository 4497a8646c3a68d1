"""The one table from domain errors to the wire, and the reshaping of connexion's problems."""

from __future__ import annotations

import json
import logging
import typing as t
from collections.abc import Callable, Mapping

from ..domain.errors import REASON_PHRASES, STATUS_HEADER, DomainError, ErrorCode
from .framework import ConnexionRequest, ConnexionResponse, ProblemException

__all__ = [
    "MESSAGES",
    "REASON_PHRASES",
    "STATUS_HEADER",
    "BAD_INPUT_CODES",
    "error_body",
    "error_response",
    "install_error_handlers",
]

#: The service's documented message per code (source D, its page Foutmeldingen; spec/README.md).
MESSAGES: Mapping[int, str] = {
    300: "The request type could not be found.",
    301: "Unkown license name specified.",
    302: "License has been revoked.",
    303: "License ID mismatch.",
    304: "Wrong password specified.",
    305: "Unknown application name specified.",
    306: "Invalid datetime value.",
    307: "Unknown company ID.",
    308: "Unknown contact person ID.",
    309: "Unknown selection ID.",
    310: "Insufficient credits. Contact https://shop.datacollectief.nl/ for new credits.",
    311: "You have exceeded the limit of requests per day.",
    312: "You have exceeded the limit of requests per hour.",
    313: (
        "You have exceeded the limit of bad requests for this IP address, contact"
        " support@datacollectief.nl for more information."
    ),
    314: "A database timeout has occurred.",
    315: "A mutation may only be offered when a company is in possession.",
    316: "A mutation may only be offered when a contactperson is in possession.",
    317: "Company is inactive.",
    318: "Contact is inactive.",
    319: "License not allowed.",
    # ASP.NET Web API's own texts where it has one (spec/README.md, "The public sources").
    400: "The request is invalid.",
    403: "Forbidden.",
    404: "Not found.",
    405: "The requested method is not allowed for this request type.",
    413: "The request is too large.",
    415: "The request body must be JSON (application/json).",
    500: "An error has occurred.",
}
_NAMES: Mapping[int, str] = {code.value: code.name for code in ErrorCode} | {
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    500: "INTERNAL_ERROR",
}
#: Codes that count as a bad request towards the per-IP limit (313).
BAD_INPUT_CODES = frozenset({300, 301, 304, 305, 306, 400, 404, 405, 413, 415})
_MISSING_CREDENTIAL = (
    ("user", ErrorCode.UNKNOWN_LICENSE_NAME),
    ("password", ErrorCode.WRONG_PASSWORD),
    ("applicationName", ErrorCode.UNKNOWN_APPLICATION),
)
logger = logging.getLogger(__name__)


def error_body(
    status: int, detail: str | None = None, field: str | None = None
) -> dict[str, t.Any]:
    """The service's error body: ASP.NET's HttpError plus the code and status name.

    `Message` is the documented text of the code; `detail` goes into `MessageDetail`, and a
    400 that names its parameter (`field`) lists it in `ModelState`, as ASP.NET does.
    """
    body: dict[str, t.Any] = {"Message": MESSAGES.get(status, "Error.")}
    if detail:
        body["MessageDetail"] = detail
        if status == 400 and field:
            body["ModelState"] = {field: [detail]}
    body["Code"] = status
    body["Status"] = _NAMES.get(status, "ERROR")
    return body


def error_response(
    status: int,
    detail: str | None = None,
    headers: Mapping[str, str] | None = None,
    field: str | None = None,
) -> ConnexionResponse:
    """An error in the service's format: status = code, body {Message, ..., Code, Status}."""
    name = _NAMES.get(status, "ERROR")
    all_headers = {STATUS_HEADER: name, **(headers or {})}
    if status == 304:
        return ConnexionResponse(status_code=304, headers=all_headers)
    body = json.dumps(error_body(status, detail, field))
    return ConnexionResponse(
        status_code=status,
        body=body,
        content_type="application/json",
        mimetype="application/json",
        headers=all_headers,
    )


def _from_problem(request: ConnexionRequest, exc: ProblemException) -> ConnexionResponse:
    status = int(exc.status or 500)
    if status == 401:
        query = request.query_params
        for name, code in _MISSING_CREDENTIAL:
            if not query.get(name):
                return error_response(code, f"Query parameter '{name}' is missing.", field=name)
        return error_response(ErrorCode.UNKNOWN_LICENSE_NAME)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return _from_http(request, status, exc, detail)


def install_error_handlers(app: object, on_bad_input: Callable[[str], None]) -> None:
    """Route every error through the table above; count bad input per client IP."""

    def respond(request: ConnexionRequest, response: ConnexionResponse) -> ConnexionResponse:
        if response.status_code in BAD_INPUT_CODES and not request.url.path.startswith("/_mock/"):
            client = request.scope.get("client")
            on_bad_input(client[0] if client else "unknown")
        return response

    async def domain_error(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, DomainError)
        return respond(request, error_response(exc.code.value, exc.detail, field=exc.field))

    async def problem(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, ProblemException)
        return respond(request, _from_problem(request, exc))

    async def unexpected(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        logger.exception("unexpected error", exc_info=exc)
        return error_response(500)

    add = app.add_error_handler  # type: ignore[attr-defined]
    add(DomainError, domain_error)
    add(ProblemException, problem)
    add(Exception, unexpected)
    for status in (404, 405):

        async def http_error(
            request: ConnexionRequest, exc: Exception, status: int = status
        ) -> ConnexionResponse:
            return respond(request, _from_http(request, status, exc))

        add(status, http_error)


def _from_http(
    request: ConnexionRequest, status: int, exc: Exception, detail: str | None = None
) -> ConnexionResponse:
    """An HTTP-level error: an unknown /api request name is 300; 405 keeps its Allow."""
    if status == 404 and request.url.path.startswith("/api/"):
        return error_response(ErrorCode.UNKNOWN_REQUEST_TYPE)
    headers = getattr(exc, "headers", None) or {}
    allow = {k: v for k, v in headers.items() if k.lower() == "allow"}
    return error_response(status, detail, allow)
