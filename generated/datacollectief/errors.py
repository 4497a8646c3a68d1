"""Typed errors: one exception class per documented code of the service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import httpx

from datacollectief_client.errors import STATUS_NAMES, parse_error
from datacollectief_client.models import Error

__all__ = [
    "BadRequest",
    "CompanyInactive",
    "CompanyMutationRefused",
    "ContactInactive",
    "ContactMutationRefused",
    "CredentialsError",
    "DataCollectiefError",
    "DatabaseTimeout",
    "ExceededLimitDay",
    "ExceededLimitHour",
    "ExceededLimitIp",
    "InsufficientCredits",
    "InvalidDatetimeValue",
    "LicenseIdMismatch",
    "LicenseNotAllowed",
    "LicenseRevoked",
    "LimitExceeded",
    "UnknownApplication",
    "UnknownCompanyId",
    "UnknownContactPersonId",
    "UnknownIdError",
    "UnknownLicenseName",
    "UnknownRequestType",
    "UnknownSelectionId",
    "WrongPassword",
    "error_class",
    "error_from_response",
]


class DataCollectiefError(Exception):
    """An answer other than 200: the service's code, its status name and message.

    ``code`` is the HTTP status (the service's code, 300-319, or 400 for malformed input, or
    whatever else came back), ``status`` the status name (``INSUFFICIENT_CREDITS``; empty when
    none is known), ``message`` the service's text, ``detail`` the mock's ``MessageDetail`` when
    sent. ``retryable`` says whether the service advises to try the same request again.
    """

    #: The code this class stands for (0: any code without a class of its own).
    code_of_class: int = 0
    retryable: bool = False

    def __init__(self, code: int, status: str, message: str, detail: str | None = None) -> None:
        self.code = code
        self.status = status
        self.message = message
        self.detail = detail
        named = f"{code} {status}" if status else str(code)
        super().__init__(f"{named}: {message}" if message else named)


class CredentialsError(DataCollectiefError):
    """The credentials or the license were refused (301-305, 319)."""


class UnknownIdError(DataCollectiefError):
    """A company, contact or selection ID the service does not know (307-309)."""


class LimitExceeded(DataCollectiefError):
    """A request limit of the account or the IP address was reached (311-313)."""


class UnknownRequestType(DataCollectiefError):
    """300 UNKNOWN_REQUEST_TYPE."""

    code_of_class = 300


class UnknownLicenseName(CredentialsError):
    """301 UNKNOWN_LICENSE_NAME: an unknown (or missing) user."""

    code_of_class = 301


class LicenseRevoked(CredentialsError):
    """302 LICENSE_REVOKED."""

    code_of_class = 302


class LicenseIdMismatch(CredentialsError):
    """303 LICENSE_ID_MISMATCH."""

    code_of_class = 303


class WrongPassword(CredentialsError):
    """304 WRONG_PASSWORD (the answer has no body)."""

    code_of_class = 304


class UnknownApplication(CredentialsError):
    """305 UNKNOWN_APPLICATION."""

    code_of_class = 305


class InvalidDatetimeValue(DataCollectiefError):
    """306 INVALID_DATETIME_VALUE: a date that is malformed or does not exist."""

    code_of_class = 306


class UnknownCompanyId(UnknownIdError):
    """307 UNKNOWN_COMPANY_ID."""

    code_of_class = 307


class UnknownContactPersonId(UnknownIdError):
    """308 UNKNOWN_CONTACT_PERSON_ID."""

    code_of_class = 308


class UnknownSelectionId(UnknownIdError):
    """309 UNKNOWN_SELECTION_ID."""

    code_of_class = 309


class InsufficientCredits(DataCollectiefError):
    """310 INSUFFICIENT_CREDITS."""

    code_of_class = 310


class ExceededLimitDay(LimitExceeded):
    """311 EXCEEDED_LIMIT_DAY."""

    code_of_class = 311


class ExceededLimitHour(LimitExceeded):
    """312 EXCEEDED_LIMIT_HOUR."""

    code_of_class = 312


class ExceededLimitIp(LimitExceeded):
    """313 EXCEEDED_LIMIT_IP: too many bad requests from this IP address."""

    code_of_class = 313


class DatabaseTimeout(DataCollectiefError):
    """314 DATABASE_TIMEOUT: temporary; the service advises to try again."""

    code_of_class = 314
    retryable = True


class CompanyMutationRefused(DataCollectiefError):
    """315 COMPANY_MUTATION_REFUSED: feedback on a company the account does not own."""

    code_of_class = 315


class ContactMutationRefused(DataCollectiefError):
    """316 CONTACT_MUTATION_REFUSED: feedback on a contact the account does not own."""

    code_of_class = 316


class CompanyInactive(DataCollectiefError):
    """317 COMPANY_INACTIVE."""

    code_of_class = 317


class ContactInactive(DataCollectiefError):
    """318 CONTACT_INACTIVE."""

    code_of_class = 318


class LicenseNotAllowed(CredentialsError):
    """319 LICENSE_NOT_ALLOWED."""

    code_of_class = 319


class BadRequest(DataCollectiefError):
    """400: the request was malformed (ASP.NET Web API's ``ModelState`` says which part)."""

    code_of_class = 400


_CLASSES: dict[int, type[DataCollectiefError]] = {
    cls.code_of_class: cls
    for cls in (
        UnknownRequestType, UnknownLicenseName, LicenseRevoked, LicenseIdMismatch, WrongPassword,
        UnknownApplication, InvalidDatetimeValue, UnknownCompanyId, UnknownContactPersonId,
        UnknownSelectionId, InsufficientCredits, ExceededLimitDay, ExceededLimitHour,
        ExceededLimitIp, DatabaseTimeout, CompanyMutationRefused, ContactMutationRefused,
        CompanyInactive, ContactInactive, LicenseNotAllowed, BadRequest,
    )
}  # fmt: skip


def error_class(code: int) -> type[DataCollectiefError]:
    """The exception class of a code (`DataCollectiefError` itself for an undocumented one)."""
    return _CLASSES.get(code, DataCollectiefError)


class _Answer(Protocol):
    """What `error_from_response` reads: the generated client's `Response`."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Mapping[str, str]: ...
    @property
    def parsed(self) -> Any: ...


def error_from_response(response: _Answer) -> DataCollectiefError:
    """The typed error of an answer other than 200 (any body, or none).

    The code is the HTTP status, the one part the service documents (a body's `Code` is the
    mock's, inferred); the rest is what `parse_error` reads from the answer.
    """
    parsed = response.parsed
    if not isinstance(parsed, Error):  # no documented Error body: read whatever came
        parsed = parse_error(
            httpx.Response(
                response.status_code, headers=response.headers, content=response.content,
                extensions={"reason_phrase": b""},  # not kept by the generated Response
            )
        )  # fmt: skip
    code = response.status_code
    detail = parsed.message_detail if isinstance(parsed.message_detail, str) else None
    status = str(parsed.status or STATUS_NAMES.get(code, ""))
    return error_class(code)(code, status, str(parsed.message or ""), detail)
