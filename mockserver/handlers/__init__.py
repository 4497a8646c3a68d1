"""HTTP adapters, one module per tag, and the one table from operationId to handler."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import account, companies, contributions, leads, reference, selections, updates

__all__ = ["OPERATIONS"]

#: operationId in spec/datacollectief.yaml -> handler(backend, account, **params).
OPERATIONS: dict[str, Callable[..., dict[str, Any]]] = {
    "registerAccount": account.register_account,
    "getDownloadStatistics": account.download_statistics,
    "getUrlAccountInfo": account.url_account_info,
    "getVersion": account.version,
    "listCompanies": companies.list_companies,
    "downloadCompany": companies.download_company,
    "getCompanyLimited": companies.company_limited,
    "listContacts": companies.list_contacts,
    "downloadContact": companies.download_contact,
    "getContactLimited": companies.contact_limited,
    "getUrlCompanySelection": selections.url_company_selection,
    "getCompanySelection": selections.company_selection,
    "getUpdatedCompanies": updates.updated_companies,
    "getUpdatedContacts": updates.updated_contacts,
    "getUpdatedCompaniesV2": updates.updated_companies_v2,
    "getUpdatedContactsV2": updates.updated_contacts_v2,
    "offerContactNew": contributions.contact_new,
    "offerContactNewV2": contributions.contact_new_v2,
    "sendUserFeedbackCompany": contributions.feedback_company,
    "sendUserFeedbackContact": contributions.feedback_contact,
    "sendUserFeedbackCompanyV2": contributions.feedback_company_v2,
    "sendUserFeedbackContactV2": contributions.feedback_contact_v2,
    "listMessageReasons": reference.base_table("message_reason", "BaseTableMessageReason"),
    "listMessageReason": reference.base_table("message_reason", "BaseTableMessageReason"),
    "listFunctions": reference.base_table("function", "BaseTableFunction"),
    "listBranches": reference.base_table("branche", "BaseTableBranche"),
    "listEmployeeClasses": reference.base_table("employee", "BaseTableEmployee"),
    "listImportExport": reference.base_table("import_export", "BaseTableImportExport"),
    "listLegalForms": reference.base_table("legal_form", "BaseTableLegalForm"),
    "listWebsites": leads.websites,
    "listWebsiteLeads": leads.website_leads,
}
