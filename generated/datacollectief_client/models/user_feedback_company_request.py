from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserFeedbackCompanyRequest")


@_attrs_define
class UserFeedbackCompanyRequest:
    """
    Attributes:
        company_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        company_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        street (str | Unset): A free-text field of a contribution; at most 200 characters.
        street_number (int | Unset):
        street_number_suffix (str | Unset): A free-text field of a contribution; at most 200 characters.
        zip_code (str | Unset): A free-text field of a contribution; at most 200 characters.
        city (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        url (str | Unset): A free-text field of a contribution; at most 200 characters.
    """

    company_id: int
    reason_id: int | Unset = UNSET
    other_reason: str | Unset = UNSET
    memo: str | Unset = UNSET
    company_name: str | Unset = UNSET
    street: str | Unset = UNSET
    street_number: int | Unset = UNSET
    street_number_suffix: str | Unset = UNSET
    zip_code: str | Unset = UNSET
    city: str | Unset = UNSET
    telephone: str | Unset = UNSET
    email: str | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_id = self.company_id

        reason_id = self.reason_id

        other_reason = self.other_reason

        memo = self.memo

        company_name = self.company_name

        street = self.street

        street_number = self.street_number

        street_number_suffix = self.street_number_suffix

        zip_code = self.zip_code

        city = self.city

        telephone = self.telephone

        email = self.email

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "CompanyId": company_id,
            }
        )
        if reason_id is not UNSET:
            field_dict["ReasonId"] = reason_id
        if other_reason is not UNSET:
            field_dict["OtherReason"] = other_reason
        if memo is not UNSET:
            field_dict["Memo"] = memo
        if company_name is not UNSET:
            field_dict["CompanyName"] = company_name
        if street is not UNSET:
            field_dict["Street"] = street
        if street_number is not UNSET:
            field_dict["StreetNumber"] = street_number
        if street_number_suffix is not UNSET:
            field_dict["StreetNumberSuffix"] = street_number_suffix
        if zip_code is not UNSET:
            field_dict["ZipCode"] = zip_code
        if city is not UNSET:
            field_dict["City"] = city
        if telephone is not UNSET:
            field_dict["Telephone"] = telephone
        if email is not UNSET:
            field_dict["Email"] = email
        if url is not UNSET:
            field_dict["Url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = d.pop("CompanyId")

        reason_id = d.pop("ReasonId", UNSET)

        other_reason = d.pop("OtherReason", UNSET)

        memo = d.pop("Memo", UNSET)

        company_name = d.pop("CompanyName", UNSET)

        street = d.pop("Street", UNSET)

        street_number = d.pop("StreetNumber", UNSET)

        street_number_suffix = d.pop("StreetNumberSuffix", UNSET)

        zip_code = d.pop("ZipCode", UNSET)

        city = d.pop("City", UNSET)

        telephone = d.pop("Telephone", UNSET)

        email = d.pop("Email", UNSET)

        url = d.pop("Url", UNSET)

        user_feedback_company_request = cls(
            company_id=company_id,
            reason_id=reason_id,
            other_reason=other_reason,
            memo=memo,
            company_name=company_name,
            street=street,
            street_number=street_number,
            street_number_suffix=street_number_suffix,
            zip_code=zip_code,
            city=city,
            telephone=telephone,
            email=email,
            url=url,
        )

        return user_feedback_company_request
