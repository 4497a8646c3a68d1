"""Domain errors: each carries the service's documented code, never an HTTP status."""

from __future__ import annotations

import enum

__all__ = ["REASON_PHRASES", "STATUS_HEADER", "DomainError", "ErrorCode", "InvalidInput"]


class ErrorCode(enum.IntEnum):
    """The service's documented error codes (source D, its page Foutmeldingen)."""

    UNKNOWN_REQUEST_TYPE = 300
    UNKNOWN_LICENSE_NAME = 301
    LICENSE_REVOKED = 302
    LICENSE_ID_MISMATCH = 303
    WRONG_PASSWORD = 304
    UNKNOWN_APPLICATION = 305
    INVALID_DATETIME_VALUE = 306
    UNKNOWN_COMPANY_ID = 307
    UNKNOWN_CONTACT_PERSON_ID = 308
    UNKNOWN_SELECTION_ID = 309
    INSUFFICIENT_CREDITS = 310
    EXCEEDED_LIMIT_DAY = 311
    EXCEEDED_LIMIT_HOUR = 312
    EXCEEDED_LIMIT_IP = 313
    DATABASE_TIMEOUT = 314
    COMPANY_MUTATION_REFUSED = 315
    CONTACT_MUTATION_REFUSED = 316
    COMPANY_INACTIVE = 317
    CONTACT_INACTIVE = 318
    LICENSE_NOT_ALLOWED = 319
    BAD_REQUEST = 400


#: The reason phrase of each of the service's codes: its status name (source D; spec/README.md).
REASON_PHRASES: dict[int, str] = {
    code.value: code.name for code in ErrorCode if 300 <= code.value <= 319
}
#: The header that carries the status name where no reason phrase can (inferred).
STATUS_HEADER = "X-Error-Status"


class DomainError(Exception):
    """A business rule refused the request; `code` is the service's error code.

    `detail` says what exactly went wrong; `field` names the parameter (or body member) at fault.
    """

    def __init__(
        self, code: ErrorCode, detail: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(detail or code.name)
        self.code = code
        self.detail = detail
        self.field = field


class InvalidInput(DomainError):
    """Input that passes the schema but breaks a rule the schema cannot hold (400)."""

    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(ErrorCode.BAD_REQUEST, detail, field)
