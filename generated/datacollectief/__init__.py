"""Hand-written companions of the generated `datacollectief_client`.

Typed errors (one class per documented code), the retry policy, the service's wire formats,
and helpers that know the service's limits: paging, ID chunks, lead periods, a credit guard.
Names are loaded on first use, so that the generated package, which imports the retry policy and
the errors from here, and this package can import each other in any order.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .credits import (
        CREDITS_PER_DOWNLOAD,
        Downloads,
        download_companies,
        download_companies_async,
    )
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
    from .leads import (
        MAX_VISITS_PER_CALL,
        WebsiteLeads,
        website_leads,
        website_leads_async,
    )
    from .paging import (
        MAX_PAGE_SIZE,
        SELECTION_PAGE_SIZE,
        CompanyFilters,
        iter_companies,
        iter_companies_async,
        iter_company_pages,
        iter_company_pages_async,
        iter_selection,
        iter_selection_async,
    )
    from .retry import AsyncRetryTransport, Retry, RetryTransport
    from .updates import (
        MAX_IDS_PER_CALL,
        id_chunks,
        updated_companies,
        updated_companies_async,
        updated_contacts,
        updated_contacts_async,
    )
    from .wire import format_datetime, format_ids, parse_datetime, parse_ids

__all__ = [
    "CREDITS_PER_DOWNLOAD",
    "MAX_IDS_PER_CALL",
    "MAX_PAGE_SIZE",
    "MAX_VISITS_PER_CALL",
    "SELECTION_PAGE_SIZE",
    "AsyncRetryTransport",
    "BadRequest",
    "CompanyFilters",
    "CompanyInactive",
    "CompanyMutationRefused",
    "ContactInactive",
    "ContactMutationRefused",
    "CredentialsError",
    "DataCollectiefError",
    "DatabaseTimeout",
    "Downloads",
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
    "WebsiteLeads",
    "WrongPassword",
    "download_companies",
    "download_companies_async",
    "error_class",
    "format_datetime",
    "format_ids",
    "id_chunks",
    "iter_companies",
    "iter_companies_async",
    "iter_company_pages",
    "iter_company_pages_async",
    "iter_selection",
    "iter_selection_async",
    "parse_datetime",
    "parse_ids",
    "updated_companies",
    "updated_companies_async",
    "updated_contacts",
    "updated_contacts_async",
    "website_leads",
    "website_leads_async",
]

_MODULES = {
    **dict.fromkeys(
        ("CREDITS_PER_DOWNLOAD", "Downloads", "download_companies", "download_companies_async"),
        "credits",
    ),
    **dict.fromkeys(
        ("MAX_VISITS_PER_CALL", "WebsiteLeads", "website_leads", "website_leads_async"), "leads"
    ),
    **dict.fromkeys(
        (
            "MAX_PAGE_SIZE",
            "SELECTION_PAGE_SIZE",
            "CompanyFilters",
            "iter_companies",
            "iter_companies_async",
            "iter_company_pages",
            "iter_company_pages_async",
            "iter_selection",
            "iter_selection_async",
        ),
        "paging",
    ),
    **dict.fromkeys(
        (
            "MAX_IDS_PER_CALL",
            "id_chunks",
            "updated_companies",
            "updated_companies_async",
            "updated_contacts",
            "updated_contacts_async",
        ),
        "updates",
    ),
    **dict.fromkeys(("AsyncRetryTransport", "Retry", "RetryTransport"), "retry"),
    **dict.fromkeys(("format_datetime", "format_ids", "parse_datetime", "parse_ids"), "wire"),
}


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` on first use."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{_MODULES.get(name, 'errors')}", __name__)
    return getattr(module, name)
