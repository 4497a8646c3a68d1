"""Handlers of the Contributions tag: new contacts and mutations (v1 query, V2 body)."""

from __future__ import annotations

from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend
from ..domain.clock import format_local
from ..domain.contributions import ContactOffer, Feedback, OfferOutcome
from ..domain.records import COMPANY, CONTACT, Subject

__all__ = [
    "contact_new", "contact_new_v2",
    "feedback_company", "feedback_contact", "feedback_company_v2", "feedback_contact_v2",
]  # fmt: skip

_V1_OFFER = {
    "name": "name", "firstName": "first_name", "gender": "gender",
    "functionDescription": "function_description", "email": "email",
    "telephone": "telephone", "mobilephone": "mobilephone",
}  # fmt: skip
_V2_OFFER = {
    "Name": "name", "FirstName": "first_name", "Gender": "gender",
    "FunctionDescription": "function_description", "Email": "email",
    "Telephone": "telephone", "Mobilephone": "mobilephone",
}  # fmt: skip
_FEEDBACK_KEYS = {"companyId", "contactId", "reasonId", "otherReason", "memo"}
_FEEDBACK_V2_KEYS = {"CompanyId", "ContactId", "ReasonId", "OtherReason", "Memo"}


def _offer_result(outcome: OfferOutcome) -> dict[str, Any]:
    offer = outcome.offer
    return {
        "ID": outcome.contact_id, "CompanyID": offer.company_id, "Name": offer.name,
        "FirstName": offer.first_name, "Gender": offer.gender,
        "FunctionDescription": offer.function_description, "Email": offer.email,
        "Telephone": offer.telephone, "Mobilephone": offer.mobilephone,
        "Status": outcome.status, "CreditsAwarded": outcome.credits_awarded,
    }  # fmt: skip


def contact_new(
    backend: Backend, account: Account, companyId: int, **fields: Any
) -> dict[str, Any]:
    """ContactNew (data in the query)."""
    offer = ContactOffer(
        companyId, **{_V1_OFFER[k]: v for k, v in fields.items() if k in _V1_OFFER}
    )
    return _offer_result(backend.offer_contact(account, offer))


def contact_new_v2(backend: Backend, account: Account, body: dict[str, Any]) -> dict[str, Any]:
    """ContactNewV2 (JSON body)."""
    fields = {_V2_OFFER[k]: v for k, v in body.items() if k in _V2_OFFER}
    return _offer_result(backend.offer_contact(account, ContactOffer(body["CompanyID"], **fields)))


def _receipt(feedback: Feedback) -> dict[str, Any]:
    return {
        "FeedbackId": feedback.id, "Subject": feedback.subject, "SubjectId": feedback.subject_id,
        "ReasonId": feedback.reason_id, "Status": feedback.status,
        "CreditsAwarded": feedback.credits_awarded,
        "ReceivedDate": format_local(feedback.received_at),
    }  # fmt: skip


def _feedback(
    backend: Backend,
    account: Account,
    subject: Subject,
    record_id: int,
    data: dict[str, Any],
    keys: tuple[str, str, str],
    reserved: set[str],
) -> dict[str, Any]:
    reason, other, memo = (data.get(key) for key in keys)
    changes = {k: v for k, v in data.items() if k not in reserved}
    return _receipt(
        backend.send_feedback(account, subject, record_id, reason, other, memo, changes)
    )


def feedback_company(backend: Backend, account: Account, **query: Any) -> dict[str, Any]:
    """UserFeedbackCompany (data in the query)."""
    keys = ("reasonId", "otherReason", "memo")
    return _feedback(backend, account, COMPANY, query["companyId"], query, keys, _FEEDBACK_KEYS)


def feedback_contact(backend: Backend, account: Account, **query: Any) -> dict[str, Any]:
    """UserFeedbackContact (data in the query)."""
    keys = ("reasonId", "otherReason", "memo")
    return _feedback(backend, account, CONTACT, query["contactId"], query, keys, _FEEDBACK_KEYS)


def feedback_company_v2(backend: Backend, account: Account, body: dict[str, Any]) -> dict[str, Any]:
    """UserFeedbackCompanyV2 (JSON body)."""
    keys = ("ReasonId", "OtherReason", "Memo")
    return _feedback(backend, account, COMPANY, body["CompanyId"], body, keys, _FEEDBACK_V2_KEYS)


def feedback_contact_v2(backend: Backend, account: Account, body: dict[str, Any]) -> dict[str, Any]:
    """UserFeedbackContactV2 (JSON body)."""
    keys = ("ReasonId", "OtherReason", "Memo")
    return _feedback(backend, account, CONTACT, body["ContactId"], body, keys, _FEEDBACK_V2_KEYS)
