"""Contains all the data models used in inputs/outputs"""

from .branche_table import BrancheTable
from .branche_table_base_table_branche_item import BrancheTableBaseTableBrancheItem
from .click_path_step import ClickPathStep
from .company import Company
from .company_limited import CompanyLimited
from .company_list_item import CompanyListItem
from .company_list_page import CompanyListPage
from .company_selection_page import CompanySelectionPage
from .company_sort_order import CompanySortOrder
from .company_timestamps import CompanyTimestamps
from .contact import Contact
from .contact_limited import ContactLimited
from .contact_list_item import ContactListItem
from .contact_list_result import ContactListResult
from .contact_new_request import ContactNewRequest
from .contact_new_result import ContactNewResult
from .contact_timestamps import ContactTimestamps
from .download_statistics import DownloadStatistics
from .employee_table import EmployeeTable
from .employee_table_base_table_employee_item import EmployeeTableBaseTableEmployeeItem
from .error import Error
from .error_model_state import ErrorModelState
from .feedback_receipt import FeedbackReceipt
from .function_table import FunctionTable
from .function_table_base_table_function_item import FunctionTableBaseTableFunctionItem
from .gender import Gender
from .id_item import IdItem
from .import_export_table import ImportExportTable
from .import_export_table_base_table_import_export_item import ImportExportTableBaseTableImportExportItem
from .info_visit import InfoVisit
from .lead_company import LeadCompany
from .leads_result import LeadsResult
from .legal_form_table import LegalFormTable
from .legal_form_table_base_table_legal_form_item import LegalFormTableBaseTableLegalFormItem
from .message_reason import MessageReason
from .message_reason_table import MessageReasonTable
from .registered_account import RegisteredAccount
from .updated_companies_request import UpdatedCompaniesRequest
from .updated_companies_result import UpdatedCompaniesResult
from .updated_companies_v1_result import UpdatedCompaniesV1Result
from .updated_contacts_request import UpdatedContactsRequest
from .updated_contacts_result import UpdatedContactsResult
from .updated_contacts_v1_result import UpdatedContactsV1Result
from .url_result import UrlResult
from .user_feedback_company_request import UserFeedbackCompanyRequest
from .user_feedback_contact_request import UserFeedbackContactRequest
from .version_result import VersionResult
from .visit import Visit
from .website import Website
from .websites_result import WebsitesResult

__all__ = (
    "BrancheTable",
    "BrancheTableBaseTableBrancheItem",
    "ClickPathStep",
    "Company",
    "CompanyLimited",
    "CompanyListItem",
    "CompanyListPage",
    "CompanySelectionPage",
    "CompanySortOrder",
    "CompanyTimestamps",
    "Contact",
    "ContactLimited",
    "ContactListItem",
    "ContactListResult",
    "ContactNewRequest",
    "ContactNewResult",
    "ContactTimestamps",
    "DownloadStatistics",
    "EmployeeTable",
    "EmployeeTableBaseTableEmployeeItem",
    "Error",
    "ErrorModelState",
    "FeedbackReceipt",
    "FunctionTable",
    "FunctionTableBaseTableFunctionItem",
    "Gender",
    "IdItem",
    "ImportExportTable",
    "ImportExportTableBaseTableImportExportItem",
    "InfoVisit",
    "LeadCompany",
    "LeadsResult",
    "LegalFormTable",
    "LegalFormTableBaseTableLegalFormItem",
    "MessageReason",
    "MessageReasonTable",
    "RegisteredAccount",
    "UpdatedCompaniesRequest",
    "UpdatedCompaniesResult",
    "UpdatedCompaniesV1Result",
    "UpdatedContactsRequest",
    "UpdatedContactsResult",
    "UpdatedContactsV1Result",
    "UrlResult",
    "UserFeedbackCompanyRequest",
    "UserFeedbackContactRequest",
    "VersionResult",
    "Visit",
    "Website",
    "WebsitesResult",
)
