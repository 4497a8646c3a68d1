"""Hand-written companions of the generated `datacollectief_client`.

Typed errors (one class per documented code), the retry policy, and the service's wire formats.
Names are loaded on first use, so that the generated package, which imports the retry policy and
the errors from here, and this package can import each other in any order.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import (
        BadRequest,
        CompanyInactive,
        CompanyMutationRefused,
        ContactInactive,
        ContactMutationRefused,
        CredentialsError,
        DatabaseTimeout,
        DataCollectiefError,
        ExceededLimitDay,
        ExceededLimitHour,
        ExceededLimitIp,
        InsufficientCredits,
        InvalidDatetimeValue,
        LicenseIdMismatch,
        LicenseNotAllowed,
        LicenseRevoked,
        LimitExceeded,
        UnknownApplication,
        UnknownCompanyId,
        UnknownContactPersonId,
        UnknownIdError,
        UnknownLicenseName,
        UnknownRequestType,
        UnknownSelectionId,
        WrongPassword,
        error_class,
    )
    from .retry import AsyncRetryTransport, Retry, RetryTransport
    from .wire import format_datetime, format_ids, parse_datetime, parse_ids

__all__ = [
    "AsyncRetryTransport",
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
    "Retry",
    "RetryTransport",
    "UnknownApplication",
    "UnknownCompanyId",
    "UnknownContactPersonId",
    "UnknownIdError",
    "UnknownLicenseName",
    "UnknownRequestType",
    "UnknownSelectionId",
    "WrongPassword",
    "error_class",
    "format_datetime",
    "format_ids",
    "parse_datetime",
    "parse_ids",
]

_MODULES = {
    **dict.fromkeys(("AsyncRetryTransport", "Retry", "RetryTransport"), "retry"),
    **dict.fromkeys(("format_datetime", "format_ids", "parse_datetime", "parse_ids"), "wire"),
}


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` on first use."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{_MODULES.get(name, 'errors')}", __name__)
    return getattr(module, name)
